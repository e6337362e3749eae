"""The `sdkgen` command: parse, call one pipeline function, print.

Exit 0 ok, 1 failed check (drift, breaking change, verify failure, --fail-on), 2 bad input,
3 internal error, 64 usage error (unknown option, missing argument). How results and
problems are printed (text, json, GitHub annotations; --quiet) lives in cli_output.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from . import __version__
from .cli_output import PROBLEM_FORMATS, Reporter, progress
from .errors import SdkgenError, SpecProblem
from .output import Drift

if TYPE_CHECKING:
    from .config import CommandLineSettings
    from .pipeline import Timings

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_USAGE = 64  # EX_USAGE from sysexits.h: the command line itself is wrong

F = TypeVar("F", bound=Callable[..., Any])


def _fail(reporter: Reporter, error: SdkgenError, consequence: str = "") -> NoReturn:
    reporter.problems(error.problems)
    count = len([p for p in error.problems if p.severity == "error"])
    reporter.note(f"sdkgen: {count} error{'s' if count != 1 else ''}{consequence}")
    reporter.finish(EXIT_BAD_INPUT)


# --------------------------------------------------------------------------- shared options


def _reporting_options(command: F) -> F:
    """--format, --quiet and --fail-on, the same on every command that reports problems."""
    command = click.option(
        "--fail-on", "fail_on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
        help="warning: also exit 1 when there are warnings (e.g. skipped operations).",
    )(command)
    command = click.option(
        "--quiet", "-q", is_flag=True, help="Print problems only (warnings too with --fail-on warning)."
    )(command)
    command = click.option(
        "--format", "output_format", type=click.Choice(PROBLEM_FORMATS), default="text", show_default=True,
        help="text for people; json: one JSON document on stdout; github: GitHub Actions annotations.",
    )(command)
    return command


def _reporter(command: str, output_format: str, quiet: bool, fail_on: str) -> Reporter:
    return Reporter(command, output_format, quiet, fail_on == "warning")


_strict_option = click.option(
    "--strict", is_flag=True, help="Treat every problem as an error, also those that change nothing generated."
)

# (option, filter kind, exclude): the command-line spelling of the config's `select:` lists
_SELECT_OPTIONS = tuple(
    (f"--{side}-{kind}", kind, side == "exclude") for side in ("include", "exclude") for kind in ("tag", "path", "operation")
)
_SELECT_HELP = {
    "tag": "operations with this tag", "path": "operations whose path matches this glob ('/pets/*', 'get /pets/*')",
    "operation": "the operation with this operationId",
}


def _selection_options(command: F) -> F:
    """--include-tag/--exclude-tag, -path and -operation (repeatable): added to the config's `select:`."""
    for option, kind, exclude in reversed(_SELECT_OPTIONS):
        verb = "Leave out" if exclude else "Generate only (with the other includes)"
        command = click.option(
            option, option.lstrip("-").replace("-", "_"), multiple=True, metavar="PATTERN" if kind == "path" else "NAME",
            help=f"{verb} {_SELECT_HELP[kind]}; repeatable.",
        )(command)
    return command


def _command_line_settings(values: dict[str, Any], templates: Path | None = None) -> CommandLineSettings:
    """The selection filters and templates directory given as options."""
    from .config import CommandLineSettings, SelectFilter

    filters = tuple(
        SelectFilter(kind=kind, pattern=pattern, exclude=exclude, option=option)
        for option, kind, exclude in _SELECT_OPTIONS
        for pattern in values.pop(option.lstrip("-").replace("-", "_"))
    )
    return CommandLineSettings(select=filters, templates=templates)


_templates_option = click.option(
    "--templates", type=click.Path(path_type=Path),
    help="Directory of template overrides (replaces the config's `templates:`); see docs/templates.md.",
)

_layout_option = click.option(
    "--layout", type=click.Choice(["project", "package"]), default="project", show_default=True,
    help="project: pyproject, README, tests and src/NAME; package: only the package (for vendoring).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate a Python SDK from an OpenAPI document."""


_spec_argument = click.argument("spec", type=click.Path(path_type=Path, dir_okay=True))
_verbose_option = click.option("--verbose", "-v", is_flag=True, help="Print the time each stage took to stderr.")


def _print_timings(timings: Timings, verbose: bool) -> None:
    if verbose:
        for name, seconds in timings.stages:
            click.echo(f"sdkgen: {name:<16} {seconds:8.3f} s", err=True)


# --------------------------------------------------------------------------- generate


@main.command()
@_spec_argument
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Directory to write the SDK into.")
@click.option("--config", "-c", type=click.Path(path_type=Path), help="Generator config (default: sdkgen.yaml beside SPEC).")
@click.option("--package-name", help="Distribution/import name of the generated package.")
@_layout_option
@_selection_options
@_templates_option
@_strict_option
@_verbose_option
@_reporting_options
def generate(
    spec: Path, output: Path, config: Path | None, package_name: str | None, layout: str, templates: Path | None,
    strict: bool, verbose: bool, output_format: str, quiet: bool, fail_on: str, **selection: tuple[str, ...],
) -> None:
    """Generate the SDK for SPEC into --output (atomically); nothing to do if it is up to date."""
    reporter = _reporter("generate", output_format, quiet, fail_on)
    options = _command_line_settings(selection, templates)
    _run_generate(reporter, spec, output, config, package_name or "", layout, verbose, strict, options)


def _run_generate(
    reporter: Reporter, spec: Path, output: Path, config: Path | None, package_name: str, layout: str, verbose: bool,
    strict: bool = False, options: CommandLineSettings | None = None,
) -> NoReturn:
    from .pipeline import Timings
    from .pipeline import generate as run

    timings = Timings()
    try:
        # --fail-on warning needs the warnings, which only a real run finds: no shortcut then.
        with progress(reporter, timings):
            generated = run(spec, output, config=config, package_name=package_name, layout=layout, timings=timings,
                            reuse=not reporter.fail_on_warning, strict=strict, options=options)
    except SdkgenError as error:
        _print_timings(timings, verbose)
        _fail(reporter, error, "; nothing was written")
    _print_timings(timings, verbose)
    if generated is None:
        reporter.set(up_to_date=True, output=str(output))
        reporter.info(f"{output}: up to date (same spec, config and generator; files unchanged)")
        reporter.finish(EXIT_OK)
    reporter.problems(generated.warnings)
    operations = len(generated.api.all_operations())
    name = generated.api.package.import_name
    reporter.set(package=name, methods=operations, files=len(generated.files), output=str(output))
    reporter.info(f"generated {name}: {operations} methods, {len(generated.files)} files -> {output}")
    reporter.finish(EXIT_OK)


# --------------------------------------------------------------------------- validate


@main.command()
@_spec_argument
@_strict_option
@_reporting_options
def validate(spec: Path, strict: bool, output_format: str, quiet: bool, fail_on: str) -> None:
    """Check SPEC: it loads, its $refs resolve and it is valid OpenAPI."""
    _run_validate(_reporter("validate", output_format, quiet, fail_on), spec, strict)


def _run_validate(reporter: Reporter, spec: Path, strict: bool = False) -> NoReturn:
    from .pipeline import validate_spec

    try:
        _, warnings = validate_spec(spec, strict=strict)
    except SdkgenError as error:
        _fail(reporter, error)
    reporter.problems(warnings)
    reporter.set(valid=True)
    reporter.info(f"{spec}: valid")
    reporter.finish(EXIT_OK)


# --------------------------------------------------------------------------- check


@main.command()
@_spec_argument
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="The generated SDK to compare.")
@click.option("--config", "-c", type=click.Path(path_type=Path))
@click.option("--package-name")
@_layout_option
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of what generate would change.")
@_selection_options
@_templates_option
@_strict_option
@_verbose_option
@_reporting_options
def check(
    spec: Path, output: Path, config: Path | None, package_name: str | None, layout: str, show_diff: bool,
    templates: Path | None, strict: bool, verbose: bool, output_format: str, quiet: bool, fail_on: str,
    **selection: tuple[str, ...],
) -> None:
    """Exit 1 if --output differs from what SPEC would generate (writes nothing)."""
    reporter = _reporter("check", output_format, quiet, fail_on)
    options = _command_line_settings(selection, templates)
    _run_check(reporter, spec, output, config, package_name or "", layout, show_diff, verbose, strict, options)


def _run_check(
    reporter: Reporter, spec: Path, output: Path, config: Path | None, package_name: str, layout: str,
    show_diff: bool, verbose: bool, strict: bool = False, options: CommandLineSettings | None = None,
) -> NoReturn:
    from .output import drift_patch
    from .pipeline import Timings, check_drift

    timings = Timings()
    try:
        with progress(reporter, timings):
            checked = check_drift(spec, output, config=config, package_name=package_name, layout=layout,
                                  timings=timings, reuse=not reporter.fail_on_warning, strict=strict, options=options)
    except SdkgenError as error:
        _print_timings(timings, verbose)
        _fail(reporter, error)
    _print_timings(timings, verbose)
    drift = checked.drift
    if checked.generated is not None:
        reporter.problems(checked.generated.warnings)
    reporter.set(
        up_to_date=drift.clean, added=list(drift.added), changed=list(drift.changed), removed=list(drift.removed)
    )
    if drift.clean:
        reporter.info(f"{output}: up to date")
        reporter.finish(EXIT_OK)
    for label, paths in (("added", drift.added), ("changed", drift.changed), ("removed", drift.removed)):
        for path in paths:
            reporter.info(f"{label}: {path}")
    if reporter.format == "github":  # an annotation per drifted file, on the file
        reporter.problems(_drift_problems(output, drift))
    if show_diff and checked.generated is not None:
        reporter.detail(drift_patch(checked.generated.files, output, drift))
    reporter.note(f"{output}: out of date; run `sdkgen generate` to update")
    reporter.finish(EXIT_FAILED)


def _drift_problems(output: Path, drift: Drift) -> list[SpecProblem]:
    verbs = {"added": "is missing", "changed": "differs from what the spec generates", "removed": "is no longer generated"}
    return [
        SpecProblem(f"{verbs[label]}; run `sdkgen generate` to update", file=(output / path).as_posix(), code="drift")
        for label, paths in (("added", drift.added), ("changed", drift.changed), ("removed", drift.removed))
        for path in paths
    ]


# --------------------------------------------------------------------------- verify


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--no-tests", is_flag=True, help="Skip running the SDK's generated tests.")
@click.option("--step-timeout", type=click.FloatRange(min=1), default=1800, show_default=True,
              help="Seconds each step (import, mypy, tests) may take before it fails as timed out.")
@_reporting_options
def verify(directory: Path, no_tests: bool, step_timeout: float, output_format: str, quiet: bool, fail_on: str) -> None:
    """Compile, import, type-check (mypy --strict) and test a generated SDK."""
    _run_verify(_reporter("verify", output_format, quiet, fail_on), directory, no_tests, step_timeout)


def _run_verify(reporter: Reporter, directory: Path, no_tests: bool, step_timeout: float) -> NoReturn:
    from .verify import verify as run

    try:
        report = run(directory, run_tests=not no_tests, step_timeout=step_timeout)
    except SdkgenError as error:
        _fail(reporter, error)
    reporter.set(ok=report.ok, steps=[{"name": s.name, "ok": s.ok, "summary": s.summary} for s in report.steps])
    for step in report.steps:
        reporter.info(f"{step.name}: {'ok' if step.ok else 'FAILED'} ({step.summary})")
        if not step.ok and step.details:
            reporter.note(step.details)
    reporter.finish(EXIT_OK if report.ok else EXIT_FAILED)


# --------------------------------------------------------------------------- diff


@main.command()
@click.argument("specs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--old-ref", metavar="REV", help="Compare SPEC as it is at git revision REV (e.g. origin/main) with SPEC now.")
@click.option("--old-config", type=click.Path(path_type=Path), help="Config of the old spec (default: beside it).")
@click.option("--new-config", type=click.Path(path_type=Path), help="Config of the new spec (default: beside it).")
@click.option("--package-name", help="Import name used for both SDKs (as in generate).")
@click.option("--format", "report_format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; only the exit code tells.")
@click.option(
    "--fail-on", type=click.Choice(["breaking", "non-breaking", "never"]), default="never", show_default=True,
    help="Exit 1 when a change of this class (or a more severe one) is found.",
)
@_selection_options
def diff(
    specs: tuple[Path, ...], old_ref: str | None, old_config: Path | None, new_config: Path | None,
    package_name: str | None, report_format: str, quiet: bool, fail_on: str, **selection: tuple[str, ...],
) -> None:
    """Compare the SDKs two specs produce: `diff OLD NEW` or `diff --old-ref REV SPEC`."""
    reporter = Reporter("diff", "json" if report_format == "json" else "text", quiet)
    options = _command_line_settings(selection)
    _run_diff(reporter, specs, old_ref, old_config, new_config, package_name or "", report_format, fail_on, options)


def _run_diff(
    reporter: Reporter, specs: tuple[Path, ...], old_ref: str | None, old_config: Path | None,
    new_config: Path | None, package_name: str, report_format: str, fail_on: str,
    options: CommandLineSettings | None = None,
) -> NoReturn:
    import json
    from contextlib import nullcontext

    from .gitref import spec_at_revision
    from .pipeline import diff_specs
    from .surface.diff import BREAKING, NON_BREAKING
    from .surface.report import as_json, render_diff

    expected = 1 if old_ref else 2
    if len(specs) != expected:
        shape = "--old-ref REV SPEC" if old_ref else "OLD NEW (or --old-ref REV SPEC)"
        raise click.UsageError(f"diff takes {shape}; got {len(specs)} spec path{'s' if len(specs) != 1 else ''}")
    new = specs[-1]
    try:
        with spec_at_revision(new, old_ref) if old_ref else nullcontext(specs[0]) as old:
            result = diff_specs(
                old, new, old_config=old_config, new_config=new_config, package_name=package_name,
                old_name=f"{new}@{old_ref}" if old_ref else str(old), new_name=str(new), options=options,
            )
    except SdkgenError as error:
        _fail(reporter, error)
    if report_format == "json":
        reporter.set(**json.loads(as_json(result)))
    elif not reporter.quiet:
        click.echo(render_diff(result, report_format), nl=False)
    failing = {"breaking": (BREAKING,), "non-breaking": (BREAKING, NON_BREAKING), "never": ()}[fail_on]
    reporter.finish(EXIT_FAILED if any(result.count(s) for s in failing) else EXIT_OK)


# --------------------------------------------------------------------------- entry point


def _invoke_main() -> int:
    """Run the click group; a usage error (bad option, missing argument) exits EXIT_USAGE,
    apart from EXIT_BAD_INPUT, so CI can tell a broken command line from a broken spec."""
    try:
        result = main(standalone_mode=False, prog_name="sdkgen")
    except click.UsageError as error:
        error.show()
        return EXIT_USAGE
    except click.ClickException as error:  # e.g. an unreadable file click opened for us
        error.show()
        return EXIT_BAD_INPUT
    except click.Abort:
        click.echo("sdkgen: interrupted; nothing was written", err=True)
        return 130
    return result if isinstance(result, int) else EXIT_OK


def run() -> None:
    """Entry point that turns any unexpected exception into one line, not a traceback."""
    import sys

    try:
        sys.exit(_invoke_main())
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("sdkgen: interrupted; nothing was written", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in sdkgen: say so briefly, with what to report
        click.echo(f"sdkgen: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("sdkgen: this is a bug; please report it with the spec and command that triggered it", err=True)
        sys.exit(EXIT_INTERNAL)


def console() -> None:
    """The `sdkgen` command: `run`, then leave at once. Everything is written and closed by
    then; tearing down the interpreter would free the IR and every rendered file object by
    object (~0.3 s on GitHub's spec) for nothing. Not for in-process callers: they use `run`."""
    import os
    import sys

    try:
        run()
        code: object = EXIT_OK
    except SystemExit as done:
        code = done.code
    if code is None:
        code = EXIT_OK
    elif not isinstance(code, int):
        print(code, file=sys.stderr)  # what SystemExit does with a message
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
