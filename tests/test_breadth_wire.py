"""Issue 13 constructs, end to end: generate an SDK from tests/breadth/features_spec.py with the
real generator, import it, call it against a loopback server and check what arrives on the wire."""

from __future__ import annotations

import asyncio
import datetime
import io
import json
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

from tests.breadth.features_spec import SPEC
from tests.breadth.loopback import Loopback, generate_and_import

PACKAGE = "breadth_features"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    load = generate_and_import(SPEC, tmp_path_factory.mktemp("breadth") / "sdk", PACKAGE)
    return load()


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with Loopback() as loopback:
        yield loopback


@pytest.fixture()
def client(sdk: ModuleType, server: Loopback) -> Any:
    return sdk.Client(bearer="tok", query_key="qk", base_url=server.url + "/api/v3", max_retries=0)


def test_path_query_header_cookie_styles(client: Any, server: Loopback) -> None:
    client.things.styles(
        {"a": 1},
        label=["x", "y"],
        matrix=[1, 2],
        filter={"a": 1, "b": "z"},
        ids=[1, 2],
        tags=["a", "b"],
        pipes=["p", "q"],
        spaced=["s", "t"],
        point={"x": 1, "y": 2},
        x_ids=[1, 2],
        x_flag=True,
        x_obj={"r": 5},
        session="abc",
        prefs=["a", "b"],
    )
    seen = server.last
    assert seen.path == "/api/v3/styles/.x.y/;matrix=1,2/a,1"
    assert seen.query == [
        ("filter[a]", "1"), ("filter[b]", "z"), ("ids", "1,2"), ("tags", "a"), ("tags", "b"),
        ("pipes", "p|q"), ("spaced", "s t"), ("x", "1"), ("y", "2"),
    ]
    assert seen.headers["x-ids"] == "1,2"
    assert seen.headers["x-flag"] == "true"
    assert seen.headers["x-obj"] == "r=5"
    assert seen.headers["cookie"] == "session=abc; prefs=a,b"


def test_optional_parameters_left_out(client: Any, server: Loopback) -> None:
    client.things.styles({"a": 1}, label=["x"], matrix=[3])
    seen = server.last
    assert seen.query == []
    assert "x-ids" not in seen.headers and "cookie" not in seen.headers


def test_security_overrides(sdk: ModuleType, client: Any, server: Loopback) -> None:
    client.things.public_ping()
    assert "authorization" not in server.last.headers and server.last.query == []
    client.things.keyed()
    assert server.last.query == [("api_key", "qk")] and "authorization" not in server.last.headers
    client.things.list_pets()
    assert server.last.headers["authorization"] == "Bearer tok" and server.last.query == []

    anonymous = sdk.Client(base_url=server.url + "/api/v3", max_retries=0)
    anonymous.things.public_ping()
    anonymous.things.optional_auth()  # `security: [{}, {bearer: []}]`: anonymous is fine
    assert "authorization" not in server.last.headers
    with pytest.raises(TypeError, match="query_key"):
        anonymous.things.keyed()
    with pytest.raises(TypeError, match="bearer"):
        anonymous.things.list_pets()


def test_discriminator_dispatch(client: Any, server: Loopback) -> None:
    server.reply("GET", "/api/v3/pets", [
        {"petType": "dog", "name": "rex", "bark": "woof"},
        {"petType": "cat", "name": "tom", "lives": 9},
    ])
    dog, cat = client.things.list_pets()
    assert "bark" in type(dog).model_fields and "lives" not in type(dog).model_fields
    assert "lives" in type(cat).model_fields and dog.bark == "woof" and cat.lives == 9
    # Square and Circle have the same fields: only the (inferred) mapping tells them apart
    server.reply("GET", "/api/v3/shape", {"kind": "Circle", "side": 2})
    shape = client.things.get_shape()
    assert str(type(shape).model_fields["kind"].annotation) == "typing.Literal['Circle']"


def test_form_body(client: Any, server: Loopback) -> None:
    client.things.submit_form(name="n x", tags=["a", "b"], count=3)
    assert server.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert server.last.body == b"name=n+x&tags=a&tags=b&count=3"


def test_no_content_response_declaring_a_body_returns_none(client: Any, server: Loopback) -> None:
    server.reply("DELETE", "/api/v3/jobs/j1", b"", status=204)
    assert client.things.cancel_job(id="j1") is None
    assert server.last.method == "DELETE" and server.last.path == "/api/v3/jobs/j1"


def test_head_returns_none_whatever_the_spec_declares(client: Any, server: Loopback) -> None:
    server.reply("HEAD", "/api/v3/files/f1", b"", status=200)
    assert client.things.head_file(id="f1") is None
    assert server.last.method == "HEAD"


def test_form_body_given_as_encoded_text(client: Any, server: Loopback) -> None:
    client.things.submit_form_text(body="ingredientList=3 oz flour&servings=2")
    assert server.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert server.last.body == b"ingredientList=3 oz flour&servings=2"


def _parts(seen: Any) -> dict[str, tuple[str, bytes]]:
    """name -> (part headers, content) of a multipart body."""
    content_type = seen.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=", 1)[1].encode()
    parts = {}
    for chunk in seen.body.split(b"--" + boundary)[1:-1]:
        head, _, content = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        disposition = next(line for line in head.decode().splitlines() if line.startswith("Content-Disposition"))
        name = disposition.split('name="', 1)[1].split('"', 1)[0]
        parts[name] = (head.decode(), content)
    return parts


def test_multipart_upload_forms(client: Any, server: Loopback, tmp_path: Path) -> None:
    client.things.upload(file=("a.txt", b"hello", "text/plain"), note="hi", meta={"k": "v"})
    parts = _parts(server.last)
    assert 'filename="a.txt"' in parts["file"][0] and parts["file"][1] == b"hello"
    assert parts["note"][1] == b"hi" and json.loads(parts["meta"][1]) == {"k": "v"}

    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG")
    client.things.upload(file=path)
    assert 'filename="photo.png"' in _parts(server.last)["file"][0]
    assert _parts(server.last)["file"][1] == b"\x89PNG"

    client.things.upload(file=io.BytesIO(b"raw"))
    assert _parts(server.last)["file"][1] == b"raw"
    client.things.upload(file=b"bytes")
    assert _parts(server.last)["file"] [1] == b"bytes"


def test_multipart_part_encodings(client: Any, server: Loopback) -> None:
    """`encoding.<part>.contentType`: JSON parts sent as JSON with their type, a file's default type."""
    client.things.upload_encoded(avatar=b"\x89PNG", meta={"k": "v"}, note="h\u00e9")
    parts = _parts(server.last)
    assert "Content-Type: image/png" in parts["avatar"][0] and parts["avatar"][1] == b"\x89PNG"
    assert "Content-Type: application/vnd.meta+json" in parts["meta"][0] and json.loads(parts["meta"][1]) == {"k": "v"}
    assert "Content-Type: text/plain; charset=utf-8" in parts["note"][0] and parts["note"][1] == "h\u00e9".encode()
    assert list(parts) == ["avatar", "meta", "note"]  # in the order of the arguments
    client.things.upload_encoded(avatar=("a.jpg", b"JFIF", "image/jpeg"))  # the caller's own type wins
    assert "Content-Type: image/jpeg" in _parts(server.last)["avatar"][0]


def test_form_field_encodings(client: Any, server: Loopback) -> None:
    """`encoding.<field>` in a form body: a style lays out an array, a JSON contentType sends JSON text."""
    client.things.submit_encoded_form(ids=[1, 2], filter={"a": 1}, deep={"b": "x"})
    assert server.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert server.last.body == b"ids=1%7C2&filter=%7B%22a%22%3A1%7D&b=x"


def test_raw_and_text_bodies(client: Any, server: Loopback) -> None:
    client.things.put_raw(body=b"\x00\x01")
    assert (server.last.method, server.last.body) == ("PUT", b"\x00\x01")
    assert server.last.headers["content-type"] == "application/octet-stream"

    server.reply("POST", "/api/v3/text", b"echo", content_type="text/plain")
    assert client.things.post_text(body="h\u00e9llo") == "echo"
    assert server.last.body == "h\u00e9llo".encode()
    assert server.last.headers["content-type"] == "text/plain"
    assert server.last.headers["accept"] == "text/plain"


def test_json_media_types(client: Any, server: Loopback) -> None:
    client.things.charset_json(a=1)
    assert server.last.headers["content-type"] == "application/json; charset=utf-8"
    assert json.loads(server.last.body) == {"a": 1}
    client.things.vendor_json(a=2)
    assert server.last.headers["content-type"] == "application/vnd.api+json"


def test_optional_non_object_body(client: Any, server: Loopback) -> None:
    client.things.tag_numbers()
    assert server.last.body == b""
    client.things.tag_numbers(body=[1, 2])
    assert json.loads(server.last.body) == [1, 2]


def test_head_options_and_default_response(client: Any, server: Loopback) -> None:
    client.things.head_status()
    assert server.last.method == "HEAD"
    client.things.options_status()
    assert server.last.method == "OPTIONS"
    server.reply("GET", "/api/v3/default-only", {"ok": True})
    assert client.things.default_only().ok is True


def test_required_self_reference_and_relative_server(sdk: ModuleType, client: Any, server: Loopback,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    client.things.create_node(name="a", child={"name": "b", "child": {"name": "c", "child": {}}})
    assert json.loads(server.last.body)["child"]["name"] == "b"
    monkeypatch.delenv("BREADTH_FEATURES_BASE_URL", raising=False)
    with pytest.raises(sdk.BreadthFeaturesError if hasattr(sdk, "BreadthFeaturesError") else Exception,
                       match="followed by /api/v3"):
        sdk.Client(bearer="tok")


def test_get_body_float_enum_literal_union_and_date_fields(client: Any, server: Loopback) -> None:
    server.reply("GET", "/api/v3/ratio", 1.5)
    assert client.things.get_ratio(a=1) == 1.5  # `Literal` cannot hold floats: typed `float`
    assert json.loads(server.last.body) == {"a": 1}  # a GET that declares a body sends it
    server.reply("GET", "/api/v3/mode", "b")
    assert client.things.get_mode() == "b"
    server.reply("GET", "/api/v3/when", {"date": "2024-02-29", "at": "2024-02-29T10:00:00Z"})
    when = client.things.get_when()  # a field named `date` must not shadow the `date` type (it is `date_`)
    assert when.date_ == datetime.date(2024, 2, 29) and when.at.year == 2024


def test_resource_named_like_a_client_method(client: Any, server: Loopback) -> None:
    assert callable(client.post)  # the client's own `post` is not replaced by the `post` tag's resource
    client.post_.create_post()
    assert (server.last.method, server.last.path) == ("POST", "/api/v3/posts")


def test_async_client_uploads_and_security(sdk: ModuleType, server: Loopback) -> None:
    async def main() -> None:
        client = sdk.AsyncClient(bearer="tok", base_url=server.url + "/api/v3", max_retries=0)
        await client.things.upload(file=("b.bin", b"\x01"))
        assert 'filename="b.bin"' in _parts(server.last)["file"][0]
        await client.things.public_ping()
        assert "authorization" not in server.last.headers
        await client.things.head_status()
        assert server.last.method == "HEAD"

    asyncio.run(main())


@pytest.mark.slow
def test_features_sdk_verifies(sdk: ModuleType) -> None:
    """The features SDK is `mypy --strict` clean and passes its own generated tests."""
    from generator.verify import verify

    directory = Path(sdk.__file__).resolve().parents[2]
    report = verify(directory)
    assert report.ok, "\n".join(f"{s.name}: {s.summary}\n{s.details}" for s in report.steps if not s.ok)


SERVERS_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Servers", "version": "1"},
    "servers": [{"url": "https://{region}.example.invalid/v1", "variables": {"region": {"default": "eu"}}}],
    "paths": {
        "/home": {"get": {"operationId": "home", "tags": ["svc"], "responses": {"200": {"description": "ok"}}}},
        "/elsewhere": {
            "servers": [{"url": "/v2"}],
            "get": {"operationId": "relative", "tags": ["svc"], "responses": {"200": {"description": "ok"}}},
            "post": {
                "operationId": "own",
                "tags": ["svc"],
                "servers": [{"url": "https://uploads.example.invalid/{v}", "variables": {"v": {"default": "v9"}}}],
                "responses": {"200": {"description": "ok"}},
            },
        },
    },
}


def test_operation_and_path_servers(tmp_path: Path, server: Loopback) -> None:
    import httpx

    sdk = generate_and_import(SERVERS_SPEC, tmp_path / "sdk", "breadth_servers")()
    sent: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json={})

    client = sdk.Client(http_client=httpx.Client(transport=httpx.MockTransport(record)), max_retries=0)
    client.svc.home()
    client.svc.relative()
    client.svc.own()
    assert sent == [
        "https://eu.example.invalid/v1/home",
        "https://eu.example.invalid/v2/elsewhere",
        "https://uploads.example.invalid/v9/elsewhere",
    ]
    # pointed elsewhere (a proxy, a test server), every operation follows base_url
    local = sdk.Client(base_url=server.url + "/base", max_retries=0)
    local.svc.own()
    assert (server.last.method, server.last.path) == ("POST", "/base/elsewhere")


def test_no_content_response_declaring_a_body_is_a_located_warning(tmp_path: Path) -> None:
    from generator.pipeline import generate_files

    spec = tmp_path / "features.json"
    spec.write_text(json.dumps(SPEC))
    warnings = [w for w in generate_files(spec).warnings if w.code == "response-shape"]
    assert sorted(w.pointer for w in warnings) == ["/paths/~1files~1{id}/head/responses/200/content",
                                             "/paths/~1jobs~1{id}/delete/responses/204/content"]
    assert "cannot carry a body" in warnings[0].message and warnings[0].line
