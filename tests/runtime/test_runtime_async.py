"""The async client behaves like the sync one: wire, parsing, errors, retries, raw/streaming."""

from __future__ import annotations

import json
from typing import List, Callable, AsyncIterator

import httpx
import pytest

from runtime_support import API_KEY, Recorder, ok, acme_sdk
from acme_sdk import AsyncAcme, omit
from acme_sdk.types import WidgetUpdateResponse as Widget

MakeAsyncClient = Callable[..., AsyncAcme]


@pytest.mark.asyncio
async def test_wire_headers_and_body(make_async_client: MakeAsyncClient) -> None:
    rec = Recorder(ok({"id": "w1", "more": 1}))
    async with make_async_client(rec) as client:
        widget = await client.widgets.update(
            "a b", account_id="acc", name=None, display_name="x"
        )
        assert isinstance(widget, Widget) and widget.model_extra == {"more": 1}
        h = rec.last.headers
        assert h["X-Stainless-Async"] == "async:asyncio"
        assert h["User-Agent"] == "AsyncAcme/Python 0.1.0"
        assert h["authorization"] == f"Bearer {API_KEY}"
        assert (
            h["x-stainless-retry-count"] == "0"
            and h["x-stainless-read-timeout"] == "60"
        )
        assert rec.last.url.raw_path.endswith(b"/accounts/acc/widgets/a%20b")
        assert json.loads(rec.last.content) == {"name": None, "displayName": "x"}
        await client.widgets.list(account_id="acc", tags=["1", "2"])
        assert "content-type" not in rec.last.headers
        assert rec.last.url.query == b"tags=1&tags=2"
    assert client.is_closed()


@pytest.mark.asyncio
async def test_errors_and_retries(
    make_async_client: MakeAsyncClient, sleeps: List[float]
) -> None:
    rec = Recorder(httpx.Response(429), httpx.ReadTimeout("slow"), ok({"id": "w"}))
    client = make_async_client(rec)
    response = await client.widgets.with_raw_response.update("w", account_id="acc")
    assert response.retries_taken == 2 and len(sleeps) == 2
    assert [r.headers["x-stainless-retry-count"] for r in rec.requests] == [
        "0",
        "1",
        "2",
    ]

    rec = Recorder(
        httpx.Response(404, json={"errors": [{"code": 1, "message": "nope"}]})
    )
    client = make_async_client(rec)
    with pytest.raises(acme_sdk.NotFoundError) as info:
        await client.widgets.update("w", account_id="acc")
    assert info.value.errors[0].message == "nope"
    assert (
        info.value.message
        == "Error code: 404 - {'errors': [{'code': 1, 'message': 'nope'}]}"
    )

    rec = Recorder(httpx.ConnectTimeout("slow"))
    with pytest.raises(acme_sdk.APITimeoutError):
        await make_async_client(rec).widgets.update("w", account_id="acc")
    assert len(rec.requests) == 3

    rec = Recorder(httpx.Response(500, headers={"x-should-retry": "false"}))
    with pytest.raises(acme_sdk.InternalServerError):
        await make_async_client(rec, max_retries=5).widgets.update(
            "w", account_id="acc"
        )
    assert len(rec.requests) == 1


@pytest.mark.asyncio
async def test_validate_headers_and_header_rejection(
    make_async_client: MakeAsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACME_API_KEY", raising=False)
    rec = Recorder(ok({"id": "w"}))
    client = make_async_client(rec, api_key=None)
    with pytest.raises(TypeError, match="Could not resolve authentication method"):
        await client.widgets.update("w", account_id="acc")
    await client.widgets.update(
        "w", account_id="acc", extra_headers={"Authorization": omit}
    )
    with pytest.raises(ValueError, match="CR or LF"):
        await client.widgets.update("w", account_id="acc", x_trace="a\r\nb: c")
    assert len(rec.requests) == 1


@pytest.mark.asyncio
async def test_strict_mode(make_async_client: MakeAsyncClient) -> None:
    rec = Recorder(ok({"id": 1, "scope": "wrong"}))
    with pytest.raises(acme_sdk.APIResponseValidationError):
        await make_async_client(rec, _strict_response_validation=True).widgets.update(
            "w", account_id="acc"
        )
    loose = await make_async_client(rec).widgets.update("w", account_id="acc")
    assert loose is not None and loose.scope == "wrong"  # type: ignore[comparison-overlap]


@pytest.mark.asyncio
async def test_raw_and_streaming(make_async_client: MakeAsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"result":'
        yield b'{"id":"s"}}'

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "application/json"}, content=chunks()
        )

    rec = Recorder(streamed)
    client = make_async_client(rec)
    raw = await client.widgets.with_raw_response.update("w", account_id="acc")
    assert raw.is_closed and rec.last.headers["X-Stainless-Raw-Response"] == "raw"
    parsed = await raw.parse()
    assert parsed is not None and parsed.id == "s"
    assert await raw.json() == {"result": {"id": "s"}}
    async with client.widgets.with_streaming_response.update(
        "w", account_id="acc"
    ) as response:
        assert rec.last.headers["X-Stainless-Raw-Response"] == "stream"
        assert not response.is_closed
        assert [line async for line in response.iter_lines()] == [
            '{"result":{"id":"s"}}'
        ]
    assert response.is_closed


def test_async_client_rejects_sync_http_client() -> None:
    with pytest.raises(TypeError, match="httpx.AsyncClient"):
        AsyncAcme(api_key="k", http_client=httpx.Client())  # type: ignore[arg-type]


def test_async_label_outside_a_loop() -> None:
    client = AsyncAcme(api_key="k")
    assert client.default_headers["X-Stainless-Async"] == "async:false"
