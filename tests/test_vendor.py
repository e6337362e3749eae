"""Vendoring: `--layout package --package-name cfsdk` emits only the package, which then lives
at myapp/_vendor/cfsdk/, imports under that path, passes mypy --strict and makes a real call."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_inprocess import invoke
from tests.conftest import CLOUDFLARE_SPEC
from tests.loopback import Loopback, json_server

GROUP_ID = "6d7f2f5f5b1d4a0e9081fdc98d432fd1"


GROUP = {"success": True, "errors": [], "messages": [], "result": {
    "id": GROUP_ID, "scope": [{"key": "k", "objects": [{"key": "o"}]}], "name": "vendored"}}


@pytest.fixture()
def server() -> Iterator[Loopback]:
    with json_server(GROUP, prefix="/client/v4") as served:
        yield served


CALL = """
import sys
from myapp._vendor.cfsdk import Cloudflare
client = Cloudflare(api_token="token", base_url=sys.argv[1], max_retries=0)
group = client.iam.resource_groups.get("{group}", account_id="acc")
print(type(group).__module__, group.name, group.scope[0].objects[0].key)
"""


def test_vendored_package_imports_type_checks_and_calls(tmp_path: Path, server: Loopback) -> None:
    app = tmp_path / "myapp"
    (app / "_vendor").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "_vendor" / "__init__.py").write_text("")
    target = app / "_vendor" / "cfsdk"
    args = ("--output", str(target), "--layout", "package", "--package-name", "cfsdk")
    result = invoke("generate", str(CLOUDFLARE_SPEC), *args)
    assert result.exit_code == 0, result.output

    top = {p.name for p in target.iterdir()}
    assert {"__init__.py", "_client.py", "resources", "types", "py.typed"} <= top
    assert not {"pyproject.toml", "README.md", "tests", "src", "api.md"} & top
    # the package's own lib/ is hand-owned here too
    (target / "lib").mkdir()
    (target / "lib" / "extra.py").write_text("VALUE = 1\n")
    assert invoke("check", str(CLOUDFLARE_SPEC), *args).exit_code == 0
    assert invoke("generate", str(CLOUDFLARE_SPEC), *args).exit_code == 0
    assert (target / "lib" / "extra.py").read_text() == "VALUE = 1\n"

    call = subprocess.run(
        [sys.executable, "-c", CALL.format(group=GROUP_ID), server.url], cwd=tmp_path, capture_output=True, text=True
    )
    assert call.returncode == 0, call.stderr
    assert call.stdout.split() == ["myapp._vendor.cfsdk.types.iam.resource_group_get_response", "vendored", "o"]
    assert server.requests == [("GET", f"/client/v4/accounts/acc/iam/resource_groups/{GROUP_ID}")]

    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy_cache"), "-p", "myapp"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    assert "Success" in mypy.stdout
