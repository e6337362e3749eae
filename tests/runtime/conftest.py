"""Fixtures for the runtime tests (helpers live in `runtime_support`)."""

from __future__ import annotations

from typing import Any, Callable, Iterator, List

import httpx
import pytest

from runtime_support import API_KEY, BASE_URL, Handler, Recorder, acme_sdk


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[List[float]]:
    """Make retry back-off instant and record the delays that would have been slept."""
    recorded: List[float] = []

    def fake_sleep(self: Any, seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(self: Any, seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(acme_sdk._base_client.SyncAPIClient, "_sleep", fake_sleep)
    monkeypatch.setattr(
        acme_sdk._base_client.AsyncAPIClient, "_sleep", fake_async_sleep
    )
    yield recorded


@pytest.fixture
def make_client() -> Iterator[Callable[..., acme_sdk.Acme]]:
    clients: List[acme_sdk.Acme] = []

    def factory(recorder: Handler, **kwargs: Any) -> acme_sdk.Acme:
        kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("base_url", BASE_URL)
        http_client = httpx.Client(transport=httpx.MockTransport(recorder))
        client = acme_sdk.Acme(http_client=http_client, **kwargs)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


@pytest.fixture
def make_async_client() -> Iterator[Callable[..., acme_sdk.AsyncAcme]]:
    def factory(recorder: Recorder, **kwargs: Any) -> acme_sdk.AsyncAcme:
        kwargs.setdefault("api_key", API_KEY)
        kwargs.setdefault("base_url", BASE_URL)
        transport = httpx.MockTransport(recorder.handle_async)
        return acme_sdk.AsyncAcme(
            http_client=httpx.AsyncClient(transport=transport), **kwargs
        )

    yield factory
