"""Orchestration: spec path -> Document -> Api -> FileSet -> formatted FileSet -> disk.

Each stage is a module with one public function; this module only strings them together,
so a dry run, a drift check and a real write share every step but the last.

Before any of that, `generate` and `check` compare the output's manifest with hashes of the
inputs' raw bytes (fingerprint.py): when the spec, config, generator and the files on disk
all match, the tree is already what a real run would write, and nothing is parsed or rendered.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from typing import TYPE_CHECKING

from . import __version__
from .errors import SdkgenError, SpecProblem
from .fileset import FileSet
from .fingerprint import config_sha256, file_sha256, generator_sha256, text_sha256
from .output import MANIFEST, Drift, Stamp, compare_tree, manifest_text, read_manifest, tree_matches, write_tree

# The stages are imported where they run: a no-op run needs none of them (black, Jinja and the
# validators alone take ~1 s to import).
if TYPE_CHECKING:
    from .config import Config
    from .ir.model import Api
    from .loader import Document


@dataclass
class Timings:
    """Seconds spent in each stage, in the order they ran (`--verbose` prints them)."""

    stages: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - started))


@dataclass(frozen=True)
class Generated:
    api: Api
    files: FileSet
    warnings: tuple[SpecProblem, ...]


def config_path(spec: Path, config: Path | None) -> Path | None:
    """The config file that applies: --config, else sdkgen.yaml beside the spec, else none."""
    from .config import CONFIG_FILE_NAME

    if config is not None:
        return config
    beside = spec.parent / CONFIG_FILE_NAME
    return beside if beside.is_file() else None


def resolve_config(spec: Path, config: Path | None) -> Config:
    from .config import Config, load_config

    path = config_path(spec, config)
    return load_config(path) if path is not None else Config()


def checked_document(
    spec: Path, timings: Timings | None = None, *, strict: bool = False
) -> tuple[Document, tuple[SpecProblem, ...]]:
    """The loaded document (Swagger 2.0 converted) and its warnings; errors raise.

    Harmless problems are warnings (leniency.py); with `strict` every problem is an error.
    """
    from .leniency import relax
    from .leniency import strict as strict_problems
    from .loader import load_document
    from .swagger2 import convert_document, point_at_source
    from .validate import validate_document

    timings = timings or Timings()
    with timings.stage("load"):
        document = convert_document(load_document(spec))
    with timings.stage("validate"):
        found = point_at_source(document, validate_document(document))
    problems = strict_problems(found) if strict else relax(found)
    if any(p.severity == "error" for p in problems):
        raise SdkgenError(problems)
    return document, tuple(problems)


def validated_document(spec: Path, timings: Timings | None = None) -> Document:
    return checked_document(spec, timings)[0]


def generate_files(spec: Path, *, config: Path | None = None, package_name: str = "",
                   timings: Timings | None = None, strict: bool = False) -> Generated:
    from .config import Config, load_config
    from .format import format_files
    from .ir.build import build_api
    from .render import render_sdk

    timings = timings or Timings()
    settings_path = config_path(spec, config)
    # Hashed before it is read: if it changes meanwhile, the next run sees a mismatch.
    settings_hash = config_sha256(settings_path, package_name)
    document, warnings = checked_document(spec, timings, strict=strict)
    with timings.stage("build"):
        settings = load_config(settings_path) if settings_path is not None else Config()
        built = build_api(document.data, str(spec), settings, package_name=package_name)
    build_warnings = tuple(_located(document, spec, list(built.warnings)))
    if strict and build_warnings:
        from .leniency import strict as strict_problems

        raise SdkgenError(strict_problems(build_warnings))
    with timings.stage("render"):
        rendered = render_sdk(built.api)
    with timings.stage("format"):
        files = format_files(rendered)
    stamp = Stamp(
        spec_sha256=text_sha256(document.text),
        config_sha256=settings_hash or "",
        generator_version=__version__,
        generator_sha256=generator_sha256(),
        inputs=_other_inputs(document),
    )
    return Generated(built.api, files.replace({MANIFEST: manifest_text(files, stamp)}), warnings + build_warnings)


def _located(document: Document, spec: Path, problems: list[SpecProblem]) -> list[SpecProblem]:
    """The IR builder's problems with the file and line of their pointer (it sees only data)."""
    from .swagger2 import point_at_source

    located = []
    for problem in point_at_source(document, problems):
        if problem.line is None and problem.file == str(spec) and problem.pointer:
            path, line = document.locate(problem.pointer)
            problem = replace(problem, file=str(path), line=line)
        located.append(problem)
    return located


def _other_inputs(document: Document) -> tuple[tuple[str, str], ...]:
    base = document.path.parent
    return tuple(sorted(
        (Path(os.path.relpath(path, base)).as_posix(), text_sha256(text))
        for path, text in document.source_texts().items() if path != document.path
    ))


def up_to_date(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "") -> bool:
    """True when `output` is exactly what generating from these inputs would write, decided
    from hashes of raw bytes only (see fingerprint.py; a false "no" only costs a real run)."""
    manifest = read_manifest(output)
    if manifest is None:
        return False
    recorded = manifest.stamp
    try:
        spec_dir = spec.expanduser().resolve().parent  # the loader resolves $ref paths from here
    except (OSError, RuntimeError, ValueError):
        return False
    current = Stamp(
        spec_sha256=file_sha256(spec) or "",
        config_sha256=config_sha256(config_path(spec, config), package_name) or "",
        generator_version=__version__,
        generator_sha256=generator_sha256(),
        inputs=tuple((relative, file_sha256(spec_dir / relative) or "") for relative, _ in recorded.inputs),
    )
    return current == recorded and "" not in (current.spec_sha256, current.config_sha256) \
        and tree_matches(output, manifest)


def generate(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "",
             timings: Timings | None = None, strict: bool = False) -> Generated | None:
    """Write the SDK into `output`; None when it was already up to date (nothing was done).

    `strict` always runs: an up-to-date tree may come from a spec with warnings."""
    timings = timings or Timings()
    with timings.stage("up-to-date check"):
        unchanged = not strict and up_to_date(spec, output, config=config, package_name=package_name)
    if unchanged:
        return None
    generated = generate_files(spec, config=config, package_name=package_name, timings=timings, strict=strict)
    with timings.stage("write"):
        write_tree(generated.files, output)
    return generated


def check(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "",
          timings: Timings | None = None, strict: bool = False) -> Drift:
    timings = timings or Timings()
    with timings.stage("up-to-date check"):
        unchanged = not strict and up_to_date(spec, output, config=config, package_name=package_name)
    if unchanged:
        return Drift((), (), ())
    files = generate_files(spec, config=config, package_name=package_name, timings=timings, strict=strict).files
    with timings.stage("compare"):
        return compare_tree(files, output)
