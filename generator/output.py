"""FileSet -> disk, atomically; or FileSet vs disk -> drift (the same path, without writing).

The new tree is written beside the target and swapped in with renames, so an interrupted
run leaves the previous tree intact and no half-written directory is ever visible. A
directory that sdkgen did not create is never replaced.

Every tree carries a manifest (MANIFEST): what it was generated from (a `Stamp`: hashes of
the spec's files, the config and the generator, see fingerprint.py) and the hash of every
file. `read_manifest` + `tree_matches` let the pipeline skip all work when nothing changed.

Only files the previous manifest listed belong to sdkgen: every other file in the target
(a hand-written `lib/`, a file the config lists as hand-owned, anything else a person put
there) is carried into the new tree unchanged, and hand-owned paths are never written.
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
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
    # Files the manifest does not list are not sdkgen's: a real run keeps them as they are.
    if not set(manifest.files) | {MANIFEST} <= _files_on_disk(target):
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


HandOwned = Callable[[str], bool]  # relative POSIX path -> True when a person owns it


def hand_owned_matcher(patterns: tuple[str, ...]) -> HandOwned:
    """A pattern ending in `/` owns that directory and everything below it; any other pattern
    is matched against the whole relative path with fnmatch (where `*` also crosses `/`)."""
    directories = tuple(p for p in patterns if p.endswith("/"))
    globs = tuple(p for p in patterns if not p.endswith("/"))

    def owned(path: str) -> bool:
        return path.startswith(directories) or any(fnmatch.fnmatchcase(path, g) for g in globs)

    return owned


def _not_owned(path: str) -> bool:
    return False


def _files_in(target: Path) -> Iterator[str]:
    """Relative POSIX paths of the files (and symlinks) under `target`, symlinks not followed."""
    for folder, dirs, names in os.walk(target):
        base = Path(folder)
        for name in list(dirs):
            if (base / name).is_symlink():
                names.append(name)
                dirs.remove(name)
        for name in names:
            yield (base / name).relative_to(target).as_posix()


def _listed(target: Path) -> set[str] | None:
    manifest = read_manifest(target)
    if manifest is not None:
        return set(manifest.files)
    try:  # a manifest of an older format still says which files were sdkgen's
        files = json.loads((target / MANIFEST).read_text(encoding="utf-8")).get("files")
    except (OSError, ValueError, AttributeError):
        return None
    return {str(path) for path in files} if isinstance(files, dict) else None


def _carry_over(target: Path, staging: Path, files: FileSet, hand_owned: HandOwned) -> None:
    """Copy into the new tree what is not sdkgen's: unlisted files and hand-owned paths."""
    listed = _listed(target) or set()
    for path in _files_in(target):
        if path == MANIFEST or path in files or (path in listed and not hand_owned(path)):
            continue
        source = target.joinpath(*path.split("/"))
        destination = staging.joinpath(*path.split("/"))
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.is_symlink():
                os.symlink(os.readlink(source), destination)
            else:
                shutil.copy2(source, destination)
        except OSError as exc:
            raise SdkgenError.single(
                f"cannot keep {path}, a file sdkgen does not own: {exc.strerror or exc}",
                file=str(target), code="output-keep-failed",
                hint="a generated path now needs that place; move the file, or list it under hand_owned in the config",
            ) from None


def _owned_by_us(target: Path) -> bool:
    if not target.exists():
        return True
    if not target.is_dir():
        return False
    if (target / MANIFEST).is_file():
        return True
    return not any(target.iterdir())


def write_tree(files: FileSet, target: Path, *, hand_owned: HandOwned = _not_owned) -> None:
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
        previous = _Previous(target) if target.is_dir() else None
        made: set[str] = set()
        for path, text in files.items():
            # Plain strings, not Path objects: this loop runs once per file of a large SDK.
            destination = os.path.join(staging, *path.split("/"))
            folder = os.path.dirname(destination)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            data = text.encode("utf-8")
            if previous is None or not previous.link_if_same(path, data, destination):
                with open(destination, "wb") as handle:
                    handle.write(data)
        if target.is_dir():
            _carry_over(target, staging, files, hand_owned)
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


class _Previous:
    """The tree being replaced: a file whose bytes (and permissions) are exactly what would be
    written is hard-linked into the new tree instead. Same result, but an unchanged file keeps
    its inode and mtime and costs no write (most files, when one operation changed)."""

    def __init__(self, target: Path) -> None:
        self.target = target
        umask = os.umask(0)
        os.umask(umask)
        self.fresh_mode = 0o666 & ~umask  # what open() gives a new file
        self.linking = True

    def link_if_same(self, path: str, data: bytes, destination: str) -> bool:
        if not self.linking:
            return False
        source = os.path.join(self.target, *path.split("/"))
        try:
            status = os.lstat(source)
            if not stat.S_ISREG(status.st_mode) or status.st_size != len(data) \
                    or stat.S_IMODE(status.st_mode) != self.fresh_mode:
                return False
            with open(source, "rb") as handle:
                if handle.read() != data:
                    return False
            os.link(source, destination)
        except FileNotFoundError:
            return False
        except OSError:  # e.g. a file system without hard links: write every file
            self.linking = False
            return False
        return True


@dataclass(frozen=True)
class Drift:
    added: tuple[str, ...]  # would be created
    changed: tuple[str, ...]
    removed: tuple[str, ...]  # on disk, not in the new tree

    @property
    def clean(self) -> bool:
        return not (self.added or self.changed or self.removed)


def compare_tree(files: FileSet, target: Path, *, hand_owned: HandOwned = _not_owned) -> Drift:
    """What `generate` would change in `target`. Files sdkgen does not own (not in the
    manifest on disk, or hand-owned) are neither drift nor removed."""
    on_disk: set[str] = set()
    if target.is_dir():
        on_disk = {p for p in _files_in(target) if not any(part in _TOOL_CACHES for part in p.split("/"))}
    added, changed = [], []
    for path, text in files.items():
        if path not in on_disk:
            added.append(path)
        elif _read_bytes(target / path) != text.encode("utf-8"):
            changed.append(path)
    listed = _listed(target)
    ours = on_disk if listed is None else on_disk & (listed | {MANIFEST})
    removed = sorted(p for p in ours - set(files) if not hand_owned(p))
    return Drift(tuple(added), tuple(changed), tuple(removed))


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # e.g. a directory (or a link to one) where a file is generated
        return None


def _lines(target: Path, path: str) -> list[str] | None:
    try:
        return (target / path).read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError):
        return None


def drift_patch(files: FileSet, target: Path, drift: Drift) -> str:
    """A unified diff (a/ = on disk, b/ = what generate would write) of every drifted file."""
    chunks: list[str] = []
    for path in sorted((*drift.added, *drift.changed, *drift.removed)):
        before = [] if path in drift.added else _lines(target, path)
        after = files[path].splitlines(keepends=True) if path in files else []
        if before is None:
            chunks.append(f"Binary files a/{path} and b/{path} differ\n")
            continue
        old_name = "/dev/null" if path in drift.added else f"a/{path}"
        new_name = "/dev/null" if path in drift.removed else f"b/{path}"
        for line in difflib.unified_diff(before, after, old_name, new_name):
            chunks.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(chunks)
