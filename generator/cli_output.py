"""How the CLI reports: plain text, one JSON document, or GitHub Actions annotations.

Problems (errors and warnings) carry file, line and JSON pointer; each format renders them
its own way. In `json` format stdout holds exactly one JSON document, written when the
command finishes, so a CI step can parse it whatever happened.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NoReturn

import click

from .errors import SpecProblem

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
