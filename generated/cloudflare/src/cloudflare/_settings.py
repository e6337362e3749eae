# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.
"""What makes the shared runtime this SDK's own: its names, prefixes, envelope keys and base error.

Every other runtime module is the same in every SDK sdkgen generates; they read this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Type, Tuple, Optional

if TYPE_CHECKING:
    from .types.shared.error_data import ErrorData

    ErrorModel = ErrorData
    """The type of the items of `APIError.errors`."""

__all__ = [
    "PACKAGE_NAME",
    "ENV_PREFIX",
    "TELEMETRY_PREFIX",
    "RESULT_KEY",
    "ERRORS_KEY",
    "SECRET_QUERY_PARAMS",
    "BaseError",
    "CloudflareError",
]

PACKAGE_NAME = "cloudflare"
"""The import name: the logger's name, and what messages tell users to import."""

ENV_PREFIX = "CLOUDFLARE"
"""Prefix of the environment variables the runtime reads (`<prefix>_LOG`, `<prefix>_CUSTOM_HEADERS`)."""

TELEMETRY_PREFIX = "X-Stainless"
"""Prefix of the telemetry headers, e.g. `X-Stainless-Lang: python`."""

RESULT_KEY: Optional[str] = "result"
"""The key of the response envelope that holds the result; `None` when responses are not enveloped."""

ERRORS_KEY: Optional[str] = "errors"
"""The key of an error response's body that lists the errors; `None` when there is none."""

SECRET_QUERY_PARAMS: Tuple[str, ...] = ()
"""Query parameters that carry credentials: their values are redacted from every log line."""


class CloudflareError(Exception):
    """The base of every exception the SDK raises."""


BaseError = CloudflareError


def error_model() -> Type[ErrorModel]:
    """The class of the items of `APIError.errors` (imported lazily: it is a generated model)."""
    from .types.shared.error_data import ErrorData

    return ErrorData
