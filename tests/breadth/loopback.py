"""A recording HTTP server on 127.0.0.1 and a helper that generates and imports an SDK from a dict."""

from __future__ import annotations

import importlib
import json
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, Callable
from urllib.parse import parse_qsl, urlsplit

from generator.pipeline import generate


@dataclass
class Seen:
    method: str
    path: str  # raw path, percent-encoding kept
    query: list[tuple[str, str]]
    headers: dict[str, str]  # names lower-cased
    body: bytes


# (method, path) -> (status, content type, body bytes); anything else answers 200 `{}`.
Reply = tuple[int, str, bytes]


class Loopback:
    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.replies: dict[tuple[str, str], Reply] = {}
        loopback = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                loopback.seen.append(
                    Seen(self.command, parts.path, parse_qsl(parts.query, keep_blank_values=True),
                         {k.lower(): v for k, v in self.headers.items()}, body)
                )
                status, content_type, payload = loopback.replies.get(
                    (self.command, parts.path), (200, "application/json", b"{}")
                )
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _any

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def reply(self, method: str, path: str, body: Any, *, status: int = 200, content_type: str = "application/json") -> None:
        payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.replies[(method, path)] = (status, content_type, payload)

    @property
    def last(self) -> Seen:
        return self.seen[-1]

    def __enter__(self) -> "Loopback":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def generate_and_import(spec: dict[str, Any], out: Path, package: str) -> Callable[[str], ModuleType]:
    """Generate an SDK for `spec` into `out` with import name `package`; return an importer."""
    spec_path = out.parent / f"{package}.json"
    spec_path.write_text(json.dumps(spec))
    generate(spec_path, out, package_name=package)
    sys.path.insert(0, str(out / "src"))

    def load(module: str = "") -> ModuleType:
        return importlib.import_module(f"{package}.{module}" if module else package)

    return load
