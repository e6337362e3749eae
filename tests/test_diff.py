"""`sdkgen diff`: one test per change class on small inline specs, the CLI's formats and exit
codes, `--old-ref` in a temporary git repository, and a real corpus spec against an edited copy."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import diff_specs
from generator.surface.diff import BREAKING, NON_BREAKING, NOTE, SurfaceDiff
from generator.surface.report import as_markdown
from tests.conftest import SHARED
from tests.cli_inprocess import invoke
from tests.test_cli import sdkgen

PET = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string", "description": "The pet's name."},
        "status": {"type": "string", "enum": ["available", "sold"]},
        "tag": {"type": "string"},
    },
}
PET_REF = {"$ref": "#/components/schemas/Pet"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


BASE: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "weight", "in": "query", "schema": {"type": "number"}},
                    {"name": "q", "in": "query", "schema": {"type": "string"}},
                    {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["available", "sold"]}},
                ],
                "responses": {"200": {"description": "ok", "content": _json({"type": "array", "items": PET_REF})}},
            }
        },
        "/owners/{owner_id}/pets/{pet_id}": {
            "parameters": [
                {"name": "owner_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "get": {
                "operationId": "getPet",
                "tags": ["pets"],
                "responses": {"200": {"description": "ok", "content": _json(PET_REF)}},
            },
            "put": {
                "operationId": "updatePet",
                "tags": ["pets"],
                "requestBody": {"content": _json({"type": "object", "properties": {
                    "name": {"type": "string"}, "tag": {"type": "string"}}})},
                "responses": {"200": {"description": "ok", "content": _json(PET_REF)}},
            },
        },
    },
    "components": {"schemas": {"Pet": PET}},
}

LIST = ("paths", "/pets", "get")
PET_ITEM = ("paths", "/owners/{owner_id}/pets/{pet_id}")


def _at(spec: dict[str, Any], *keys: str) -> Any:
    node = spec
    for key in keys:
        node = node[key]
    return node


def _query(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in _at(spec, *LIST)["parameters"] if p["name"] == name)


def _diff(tmp_path: Path, edit: Callable[[dict[str, Any]], None], **options: Any) -> SurfaceDiff:
    new = copy.deepcopy(BASE)
    edit(new)
    (tmp_path / "old.json").write_text(json.dumps(BASE))
    (tmp_path / "new.json").write_text(json.dumps(new))
    return diff_specs(tmp_path / "old.json", tmp_path / "new.json", **options)


def _only(diff: SurfaceDiff, severity: str, code: str, symbol: str) -> None:
    """The diff holds exactly one change, of this class, code and symbol."""
    assert [(c.severity, c.code, c.symbol) for c in diff.changes] == [(severity, code, symbol)], diff.changes


def _remove_query(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda spec: _at(spec, *LIST)["parameters"].remove(_query(spec, name))


def _set_query(name: str, **changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda spec: _query(spec, name).update(changes)


BREAKING_CASES = [
    ("method removed", lambda s: _at(s, *PET_ITEM).pop("put"), "method-removed", "client.pets.update_pet()"),
    ("param removed", _remove_query("limit"), "param-removed", "client.pets.list_pets(limit=)"),
    ("param became required", _set_query("limit", required=True), "param-now-required", "client.pets.list_pets(limit=)"),
    ("type narrowed", _set_query("weight", schema={"type": "integer"}), "param-type-narrowed", "client.pets.list_pets(weight=)"),
    ("type changed", _set_query("q", schema={"type": "boolean"}), "param-type-changed", "client.pets.list_pets(q=)"),
    (
        "enum value removed", _set_query("status", schema={"type": "string", "enum": ["available"]}),
        "enum-value-removed", "client.pets.list_pets(status=)",
    ),
    (
        "required param added", lambda s: _at(s, *LIST)["parameters"].append(
            {"name": "shelter", "in": "query", "required": True, "schema": {"type": "string"}}),
        "param-added-required", "client.pets.list_pets(shelter=)",
    ),
    (
        "return type changed", lambda s: _at(s, *PET_ITEM, "get")["responses"]["200"].update(
            content=_json({"type": "array", "items": PET_REF})),
        "return-type-changed", "client.pets.get_pet() -> return",
    ),
    ("resource removed", lambda s: [_at(s, "paths").pop(p) for p in list(_at(s, "paths"))[:1]] and None,
     "method-removed", "client.pets.list_pets()"),
]


@pytest.mark.parametrize("name, edit, code, symbol", BREAKING_CASES, ids=[c[0] for c in BREAKING_CASES])
def test_breaking(tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None], code: str, symbol: str) -> None:
    _only(_diff(tmp_path, edit), BREAKING, code, symbol)


def test_field_removed_and_output_widened_are_breaking(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        pet = spec["components"]["schemas"]["Pet"]
        del pet["properties"]["tag"]
        pet["required"] = ["id"]  # `name` may now be missing: readers get Optional[str]

    diff = _diff(tmp_path, edit)
    found = {(c.severity, c.code, c.symbol.rsplit(".", 1)[-1]) for c in diff.changes}
    assert found == {(BREAKING, "field-removed", "tag"), (BREAKING, "field-type-widened", "name")}
    removed = next(c for c in diff.changes if c.code == "field-removed")
    assert removed.old_pointer == "/components/schemas/Pet/properties/tag" and removed.new_pointer == ""
    # Pet is used by three response modules: one change, the other classes listed with it
    assert len(removed.also) == 2


def test_positional_order_changed(tmp_path: Path) -> None:
    """The path's parameters swap places: both stay positional, in the new path's order."""

    def config(path: Path, endpoint: str) -> Path:
        path.write_text(
            f"resources:\n  pets:\n    methods:\n      get:\n        endpoint: get {endpoint}\n"
            "        positional: [owner_id, pet_id]\n"
        )
        return path

    old = config(tmp_path / "old.yaml", "/owners/{owner_id}/pets/{pet_id}")
    new = config(tmp_path / "new.yaml", "/pets/{pet_id}/owners/{owner_id}")

    def edit(spec: dict[str, Any]) -> None:
        spec["paths"]["/pets/{pet_id}/owners/{owner_id}"] = spec["paths"].pop("/owners/{owner_id}/pets/{pet_id}")

    diff = _diff(tmp_path, edit, old_config=old, new_config=new)
    breaking = [(c.code, c.symbol) for c in diff.of(BREAKING)]
    assert breaking == [("positional-order-changed", "client.pets.get()")]
    assert "(owner_id, pet_id) -> (pet_id, owner_id)" in diff.of(BREAKING)[0].message
    assert [c.code for c in diff.of(NOTE)] == ["endpoint-changed"]


NON_BREAKING_CASES = [
    ("optional param added", lambda s: _at(s, *LIST)["parameters"].append(
        {"name": "color", "in": "query", "schema": {"type": "string"}}), "param-added", "client.pets.list_pets(color=)"),
    ("method added", lambda s: _at(s, "paths", "/pets").update(post={
        "operationId": "addPet", "tags": ["pets"], "requestBody": {"content": _json(PET_REF)},
        "responses": {"204": {"description": "ok"}}}), "method-added", "client.pets.add_pet()"),
    ("enum value added", _set_query("status", schema={"type": "string", "enum": ["available", "sold", "lost"]}),
     "enum-value-added", "client.pets.list_pets(status=)"),
    ("type widened", _set_query("q", schema={"oneOf": [{"type": "string"}, {"type": "integer"}]}),
     "param-type-widened", "client.pets.list_pets(q=)"),
]


@pytest.mark.parametrize("name, edit, code, symbol", NON_BREAKING_CASES, ids=[c[0] for c in NON_BREAKING_CASES])
def test_non_breaking(tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None], code: str, symbol: str) -> None:
    _only(_diff(tmp_path, edit), NON_BREAKING, code, symbol)


def test_param_became_optional_and_positional_became_keyword(tmp_path: Path) -> None:
    old = copy.deepcopy(BASE)
    _query(old, "limit")["required"] = True
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(BASE))
    _only(diff_specs(tmp_path / "old.json", tmp_path / "new.json"), NON_BREAKING, "param-now-optional",
          "client.pets.list_pets(limit=)")
    method = "resources:\n  pets:\n    methods:\n      get:\n        endpoint: get /owners/{owner_id}/pets/{pet_id}\n"
    (tmp_path / "default.yaml").write_text(method)
    (tmp_path / "keyword.yaml").write_text(method + "        positional: []\n")
    diff = diff_specs(
        tmp_path / "new.json", tmp_path / "new.json",
        old_config=tmp_path / "default.yaml", new_config=tmp_path / "keyword.yaml",
    )
    _only(diff, BREAKING, "param-now-keyword-only", "client.pets.get(pet_id=)")


def test_new_response_field_and_response_enum_value_are_non_breaking(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        pet = spec["components"]["schemas"]["Pet"]
        pet["properties"]["age"] = {"type": "integer"}
        pet["properties"]["status"]["enum"].append("lost")

    diff = _diff(tmp_path, edit)
    assert {(c.severity, c.code, c.symbol.rsplit(".", 1)[-1]) for c in diff.changes} == {
        (NON_BREAKING, "field-added", "age"),
        (NON_BREAKING, "enum-value-added", "status"),
    }


def test_description_change_is_a_note(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Pet"]["properties"]["name"]["description"] = "What the pet answers to."

    diff = _diff(tmp_path, edit)
    assert {c.severity for c in diff.changes} == {NOTE}
    assert diff.changes[0].code == "description-changed"
    assert diff.changes[0].old_pointer == diff.changes[0].new_pointer == "/components/schemas/Pet/properties/name"


def test_identical_specs_have_no_changes(tmp_path: Path) -> None:
    assert _diff(tmp_path, lambda spec: None).changes == ()


def test_markdown_escapes_spec_text(tmp_path: Path) -> None:
    diff = _diff(tmp_path, _set_query("status", schema={"type": "string", "enum": ["available", "a|b <script>"]}))
    text = as_markdown(diff)
    assert "<script>" not in text and "&lt;script&gt;" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert table_rows and all(line.replace("\\|", "").count("|") == 5 for line in table_rows)


# --------------------------------------------------------------------------- the command


def _write_pair(tmp_path: Path) -> tuple[Path, Path]:
    new = copy.deepcopy(BASE)
    _remove_query("limit")(new)
    _at(new, *LIST)["parameters"].append({"name": "color", "in": "query", "schema": {"type": "string"}})
    (tmp_path / "old.json").write_text(json.dumps(BASE))
    (tmp_path / "new.json").write_text(json.dumps(new))
    return tmp_path / "old.json", tmp_path / "new.json"


def test_cli_formats_and_fail_on(tmp_path: Path) -> None:
    old, new = _write_pair(tmp_path)
    text = invoke("diff", str(old), str(new))
    assert text.exit_code == 0, text.stderr
    assert "breaking: client.pets.list_pets(limit=): parameter removed" in text.stdout
    assert "1 breaking, 1 non-breaking, 0 notes" in text.stdout
    assert invoke("diff", str(old), str(new), "--fail-on", "breaking").exit_code == 1
    assert invoke("diff", str(old), str(old), "--fail-on", "non-breaking").exit_code == 0
    report = json.loads(invoke("diff", str(old), str(new), "--format", "json").stdout)
    assert report["summary"] == {"breaking": 1, "non-breaking": 1, "note": 0}
    removed = report["changes"][0]
    assert removed["symbol"] == "client.pets.list_pets(limit=)" and removed["old_pointer"].endswith("/parameters/0")
    markdown = invoke("diff", str(old), str(new), "--format", "markdown").stdout
    assert "#### Breaking changes (1)" in markdown and "| `client.pets.list_pets(limit=)` |" in markdown


def test_cli_bad_input_and_usage(tmp_path: Path) -> None:
    old, _ = _write_pair(tmp_path)
    missing = invoke("diff", str(old), str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "nope.json" in missing.stderr and "Traceback" not in missing.stderr
    assert sdkgen("diff", str(old)).returncode == 64  # the one real subprocess: exit code re-mapping


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_old_ref_reads_the_spec_and_its_config_from_git(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "api").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    spec = repo / "api" / "openapi.json"
    spec.write_text(json.dumps(BASE))
    (repo / "api" / "sdkgen.yaml").write_text("package:\n  import_name: petsdk\n")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1")
    _, new = _write_pair(tmp_path)
    spec.write_text(new.read_text())
    result = invoke("diff", "--old-ref", "main", str(spec), "--fail-on", "breaking", cwd=repo)
    assert result.exit_code == 1, result.stderr
    assert "client.pets.list_pets(limit=): parameter removed" in result.stdout
    unknown = invoke("diff", "--old-ref", "nosuchbranch", str(spec), cwd=repo)
    assert unknown.exit_code == 2 and "unknown git revision" in unknown.stderr
    # a spec added since the revision: all of it is new, nothing breaks
    (repo / "api2").mkdir()
    (repo / "api2" / "openapi.json").write_text(json.dumps(BASE))
    added = invoke("diff", "--old-ref", "main", str(repo / "api2" / "openapi.json"), "--fail-on", "breaking", cwd=repo)
    assert added.exit_code == 0, added.output
    assert "non-breaking: client.pets: new resource (3 methods)" in added.stdout


# --------------------------------------------------------------------------- a real spec


def test_real_spec_against_an_edited_copy(tmp_path: Path) -> None:
    """notion.com from the corpus against a copy with known edits: each shows up, nothing else."""
    source = SHARED / "corpus" / "real" / "notion.com.json"
    if not source.is_file():
        pytest.skip("corpus not available")
    spec = json.loads(source.read_text())
    edited = copy.deepcopy(spec)
    children = edited["paths"]["/v1/blocks/{id}/children"]["get"]["parameters"]
    children.append({"name": "filter_properties", "in": "query", "required": True, "schema": {"type": "string"}})
    next(p for p in children if p.get("name") == "page_size")["schema"] = {"type": "integer"}
    edited["paths"]["/v1/blocks/{id}"]["get"].setdefault("parameters", []).append(
        {"name": "expand", "in": "query", "schema": {"type": "boolean"}})
    del edited["paths"]["/v1/databases/{id}/query"]
    edited["paths"]["/v1/pages/{id}"]["get"]["description"] = "Fetch a page (edited)."
    (tmp_path / "old.json").write_text(json.dumps(spec))
    (tmp_path / "new.json").write_text(json.dumps(edited))
    diff = diff_specs(tmp_path / "old.json", tmp_path / "new.json")
    found = sorted((c.severity, c.code, c.symbol) for c in diff.changes)
    assert found == [
        (BREAKING, "method-removed", "client.databases.query_a_database()"),
        (BREAKING, "param-added-required", "client.blocks.retrieve_block_children(filter_properties=)"),
        (BREAKING, "param-type-changed", "client.blocks.retrieve_block_children(page_size=)"),
        (NON_BREAKING, "param-added", "client.blocks.retrieve_a_block(expand=)"),
        (NOTE, "description-changed", "client.pages.retrieve_a_page()"),
    ]
    removed = next(c for c in diff.changes if c.code == "method-removed")
    assert removed.old_pointer == "/paths/~1v1~1databases~1{id}~1query/post" and removed.new_pointer == ""
