"""Property-based: random text in every spec slot that reaches the output never breaks the SDK.

Each example puts drawn strings into one small spec (title, description, version, tag name and
description, operationId, summary, descriptions, parameter and header names, property names,
enum values, defaults, examples, the server URL, `x-` extensions), runs load -> validate ->
build -> render, and checks: every .py compiles; the code calls nothing a plain render of the
same spec does not; each string comes back where it is embedded as a literal (enum values,
wire names, defaults), as a docstring (descriptions) and as TOML (the package description);
README and api.md keep their structure. The rendered SDKs are then imported, all in one fresh
interpreter, without side effects. Default: 30 examples, derandomized; `-m slow`: 400.
"""

from __future__ import annotations

import ast
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.config import Config
from generator.errors import SdkgenError
from generator.ir.build import HTTP_TOKEN, build_api
from generator.pipeline import validated_document
from generator.render import render_sdk
from generator.render.literals import without_surrogates
from tests.hostile.hostile_support import called_names, import_all, parse_tree

FRAGMENTS = (
    '"', "'", '"""', "'''", "\\", "\\n", "\n", "\r\n", "\t", "{{", "}}", "{%", "%}", "{#", "```", "`", "<script>", "</code>",
    "|", "[x](javascript:alert(1))", "\u2028", "\u2029", "\u0085", "\x00", "\x1b", "\x7f", "\ufeff", "\u202e", "\ud800",
    "\udfff", "\U0001f984", "con", "nul", "with_raw_response", "self", "class", "os.system('id')", "__import__('os')",
    "#", "\\x41", "\\u0041", "%s", "$ref", "~1", "/", "..", " ", "é", "日本",
)
TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=()), max_size=30),
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join),
)
DEFAULT_EXAMPLES = 30
# No shrinking: a failing example is reported as drawn (shrinking re-renders hundreds of SDKs).
PHASES = (Phase.explicit, Phase.reuse, Phase.generate)
NAME = TEXT.filter(lambda s: s.strip() != "")


@st.composite
def slots(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(NAME, min_size=2, max_size=2, unique_by=lambda s: s))
    return {
        "title": draw(TEXT),
        "version": draw(TEXT),
        "info_description": draw(TEXT),
        "tag": draw(NAME),
        "tag_description": draw(TEXT),
        "operation_id": draw(NAME),
        "summary": draw(TEXT),
        "description": draw(TEXT),
        "query": draw(NAME),
        "query_description": draw(TEXT),
        "header": draw(NAME),
        "properties": names,
        "property_description": draw(TEXT),
        "enum": draw(st.lists(TEXT, min_size=1, max_size=3, unique=True)),
        "default": draw(TEXT),
        "example": draw(TEXT),
        "server": draw(TEXT),
        "extension": draw(TEXT),
    }


def spec_of(s: dict[str, Any]) -> dict[str, Any]:
    body = {
        "type": "object",
        "description": s["property_description"],
        "properties": {
            s["properties"][0]: {"type": "string", "enum": s["enum"], "default": s["enum"][0], "description": s["property_description"]},
            s["properties"][1]: {"type": "string", "default": s["default"], "example": s["example"]},
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": s["title"], "version": s["version"], "description": s["info_description"], "x-extra": s["extension"]},
        "servers": [{"url": "https://api.example.com/" + s["server"]}],
        "tags": [{"name": s["tag"], "description": s["tag_description"]}],
        "paths": {
            "/things/{thing_id}": {
                "post": {
                    "operationId": s["operation_id"],
                    "tags": [s["tag"]],
                    "summary": s["summary"],
                    "description": s["description"],
                    "x-extension": {"code": s["extension"]},
                    "parameters": [
                        {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": s["query"], "in": "query", "description": s["query_description"], "schema": {"type": "string", "default": s["default"]}},
                        {"name": s["header"], "in": "header", "schema": {"type": "string"}, "example": s["example"]},
                    ],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": body}}}},
                }
            }
        },
    }


PLAIN_KEYS = ("title", "version", "info_description", "tag", "tag_description", "operation_id", "summary", "description",
              "query", "query_description", "header", "property_description", "default", "example", "server", "extension")
PLAIN: dict[str, Any] = {**{key: f"plain {key}" for key in PLAIN_KEYS}, "properties": ["alpha-one", "BetaTwo"], "enum": ["one", "two"]}


def render(spec: dict[str, Any], path: Path) -> tuple[Any, dict[str, str]]:
    path.write_text(json.dumps(spec), encoding="utf-8")  # ensure_ascii: lone surrogates survive as \ud800
    document = validated_document(path)
    api = build_api(document.data, str(path), Config()).api
    return api, dict(render_sdk(api).items())


def _compact(text: str) -> str:
    return "".join(text.split())


def check_example(s: dict[str, Any], path: Path, baseline: set[str]) -> tuple[Any, dict[str, str]] | None:
    try:
        api, files = render(spec_of(s), path)
    except SdkgenError:
        return None  # refused cleanly (e.g. a name the validator rejects): allowed, counted by the caller
    trees = parse_tree(files)  # parses = compiles; compile() as well for the full check
    for name, text in files.items():
        if name.endswith(".py"):
            compile(text, name, "exec")
    unexpected = called_names(trees) - baseline
    assert not unexpected, unexpected
    strings = {node.value for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    # a header name that is not an HTTP token is skipped with a warning (it could forge headers)
    headers = [s["header"]] if HTTP_TOKEN.fullmatch(s["header"]) else []
    # an enum with a value that `Literal[...]` cannot hold (a lone surrogate) is widened to `str`
    literal_enum = not any(0xD800 <= ord(char) <= 0xDFFF for value in s["enum"] for char in value)
    for value in [*(s["enum"] if literal_enum else []), *headers]:
        assert value in strings, f"{value!r} is not a literal of the SDK"
    operation = api.all_operations()[0][1]
    wire_names = {p.wire_name for p in operation.parameters}
    assert {s["query"], *headers, *s["properties"]} <= wire_names
    assert headers or s["header"] not in {p.wire_name for p in operation.parameters if p.location == "header"}
    for param in operation.parameters:  # a wire name either is the identifier or is written as a literal
        assert param.py_name.isidentifier() and (param.wire_name == param.py_name or param.wire_name in strings)
    docstrings = _compact("".join(strings))
    for text in (s["description"], s["query_description"], s["property_description"]):
        assert _compact(without_surrogates(text)) in docstrings
    package = tomllib.loads(files["pyproject.toml"])["project"]
    title = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s["title"] or "api")
    assert package["description"] == f"Python client library for the {title} API"
    for doc in ("README.md", "api.md"):
        first = files[doc].split("\n", 1)[0]
        assert first.startswith("# ") and "<" not in first.replace("\\<", "")
    assert files["README.md"].count("```") % 2 == 0
    return api, files


def run_examples(examples: int, tmp_path: Path) -> dict[str, int]:
    baseline_api, baseline_files = render(spec_of(PLAIN), tmp_path / "plain.json")
    baseline = called_names(parse_tree(baseline_files))
    rendered: list[tuple[Any, dict[str, str]]] = []
    counts = {"examples": 0, "refused": 0}

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None, phases=PHASES,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(slots())
    def property_holds(s: dict[str, Any]) -> None:
        counts["examples"] += 1
        result = check_example(s, tmp_path / "spec.json", baseline)
        if result is None:
            counts["refused"] += 1
        elif len(rendered) < 12:
            rendered.append(result)

    property_holds()
    sdks = []
    for index, (api, files) in enumerate(rendered):
        root = tmp_path / f"sdk{index}"
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        sdks.append((root, api.package.import_name))
    report = import_all(sdks)
    assert not {k: v for k, v in report.items() if v["error"] or v["events"]}, report
    counts["imported"] = len(report)
    return counts


def test_random_spec_text_never_breaks_the_sdk(tmp_path: Path) -> None:
    counts = run_examples(DEFAULT_EXAMPLES, tmp_path)
    assert counts["examples"] == DEFAULT_EXAMPLES and counts["refused"] < counts["examples"] // 2, counts
    assert counts["imported"] >= 10


@pytest.mark.slow
def test_random_spec_text_never_breaks_the_sdk_long_run(tmp_path: Path) -> None:
    counts = run_examples(400, tmp_path)
    assert counts["refused"] < counts["examples"] // 2, counts
