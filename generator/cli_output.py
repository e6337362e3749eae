"""How the CLI reports: plain text, one JSON document, or GitHub Actions annotations.

Problems (errors and warnings) carry file, line and JSON pointer; each format renders them
its own way. In `json` format stdout holds exactly one JSON document, written when the
command finishes, so a CI step can parse it whatever happened.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from .errors import SpecProblem

if TYPE_CHECKING:
    from .pipeline import Timings

PROBLEM_FORMATS = ("text", "json", "github")


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: SpecProblem) -> str:
    """`::error file=F,line=L,title=T::message` (GitHub shows it on the file's line)."""
    level = "warning" if problem.severity == "warning" else "error"
    properties = []
    if problem.file:
        properties.append(f"file={_github_property(problem.file)}")
    if problem.line is not None:
        properties.append(f"line={problem.line}")
    properties.append(f"title={_github_property('sdkgen ' + (problem.code or level))}")
    message = problem.message
    if problem.pointer:
        message = f"at {problem.pointer}: {message}"
    if problem.hint:
        message += f"\nhint: {problem.hint}"
    return f"::{level} {','.join(properties)}::{_github_data(message)}"


def problem_json(problem: SpecProblem) -> dict[str, Any]:
    return {
        "severity": problem.severity,
        "code": problem.code,
        "message": problem.message,
        "file": problem.file,
        "line": problem.line,
        "pointer": problem.pointer,
        "hint": problem.hint,
    }


@dataclass
class Reporter:
    command: str
    format: str = "text"  # text | json | github
    quiet: bool = False
    fail_on_warning: bool = False
    document: dict[str, Any] = field(default_factory=dict)
    warnings: int = 0

    def problems(self, problems: Iterable[SpecProblem]) -> None:
        for problem in problems:
            if problem.severity == "warning":
                self.warnings += 1
                if self.quiet and not self.fail_on_warning:  # with --fail-on warning they are the verdict
                    continue
            if self.format == "json":
                self.document.setdefault("problems", []).append(problem_json(problem))
            elif self.format == "github":
                click.echo(github_annotation(problem))
            else:
                click.echo(problem.format(), err=True)

    def info(self, text: str) -> None:
        """A progress or result line for people (stdout; not in json format, not with --quiet)."""
        if not self.quiet and self.format != "json":
            click.echo(text)

    def detail(self, text: str) -> None:
        """Output asked for explicitly (e.g. --diff): shown even with --quiet, never in json."""
        if self.format != "json":
            click.echo(text, nl=False)

    def note(self, text: str) -> None:
        """A closing remark on stderr (hidden by --quiet and in json format)."""
        if not self.quiet and self.format != "json":
            click.echo(text, err=True)

    def set(self, **values: Any) -> None:
        self.document.update(values)

    def finish(self, code: int) -> NoReturn:
        """Exit with `code`, or 1 when --fail-on warning is set and a warning was reported."""
        if code == 0 and self.fail_on_warning and self.warnings:
            self.note(f"sdkgen: {self.warnings} warning{'s' if self.warnings != 1 else ''} and --fail-on warning")
            code = 1
        if self.format == "json":
            self.document.setdefault("problems", [])
            body = {"command": self.command, "exit_code": code, **self.document}
            click.echo(json.dumps(body, indent=2))
        sys.exit(code)


# --------------------------------------------------------------------------- progress bar

# The stages each command runs, in order (pipeline.py names them); a stage not listed here
# (added later) still shows, it only stretches the bar.
STAGES = {
    "generate": ("up-to-date check", "load", "validate", "build", "render", "format", "write"),
    "check": ("up-to-date check", "load", "validate", "build", "render", "format", "compare"),
}
_TICK = 0.25  # seconds between redraws while a stage runs (the elapsed time moves)


def wants_progress(reporter: Reporter, streams: tuple[IO[str], ...] = ()) -> bool:
    """A bar only for a person watching: text format, not --quiet, stdout and stderr both
    terminals (not a pipe, a file or CI's log) and a terminal that can redraw a line."""
    streams = streams or (sys.stdout, sys.stderr)
    if reporter.quiet or reporter.format != "text" or os.environ.get("TERM") == "dumb":
        return False
    return all(getattr(stream, "isatty", lambda: False)() for stream in streams)


class ProgressBar:
    """One line on stderr, redrawn in place: `[████░░░░] 3/7 build  1.2 s  41 files`."""

    def __init__(self, command: str, stream: IO[str]) -> None:
        self.command = command
        self.stream = stream
        self.stages = list(STAGES.get(command, ()))
        self.stage = ""
        self.done = 0
        self.files = 0
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def enter(self, stage: str) -> None:
        with self._lock:
            self.stage = stage
            if stage not in self.stages:
                self.stages.insert(self.done, stage)
            self.done = self.stages.index(stage)
        self.draw()

    def leave(self, stage: str) -> None:
        with self._lock:
            self.done = max(self.done, self.stages.index(stage) + 1)
        self.draw()

    def line(self) -> str:
        total = max(len(self.stages), 1)
        width = max(10, min(30, shutil.get_terminal_size((80, 24)).columns - 50))
        filled = width * min(self.done, total) // total
        files = f"  {self.files} files" if self.files else ""
        elapsed = time.monotonic() - self.started
        position = self.stages.index(self.stage) + 1 if self.stage in self.stages else 0
        return (f"sdkgen {self.command} [{'█' * filled}{'░' * (width - filled)}] "
                f"{position}/{total} {self.stage}  {elapsed:.1f} s{files}")

    def draw(self) -> None:
        with self._lock:
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()

    def count(self, files: int) -> None:
        self.files = files
        self.draw()

    def clear(self) -> None:
        with self._lock:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


@contextmanager
def progress(reporter: Reporter, timings: Timings) -> Iterator[None]:
    """Show a progress bar for the pipeline run inside, if a person is watching (wants_progress);
    the line is wiped before anything else is printed."""
    if not wants_progress(reporter):
        yield
        return
    bar = ProgressBar(reporter.command, sys.stderr)
    timings.watcher = bar
    stop = threading.Event()

    def tick() -> None:  # the elapsed time moves during a long stage (black on a big spec)
        while not stop.wait(_TICK):
            bar.draw()

    ticker = threading.Thread(target=tick, name="sdkgen-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()
        timings.watcher = None
        bar.clear()
