"""The fast validation path (openapi-spec-validator-rs) agrees with the Python path, and neither
touches the network."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import validate_fast, validate_python
from generator.loader import Document, load_document
from generator.validate import validate_document
from generator.validate_fast import rust_verdict

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"

# Valid and invalid documents of both versions, with keys containing '#', recursion,
# callbacks, webhooks, defaults that contradict their schema (warnings only) and a real
# published spec with such warnings.
SUBSET = [
    "edge/3.0-petstore.json",
    "edge/3.0-callbacks.json",
    "edge/3.0-schema-circular.json",
    "edge/3.0-parameters-style.json",
    "edge/3.0-polymorphism.json",
    "edge/3.0-openapi-workshop-post.json",
    "edge/3.0-schema-validation.json",
    "edge/3.1-petstore.json",
    "edge/3.1-webhooks.json",
    "edge/3.1-schema-types.json",
    "edge/3.1-schema-validation-local.json",
    "edge/3.1-schema-validation-top-level.json",
    "real/motaword.com.json",
]


def _version(doc: Document) -> str:
    return "3.1" if str(doc.data["openapi"]).startswith("3.1") else "3.0"


def assert_paths_agree(path: Path) -> None:
    doc = load_document(path)
    explained = validate_document(doc, fast=False)
    verdict = rust_verdict(doc.data, _version(doc))
    # "valid" from Rust must mean the Python path has nothing at all to say (not even a
    # warning), and anything the Python path reports must make Rust say "invalid".
    assert verdict is (not explained), (path.name, verdict, [p.message for p in explained[:3]])
    assert validate_document(doc) == explained


@pytest.mark.parametrize("name", SUBSET)
def test_both_paths_agree_on_corpus_subset(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip("shared corpus not present")
    assert_paths_agree(path)


def _corpus_openapi3() -> list[Path]:
    files = sorted((CORPUS / "edge").glob("3.*.json")) + sorted((CORPUS / "real").glob("*.json"))
    return [*files, *sorted((CORPUS / "big").glob("*.json"))]


@pytest.mark.slow
def test_both_paths_agree_on_the_whole_corpus() -> None:
    files = _corpus_openapi3()
    if not files:
        pytest.skip("shared corpus not present")
    checked = 0
    for path in files:
        doc = load_document(path)
        if not str(doc.data.get("openapi", "")).startswith(("3.0", "3.1")):
            continue  # Swagger 2.0: refused by the version check before either path
        assert_paths_agree(path)
        checked += 1
    assert checked > 100


def test_a_valid_document_skips_the_python_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_run(*args: Any) -> bool:
        raise AssertionError("the Python validator ran on a document the fast path found valid")

    monkeypatch.setattr(validate_python, "_structural", must_not_run)
    doc = Document(data=_document({"type": "string"}), path=Path("/x/spec.json"), text="")
    assert validate_document(doc) == []


def test_a_problem_found_by_the_fast_path_is_explained_with_its_location(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n"
        "      responses:\n        '200': {description: ok}\n      parameters:\n"
        "        - {name: q, in: qery, schema: {type: string}}\n",
        encoding="utf-8",
    )
    doc = load_document(spec)
    assert rust_verdict(doc.data, "3.0") is False
    [problem] = validate_document(doc)
    assert (problem.line, problem.pointer) == (9, "/paths/~1pets/get/parameters/0/in")
    assert '"qery" is not one of the allowed values' in problem.message


def test_without_the_rust_package_the_python_path_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate_fast, "_rust", None)
    data = _document({"type": "object", "required": "name"})  # `required` must be a list
    assert rust_verdict(data, "3.0") is None
    problems = validate_document(Document(data=data, path=Path("/x/spec.json"), text=""))
    assert [p.pointer for p in problems] == ["/components/schemas/A/required"]


def test_nesting_beyond_the_rust_stack_falls_back_to_python() -> None:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(90):  # within the loader's bound (200 levels), beyond the Rust stack's
        schema = {"type": "object", "properties": {"a": schema}}
    data = _document(schema, "3.1.0")
    assert rust_verdict(data, "3.1") is None
    doc = Document(data=data, path=Path("/x/spec.json"), text="")
    # Rust mirrors the Python validator's recursion limit; the answer is the Python path's.
    assert validate_document(doc) == validate_document(doc, fast=False)


# --------------------------------------------------------------------------- network


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).hits.append(self.path)
        body = b'{"type": "string"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def schema_server() -> Iterator[tuple[str, list[str]]]:
    _Recorder.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", _Recorder.hits
    finally:
        server.shutdown()
        server.server_close()


def _document(schema: dict[str, Any], version: str = "3.0.3") -> dict[str, Any]:
    return {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {"A": schema}}}


def test_the_rust_package_would_fetch_remote_refs_through_its_public_api(schema_server) -> None:
    """Why the guard exists: the package's own validator classes download http(s) $refs."""
    from openapi_spec_validator_rs import OpenAPIV30SpecValidator

    url, hits = schema_server
    data = _document({"type": "object", "properties": {"a": {"$ref": f"{url}/pet.json"}}})
    assert list(OpenAPIV30SpecValidator(data).iter_errors()) == []
    assert hits == ["/pet.json"]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_neither_path_fetches_remote_refs(schema_server, version: str) -> None:
    url, hits = schema_server
    data = _document({"type": "object", "properties": {
        "a": {"$ref": f"{url}/pet.json"},
        "b": {"$ref": f"{url}/other.json#/definitions/x"},
    }}, version)
    # The fast path alone, without sdkgen's $ref check in front of it: it refuses to fetch.
    assert rust_verdict(data, version[:3]) is None
    problems = validate_document(Document(data=data, path=Path("/x/spec.json"), text=""))
    assert [p.code for p in problems] == ["ref-not-local", "ref-not-local"]
    # The Python path on its own refuses too.
    assert [p.code for p in validate_document(Document(data=data, path=Path("/x/spec.json"), text=""),
                                              fast=False)] == ["ref-not-local", "ref-not-local"]
    assert hits == []
