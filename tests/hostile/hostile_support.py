"""What every hostile-input test checks: side effects of a run, and the shape of what it wrote.

- `Watch`: a process-wide audit hook (PEP 578) that records, while active, every file opened
  for writing, every rename/remove/mkdir, every socket and every subprocess. A run passes
  only if all its writes fall inside the output directory (or its staging sibling, or the
  black cache dir) and it opened no socket and started no process.
- `run_cli`: the real `sdkgen` entry point, in-process (the same exit-code mapping, 3 for an
  internal error), so hundreds of cases stay cheap.
- `called_names`: the calls a generated tree makes, with names the tree defines itself
  masked, so a hostile render can be compared with baseline renders: spec text that became
  code shows up as a call no template writes (`os.system`, `__import__`, `exec` ...).
- `import_all`: imports every module of generated SDKs in one fresh interpreter, with its own
  audit hook, and reports what each import did besides reading.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.cli import run

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_FORBIDDEN = ("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.fork", "urllib.", "ctypes.")
_PATH_EVENTS = ("os.rename", "os.replace", "os.remove", "os.unlink", "os.rmdir", "os.mkdir", "shutil.rmtree", "os.chmod",
                "os.link")


@dataclass
class Watch:
    active: bool = False
    writes: list[tuple[str, str]] = field(default_factory=list)  # (event, path)
    forbidden: list[str] = field(default_factory=list)

    def hook(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active:
            return
        if event == "open":
            path, mode, flags = (list(args) + [None, None, None])[:3]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & _WRITE_FLAGS
            )
            if writing and isinstance(path, (str, bytes, os.PathLike)):
                self.writes.append(("open", os.fsdecode(path)))
        elif event in _PATH_EVENTS:
            for arg in args[:2]:
                if isinstance(arg, (str, bytes, os.PathLike)):
                    self.writes.append((event, os.fsdecode(arg)))
        elif event == "urllib.Request" and str(args[0]).startswith("file://"):
            pass  # openapi-spec-validator reads its bundled meta-schemas through a file:// URL
        elif event.startswith(_FORBIDDEN):
            self.forbidden.append(f"{event} {args[:1]}")


WATCH = Watch()
sys.addaudithook(WATCH.hook)


@dataclass(frozen=True)
class CliResult:
    code: int
    output: str
    writes: tuple[tuple[str, str], ...]
    forbidden: tuple[str, ...]


def run_cli(*args: str) -> CliResult:
    """`sdkgen ARGS` in this process; exit code, stdout+stderr, and what it touched."""
    buffer = io.StringIO()
    saved = sys.argv
    sys.argv = ["sdkgen", *args]
    WATCH.writes, WATCH.forbidden, WATCH.active = [], [], True
    code = 0
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            run()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        WATCH.active = False
        sys.argv = saved
    return CliResult(code, buffer.getvalue(), tuple(WATCH.writes), tuple(WATCH.forbidden))


def writes_outside(result: CliResult, output: Path, *allowed: Path) -> list[str]:
    """Written paths that are not in `output`, its staging siblings or an `allowed` directory.

    Creating the directories above `output` (mkdir -p) is part of writing it.
    """
    output = output.absolute()
    bad = []
    for event, raw in result.writes:
        path = Path(os.path.abspath(raw))
        if event == "os.mkdir" and path in output.parents:
            continue
        inside = path == output or output in path.parents
        staging = path.parent == output.parent and path.name.startswith(f".{output.name}.sdkgen-")
        staged = any(p.parent == output.parent and p.name.startswith(f".{output.name}.sdkgen-") for p in path.parents)
        if not (inside or staging or staged or any(a == path or a in path.parents for a in allowed)):
            bad.append(raw)
    return bad


# --------------------------------------------------------------------------- calls


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return f"{_dotted(node.func)}()"
    if isinstance(node, ast.Subscript):
        return f"{_dotted(node.value)}[]"
    return f"<{type(node).__name__}>"


def defined_names(trees: list[ast.Module]) -> set[str]:
    """Every name a generated tree binds itself (classes, functions, arguments, assignments)."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.ImportFrom) and node.level > 0:
                names.update(alias.asname or alias.name for alias in node.names)
                names.update((node.module or "").split("."))
    return names


def parse_tree(files: dict[str, str]) -> dict[str, ast.Module]:
    return {path: ast.parse(text, filename=path) for path, text in files.items() if path.endswith(".py")}


def called_names(trees: dict[str, ast.Module]) -> set[str]:
    """The calls in a tree, each a dotted name whose self-defined segments read `*`."""
    own = defined_names(list(trees.values()))
    calls: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                parts = _dotted(node.func).split(".")
                calls.add(".".join("*" if part.rstrip("()[]") in own else part for part in parts))
    return calls


# --------------------------------------------------------------------------- imports

_IMPORTER = r"""
import importlib, json, os, pkgutil, sys
events = []
active = [False]
WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
def hook(event, args):
    if not active[0]:
        return
    if event == "open":
        mode, flags = (list(args) + [None, None])[1:3]
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (isinstance(flags, int) and flags & WRITE):
            events.append(f"write {args[0]}")
    elif event.startswith(("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.fork",
                           "os.remove", "os.rename", "os.mkdir", "os.rmdir", "shutil.", "os.putenv", "os.unsetenv")):
        events.append(event)
sys.addaudithook(hook)
import httpx, pydantic, typing_extensions, anyio  # the SDK's dependencies are not under test
report = {}
for src, package in json.loads(sys.argv[1]):
    events.clear()
    environ = dict(os.environ)
    sys.path.insert(0, src)
    active[0] = True
    try:
        module = importlib.import_module(package)
        names = [package]
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            importlib.import_module(info.name)
            names.append(info.name)
        client = getattr(module, "Client")
        error = ""
    except BaseException as exc:
        error = f"{type(exc).__name__}: {exc}"
    active[0] = False
    if dict(os.environ) != environ:
        events.append("environment changed")
    sys.path.remove(src)
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]
    report[src] = {"error": error, "events": list(events)}
print(json.dumps(report))
"""


def import_all(sdks: list[tuple[Path, str]]) -> dict[str, dict[str, object]]:
    """Import every module of each (sdk root, import name) in one fresh interpreter (-B: no .pyc)."""
    argument = json.dumps([[str(root / "src"), name] for root, name in sdks])
    done = subprocess.run(
        [sys.executable, "-B", "-c", _IMPORTER, argument], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("\n") == 1, f"importing printed output: {done.stdout[:2000]}"
    report: dict[str, dict[str, object]] = json.loads(done.stdout)
    return report
