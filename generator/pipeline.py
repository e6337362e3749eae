"""Orchestration: spec path -> Document -> Api -> FileSet -> formatted FileSet -> disk.

Each stage is a module with one public function; this module only strings them together,
so a dry run, a drift check and a real write share every step but the last.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .config import CONFIG_FILE_NAME, Config, load_config
from .errors import SdkgenError, SpecProblem
from .fileset import FileSet
from .format import format_files
from .ir.build import build_api
from .ir.model import Api
from .loader import load_document
from .output import MANIFEST, Drift, compare_tree, manifest_text, write_tree
from .render import render_sdk
from .surface import Surface, build_surface
from .surface.diff import SurfaceDiff, diff_surfaces
from .validate import validate_document


@dataclass(frozen=True)
class Generated:
    api: Api
    files: FileSet
    warnings: tuple[SpecProblem, ...]


def resolve_config(spec: Path, config: Path | None) -> Config:
    if config is not None:
        return load_config(config)
    beside = spec.parent / CONFIG_FILE_NAME
    return load_config(beside) if beside.is_file() else Config()


def validated_document(spec: Path):  # type: ignore[no-untyped-def]
    document = load_document(spec)
    problems = [p for p in validate_document(document) if p.severity == "error"]
    if problems:
        raise SdkgenError(problems)
    return document


def generate_files(spec: Path, *, config: Path | None = None, package_name: str = "") -> Generated:
    document = validated_document(spec)
    settings = resolve_config(spec, config)
    built = build_api(document.data, str(spec), settings, package_name=package_name)
    files = format_files(render_sdk(built.api))
    digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    manifest = manifest_text(files, spec_sha256=digest, generator_version=__version__)
    return Generated(built.api, files.replace({MANIFEST: manifest}), built.warnings)


def generate(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "") -> Generated:
    generated = generate_files(spec, config=config, package_name=package_name)
    write_tree(generated.files, output)
    return generated


def check(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "") -> Drift:
    return compare_tree(generate_files(spec, config=config, package_name=package_name).files, output)


def surface_of(spec: Path, *, config: Path | None = None, package_name: str = "") -> Surface:
    """The Python surface SPEC would generate (the same stages as generate, up to the IR)."""
    document = validated_document(spec)
    built = build_api(document.data, str(spec), resolve_config(spec, config), package_name=package_name)
    return build_surface(built.api)


def diff_specs(
    old: Path,
    new: Path,
    *,
    old_config: Path | None = None,
    new_config: Path | None = None,
    package_name: str = "",
    old_name: str = "",
    new_name: str = "",
) -> SurfaceDiff:
    """The SDK surface changes from OLD to NEW, each spec with its own config (as generate)."""
    before = surface_of(old, config=old_config, package_name=package_name)
    after = surface_of(new, config=new_config, package_name=package_name)
    return diff_surfaces(before, after, old_name=old_name or str(old), new_name=new_name or str(new))
