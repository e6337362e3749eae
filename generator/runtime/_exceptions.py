from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional
from typing_extensions import Literal

import httpx

from ._settings import ERRORS_KEY, BaseError, error_model

if TYPE_CHECKING:
    from ._settings import ErrorModel

__all__ = [
    "BaseError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "make_status_error",
]


class APIError(BaseError):
    message: str
    request: httpx.Request

    body: object | None
    """The API response body: the decoded JSON if it was valid JSON, else the raw text,
    or `None` when there was no response (e.g. a connection error)."""

    errors: List[ErrorModel]
    """The error objects of the response body, parsed loosely; empty if there are none."""

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.request = request
        self.message = message
        self.body = body
        self.errors = _parse_errors(body)


class APIResponseValidationError(APIError):
    response: httpx.Response
    status_code: int

    def __init__(
        self,
        response: httpx.Response,
        body: object | None,
        *,
        message: Optional[str] = None,
    ) -> None:
        message = message or "Data returned by API invalid for expected schema."
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """Raised when the API responds with a non-success status code."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIConnectionError(APIError):
    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class BadRequestError(APIStatusError):
    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    status_code: Literal[401] = 401


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    status_code: Literal[404] = 404


class ConflictError(APIStatusError):
    status_code: Literal[409] = 409


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422] = 422


class RateLimitError(APIStatusError):
    status_code: Literal[429] = 429


class InternalServerError(APIStatusError):
    pass


_STATUS_ERRORS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(message: str, *, body: object, response: httpx.Response) -> APIStatusError:
    """The exception for an error response: the class is picked by status code."""
    status = response.status_code
    cls = _STATUS_ERRORS.get(status, InternalServerError if status >= 500 else APIStatusError)
    return cls(message, response=response, body=body)


def _parse_errors(body: object) -> List[ErrorModel]:
    if ERRORS_KEY is None or not isinstance(body, dict):
        return []
    from ._models import construct_type  # pydantic's models load with the first error, not at import

    try:
        errors = construct_type(type_=List[error_model()], value=body.get(ERRORS_KEY))  # type: ignore[misc]
    except Exception:
        return []
    return errors if isinstance(errors, list) else []
