from __future__ import annotations

import os
import sys
import json
import time
import logging
import importlib
from random import random
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Type,
    Tuple,
    Union,
    Generic,
    Mapping,
    TypeVar,
    Optional,
    Generator,
    AsyncIterator,
    cast,
)
from datetime import date, datetime
from functools import lru_cache
from typing_extensions import Self, override

import httpx
import pydantic

from ._qs import Querystring
from ._types import (
    Body,
    Omit,
    Query,
    Headers,
    Timeout,
    NotGiven,
    AnyMapping,
    PostParser,
    RequestOptions,
    not_given,
)
from ._utils import is_given
from ._options import FinalRequestOptions
from ._response import APIResponse, AsyncAPIResponse
from ._constants import (
    ENV_PREFIX,
    DEFAULT_TIMEOUT,
    MAX_RETRY_DELAY,
    TELEMETRY_PREFIX,
    RETRY_COUNT_HEADER,
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    RAW_RESPONSE_HEADER,
    READ_TIMEOUT_HEADER,
    DEFAULT_CONNECTION_LIMITS,
)
from ._exceptions import (
    APIStatusError,
    APITimeoutError,
    APIConnectionError,
    APIResponseValidationError,
    make_status_error,
)
from ._settings import PACKAGE_NAME
from ._utils._logs import REDACTED, redact_url, redact_headers, is_secret_name

if TYPE_CHECKING:
    from ._pages import BaseSyncPage, BaseAsyncPage
    from ._streaming import Stream, AsyncStream

__all__ = [
    "AsyncPaginator",
    "SyncAPIClient",
    "AsyncAPIClient",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DefaultAioHttpClient",
    "make_request_options",
]

log: logging.Logger = logging.getLogger(__name__)

_T = TypeVar("_T")
ResponseT = TypeVar("ResponseT")
SyncPageT = TypeVar("SyncPageT", bound="BaseSyncPage[Any]")
AsyncPageT = TypeVar("AsyncPageT", bound="BaseAsyncPage[Any]")
_StreamT = TypeVar("_StreamT", bound="Stream[Any]")
_AsyncStreamT = TypeVar("_AsyncStreamT", bound="AsyncStream[Any]")
_HttpxClientT = TypeVar("_HttpxClientT", bound=Union[httpx.Client, httpx.AsyncClient])

# what httpx uses when a client is created without a timeout
_HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)


# --- clients ------------------------------------------------------------------------------


class BaseClient(Generic[_HttpxClientT]):
    """What the sync and async clients share: building requests, retry policy, parsing."""

    _client: _HttpxClientT
    _version: str
    _base_url: httpx.URL
    max_retries: int
    timeout: Timeout
    _strict_response_validation: bool
    _custom_headers: Mapping[str, str]
    _custom_query: Mapping[str, object]

    def __init__(
        self,
        *,
        version: str,
        base_url: Union[str, httpx.URL],
        max_retries: int,
        timeout: Timeout,
        custom_headers: Optional[Mapping[str, str]],
        custom_query: Optional[Mapping[str, object]],
        _strict_response_validation: bool,
    ) -> None:
        if max_retries is None:
            raise TypeError(
                "max_retries cannot be None. If you want to disable retries, pass `0`; if you want"
                " unlimited retries, pass `math.inf` or a very high number; if you want the default"
                f" behavior, pass `{PACKAGE_NAME}.DEFAULT_MAX_RETRIES`"
            )
        self._version = version
        self.base_url = base_url
        self.max_retries = max_retries
        self.timeout = timeout
        env_headers = _parse_header_lines(os.environ.get(f"{ENV_PREFIX}_CUSTOM_HEADERS"))
        self._custom_headers = {**env_headers, **(custom_headers or {})}
        self._custom_query = dict(custom_query or {})
        self._strict_response_validation = _strict_response_validation
        self._merged_defaults_memo: Optional[Tuple[Dict[str, Union[str, Omit]], httpx.Headers]] = None

    # -- hooks the generated client overrides --

    @property
    def auth_headers(self) -> Dict[str, str]:
        return {}

    @property
    def default_headers(self) -> Dict[str, Union[str, Omit]]:
        return {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
            **self.platform_headers(),
            **self.auth_headers,
            **self._custom_headers,
        }

    @property
    def default_query(self) -> Dict[str, object]:
        return dict(self._custom_query)

    @property
    def qs(self) -> Querystring:
        return Querystring(array_format="repeat", nested_format="dots")

    def _validate_headers(self, headers: Headers, custom_headers: Headers) -> None:
        """Check the merged headers (e.g. that some credential is present); no-op here."""
        return None

    def _auth_headers_for(self, alternatives: Tuple[Tuple[str, ...], ...]) -> Dict[str, Union[str, Omit]]:
        """Credential headers of an operation whose security differs from the API's; none here."""
        return {}

    def _auth_query_for(self, alternatives: Tuple[Tuple[str, ...], ...]) -> Dict[str, object]:
        return {}

    def _operation_url(self, server: str, path: str) -> str:
        """The URL of an operation with its own server; here the path (joined to base_url)."""
        return path

    # -- configuration --

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @base_url.setter
    def base_url(self, url: Union[str, httpx.URL]) -> None:
        url = httpx.URL(url)
        if url.scheme not in ("http", "https") or not url.host:
            # also guards a base URL taken from the environment: requests (and credentials) go there
            raise ValueError(f"Invalid base_url {str(url)!r}: it must be an absolute http:// or https:// URL")
        if not url.raw_path.endswith(b"/"):
            url = url.copy_with(raw_path=url.raw_path + b"/")
        self._base_url = url
        # `str()` of a URL without a path has no slash, though its raw path is "/"
        text = str(url)
        self._base_url_text = text if text.endswith("/") else text + "/"

    @property
    def user_agent(self) -> str:
        return f"{self.__class__.__name__}/Python {self._version}"

    def _async_label(self) -> str:
        return "false"

    def platform_headers(self) -> Dict[str, str]:
        return {
            **_platform_headers(self._version),
            f"{TELEMETRY_PREFIX}-Async": self._async_label(),
        }

    # -- building requests --

    def _build_headers(self, options: FinalRequestOptions, *, retries_taken: int = 0) -> httpx.Headers:
        custom_headers = options.headers or {}
        # the caller may override or `omit` these two, so look at what they passed; merged as
        # a last layer (not set on the built headers, where each write rescans them all)
        lower_custom = {name.lower() for name in custom_headers}
        telemetry: Dict[str, str] = {}
        if RETRY_COUNT_HEADER not in lower_custom:
            telemetry[RETRY_COUNT_HEADER] = str(retries_taken)
        if READ_TIMEOUT_HEADER not in lower_custom:
            timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
            if isinstance(timeout, httpx.Timeout):
                timeout = timeout.read
            if timeout is not None:
                telemetry[READ_TIMEOUT_HEADER] = str(timeout)
        defaults = self.default_headers
        if custom_headers:
            headers = httpx.Headers(_merge_headers(defaults, custom_headers, telemetry))
        else:  # most calls: the client's headers, merged once, and the two telemetry values
            headers = httpx.Headers(self._merged_defaults(defaults))
            for name, value in telemetry.items():
                headers[name] = value
        self._validate_headers(headers, custom_headers)
        return headers

    def _merged_defaults(self, defaults: Dict[str, Union[str, Omit]]) -> httpx.Headers:
        """`defaults` merged and checked, reused while they stay equal (the caller copies the result)."""
        memo = self._merged_defaults_memo
        if memo is None or memo[0] != defaults:
            memo = self._merged_defaults_memo = (defaults, httpx.Headers(_merge_headers(defaults)))
        return memo[1]

    def _prepare_url(self, url: str) -> httpx.URL:
        if "://" not in url and not url.startswith("//") and "?" not in url and "#" not in url:
            # the usual case, a plain relative path: one URL parse instead of three
            return httpx.URL(self._base_url_text + url.lstrip("/"))
        merge_url = httpx.URL(url)
        if merge_url.is_relative_url:
            raw_path = self.base_url.raw_path + merge_url.raw_path.lstrip(b"/")
            return self.base_url.copy_with(raw_path=raw_path)
        return merge_url

    def _build_request(self, options: FinalRequestOptions, *, retries_taken: int = 0) -> httpx.Request:
        if log.isEnabledFor(logging.DEBUG):
            log.debug("Request options: %s", _loggable_options(options))

        json_data = options.json_data
        if options.extra_json is not None:
            if json_data is None:
                json_data = options.extra_json
            elif isinstance(json_data, Mapping):
                json_data = {**json_data, **options.extra_json}
            else:
                raise RuntimeError(f"Unexpected JSON data type, {type(json_data)}, cannot merge with `extra_body`")

        headers = self._build_headers(options, retries_taken=retries_taken)
        params: Dict[str, object] = {**self.default_query, **options.params}
        url = self._prepare_url(options.url)
        if params and url.query:
            # keep the query that was part of the path, under the explicit params
            params = {**dict(url.params.items()), **params}
            url = url.copy_with(query=None)

        content: Optional[bytes] = None
        has_body = options.json_data is not None or options.content is not None
        if options.method.lower() == "get" and not has_body:
            headers.pop("Content-Type", None)
        elif options.content is not None:
            content = options.content
        elif json_data is not None:
            content = _json_dumps(json_data)

        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        return self._client.build_request(
            method=options.method.upper(),
            url=url,
            headers=headers,
            params=tuple(self.qs.stringify_items(params)) or None,
            content=content,
            timeout=timeout,
        )

    # -- retries --

    def _should_retry(self, response: httpx.Response) -> bool:
        should_retry = response.headers.get("x-should-retry")
        if should_retry == "true":
            log.debug("Retrying as header `x-should-retry` is set to `true`")
            return True
        if should_retry == "false":
            log.debug("Not retrying as header `x-should-retry` is set to `false`")
            return False
        status = response.status_code
        if status in (408, 409, 429) or status >= 500:
            log.debug("Retrying due to status code %i", status)
            return True
        log.debug("Not retrying")
        return False

    def _parse_retry_after_header(self, headers: Optional[httpx.Headers]) -> Optional[float]:
        """Seconds the server asked us to wait (`Retry-After-Ms`, then `Retry-After`), if any."""
        if headers is None:
            return None
        try:
            return float(headers.get("retry-after-ms", "")) / 1000
        except ValueError:
            pass
        retry_after = headers.get("retry-after")
        if retry_after is None:
            return None
        try:
            return float(retry_after)
        except ValueError:
            pass
        import email.utils  # only needed on the retry path

        date_tuple = email.utils.parsedate_tz(retry_after)
        if date_tuple is None:
            return None
        return float(email.utils.mktime_tz(date_tuple) - time.time())

    def _calculate_retry_timeout(self, retries_taken: int, response_headers: Optional[httpx.Headers] = None) -> float:
        retry_after = self._parse_retry_after_header(response_headers)
        if retry_after is not None and 0 < retry_after <= 60:
            return retry_after
        # exponential backoff, capped, minus up to 25% jitter
        delay = min(INITIAL_RETRY_DELAY * pow(2.0, min(retries_taken, 1000)), MAX_RETRY_DELAY)
        return max(delay * (1 - 0.25 * random()), 0.0)

    def _retry_delay(
        self,
        options: FinalRequestOptions,
        retries_taken: int,
        max_retries: int,
        response: Optional[httpx.Response],
    ) -> float:
        remaining = max_retries - retries_taken
        if remaining == 1:
            log.debug("1 retry left")
        else:
            log.debug("%i retries left", remaining)
        delay = self._calculate_retry_timeout(retries_taken, response.headers if response else None)
        log.info("Retrying request to %s in %f seconds", redact_url(options.url), delay)
        return delay

    def _raw_response_mode(self, request: httpx.Request) -> Optional[str]:
        """The mode a `with_raw_response` ("raw") or `with_streaming_response` ("stream") call asked for, if any."""
        return cast(Optional[str], request.headers.get(RAW_RESPONSE_HEADER))

    def _send_kwargs(self, options: FinalRequestOptions) -> Dict[str, Any]:
        if options.follow_redirects is None:
            return {}
        return {"follow_redirects": options.follow_redirects}

    def _log_response(self, response: httpx.Response) -> None:
        if not log.isEnabledFor(logging.DEBUG):
            return  # the redacted copies below cost more than the rest of the logging
        request = response.request
        log.debug(
            'HTTP Response: %s %s "%i %s" %s',
            request.method,
            redact_url(request.url),
            response.status_code,
            response.reason_phrase,
            redact_headers(response.headers.multi_items()),
        )

    # -- responses --

    def _make_status_error_from_response(self, response: httpx.Response) -> APIStatusError:
        if response.is_closed and not response.is_stream_consumed:
            # closed before it was read (e.g. by an event hook): no body to show
            return self._make_status_error(f"Error code: {response.status_code}", body=None, response=response)
        body: object = response.text.strip()
        try:
            body = json.loads(cast(str, body))
            message = f"Error code: {response.status_code} - {body}"
        except Exception:
            message = cast(str, body) or f"Error code: {response.status_code}"
        return self._make_status_error(message, body=body, response=response)

    def _make_status_error(self, message: str, *, body: object, response: httpx.Response) -> APIStatusError:
        return make_status_error(message, body=body, response=response)

    def _process_response_data(self, *, data: object, cast_to: Any, response: httpx.Response) -> Any:
        if data is None:
            return None
        if cast_to is object:
            return data
        # pydantic's model machinery loads with the first response parsed, not with the client
        from ._models import validate_type, construct_type

        try:
            if self._strict_response_validation:
                return validate_type(type_=cast_to, value=data)
            return construct_type(type_=cast_to, value=data)
        except pydantic.ValidationError as err:
            raise APIResponseValidationError(response=response, body=data) from err


def _merge_headers(*layers: Mapping[str, object]) -> Dict[str, str]:
    """Later layers win, names compared case-insensitively; `omit`/`None` values drop out."""
    merged: Dict[str, Tuple[str, object]] = {}
    for layer in layers:
        for name, value in layer.items():
            merged[name.lower()] = (name, value)
    headers: Dict[str, str] = {}
    for name, value in merged.values():
        if value is None or isinstance(value, (Omit, NotGiven)):
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        if "\r" in text or "\n" in text or "\r" in name or "\n" in name:
            raise ValueError(f"Header {name!r} contains a CR or LF character, which is not allowed")
        headers[name] = text
    return headers


def _parse_header_lines(text: Optional[str]) -> Dict[str, str]:
    """`Name: value` lines (as in `<PREFIX>_CUSTOM_HEADERS`) -> dict; other lines are ignored."""
    headers: Dict[str, str] = {}
    for line in (text or "").split("\n"):
        name, colon, value = line.partition(":")
        if colon and name.strip():
            headers[name.strip()] = value.strip()
    return headers


def _json_default(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _json_dumps(data: object) -> bytes:
    text = json.dumps(
        data,
        default=_json_default,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    return text.encode()


def _loggable_options(options: FinalRequestOptions) -> Dict[str, object]:
    loggable: Dict[str, object] = {"method": options.method, "url": redact_url(options.url)}
    if options.params:
        loggable["params"] = {k: REDACTED if is_secret_name(k) else v for k, v in options.params.items()}
    if options.headers:
        loggable["headers"] = redact_headers(options.headers)
    if options.json_data is not None:
        loggable["json_data"] = options.json_data
    if options.extra_json is not None:
        loggable["extra_json"] = options.extra_json
    if is_given(options.timeout):
        loggable["timeout"] = options.timeout
    if is_given(options.max_retries):
        loggable["max_retries"] = options.max_retries
    return loggable


class _DefaultHttpxClient(httpx.Client):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)


class _DefaultAsyncHttpxClient(httpx.AsyncClient):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)


class _DefaultAioHttpClient(httpx.AsyncClient):
    """`httpx.AsyncClient` sending through aiohttp (the `aiohttp` extra), with this SDK's defaults.

    aiohttp is imported when the client is made, never before: installing the extra costs
    nothing to users of the default transport.
    """

    def __init__(self, **kwargs: Any) -> None:
        try:
            transports = importlib.import_module("httpx_aiohttp")
        except ImportError:
            raise RuntimeError(
                f"To use the aiohttp client, install the `aiohttp` extra: pip install '{PACKAGE_NAME}[aiohttp]'"
            ) from None
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", True)
        if "transport" not in kwargs:
            # the options httpx would have given its own transport go to aiohttp's
            transport_options = ("verify", "cert", "trust_env", "http1", "http2", "limits")
            kwargs["transport"] = transports.AiohttpTransport(
                **{name: kwargs[name] for name in transport_options if name in kwargs}
            )
        super().__init__(**kwargs)


if TYPE_CHECKING:
    DefaultHttpxClient = httpx.Client
    """`httpx.Client` with this SDK's defaults (timeout, connection limits, redirects)."""
    DefaultAsyncHttpxClient = httpx.AsyncClient
    """`httpx.AsyncClient` with this SDK's defaults (timeout, connection limits, redirects)."""
    DefaultAioHttpClient = httpx.AsyncClient
    """`httpx.AsyncClient` on aiohttp's transport, with this SDK's defaults (needs the `aiohttp` extra)."""
else:
    DefaultHttpxClient = _DefaultHttpxClient
    DefaultAsyncHttpxClient = _DefaultAsyncHttpxClient
    DefaultAioHttpClient = _DefaultAioHttpClient


def _resolve_timeout(
    timeout: Union[Timeout, NotGiven],
    http_client: Union[httpx.Client, httpx.AsyncClient, None],
) -> Timeout:
    if is_given(timeout):
        return timeout
    # adopt the timeout of a custom http client, unless it is httpx's own default
    if http_client is not None and http_client.timeout != _HTTPX_DEFAULT_TIMEOUT:
        return http_client.timeout
    return DEFAULT_TIMEOUT


# unasync: async begin
# unasync: async-only
class AsyncPaginator(Generic[_T, AsyncPageT]):
    """What async list methods return: `await` it for the first page, or `async for` the items."""

    def __init__(
        self,
        client: AsyncAPIClient,
        options: FinalRequestOptions,
        page_cls: Type[AsyncPageT],
        model: Type[_T],
    ) -> None:
        self._client = client
        self._options = options
        self._page_cls = page_cls
        self._model = model

    def __await__(self) -> Generator[Any, None, AsyncPageT]:
        return self._get_page().__await__()

    async def _get_page(self) -> AsyncPageT:
        def _parser(page: AsyncPageT) -> AsyncPageT:
            page._set_private_attributes(client=self._client, model=self._model, options=self._options)
            return page

        self._options.post_parser = _parser
        return await self._client.request(self._page_cls, self._options)

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self._get_page()
        async for item in page:
            yield item


# unasync: end
class AsyncHttpxClientWrapper(DefaultAsyncHttpxClient):
    def __del__(self) -> None:
        if self.is_closed:
            return
        try:
            # unasync: async-only
            sys.modules["asyncio"].get_running_loop().create_task(self.aclose())
            # unasync: sync-only
            # self.close()
            # unasync: end
        except Exception:
            pass


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    def __init__(
        self,
        *,
        version: str,
        base_url: Union[str, httpx.URL],
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: Union[Timeout, NotGiven] = not_given,
        http_client: Optional[httpx.AsyncClient] = None,
        custom_headers: Optional[Mapping[str, str]] = None,
        custom_query: Optional[Mapping[str, object]] = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                "Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient`"
                f" but got {type(http_client)}"
            )
        resolved_timeout = _resolve_timeout(timeout, http_client)
        super().__init__(
            version=version,
            base_url=base_url,
            max_retries=max_retries,
            timeout=resolved_timeout,
            custom_headers=custom_headers,
            custom_query=custom_query,
            _strict_response_validation=_strict_response_validation,
        )
        self._client = http_client or AsyncHttpxClientWrapper(timeout=resolved_timeout)

    # unasync: async-only
    @override
    def _async_label(self) -> str:
        return f"async:{_async_library()}"

    # unasync: end
    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the underlying HTTP client; the client cannot be used afterwards."""
        if hasattr(self, "_client"):
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()

    async def _sleep(self, seconds: float) -> None:
        # unasync: async-only
        import anyio

        await anyio.sleep(seconds)
        # unasync: sync-only
        # time.sleep(seconds)
        # unasync: end

    async def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: Optional[Type[_AsyncStreamT]] = None,
    ) -> ResponseT:
        """Send `options` (retrying as configured) and parse the response into `cast_to`.

        With `stream_cls`, the result is a stream of server-sent events instead, each parsed
        into `cast_to` (see `_request_stream`, which types it).
        """
        max_retries = options.get_max_retries(self.max_retries)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken=retries_taken)
            raw_mode = self._raw_response_mode(request)
            if log.isEnabledFor(logging.DEBUG):
                log.debug("Sending HTTP Request: %s %s", request.method, redact_url(request.url))
            try:
                response = await self._client.send(
                    request,
                    stream=stream or raw_mode == "stream",
                    **self._send_kwargs(options),
                )
            except httpx.TimeoutException as err:
                log.debug("Encountered httpx.TimeoutException", exc_info=True)
                if retries_taken < max_retries:
                    await self._sleep(self._retry_delay(options, retries_taken, max_retries, None))
                    retries_taken += 1
                    continue
                log.debug("Raising timeout error")
                raise APITimeoutError(request=request) from err
            except Exception as err:
                log.debug("Encountered Exception", exc_info=True)
                if retries_taken < max_retries:
                    await self._sleep(self._retry_delay(options, retries_taken, max_retries, None))
                    retries_taken += 1
                    continue
                log.debug("Raising connection error")
                raise APIConnectionError(request=request) from err

            self._log_response(response)
            if not response.is_success:
                if retries_taken < max_retries and self._should_retry(response):
                    await response.aclose()
                    delay = self._retry_delay(options, retries_taken, max_retries, response)
                    await self._sleep(delay)
                    retries_taken += 1
                    continue
                await response.aread()
                log.debug("Re-raising status error")
                raise self._make_status_error_from_response(response) from None

            api_response: AsyncAPIResponse[ResponseT] = AsyncAPIResponse(
                raw=response,
                cast_to=cast_to,
                client=self,
                options=options,
                retries_taken=retries_taken,
                stream_cls=stream_cls,
            )
            if raw_mode:
                return cast(ResponseT, api_response)
            return await api_response.parse()

    # unasync: async-only
    def _request_api_list(
        self, model: Type[_T], page: Type[AsyncPageT], options: FinalRequestOptions
    ) -> AsyncPaginator[_T, AsyncPageT]:
        return AsyncPaginator(client=self, options=options, page_cls=page, model=model)

    # unasync: sync-only
    # def _request_api_list(self, model: Type[object], page: Type[SyncPageT], options: FinalRequestOptions) -> SyncPageT:
    #     def _parser(resp: SyncPageT) -> SyncPageT:
    #         resp._set_private_attributes(client=self, model=model, options=options)
    #         return resp
    #
    #     options.post_parser = _parser
    #     return self.request(page, options)
    #
    # unasync: end

    async def _request_stream(
        self,
        method: str,
        path: str,
        *,
        cast_to: Type[_T],
        stream_cls: Type[_AsyncStreamT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> _AsyncStreamT:
        """Send a request whose response is a stream of server-sent events, each parsed into `cast_to`."""
        opts = FinalRequestOptions(method=method, url=path, json_data=body, **options)
        return cast(_AsyncStreamT, await self.request(cast_to, opts, stream=True, stream_cls=stream_cls))

    async def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = {},
        stream: bool = False,
    ) -> ResponseT:
        opts = FinalRequestOptions(method="get", url=path, **options)
        return await self.request(cast_to, opts, stream=stream)

    async def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
        stream: bool = False,
    ) -> ResponseT:
        opts = FinalRequestOptions(method="post", url=path, json_data=body, **options)
        return await self.request(cast_to, opts, stream=stream)

    async def patch(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> ResponseT:
        opts = FinalRequestOptions(method="patch", url=path, json_data=body, **options)
        return await self.request(cast_to, opts)

    async def put(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> ResponseT:
        opts = FinalRequestOptions(method="put", url=path, json_data=body, **options)
        return await self.request(cast_to, opts)

    async def delete(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> ResponseT:
        opts = FinalRequestOptions(method="delete", url=path, json_data=body, **options)
        return await self.request(cast_to, opts)

    def get_api_list(
        self,
        path: str,
        *,
        model: Type[_T],
        page: Type[AsyncPageT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
        method: str = "get",
        # unasync: async-only
    ) -> AsyncPaginator[_T, AsyncPageT]:
        # unasync: sync-only
        # ) -> SyncPageT:
        # unasync: end
        opts = FinalRequestOptions(method=method, url=path, json_data=body, **options)
        return self._request_api_list(model, page, opts)


# unasync: async end


# unasync: sync begin (derived from the async section above by `python -m generator.unasync`; do not edit)
class SyncHttpxClientWrapper(DefaultHttpxClient):
    def __del__(self) -> None:
        if self.is_closed:
            return
        try:
            self.close()
        except Exception:
            pass


class SyncAPIClient(BaseClient[httpx.Client]):
    def __init__(
        self,
        *,
        version: str,
        base_url: Union[str, httpx.URL],
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: Union[Timeout, NotGiven] = not_given,
        http_client: Optional[httpx.Client] = None,
        custom_headers: Optional[Mapping[str, str]] = None,
        custom_query: Optional[Mapping[str, object]] = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(
                "Invalid `http_client` argument; Expected an instance of `httpx.Client`" f" but got {type(http_client)}"
            )
        resolved_timeout = _resolve_timeout(timeout, http_client)
        super().__init__(
            version=version,
            base_url=base_url,
            max_retries=max_retries,
            timeout=resolved_timeout,
            custom_headers=custom_headers,
            custom_query=custom_query,
            _strict_response_validation=_strict_response_validation,
        )
        self._client = http_client or SyncHttpxClientWrapper(timeout=resolved_timeout)

    def is_closed(self) -> bool:
        return self._client.is_closed

    def close(self) -> None:
        """Close the underlying HTTP client; the client cannot be used afterwards."""
        if hasattr(self, "_client"):
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: Optional[Type[_StreamT]] = None,
    ) -> ResponseT:
        """Send `options` (retrying as configured) and parse the response into `cast_to`.

        With `stream_cls`, the result is a stream of server-sent events instead, each parsed
        into `cast_to` (see `_request_stream`, which types it).
        """
        max_retries = options.get_max_retries(self.max_retries)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken=retries_taken)
            raw_mode = self._raw_response_mode(request)
            if log.isEnabledFor(logging.DEBUG):
                log.debug("Sending HTTP Request: %s %s", request.method, redact_url(request.url))
            try:
                response = self._client.send(
                    request,
                    stream=stream or raw_mode == "stream",
                    **self._send_kwargs(options),
                )
            except httpx.TimeoutException as err:
                log.debug("Encountered httpx.TimeoutException", exc_info=True)
                if retries_taken < max_retries:
                    self._sleep(self._retry_delay(options, retries_taken, max_retries, None))
                    retries_taken += 1
                    continue
                log.debug("Raising timeout error")
                raise APITimeoutError(request=request) from err
            except Exception as err:
                log.debug("Encountered Exception", exc_info=True)
                if retries_taken < max_retries:
                    self._sleep(self._retry_delay(options, retries_taken, max_retries, None))
                    retries_taken += 1
                    continue
                log.debug("Raising connection error")
                raise APIConnectionError(request=request) from err

            self._log_response(response)
            if not response.is_success:
                if retries_taken < max_retries and self._should_retry(response):
                    response.close()
                    delay = self._retry_delay(options, retries_taken, max_retries, response)
                    self._sleep(delay)
                    retries_taken += 1
                    continue
                response.read()
                log.debug("Re-raising status error")
                raise self._make_status_error_from_response(response) from None

            api_response: APIResponse[ResponseT] = APIResponse(
                raw=response,
                cast_to=cast_to,
                client=self,
                options=options,
                retries_taken=retries_taken,
                stream_cls=stream_cls,
            )
            if raw_mode:
                return cast(ResponseT, api_response)
            return api_response.parse()

    def _request_api_list(self, model: Type[object], page: Type[SyncPageT], options: FinalRequestOptions) -> SyncPageT:
        def _parser(resp: SyncPageT) -> SyncPageT:
            resp._set_private_attributes(client=self, model=model, options=options)
            return resp

        options.post_parser = _parser
        return self.request(page, options)

    def _request_stream(
        self,
        method: str,
        path: str,
        *,
        cast_to: Type[_T],
        stream_cls: Type[_StreamT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> _StreamT:
        """Send a request whose response is a stream of server-sent events, each parsed into `cast_to`."""
        opts = FinalRequestOptions(method=method, url=path, json_data=body, **options)
        return cast(_StreamT, self.request(cast_to, opts, stream=True, stream_cls=stream_cls))

    def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = {},
        stream: bool = False,
    ) -> ResponseT:
        opts = FinalRequestOptions(method="get", url=path, **options)
        return self.request(cast_to, opts, stream=stream)

    def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
        stream: bool = False,
    ) -> ResponseT:
        opts = FinalRequestOptions(method="post", url=path, json_data=body, **options)
        return self.request(cast_to, opts, stream=stream)

    def patch(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> ResponseT:
        opts = FinalRequestOptions(method="patch", url=path, json_data=body, **options)
        return self.request(cast_to, opts)

    def put(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> ResponseT:
        opts = FinalRequestOptions(method="put", url=path, json_data=body, **options)
        return self.request(cast_to, opts)

    def delete(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
    ) -> ResponseT:
        opts = FinalRequestOptions(method="delete", url=path, json_data=body, **options)
        return self.request(cast_to, opts)

    def get_api_list(
        self,
        path: str,
        *,
        model: Type[_T],
        page: Type[SyncPageT],
        body: Optional[Body] = None,
        options: RequestOptions = {},
        method: str = "get",
    ) -> SyncPageT:
        opts = FinalRequestOptions(method=method, url=path, json_data=body, **options)
        return self._request_api_list(model, page, opts)


# unasync: sync end


def make_request_options(
    *,
    query: Optional[Query] = None,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[Timeout, NotGiven] = not_given,
    post_parser: Union[PostParser, NotGiven] = not_given,
    content: Optional[bytes] = None,
) -> RequestOptions:
    """The per-call options of a generated method, without the values that were not given."""
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_body is not None:
        options["extra_json"] = cast(AnyMapping, extra_body)
    if query is not None:
        options["params"] = query
    if extra_query is not None:
        options["params"] = {**options.get("params", {}), **extra_query}
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if not isinstance(post_parser, NotGiven):
        options["post_parser"] = post_parser
    if content is not None:
        options["content"] = content
    return options


# --- platform headers ---------------------------------------------------------------------


@lru_cache(maxsize=None)
def _platform_headers(version: str) -> Dict[str, str]:
    import platform  # only when the first request is built: it costs ~6 ms of import time

    return {
        f"{TELEMETRY_PREFIX}-Lang": "python",
        f"{TELEMETRY_PREFIX}-Package-Version": version,
        f"{TELEMETRY_PREFIX}-OS": _os_name(),
        f"{TELEMETRY_PREFIX}-Arch": _arch_name(),
        f"{TELEMETRY_PREFIX}-Runtime": _safe(platform.python_implementation),
        f"{TELEMETRY_PREFIX}-Runtime-Version": _safe(platform.python_version),
    }


def _safe(probe: Any) -> str:
    try:
        return str(probe())
    except Exception:
        return "unknown"


def _os_name() -> str:
    import platform

    try:
        system = platform.system().lower()
        platform_name = platform.platform().lower()
    except Exception:
        return "Unknown"
    if "iphone" in platform_name or "ipad" in platform_name:
        return "iOS"
    if system == "darwin":
        return "MacOS"
    if system == "windows":
        return "Windows"
    if "android" in platform_name:
        return "Android"
    if system == "linux":
        return "Linux"
    if system == "freebsd":
        return "FreeBSD"
    if system == "openbsd":
        return "OpenBSD"
    return f"Other:{platform_name}" if platform_name else "Unknown"


def _arch_name() -> str:
    import platform

    try:
        machine = platform.machine().lower()
    except Exception:
        return "unknown"
    if machine in ("arm64", "aarch64"):
        return "arm64"
    if machine == "arm":
        return "arm"
    if machine in ("x86_64", "amd64"):
        return "x64"
    if sys.maxsize <= 2**32:
        return "x32"
    return f"other:{machine}" if machine else "unknown"


def _async_library() -> str:
    # only look at libraries that are already imported: a running loop needs its library
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None:
        try:
            asyncio.get_running_loop()
            return "asyncio"
        except RuntimeError:
            pass
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_task()
            return "trio"
        except Exception:
            pass
    return "false"
