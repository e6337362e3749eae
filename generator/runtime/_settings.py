"""What makes the shared runtime one SDK's own: its names, prefixes, envelope keys and base error.

sdkgen writes this module into every SDK it generates (from the spec and the config); every
other runtime module is copied byte for byte. This copy, beside the runtime's source, is the
one the runtime's own type-check and tests run against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Type, Tuple, Optional

if TYPE_CHECKING:
    ErrorModel = Dict[str, object]
    """The type of the items of `APIError.errors`."""

__all__ = [
    "PACKAGE_NAME",
    "ENV_PREFIX",
    "TELEMETRY_PREFIX",
    "RESULT_KEY",
    "ERRORS_KEY",
    "SECRET_QUERY_PARAMS",
    "BaseError",
]

PACKAGE_NAME = "sdk"
"""The import name: the logger's name, and what messages tell users to import."""

ENV_PREFIX = "SDK"
"""Prefix of the environment variables the runtime reads (`<prefix>_LOG`, `<prefix>_CUSTOM_HEADERS`)."""

TELEMETRY_PREFIX = "X-Stainless"
"""Prefix of the telemetry headers, e.g. `X-Stainless-Lang: python`."""

RESULT_KEY: Optional[str] = "result"
"""The key of the response envelope that holds the result; `None` when responses are not enveloped."""

ERRORS_KEY: Optional[str] = "errors"
"""The key of an error response's body that lists the errors; `None` when there is none."""

SECRET_QUERY_PARAMS: Tuple[str, ...] = ("api_key",)
"""Query parameters that carry credentials: their values are redacted from every log line."""


class BaseError(Exception):
    """The base of every exception the SDK raises."""


def error_model() -> Type[ErrorModel]:
    """The class of the items of `APIError.errors` (imported lazily: it is a generated model)."""
    return dict
