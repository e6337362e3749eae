"""Orchestration: spec path -> Document -> Api -> FileSet -> formatted FileSet -> disk.

Each stage is a module with one public function; this module only strings them together,
so a dry run, a drift check and a real write share every step but the last.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__
from .config import CONFIG_FILE_NAME, PYPROJECT, Config, load_config, load_pyproject_config
from .errors import SdkgenError, SpecProblem
from .fileset import FileSet
from .format import format_files
from .ir.build import build_api
from .ir.model import Api
from .loader import Document, load_document
from .output import MANIFEST, Drift, HandOwned, compare_tree, hand_owned_matcher, manifest_text, write_tree
from .render import render_sdk
from .surface import Surface, build_surface
from .surface.diff import SurfaceDiff, diff_surfaces
from .validate import validate_document


LAYOUTS = ("project", "package")  # a whole project (pyproject, tests, src/NAME) | only the package


def _nobody(path: str) -> bool:
    return False


@dataclass(frozen=True)
class Generated:
    api: Api
    files: FileSet
    warnings: tuple[SpecProblem, ...]
    hand_owned: HandOwned = field(default=_nobody, compare=False)


def resolve_config(spec: Path, config: Path | None) -> Config:
    """--config if given; else sdkgen.yaml beside the spec; else [tool.sdkgen] in a
    pyproject.toml beside it; else the empty config (everything derived from the spec)."""
    if config is not None:
        return load_config(config)
    beside = spec.parent / CONFIG_FILE_NAME
    if beside.is_file():
        return load_config(beside)
    pyproject = spec.parent / PYPROJECT
    found = load_pyproject_config(pyproject) if pyproject.is_file() else None
    return found if found is not None else Config()


def validate_spec(spec: Path) -> tuple[Document, tuple[SpecProblem, ...]]:
    """The loaded document and the validator's warnings; errors raise."""
    document = load_document(spec)
    found = validate_document(document)
    problems = [p for p in found if p.severity == "error"]
    if problems:
        raise SdkgenError(problems)
    return document, tuple(p for p in found if p.severity != "error")


def validated_document(spec: Path) -> Document:
    return validate_spec(spec)[0]


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


def generate_files(
    spec: Path, *, config: Path | None = None, package_name: str = "", layout: str = "project"
) -> Generated:
    document, validation_warnings = validate_spec(spec)
    settings = resolve_config(spec, config)
    built = build_api(document.data, str(spec), settings, package_name=package_name)
    files, package_dir = lay_out(format_files(render_sdk(built.api)), built.api.package.import_name, layout)
    # The package's lib/ and the config's hand_owned paths are never generated into.
    owned = hand_owned_matcher((f"{package_dir}lib/", *settings.hand_owned))
    files = FileSet({path: text for path, text in files.items() if not owned(path)})
    digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    manifest = manifest_text(files, spec_sha256=digest, generator_version=__version__)
    # Build problems that do not stop generation are warnings, whatever stage found them.
    warnings = validation_warnings + tuple(
        replace(w, severity="warning", line=document.line_of(w.pointer) if w.line is None and w.pointer else w.line)
        for w in built.warnings
    )
    return Generated(built.api, files.replace({MANIFEST: manifest}), warnings, owned)


def generate(
    spec: Path, output: Path, *, config: Path | None = None, package_name: str = "", layout: str = "project"
) -> Generated:
    generated = generate_files(spec, config=config, package_name=package_name, layout=layout)
    write_tree(generated.files, output, hand_owned=generated.hand_owned)
    return generated


@dataclass(frozen=True)
class Checked:
    drift: Drift
    generated: Generated


def check_drift(
    spec: Path, output: Path, *, config: Path | None = None, package_name: str = "", layout: str = "project"
) -> Checked:
    """What generate would change in OUTPUT (files sdkgen does not own are left out)."""
    generated = generate_files(spec, config=config, package_name=package_name, layout=layout)
    return Checked(compare_tree(generated.files, output, hand_owned=generated.hand_owned), generated)


def check(spec: Path, output: Path, *, config: Path | None = None, package_name: str = "") -> Drift:
    return check_drift(spec, output, config=config, package_name=package_name).drift


def surface_of(spec: Path, *, config: Path | None = None, package_name: str = "") -> Surface:
    """The Python surface SPEC would generate (the same stages as generate, up to the IR)."""
    document = validated_document(spec)
    built = build_api(document.data, str(spec), resolve_config(spec, config), package_name=package_name)
    return build_surface(built.api)


def diff_specs(
    old: Path | None,
    new: Path,
    *,
    old_config: Path | None = None,
    new_config: Path | None = None,
    package_name: str = "",
    old_name: str = "",
    new_name: str = "",
) -> SurfaceDiff:
    """The SDK surface changes from OLD to NEW, each spec with its own config (as generate).
    OLD None: there was no spec before, so the whole new surface is an addition."""
    after = surface_of(new, config=new_config, package_name=package_name)
    if old is None:
        client = replace(after.client, options=())
        before = Surface(after.import_name, after.dist_name, "", client, resources=(), models=())
    else:
        before = surface_of(old, config=old_config, package_name=package_name)
    return diff_surfaces(before, after, old_name=old_name or str(old), new_name=new_name or str(new))
