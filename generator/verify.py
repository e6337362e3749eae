"""Output directory -> report: does the generated SDK compile, import, type-check and pass its tests?

Each step runs in a child interpreter (the SDK must not see sdkgen, and a crash must not take
the generator down) with bytecode and tool caches kept out of the verified tree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import SdkgenError

_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
count = 1
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
    count += 1
print(count)
"""


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    summary: str
    details: str = ""


@dataclass(frozen=True)
class VerifyReport:
    steps: tuple[StepResult, ...]

    @property
    def ok(self) -> bool:
        return all(step.ok for step in self.steps)


def find_package(directory: Path) -> str:
    src = directory / "src"
    candidates = sorted(p.name for p in src.iterdir() if (p / "__init__.py").is_file()) if src.is_dir() else []
    if len(candidates) != 1:
        raise SdkgenError.single(
            f"expected exactly one package under {src}, found {candidates or 'none'}",
            file=str(directory),
            code="verify-layout",
            hint="pass the directory given to `sdkgen generate --output`",
        )
    return candidates[0]


# Seconds one step may take by default (GitHub's 1,223 operations: ~20,000 generated tests).
STEP_TIMEOUT = 1800


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """The step's process; one that outlives TIMEOUT is killed and reported as a failed step
    (return code -1, "timed out" on stderr), not raised."""
    try:
        return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode(errors="replace") if isinstance(expired.stdout, bytes) else expired.stdout or ""
        return subprocess.CompletedProcess(args, -1, out, f"timed out after {timeout:.0f} s (raise it with --step-timeout)")


def _failed(result: subprocess.CompletedProcess[str]) -> str:
    return "timed out" if result.returncode == -1 else "failed"


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def verify(directory: Path, *, run_tests: bool = True, mypy_cache: Path | None = None,
           step_timeout: float = STEP_TIMEOUT) -> VerifyReport:
    """Check the SDK in `directory`; `mypy_cache` lets many runs share mypy's analysis of httpx & co.
    A step that takes longer than STEP_TIMEOUT seconds fails with "timed out"."""
    directory = directory.resolve()
    if not directory.is_dir():
        raise SdkgenError.single("no such directory", file=str(directory), code="verify-missing", hint="generate first")
    package = find_package(directory)
    env = {**os.environ, "PYTHONPATH": str(directory / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONSTARTUP", None)
    steps: list[StepResult] = []

    # 1. compile every Python file (syntax) without writing bytecode
    files = sorted(p for p in directory.rglob("*.py") if "__pycache__" not in p.parts)
    errors = []
    for path in files:
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        except SyntaxError as exc:
            errors.append(f"{path.relative_to(directory)}:{exc.lineno}: {exc.msg}")
    steps.append(
        StepResult("compile", not errors, f"{len(files)} files" if not errors else f"{len(errors)} failed", "\n".join(errors))
    )

    # 2. import every module of the package
    result = _run([sys.executable, "-c", _IMPORT_ALL, package], directory, env, step_timeout)
    count = result.stdout.strip().splitlines()[-1] if result.returncode == 0 and result.stdout.strip() else ""
    steps.append(StepResult("import", result.returncode == 0, f"{count} modules" if count else _failed(result),
                            _tail(result.stderr)))

    # 3. mypy --strict over the package and its tests
    with tempfile.TemporaryDirectory(prefix="sdkgen-mypy-") as scratch:
        cache = str(mypy_cache) if mypy_cache is not None else scratch
        targets = ["-p", package]
        args = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", cache, "--no-error-summary", *targets]
        result = _run(args, directory, {**env, "MYPYPATH": str(directory / "src")}, step_timeout)
    problems = [line for line in result.stdout.splitlines() if ": error:" in line]
    summary = "no issues" if result.returncode == 0 else f"{len(problems)} errors" if problems else _failed(result)
    steps.append(StepResult("mypy --strict", result.returncode == 0, summary, _tail(result.stdout + result.stderr)))

    # 4. the SDK's own tests, against its loopback mock server
    if run_tests:
        args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(directory), "tests"]
        result = _run(args, directory, env, step_timeout)
        last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "no output"
        last = _failed(result) if result.returncode == -1 else re.sub(r"=+", "", last).strip()
        # pytest exits 5 when it collects nothing: an API without operations has no tests to fail
        passed = result.returncode == 0 or (result.returncode == 5 and "no tests ran" in last)
        steps.append(StepResult("tests", passed, last, _tail(result.stdout + result.stderr, 60)))
    return VerifyReport(tuple(steps))
