"""Stage "validate": what is reported, where, and in which words."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SpecProblem
from generator.loader import Document, load_document
from generator.validate import MAX_PROBLEMS, validate_document

SPECS = Path(__file__).parent / "fixtures" / "specs"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"


def problems_of(path: Path) -> list[SpecProblem]:
    return validate_document(load_document(path))


def summary(problems: list[SpecProblem]) -> list[tuple[int | None, str, str, str]]:
    return [(p.line, p.pointer, p.code, p.message) for p in problems]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["valid.yaml", "valid.json", "multi/main.yaml"])
def test_valid_documents_have_no_problems(name: str) -> None:
    assert problems_of(SPECS / name) == []


def test_invalid_document_problems_in_document_order() -> None:
    problems = problems_of(SPECS / "invalid_spec.yaml")
    pet = "/components/schemas/Pet"
    assert summary(problems) == [
        (7, "/paths/~1pets/foo", "spec-invalid", "unknown property 'foo'"),
        (11, "/paths/~1pets/get/parameters/0", "spec-invalid",
         "missing property: one of 'schema', 'content' is required"),
        (12, "/paths/~1pets/get/parameters/0/in", "spec-invalid",
         '"qery" is not one of the allowed values ("path", "query", "header", "cookie")'),
        (19, "/paths/~1pets/get/responses/200/content/application~1json/schema/type",
         "spec-invalid",
         '"strin" is not one of the allowed values '
         '("array", "boolean", "integer", "number", "object", "string")'),
        (21, "/paths/~1pets~1{petId}/get", "path-parameter-unresolved",
         "Path parameter 'petId' for 'get' operation in '/pets/{petId}' was not resolved"),
        (22, "/paths/~1pets~1{petId}/get/operationId", "operation-id-duplicate",
         "Operation ID 'listPets' for 'get' in '/pets/{petId}' is not unique"),
        (34, f"{pet}/required", "required-undefined",
         "Required list has not defined properties: ['name']"),
        (35, f"{pet}/nullable", "spec-invalid", 'expected a boolean, got a string "yes"'),
        (39, f"{pet}/properties/id/minimum", "spec-invalid", 'expected a number, got a string "x"'),
        (40, f"{pet}/properties/id/default", "default-invalid",
         'default value: expected an integer, got a string "one"'),
    ]
    by_pointer = {p.pointer: p for p in problems}
    assert by_pointer["/paths/~1pets/foo"].hint == (
        "allowed here: $ref, summary, description, servers, parameters; custom extensions must "
        "start with 'x-'")
    assert by_pointer["/paths/~1pets/get/parameters/0/in"].hint == "did you mean 'query'?"
    assert by_pointer[f"{pet}/nullable"].hint == "change the value to a boolean"
    assert by_pointer[f"{pet}/properties/id/default"].severity == "warning"
    assert {p.severity for p in problems if p.code != "default-invalid"} == {"error"}
    assert {p.file for p in problems} == {str((SPECS / "invalid_spec.yaml").resolve())}
    assert problems[0].format() == (
        f"{(SPECS / 'invalid_spec.yaml').resolve()}:7: error [spec-invalid]: at /paths/~1pets/foo: "
        "unknown property 'foo'\n"
        "  hint: allowed here: $ref, summary, description, servers, parameters; custom "
        "extensions must start with 'x-'")


def test_unresolved_ref() -> None:
    [problem] = problems_of(SPECS / "bad_ref.yaml")
    assert problem == SpecProblem(
        message="unresolved $ref '#/components/schemas/Pett'",
        file=str((SPECS / "bad_ref.yaml").resolve()),
        pointer="/paths/~1pets/get/responses/200/content/application~1json/schema",
        line=14,  # the line of the `$ref:` itself
        hint="there is no 'Pett' in /components/schemas (did you mean 'Pet'?)",
        code="ref-not-found",
    )


def test_broken_ref_does_not_hide_other_checks(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: same
      responses:
        "200":
          $ref: "#/components/responses/Missing"
  /b/{id}:
    get:
      operationId: same
      responses:
        "200": {description: ok}
"""
    problems = problems_of(write(tmp_path / "spec.yaml", text))
    assert summary(problems) == [
        (9, "/paths/~1a/get/responses/200", "ref-not-found",
         "unresolved $ref '#/components/responses/Missing'"),
        (11, "/paths/~1b~1{id}/get", "path-parameter-unresolved",
         "Path parameter 'id' for 'get' operation in '/b/{id}' was not resolved"),
        (12, "/paths/~1b~1{id}/get/operationId", "operation-id-duplicate",
         "Operation ID 'same' for 'get' in '/b/{id}' is not unique"),
    ]


def test_circular_ref_chain(tmp_path: Path) -> None:
    text = """openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A:
      $ref: "#/components/schemas/B"
    B:
      $ref: "#/components/schemas/A"
    Node:
      type: object
      properties:
        next:
          $ref: "#/components/schemas/Node"
"""
    started = time.perf_counter()
    problems = problems_of(write(tmp_path / "spec.yaml", text))
    assert time.perf_counter() - started < 5
    assert summary(problems) == [
        (7, "/components/schemas/A", "ref-cycle",
         "circular $ref '#/components/schemas/B': it leads back to itself through $refs only"),
        (9, "/components/schemas/B", "ref-cycle",
         "circular $ref '#/components/schemas/A': it leads back to itself through $refs only"),
    ]


def test_problems_found_through_a_ref_point_at_its_target(tmp_path: Path) -> None:
    text = """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        size:
          type: integer
          default: big
      allOf:
        - type: object
"""
    problems = problems_of(write(tmp_path / "spec.yaml", text))
    assert summary(problems) == [
        (17, "/components/schemas/Pet/required", "required-undefined",
         "Required list has not defined properties: ['name']"),
        (21, "/components/schemas/Pet/properties/size/default", "default-invalid",
         'default value: expected an integer, got a string "big"'),
    ]


def test_problem_in_an_inlined_file_is_located_in_that_file(tmp_path: Path) -> None:
    pet = write(tmp_path / "schemas" / "pet.yaml", "Pet:\n  type: object\n  properties:\n"
                                                   "    id:\n      type: integr\n")
    main = write(tmp_path / "main.yaml", """openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Pet:
      $ref: schemas/pet.yaml#/Pet
""")
    [problem] = problems_of(main)
    assert (problem.file, problem.line, problem.pointer, problem.message) == (
        str(pet), 5, "/components/schemas/Pet/properties/id/type",
        '"integr" is not one of the allowed values '
        '("array", "boolean", "integer", "number", "object", "string")')
    assert problem.hint == "did you mean 'integer'?"


def test_component_names_and_path_keys(tmp_path: Path) -> None:
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"pets": {}},
        "components": {"schemas": {"Bad Name": {"type": "string"}}},
    }
    path = write(tmp_path / "spec.json", json.dumps(doc, indent=2))
    problems = problems_of(path)
    assert [(p.pointer, p.message, p.hint) for p in problems] == [
        ("/paths/pets", "unknown property 'pets'",
         "keys here must start with '/' or start with 'x-' (extensions)"),
        ("/components/schemas/Bad Name", 'invalid name "Bad Name"',
         "names here must match the pattern '^[a-zA-Z0-9._-]+$'"),
    ]
    assert [p.line for p in problems] == [8, 12]


def test_swagger_2_is_not_supported() -> None:
    [problem] = problems_of(SPECS / "swagger2.json")
    assert (problem.code, problem.line, problem.pointer) == ("swagger2-unsupported", 2, "/swagger")
    assert problem.message == "Swagger 2.0 documents are not supported yet"
    assert problem.hint == ("convert it to OpenAPI 3 first, e.g. "
                            "`npx swagger2openapi swagger.json -o openapi.json`")


def test_unknown_openapi_version() -> None:
    [problem] = problems_of(SPECS / "version4.yaml")
    assert (problem.code, problem.line, problem.pointer) == ("openapi-version-unsupported", 1,
                                                             "/openapi")
    assert problem.message == "OpenAPI version '4.0.0' is not supported"
    assert problem.hint == ("sdkgen reads OpenAPI 3.0.x and 3.1.x documents; set `openapi` to one "
                            "of those")


def test_unquoted_openapi_version() -> None:
    [problem] = problems_of(SPECS / "version_number.yaml")
    assert problem.code == "openapi-version-invalid"
    assert problem.message == "'openapi' must be a version string like \"3.1.0\", got a number 3.1"
    assert problem.hint == 'quote the version: openapi: "3.1.0" (unquoted, YAML reads 3.1 as a number)'


def test_problems_are_capped(tmp_path: Path) -> None:
    extra = {f"bad{i:02d}": i for i in range(80)}
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, **extra}
    problems = problems_of(write(tmp_path / "spec.json", json.dumps(doc, indent=1)))
    assert len(problems) == MAX_PROBLEMS + 1
    assert [p.message for p in problems[:2]] == ["unknown property 'bad00'", "unknown property 'bad01'"]
    assert [p.line for p in problems[:2]] == [8, 9]
    last = problems[-1]
    assert (last.code, last.message) == ("too-many-problems", "... and 30 more problems not shown")


def test_capped_warnings_stay_warnings(tmp_path: Path) -> None:
    schemas = {f"S{i:02d}": {"type": "integer", "default": "x"} for i in range(60)}
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
           "components": {"schemas": schemas}}
    problems = problems_of(write(tmp_path / "spec.json", json.dumps(doc, indent=1)))
    assert {p.severity for p in problems} == {"warning"}
    assert problems[0].message == 'default value: expected an integer, got a string "x"'
    assert problems[-1].message == "... and 10 more problems not shown"


def test_hand_built_document_without_text() -> None:
    doc = Document(data={"openapi": "3.0.3", "info": {"title": "t"}, "paths": {}},
                   path=Path("/nowhere/spec.yaml"), text="")
    [problem] = validate_document(doc)
    assert (problem.file, problem.line, problem.pointer, problem.message) == (
        "/nowhere/spec.yaml", None, "/info", "missing required property 'version'")
    assert problem.hint == "add 'version' here"


def test_validation_never_uses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []

    def record(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(socket, "create_connection", record)
    monkeypatch.setattr(urllib.request, "urlopen", record)
    remote = "https://example.invalid/schemas/pet.json"
    data = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {
            "Pet": {"type": "object", "properties": {"owner": {"$ref": remote}}},
            "Tag": {"$id": "https://example.invalid/tag", "type": "object",
                    "properties": {"x": {"$ref": "other#/y"}, "y": {"type": "string", "default": 1}}},
        }},
    }
    problems = validate_document(Document(data=data, path=Path("/x/spec.json"), text=""))
    assert calls == []
    assert [(p.pointer, p.code, p.message) for p in problems[:2]] == [
        ("/components/schemas/Pet/properties/owner", "ref-not-local",
         f"$ref '{remote}' to another file was not inlined"),
        ("/components/schemas/Tag/properties/x", "ref-not-local",
         "$ref 'other#/y' to another file was not inlined"),
    ]


def test_semantic_checks_with_keys_containing_hash() -> None:
    path = CORPUS / "edge" / "3.0-parameters-style.json"
    if not path.exists():
        pytest.skip("shared corpus not present")
    assert problems_of(path) == []  # paths like "/cookies#formExploded" are fine


def test_every_openapi_3_document_in_the_corpus() -> None:
    edge = CORPUS / "edge"
    if not edge.is_dir():
        pytest.skip("shared corpus not present")
    files = sorted(p for p in edge.glob("3.*.json"))
    assert len(files) > 50
    counts = {}
    for path in files:
        problems = validate_document(load_document(path))
        for problem in problems:
            assert problem.message and problem.code, (path, problem)
            assert problem.file == str(path.resolve())
            assert problem.line is not None, (path, problem)
        counts[path.name] = len(problems)
    assert counts["3.0-petstore.json"] == 0
    assert counts["3.1-petstore.json"] == 0
    assert counts["3.0-openapi-workshop-post.json"] == 1  # `responses: {}` must not be empty


@pytest.mark.slow
def test_github_spec_validates_clean() -> None:
    path = CORPUS / "big" / "api.github.com.json"
    if not path.exists():
        pytest.skip("shared corpus not present")
    doc = load_document(path)
    started = time.perf_counter()
    assert validate_document(doc) == []
    print(f"validate_document(api.github.com.json): {time.perf_counter() - started:.1f} s")
