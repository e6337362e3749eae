"""Render `templates/runtime/**` into a throw-away package that the runtime tests import.

The real generator renders these templates from its IR; here a `SimpleNamespace` stands in
for the `sdk` context, and a few hand-written files (`__init__.py`, `_client.py`, a tiny
resource, the shared error model) play the part of the generated API-specific code.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "runtime"
PACKAGE = "acme_sdk"


def pystr(value: object) -> str:
    """A double-quoted Python string literal for `value` (black-stable, no raw control chars)."""
    out = ['"']
    for ch in str(value):
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    out.append('"')
    return "".join(out)


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pystr"] = pystr
    return env


def default_sdk(**overrides: object) -> SimpleNamespace:
    values: dict[str, object] = dict(
        import_name=PACKAGE,
        version="0.1.0",
        title="Acme",
        client_class="Acme",
        async_client_class="AsyncAcme",
        env_prefix="ACME",
        telemetry_prefix="X-Stainless",
        result_key="result",
        errors_key="errors",
        error_model=SimpleNamespace(
            class_name="ErrorData", module="types.shared.error_data"
        ),
        pages=[
            SimpleNamespace(
                class_suffix="SinglePage", kind="single", items_field="result"
            ),
            SimpleNamespace(
                class_suffix="PagePagination",
                kind="page_number",
                items_field="result",
                page_param="page",
                info_field="result_info",
            ),
            SimpleNamespace(
                class_suffix="CursorPagination",
                kind="cursor",
                items_field="result",
                cursor_param="cursor",
                cursor_path=["result_info", "cursor"],
            ),
        ],
    )
    values.update(overrides)
    return SimpleNamespace(**values)


def render_runtime(sdk: SimpleNamespace) -> dict[str, str]:
    """Relative path inside the package -> rendered text, for every runtime template."""
    env = make_environment()
    files: dict[str, str] = {}
    for path in sorted(TEMPLATES.rglob("*.jinja")):
        rel = path.relative_to(TEMPLATES).as_posix()
        files[rel[: -len(".jinja")]] = env.get_template(rel).render(sdk=sdk)
    return files


# --- hand-written stand-ins for what the lead's generator renders -------------------------

_INIT = """\
from . import types
from ._types import NOT_GIVEN, Omit, Timeout, NotGiven, RequestOptions, omit, not_given
from ._client import Acme, AsyncAcme
from ._models import BaseModel
from ._version import __title__, __version__
from ._constants import DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_CONNECTION_LIMITS
from ._exceptions import (
    APIError,
    AcmeError,
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
from ._base_client import DefaultHttpxClient, DefaultAsyncHttpxClient
from ._utils._logs import setup_logging as _setup_logging

__all__ = [
    "types",
    "__version__",
    "__title__",
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "Timeout",
    "RequestOptions",
    "AcmeError",
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
    "Acme",
    "AsyncAcme",
    "BaseModel",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
]

_setup_logging()
"""

_CLIENT = """\
from __future__ import annotations

import os
from typing import Any, Mapping
from functools import cached_property
from typing_extensions import Self

import httpx

from ._types import Omit, Headers, Timeout, NotGiven, not_given
from ._version import __version__
from ._constants import DEFAULT_MAX_RETRIES
from ._base_client import SyncAPIClient, AsyncAPIClient

__all__ = ["Acme", "AsyncAcme"]


class Acme(SyncAPIClient):
    api_key: str | None
    api_email: str | None
    api_version: str

    def __init__(
        self,
        *,
        api_key: str | None = None,
        api_email: str | None = None,
        api_version: str = "2024-01-01",
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = not_given,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get("ACME_API_KEY")
        self.api_key = api_key
        self.api_email = api_email
        self.api_version = api_version
        if base_url is None:
            base_url = os.environ.get("ACME_BASE_URL") or "https://api.acme.test/client/v4"
        super().__init__(
            version=__version__,
            base_url=base_url,
            max_retries=max_retries,
            timeout=timeout,
            http_client=http_client,
            custom_headers=default_headers,
            custom_query=default_query,
            _strict_response_validation=_strict_response_validation,
        )

    @cached_property
    def widgets(self) -> Any:
        from .resources.widgets import WidgetsResource

        return WidgetsResource(self)

    @property
    def auth_headers(self) -> dict[str, str]:
        if self.api_email:
            return {"X-Auth-Email": self.api_email}
        if self.api_key:
            return {"Authorization": f"Bearer {self.api_key}"}
        return {}

    @property
    def default_headers(self) -> dict[str, str | Omit]:
        return {**super().default_headers, "api-version": self.api_version}

    def _validate_headers(self, headers: Headers, custom_headers: Headers) -> None:
        for name in ("X-Auth-Email", "Authorization"):
            if headers.get(name) or isinstance(custom_headers.get(name), Omit):
                return
        raise TypeError('"Could not resolve authentication method."')

    def copy(
        self,
        *,
        max_retries: int | NotGiven = not_given,
        timeout: float | Timeout | None | NotGiven = not_given,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        return self.__class__(
            api_key=self.api_key,
            api_email=self.api_email,
            api_version=self.api_version,
            base_url=self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            http_client=self._client,
            default_headers={**self._custom_headers, **(default_headers or {})},
            default_query=self._custom_query,
            _strict_response_validation=self._strict_response_validation,
        )

    with_options = copy


class AsyncAcme(AsyncAPIClient):
    api_key: str | None
    api_email: str | None
    api_version: str

    def __init__(
        self,
        *,
        api_key: str | None = None,
        api_email: str | None = None,
        api_version: str = "2024-01-01",
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = not_given,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get("ACME_API_KEY")
        self.api_key = api_key
        self.api_email = api_email
        self.api_version = api_version
        if base_url is None:
            base_url = os.environ.get("ACME_BASE_URL") or "https://api.acme.test/client/v4"
        super().__init__(
            version=__version__,
            base_url=base_url,
            max_retries=max_retries,
            timeout=timeout,
            http_client=http_client,
            custom_headers=default_headers,
            custom_query=default_query,
            _strict_response_validation=_strict_response_validation,
        )

    @cached_property
    def widgets(self) -> Any:
        from .resources.widgets import AsyncWidgetsResource

        return AsyncWidgetsResource(self)

    @property
    def auth_headers(self) -> dict[str, str]:
        if self.api_email:
            return {"X-Auth-Email": self.api_email}
        if self.api_key:
            return {"Authorization": f"Bearer {self.api_key}"}
        return {}

    @property
    def default_headers(self) -> dict[str, str | Omit]:
        return {**super().default_headers, "api-version": self.api_version}

    def _validate_headers(self, headers: Headers, custom_headers: Headers) -> None:
        for name in ("X-Auth-Email", "Authorization"):
            if headers.get(name) or isinstance(custom_headers.get(name), Omit):
                return
        raise TypeError('"Could not resolve authentication method."')

    def copy(
        self,
        *,
        max_retries: int | NotGiven = not_given,
        timeout: float | Timeout | None | NotGiven = not_given,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        return self.__class__(
            api_key=self.api_key,
            api_email=self.api_email,
            api_version=self.api_version,
            base_url=self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            http_client=self._client,
            default_headers={**self._custom_headers, **(default_headers or {})},
            default_query=self._custom_query,
            _strict_response_validation=self._strict_response_validation,
        )

    with_options = copy
"""

_ERROR_DATA = """\
from typing import Optional

from ..._models import BaseModel

__all__ = ["ErrorData", "Source"]


class Source(BaseModel):
    pointer: Optional[str] = None


class ErrorData(BaseModel):
    code: Optional[int] = None

    documentation_url: Optional[str] = None

    message: Optional[str] = None

    source: Optional[Source] = None
"""

_WIDGET_TYPES = """\
from typing import Dict, List, Union, Iterable, Optional
from datetime import datetime
from typing_extensions import Literal, Required, Annotated, TypedDict

from pydantic import Field

from .._models import BaseModel
from .._utils import PropertyInfo

__all__ = ["Widget", "Scope", "WidgetUpdateParams", "WidgetListParams", "Circle", "Square"]


class Scope(BaseModel):
    key: str

    objects: Optional[List[Dict[str, str]]] = None


class Widget(BaseModel):
    id: str

    name: Optional[str] = None

    scope: Optional[Scope] = None

    created_on: Optional[datetime] = None

    kind: Optional[Literal["a", "b"]] = None

    api_name: Optional[str] = Field(default=None, alias="apiName")


class Circle(BaseModel):
    shape: Literal["circle"]

    radius: float


class Square(BaseModel):
    shape: Literal["square"]

    side: float


class ScopeParam(TypedDict, total=False):
    key: Required[str]

    objects: Iterable[Dict[str, str]]


class WidgetUpdateParams(TypedDict, total=False):
    account_id: Required[str]

    name: Optional[str]

    scope: ScopeParam

    display_name: Annotated[str, PropertyInfo(alias="displayName")]

    starts_at: Annotated[Union[str, datetime], PropertyInfo(format="iso8601")]


class WidgetListParams(TypedDict, total=False):
    name: str

    tags: List[str]

    filter: Dict[str, object]

    page: int
"""

_WIDGET_RESOURCE = """\
from __future__ import annotations

from typing import Type, Union, Iterable, Optional, cast
from datetime import datetime

import httpx

from .._types import Body, Omit, Query, Headers, NotGiven, omit, not_given
from .._utils import path_template, maybe_transform, async_maybe_transform
from .._resource import SyncAPIResource, AsyncAPIResource
from .._response import (
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
)
from .._wrappers import ResultWrapper
from ..pagination import SyncSinglePage, AsyncSinglePage
from .._base_client import AsyncPaginator, make_request_options
from ..types.widget import Widget, ScopeParam, WidgetListParams, WidgetUpdateParams

__all__ = ["WidgetsResource", "AsyncWidgetsResource"]


class WidgetsResource(SyncAPIResource):
    @property
    def with_raw_response(self) -> WidgetsResourceWithRawResponse:
        return WidgetsResourceWithRawResponse(self)

    @property
    def with_streaming_response(self) -> WidgetsResourceWithStreamingResponse:
        return WidgetsResourceWithStreamingResponse(self)

    def update(
        self,
        widget_id: str,
        *,
        account_id: str,
        name: Optional[str] | Omit = omit,
        scope: ScopeParam | Omit = omit,
        display_name: str | Omit = omit,
        starts_at: Union[str, datetime] | Omit = omit,
        x_trace: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Optional[Widget]:
        if not account_id:
            raise ValueError(f"Expected a non-empty value for `account_id` but received {account_id!r}")
        if not widget_id:
            raise ValueError(f"Expected a non-empty value for `widget_id` but received {widget_id!r}")
        extra_headers = {"X-Trace": x_trace, **(extra_headers or {})}
        return self._put(
            path_template("/accounts/{account_id}/widgets/{widget_id}", account_id=account_id, widget_id=widget_id),
            body=maybe_transform(
                {"name": name, "scope": scope, "display_name": display_name, "starts_at": starts_at},
                WidgetUpdateParams,
            ),
            options=make_request_options(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                post_parser=ResultWrapper[Optional[Widget]]._unwrapper,
            ),
            cast_to=cast(Type[Optional[Widget]], ResultWrapper[Widget]),
        )

    def list(
        self,
        *,
        account_id: str,
        name: str | Omit = omit,
        tags: Iterable[str] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> SyncSinglePage[Widget]:
        return self._get_api_list(
            path_template("/accounts/{account_id}/widgets", account_id=account_id),
            page=SyncSinglePage[Widget],
            options=make_request_options(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                query=maybe_transform({"name": name, "tags": tags}, WidgetListParams),
            ),
            model=Widget,
        )


class AsyncWidgetsResource(AsyncAPIResource):
    @property
    def with_raw_response(self) -> AsyncWidgetsResourceWithRawResponse:
        return AsyncWidgetsResourceWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncWidgetsResourceWithStreamingResponse:
        return AsyncWidgetsResourceWithStreamingResponse(self)

    async def update(
        self,
        widget_id: str,
        *,
        account_id: str,
        name: Optional[str] | Omit = omit,
        scope: ScopeParam | Omit = omit,
        display_name: str | Omit = omit,
        starts_at: Union[str, datetime] | Omit = omit,
        x_trace: str | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> Optional[Widget]:
        if not account_id:
            raise ValueError(f"Expected a non-empty value for `account_id` but received {account_id!r}")
        if not widget_id:
            raise ValueError(f"Expected a non-empty value for `widget_id` but received {widget_id!r}")
        extra_headers = {"X-Trace": x_trace, **(extra_headers or {})}
        return await self._put(
            path_template("/accounts/{account_id}/widgets/{widget_id}", account_id=account_id, widget_id=widget_id),
            body=await async_maybe_transform(
                {"name": name, "scope": scope, "display_name": display_name, "starts_at": starts_at},
                WidgetUpdateParams,
            ),
            options=make_request_options(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                post_parser=ResultWrapper[Optional[Widget]]._unwrapper,
            ),
            cast_to=cast(Type[Optional[Widget]], ResultWrapper[Widget]),
        )

    def list(
        self,
        *,
        account_id: str,
        name: str | Omit = omit,
        tags: Iterable[str] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = not_given,
    ) -> AsyncPaginator[Widget, AsyncSinglePage[Widget]]:
        return self._get_api_list(
            path_template("/accounts/{account_id}/widgets", account_id=account_id),
            page=AsyncSinglePage[Widget],
            options=make_request_options(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                query=maybe_transform({"name": name, "tags": tags}, WidgetListParams),
            ),
            model=Widget,
        )


class WidgetsResourceWithRawResponse:
    def __init__(self, widgets: WidgetsResource) -> None:
        self.update = to_raw_response_wrapper(widgets.update)
        self.list = to_raw_response_wrapper(widgets.list)


class AsyncWidgetsResourceWithRawResponse:
    def __init__(self, widgets: AsyncWidgetsResource) -> None:
        self.update = async_to_raw_response_wrapper(widgets.update)
        self.list = async_to_raw_response_wrapper(widgets.list)


class WidgetsResourceWithStreamingResponse:
    def __init__(self, widgets: WidgetsResource) -> None:
        self.update = to_streamed_response_wrapper(widgets.update)
        self.list = to_streamed_response_wrapper(widgets.list)


class AsyncWidgetsResourceWithStreamingResponse:
    def __init__(self, widgets: AsyncWidgetsResource) -> None:
        self.update = async_to_streamed_response_wrapper(widgets.update)
        self.list = async_to_streamed_response_wrapper(widgets.list)
"""

HAND_WRITTEN = {
    "__init__.py": _INIT,
    "_client.py": _CLIENT,
    "types/__init__.py": "from .widget import Widget as Widget\n",
    "types/widget.py": _WIDGET_TYPES,
    "types/shared/__init__.py": "from .error_data import ErrorData as ErrorData\n",
    "types/shared/error_data.py": _ERROR_DATA,
    "resources/__init__.py": "",
    "resources/widgets.py": _WIDGET_RESOURCE,
}


def write_package(
    dest: Path,
    sdk: SimpleNamespace | None = None,
    hand_written: dict[str, str] | None = None,
) -> Path:
    """Write the rendered runtime plus the hand-written stand-ins to `dest/<import_name>/`."""
    sdk = sdk or default_sdk()
    pkg = dest / sdk.import_name
    extra = HAND_WRITTEN if hand_written is None else hand_written
    for rel, text in {**render_runtime(sdk), **extra}.items():
        target = pkg / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return pkg
