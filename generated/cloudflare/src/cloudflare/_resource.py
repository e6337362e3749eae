from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._base_client import SyncAPIClient, AsyncAPIClient

__all__ = ["SyncAPIResource", "AsyncAPIResource"]


# unasync: async begin
class AsyncAPIResource:
    """The base of every async resource: the client's request methods, bound."""

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self._get = client.get
        self._post = client.post
        self._patch = client.patch
        self._put = client.put
        self._delete = client.delete
        self._get_api_list = client.get_api_list
        self._request_stream = client._request_stream

    async def _sleep(self, seconds: float) -> None:
        # unasync: async-only
        import anyio

        await anyio.sleep(seconds)
        # unasync: sync-only
        # time.sleep(seconds)
        # unasync: end


# unasync: async end


# unasync: sync begin (derived from the async section above by `python -m generator.unasync`; do not edit)
class SyncAPIResource:
    """The base of every async resource: the client's request methods, bound."""

    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self._get = client.get
        self._post = client.post
        self._patch = client.patch
        self._put = client.put
        self._delete = client.delete
        self._get_api_list = client.get_api_list
        self._request_stream = client._request_stream

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# unasync: sync end
