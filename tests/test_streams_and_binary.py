"""Server-sent events and binary bodies, through the real generator and a server on 127.0.0.1.

An operation whose success response is `text/event-stream` returns `Stream[T]` / `AsyncStream[T]`;
one with a binary body (`application/octet-stream`, images, PDFs ...) returns a binary response
object. The SDK is generated from an inline spec, type-checked, and called over real sockets.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import pytest

from generator.ir.model import ResponseKind
from generator.ir.build import response_kind
from generator.pipeline import generate

# Part of the wire suite (`pytest -m wire`): 5.9.0 has no streaming or binary resource-group method to
# compare side by side, so these run against an inline spec of our own, checked on the wire.
pytestmark = pytest.mark.wire

SPEC = """\
openapi: 3.0.3
info: {title: Streamer, version: 1.0.0}
servers: [{url: "https://api.streamer.test/v1"}]
paths:
  /chats/{chat_id}/completions:
    post:
      operationId: createCompletion
      tags: [chats]
      parameters: [{name: chat_id, in: path, required: true, schema: {type: string}}]
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [prompt], properties: {prompt: {type: string}}}
      responses:
        "200":
          description: the answer, one token at a time
          content:
            text/event-stream:
              schema: {$ref: "#/components/schemas/Chunk"}
  /logs/tail:
    get:
      operationId: tailLogs
      tags: [logs]
      responses:
        "200":
          description: raw log lines as events
          content:
            text/event-stream:
              schema: {type: string}
  /files/{file_id}/content:
    get:
      operationId: downloadFile
      tags: [files]
      parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: the bytes
          content:
            application/octet-stream:
              schema: {type: string, format: binary}
  /files/{file_id}/thumbnail:
    get:
      operationId: getThumbnail
      tags: [files]
      parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: a PNG
          content:
            image/png: {}
components:
  schemas:
    Chunk:
      type: object
      required: [index]
      properties:
        index: {type: integer}
        delta: {type: string}
"""

PAYLOAD = bytes(range(256)) * 300  # 76,800 bytes, every byte value


class _Server(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: List[Tuple[str, str, dict[str, str], bytes]] = []

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _chunked(self, status: int, content_type: str, chunks: List[bytes]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def _record(self) -> bytes:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path, dict(self.headers), body))
        return body

    def do_POST(self) -> None:
        body = json.loads(self._record())
        if body.get("prompt") == "fail":
            events = [b'data: {"index": 0, "delta": "a"}\n\n', b'event: error\ndata: {"message": "overloaded"}\n\n']
        else:
            # split mid-line and mid-CRLF on purpose; a comment and a [DONE] sentinel
            events = [b'data: {"index": 0, "de', b'lta": "Hel"}\r', b'\n\r\n: keep-alive\n\n', b'data: {"index": 1, "delta": "lo"}\n\n',
                      b"data: [DONE]\n\n", b'data: {"index": 99}\n\n']
        self._chunked(200, "text/event-stream", events)

    def do_GET(self) -> None:
        self._record()
        if self.path.endswith("/logs/tail"):
            self._chunked(200, "text/event-stream; charset=utf-8", [b"data: line one\n\n", b"data: line\ndata: two\n\n"])
        elif self.path.endswith("/thumbnail"):
            self._chunked(200, "image/png", [b"\x89PNG\r\n\x1a\n", b"rest"])
        elif "missing" in self.path:
            payload = b'{"error": "no such file"}'
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        else:
            self._chunked(200, "application/octet-stream", [PAYLOAD[i : i + 10_000] for i in range(0, len(PAYLOAD), 10_000)])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("streamer")
    (root / "openapi.yaml").write_text(SPEC)
    generate(root / "openapi.yaml", root / "out")
    return root / "out"


def _run(sdk: Path, script: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=sdk / "src", capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_response_kinds_by_media_type() -> None:
    assert response_kind("text/event-stream", {}) is ResponseKind.EVENT_STREAM
    assert response_kind("application/json; charset=utf-8", {}) is ResponseKind.JSON
    assert response_kind("application/problem+json", {}) is ResponseKind.JSON
    assert response_kind("application/octet-stream", None) is ResponseKind.BINARY
    assert response_kind("image/png", None) is ResponseKind.BINARY
    assert response_kind("application/pdf", {"type": "string"}) is ResponseKind.BINARY
    assert response_kind("text/plain", {"type": "string", "format": "binary"}) is ResponseKind.BINARY
    assert response_kind("text/csv", {"type": "string"}) is ResponseKind.TEXT
    assert response_kind("application/xml", {"type": "string"}) is ResponseKind.TEXT


def test_generated_signatures_and_types(sdk: Path) -> None:
    chats = (sdk / "src" / "streamer" / "resources" / "chats.py").read_text()
    assert ") -> Stream[ChatCreateCompletionResponse]:" in chats
    assert ") -> AsyncStream[ChatCreateCompletionResponse]:" in chats
    assert 'extra_headers = {"Accept": "text/event-stream", **(extra_headers or {})}' in chats
    files = (sdk / "src" / "streamer" / "resources" / "files.py").read_text()
    assert ") -> BinaryAPIResponse:" in files and ") -> AsyncBinaryAPIResponse:" in files
    assert '"Accept": "image/png"' in files and '"Accept": "application/octet-stream"' in files
    readme = (sdk / "README.md").read_text()
    assert "with client.chats.create_completion(chat_id=" in readme and "content.write_to_file(" in readme
    # compile, import, mypy --strict, and the SDK's own tests (its mock server streams events and bytes)
    proc = subprocess.run(
        [sys.executable, "-c", "from generator.cli import run; run()", "verify", str(sdk)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "mypy --strict: ok (no issues)" in proc.stdout and "tests: ok (60 passed" in proc.stdout, proc.stdout


def test_sse_stream_sync(sdk: Path, server: str) -> None:
    out = _run(
        sdk,
        f"""
import streamer
client = streamer.Streamer(base_url={server!r}, max_retries=0)
stream = client.chats.create_completion(chat_id="c1", prompt="hi")
assert type(stream).__name__ == "Stream", type(stream)
chunks = list(stream)
print([(type(c).__name__, c.index, c.delta) for c in chunks])
assert stream.response.is_closed
with client.chats.create_completion(chat_id="c1", prompt="hi") as stream:
    first = next(iter(stream))
    assert first.index == 0
assert stream.response.is_closed
try:
    for chunk in client.chats.create_completion(chat_id="c1", prompt="fail"):
        print("before error", chunk.delta)
except streamer.APIStatusError as exc:
    print("error", type(exc).__name__, exc.body)
print([line for line in client.logs.tail_logs()])
raw = client.chats.with_raw_response.create_completion(chat_id="c1", prompt="hi")
print("raw", raw.status_code, [c.delta for c in raw.parse()])
with client.chats.with_streaming_response.create_completion(chat_id="c1", prompt="hi") as response:
    print("streamed", [c.index for c in response.parse()])
""",
    )
    lines = out.splitlines()
    assert lines[0] == "[('ChatCreateCompletionResponse', 0, 'Hel'), ('ChatCreateCompletionResponse', 1, 'lo')]"
    assert lines[1] == "before error a"
    assert lines[2] == "error APIStatusError {'message': 'overloaded'}"
    assert lines[3] == "['line one', 'line\\ntwo']"
    assert lines[4] == "raw 200 ['Hel', 'lo']"
    assert lines[5] == "streamed [0, 1]"
    method, path, headers, body = _Server.seen[0]
    assert (method, path, json.loads(body)) == ("POST", "/v1/chats/c1/completions", {"prompt": "hi"})
    assert headers["Accept"] == "text/event-stream"


def test_sse_stream_async(sdk: Path, server: str) -> None:
    out = _run(
        sdk,
        f"""
import asyncio, streamer

async def main() -> None:
    async with streamer.AsyncStreamer(base_url={server!r}, max_retries=0) as client:
        stream = await client.chats.create_completion(chat_id="c1", prompt="hi")
        print(type(stream).__name__, [c.delta async for c in stream])
        async with await client.chats.create_completion(chat_id="c1", prompt="hi") as stream:
            print("first", (await stream.__anext__()).index)
        assert stream.response.is_closed
        try:
            async for chunk in await client.chats.create_completion(chat_id="c1", prompt="fail"):
                pass
        except streamer.APIStatusError as exc:
            print("error", exc.body)
        async with client.chats.with_streaming_response.create_completion(chat_id="c1", prompt="hi") as response:
            print("streamed", [c.index async for c in await response.parse()])

asyncio.run(main())
""",
    )
    assert out.splitlines() == [
        "AsyncStream ['Hel', 'lo']",
        "first 0",
        "error {'message': 'overloaded'}",
        "streamed [0, 1]",
    ]


def test_binary_download_sync_and_async(sdk: Path, server: str, tmp_path: Path) -> None:
    target = tmp_path / "download.bin"
    target_async = tmp_path / "download-async.bin"
    out = _run(
        sdk,
        f"""
import asyncio, streamer
client = streamer.Streamer(base_url={server!r}, max_retries=0)
content = client.files.download_file(file_id="f 1")
print(type(content).__name__, len(content.read()), sum(len(c) for c in content.iter_bytes()))
content.write_to_file({str(target)!r})
with client.files.with_streaming_response.download_file(file_id="f1") as response:
    binary = response.parse()
    print("streamed", type(binary).__name__, sum(len(c) for c in binary.iter_bytes(4096)))
print("png", client.files.get_thumbnail(file_id="f1").read()[:4])
try:
    client.files.download_file(file_id="missing/x")
except streamer.NotFoundError as exc:
    print("404", exc.body)

async def main() -> None:
    async with streamer.AsyncStreamer(base_url={server!r}, max_retries=0) as aclient:
        content = await aclient.files.download_file(file_id="f1")
        print(type(content).__name__, len(await content.read()))
        await content.write_to_file({str(target_async)!r})

asyncio.run(main())
""",
    )
    assert out.splitlines() == [
        "BinaryAPIResponse 76800 76800",
        "streamed BinaryAPIResponse 76800",
        "png b'\\x89PNG'",
        "404 {'error': 'no such file'}",
        "AsyncBinaryAPIResponse 76800",
    ]
    assert target.read_bytes() == PAYLOAD and target_async.read_bytes() == PAYLOAD
    download = next(s for s in _Server.seen if s[1] == "/v1/files/f%201/content")
    assert download[2]["Accept"] == "application/octet-stream"
