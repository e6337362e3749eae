"""FileSet -> disk, atomically; or FileSet vs disk -> drift (the same path, without writing).

The new tree is written beside the target and swapped in with renames, so an interrupted
run leaves the previous tree intact and no half-written directory is ever visible. A
directory that sdkgen did not create is never replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import SdkgenError
from .fileset import FileSet

MANIFEST = ".sdkgen-manifest.json"


def manifest_text(files: FileSet, *, spec_sha256: str, generator_version: str) -> str:
    entries = {path: hashlib.sha256(text.encode("utf-8")).hexdigest() for path, text in files.items()}
    body = {"generator": "sdkgen", "generator_version": generator_version, "spec_sha256": spec_sha256, "files": entries}
    return json.dumps(body, indent=2, sort_keys=True) + "\n"


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
    on_disk: set[str] = set()
    if target.is_dir():
        for path in target.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and ".mypy_cache" not in path.parts:
                on_disk.add(path.relative_to(target).as_posix())
    added, changed = [], []
    for path, text in files.items():
        if path not in on_disk:
            added.append(path)
        elif (target / path).read_bytes() != text.encode("utf-8"):
            changed.append(path)
    removed = sorted(p for p in on_disk - set(files) if not p.startswith((".pytest_cache/",)))
    return Drift(tuple(added), tuple(changed), tuple(removed))
