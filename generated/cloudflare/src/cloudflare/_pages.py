"""Pages of list results: the pydantic models `pagination.py` builds its page classes on.

Kept out of `_base_client` so that importing the client (and constructing it) never builds a
pydantic model: pydantic's model machinery loads on the first list call, not at import.
"""

from __future__ import annotations

import dataclasses
from typing import (
    TYPE_CHECKING,
    Any,
    List,
    Type,
    Union,
    Generic,
    Mapping,
    TypeVar,
    ClassVar,
    Iterator,
    Optional,
    Sequence,
    AsyncIterator,
    cast,
)
from typing_extensions import Self, Literal, override

import httpx
import pydantic

from ._types import Query, NotGiven, AnyMapping, not_given
from ._utils import is_given
from ._models import GenericModel
from ._options import FinalRequestOptions
from ._constants import RAW_RESPONSE_HEADER

if TYPE_CHECKING:
    from ._base_client import SyncAPIClient, AsyncAPIClient

__all__ = ["PageInfo", "BasePage", "BaseSyncPage", "BaseAsyncPage"]

_T = TypeVar("_T")


class PageInfo:
    """What changes in the request for the next page: query params, the URL or the body."""

    def __init__(
        self,
        *,
        params: Union[Query, NotGiven] = not_given,
        url: Union[httpx.URL, NotGiven] = not_given,
        json: Union[AnyMapping, NotGiven] = not_given,
    ) -> None:
        self.params = params
        self.url = url
        self.json = json

    @override
    def __repr__(self) -> str:
        if is_given(self.url):
            return f"PageInfo(url={self.url})"
        if is_given(self.json):
            return f"PageInfo(json={self.json})"
        return f"PageInfo(params={self.params})"


class BasePage(GenericModel, Generic[_T]):
    """One page of a list; `pagination.py` sets the style through the class variables."""

    _kind: ClassVar[Literal["single", "page_number", "cursor"]] = "single"
    _items_attr: ClassVar[str] = "items"
    _page_param: ClassVar[str] = "page"
    _cursor_param: ClassVar[str] = "cursor"
    _cursor_path: ClassVar[Sequence[str]] = ()

    _options: FinalRequestOptions = pydantic.PrivateAttr()
    _model: Type[_T] = pydantic.PrivateAttr()

    def _get_page_items(self) -> List[_T]:
        items = getattr(self, self._items_attr, None)
        return items if isinstance(items, list) else []

    def has_next_page(self) -> bool:
        if not self._get_page_items():
            return False
        return self.next_page_info() is not None

    def next_page_info(self) -> Optional[PageInfo]:
        if self._kind == "page_number":
            current = self._options.params.get(self._page_param)
            try:
                page = int(cast(Any, current)) if current else 1
            except (TypeError, ValueError):
                page = 1
            return PageInfo(params={self._page_param: page + 1})
        if self._kind == "cursor":
            cursor = _dig(self, self._cursor_path)
            if not cursor:
                return None
            return PageInfo(params={self._cursor_param: cursor})
        return None

    def _info_to_options(self, info: PageInfo) -> FinalRequestOptions:
        options = dataclasses.replace(self._options)
        raw_header = RAW_RESPONSE_HEADER.lower()
        options.headers = {k: v for k, v in options.headers.items() if k.lower() != raw_header}
        if is_given(info.params):
            options.params = {**options.params, **info.params}
        elif is_given(info.url):
            options.params = {**options.params, **dict(info.url.params.items())}
            options.url = str(info.url.copy_with(query=None))
        elif is_given(info.json):
            if options.json_data is not None and not isinstance(options.json_data, Mapping):
                raise TypeError("Pagination is only supported with mappings")
            options.json_data = {**(options.json_data or {}), **info.json}
        return options


def _dig(obj: object, path: Sequence[str]) -> object:
    """Follow `path` (API key names) through models and dicts; `None` if it breaks off."""
    for key in path:
        if isinstance(obj, pydantic.BaseModel):
            fields = type(obj).model_fields
            name = next((n for n, f in fields.items() if (f.alias or n) == key), None)
            if name is not None:
                obj = getattr(obj, name, None)
            else:
                obj = (obj.model_extra or {}).get(key)
        elif isinstance(obj, Mapping):
            obj = obj.get(key)
        else:
            return None
    return obj


# unasync: async begin
class BaseAsyncPage(BasePage[_T], Generic[_T]):
    _client: AsyncAPIClient = pydantic.PrivateAttr()

    def _set_private_attributes(self, *, client: AsyncAPIClient, model: Type[_T], options: FinalRequestOptions) -> None:
        self._client = client
        self._model = model
        self._options = options

    # Iterating yields the items of this and every following page (not pydantic's fields).
    # unasync: async-only
    async def __aiter__(self) -> AsyncIterator[_T]:
        # unasync: sync-only
        # def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        # unasync: end
        async for page in self.iter_pages():
            for item in page._get_page_items():
                yield item

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def get_next_page(self) -> Self:
        info = self.next_page_info()
        if info is None:
            raise RuntimeError(
                "No next page expected; please check `.has_next_page()` before calling" " `.get_next_page()`."
            )
        options = self._info_to_options(info)
        return await self._client._request_api_list(self._model, page=type(self), options=options)


# unasync: async end


# unasync: sync begin (derived from the async section above by `python -m generator.unasync`; do not edit)
class BaseSyncPage(BasePage[_T], Generic[_T]):
    _client: SyncAPIClient = pydantic.PrivateAttr()

    def _set_private_attributes(self, *, client: SyncAPIClient, model: Type[_T], options: FinalRequestOptions) -> None:
        self._client = client
        self._model = model
        self._options = options

    # Iterating yields the items of this and every following page (not pydantic's fields).
    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        for page in self.iter_pages():
            for item in page._get_page_items():
                yield item

    def iter_pages(self) -> Iterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def get_next_page(self) -> Self:
        info = self.next_page_info()
        if info is None:
            raise RuntimeError(
                "No next page expected; please check `.has_next_page()` before calling" " `.get_next_page()`."
            )
        options = self._info_to_options(info)
        return self._client._request_api_list(self._model, page=type(self), options=options)


# unasync: sync end
