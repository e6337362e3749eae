"""FileSet -> disk, atomically; or FileSet vs disk -> drift (the same path, without writing).

The new tree is written beside the target and swapped in with renames, so an interrupted
run leaves the previous tree intact and no half-written directory is ever visible. A
directory that sdkgen did not create is never replaced.

Every tree carries a manifest (MANIFEST): what it was generated from (a `Stamp`: hashes of
the spec's files, the config and the generator, see fingerprint.py) and the hash of every
file. `read_manifest` + `tree_matches` let the pipeline skip all work when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import SdkgenError
from .fileset import FileSet

MANIFEST = ".sdkgen-manifest.json"
# Left alone by `check` and by the no-op test: caches that tools create inside an SDK.
_TOOL_CACHES = ("__pycache__", ".mypy_cache", ".pytest_cache")


@dataclass(frozen=True)
class Stamp:
    """What a tree was generated from, as hashes (fingerprint.py computes them)."""

    spec_sha256: str
    config_sha256: str  # the config file's bytes (or none) and --package-name
    generator_version: str
    generator_sha256: str  # the generator's code and templates, black's version and mode
    # Other files the spec's $refs pulled in: (path relative to the spec's directory, sha256).
    inputs: tuple[tuple[str, str], ...] = ()


def manifest_text(files: Mapping[str, str], stamp: Stamp) -> str:
    entries = {path: hashlib.sha256(text.encode("utf-8")).hexdigest() for path, text in files.items()}
    return _manifest_json(stamp, entries)


def _manifest_json(stamp: Stamp, entries: Mapping[str, str]) -> str:
    body = {
        "generator": "sdkgen",
        "generator_version": stamp.generator_version,
        "generator_sha256": stamp.generator_sha256,
        "spec_sha256": stamp.spec_sha256,
        "inputs": dict(stamp.inputs),
        "config_sha256": stamp.config_sha256,
        "files": dict(entries),
    }
    return json.dumps(body, indent=2, sort_keys=True) + "\n"


@dataclass(frozen=True)
class Manifest:
    stamp: Stamp
    files: Mapping[str, str]  # path -> sha256 of its UTF-8 text
    text: str  # as found on disk


def read_manifest(target: Path) -> Manifest | None:
    """The manifest of the tree at `target`; None when there is none, or it is unreadable or
    of an older format (any of which just means: do the real work)."""
    try:
        text = (target / MANIFEST).read_text(encoding="utf-8")
        body: Any = json.loads(text)
        stamp = Stamp(
            spec_sha256=_str(body["spec_sha256"]),
            config_sha256=_str(body["config_sha256"]),
            generator_version=_str(body["generator_version"]),
            generator_sha256=_str(body["generator_sha256"]),
            inputs=tuple((_str(k), _str(v)) for k, v in sorted(body["inputs"].items())),
        )
        files = {_str(k): _str(v) for k, v in body["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Manifest(stamp, files, text)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("manifest field is not a string")
    return value


def tree_matches(target: Path, manifest: Manifest) -> bool:
    """True when the tree holds exactly the manifest's files (tool caches aside), each with
    its recorded hash, and the manifest is byte for byte what sdkgen writes: then a fresh
    generation from the same stamp would write exactly this tree."""
    if manifest.text != _manifest_json(manifest.stamp, manifest.files):
        return False
    if _files_on_disk(target) != set(manifest.files) | {MANIFEST}:
        return False
    for path, digest in manifest.files.items():
        try:
            if hashlib.sha256((target / path).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True


def _files_on_disk(target: Path) -> set[str]:
    found: set[str] = set()
    if target.is_dir():
        for path in target.rglob("*"):
            relative = path.relative_to(target)
            if path.is_file() and not any(part in _TOOL_CACHES for part in relative.parts):
                found.add(relative.as_posix())
    return found


def _owned_by_us(target: Path) -> bool:
    if not target.exists():
        return True
    if not target.is_dir():
        return False
    if (target / MANIFEST).is_file():
        return True
    return not any(target.iterdir())


def write_tree(files: FileSet, target: Path) -> None:
    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise SdkgenError.single(
            "the output path exists and is not a directory", file=str(target), code="output-not-dir",
            hint="pass a directory path to --output",
        )
    if not _owned_by_us(target):
        raise SdkgenError.single(
            f"the output directory is not empty and has no {MANIFEST}: refusing to replace files sdkgen did not write",
            file=str(target),
            code="output-not-ours",
            hint="pass a new or empty directory, or one sdkgen generated before",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.sdkgen-", dir=target.parent))
    try:
        for path, text in files.items():
            destination = staging.joinpath(*path.split("/"))
            destination.parent.mkdir(parents=True, exist_ok=True)
            with open(destination, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.chmod(staging, 0o755)
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.sdkgen-old-", dir=target.parent))
            os.rmdir(retired)
            os.replace(target, retired)
            os.replace(staging, target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True)
class Drift:
    added: tuple[str, ...]  # would be created
    changed: tuple[str, ...]
    removed: tuple[str, ...]  # on disk, not in the new tree

    @property
    def clean(self) -> bool:
        return not (self.added or self.changed or self.removed)


def compare_tree(files: FileSet, target: Path) -> Drift:
    on_disk = _files_on_disk(target)
    added, changed = [], []
    for path, text in files.items():
        if path not in on_disk:
            added.append(path)
        elif (target / path).read_bytes() != text.encode("utf-8"):
            changed.append(path)
    removed = sorted(on_disk - set(files))
    return Drift(tuple(added), tuple(changed), tuple(removed))
