"""A loopback HTTP server that records requests and answers from a script.

Used by the side-by-side wire test (tests/test_wire.py), but self-contained
(stdlib only) so it can be reused by other tests:

    with Recorder() as rec:
        rec.script("get_ok", [Reply(200, body={"success": True, ...})])
        url = rec.scenario_url("get_ok", "/client/v4")
        ...  # point a client at `url`
        rec.requests_for("get_ok")   # -> [RecordedRequest, ...]

Routing: a request whose path starts with ``/_s/<scenario-id>`` belongs to that
scenario; the prefix is stripped before the request is recorded, so recorded
paths look like the real API's (``/client/v4/accounts/...``). Requests without
the prefix belong to scenario ``None``.

Scripts: per scenario either a queue of replies (consumed one per request; the
last one repeats once the queue runs dry) or a rule, a callable taking the
RecordedRequest and returning a Reply. A scenario without a script gets a 418
"unscripted" reply so harness mistakes are loud.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import parse_qsl, unquote

__all__ = ["Reply", "RecordedRequest", "Recorder", "SCENARIO_PREFIX"]

SCENARIO_PREFIX = "/_s/"

_UNSET = object()


@dataclass
class Reply:
    """One scripted answer.

    ``body`` is JSON-encoded unless it is ``bytes`` or ``str`` (sent as is).
    ``headers`` may be a mapping or a list of pairs; a Content-Type of
    application/json is added for JSON bodies unless one is given.
    ``delay`` (seconds) is slept before answering.
    """

    status: int = 200
    body: Any = None
    headers: Union[Dict[str, str], Sequence[Tuple[str, str]], None] = None
    delay: float = 0.0

    @classmethod
    def from_spec(cls, spec: Union["Reply", Dict[str, Any]]) -> "Reply":
        """Build from a plain dict: {"status", "json" | "text", "headers", "delay"}."""
        if isinstance(spec, Reply):
            return spec
        unknown = set(spec) - {"status", "json", "text", "headers", "delay"}
        if unknown:
            raise ValueError(f"unknown reply keys: {sorted(unknown)}")
        if "json" in spec and "text" in spec:
            raise ValueError("a reply has either 'json' or 'text', not both")
        body: Any
        if "text" in spec:
            body = str(spec["text"])
        elif "json" in spec:
            body = _JsonBody(spec["json"])
        else:
            body = b""
        return cls(
            status=int(spec.get("status", 200)),
            body=body,
            headers=spec.get("headers"),
            delay=float(spec.get("delay", 0.0)),
        )

    def encode(self) -> Tuple[int, List[Tuple[str, str]], bytes]:
        headers = (
            list(self.headers.items())
            if isinstance(self.headers, dict)
            else list(self.headers or [])
        )
        names = {k.lower() for k, _ in headers}
        body = self.body
        if isinstance(body, _JsonBody):
            body = body.value
            is_json = True
        else:
            is_json = not isinstance(body, (bytes, str)) and body is not None
        if is_json:
            data = json.dumps(body).encode("utf-8")
            if "content-type" not in names:
                headers.append(("Content-Type", "application/json"))
        elif isinstance(body, str):
            data = body.encode("utf-8")
            if "content-type" not in names:
                headers.append(("Content-Type", "text/plain; charset=utf-8"))
        elif body is None:
            data = b""
        else:
            data = bytes(body)
        return self.status, headers, data


@dataclass
class _JsonBody:
    """Marks a body as JSON even when it is a str/None (e.g. the JSON `null`)."""

    value: Any


@dataclass
class RecordedRequest:
    scenario: Optional[str]
    method: str
    raw_path: str  # as sent, percent-encoding kept, scenario prefix stripped, no query
    raw_query: str  # as sent, without the leading '?'
    query: List[Tuple[str, str]]  # parsed pairs, in order, blank values kept
    headers: List[Tuple[str, str]]  # (lower-cased name, value), in arrival order
    body_bytes: bytes
    http_version: str
    received_at: float = field(default_factory=time.monotonic)

    @property
    def path(self) -> str:
        """The decoded path (for convenience; compare raw_path for encoding)."""
        return unquote(self.raw_path)

    def header(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """First value of a header, case-insensitively."""
        name = name.lower()
        for k, v in self.headers:
            if k == name:
                return v
        return default

    @property
    def header_dict(self) -> Dict[str, str]:
        """Lower-cased names; repeated headers joined with ', ' as HTTP allows."""
        out: Dict[str, str] = {}
        for k, v in self.headers:
            out[k] = f"{out[k]}, {v}" if k in out else v
        return out

    @property
    def body(self) -> Any:
        """Parsed JSON if the body parses, else the text (None when empty)."""
        if not self.body_bytes:
            return None
        text = self.body_bytes.decode("utf-8", errors="replace")
        try:
            return json.loads(text)
        except ValueError:
            return text

    @property
    def body_is_json(self) -> bool:
        if not self.body_bytes:
            return False
        try:
            json.loads(self.body_bytes.decode("utf-8"))
        except ValueError:
            return False
        return True

    def to_dict(self) -> Dict[str, Any]:
        """JSON-able form (tuples become lists)."""
        return {
            "method": self.method,
            "raw_path": self.raw_path,
            "raw_query": self.raw_query,
            "query": [list(p) for p in self.query],
            "headers": [list(h) for h in self.headers],
            "body": self.body,
            "body_is_json": self.body_is_json,
            "body_text": self.body_bytes.decode("utf-8", errors="replace"),
            "http_version": self.http_version,
        }


Rule = Callable[[RecordedRequest], Union[Reply, Dict[str, Any]]]


class _Script:
    def __init__(
        self, replies: Optional[Sequence[Any]] = None, rule: Optional[Rule] = None
    ) -> None:
        if (replies is None) == (rule is None):
            raise ValueError("give exactly one of replies or rule")
        if replies is not None and not replies:
            raise ValueError("an empty reply queue")
        self.replies = (
            [Reply.from_spec(r) for r in replies] if replies is not None else None
        )
        self.rule = rule
        self.position = 0

    def next_reply(self, request: RecordedRequest) -> Reply:
        if self.rule is not None:
            return Reply.from_spec(self.rule(request))
        assert self.replies is not None
        reply = self.replies[min(self.position, len(self.replies) - 1)]
        self.position += 1
        return reply


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects
    server: "_Server"

    def log_message(
        self, format: str, *args: Any
    ) -> None:  # noqa: A002 - stdlib signature
        pass

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size_line = self.rfile.readline().strip()
                size = int(size_line.split(b";", 1)[0] or b"0", 16)
                if size == 0:
                    # trailers until the blank line
                    while self.rfile.readline().strip():
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()  # CRLF after each chunk
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        body = self._read_body()
        target = self.path
        raw_path, _, raw_query = target.partition("?")
        scenario: Optional[str] = None
        if raw_path.startswith(SCENARIO_PREFIX):
            rest = raw_path[len(SCENARIO_PREFIX) :]
            sid, slash, remainder = rest.partition("/")
            scenario = unquote(sid)
            raw_path = slash + remainder
        request = RecordedRequest(
            scenario=scenario,
            method=self.command,
            raw_path=raw_path,
            raw_query=raw_query,
            query=parse_qsl(raw_query, keep_blank_values=True),
            headers=[(k.lower(), v) for k, v in self.headers.items()],
            body_bytes=body,
            http_version=self.request_version,
        )
        reply = self.server.recorder._record_and_answer(request)
        if reply.delay:
            time.sleep(reply.delay)
        status, headers, data = reply.encode()
        self.send_response(status)
        for k, v in headers:
            if k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD" and data:
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    recorder: "Recorder"


class Recorder:
    """Loopback recording server (127.0.0.1, ephemeral port)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._host = host
        self._port = port
        self._lock = threading.Lock()
        self._scripts: Dict[Optional[str], _Script] = {}
        self._requests: List[RecordedRequest] = []
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle -------------------------------------------------------
    def start(self) -> "Recorder":
        if self._server is not None:
            return self
        server = _Server((self._host, self._port), _Handler)
        server.recorder = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name="wire-recorder", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "Recorder":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("recorder not started")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    def scenario_url(self, scenario: str, suffix: str = "") -> str:
        """The URL prefix that routes requests to `scenario` (suffix appended)."""
        if "/" in scenario or "?" in scenario or "%" in scenario:
            raise ValueError(
                f"scenario ids must not contain '/', '?' or '%': {scenario!r}"
            )
        return f"{self.base_url}{SCENARIO_PREFIX}{scenario}{suffix}"

    # -- scripting -------------------------------------------------------
    def script(
        self,
        scenario: Optional[str],
        replies: Optional[Sequence[Union[Reply, Dict[str, Any]]]] = None,
        *,
        rule: Optional[Rule] = None,
    ) -> None:
        """Set the replies for one scenario (a queue, or a rule callable)."""
        with self._lock:
            self._scripts[scenario] = _Script(replies, rule)

    def reset(self) -> None:
        """Forget recorded requests and rewind every reply queue (scripts stay)."""
        with self._lock:
            self._requests.clear()
            for s in self._scripts.values():
                s.position = 0

    def clear(self) -> None:
        """reset() and drop all scripts."""
        with self._lock:
            self._requests.clear()
            self._scripts.clear()

    # -- results ---------------------------------------------------------
    @property
    def requests(self) -> List[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def requests_for(self, scenario: Optional[str]) -> List[RecordedRequest]:
        with self._lock:
            return [r for r in self._requests if r.scenario == scenario]

    def _record_and_answer(self, request: RecordedRequest) -> Reply:
        with self._lock:
            self._requests.append(request)
            script = self._scripts.get(request.scenario)
            if script is None:
                return Reply(
                    418,
                    body={"recorder": f"no script for scenario {request.scenario!r}"},
                )
            if script.rule is None:
                return script.next_reply(request)
        # rules run outside the lock so they may inspect the recorder
        return script.next_reply(request)
