"""The three page styles, sync and async: auto-iteration, next-page requests, stopping."""

from __future__ import annotations

from typing import Any, List, Callable

import httpx
import pytest

from runtime_support import Recorder, ok, acme_sdk
from acme_sdk import Acme, AsyncAcme
from acme_sdk.pagination import (
    SyncSinglePage,
    AsyncSinglePage,
    SyncPagePagination,
    AsyncPagePagination,
    SyncCursorPagination,
    AsyncCursorPagination,
    PageNumberResultInfo,
)
from acme_sdk.types import WidgetListResponse as Widget
from acme_sdk._base_client import AsyncPaginator, make_request_options

MakeClient = Callable[..., Acme]
MakeAsyncClient = Callable[..., AsyncAcme]


def numbered_pages(request: httpx.Request) -> httpx.Response:
    page = int(request.url.params.get("page", "1"))
    items = [{"id": f"p{page}-{i}"} for i in range(2)] if page <= 3 else []
    return ok(items, result_info={"page": page, "per_page": 2, "total_count": 6})


def cursor_pages(request: httpx.Request) -> httpx.Response:
    cursor = request.url.params.get("cursor")
    nxt = {None: "c2", "c2": "c3", "c3": None}[cursor]
    info: dict[str, Any] = {"count": 1}
    if nxt is not None:
        info["cursor"] = nxt
    return ok([{"id": cursor or "c1"}], result_info=info)


def test_single_page_makes_one_request(make_client: MakeClient) -> None:
    rec = Recorder(ok([{"id": "a"}, {"id": "b", "extra": 1}]))
    page = make_client(rec).widgets.list(account_id="acc", name="n")
    assert isinstance(page, SyncSinglePage)
    assert [w.id for w in page.result] == ["a", "b"]
    assert isinstance(page.result[0], Widget)
    assert [w.id for w in page] == ["a", "b"]
    assert page.has_next_page() is False and page.next_page_info() is None
    assert len(list(page.iter_pages())) == 1
    assert len(rec.requests) == 1
    with pytest.raises(RuntimeError, match="No next page expected"):
        page.get_next_page()


def test_page_number_pagination(make_client: MakeClient) -> None:
    rec = Recorder(numbered_pages)
    client = make_client(rec)
    page = client.get_api_list(
        "/items",
        model=Widget,
        page=SyncPagePagination[Widget],
        options=make_request_options(
            query={"per_page": 2}, extra_headers={"X-Keep": "1"}
        ),
    )
    assert (
        isinstance(page.result_info, PageNumberResultInfo)
        and page.result_info.total_count == 6
    )
    assert page.next_page_info() is not None and page.next_page_info().params == {"page": 2}  # type: ignore[union-attr]
    ids = [w.id for w in page]
    assert ids == ["p1-0", "p1-1", "p2-0", "p2-1", "p3-0", "p3-1"]
    assert [r.url.params.get("page") for r in rec.requests] == [None, "2", "3", "4"]
    assert all(
        r.url.params["per_page"] == "2" and r.headers["x-keep"] == "1"
        for r in rec.requests
    )


def test_page_number_starts_from_the_requested_page(make_client: MakeClient) -> None:
    rec = Recorder(numbered_pages)
    page = make_client(rec).get_api_list(
        "/items",
        model=Widget,
        page=SyncPagePagination[Widget],
        options={"params": {"page": 3}},
    )
    pages = list(page.iter_pages())
    assert len(pages) == 2 and pages[-1].result == []
    assert [r.url.params["page"] for r in rec.requests] == ["3", "4"]


def test_cursor_pagination(make_client: MakeClient) -> None:
    rec = Recorder(cursor_pages)
    page = make_client(rec).get_api_list(
        "/items", model=Widget, page=SyncCursorPagination[Widget]
    )
    assert [w.id for w in page] == ["c1", "c2", "c3"]
    assert [r.url.params.get("cursor") for r in rec.requests] == [None, "c2", "c3"]


def test_raw_list_response_parses_to_a_page_and_next_pages_are_not_raw(
    make_client: MakeClient,
) -> None:
    rec = Recorder(cursor_pages)
    client = make_client(rec)
    response = client.with_options().get_api_list(
        "/items",
        model=Widget,
        page=SyncCursorPagination[Widget],
        options={"headers": {"X-Stainless-Raw-Response": "raw"}},
    )
    page = response.parse()  # type: ignore[attr-defined]
    assert isinstance(page, SyncCursorPagination)
    assert [w.id for w in page] == ["c1", "c2", "c3"]
    assert "x-stainless-raw-response" not in rec.requests[-1].headers
    raw = client.widgets.with_raw_response.list(account_id="acc")
    assert [w.id for w in raw.parse()] == ["c1"]


@pytest.mark.asyncio
async def test_async_single_page(make_async_client: MakeAsyncClient) -> None:
    rec = Recorder(ok([{"id": "a"}, {"id": "b"}]))
    client = make_async_client(rec)
    paginator = client.widgets.list(account_id="acc")
    assert isinstance(paginator, AsyncPaginator)
    page = await paginator
    assert isinstance(page, AsyncSinglePage) and [w.id for w in page.result] == [
        "a",
        "b",
    ]
    assert [w.id async for w in client.widgets.list(account_id="acc")] == ["a", "b"]
    assert len(rec.requests) == 2


@pytest.mark.asyncio
async def test_async_page_number_and_cursor(make_async_client: MakeAsyncClient) -> None:
    rec = Recorder(numbered_pages)
    client = make_async_client(rec)
    pager = client.get_api_list(
        "/items", model=Widget, page=AsyncPagePagination[Widget]
    )
    assert [w.id async for w in pager] == [
        "p1-0",
        "p1-1",
        "p2-0",
        "p2-1",
        "p3-0",
        "p3-1",
    ]
    first = await client.get_api_list(
        "/items", model=Widget, page=AsyncPagePagination[Widget]
    )
    assert first.has_next_page()
    second = await first.get_next_page()
    assert second.result[0].id == "p2-0"
    pages = [p async for p in first.iter_pages()]
    assert len(pages) == 4

    rec2 = Recorder(cursor_pages)
    client2 = make_async_client(rec2)
    ids = [
        w.id
        async for w in client2.get_api_list(
            "/items", model=Widget, page=AsyncCursorPagination[Widget]
        )
    ]
    assert ids == ["c1", "c2", "c3"]
    await client.close()
    await client2.close()


@pytest.mark.asyncio
async def test_async_raw_list(make_async_client: MakeAsyncClient) -> None:
    rec = Recorder(ok([{"id": "a"}]))
    client = make_async_client(rec)
    response = await client.widgets.with_raw_response.list(account_id="acc")
    page = await response.parse()
    assert [w.id for w in page.result] == ["a"]
    async with client.widgets.with_streaming_response.list(
        account_id="acc"
    ) as streamed:
        page = await streamed.parse()
        assert page.result[0].id == "a"
    await client.close()
