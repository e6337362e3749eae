"""Resource limits: deep nesting, very large documents and huge text end boundedly, with clear errors.

The cases run in one child interpreter whose address space is capped (RLIMIT_AS), so a case
that tried to hold a blown-up document in memory fails this test instead of the machine.
(Alias bombs, recursive aliases, $ref cycles and circular allOf are specs in specs/.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.loader import MAX_FILE_BYTES

MEMORY_CAP = 1536 * 1024 * 1024

_RUNNER = r"""
import contextlib, io, json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
from generator.cli import run
results = {}
for case in json.loads(sys.argv[2]):
    out = io.StringIO()
    sys.argv = ["sdkgen", *case["args"]]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            run()
    except SystemExit as exc:
        code = exc.code
    results[case["name"]] = {"code": code, "output": out.getvalue()[-2000:]}
print(json.dumps(results))
"""


def _deep_json(depth: int) -> str:
    return '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "x-deep": ' + "[" * depth + "1" + "]" * depth + "}"


def _spec(op_description: str = "", **info: object) -> dict[str, object]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Big", "version": "1", **info},
        "paths": {"/a": {"get": {"operationId": "read", "description": op_description,
                                 "responses": {"204": {"description": "none"}}}}},
    }


def build_cases(tmp_path: Path) -> dict[str, tuple[Path, str, int, str]]:
    """name -> (spec, command, expected exit code, expected output)."""
    cases: dict[str, tuple[Path, str, int, str]] = {}

    def add(name: str, text: str | bytes, command: str, code: int, expect: str) -> None:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        cases[name] = (path, command, code, expect)

    add("deep_10000.json", _deep_json(10_000), "validate", 2, "[spec-too-deep]")
    add("deep_10000_flow.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-deep: " + "[" * 10_000 + "1" + "]" * 10_000 + "\n", "validate", 2, "nested too deeply")
    block = "".join("  " * (level + 1) + "k:\n" for level in range(3_000)) + "  " * 3_001 + "v\n"
    add("deep_3000_block.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-deep:\n" + block, "validate", 2, "nested too deeply")
    schema_chain: dict[str, object] = {"type": "string"}
    for _ in range(90):  # 180 levels: within the loader's depth cap, and converts without recursion trouble
        schema_chain = {"type": "object", "properties": {"p": schema_chain}}
    chain_spec = _spec()
    chain_spec["paths"] = {"/a": {"get": {"operationId": "read", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema_chain}}}}}}}
    add("deep_90_schemas.json", json.dumps(chain_spec), "generate", 0, "generated big")
    add("fifty_megabytes.json", json.dumps(_spec(**{"x-pad": "x" * (50 * 1024 * 1024)})), "validate", 0, "valid")
    add("huge_description.json", json.dumps(_spec(op_description="word " * 400_000)), "generate", 0, "generated big")
    oversized = tmp_path / "over_the_cap.json"
    with open(oversized, "wb") as handle:  # sparse: the loader must refuse it by its size, unread
        handle.truncate(MAX_FILE_BYTES + 1)
    cases["over_the_cap.json"] = (oversized, "validate", 2, "too large")
    return cases


def test_limits_are_bounded_with_clear_errors(tmp_path: Path) -> None:
    cases = build_cases(tmp_path)
    runs = []
    for name, (path, command, _, _) in cases.items():
        args = [command, str(path)] + (["--output", str(tmp_path / f"out-{name}")] if command == "generate" else [])
        runs.append({"name": name, "args": args})
    done = subprocess.run(
        [sys.executable, "-B", "-c", _RUNNER, str(MEMORY_CAP), json.dumps(runs)],
        capture_output=True, text=True, timeout=600, check=False, cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    for name, (_, _, code, expect) in cases.items():
        result = results[name]
        assert "Traceback" not in result["output"] and "internal error" not in result["output"], (name, result)
        assert result["code"] == code and expect in result["output"], (name, result)
    methods = (tmp_path / "out-huge_description.json" / "src" / "big" / "resources" / "a.py").read_text()
    assert "[...]" in methods  # documentation text is capped, not carried whole into docstrings


@pytest.mark.slow
def test_fifty_megabyte_spec_generates(tmp_path: Path) -> None:
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(_spec(**{"x-pad": "x" * (50 * 1024 * 1024)}, description="d " * 5_000_000)))
    command = [sys.executable, "-c", "from generator.cli import run; run()", "generate", str(spec), "-o", str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
