# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from typing import TYPE_CHECKING

from .._utils._lazy import lazy_getattr

if TYPE_CHECKING:
    from .iam import (
        IAMResource as IAMResource,
        AsyncIAMResource as AsyncIAMResource,
        IAMResourceWithRawResponse as IAMResourceWithRawResponse,
        AsyncIAMResourceWithRawResponse as AsyncIAMResourceWithRawResponse,
        IAMResourceWithStreamingResponse as IAMResourceWithStreamingResponse,
        AsyncIAMResourceWithStreamingResponse as AsyncIAMResourceWithStreamingResponse,
    )

__all__ = [
    "IAMResource",
    "AsyncIAMResource",
    "IAMResourceWithRawResponse",
    "AsyncIAMResourceWithRawResponse",
    "IAMResourceWithStreamingResponse",
    "AsyncIAMResourceWithStreamingResponse",
]

# Each name is imported from its module on first access (see `_utils/_lazy.py`).
__getattr__ = lazy_getattr(
    __name__,
    {
        "IAMResource": ".iam",
        "AsyncIAMResource": ".iam",
        "IAMResourceWithRawResponse": ".iam",
        "AsyncIAMResourceWithRawResponse": ".iam",
        "IAMResourceWithStreamingResponse": ".iam",
        "AsyncIAMResourceWithStreamingResponse": ".iam",
    },
)
