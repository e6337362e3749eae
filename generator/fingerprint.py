"""What a generated tree depends on, as hashes that cost no parsing.

An SDK is a pure function of: the spec's files, the config file and `--package-name`, and the
generator itself (its code, its templates, black's version and mode). The manifest records a
hash of each (output.py); when all of them and the files on disk still match, `generate` and
`check` have nothing to do. Everything here hashes raw bytes, so deciding that takes
milliseconds even for a 13 MB spec that takes seconds to parse.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from functools import lru_cache
from pathlib import Path

from . import __version__
from .assets import templates_dir

_BOM = b"\xef\xbb\xbf"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str | None:
    """The hash of the text the loader reads from `path` (the UTF-8 bytes without a
    byte-order mark, as loader.py decodes them); None if it cannot be read."""
    try:
        raw = path.read_bytes()
    except (OSError, ValueError):
        return None
    return hashlib.sha256(raw[len(_BOM):] if raw.startswith(_BOM) else raw).hexdigest()


def directory_sha256(path: Path) -> str | None:
    """One hash of a directory's files (relative names and bytes; dot-files and __pycache__
    left out, as overrides.py ignores them): adding, removing or editing one changes it."""
    if not path.is_dir():
        return None
    digest = hashlib.sha256(b"directory\0")
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        relative = file.relative_to(path).as_posix()
        if any(part.startswith(".") or part == "__pycache__" for part in relative.split("/")):
            continue
        digest.update(f"{relative}\0".encode())
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def input_sha256(path: Path) -> str | None:
    """The hash of an input the manifest records: a file the spec pulls in, or a directory
    (template overrides)."""
    try:
        return directory_sha256(path) if path.is_dir() else file_sha256(path)
    except OSError:
        return None


def config_sha256(
    config: Path | None, package_name: str, layout: str = "project", options: dict[str, object] | None = None
) -> str | None:
    """One hash for everything besides the spec that shapes the output: the config file's
    bytes (or its absence), the package-name override, the layout and the config given as
    options (selection filters, a templates directory). None if the config is unreadable
    (the real run then reports why)."""
    config_hash = None
    if config is not None:
        try:
            config_hash = hashlib.sha256(config.read_bytes()).hexdigest()
        except (OSError, ValueError):
            return None
    settings: dict[str, object] = {"config": config_hash, "package_name": package_name}
    if layout != "project":  # absent for the default, so existing manifests stay valid
        settings["layout"] = layout
    settings.update(options or {})
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def generator_sha256() -> str:
    """Every file of the generator package and its templates, and black's version and mode:
    a change to any of them may change the output, released version number or not."""
    # black's mode is set in format.py, hashed below with the rest of the code.
    digest = hashlib.sha256(f"sdkgen {__version__}\nblack {importlib.metadata.version('black')}\n".encode())
    package = Path(__file__).resolve().parent
    roots = [package] + [root for root in [templates_dir().resolve()] if package not in root.parents]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{root.name}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
