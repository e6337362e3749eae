"""Orchestration: spec path -> Document -> Api -> FileSet -> formatted FileSet -> disk.

Each stage is a module with one public function; this module only strings them together,
so a dry run, a drift check and a real write share every step but the last.

Before any of that, `generate` and `check` compare the output's manifest with hashes of the
inputs' raw bytes (fingerprint.py): when the spec, config, generator and the files on disk
all match, the tree is already what a real run would write, and nothing is parsed or rendered.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from typing import TYPE_CHECKING, Protocol

from . import __version__
from .errors import SdkgenError, SpecProblem
from .fileset import FileSet
from .fingerprint import config_sha256, directory_sha256, file_sha256, generator_sha256, input_sha256
from .output import (
    MANIFEST,
    Drift,
    HandOwned,
    Stamp,
    compare_tree,
    hand_owned_matcher,
    manifest_text,
    read_manifest,
    tree_matches,
    write_tree,
)

# The stages are imported where they run: a no-op run needs none of them (black, Jinja and the
# validators alone take ~1 s to import).
if TYPE_CHECKING:
    from .config import CommandLineSettings, Config, SelectFilter
    from .ir.model import Api
    from .loader import Document
    from .surface import Surface
    from .surface.diff import SurfaceDiff

LAYOUTS = ("project", "package")  # a whole project (pyproject, tests, src/NAME) | only the package


def _nobody(path: str) -> bool:
    return False


class StageWatcher(Protocol):
    """Told of each stage as it starts and ends and of the number of files (a progress bar)."""

    def enter(self, stage: str) -> None: ...
    def leave(self, stage: str) -> None: ...
    def count(self, files: int) -> None: ...


@dataclass
class Timings:
    """Seconds spent in each stage, in the order they ran (`--verbose` prints them)."""

    stages: list[tuple[str, float]] = field(default_factory=list)
    watcher: StageWatcher | None = None

    def counted(self, files: int) -> None:
        if self.watcher is not None:
            self.watcher.count(files)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.watcher is not None:
            self.watcher.enter(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - started))
        if self.watcher is not None:
            self.watcher.leave(name)


@dataclass(frozen=True)
class Generated:
    api: Api
    files: FileSet
    warnings: tuple[SpecProblem, ...]
    hand_owned: HandOwned = field(default=_nobody, compare=False)


def config_path(spec: Path, config: Path | None) -> Path | None:
    """The config file that applies: --config; else sdkgen.yaml beside the spec; else a
    pyproject.toml beside it that has a [tool.sdkgen] table; else none."""
    from .config import CONFIG_FILE_NAME, PYPROJECT, pyproject_has_config

    if config is not None:
        return config
    beside = spec.parent / CONFIG_FILE_NAME
    if beside.is_file():
        return beside
    pyproject = spec.parent / PYPROJECT
    return pyproject if pyproject.is_file() and pyproject_has_config(pyproject) else None


def resolve_config(spec: Path, config: Path | None, options: CommandLineSettings | None = None) -> Config:
    """The config that applies to SPEC, with the settings given as command-line options."""
    from .config import Config, load_config

    path = config_path(spec, config)
    settings = load_config(path) if path is not None else Config()
    return options.apply(settings) if options is not None else settings


def _options_fingerprint(options: CommandLineSettings | None) -> dict[str, object]:
    return options.fingerprint() if options is not None else {}


def validate_spec(
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
    return validate_spec(spec, timings)[0]


def lay_out(files: FileSet, import_name: str, layout: str) -> tuple[FileSet, str]:
    """The files for LAYOUT and the package's directory within them ("" when it is the root).

    "package" keeps only `src/NAME/`, re-rooted, for vendoring into `myapp/_vendor/NAME/`:
    the generated code imports itself relatively, so it works under any package path."""
    root = f"src/{import_name}/"
    if layout == "project":
        return files, root
    if layout != "package":
        raise SdkgenError.single(f"unknown layout {layout!r}", code="layout-unknown", hint=f"use one of {', '.join(LAYOUTS)}")
    return FileSet({path[len(root):]: text for path, text in files.items() if path.startswith(root)}), ""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block. Building the IR and rendering make
    millions of objects next to the parsed spec and almost no cyclic garbage (GitHub's spec:
    ~4,000 objects), yet each full collection walks everything alive again: 10-25 % of these
    stages, more the larger the spec. Garbage without cycles is freed as always.

    What the block made is then frozen (set aside until `generate_files` ends): left in the
    youngest generation, it would all be walked by the first collection after the block."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def generate_files(spec: Path, *, config: Path | None = None, package_name: str = "", layout: str = "project",
                   timings: Timings | None = None, strict: bool = False,
                   options: CommandLineSettings | None = None) -> Generated:
    try:
        return _generate_files(spec, config=config, package_name=package_name, layout=layout, timings=timings,
                               strict=strict, options=options)
    finally:
        gc.unfreeze()  # into the oldest generation: only a rare full collection walks them again


def _generate_files(spec: Path, *, config: Path | None, package_name: str, layout: str, timings: Timings | None,
                    strict: bool, options: CommandLineSettings | None) -> Generated:
    from .format import format_files, layout_workers
    from .ir.build import build_api
    from .overrides import load_overrides
    from .render import render_sdk
    from .render.cache import default_cache
    from .selection import select_operations

    timings = timings or Timings()
    settings_path = config_path(spec, config)
    # Hashed before it is read: if it changes meanwhile, the next run sees a mismatch.
    settings_hash = config_sha256(settings_path, package_name, layout, _options_fingerprint(options))
    document, validation_warnings = validate_spec(spec, timings, strict=strict)
    with timings.stage("build"), _collector_paused():
        settings = resolve_config(spec, config, options)
        overrides = load_overrides(settings.templates) if settings.templates else None
        built = build_api(document.data, str(spec), settings, package_name=package_name)
        built = select_operations(built, document.data, str(spec), settings.select)
    build_warnings = tuple(replace(w, severity="warning") for w in _located(document, spec, list(built.warnings)))
    if strict and build_warnings:
        from .leniency import strict as strict_problems

        raise SdkgenError(strict_problems(build_warnings))
    templates = overrides.directory if overrides is not None else None
    spec_hash, other_inputs = document.source_hashes()[document.path], _other_inputs(document, templates)
    # The parsed spec is the largest thing in memory and nothing after the IR reads it: freed
    # here, rendering reuses its memory instead of adding to the peak.
    del document
    operations = len(built.api.all_operations())
    with layout_workers(operations) as early:
        with timings.stage("render"), _collector_paused():
            cache = default_cache(generator_sha256()) if overrides is None else None
            rendered = render_sdk(built.api, cache=cache, overrides=overrides,
                                  rendered_unit=early.submit if early is not None else None)
        timings.counted(len(rendered))
        with timings.stage("format"):
            files = format_files(rendered, early=early)
    if cache is not None:
        cache.commit(files)
    files, package_dir = lay_out(files, built.api.package.import_name, layout)
    # The package's lib/ and the config's hand_owned paths are never generated into.
    owned = hand_owned_matcher((f"{package_dir}lib/", *settings.hand_owned))
    files = FileSet({path: text for path, text in files.items() if not owned(path)})
    stamp = Stamp(
        spec_sha256=spec_hash,
        config_sha256=settings_hash or "",
        generator_version=__version__,
        generator_sha256=generator_sha256(),
        inputs=other_inputs,
    )
    # Build problems that do not stop generation are warnings, whatever stage found them.
    warnings = validation_warnings + build_warnings
    return Generated(built.api, files.replace({MANIFEST: manifest_text(files, stamp)}), warnings, owned)


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


def _other_inputs(document: Document, templates: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(path relative to the spec's directory, hash) of the inputs besides the spec: the files
    its $refs pull in, and the template overrides directory."""
    base = document.path.parent
    inputs = [
        (Path(os.path.relpath(path, base)).as_posix(), digest)
        for path, digest in document.source_hashes().items() if path != document.path
    ]
    if templates is not None:
        inputs.append((Path(os.path.relpath(templates.resolve(), base)).as_posix(), directory_sha256(templates) or ""))
    return tuple(sorted(inputs))


def up_to_date(
    spec: Path, output: Path, *, config: Path | None = None, package_name: str = "", layout: str = "project",
    options: CommandLineSettings | None = None,
) -> bool:
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
        config_sha256=config_sha256(config_path(spec, config), package_name, layout, _options_fingerprint(options)) or "",
        generator_version=__version__,
        generator_sha256=generator_sha256(),
        inputs=tuple((relative, input_sha256(spec_dir / relative) or "") for relative, _ in recorded.inputs),
    )
    return current == recorded and "" not in (current.spec_sha256, current.config_sha256) \
        and tree_matches(output, manifest)


def generate(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "", layout: str = "project",
             timings: Timings | None = None, reuse: bool = True, strict: bool = False,
             options: CommandLineSettings | None = None) -> Generated | None:
    """Write the SDK into `output`; None when it was already up to date (nothing was done).
    reuse=False always runs every stage (e.g. to see the warnings again); so does `strict`."""
    timings = timings or Timings()
    with timings.stage("up-to-date check"):
        unchanged = reuse and not strict and up_to_date(
            spec, output, config=config, package_name=package_name, layout=layout, options=options
        )
    if unchanged:
        return None
    generated = generate_files(spec, config=config, package_name=package_name, layout=layout, timings=timings,
                               strict=strict, options=options)
    with timings.stage("write"):
        write_tree(generated.files, output, hand_owned=generated.hand_owned)
    return generated


@dataclass(frozen=True)
class Checked:
    drift: Drift
    generated: Generated | None  # None: decided from the manifest alone, nothing was rendered


def check_drift(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "",
                layout: str = "project", timings: Timings | None = None, reuse: bool = True,
                strict: bool = False, options: CommandLineSettings | None = None) -> Checked:
    """What generate would change in OUTPUT (files sdkgen does not own are left out)."""
    timings = timings or Timings()
    with timings.stage("up-to-date check"):
        unchanged = reuse and not strict and up_to_date(
            spec, output, config=config, package_name=package_name, layout=layout, options=options
        )
    if unchanged:
        return Checked(Drift((), (), ()), None)
    generated = generate_files(spec, config=config, package_name=package_name, layout=layout, timings=timings,
                               strict=strict, options=options)
    with timings.stage("compare"):
        return Checked(compare_tree(generated.files, output, hand_owned=generated.hand_owned), generated)


def check(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "",
          timings: Timings | None = None) -> Drift:
    return check_drift(spec, output, config=config, package_name=package_name, timings=timings).drift


def surface_of(spec: Path, *, config: Path | None = None, package_name: str = "",
               options: CommandLineSettings | None = None) -> Surface:
    """The Python surface SPEC would generate (the same stages as generate, up to the IR)."""
    surface, unmatched = _selected_surface(spec, config, package_name, options)
    if unmatched:
        raise SdkgenError(list(unmatched.values()))
    return surface


def _selected_surface(
    spec: Path, config: Path | None, package_name: str, options: CommandLineSettings | None
) -> tuple[Surface, dict[SelectFilter, SpecProblem]]:
    """The surface of the operations the selection picks, and the filters that picked none."""
    from .ir.build import build_api
    from .selection import select_operations, spec_operations, unmatched_filters
    from .surface import build_surface

    document = validated_document(spec)
    settings = resolve_config(spec, config, options)
    built = build_api(document.data, str(spec), settings, package_name=package_name)
    unmatched = dict(unmatched_filters(settings.select, spec_operations(document.data, str(spec)), str(spec)))
    selected = select_operations(built, document.data, str(spec), settings.select, lenient=True)
    return build_surface(selected.api), unmatched


def diff_specs(
    old: Path | None,
    new: Path,
    *,
    old_config: Path | None = None,
    new_config: Path | None = None,
    package_name: str = "",
    old_name: str = "",
    new_name: str = "",
    options: CommandLineSettings | None = None,
) -> SurfaceDiff:
    """The SDK surface changes from OLD to NEW, each spec with its own config (as generate).
    OLD None: there was no spec before, so the whole new surface is an addition."""
    from .surface import Surface
    from .surface.diff import diff_surfaces

    # A filter given as an option applies to both sides and may name what only one has (a tag
    # the new spec adds): an error when it matches nothing on either. A config's filters apply
    # to its own spec, as in generate.
    after, unmatched = _selected_surface(new, new_config, package_name, options)
    if old is None:
        client = replace(after.client, options=())
        before = Surface(after.import_name, after.dist_name, "", client, resources=(), models=())
    else:
        before, unmatched_before = _selected_surface(old, old_config, package_name, options)
        unmatched = {f: problem for f, problem in unmatched.items() if not f.option or f in unmatched_before}
        unmatched.update({f: problem for f, problem in unmatched_before.items() if not f.option})
    if unmatched:
        raise SdkgenError(list(unmatched.values()))
    return diff_surfaces(before, after, old_name=old_name or str(old), new_name=new_name or str(new))
