"""The rendered runtime is black-stable and `mypy --strict` clean, in every configuration."""

from __future__ import annotations

import ast
import sys
import subprocess
from types import SimpleNamespace
from typing import List
from pathlib import Path

import httpx
import pytest

from render_runtime import TEMPLATES, default_sdk, render_runtime, write_package
from runtime_support import PACKAGE_DIR, RENDER_DIR

ALT_CLIENT = """\
from ._base_client import SyncAPIClient, AsyncAPIClient


class Other(SyncAPIClient):
    pass


class AsyncOther(AsyncAPIClient):
    pass
"""


def alt_sdk() -> SimpleNamespace:
    """No envelope, no error model, another telemetry prefix, no page styles."""
    return default_sdk(
        import_name="other_sdk",
        client_class="Other",
        async_client_class="AsyncOther",
        env_prefix="OTHER",
        telemetry_prefix="X-Sdkgen",
        result_key=None,
        errors_key=None,
        error_model=None,
        pages=[],
    )


def rendered_files(pkg: Path) -> List[str]:
    return [
        str(pkg / path[: -len(".jinja")])
        for path in (
            p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.py.jinja")
        )
    ]


@pytest.fixture(scope="module")
def alt_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("alt")
    return write_package(root, alt_sdk(), {"__init__.py": "", "_client.py": ALT_CLIENT})


def _run(args: List[str], cwd: Path) -> "subprocess.Popen[str]":
    return subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_black_stable_and_mypy_strict(alt_package: Path) -> None:
    # the checks run in parallel: mypy dominates the time
    jobs = {
        "black": _run(
            ["black", "--check", "--quiet", *rendered_files(PACKAGE_DIR)], RENDER_DIR
        ),
        "black-alt": _run(
            ["black", "--check", "--quiet", *rendered_files(alt_package)],
            alt_package.parent,
        ),
        # one mypy process for both packages: the stdlib/httpx/pydantic analysis is shared
        "mypy": _run(
            [
                "mypy",
                "--strict",
                "--cache-dir",
                str(RENDER_DIR / ".mypy_cache"),
                str(PACKAGE_DIR),
                str(alt_package),
            ],
            RENDER_DIR,
        ),
    }
    failures = []
    for name, proc in jobs.items():
        output, _ = proc.communicate(timeout=240)
        if proc.returncode != 0:
            failures.append(f"--- {name} (exit {proc.returncode})\n{output}")
    assert not failures, "\n".join(failures)


def test_alternative_configuration_works(
    alt_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(alt_package.parent))
    import other_sdk._client as client_module
    from other_sdk import _exceptions, _wrappers
    from other_sdk._types import NoneType

    assert _wrappers.__all__ == []
    seen: List[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(400, json={"errors": [{"code": 1}]})

    client = client_module.Other(
        version="9.9",
        base_url="http://x.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    with pytest.raises(_exceptions.BadRequestError) as info:
        client.get("/thing", cast_to=NoneType)
    assert not hasattr(info.value, "errors")
    assert isinstance(info.value, _exceptions.OtherError)
    headers = seen[0].headers
    assert (
        headers["X-Sdkgen-Lang"] == "python"
        and headers["X-Sdkgen-Package-Version"] == "9.9"
    )
    assert (
        headers["x-sdkgen-retry-count"] == "0"
        and "x-stainless-retry-count" not in headers
    )
    assert headers["User-Agent"] == "Other/Python 9.9"


def test_text_values_are_inserted_as_literals() -> None:
    hostile = default_sdk(
        version='1.0"; import os; os.system("x") #\n',
        title='Acme \\ "Inc"\n\t',
        env_prefix='A"B\n',
        telemetry_prefix="X-'Q\"",
        result_key='res"ult\n',
        errors_key="err\\ors",
    )
    files = render_runtime(hostile)
    for path, text in files.items():
        if path.endswith(".py"):
            ast.parse(text, filename=path)
    version = files["_version.py"]
    namespace: dict[str, object] = {}
    exec(compile(version, "_version.py", "exec"), namespace)
    assert namespace["__version__"] == '1.0"; import os; os.system("x") #\n'
    assert "import os" not in [line.strip() for line in version.splitlines()]
