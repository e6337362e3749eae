"""The CLI in CI: check --diff and --format json, problem formats (json, GitHub annotations),
warnings and --fail-on warning, --quiet, config from pyproject.toml, hand-owned code that
survives regeneration, and stale files removed (only those sdkgen wrote)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.cli_inprocess import invoke


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "operationId": op_id,
        "tags": ["pets"],
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"id": {"type": "string"}}}}}}},
        **extra,
    }


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {"get": _op("listPets")},
        "/pets/{pet_id}": {
            "parameters": [{"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "get": _op("getPet"),
            "delete": _op("deletePet"),
        },
    },
}


def _spec(folder: Path, data: dict[str, Any] = SPEC) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "openapi.json"
    path.write_text(json.dumps(data, indent=1))
    return path


def _generate(spec: Path, out: Path, *args: str) -> None:
    result = invoke("generate", str(spec), "--output", str(out), *args)
    assert result.exit_code == 0, result.output


def test_check_diff_and_json(tmp_path: Path) -> None:
    spec, out = _spec(tmp_path / "api"), tmp_path / "sdk"
    _generate(spec, out)
    client = out / "src" / "pets" / "_client.py"
    client.write_text(client.read_text().replace("class Pets(", "class Pets( # edited\n", 1))
    edited = copy.deepcopy(SPEC)
    edited["paths"]["/pets"]["post"] = _op("addPet")
    del edited["paths"]["/pets/{pet_id}"]["delete"]
    _spec(tmp_path / "api", edited)

    shown = invoke("check", str(spec), "--output", str(out), "--diff")
    assert shown.exit_code == 1
    assert "--- a/src/pets/_client.py\n+++ b/src/pets/_client.py\n" in shown.stdout
    assert "-class Pets( # edited\n" in shown.stdout
    assert "--- /dev/null\n+++ b/src/pets/types/pet_add_pet_response.py\n" in shown.stdout
    assert "--- a/src/pets/types/pet_delete_pet_response.py\n+++ /dev/null\n" in shown.stdout

    report = json.loads(invoke("check", str(spec), "--output", str(out), "--format", "json").stdout)
    assert report["exit_code"] == 1 and report["up_to_date"] is False
    assert "src/pets/types/pet_add_pet_response.py" in report["added"]
    assert "src/pets/_client.py" in report["changed"]
    assert report["removed"] == ["src/pets/types/pet_delete_pet_response.py"]

    quiet = invoke("check", str(spec), "--output", str(out), "--quiet")
    assert quiet.exit_code == 1 and quiet.stdout == ""


def test_hand_owned_code_survives_and_only_stale_generated_files_go(tmp_path: Path) -> None:
    spec, out = _spec(tmp_path / "api"), tmp_path / "sdk"
    (tmp_path / "api" / "sdkgen.yaml").write_text("hand_owned:\n  - README.md\n  - extras/\n")
    _generate(spec, out)
    package = out / "src" / "pets"
    (package / "lib").mkdir()
    (package / "lib" / "__init__.py").write_text("from .retry import retry_twice\n")
    (package / "lib" / "retry.py").write_text("def retry_twice() -> int:\n    return 2\n")
    (out / "README.md").write_text("# our own README\n")
    (out / "extras").mkdir()
    (out / "extras" / "notes.txt").write_text("kept\n")
    (out / "CHANGELOG.md").write_text("not listed anywhere, not sdkgen's: kept\n")
    stale = package / "types" / "pet_delete_pet_response.py"
    assert stale.is_file()

    assert invoke("check", str(spec), "--output", str(out)).exit_code == 0
    edited = copy.deepcopy(SPEC)
    del edited["paths"]["/pets/{pet_id}"]["delete"]
    _spec(tmp_path / "api", edited)
    _generate(spec, out)

    assert (package / "lib" / "retry.py").read_text() == "def retry_twice() -> int:\n    return 2\n"
    assert (out / "README.md").read_text() == "# our own README\n"
    assert (out / "extras" / "notes.txt").read_text() == "kept\n"
    assert (out / "CHANGELOG.md").is_file()
    assert not stale.exists()
    manifest = json.loads((out / ".sdkgen-manifest.json").read_text())["files"]
    assert "README.md" not in manifest and not any(p.startswith("src/pets/lib/") for p in manifest)
    assert invoke("check", str(spec), "--output", str(out)).exit_code == 0
    # a hand-edited generated file is still drift
    (package / "_client.py").write_text("# edited\n")
    assert invoke("check", str(spec), "--output", str(out)).exit_code == 1


def _spec_with_skipped_operation(folder: Path) -> Path:
    # callbacks (requests the API makes to you) get no method, with a warning
    data = copy.deepcopy(SPEC)
    data["paths"]["/upload"] = {"post": _op("upload", callbacks={"done": {"{$request.body#/url}": {"post": {
        "responses": {"200": {"description": "ok"}}}}}})}
    return _spec(folder, data)


def test_warnings_are_labelled_and_can_fail_the_run(tmp_path: Path) -> None:
    spec = _spec_with_skipped_operation(tmp_path / "api")
    plain = invoke("generate", str(spec), "--output", str(tmp_path / "a"))
    assert plain.exit_code == 0
    assert ": warning [callbacks-ignored]: at /paths/~1upload/post/callbacks" in plain.stderr
    assert "error" not in plain.stderr
    failing = invoke("generate", str(spec), "--output", str(tmp_path / "b"), "--fail-on", "warning")
    assert failing.exit_code == 1 and "--fail-on warning" in failing.stderr
    quiet = invoke("generate", str(spec), "--output", str(tmp_path / "c"), "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""

    github = invoke("generate", str(spec), "--output", str(tmp_path / "d"), "--format", "github")
    line = next(line for line in github.stdout.splitlines() if line.startswith("::warning "))
    assert line.startswith(f"::warning file={spec},line=")
    assert ",title=sdkgen callbacks-ignored::at /paths/~1upload/post/callbacks: " in line
    lineno = int(line.split("line=")[1].split(",")[0])
    assert spec.read_text().splitlines()[lineno - 1].strip() == '"callbacks": {'  # the line the pointer names

    document = json.loads(invoke("generate", str(spec), "--output", str(tmp_path / "e"), "--format", "json").stdout)
    assert document["command"] == "generate" and document["exit_code"] == 0 and document["package"] == "pets"
    assert [p["severity"] for p in document["problems"]] == ["warning"]


def test_invalid_input_in_each_format(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n"
                    "        '200':\n          descripton: typo\n")
    github = invoke("validate", str(spec), "--format", "github")
    assert github.exit_code == 2
    # the typo is an error; the description it leaves missing is harmless to sdkgen: a warning
    assert any(line.startswith(f"::error file={spec},line=") for line in github.stdout.splitlines())
    document = json.loads(invoke("validate", str(spec), "--format", "json").stdout)
    errors = [p for p in document["problems"] if p["severity"] == "error"]
    assert document["exit_code"] == 2 and errors
    assert errors[0]["pointer"].startswith("/paths/~1a/get/responses/200")


def test_config_from_pyproject_beside_the_spec(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "api")
    (tmp_path / "api" / "pyproject.toml").write_text(
        '[project]\nname = "app"\n\n[tool.sdkgen.package]\nimport_name = "tomlpets"\n'
    )
    _generate(spec, tmp_path / "sdk")
    assert (tmp_path / "sdk" / "src" / "tomlpets" / "_client.py").is_file()
    (tmp_path / "api" / "pyproject.toml").write_text('[tool.sdkgen.package]\nimport_nam = "x"\n')
    bad = invoke("generate", str(spec), "--output", str(tmp_path / "other"))
    assert bad.exit_code == 2
    assert "pyproject.toml" in bad.stderr and "/tool/sdkgen/package" in bad.stderr and "import_nam" in bad.stderr
    # sdkgen.yaml beside the spec wins over pyproject.toml
    (tmp_path / "api" / "sdkgen.yaml").write_text("package:\n  import_name: yamlpets\n")
    _generate(spec, tmp_path / "sdk2")
    assert (tmp_path / "sdk2" / "src" / "yamlpets").is_dir()
