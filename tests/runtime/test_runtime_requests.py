"""Requests on the wire: headers, query, body, paths, auth hooks (sync client, MockTransport)."""

from __future__ import annotations

import json
import platform
from typing import Any, Dict, Callable

import httpx
import pytest

from runtime_support import API_KEY, BASE_URL, Recorder, ok, acme_sdk
from acme_sdk import Acme, omit
from acme_sdk._types import NoneType
from acme_sdk._models import FinalRequestOptions
from acme_sdk._base_client import make_request_options

MakeClient = Callable[..., Acme]
WIDGET = {"id": "w1", "name": "n"}


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def test_platform_and_default_headers(make_client: MakeClient) -> None:
    rec = Recorder(ok(WIDGET))
    make_client(rec).widgets.update("w1", account_id="acc")
    h = rec.last.headers
    assert h["Accept"] == "application/json"
    assert h["Content-Type"] == "application/json"
    assert h["User-Agent"] == "Acme/Python 0.1.0"
    assert h["X-Stainless-Lang"] == "python"
    assert h["X-Stainless-Package-Version"] == "0.1.0"
    assert h["X-Stainless-OS"] in {
        "Linux",
        "MacOS",
        "Windows",
        "FreeBSD",
        "OpenBSD",
        "Android",
        "iOS",
    }
    assert h["X-Stainless-Arch"] in {"x64", "arm64", "arm", "x32"} or h[
        "X-Stainless-Arch"
    ].startswith("other:")
    assert h["X-Stainless-Runtime"] == platform.python_implementation()
    assert h["X-Stainless-Runtime-Version"] == platform.python_version()
    assert h["X-Stainless-Async"] == "false"
    assert h["x-stainless-retry-count"] == "0"
    assert h["x-stainless-read-timeout"] == "60"
    assert h["Authorization"] == f"Bearer {API_KEY}"
    assert h["api-version"] == "2024-01-01"
    assert "X-Stainless-Raw-Response" not in h
    # the lowercase spellings are what goes on the wire, as 5.9.0 sends them
    names = [name for name, _ in rec.last.headers.raw]
    assert b"x-stainless-retry-count" in names and b"X-Stainless-Lang" in names


def test_get_has_no_content_type_but_delete_without_body_does(
    make_client: MakeClient,
) -> None:
    rec = Recorder(ok([]), ok(None))
    client = make_client(rec)
    client.widgets.list(account_id="acc")
    assert "content-type" not in rec.last.headers
    client.delete("/things/1", cast_to=NoneType)
    assert rec.last.method == "DELETE"
    assert rec.last.headers["content-type"] == "application/json"
    assert rec.last.content == b""


def test_header_merge_order(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "ACME_CUSTOM_HEADERS",
        "X-Env: env\nX-Both: env\nnot a header line\nX-Env2:  spaced  ",
    )
    rec = Recorder(ok(WIDGET))
    client = make_client(
        rec,
        default_headers={"X-Both": "client", "X-Client": "c", "user-agent": "mine/1"},
    )
    client.widgets.update(
        "w1",
        account_id="acc",
        extra_headers={
            "x-client": "call",
            "Accept": omit,
            "X-Stainless-Lang": "override",
        },
    )
    h = rec.last.headers
    assert h["X-Env"] == "env"
    assert h["X-Env2"] == "spaced"
    assert h["X-Both"] == "client"  # client default_headers beat the env variable
    assert (
        h["X-Client"] == "call"
    )  # per-call headers beat client headers, case-insensitively
    assert h.get_list("x-client") == ["call"]
    assert h["User-Agent"] == "mine/1"  # client headers beat the defaults
    assert h["X-Stainless-Lang"] == "override"  # ... and the platform headers
    assert h["accept"] == "*/*"  # omit() removed our default; httpx's own is left


def test_client_default_headers_beat_auth_headers(make_client: MakeClient) -> None:
    rec = Recorder(ok(WIDGET))
    make_client(rec, default_headers={"authorization": "Bearer client"}).widgets.update(
        "w1", account_id="acc"
    )
    assert rec.last.headers.get_list("Authorization") == ["Bearer client"]


def test_owned_http_client_is_closed_on_garbage_collection() -> None:
    client = Acme(api_key="k")
    http = client._client
    del client
    http.__del__()  # what the garbage collector would do
    assert http.is_closed


def test_header_param_omit_is_dropped_and_value_is_sent(
    make_client: MakeClient,
) -> None:
    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    client.widgets.update("w1", account_id="acc")
    assert "x-trace" not in rec.last.headers
    client.widgets.update("w1", account_id="acc", x_trace="t-1")
    assert rec.last.headers["x-trace"] == "t-1"


def test_retry_count_and_read_timeout_can_be_overridden_or_omitted(
    make_client: MakeClient,
) -> None:
    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    client.widgets.update(
        "w1", account_id="acc", extra_headers={"x-stainless-retry-count": omit}
    )
    assert "x-stainless-retry-count" not in rec.last.headers
    client.widgets.update(
        "w1", account_id="acc", extra_headers={"X-Stainless-Retry-Count": "42"}
    )
    assert rec.last.headers["x-stainless-retry-count"] == "42"
    client.widgets.update("w1", account_id="acc", timeout=12.5)
    assert rec.last.headers["x-stainless-read-timeout"] == "12.5"
    client.widgets.update("w1", account_id="acc", timeout=None)
    assert "x-stainless-read-timeout" not in rec.last.headers


@pytest.mark.parametrize("bad", ["a\r\nInjected: yes", "a\nb", "a\rb"])
def test_header_values_with_cr_or_lf_are_rejected_before_sending(
    make_client: MakeClient, bad: str
) -> None:
    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    with pytest.raises(ValueError, match="CR or LF"):
        client.widgets.update("w1", account_id="acc", x_trace=bad)
    with pytest.raises(ValueError, match="CR or LF"):
        client.widgets.update("w1", account_id="acc", extra_headers={"X-Other": bad})
    with pytest.raises(ValueError, match="CR or LF"):
        make_client(rec, api_key=bad).widgets.update("w1", account_id="acc")
    assert rec.requests == []


def test_validate_headers_hook_runs_before_any_request(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACME_API_KEY", raising=False)
    rec = Recorder(ok(WIDGET))
    client = make_client(rec, api_key=None)
    with pytest.raises(TypeError, match="Could not resolve authentication method"):
        client.widgets.update("w1", account_id="acc")
    assert rec.requests == []
    # explicitly omitting the auth header satisfies the check, and nothing is sent for it
    client.widgets.update("w1", account_id="acc", extra_headers={"Authorization": omit})
    assert "authorization" not in rec.last.headers
    # a credential given per call also satisfies it
    client.widgets.update(
        "w1", account_id="acc", extra_headers={"authorization": "Bearer call"}
    )
    assert rec.last.headers["authorization"] == "Bearer call"


def test_auth_hook_and_env_fallback(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACME_API_KEY", "from-env")
    rec = Recorder(ok(WIDGET))
    make_client(rec, api_key=None).widgets.update("w1", account_id="acc")
    assert rec.last.headers["authorization"] == "Bearer from-env"
    make_client(rec, api_email="me@example.com").widgets.update("w1", account_id="acc")
    assert rec.last.headers["x-auth-email"] == "me@example.com"
    assert "authorization" not in rec.last.headers


def test_body_omit_vs_none_alias_and_format(make_client: MakeClient) -> None:
    import datetime

    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    client.widgets.update("w1", account_id="acc")
    assert rec.last.content == b"{}"  # PUT with no optional fields sends {}
    client.widgets.update(
        "w1",
        account_id="acc",
        name=None,
        display_name="Dé",
        scope={"key": "k", "objects": iter([{"key": "o"}])},
        starts_at=datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc),
    )
    assert body_of(rec.last) == {
        "name": None,
        "displayName": "Dé",
        "scope": {"key": "k", "objects": [{"key": "o"}]},
        "startsAt": "2024-05-06T07:08:09+00:00",
    }
    assert (
        b'"displayName":"D\xc3\xa9"' in rec.last.content
    )  # compact, UTF-8, not \\u-escaped


def test_extra_body_and_extra_query_merge(make_client: MakeClient) -> None:
    rec = Recorder(ok(WIDGET), ok([]))
    client = make_client(rec, default_query={"d": "1", "q": "client"})
    client.widgets.update(
        "w1",
        account_id="acc",
        name="n",
        extra_body={"name": "x", "more": [1]},
        extra_query={"q": "extra"},
    )
    assert body_of(rec.last) == {"name": "x", "more": [1]}
    assert rec.last.url.params.multi_items() == [("d", "1"), ("q", "extra")]
    client.widgets.list(
        account_id="acc", name="call", extra_query={"name": "extra", "z": True}
    )
    assert rec.last.url.params.multi_items() == [
        ("d", "1"),
        ("q", "client"),
        ("name", "extra"),
        ("z", "true"),
    ]


def test_extra_body_cannot_merge_into_a_non_mapping(make_client: MakeClient) -> None:
    client = make_client(Recorder(ok(None)))
    with pytest.raises(RuntimeError, match="cannot merge with `extra_body`"):
        client.post(
            "/x",
            cast_to=object,
            body=[1, 2],
            options=make_request_options(extra_body={"a": 1}),
        )


def test_query_encoding(make_client: MakeClient) -> None:
    rec = Recorder(ok([]))
    client = make_client(rec)
    client.widgets.list(account_id="acc", name="a b&c", tags=["x", "y"])
    assert rec.last.url.query == b"name=a+b%26c&tags=x&tags=y"
    client.get(
        "/search",
        cast_to=object,
        options=make_request_options(
            query={
                "f": {"a": 1, "b": {"c": False}},
                "none": None,
                "empty": "",
                "gone": omit,
                "n": 1.5,
            }
        ),
    )
    assert rec.last.url.params.multi_items() == [
        ("f.a", "1"),
        ("f.b.c", "false"),
        ("n", "1.5"),
    ]


def test_query_in_path_is_kept_under_params(make_client: MakeClient) -> None:
    rec = Recorder(ok(None))
    client = make_client(rec)
    client.get("/x?a=1&b=2", cast_to=object, options={"params": {"b": "3"}})
    assert rec.last.url.params.multi_items() == [("a", "1"), ("b", "3")]
    client.get("/x?a=1", cast_to=object)
    assert rec.last.url.query == b"a=1"


def test_paths_are_percent_encoded_and_joined_to_base_url(
    make_client: MakeClient,
) -> None:
    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    client.widgets.update("a/b c?d#e%", account_id="acc:@!")
    assert (
        rec.last.url.raw_path
        == b"/client/v4/accounts/acc:@!/widgets/a%2Fb%20c%3Fd%23e%25"
    )
    assert str(client.base_url) == BASE_URL + "/"


@pytest.mark.parametrize("bad", [".", ".."])
def test_dot_segments_are_rejected(make_client: MakeClient, bad: str) -> None:
    rec = Recorder(ok(WIDGET))
    with pytest.raises(ValueError, match="contains dot-segment") as info:
        make_client(rec).widgets.update(bad, account_id="acc")
    assert rec.requests == []
    if bad == "..":
        assert str(info.value) == (
            "Constructed path '/accounts/acc/widgets/..' contains dot-segment '..' which is not allowed"
        )


def test_percent_signs_in_values_are_encoded_not_dot_segments(
    make_client: MakeClient,
) -> None:
    rec = Recorder(ok(WIDGET))
    make_client(rec).widgets.update("%2e%2E", account_id="acc")
    assert rec.last.url.raw_path.endswith(b"/widgets/%252e%252E")


def test_empty_path_param_message(make_client: MakeClient) -> None:
    rec = Recorder(ok(WIDGET))
    with pytest.raises(
        ValueError, match=r"Expected a non-empty value for `account_id` but received ''"
    ):
        make_client(rec).widgets.update("w", account_id="")


def test_absolute_url_and_base_url_with_trailing_slash(make_client: MakeClient) -> None:
    rec = Recorder(ok(None))
    client = make_client(rec, base_url="http://h.test/api/")
    client.get("http://other.test/x", cast_to=object)
    assert str(rec.last.url) == "http://other.test/x"
    client.get("v1/y", cast_to=object)
    assert str(rec.last.url) == "http://h.test/api/v1/y"


@pytest.mark.parametrize(
    "base_url, path, expected",
    [
        ("http://h.test:8080", "/v1/y", "http://h.test:8080/v1/y"),
        ("http://h.test:8080/", "v1/y", "http://h.test:8080/v1/y"),
        ("http://h.test", "a%2Fb/c d", "http://h.test/a%2Fb/c%20d"),
        ("http://h.test/api", "v1/y?x=1", "http://h.test/api/v1/y?x=1"),
        ("https://h.test/api/v4", "/items", "https://h.test/api/v4/items"),
    ],
)
def test_relative_paths_join_every_base_url_shape(
    make_client: MakeClient, base_url: str, path: str, expected: str
) -> None:
    rec = Recorder(ok(None))
    make_client(rec, base_url=base_url).get(path, cast_to=object)
    assert str(rec.last.url) == expected


def test_max_retries_none_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="max_retries cannot be None"):
        Acme(api_key="k", max_retries=None)  # type: ignore[arg-type]


def test_invalid_http_client_type() -> None:
    with pytest.raises(TypeError, match="Invalid `http_client` argument"):
        Acme(api_key="k", http_client=httpx.AsyncClient())  # type: ignore[arg-type]


def test_timeouts_default_and_adopted_from_http_client() -> None:
    assert Acme(api_key="k").timeout == acme_sdk.DEFAULT_TIMEOUT
    custom = httpx.Client(timeout=httpx.Timeout(3.0))
    assert Acme(api_key="k", http_client=custom).timeout == httpx.Timeout(3.0)
    assert Acme(api_key="k", http_client=custom, timeout=9).timeout == 9
    assert (
        Acme(api_key="k", http_client=httpx.Client()).timeout
        == acme_sdk.DEFAULT_TIMEOUT
    )


def test_per_call_timeout_reaches_httpx(make_client: MakeClient) -> None:
    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    client.widgets.update(
        "w", account_id="acc", timeout=httpx.Timeout(7.0, connect=1.0)
    )
    assert rec.last.extensions["timeout"] == {
        "connect": 1.0,
        "read": 7.0,
        "write": 7.0,
        "pool": 7.0,
    }
    client.widgets.update("w", account_id="acc")
    assert rec.last.extensions["timeout"]["read"] == 60


def test_default_httpx_client_defaults() -> None:
    http = acme_sdk.DefaultHttpxClient()
    assert http.timeout == acme_sdk.DEFAULT_TIMEOUT
    assert http.follow_redirects is True
    client = Acme(api_key="k")
    assert client._client.follow_redirects is True
    with client as entered:
        assert entered is client
    assert client.is_closed()


def test_with_options_shares_http_client_and_changes_retries(
    make_client: MakeClient, sleeps: list
) -> None:
    rec = Recorder(httpx.Response(500, json={}), ok(WIDGET))
    client = make_client(rec)
    copy = client.with_options(max_retries=0)
    assert copy._client is client._client and copy.max_retries == 0
    with pytest.raises(acme_sdk.InternalServerError):
        copy.widgets.update("w", account_id="acc")
    assert len(rec.requests) == 1


def test_request_options_dataclass_and_build_request(make_client: MakeClient) -> None:
    client = make_client(Recorder(ok(None)))
    request = client._build_request(
        FinalRequestOptions(method="post", url="/x", json_data={"a": 1})
    )
    assert request.method == "POST" and request.content == b'{"a":1}'
    assert make_request_options() == {}
    opts = make_request_options(
        extra_headers={"a": "b"}, query={"q": 1}, extra_query={"r": 2}, timeout=None
    )
    assert opts == {"headers": {"a": "b"}, "params": {"q": 1, "r": 2}, "timeout": None}


def test_follow_redirects_by_default(make_client: MakeClient) -> None:
    def route(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/old"):
            return httpx.Response(302, headers={"location": BASE_URL + "/new"})
        return ok({"id": "moved"})

    rec = Recorder(route)
    http = acme_sdk.DefaultHttpxClient(transport=httpx.MockTransport(rec))
    client = Acme(api_key="k", base_url=BASE_URL, http_client=http)
    assert client.get("/old", cast_to=object) == {
        "success": True,
        "errors": [],
        "result": {"id": "moved"},
    }
    assert [r.url.path for r in rec.requests] == ["/client/v4/old", "/client/v4/new"]


def test_null_or_empty_body_skips_the_post_parser(make_client: MakeClient) -> None:
    null = httpx.Response(
        200, content=b"null", headers={"content-type": "application/json"}
    )
    assert make_client(Recorder(null)).widgets.update("w1", account_id="acc") is None
    assert (
        make_client(Recorder(httpx.Response(204))).widgets.update(
            "w1", account_id="acc"
        )
        is None
    )


def test_request_header_dict_types(make_client: MakeClient) -> None:
    rec = Recorder(ok(None))
    client = make_client(rec)
    headers: Dict[str, Any] = {"X-Bool": True, "X-Int": 3, "X-None": None}
    client.get("/x", cast_to=object, options={"headers": headers})
    assert rec.last.headers["x-bool"] == "true" and rec.last.headers["x-int"] == "3"
    assert "x-none" not in rec.last.headers


def test_client_headers_are_read_on_every_call(make_client: MakeClient) -> None:
    # the merged client headers are reused between calls only while they stay equal
    rec = Recorder(ok(WIDGET))
    client = make_client(rec)
    client.widgets.list(account_id="acc")  # a GET: its own copy loses Content-Type
    client.widgets.update("w1", account_id="acc")
    assert rec.last.headers["Content-Type"] == "application/json"
    assert rec.last.headers["Authorization"] == f"Bearer {API_KEY}"
    client.api_key = "changed"
    client.widgets.update("w1", account_id="acc", extra_headers={"x-call": "1"})
    assert rec.last.headers["Authorization"] == "Bearer changed"
    client.widgets.update("w1", account_id="acc")
    assert rec.last.headers["Authorization"] == "Bearer changed"
    assert "x-call" not in rec.last.headers
    client._custom_headers = {"x-client": "a\r\nInjected: yes"}
    with pytest.raises(ValueError, match="CR or LF"):
        client.widgets.update("w1", account_id="acc")
