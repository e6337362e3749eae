"""Orchestration: spec path -> Document -> Api -> FileSet -> formatted FileSet -> disk.

Each stage is a module with one public function; this module only strings them together,
so a dry run, a drift check and a real write share every step but the last.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .config import CONFIG_FILE_NAME, Config, load_config
from .errors import SdkgenError, SpecProblem
from .fileset import FileSet
from .format import format_files
from .ir.build import build_api
from .ir.model import Api
from .leniency import relax
from .leniency import strict as strict_problems
from .loader import Document, load_document
from .output import MANIFEST, Drift, compare_tree, manifest_text, write_tree
from .render import render_sdk
from .swagger2 import convert_document, point_at_source
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


def validated_document(spec: Path, *, strict: bool = False) -> tuple[Document, tuple[SpecProblem, ...]]:
    """The loaded document and its warnings; errors (all problems when `strict`) raise."""
    document = convert_document(load_document(spec))
    found = point_at_source(document, validate_document(document))
    problems = strict_problems(found) if strict else relax(found)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise SdkgenError(problems)
    return document, tuple(problems)


def generate_files(spec: Path, *, config: Path | None = None, package_name: str = "", strict: bool = False) -> Generated:
    document, warnings = validated_document(spec, strict=strict)
    settings = resolve_config(spec, config)
    built = build_api(document.data, str(spec), settings, package_name=package_name)
    build_warnings = tuple(_located(document, spec, list(built.warnings)))
    if strict and build_warnings:
        raise SdkgenError(strict_problems(build_warnings))
    files = format_files(render_sdk(built.api))
    digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    manifest = manifest_text(files, spec_sha256=digest, generator_version=__version__)
    return Generated(built.api, files.replace({MANIFEST: manifest}), warnings + build_warnings)


def _located(document: Document, spec: Path, problems: list[SpecProblem]) -> list[SpecProblem]:
    """The IR builder's problems with the file and line of their pointer (it sees only data)."""
    located = []
    for problem in point_at_source(document, problems):
        if problem.line is None and problem.file == str(spec) and problem.pointer:
            path, line = document.locate(problem.pointer)
            problem = replace(problem, file=str(path), line=line)
        located.append(problem)
    return located


def generate(
    spec: Path, output: Path, *, config: Path | None = None, package_name: str = "", strict: bool = False
) -> Generated:
    generated = generate_files(spec, config=config, package_name=package_name, strict=strict)
    write_tree(generated.files, output)
    return generated


def check(
    spec: Path, output: Path, *, config: Path | None = None, package_name: str = "", strict: bool = False
) -> Drift:
    return compare_tree(generate_files(spec, config=config, package_name=package_name, strict=strict).files, output)
