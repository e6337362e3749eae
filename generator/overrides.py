"""Template overrides: a directory of user templates that replace built-in ones by name.

A template's name is its path below the built-in `templates/sdk/` ("README.md.jinja",
"package/resource.py.jinja"); an override directory mirrors that layout. Every file in it
must replace a built-in template: a typo is an error listing the valid names, not a file
silently ignored. An override may still use the built-in it replaces, through the `builtin/`
prefix: `{% include "builtin/sdk/README.md.jinja" %}` (or `{% extends %}` it).

The directory's contents are an input of the generated tree like the spec's files: the
manifest records a hash of them (fingerprint.directory_sha256), so editing, adding or removing
an override makes the next `generate` a real run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .assets import templates_dir
from .errors import SdkgenError, SpecProblem

BUILTIN_PREFIX = "builtin/"  # names the built-in templates from inside an override
_SDK = "sdk/"  # where the renderer's template names start


@dataclass(frozen=True)
class TemplateOverrides:
    directory: Path
    templates: tuple[tuple[str, str], ...]  # (name, text), sorted by name

    def path_of(self, name: str) -> Path:
        return self.directory.joinpath(*name.split("/"))


def builtin_template_names() -> list[str]:
    root = templates_dir() / _SDK
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.jinja") if p.is_file())


def _ignored(relative: str) -> bool:
    """Editor and VCS leftovers (.DS_Store, .git/, __pycache__/) are not overrides."""
    return any(part.startswith(".") or part == "__pycache__" for part in relative.split("/"))


def load_overrides(directory: str | Path) -> TemplateOverrides:
    """The override templates in DIRECTORY, each checked to name a built-in template and to
    parse as Jinja; any problem raises with the file and what to do."""
    root = Path(directory).expanduser()
    if not root.is_dir():
        raise SdkgenError.single(
            "template overrides directory not found" if not root.exists() else "template overrides path is not a directory",
            file=str(root), code="templates-missing",
            hint="create it, or fix `templates:` in the config / --templates",
        )
    valid = builtin_template_names()
    found: list[tuple[str, str]] = []
    problems = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_dir() or _ignored(relative):
            continue
        if relative not in valid:
            problems.append(_problem(
                f"{relative!r} does not name a built-in template", path, "templates-unknown",
                f"rename it to one of: {', '.join(valid)}",
            ))
            continue
        try:
            found.append((relative, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(_problem(f"cannot read template override: {exc}", path, "templates-unreadable", ""))
    if problems:
        raise SdkgenError(problems)
    overrides = TemplateOverrides(root, tuple(found))
    _check_syntax(overrides)
    return overrides


def _problem(message: str, path: Path, code: str, hint: str, line: int | None = None) -> SpecProblem:
    return SpecProblem(message=message, file=str(path), line=line, hint=hint, code=code)


def _check_syntax(overrides: TemplateOverrides) -> None:
    env = jinja2.Environment()
    problems = []
    for name, text in overrides.templates:
        try:
            env.parse(text, name, str(overrides.path_of(name)))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(_problem(f"Jinja syntax error: {exc.message}", overrides.path_of(name), "templates-syntax",
                                     "fix the template", exc.lineno))
    if problems:
        raise SdkgenError(problems)


class OverridingLoader(jinja2.BaseLoader):
    """The built-in templates, with those of `overrides` in place of the ones they name."""

    def __init__(self, builtin: jinja2.BaseLoader, overrides: TemplateOverrides) -> None:
        self.builtin = builtin
        self.overrides = overrides
        self.by_name = dict(overrides.templates)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template.startswith(BUILTIN_PREFIX):
            try:
                return self.builtin.get_source(environment, template[len(BUILTIN_PREFIX):])
            except jinja2.TemplateNotFound:
                raise jinja2.TemplateNotFound(template) from None  # the name as the override wrote it
        name = template[len(_SDK):] if template.startswith(_SDK) else template
        if name in self.by_name:
            return self.by_name[name], str(self.overrides.path_of(name)), lambda: True
        return self.builtin.get_source(environment, template)


def render_error(error: Exception, overrides: TemplateOverrides | None) -> SdkgenError | None:
    """A failure inside an override template as a problem at its file and line (None when the
    failure is not in an override: that is sdkgen's own bug and is reported as one)."""
    if overrides is None:
        return None
    files = {str(overrides.path_of(name)) for name, _ in overrides.templates}
    traceback, where = error.__traceback__, None
    while traceback is not None:  # jinja maps template frames to the template's file and line
        if traceback.tb_frame.f_code.co_filename in files:
            where = (traceback.tb_frame.f_code.co_filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    if where is None:
        return None
    if isinstance(error, jinja2.TemplateNotFound):
        names = ", ".join(f"{BUILTIN_PREFIX}{_SDK}{name}" for name in builtin_template_names())
        hint = f"an override can include or extend: {names}"
    else:
        hint = "see docs/templates.md for the names every template gets"
    return SdkgenError.single(
        f"template override failed: {type(error).__name__}: {error}", file=where[0], line=where[1],
        code="templates-render", hint=hint,
    )
