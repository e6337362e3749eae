# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

import os
import json
import threading
from typing import Any, Dict, List, Tuple, Iterator, Optional, AsyncIterator
from http.server import HTTPServer, BaseHTTPRequestHandler
from urllib.parse import unquote, urlsplit, parse_qsl

import pytest

from cloudflare import Cloudflare, AsyncCloudflare

# Credentials the tests construct clients with (sent to the loopback mock server only).
CLIENT_KWARGS: Dict[str, str] = {"api_email": "user@example.com", "api_key": "144c9defac04969c7bfad8efaa8ea194"}


def _load_routes() -> List[Tuple[str, str, int, str, Any]]:
    """(method, path pattern, status, content type, body: JSON data or raw bytes) for every
    operation, from routes.json beside this file."""
    with open(os.path.join(os.path.dirname(__file__), "routes.json"), encoding="utf-8") as handle:
        entries = json.load(handle)
    return [
        (method, pattern, status, content_type, body["bytes"].encode("latin-1") if "bytes" in body else body["json"])
        for method, pattern, status, content_type, body in entries
    ]


ROUTES = _load_routes()


class RecordedRequest:
    def __init__(self, method: str, path: str, query: List[Tuple[str, str]], headers: Dict[str, str], body: bytes):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class MockServer:
    """Answers every operation with a body valid for its schema and records each request."""

    def __init__(self) -> None:
        self.requests: List[RecordedRequest] = []
        self._lock = threading.Lock()
        self._server: Optional[HTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def last_request(self) -> RecordedRequest:
        with self._lock:
            return self.requests[-1]

    def start(self) -> None:
        import re

        mock = self
        routes = [(method, re.compile(pattern), status, kind, body) for method, pattern, status, kind, body in ROUTES]

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                recorded = RecordedRequest(
                    self.command,
                    url.path,
                    parse_qsl(url.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                with mock._lock:
                    mock.requests.append(recorded)
                for method, pattern, status, content_type, payload in routes:
                    # Patterns are written from the spec's path; the client percent-encodes it.
                    if method == self.command and pattern.match(unquote(url.path)):
                        if isinstance(payload, bytes):
                            data = payload
                        else:
                            data = b"" if payload is None else json.dumps(payload).encode()
                        self.send_response(status)
                        self.send_header("Content-Type", content_type)
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                        return
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _answer

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@pytest.fixture(scope="session")
def mock_server() -> Iterator[MockServer]:
    server = MockServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(mock_server: MockServer) -> str:
    return os.environ.get("TEST_API_BASE_URL", mock_server.base_url)


@pytest.fixture(params=[False, True], ids=["loose", "strict"])
def client(request: pytest.FixtureRequest, base_url: str) -> Iterator[Cloudflare]:
    strict = bool(request.param)
    with Cloudflare(base_url=base_url, _strict_response_validation=strict, **CLIENT_KWARGS) as client:
        yield client


@pytest.fixture(params=[False, True], ids=["loose", "strict"])
async def async_client(request: pytest.FixtureRequest, base_url: str) -> AsyncIterator[AsyncCloudflare]:
    strict = bool(request.param)
    async with AsyncCloudflare(base_url=base_url, _strict_response_validation=strict, **CLIENT_KWARGS) as client:
        yield client
