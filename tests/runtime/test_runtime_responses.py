"""Response parsing, envelopes, strict vs loose, errors, retries (sync client)."""

from __future__ import annotations

import time
import email.utils
from typing import Any, Dict, List, Type, Union, Callable, Optional, cast

import httpx
import pytest
from typing_extensions import Literal

from runtime_support import Recorder, ok, acme_sdk
from acme_sdk import Acme, BaseModel
from acme_sdk._types import NoneType
from acme_sdk._wrappers import ResultWrapper
from acme_sdk._base_client import make_request_options
from acme_sdk.types import WidgetUpdateResponse as Widget

MakeClient = Callable[..., Acme]


def test_envelope_is_unwrapped_and_extra_fields_kept(make_client: MakeClient) -> None:
    rec = Recorder(
        ok(
            {"id": "w1", "name": "n", "apiName": "A", "surprise": {"x": 1}},
            result_info={"page": 1},
        )
    )
    widget = make_client(rec).widgets.update("w1", account_id="acc")
    assert isinstance(widget, Widget)
    assert widget.id == "w1" and widget.api_name == "A"
    assert widget.surprise == {"x": 1}  # type: ignore[attr-defined]
    assert widget.model_extra == {"surprise": {"x": 1}}
    assert widget.to_dict() == {
        "id": "w1",
        "name": "n",
        "apiName": "A",
        "surprise": {"x": 1},
    }
    assert widget.to_dict(use_api_names=False)["api_name"] == "A"
    assert '"apiName": "A"' in widget.to_json()
    assert str(widget).startswith("WidgetUpdateResponse(id='w1'")


def test_result_null_is_none_and_success_false_is_not_an_error(
    make_client: MakeClient,
) -> None:
    rec = Recorder(
        httpx.Response(
            200, json={"success": False, "errors": [{"code": 1}], "result": None}
        )
    )
    assert make_client(rec).widgets.update("w1", account_id="acc") is None


def test_loose_parsing_keeps_wrong_shapes(make_client: MakeClient) -> None:
    bad = {
        "id": 123,
        "scope": [{"key": "a"}],
        "created_on": "not a date",
        "kind": "zzz",
        "name": {"no": 1},
    }
    widget = make_client(Recorder(ok(bad))).widgets.update("w1", account_id="acc")
    assert widget is not None
    assert widget.id == 123  # type: ignore[comparison-overlap]
    assert widget.scope == [{"key": "a"}]  # type: ignore[comparison-overlap]
    assert widget.created_on == "not a date"  # type: ignore[comparison-overlap]
    assert widget.kind == "zzz"  # type: ignore[comparison-overlap]


def test_loose_parsing_builds_nested_models_and_dates(make_client: MakeClient) -> None:
    data = {
        "id": "w",
        "scope": {"key": "k", "objects": [{"key": "o"}]},
        "created_on": "2024-01-02T03:04:05Z",
    }
    widget = make_client(Recorder(ok(data))).widgets.update("w1", account_id="acc")
    assert widget is not None and widget.scope is not None
    assert widget.scope.key == "k" and widget.scope.objects == [{"key": "o"}]
    assert widget.created_on is not None and widget.created_on.year == 2024
    assert widget.model_fields_set == {"id", "scope", "created_on"}


def test_strict_mode_raises_validation_error(make_client: MakeClient) -> None:
    rec = Recorder(ok({"id": "w1", "scope": [{"key": "a"}]}))
    client = make_client(rec, _strict_response_validation=True)
    with pytest.raises(acme_sdk.APIResponseValidationError) as info:
        client.widgets.update("w1", account_id="acc")
    assert info.value.message == "Data returned by API invalid for expected schema."
    assert info.value.status_code == 200
    assert info.value.body == {
        "success": True,
        "errors": [],
        "result": {"id": "w1", "scope": [{"key": "a"}]},
    }
    # valid data passes strict mode, extra fields included
    rec.responses = [ok({"id": "w1", "extra": True})]
    widget = client.widgets.update("w1", account_id="acc")
    assert widget is not None and widget.model_extra == {"extra": True}


def test_non_json_responses(make_client: MakeClient) -> None:
    text = httpx.Response(
        200, text="plain body", headers={"content-type": "text/plain"}
    )
    json_as_text = httpx.Response(
        200, text='{"id": "x"}', headers={"content-type": "text/plain"}
    )
    client = make_client(Recorder(text))
    assert client.get("/x", cast_to=Dict[str, object]) == "plain body"
    assert client.get("/x", cast_to=str) == "plain body"
    assert client.get("/x", cast_to=bytes) == b"plain body"
    assert client.get("/x", cast_to=NoneType) is None
    assert isinstance(client.get("/x", cast_to=httpx.Response), httpx.Response)
    assert make_client(Recorder(json_as_text)).get("/x", cast_to=Widget).id == "x"
    strict = make_client(Recorder(text), _strict_response_validation=True)
    with pytest.raises(
        acme_sdk.APIResponseValidationError,
        match="Expected Content-Type response header",
    ):
        strict.get("/x", cast_to=Widget)


def test_cast_to_shapes(make_client: MakeClient) -> None:
    client = make_client(
        Recorder(httpx.Response(200, json=[{"id": "a"}, {"id": "b", "x": 1}]))
    )
    items = client.get("/x", cast_to=List[Widget])
    assert [w.id for w in items] == ["a", "b"]
    assert client.get("/x", cast_to=object) == [{"id": "a"}, {"id": "b", "x": 1}]
    opt = client.get(
        "/x", cast_to=cast(Type[Optional[List[Widget]]], Optional[List[Widget]])
    )
    assert opt is not None and isinstance(opt[0], Widget)


class Circle(BaseModel):
    shape: Literal["circle"]
    radius: float


class Square(BaseModel):
    shape: Literal["square"]
    side: float


def test_loose_union_picks_best_variant(make_client: MakeClient) -> None:
    shapes = [
        {"shape": "square", "side": 2},
        {"shape": "circle", "radius": "big"},
        "odd",
        3,
    ]
    client = make_client(Recorder(httpx.Response(200, json=shapes)))
    result = client.get("/x", cast_to=List[Union[Circle, Square, str]])  # type: ignore[arg-type]
    assert isinstance(result[0], Square) and result[0].side == 2.0
    assert isinstance(result[1], Circle) and result[1].radius == "big"
    assert result[2] == "odd" and result[3] == 3


def test_post_parser_and_raw_response(make_client: MakeClient) -> None:
    rec = Recorder(
        httpx.Response(200, json={"result": {"id": "w1"}}, headers={"x-req": "1"})
    )
    client = make_client(rec)
    response = client.widgets.with_raw_response.update("w1", account_id="acc")
    assert rec.last.headers["X-Stainless-Raw-Response"] == "raw"
    assert response.is_closed is True
    assert response.status_code == 200 and response.headers["x-req"] == "1"
    assert response.http_request.headers.get("X-Stainless-Lang") == "python"
    assert response.method == "PUT" and response.url.path.endswith("/widgets/w1")
    assert response.retries_taken == 0
    assert response.json() == {"result": {"id": "w1"}}
    assert response.text() == '{"result":{"id":"w1"}}'
    assert response.read() == b'{"result":{"id":"w1"}}'
    parsed = response.parse()
    assert isinstance(parsed, Widget) and parsed.id == "w1"
    assert response.parse() is parsed  # cached
    wrapper = response.parse(to=ResultWrapper[Widget])
    assert isinstance(wrapper, ResultWrapper) and wrapper.result.id == "w1"


def test_streaming_response_body_is_unread_until_parsed(
    make_client: MakeClient,
) -> None:
    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"content-type": "application/json"},
            content=iter([b'{"result":', b'{"id":"s"}}']),
        )

    rec = Recorder(streamed)
    client = make_client(rec)
    with client.widgets.with_streaming_response.update(
        "w1", account_id="acc"
    ) as response:
        assert rec.last.headers["X-Stainless-Raw-Response"] == "stream"
        assert response.is_closed is False
        parsed = response.parse()
        assert parsed is not None and parsed.id == "s"
    assert response.is_closed is True

    with client.widgets.with_streaming_response.update(
        "w1", account_id="acc"
    ) as response:
        assert "".join(response.iter_lines()) == '{"result":{"id":"s"}}'
    with client.widgets.with_streaming_response.update(
        "w1", account_id="acc"
    ) as response:
        pass
    assert response.is_closed is True


@pytest.mark.parametrize(
    "status, cls",
    [
        (400, acme_sdk.BadRequestError),
        (401, acme_sdk.AuthenticationError),
        (403, acme_sdk.PermissionDeniedError),
        (404, acme_sdk.NotFoundError),
        (409, acme_sdk.ConflictError),
        (422, acme_sdk.UnprocessableEntityError),
        (429, acme_sdk.RateLimitError),
        (500, acme_sdk.InternalServerError),
        (503, acme_sdk.InternalServerError),
        (418, acme_sdk.APIStatusError),
        (302, acme_sdk.APIStatusError),
    ],
)
def test_status_errors(
    make_client: MakeClient, status: int, cls: Type[acme_sdk.APIStatusError]
) -> None:
    body = {
        "success": False,
        "errors": [
            {"code": 7003, "message": "bad", "source": {"pointer": "/x"}, "more": 1}
        ],
    }
    rec = Recorder(httpx.Response(status, json=body))
    with pytest.raises(cls) as info:
        make_client(rec, max_retries=0).widgets.update("w1", account_id="acc")
    err = info.value
    assert type(err) is cls
    assert isinstance(err, acme_sdk.APIError) and isinstance(err, acme_sdk.AcmeError)
    assert err.status_code == status and err.response.status_code == status
    assert err.body == body
    assert err.message == f"Error code: {status} - {body}"
    assert str(err) == err.message
    assert err.request is rec.last or err.request.url == rec.last.url
    assert len(err.errors) == 1
    assert err.errors[0].code == 7003 and err.errors[0].message == "bad"
    assert err.errors[0].source is not None and err.errors[0].source.pointer == "/x"


@pytest.mark.parametrize(
    "response, message, body",
    [
        (httpx.Response(400, text="  oops  "), "oops", "oops"),
        (httpx.Response(400, text=""), "Error code: 400", ""),
        (httpx.Response(400, json=[1, 2]), "Error code: 400 - [1, 2]", [1, 2]),
        (
            httpx.Response(400, json={"errors": "not a list"}),
            "Error code: 400 - {'errors': 'not a list'}",
            None,
        ),
    ],
)
def test_error_message_formats(
    make_client: MakeClient, response: httpx.Response, message: str, body: Any
) -> None:
    with pytest.raises(acme_sdk.BadRequestError) as info:
        make_client(Recorder(response)).get("/x", cast_to=object)
    assert info.value.message == message
    if body is not None:
        assert info.value.body == body
    assert info.value.errors == []


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 504])
def test_retryable_statuses(
    make_client: MakeClient, sleeps: List[float], status: int
) -> None:
    rec = Recorder(
        httpx.Response(status, json={}),
        httpx.Response(status, json={}),
        ok({"id": "w"}),
    )
    response = make_client(rec).widgets.with_raw_response.update("w1", account_id="acc")
    assert [r.headers["x-stainless-retry-count"] for r in rec.requests] == [
        "0",
        "1",
        "2",
    ]
    assert response.retries_taken == 2
    assert len(sleeps) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_non_retryable_statuses(
    make_client: MakeClient, sleeps: List[float], status: int
) -> None:
    rec = Recorder(httpx.Response(status, json={}), ok({"id": "w"}))
    with pytest.raises(acme_sdk.APIStatusError):
        make_client(rec).widgets.update("w1", account_id="acc")
    assert len(rec.requests) == 1 and sleeps == []


def test_x_should_retry_overrides_status(
    make_client: MakeClient, sleeps: List[float]
) -> None:
    rec = Recorder(
        httpx.Response(400, headers={"x-should-retry": "true"}), ok({"id": "w"})
    )
    assert make_client(rec).widgets.update("w1", account_id="acc") is not None
    assert len(rec.requests) == 2
    rec = Recorder(
        httpx.Response(500, headers={"x-should-retry": "false"}), ok({"id": "w"})
    )
    with pytest.raises(acme_sdk.InternalServerError):
        make_client(rec).widgets.update("w1", account_id="acc")
    assert len(rec.requests) == 1


@pytest.mark.parametrize("failures, max_retries", [(0, 2), (1, 2), (2, 2), (3, 5)])
def test_retries_taken(
    make_client: MakeClient, sleeps: List[float], failures: int, max_retries: int
) -> None:
    rec = Recorder(*[httpx.Response(500) for _ in range(failures)], ok({"id": "w"}))
    client = make_client(rec, max_retries=max_retries)
    response = client.widgets.with_raw_response.update("w1", account_id="acc")
    assert response.retries_taken == failures
    assert len(rec.requests) == failures + 1


def test_max_retries_exhausted_and_zero(
    make_client: MakeClient, sleeps: List[float]
) -> None:
    rec = Recorder(httpx.Response(503, text="busy"))
    with pytest.raises(acme_sdk.InternalServerError, match="busy"):
        make_client(rec).widgets.update("w1", account_id="acc")
    assert len(rec.requests) == 3
    rec = Recorder(httpx.Response(503))
    with pytest.raises(acme_sdk.InternalServerError):
        make_client(rec, max_retries=0).widgets.update("w1", account_id="acc")
    assert len(rec.requests) == 1
    rec = Recorder(httpx.Response(503), ok({"id": "w"}))
    client = make_client(rec)
    with pytest.raises(acme_sdk.InternalServerError):
        client.post("/x", cast_to=object, options={"max_retries": 0})


def test_connection_errors_and_timeouts_are_retried(
    make_client: MakeClient, sleeps: List[float]
) -> None:
    rec = Recorder(
        httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), ok({"id": "w"})
    )
    assert make_client(rec).widgets.update("w1", account_id="acc") is not None
    assert len(rec.requests) == 3
    rec = Recorder(httpx.ReadTimeout("slow"))
    with pytest.raises(acme_sdk.APITimeoutError) as timeout_info:
        make_client(rec).widgets.update("w1", account_id="acc")
    assert timeout_info.value.message == "Request timed out."
    assert len(rec.requests) == 3 and len(sleeps) == 4
    rec = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(acme_sdk.APIConnectionError) as conn_info:
        make_client(rec).widgets.update("w1", account_id="acc")
    assert type(conn_info.value) is acme_sdk.APIConnectionError
    assert (
        conn_info.value.message == "Connection error." and conn_info.value.body is None
    )
    assert isinstance(conn_info.value.__cause__, httpx.ConnectError)


def _http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


@pytest.mark.parametrize(
    "headers, expected",
    [
        ({}, 0.5),
        ({"retry-after": "0"}, 0.5),
        ({"retry-after": "1"}, 1.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after": "20"}, 20),
        ({"retry-after": "60"}, 60),
        ({"retry-after": "61"}, 0.5),
        ({"retry-after": "-5"}, 0.5),
        ({"retry-after": "soon"}, 0.5),
        ({"retry-after-ms": "10"}, 0.01),
        ({"retry-after-ms": "2500", "retry-after": "20"}, 2.5),
        ({"retry-after-ms": "junk", "retry-after": "3"}, 3.0),
        ({"retry-after-ms": "61000"}, 0.5),
        ({"retry-after": "Fri, 29 Sep 2000 06:00:00 GMT"}, 0.5),
        ({"retry-after": "<date+10>"}, 10),
        ({"retry-after": "<date+90>"}, 0.5),
    ],
)
def test_retry_after_parsing(
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
    headers: Dict[str, str],
    expected: float,
) -> None:
    monkeypatch.setattr(acme_sdk._base_client, "random", lambda: 0.0)
    headers = {
        k: _http_date(int(v[6:-1])) if v.startswith("<date+") else v
        for k, v in headers.items()
    }
    client = make_client(Recorder(ok(None)))
    delay = client._calculate_retry_timeout(0, httpx.Headers(headers))
    assert delay == pytest.approx(expected, abs=1.5 if "GMT" in str(headers) else 1e-6)


def test_backoff_grows_with_jitter_and_caps(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client(Recorder(ok(None)))
    monkeypatch.setattr(acme_sdk._base_client, "random", lambda: 0.0)
    assert [client._calculate_retry_timeout(n) for n in range(6)] == [
        0.5,
        1.0,
        2.0,
        4.0,
        8.0,
        8.0,
    ]
    monkeypatch.setattr(acme_sdk._base_client, "random", lambda: 1.0)
    assert client._calculate_retry_timeout(0) == 0.375  # at most 25% jitter off
    assert client._calculate_retry_timeout(10_000) == 6.0


def test_retry_sleeps_honour_retry_after(
    make_client: MakeClient, sleeps: List[float]
) -> None:
    rec = Recorder(
        httpx.Response(429, headers={"retry-after": "1"}),
        httpx.Response(429, headers={"retry-after-ms": "250"}),
        ok({"id": "w"}),
    )
    make_client(rec).widgets.update("w1", account_id="acc")
    assert sleeps == [1.0, 0.25]


def test_options_max_retries_per_request(
    make_client: MakeClient, sleeps: List[float]
) -> None:
    rec = Recorder(httpx.Response(500))
    client = make_client(rec, max_retries=5)
    with pytest.raises(acme_sdk.InternalServerError):
        client.get("/x", cast_to=object, options={"max_retries": 1})
    assert len(rec.requests) == 2
    assert make_request_options(timeout=3)["timeout"] == 3
