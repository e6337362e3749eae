"""The `sdkgen` command: parse, call one pipeline function, print. Exit 0 ok, 1 failed check, 2 bad input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__
from .errors import SdkgenError

if TYPE_CHECKING:
    from .pipeline import Timings

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def _fail(error: SdkgenError) -> NoReturn:
    for problem in error.problems:
        click.echo(problem.format(), err=True)
    count = len([p for p in error.problems if p.severity == "error"])
    click.echo(f"sdkgen: {count} error{'s' if count != 1 else ''}; nothing was written", err=True)
    sys.exit(EXIT_BAD_INPUT)


def _warn(warnings: tuple[object, ...]) -> None:
    for warning in warnings:
        click.echo(warning.format() if hasattr(warning, "format") else str(warning), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Generate a Python SDK from an OpenAPI document."""


_spec_argument = click.argument("spec", type=click.Path(path_type=Path, dir_okay=True))
_strict_option = click.option(
    "--strict", is_flag=True, help="Treat every problem as an error, also those that change nothing generated."
)
_verbose_option = click.option("--verbose", "-v", is_flag=True, help="Print the time each stage took to stderr.")


def _print_timings(timings: Timings, verbose: bool) -> None:
    if verbose:
        for name, seconds in timings.stages:
            click.echo(f"sdkgen: {name:<16} {seconds:8.3f} s", err=True)


@main.command()
@_spec_argument
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Directory to write the SDK into.")
@click.option("--config", "-c", type=click.Path(path_type=Path), help="Generator config (default: sdkgen.yaml beside SPEC).")
@click.option("--package-name", help="Distribution/import name of the generated package.")
@_strict_option
@_verbose_option
def generate(
    spec: Path, output: Path, config: Path | None, package_name: str | None, strict: bool, verbose: bool
) -> None:
    """Generate the SDK for SPEC into --output (atomically); nothing to do if it is up to date."""
    from .pipeline import Timings
    from .pipeline import generate as run

    timings = Timings()
    try:
        generated = run(spec, output, config=config, package_name=package_name or "", strict=strict, timings=timings)
    except SdkgenError as error:
        _print_timings(timings, verbose)
        _fail(error)
    _print_timings(timings, verbose)
    if generated is None:
        click.echo(f"{output}: up to date (same spec, config and generator; files unchanged)")
        return
    _warn(generated.warnings)
    operations = len(generated.api.all_operations())
    click.echo(f"generated {generated.api.package.import_name}: {operations} methods, {len(generated.files)} files -> {output}")


@main.command()
@_spec_argument
@_strict_option
def validate(spec: Path, strict: bool) -> None:
    """Check SPEC: it loads, its $refs resolve and it is valid OpenAPI."""
    from .pipeline import checked_document

    try:
        _document, warnings = checked_document(spec, strict=strict)
    except SdkgenError as error:
        _fail(error)
    _warn(warnings)
    click.echo(f"{spec}: valid" + (f" ({len(warnings)} warnings)" if warnings else ""))


@main.command()
@_spec_argument
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="The generated SDK to compare.")
@click.option("--config", "-c", type=click.Path(path_type=Path))
@click.option("--package-name")
@_strict_option
@_verbose_option
def check(
    spec: Path, output: Path, config: Path | None, package_name: str | None, strict: bool, verbose: bool
) -> None:
    """Exit 1 if --output differs from what SPEC would generate (writes nothing)."""
    from .pipeline import Timings
    from .pipeline import check as run

    timings = Timings()
    try:
        drift = run(spec, output, config=config, package_name=package_name or "", strict=strict, timings=timings)
    except SdkgenError as error:
        _print_timings(timings, verbose)
        _fail(error)
    _print_timings(timings, verbose)
    if drift.clean:
        click.echo(f"{output}: up to date")
        return
    for label, paths in (("added", drift.added), ("changed", drift.changed), ("removed", drift.removed)):
        for path in paths:
            click.echo(f"{label}: {path}")
    click.echo(f"{output}: out of date; run `sdkgen generate` to update", err=True)
    sys.exit(EXIT_FAILED)


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--no-tests", is_flag=True, help="Skip running the SDK's generated tests.")
def verify(directory: Path, no_tests: bool) -> None:
    """Compile, import, type-check (mypy --strict) and test a generated SDK."""
    from .verify import verify as run

    try:
        report = run(directory, run_tests=not no_tests)
    except SdkgenError as error:
        _fail(error)
    for step in report.steps:
        click.echo(f"{step.name}: {'ok' if step.ok else 'FAILED'} ({step.summary})")
        if not step.ok and step.details:
            click.echo(step.details, err=True)
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def run() -> None:
    """Entry point that turns any unexpected exception into one line, not a traceback."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("sdkgen: interrupted; nothing was written", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in sdkgen: say so briefly, with what to report
        click.echo(f"sdkgen: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("sdkgen: this is a bug; please report it with the spec and command that triggered it", err=True)
        sys.exit(EXIT_INTERNAL)
