"""The copy-ready CI recipes work as written: the GitHub Actions workflow's sdkgen steps and the
pre-commit hooks are parsed from docs/recipes and run in a temporary git repository, with a
non-breaking change (passes), a breaking one (diff fails) and a stale SDK (check fails)."""

from __future__ import annotations

import copy
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli_inprocess import invoke
from tests.conftest import ROOT

WORKFLOW = ROOT / "docs" / "recipes" / "github-actions.yml"
PRE_COMMIT = ROOT / "docs" / "recipes" / "pre-commit-config.yaml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _op(op_id: str, parameters: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"operationId": op_id, "tags": ["pets"], "parameters": parameters or [], "responses": {"200": {
        "description": "ok", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"id": {"type": "string"}}}}}}}}


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "1"},
    "paths": {"/pets": {"get": _op("listPets")}, "/pets/{pet_id}": {
        "parameters": [{"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": _op("getPet"), "delete": _op("deletePet")}},
}


def _workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text())
    return loaded


def _sdkgen_steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    steps = next(iter(workflow["jobs"].values()))["steps"]
    return [s for s in steps if "sdkgen " in s.get("run", "") and "pip install" not in s["run"]]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=ci", "-c", "user.email=ci@example.com", *args],
                   check=True, capture_output=True)


class Repo:
    """A project with a spec and its generated SDK committed on main (and origin/main)."""

    def __init__(self, root: Path, spec: str, sdk_dir: str) -> None:
        self.root, self.spec, self.sdk_dir = root, root / spec, root / sdk_dir
        self.spec.parent.mkdir(parents=True)
        _git(root, "init", "-q", "-b", "main")
        self.write(SPEC, regenerate=True)
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "v1")
        _git(root, "update-ref", "refs/remotes/origin/main", "HEAD")

    def write(self, spec: dict[str, Any], *, regenerate: bool) -> None:
        self.spec.write_text(yaml.safe_dump(spec, sort_keys=False))
        if regenerate:
            result = invoke("generate", str(self.spec), "--output", str(self.sdk_dir))
            assert result.exit_code == 0, result.output

    def run(self, script: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=self.root,
                              env={**os.environ, **env, "PATH": path}, capture_output=True, text=True)


@pytest.fixture()
def workflow_repo(tmp_path: Path) -> tuple[Repo, dict[str, str]]:
    env = {k: str(v) for k, v in _workflow()["env"].items()}
    repo = Repo(tmp_path / "project", env["SPEC"], env["SDK_DIR"])
    env.update(GITHUB_BASE_REF="main", GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"))
    return repo, env


def test_workflow_is_well_formed() -> None:
    workflow = _workflow()
    steps = next(iter(workflow["jobs"].values()))["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # --old-ref needs the base branch
    runs = [s["run"] for s in _sdkgen_steps(workflow)]
    assert any(r.startswith("sdkgen check ") for r in runs)
    assert any("sdkgen diff --old-ref" in r and "--fail-on breaking" in r for r in runs)
    assert all("${{" not in r for r in runs)  # plain shell: the test below runs them as they are


def test_workflow_steps_on_pull_requests(workflow_repo: tuple[Repo, dict[str, str]]) -> None:
    repo, env = workflow_repo
    steps = _sdkgen_steps(_workflow())
    summary = Path(env["GITHUB_STEP_SUMMARY"])

    # a non-breaking change, regenerated: every step passes
    added = copy.deepcopy(SPEC)
    added["paths"]["/pets"]["get"]["parameters"].append({"name": "color", "in": "query", "schema": {"type": "string"}})
    repo.write(added, regenerate=True)
    for step in steps:
        result = repo.run(step["run"], env)
        assert result.returncode == 0, (step["name"], result.stdout, result.stderr)
    assert "no breaking changes" in summary.read_text()
    assert "`client.pets.list_pets(color=)`" in summary.read_text()

    # a breaking change, regenerated: check passes, the surface step fails and says why
    removed = copy.deepcopy(SPEC)
    del removed["paths"]["/pets/{pet_id}"]["delete"]
    repo.write(removed, regenerate=True)
    summary.write_text("")
    check, surface = (repo.run(step["run"], env) for step in steps)
    assert check.returncode == 0, check.stdout + check.stderr
    assert surface.returncode == 1
    assert "#### Breaking changes (1)" in summary.read_text()
    assert "`client.pets.delete_pet()` | method removed" in summary.read_text()

    # the spec changed but the SDK was not regenerated: check fails with annotations and a diff
    repo.write(added, regenerate=False)
    stale = repo.run(steps[0]["run"], env)
    assert stale.returncode == 1
    assert f"::error file={env['SDK_DIR']}/src/pets/" in stale.stdout
    assert "+++ b/src/pets/types/pet_delete_pet_response.py" in stale.stdout


def test_pre_commit_hooks(workflow_repo: tuple[Repo, dict[str, str]]) -> None:
    repo, env = workflow_repo
    hooks = {h["id"]: h for h in yaml.safe_load(PRE_COMMIT.read_text())["repos"][0]["hooks"]}
    published = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text())}
    assert set(hooks) == set(published) == {"sdkgen-check", "sdkgen-diff"}
    assert all(h["pass_filenames"] is False for h in [*hooks.values(), *published.values()])
    assert env["SPEC"] in hooks["sdkgen-check"]["entry"]

    def run(entry: str) -> int:
        return repo.run(shlex.join(shlex.split(entry)), env).returncode

    assert run(hooks["sdkgen-check"]["entry"]) == 0
    assert run(hooks["sdkgen-diff"]["entry"]) == 0
    assert published["sdkgen-check"]["entry"] == "sdkgen check"  # SPEC --output DIR come as args
    breaking = copy.deepcopy(SPEC)
    del breaking["paths"]["/pets"]
    repo.write(breaking, regenerate=False)
    assert run(hooks["sdkgen-check"]["entry"]) == 1
    assert run(hooks["sdkgen-diff"]["entry"]) == 1
    assert run(f"{published['sdkgen-diff']['entry']} {env['SPEC']}") == 1
