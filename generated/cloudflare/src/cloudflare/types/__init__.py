# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from typing import TYPE_CHECKING

from .._utils._lazy import lazy_getattr

if TYPE_CHECKING:
    from . import iam as iam
    from . import shared as shared

__all__ = [
    "iam",
    "shared",
]

# Each name is imported from its module on first access (see `_utils/_lazy.py`).
__getattr__ = lazy_getattr(
    __name__,
    {
        "iam": ".iam",
        "shared": ".shared",
    },
)
