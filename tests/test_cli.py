"""Every bad-input path: exit code 2, the file, the line or pointer, what is wrong; nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLOUDFLARE_SPEC, ROOT


def sdkgen(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # the installed command's own entry point (it leaves with os._exit: output must still be complete)
    return subprocess.run([sys.executable, "-c", "from generator.cli import console; console()", *args],
                          cwd=cwd, capture_output=True, text=True)


def assert_nothing_written(out: Path) -> None:
    assert not out.exists()
    assert not any(p.name.startswith(f".{out.name}.sdkgen-") for p in out.parent.iterdir())


def test_missing_spec(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = sdkgen("generate", str(tmp_path / "nope.yaml"), "--output", str(out))
    assert result.returncode == 2
    assert "nope.yaml" in result.stderr and "file not found" in result.stderr
    assert "Traceback" not in result.stderr
    assert_nothing_written(out)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {\n  /a: [\n")
    out = tmp_path / "sdk"
    result = sdkgen("generate", str(spec), "--output", str(out))
    assert result.returncode == 2
    assert "bad.yaml:" in result.stderr and "YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert_nothing_written(out)


def test_spec_failing_validation_names_pointer_and_line(tmp_path: Path) -> None:
    spec = tmp_path / "invalid.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n"
        "        '200':\n          descripton: typo\n"
    )
    out = tmp_path / "sdk"
    result = sdkgen("generate", str(spec), "--output", str(out))
    assert result.returncode == 2
    assert "invalid.yaml:" in result.stderr
    assert "/paths/~1a/get/responses/200" in result.stderr
    assert "Traceback" not in result.stderr
    assert_nothing_written(out)
    assert sdkgen("validate", str(spec)).returncode == 2


def test_unresolved_ref(tmp_path: Path) -> None:
    spec = tmp_path / "ref.json"
    spec.write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "x", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}}}}}},
    }))
    result = sdkgen("validate", str(spec))
    assert result.returncode == 2
    assert "#/components/schemas/Missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_config_key(tmp_path: Path) -> None:
    config = tmp_path / "sdkgen.yaml"
    config.write_text("package:\n  name: x\nclient:\n  clas_name: Foo\n")
    out = tmp_path / "sdk"
    result = sdkgen("generate", str(CLOUDFLARE_SPEC), "--output", str(out), "--config", str(config))
    assert result.returncode == 2
    assert f"{config}:3" in result.stderr or f"{config}:4" in result.stderr
    assert "unknown key" in result.stderr and "clas_name" in result.stderr
    assert "allowed keys here" in result.stderr
    assert_nothing_written(out)


def test_refuses_to_replace_a_directory_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    result = sdkgen("generate", str(CLOUDFLARE_SPEC), "--output", str(out))
    assert result.returncode == 2
    assert "refusing" in result.stderr
    assert (out / "precious.txt").read_text() == "keep me"


def test_usage_error_exits_64() -> None:
    result = sdkgen("generate")
    assert result.returncode == 64
    assert "Usage: sdkgen generate" in result.stderr and "Missing argument" in result.stderr
    assert sdkgen("generate", "x.yaml", "--output", "o", "--no-such-option").returncode == 64
    assert sdkgen("no-such-command").returncode == 64


def test_help_and_version_exit_0() -> None:
    from generator import __version__

    assert sdkgen("--help").returncode == 0
    version = sdkgen("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"sdkgen, version {__version__}"


def test_generate_then_check(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = sdkgen("generate", str(CLOUDFLARE_SPEC), "--output", str(out), "--package-name", "cfvendored")
    assert result.returncode == 0, result.stderr
    assert (out / "src" / "cfvendored" / "_client.py").is_file()
    assert sdkgen("check", str(CLOUDFLARE_SPEC), "--output", str(out), "--package-name", "cfvendored").returncode == 0
    (out / "src" / "cfvendored" / "_client.py").write_text("# edited\n")
    drift = sdkgen("check", str(CLOUDFLARE_SPEC), "--output", str(out), "--package-name", "cfvendored")
    assert drift.returncode == 1 and "changed: src/cfvendored/_client.py" in drift.stdout
    # regenerating over our own output is allowed and restores it
    assert sdkgen("generate", str(CLOUDFLARE_SPEC), "--output", str(out), "--package-name", "cfvendored").returncode == 0
    assert "# edited" not in (out / "src" / "cfvendored" / "_client.py").read_text()


def test_verify_bad_directory(tmp_path: Path) -> None:
    result = sdkgen("verify", str(tmp_path / "missing"))
    assert result.returncode == 2


def test_verify_reports_a_step_that_runs_too_long_as_timed_out(tmp_path: Path) -> None:
    """A hanging step fails the check with "timed out" (exit 1), never an internal error."""
    package = tmp_path / "sdk" / "src" / "slowpkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (tmp_path / "sdk" / "tests").mkdir()
    (tmp_path / "sdk" / "tests" / "test_slow.py").write_text("import time\n\n\ndef test_slow() -> None:\n    time.sleep(60)\n")
    result = sdkgen("verify", str(tmp_path / "sdk"), "--step-timeout", "5")
    assert result.returncode == 1, result.stderr
    assert "tests: FAILED (timed out)" in result.stderr + result.stdout
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
