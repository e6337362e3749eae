from typing import List, Generic, TypeVar, Optional

from ._models import BaseModel
from ._pages import BasePage, PageInfo, BaseSyncPage, BaseAsyncPage

__all__ = [
    "BasePage",
    "PageInfo",
    "PageNumberResultInfo",
    "SyncSinglePage",
    "AsyncSinglePage",
    "SyncV4PagePaginationArray",
    "AsyncV4PagePaginationArray",
]

_T = TypeVar("_T")


class PageNumberResultInfo(BaseModel):
    page: Optional[int] = None

    per_page: Optional[int] = None

    count: Optional[int] = None

    total_count: Optional[int] = None

    total_pages: Optional[int] = None


class SyncSinglePage(BaseSyncPage[_T], Generic[_T]):
    """A list that comes in one response: there is never a next page."""

    _kind = "single"
    _items_attr = "result"

    result: List[_T]


class AsyncSinglePage(BaseAsyncPage[_T], Generic[_T]):
    """A list that comes in one response: there is never a next page."""

    _kind = "single"
    _items_attr = "result"

    result: List[_T]


class SyncV4PagePaginationArray(BaseSyncPage[_T], Generic[_T]):
    """Numbered pages: the next page number is the current one + 1; an empty page ends the list."""

    _kind = "page_number"
    _items_attr = "result"
    _page_param = "page"

    result: List[_T]
    result_info: Optional[PageNumberResultInfo] = None


class AsyncV4PagePaginationArray(BaseAsyncPage[_T], Generic[_T]):
    """Numbered pages: the next page number is the current one + 1; an empty page ends the list."""

    _kind = "page_number"
    _items_attr = "result"
    _page_param = "page"

    result: List[_T]
    result_info: Optional[PageNumberResultInfo] = None
