"""Each crash the fuzzer or the hostile specs found, reduced to a document: now a clean error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SdkgenError
from generator.pipeline import validated_document
from tests.hostile.fuzzing import run_case

HEAD = '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, '

REGRESSIONS = [
    # openapi-spec-validator raised PointerToNowhere while listing the path items to check
    ("paths_is_a_broken_ref.json", HEAD + '"paths": {"$ref": "#/components/schemas/Missing"}}', "ref-not-found"),
    # json.loads refuses integers over 4,300 digits with a bare ValueError (exit 3 before)
    ("huge_int.json", HEAD + '"paths": {}, "x-n": ' + "9" * 5000 + "}", "json-invalid"),
    # the same through the YAML parser (a .yaml file, or JSON-looking text without .json)
    ("huge_int.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-n: " + "9" * 5000 + "\n", "yaml-invalid"),
    ("huge_int_flow.yaml", HEAD + '"paths": {}, "x-n": ' + "9" * 5000 + "}", "yaml-invalid"),
    # a duplicated path used to drop the first operation silently
    ("dup.json", HEAD + '"paths": {"/a": {}, "/a": {}}}', "json-duplicate-key"),
]


@pytest.mark.parametrize("name, text, code", REGRESSIONS)
def test_former_crash_is_a_clean_error(tmp_path: Path, name: str, text: str, code: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert run_case(path)[0] == "error"
    with pytest.raises(SdkgenError) as caught:
        validated_document(path)
    assert code in {p.code for p in caught.value.problems}


def test_enums_literal_cannot_hold_are_widened(tmp_path: Path) -> None:
    """Found by `sdkgen verify` on a hostile spec: mypy refuses Literal[<over 64 bits>] and Literal[1.5]."""
    from generator.config import Config
    from generator.ir.build import build_api
    from generator.render import render_sdk

    schema = {"type": "object", "required": ["big", "real", "fine"], "properties": {
        "big": {"type": "integer", "enum": [1, 2**64]},
        "real": {"type": "number", "enum": [0.5, 1.5]},
        "fine": {"type": "integer", "enum": [-(2**63), 2**63 - 1]},
    }}
    spec = {"openapi": "3.0.3", "info": {"title": "E", "version": "1"}, "paths": {"/e": {"get": {
        "operationId": "read", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}}}}}
    path = tmp_path / "enums.json"
    path.write_text(__import__("json").dumps(spec))
    files = render_sdk(build_api(validated_document(path).data, str(path), Config()).api)
    model = next(text for name, text in files.items() if "/types/" in name and name.endswith("_response.py"))
    assert "big: int" in model and "real: float" in model
    assert f"fine: Literal[{-(2**63)}, {2**63 - 1}]" in model


def test_required_self_reference_renders(tmp_path: Path) -> None:
    """Found by the fuzzer (seed 424242): a required property cycle sent example_for into endless recursion."""
    from generator.config import Config
    from generator.ir.build import build_api
    from generator.render import render_sdk

    node = {"type": "object", "required": ["next"], "properties": {"next": {"$ref": "#/components/schemas/Node"}}}
    spec = {"openapi": "3.0.3", "info": {"title": "N", "version": "1"}, "components": {"schemas": {"Node": node}},
            "paths": {"/n": {"post": {"operationId": "make", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}},
                                      "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}}}}
    path = tmp_path / "node.json"
    path.write_text(__import__("json").dumps(spec))
    files = render_sdk(build_api(validated_document(path).data, str(path), Config()).api)
    for name, text in files.items():
        if name.endswith(".py"):
            compile(text, name, "exec")


def test_enum_strings_with_lone_surrogates_are_widened(tmp_path: Path) -> None:
    """Found by `sdkgen verify`: pydantic-core cannot build Literal["\\udc80"], so such an enum is `str`."""
    from generator.config import Config
    from generator.ir.build import build_api
    from generator.render import render_sdk

    schema = {"type": "object", "required": ["s"], "properties": {"s": {"type": "string", "enum": ["\udc80", "ok"]}}}
    spec = {"openapi": "3.0.3", "info": {"title": "E", "version": "1"}, "paths": {"/e": {"get": {
        "operationId": "read", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}}}}}
    path = tmp_path / "enums.json"
    path.write_text(__import__("json").dumps(spec))  # ensure_ascii keeps the surrogate as an escape
    files = render_sdk(build_api(validated_document(path).data, str(path), Config()).api)
    model = next(text for name, text in files.items() if "/types/" in name and name.endswith("_response.py"))
    assert "    s: str" in model


def test_literal_hash_and_question_mark_stay_in_the_path(tmp_path: Path) -> None:
    """Found by `sdkgen verify`: path_template read a literal '#' in a spec path as a fragment."""
    from generator.config import Config
    from generator.ir.build import build_api
    from generator.render import render_sdk

    spec = {"openapi": "3.0.3", "info": {"title": "P", "version": "1"}, "paths": {"/a/{id}/x#y?z": {"get": {
        "operationId": "read", "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "ok"}}}}}}
    path = tmp_path / "p.json"
    path.write_text(__import__("json").dumps(spec))
    files = render_sdk(build_api(validated_document(path).data, str(path), Config()).api)
    resource = next(text for name, text in files.items() if "/resources/" in name and not name.endswith("__init__.py"))
    assert 'path_template("/a/{id}/x%23y%3Fz", id=id)' in resource
