"""Against a real HTTP server on 127.0.0.1: header spelling on the wire, timeouts, streaming, logs."""

from __future__ import annotations

import json
import time
import logging
import threading
from typing import Any, Dict, List, Iterator
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

import httpx
import pytest

from runtime_support import API_KEY, acme_sdk
from acme_sdk import Acme, AsyncAcme
from acme_sdk._utils import _logs


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: List[Dict[str, Any]] = []

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        self.seen.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": self.headers.items(),
                "body": body,
            }
        )
        if "/slow" in self.path:
            time.sleep(0.3)
        if "/stream" in self.path:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            for chunk in (b'{"result":', b'{"id":"streamed"}}'):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
            return
        status = 500 if "/fail" in self.path else 200
        payload = json.dumps(
            {"success": status == 200, "errors": [], "result": {"id": "w1"}}
        ).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = _handle


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out hang up on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/client/v4"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def seen() -> Iterator[List[Dict[str, Any]]]:
    _Handler.seen = []
    yield _Handler.seen


def test_wire_header_names_and_values(server: str, seen: List[Dict[str, Any]]) -> None:
    with Acme(api_key=API_KEY, base_url=server) as client:
        response = client.widgets.with_raw_response.update(
            "w/1", account_id="acc", name="n"
        )
        assert response.elapsed.total_seconds() > 0
        assert response.parse() is not None
        client.widgets.list(account_id="acc")
    put, get = seen
    assert (
        put["method"] == "PUT"
        and put["path"] == "/client/v4/accounts/acc/widgets/w%2F1"
    )
    assert put["body"] == b'{"name":"n"}'
    names = [name for name, _ in put["headers"]]
    for name in [
        "Accept",
        "Content-Type",
        "User-Agent",
        "X-Stainless-Lang",
        "X-Stainless-Package-Version",
        "X-Stainless-OS",
        "X-Stainless-Arch",
        "X-Stainless-Runtime",
        "X-Stainless-Runtime-Version",
        "X-Stainless-Async",
        "X-Stainless-Raw-Response",
        "x-stainless-retry-count",
        "x-stainless-read-timeout",
        "Authorization",
        "api-version",
    ]:
        assert name in names, name
    assert "Content-Type" not in [name for name, _ in get["headers"]]
    assert "X-Stainless-Raw-Response" not in [name for name, _ in get["headers"]]


def test_timeout_is_retried_then_raised(
    server: str, seen: List[Dict[str, Any]], sleeps: List[float]
) -> None:
    client = Acme(api_key=API_KEY, base_url=server, timeout=0.05)
    with pytest.raises(acme_sdk.APITimeoutError):
        client.get("/slow", cast_to=object)
    assert len(seen) == 3 and len(sleeps) == 2
    assert [dict(s["headers"])["x-stainless-retry-count"] for s in seen] == [
        "0",
        "1",
        "2",
    ]
    assert dict(seen[0]["headers"])["x-stainless-read-timeout"] == "0.05"


def test_connection_refused_is_a_connection_error(sleeps: List[float]) -> None:
    client = Acme(api_key=API_KEY, base_url="http://127.0.0.1:9/", max_retries=1)
    with pytest.raises(acme_sdk.APIConnectionError):
        client.get("/x", cast_to=object)
    assert len(sleeps) == 1


def test_streaming_over_the_wire(server: str) -> None:
    client = Acme(api_key=API_KEY, base_url=server)
    raw = client.get("/stream", cast_to=httpx.Response, stream=True)
    assert not raw.is_closed
    assert b"".join(raw.iter_bytes()) == b'{"result":{"id":"streamed"}}'
    raw.close()
    assert client.get("/stream", cast_to=object) == {"result": {"id": "streamed"}}


@pytest.mark.asyncio
async def test_async_over_the_wire(
    server: str, seen: List[Dict[str, Any]], sleeps: List[float]
) -> None:
    async with AsyncAcme(api_key=API_KEY, base_url=server) as client:
        widget = await client.widgets.update("w", account_id="acc")
        assert widget is not None and widget.id == "w1"
        with pytest.raises(acme_sdk.InternalServerError):
            await client.get("/fail", cast_to=object)
        slow = client.with_options(timeout=0.05, max_retries=0)
        with pytest.raises(acme_sdk.APITimeoutError):
            await slow.get("/slow", cast_to=object)
    assert dict(seen[0]["headers"])["X-Stainless-Async"] == "async:asyncio"
    assert len(seen) == 1 + 3 + 1


def _debug_logging_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """`ACME_LOG=debug` as a user would set it; handlers and levels restored after the test."""
    monkeypatch.setenv("ACME_LOG", "debug")
    monkeypatch.setattr(logging.root, "handlers", list(logging.root.handlers))
    for logger in (_logs.logger, _logs.httpx_logger):
        monkeypatch.setattr(logger, "level", logger.level)
    _logs.setup_logging()


def test_debug_logging_never_shows_credentials(
    server: str,
    seen: List[Dict[str, Any]],
    sleeps: List[float],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _debug_logging_from_env(monkeypatch)
    assert (
        _logs.logger.level == logging.DEBUG
        and _logs.httpx_logger.level == logging.DEBUG
    )
    caplog.set_level(logging.DEBUG)

    client = Acme(
        api_key=API_KEY, base_url=server, default_headers={"X-Api-Key": "client-secret"}
    )
    client.widgets.update(
        "w",
        account_id="acc",
        extra_headers={"X-Auth-Key": "call-secret", "Cookie": "s=cookie-secret"},
    )
    with pytest.raises(acme_sdk.InternalServerError):
        client.put(
            "/fail",
            cast_to=object,
            options={"headers": {"Authorization": "Bearer call-token-secret"}},
        )

    text = "\n".join(record.getMessage() for record in caplog.records)
    assert (
        "Request options" in text
        and "Sending HTTP Request: PUT" in text
        and "HTTP Response: PUT" in text
    )
    assert (
        "Retrying due to status code 500" in text
        and "Retrying request to /fail" in text
    )
    for secret in (
        API_KEY,
        "client-secret",
        "call-secret",
        "cookie-secret",
        "call-token-secret",
    ):
        assert secret not in text
        assert secret not in caplog.text
    assert "<redacted>" in text
    assert len(seen) == 4  # the secrets did go out on the wire


def test_info_logging_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_LOG", "info")
    monkeypatch.setattr(logging.root, "handlers", list(logging.root.handlers))
    for logger in (_logs.logger, _logs.httpx_logger):
        monkeypatch.setattr(logger, "level", logger.level)
    _logs.setup_logging()
    assert _logs.logger.level == logging.INFO and _logs.logger.name == "acme_sdk"
    monkeypatch.setenv("ACME_LOG", "nonsense")
    _logs.logger.setLevel(logging.WARNING)
    _logs.setup_logging()
    assert _logs.logger.level == logging.WARNING


@pytest.mark.asyncio
async def test_aiohttp_transport_over_the_wire(
    server: str, seen: List[Dict[str, Any]], sleeps: List[float]
) -> None:
    http_client = acme_sdk.DefaultAioHttpClient()
    transport = type(http_client._transport)
    assert transport.__module__.startswith("httpx_aiohttp") and transport.__name__ == "AiohttpTransport"
    assert http_client.timeout == acme_sdk.DEFAULT_TIMEOUT and http_client.follow_redirects
    async with AsyncAcme(api_key=API_KEY, base_url=server, http_client=http_client) as client:
        widget = await client.widgets.update("w 1", account_id="acc", name="n")
        assert widget is not None and widget.id == "w1"
        page = await client.widgets.list(account_id="acc", tags=["a", "b"])
        assert type(page).__name__ == "AsyncSinglePage[WidgetListResponse]"
        with pytest.raises(acme_sdk.InternalServerError):
            await client.get("/fail", cast_to=object)
        async with client.widgets.with_streaming_response.update("w", account_id="acc") as response:
            assert b"".join([chunk async for chunk in response.iter_bytes()]).startswith(b"{")
    update = seen[0]
    assert update["method"] == "PUT" and update["path"] == "/client/v4/accounts/acc/widgets/w%201"
    assert json.loads(update["body"]) == {"name": "n"}
    headers = {name.lower(): value for name, value in seen[1]["headers"]}
    assert headers["x-stainless-async"] == "async:asyncio" and headers["authorization"] == f"Bearer {API_KEY}"
    assert seen[1]["path"] == "/client/v4/accounts/acc/widgets?tags=a&tags=b"
    assert len(seen) == 2 + 3 + 1  # the 500 is retried twice
    assert http_client.is_closed


def test_aiohttp_client_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def no_aiohttp(name: str, package: Any = None) -> Any:
        if name == "httpx_aiohttp":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_aiohttp)
    with pytest.raises(RuntimeError, match=r"pip install 'acme_sdk\[aiohttp\]'"):
        acme_sdk.DefaultAioHttpClient()


def test_query_credentials_never_reach_a_log_line(
    server: str,
    seen: List[Dict[str, Any]],
    sleeps: List[float],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A credential sent in the query (apiKey `in: query`) is redacted in our logs and in httpx's."""
    _debug_logging_from_env(monkeypatch)
    caplog.set_level(logging.DEBUG)
    client = Acme(api_key=API_KEY, base_url=server, default_query={"api_key": "query-secret-1"})
    client.get("/thing?access_token=query-secret-2&page=2", cast_to=object, options={"params": {"sig": "x"}})
    with pytest.raises(acme_sdk.InternalServerError):
        client.get("/fail", cast_to=object, options={"params": {"session_id": "query-secret-3"}})
    assert "api_key=query-secret-1" in seen[0]["path"]  # the server still gets it
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "HTTP Request: GET" in text and "page=2" in text  # httpx's own line is there, redacted
    for secret in ("query-secret-1", "query-secret-2", "query-secret-3", API_KEY):
        assert secret not in text, secret
    assert "api_key=%3Credacted%3E" in text


def test_redact_url_keeps_everything_but_secret_values() -> None:
    url = "https://h.test/p?a=1&api_key=s1&Token=s2&x=&appid=s3"
    assert _logs.redact_url(url) == "https://h.test/p?a=1&api_key=%3Credacted%3E&Token=%3Credacted%3E&x=&appid=s3"
    assert _logs.redact_url("https://h.test/p?a=1") == "https://h.test/p?a=1"


@pytest.mark.parametrize("bad", ["ftp://h.test/x", "/relative/path", "h.test/no-scheme", "file:///etc/passwd", "http://"])
def test_base_url_must_be_absolute_http(bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="must be an absolute http:// or https:// URL"):
        Acme(api_key=API_KEY, base_url=bad)
    monkeypatch.setenv("ACME_BASE_URL", bad)  # the environment goes through the same check
    with pytest.raises(ValueError, match="must be an absolute http:// or https:// URL"):
        Acme(api_key=API_KEY)


def test_tls_verification_is_on_by_default() -> None:
    import ssl

    for client in (Acme(api_key=API_KEY), AsyncAcme(api_key=API_KEY)):
        pool = client._client._transport._pool  # type: ignore[attr-defined]
        context = pool._ssl_context
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert "sk-super-secret" not in repr(Acme(api_key=API_KEY))
