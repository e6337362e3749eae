"""The `sdkgen` command: parse, call one pipeline function, print.

Exit 0 ok, 1 failed check (drift, breaking change, verify failure, --fail-on), 2 bad input,
3 internal error, 64 usage error (unknown option, missing argument).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .errors import SdkgenError

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_USAGE = 64  # EX_USAGE from sysexits.h: the command line itself is wrong


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


@main.command()
@_spec_argument
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Directory to write the SDK into.")
@click.option("--config", "-c", type=click.Path(path_type=Path), help="Generator config (default: sdkgen.yaml beside SPEC).")
@click.option("--package-name", help="Distribution/import name of the generated package.")
def generate(spec: Path, output: Path, config: Path | None, package_name: str | None) -> None:
    """Generate the SDK for SPEC into --output (atomically)."""
    from .pipeline import generate as run

    try:
        generated = run(spec, output, config=config, package_name=package_name or "")
    except SdkgenError as error:
        _fail(error)
    _warn(generated.warnings)
    operations = len(generated.api.all_operations())
    click.echo(f"generated {generated.api.package.import_name}: {operations} methods, {len(generated.files)} files -> {output}")


@main.command()
@_spec_argument
def validate(spec: Path) -> None:
    """Check SPEC: it loads, its $refs resolve and it is valid OpenAPI."""
    from .pipeline import validated_document

    try:
        validated_document(spec)
    except SdkgenError as error:
        _fail(error)
    click.echo(f"{spec}: valid")


@main.command()
@_spec_argument
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="The generated SDK to compare.")
@click.option("--config", "-c", type=click.Path(path_type=Path))
@click.option("--package-name")
def check(spec: Path, output: Path, config: Path | None, package_name: str | None) -> None:
    """Exit 1 if --output differs from what SPEC would generate (writes nothing)."""
    from .pipeline import check as run

    try:
        drift = run(spec, output, config=config, package_name=package_name or "")
    except SdkgenError as error:
        _fail(error)
    if drift.clean:
        click.echo(f"{output}: up to date")
        return
    for label, paths in (("added", drift.added), ("changed", drift.changed), ("removed", drift.removed)):
        for path in paths:
            click.echo(f"{label}: {path}")
    click.echo(f"{output}: out of date; run `sdkgen generate` to update", err=True)
    sys.exit(EXIT_FAILED)


@main.command()
@click.argument("specs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--old-ref", metavar="REV", help="Compare SPEC as it is at git revision REV (e.g. origin/main) with SPEC now.")
@click.option("--old-config", type=click.Path(path_type=Path), help="Config of the old spec (default: beside it).")
@click.option("--new-config", type=click.Path(path_type=Path), help="Config of the new spec (default: beside it).")
@click.option("--package-name", help="Import name used for both SDKs (as in generate).")
@click.option("--format", "report_format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option(
    "--fail-on", type=click.Choice(["breaking", "non-breaking", "never"]), default="never", show_default=True,
    help="Exit 1 when a change of this class (or a more severe one) is found.",
)
def diff(
    specs: tuple[Path, ...], old_ref: str | None, old_config: Path | None, new_config: Path | None,
    package_name: str | None, report_format: str, fail_on: str,
) -> None:
    """Compare the SDKs two specs produce: `diff OLD NEW` or `diff --old-ref REV SPEC`."""
    _run_diff(specs, old_ref, old_config, new_config, package_name or "", report_format, fail_on)


def _run_diff(
    specs: tuple[Path, ...], old_ref: str | None, old_config: Path | None, new_config: Path | None,
    package_name: str, report_format: str, fail_on: str,
) -> None:
    from contextlib import nullcontext

    from .gitref import spec_at_revision
    from .pipeline import diff_specs
    from .surface.diff import BREAKING, NON_BREAKING
    from .surface.report import render_diff

    expected = 1 if old_ref else 2
    if len(specs) != expected:
        shape = "--old-ref REV SPEC" if old_ref else "OLD NEW (or --old-ref REV SPEC)"
        raise click.UsageError(f"diff takes {shape}; got {len(specs)} spec path{'s' if len(specs) != 1 else ''}")
    new = specs[-1]
    try:
        with spec_at_revision(new, old_ref) if old_ref else nullcontext(specs[0]) as old:
            result = diff_specs(
                old, new, old_config=old_config, new_config=new_config, package_name=package_name,
                old_name=f"{new}@{old_ref}" if old_ref else str(old), new_name=str(new),
            )
    except SdkgenError as error:
        _fail(error)
    click.echo(render_diff(result, report_format), nl=False)
    failing = {"breaking": (BREAKING,), "non-breaking": (BREAKING, NON_BREAKING), "never": ()}[fail_on]
    sys.exit(EXIT_FAILED if any(result.count(s) for s in failing) else EXIT_OK)


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
