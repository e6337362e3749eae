"""Each generated module imports exactly the names it uses (issue 14): ruff's unused-import
(F401) and undefined-name (F821) rules find nothing in the generated trees, and the SDKs whose
imports vary most with the spec still pass `mypy --strict`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output import write_tree
from generator.pipeline import generate_files
from generator.render import runtime_files
from tests.black_contract import python_files
from tests.conftest import CLOUDFLARE_SPEC, ROOT
from tests.test_black_contract import ACME_SPEC, corpus_spec, render

# Specs whose modules need the most varied imports: per-operation security, styled and cookie
# parameters, uploads, events and binary bodies, discriminated unions, enums, an empty API.
IMPORT_SPECS = (
    "edge/3.0-security-multiple.json",
    "edge/3.0-parameters-style.json",
    "edge/3.0-parameters-cookies.json",
    "edge/3.0-file-uploads.json",
    "edge/3.0-readme-legacy.json",
    "edge/3.0-discriminators.json",
    "edge/3.0-schema-enums.json",
    "edge/3.0-openapi-workshop-title.json",
    "edge/2.0-petstore.json",
    "real/nexmo.com__verify.json",
)


def ruff_findings(files: dict[str, str], work: Path, rules: str = "F401,F821") -> list[str]:
    """ruff's findings for `rules` on `files` (path -> text), written under `work`."""
    for path, text in files.items():
        target = work / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--select", rules,
         "--output-format", "concise", str(work)],
        capture_output=True, text=True,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return [line for line in proc.stdout.splitlines() if ": F" in line]


def lint_findings(spec: Path, work: Path) -> list[str]:
    """Findings on the Python files sdkgen renders for `spec` (the runtime, copied verbatim,
    is left out: it is not generated per spec)."""
    rendered = render(spec)
    return ruff_findings(python_files(rendered, rendered.formatted), work)


def test_seed_sdk_imports_exactly_what_it_uses(tmp_path: Path) -> None:
    assert lint_findings(CLOUDFLARE_SPEC, tmp_path / "seed") == []
    assert lint_findings(ACME_SPEC, tmp_path / "acme") == []


def test_committed_seed_tree_has_no_unused_imports(tmp_path: Path) -> None:
    tree = ROOT / "generated" / "cloudflare"
    runtime = {f"src/cloudflare/{relative}" for relative in runtime_files()}
    files = {
        path.relative_to(tree).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(tree.rglob("*.py"))
        if path.relative_to(tree).as_posix() not in runtime
    }
    assert "src/cloudflare/resources/iam/iam.py" in files
    assert ruff_findings(files, tmp_path, rules="F401") == []


@pytest.mark.parametrize("name", IMPORT_SPECS)
def test_corpus_sdk_imports_exactly_what_it_uses(name: str, tmp_path: Path) -> None:
    assert lint_findings(corpus_spec(name), tmp_path) == []


def test_unused_import_lint_can_fail(tmp_path: Path) -> None:
    found = ruff_findings({"m.py": "from typing import List, Optional\n\nx: Optional[int] = None\n"}, tmp_path)
    assert len(found) == 1 and "`typing.List` imported but unused" in found[0]


def test_sdks_with_the_most_varied_imports_pass_mypy_strict(tmp_path: Path) -> None:
    packages = []
    # builtin_method_names: methods `str`, `int`, `list` ... beside annotations naming those types
    builtin_names = ROOT / "tests" / "fixtures" / "specs" / "builtin_method_names.json"
    specs = [corpus_spec(name) for name in ("edge/3.0-security-multiple.json", "edge/3.0-parameters-style.json",
                                            "edge/3.0-file-uploads.json")]
    for spec in [*specs, builtin_names]:
        generated = generate_files(spec)
        name = spec.name
        out = tmp_path / Path(name).stem
        write_tree(generated.files, out)
        packages.append((out / "src", generated.api.package.import_name))
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(src) for src, _ in packages)}
    args = [arg for _, package in packages for arg in ("-p", package)]
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, *args],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
