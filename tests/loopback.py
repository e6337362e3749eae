"""A JSON server on 127.0.0.1 for calls made by generated SDKs (started and stopped by the test)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any


@dataclass
class Loopback:
    url: str
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path with query)


@contextmanager
def json_server(payload: Any, *, prefix: str = "") -> Iterator[Loopback]:
    """Answer every request with 200 and `payload` as JSON; record method and path."""
    body = json.dumps(payload).encode()
    served = Loopback(url="")

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            served.requests.append((self.command, self.path))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            return None

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    try:
        yield served
    finally:
        httpd.shutdown()
        httpd.server_close()
