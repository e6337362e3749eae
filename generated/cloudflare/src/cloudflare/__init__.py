# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from typing import TYPE_CHECKING

from ._types import NOT_GIVEN, Omit, NoneType, NotGiven, Timeout, RequestOptions, omit, not_given
from ._client import Client, AsyncClient, Cloudflare, AsyncCloudflare
from ._version import __title__, __version__
from ._response import APIResponse as APIResponse, AsyncAPIResponse as AsyncAPIResponse
from ._constants import DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_CONNECTION_LIMITS
from ._settings import CloudflareError
from ._exceptions import (
    APIError,
    ConflictError,
    NotFoundError,
    APIStatusError,
    RateLimitError,
    APITimeoutError,
    BadRequestError,
    APIConnectionError,
    AuthenticationError,
    InternalServerError,
    PermissionDeniedError,
    UnprocessableEntityError,
    APIResponseValidationError,
)
from ._base_client import DefaultHttpxClient, DefaultAioHttpClient, DefaultAsyncHttpxClient
from ._utils._logs import setup_logging as _setup_logging
from ._utils._lazy import lazy_getattr

if TYPE_CHECKING:
    from . import types as types
    from ._models import BaseModel as BaseModel
    from ._streaming import Stream as Stream, AsyncStream as AsyncStream

__all__ = [
    "types",
    "Stream",
    "AsyncStream",
    "__version__",
    "__title__",
    "NoneType",
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "Timeout",
    "RequestOptions",
    "CloudflareError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "APIConnectionError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "Client",
    "AsyncClient",
    "Cloudflare",
    "AsyncCloudflare",
    "BaseModel",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DefaultAioHttpClient",
]

_setup_logging()

# Loaded on first access, so `import cloudflare` stays cheap (see `_utils/_lazy.py`): BaseModel
# is pydantic's, whose model machinery costs about half of what importing httpx and pydantic does.
__getattr__ = lazy_getattr(
    __name__, {"types": ".types", "BaseModel": "._models", "Stream": "._streaming", "AsyncStream": "._streaming"}
)

# Report exported classes as `cloudflare.X` (in tracebacks and reprs), not by the private module
# that defines them, e.g. `cloudflare.NotFoundError` rather than `cloudflare._exceptions.NotFoundError`.
for _name, _value in list(globals().items()):
    if _name in __all__ and isinstance(_value, type):
        try:
            _value.__module__ = "cloudflare"
        except (TypeError, AttributeError):  # pragma: no cover - immutable builtins
            pass
