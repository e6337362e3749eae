"""Server-sent events: `Stream[T]` / `AsyncStream[T]` iterate a `text/event-stream` response.

Each event's `data` is decoded as JSON into `T` (a `str` target gets the raw text). An event
named `error` is raised as an API error; `data: [DONE]` ends the stream. The response is
closed when the events run out, when the stream is closed, or when its `with` block ends.
"""

from __future__ import annotations

import re
import json
import codecs
from types import TracebackType
from typing import TYPE_CHECKING, Any, List, Type, Generic, TypeVar, Iterator, Optional, AsyncIterator
from typing_extensions import Self

import httpx

from ._exceptions import APIResponseValidationError

if TYPE_CHECKING:
    from ._base_client import SyncAPIClient, AsyncAPIClient

__all__ = ["ServerSentEvent", "SSEDecoder", "Stream", "AsyncStream"]

_T = TypeVar("_T")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class ServerSentEvent:
    """One event as the server sent it."""

    def __init__(
        self, *, event: Optional[str] = None, data: str = "", id: Optional[str] = None, retry: Optional[int] = None
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        return json.loads(self.data)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"


class SSEDecoder:
    """Bytes in, events out, as the WHATWG `text/event-stream` rules say.

    Chunks may split lines, UTF-8 sequences and `\\r\\n` pairs anywhere; `feed` keeps what is
    incomplete for the next chunk. An event that the stream ends before its blank line is dropped.
    """

    def __init__(self) -> None:
        self._text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self._skip_lf = False
        self._event: Optional[str] = None
        self._data: List[str] = []
        self._id: Optional[str] = None
        self._retry: Optional[int] = None

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        text = self._text.decode(chunk)
        if self._skip_lf and text.startswith("\n"):
            text = text[1:]  # the second half of a CRLF split across chunks
        if text:
            self._skip_lf = text.endswith("\r")
        lines = _LINE_BREAK.split(self._pending + text)
        self._pending = lines.pop()
        events = []
        for line in lines:
            event = self.decode_line(line)
            if event is not None:
                events.append(event)
        return events

    def decode_line(self, line: str) -> Optional[ServerSentEvent]:
        """Apply one line; a blank line completes the event being built (if it has data)."""
        if not line:
            if not self._data:
                self._event = None
                return None
            event = ServerSentEvent(event=self._event, data="\n".join(self._data), id=self._id, retry=self._retry)
            self._event, self._data, self._retry = None, [], None
            return event
        if line.startswith(":"):
            return None  # a comment, e.g. a keep-alive
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value or None
        elif name == "id":
            if "\x00" not in value:
                self._id = value
        elif name == "retry":
            if value.isdigit():
                self._retry = int(value)
        return None


class _StreamBase(Generic[_T]):
    response: httpx.Response

    def __init__(self, *, cast_to: Type[_T], response: httpx.Response) -> None:
        self.response = response
        self._cast_to = cast_to

    def _is_done(self, sse: ServerSentEvent) -> bool:
        return sse.data.startswith("[DONE]")

    def _error_body(self, sse: ServerSentEvent) -> object:
        try:
            return sse.json()
        except ValueError:
            return sse.data

    def _decode(self, sse: ServerSentEvent, client: Any) -> _T:
        if self._cast_to is str:
            return sse.data  # type: ignore[return-value]
        try:
            data = sse.json()
        except ValueError as exc:
            raise APIResponseValidationError(
                response=self.response, body=sse.data, message=f"Could not decode the event's data as JSON: {exc}"
            ) from exc
        return client._process_response_data(data=data, cast_to=self._cast_to, response=self.response)  # type: ignore[no-any-return]


# unasync: async begin
class AsyncStream(_StreamBase[_T]):
    """Iterate it for the decoded events; close it (or use `with`) to stop early."""

    def __init__(self, *, cast_to: Type[_T], response: httpx.Response, client: AsyncAPIClient) -> None:
        super().__init__(cast_to=cast_to, response=response)
        self._client = client
        self._iterator = self._stream()

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for item in self._iterator:
            yield item

    async def events(self) -> AsyncIterator[ServerSentEvent]:
        """The raw events, undecoded (use this or iterate the stream, not both)."""
        decoder = SSEDecoder()
        async for chunk in self.response.aiter_bytes():
            for sse in decoder.feed(chunk):
                yield sse

    async def _stream(self) -> AsyncIterator[_T]:
        try:
            async for sse in self.events():
                if self._is_done(sse):
                    break
                if sse.event == "error":
                    body = self._error_body(sse)
                    message = f"An error occurred during streaming: {body}"
                    raise self._client._make_status_error(message, body=body, response=self.response)
                yield self._decode(sse, self._client)
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        """Release the connection; the events not read yet are lost."""
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.close()


# unasync: async end


# unasync: sync begin (derived from the async section above by `python -m generator.unasync`; do not edit)
class Stream(_StreamBase[_T]):
    """Iterate it for the decoded events; close it (or use `with`) to stop early."""

    def __init__(self, *, cast_to: Type[_T], response: httpx.Response, client: SyncAPIClient) -> None:
        super().__init__(cast_to=cast_to, response=response)
        self._client = client
        self._iterator = self._stream()

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_T]:
        for item in self._iterator:
            yield item

    def events(self) -> Iterator[ServerSentEvent]:
        """The raw events, undecoded (use this or iterate the stream, not both)."""
        decoder = SSEDecoder()
        for chunk in self.response.iter_bytes():
            for sse in decoder.feed(chunk):
                yield sse

    def _stream(self) -> Iterator[_T]:
        try:
            for sse in self.events():
                if self._is_done(sse):
                    break
                if sse.event == "error":
                    body = self._error_body(sse)
                    message = f"An error occurred during streaming: {body}"
                    raise self._client._make_status_error(message, body=body, response=self.response)
                yield self._decode(sse, self._client)
        finally:
            self.response.close()

    def close(self) -> None:
        """Release the connection; the events not read yet are lost."""
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        self.close()


# unasync: sync end
