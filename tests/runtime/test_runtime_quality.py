"""The runtime as Python: black-stable as written, `mypy --strict` clean, copied byte for byte.

The runtime's source is `generator/runtime/`; every SDK gets the same bytes, and only the
generated `_settings.py` (plus the client, resources and types) differs between SDKs.
"""

from __future__ import annotations

import ast
import sys
import subprocess
from typing import Dict, List
from pathlib import Path

import httpx
import pytest

from generator.fileset import FileSet
from generator.pipeline import generate_files
from generator.render import RUNTIME_DIR, runtime_files
from runtime_support import PACKAGE_DIR, RENDER_DIR

ROOT = Path(__file__).resolve().parents[2]
SEED_SPEC = ROOT / "specs" / "cloudflare" / "openapi.yaml"
OTHER_SPEC = """\
openapi: 3.1.0
info: {title: Other Thing, version: 9.9.0}
servers: [{url: "http://other.test/v1"}]
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [things]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
"""


def _run(args: List[str], cwd: Path) -> "subprocess.Popen[str]":
    return subprocess.Popen(
        [sys.executable, "-m", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


@pytest.fixture(scope="module")
def other_files(tmp_path_factory: pytest.TempPathFactory) -> FileSet:
    """An SDK with no envelope, no error model, no pages and no config: the other extreme."""
    spec = tmp_path_factory.mktemp("other") / "openapi.yaml"
    spec.write_text(OTHER_SPEC)
    return generate_files(spec).files


def _runtime_part(files: FileSet, package: str) -> Dict[str, str]:
    prefix = f"src/{package}/"
    return {path[len(prefix) :]: text for path, text in files.items() if path[len(prefix) :] in runtime_files()}


def test_runtime_files_are_byte_identical_across_sdks(other_files: FileSet) -> None:
    seed = generate_files(SEED_SPEC).files
    from_seed = _runtime_part(seed, "cloudflare")
    from_other = _runtime_part(other_files, "other_thing")
    assert set(from_seed) == set(runtime_files()) == set(from_other)
    assert from_seed == from_other == runtime_files()
    # and what differs lives in the generated settings module
    assert 'PACKAGE_NAME = "cloudflare"' in seed["src/cloudflare/_settings.py"]
    assert 'PACKAGE_NAME = "other_thing"' in other_files["src/other_thing/_settings.py"]
    assert "RESULT_KEY: Optional[str] = None" in other_files["src/other_thing/_settings.py"]


def test_runtime_source_has_no_template_syntax() -> None:
    for relative, text in runtime_files().items():
        assert "{{" not in text and "{%" not in text, relative
        if relative.endswith(".py"):
            ast.parse(text, filename=relative)
    assert not list((ROOT / "templates").glob("runtime/**/*.jinja"))


def test_black_stable_and_mypy_strict(other_files: FileSet, tmp_path: Path) -> None:
    other_root = tmp_path / "other"
    for path, text in other_files.items():
        (other_root / path).parent.mkdir(parents=True, exist_ok=True)
        (other_root / path).write_text(text)
    jobs = {
        # the runtime's source as written: black at the SDKs' settings changes nothing
        "black": _run(
            ["black", "--check", "--quiet", "--line-length", "120", "--target-version", "py39", str(RUNTIME_DIR)], ROOT
        ),
        # the runtime on its own (with its development settings), and inside two generated SDKs
        "mypy-runtime": _run(
            ["mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy-runtime"), "-p", "runtime"], RUNTIME_DIR.parent
        ),
        "mypy-sdks": _run(
            [
                "mypy",
                "--strict",
                "--cache-dir",
                str(RENDER_DIR / ".mypy_cache"),
                str(PACKAGE_DIR),
                str(other_root / "src" / "other_thing"),
            ],
            RENDER_DIR,
        ),
    }
    failures = []
    for name, proc in jobs.items():
        output, _ = proc.communicate(timeout=300)
        if proc.returncode != 0:
            failures.append(f"--- {name} (exit {proc.returncode})\n{output}")
    assert not failures, "\n".join(failures)


def test_sdk_without_envelope_or_error_model_works(other_files: FileSet, tmp_path: Path) -> None:
    for path, text in other_files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    script = """
import httpx, other_thing
from other_thing import _exceptions
seen = []
def handler(request):
    seen.append(request)
    return httpx.Response(400, json={"errors": [{"code": 1}]})
client = other_thing.OtherThing(http_client=httpx.Client(transport=httpx.MockTransport(handler)), max_retries=0)
try:
    client.things.get_thing("x")
except other_thing.BadRequestError as exc:
    assert isinstance(exc, other_thing.OtherThingError) and isinstance(exc, _exceptions.BaseError)
    assert exc.errors == [], exc.errors
else:
    raise AssertionError("no error")
headers = seen[0].headers
assert str(seen[0].url) == "http://other.test/v1/things/x", seen[0].url
assert headers["User-Agent"] == "OtherThing/Python 0.1.0", headers
assert headers["X-Sdkgen-Lang"] == "python" and "x-stainless-lang" not in headers, headers
print("ok")
"""
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path / "src", capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_error_model_comes_from_the_generated_settings() -> None:
    import acme_sdk

    request = httpx.Request("GET", "http://x.test")
    body = {"errors": [{"code": 7, "message": "nope", "source": {"pointer": "/a"}}]}
    error = acme_sdk.APIStatusError("boom", response=httpx.Response(409, request=request), body=body)
    assert [type(e).__name__ for e in error.errors] == ["ErrorData"]
    assert error.errors[0].code == 7 and error.errors[0].source is not None
    assert error.errors[0].source.pointer == "/a"
    assert isinstance(error, acme_sdk.AcmeError)
