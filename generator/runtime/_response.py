from __future__ import annotations

import os
import json
import inspect
import logging
import datetime
import functools
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Type,
    Union,
    Generic,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    Awaitable,
    AsyncIterator,
    cast,
    overload,
)
from typing_extensions import ParamSpec, get_origin, override

import httpx

from ._types import NoneType
from ._utils import is_given, unwrap_type
from ._constants import RAW_RESPONSE_HEADER
from ._exceptions import APIResponseValidationError

if TYPE_CHECKING:
    from ._models import FinalRequestOptions
    from ._base_client import BaseClient

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryAPIResponse",
    "AsyncBinaryAPIResponse",
    "ResponseContextManager",
    "AsyncResponseContextManager",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
]

P = ParamSpec("P")
R = TypeVar("R")
_T = TypeVar("_T")
_APIResponseT = TypeVar("_APIResponseT", bound="APIResponse[Any]")
_AsyncAPIResponseT = TypeVar("_AsyncAPIResponseT", bound="AsyncAPIResponse[Any]")

log: logging.Logger = logging.getLogger(__name__)


class BaseAPIResponse(Generic[R]):
    """An HTTP response plus what is needed to parse it into `R` (see `parse()`)."""

    http_response: httpx.Response

    retries_taken: int
    """How many retries were made before this response (0 if the first try succeeded)."""

    def __init__(
        self,
        *,
        raw: httpx.Response,
        cast_to: Type[R],
        client: BaseClient[Any],
        options: FinalRequestOptions,
        retries_taken: int = 0,
        stream_cls: Optional[Type[Any]] = None,
    ) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._client = client
        self._options = options
        self._stream_cls = stream_cls
        self._parsed: Dict[object, Any] = {}

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to the end of the response."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        """Whether the body was read or closed; if not, read it or `close()` the response."""
        return self.http_response.is_closed

    @override
    def __repr__(self) -> str:
        status = f"{self.status_code} {self.http_response.reason_phrase}"
        return f"<{self.__class__.__name__} [{status}] type={self._cast_to}>"

    def _wants_body(self, to: object) -> bool:
        """Whether parsing into `to` needs the whole body first (streams and binary bodies do not)."""
        if to is None and self._stream_cls is not None:
            return False
        target = get_origin(to or self._cast_to) or to or self._cast_to
        return not (inspect.isclass(target) and issubclass(target, (httpx.Response, BaseAPIResponse)))

    def _finish(self, parsed: Any, to: object) -> Any:
        if to is None and parsed is not None and is_given(self._options.post_parser):
            parsed = self._options.post_parser(parsed)
        self._parsed[to] = parsed
        return parsed

    def _parse(self, to: object) -> Any:
        """Turn the (already read) body into `to`, or into the type the method returns."""
        cast_to = unwrap_type(to if to is not None else self._cast_to)[0]
        response = self.http_response
        if to is None and self._stream_cls is not None:
            return self._stream_cls(cast_to=cast_to, response=response, client=self._client)
        if inspect.isclass(cast_to) and issubclass(cast_to, BaseAPIResponse):
            # a binary body: the response object itself, body unread until asked for
            return cast_to(
                raw=response,
                cast_to=bytes,
                client=self._client,
                options=self._options,
                retries_taken=self.retries_taken,
            )
        if cast_to is NoneType:
            return None
        if cast_to is str:
            return response.text
        if cast_to is bytes:
            return response.content
        if cast_to is int:
            return int(response.text)
        if cast_to is float:
            return float(response.text)
        if cast_to is bool:
            return response.text.lower() == "true"
        origin = get_origin(cast_to) or cast_to
        if inspect.isclass(origin) and issubclass(origin, httpx.Response):
            return response

        from ._models import is_basemodel  # pydantic's models load with the first response, not at import

        if not response.content and is_basemodel(cast_to):
            return None  # e.g. 204 No Content where a model was expected

        content_type = response.headers.get("content-type", "*").split(";")[0].strip()
        if not content_type.endswith("json"):
            if is_basemodel(cast_to):
                try:
                    data = response.json()
                except Exception as exc:
                    log.debug("Could not read JSON from response data due to %r", exc)
                else:
                    return self._client._process_response_data(data=data, cast_to=cast_to, response=response)
            if self._client._strict_response_validation:
                raise APIResponseValidationError(
                    response=response,
                    body=response.text,
                    message=(
                        "Expected Content-Type response header to be `application/json`"
                        f" but received `{content_type}` instead."
                    ),
                )
            return response.text

        try:
            data = response.json()
        except json.JSONDecodeError as exc:
            if self._client._strict_response_validation:
                raise APIResponseValidationError(response=response, body=response.text) from exc
            return response.text
        return self._client._process_response_data(data=data, cast_to=cast_to, response=response)


def _with_raw_header(kwargs: Dict[str, Any], mode: str) -> None:
    kwargs["extra_headers"] = {
        **(kwargs.get("extra_headers") or {}),
        RAW_RESPONSE_HEADER: mode,
    }


# unasync: async begin
class AsyncAPIResponse(BaseAPIResponse[R]):
    @overload
    async def parse(self, *, to: Type[_T]) -> _T: ...

    @overload
    async def parse(self) -> R: ...

    async def parse(self, *, to: Optional[Type[_T]] = None) -> Union[R, _T]:
        """The body parsed into the method's return type (or into `to`).

        `to` may be a model class, `dict`, `list`, a `Union`, `str`, `bytes`, `int`,
        `float`, `bool` or `httpx.Response`.
        """
        if to in self._parsed:
            return cast(Union[R, _T], self._parsed[to])
        if self._wants_body(to):
            await self.read()
        return cast(Union[R, _T], self._finish(self._parse(to), to))

    async def read(self) -> bytes:
        """Read and return the body."""
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    async def close(self) -> None:
        """Release the connection (done for you once the body is read)."""
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_lines():
            yield chunk


class AsyncBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """A response whose body is bytes (a file, an image...): read it, iterate it, or save it."""

    async def write_to_file(self, file: Union[str, "os.PathLike[str]"]) -> None:
        """Write the body to `file`, chunk by chunk (the whole body is never held at once if streamed)."""
        # unasync: async-only
        import anyio

        async with await anyio.Path(file).open("wb") as handle:
            async for data in self.iter_bytes():
                await handle.write(data)
        # unasync: sync-only
        # with open(file, "wb") as handle:
        #     for data in self.iter_bytes():
        #         handle.write(data)
        # unasync: end


class AsyncResponseContextManager(Generic[_AsyncAPIResponseT]):
    """Sends the request on entering and always closes the response on leaving."""

    def __init__(self, request_func: Callable[[], Awaitable[_AsyncAPIResponseT]]) -> None:
        self._request_func = request_func
        self._response: Optional[_AsyncAPIResponseT] = None

    async def __aenter__(self) -> _AsyncAPIResponseT:
        self._response = await self._request_func()
        return self._response

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        if self._response is not None:
            await self._response.close()


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    """Wrap an API method so it returns the response object (body read) instead of `R`."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        _with_raw_header(kwargs, "raw")
        return cast(AsyncAPIResponse[R], await func(*args, **kwargs))

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[AsyncAPIResponse[R]]]:
    """Wrap an API method so it returns a context manager over the unread response object."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[AsyncAPIResponse[R]]:
        _with_raw_header(kwargs, "stream")
        request = functools.partial(func, *args, **kwargs)
        return AsyncResponseContextManager(cast(Callable[[], Awaitable[AsyncAPIResponse[R]]], request))

    return wrapped


# unasync: async end


# unasync: sync begin (derived from the async section above by `python -m generator.unasync`; do not edit)
class APIResponse(BaseAPIResponse[R]):
    @overload
    def parse(self, *, to: Type[_T]) -> _T: ...

    @overload
    def parse(self) -> R: ...

    def parse(self, *, to: Optional[Type[_T]] = None) -> Union[R, _T]:
        """The body parsed into the method's return type (or into `to`).

        `to` may be a model class, `dict`, `list`, a `Union`, `str`, `bytes`, `int`,
        `float`, `bool` or `httpx.Response`.
        """
        if to in self._parsed:
            return cast(Union[R, _T], self._parsed[to])
        if self._wants_body(to):
            self.read()
        return cast(Union[R, _T], self._finish(self._parse(to), to))

    def read(self) -> bytes:
        """Read and return the body."""
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def close(self) -> None:
        """Release the connection (done for you once the body is read)."""
        self.http_response.close()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        for chunk in self.http_response.iter_bytes(chunk_size):
            yield chunk

    def iter_text(self, chunk_size: Optional[int] = None) -> Iterator[str]:
        for chunk in self.http_response.iter_text(chunk_size):
            yield chunk

    def iter_lines(self) -> Iterator[str]:
        for chunk in self.http_response.iter_lines():
            yield chunk


class BinaryAPIResponse(APIResponse[bytes]):
    """A response whose body is bytes (a file, an image...): read it, iterate it, or save it."""

    def write_to_file(self, file: Union[str, "os.PathLike[str]"]) -> None:
        """Write the body to `file`, chunk by chunk (the whole body is never held at once if streamed)."""
        with open(file, "wb") as handle:
            for data in self.iter_bytes():
                handle.write(data)


class ResponseContextManager(Generic[_APIResponseT]):
    """Sends the request on entering and always closes the response on leaving."""

    def __init__(self, request_func: Callable[[], _APIResponseT]) -> None:
        self._request_func = request_func
        self._response: Optional[_APIResponseT] = None

    def __enter__(self) -> _APIResponseT:
        self._response = self._request_func()
        return self._response

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        if self._response is not None:
            self._response.close()


def to_raw_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, APIResponse[R]]:
    """Wrap an API method so it returns the response object (body read) instead of `R`."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        _with_raw_header(kwargs, "raw")
        return cast(APIResponse[R], func(*args, **kwargs))

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, ResponseContextManager[APIResponse[R]]]:
    """Wrap an API method so it returns a context manager over the unread response object."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[APIResponse[R]]:
        _with_raw_header(kwargs, "stream")
        request = functools.partial(func, *args, **kwargs)
        return ResponseContextManager(cast(Callable[[], APIResponse[R]], request))

    return wrapped


# unasync: sync end
