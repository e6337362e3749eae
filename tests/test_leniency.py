"""Harmless spec errors are warnings (with their location); `--strict` makes every problem an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

LENIENT = """\
openapi: 3.0.3
info: {title: Lenient, version: "1"}
paths:
  /things:
    get:
      title: Not allowed here
      operationId: listThings
      parameters:
        - name: q
          in: query
          schema: {type: string, pattern: 0}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $schema: "http://json-schema.org/draft-07/schema#"
                type: object
                properties:
                  kind: {const: thing}
"""


def sdkgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", *args],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.fixture()
def lenient(tmp_path: Path) -> Path:
    path = tmp_path / "lenient.yaml"
    path.write_text(LENIENT)
    return path


def test_harmless_problems_are_located_warnings(lenient: Path, tmp_path: Path) -> None:
    result = sdkgen("validate", str(lenient))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning [" in line]
    assert [line.split(": at ")[1].split(":")[0] for line in warnings] == [
        "/paths/~1things/get/title",
        "/paths/~1things/get/parameters/0/schema/pattern",
        "/paths/~1things/get/responses/200/content/application~1json/schema/$schema",
        "/paths/~1things/get/responses/200/content/application~1json/schema/properties/kind/const",
    ]
    assert f"{lenient}:6: warning" in result.stderr  # file and line
    generated = sdkgen("generate", str(lenient), "--output", str(tmp_path / "out"))
    assert generated.returncode == 0, generated.stderr
    assert "warning [spec-invalid]" in generated.stderr
    model = tmp_path / "out" / "src" / "lenient" / "types" / "thing_list_things_response.py"
    assert 'kind: Optional[Literal["thing"]] = None' in model.read_text()  # the 3.0 `const` is honoured


@pytest.mark.parametrize("command", ["validate", "generate", "check"])
def test_strict_turns_every_problem_into_an_error(lenient: Path, tmp_path: Path, command: str) -> None:
    extra = [] if command == "validate" else ["--output", str(tmp_path / "out")]
    result = sdkgen(command, str(lenient), "--strict", *extra)
    assert result.returncode == 2
    assert result.stderr.count(": error [spec-invalid]") == 4
    assert "ignored" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_problem_that_changes_the_code_stays_an_error(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(LENIENT.replace("      title: Not allowed here", "      requestbody: {content: {}}"))
    result = sdkgen("validate", str(path))
    assert result.returncode == 2
    assert "error [spec-invalid]: at /paths/~1things/get/requestbody: unknown property 'requestbody'" in result.stderr
    assert "did you mean 'requestBody'" in result.stderr


def test_builder_warnings_carry_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "hooks.yaml"
    path.write_text(LENIENT.replace("      operationId: listThings\n", "      operationId: listThings\n"
                                    "      callbacks:\n        done:\n          '{$request.body#/url}':\n"
                                    "            post:\n              responses: {'200': {description: ok}}\n"))
    result = sdkgen("generate", str(path), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"{path}:8: warning [callbacks-ignored]: at /paths/~1things/get/callbacks:" in result.stderr


def test_unknown_schema_dialect_in_3_1_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dialect.yaml"
    path.write_text(LENIENT.replace("openapi: 3.0.3", "openapi: 3.1.0").replace(
        "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft-05/schema#"))
    result = sdkgen("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert "warning [schema-dialect-unknown]" in result.stderr
    assert sdkgen("validate", "--strict", str(path)).returncode == 2
