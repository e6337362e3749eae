"""Rendered units kept on disk between runs: a run renders and formats only the resources
that changed.

A unit (units.py) is a pure function of the generator (its code and templates), the `Api`
without its resources (schemas, auth, package, ...) and one top-level `Resource`; its key is
a hash of exactly those three, the IR values pickled (frozen dataclasses, tuples, enums,
strings: pickling is deterministic and covers every field). An entry is therefore valid
forever and is never invalidated, only evicted: when the directory grows past `MAX_BYTES`,
the entries used least recently go first.

An entry holds the unit's files in their final form: the renderer passes a unit found here on
as already formatted, and a unit it rendered is stored by `commit` once the format stage has
formatted it (format.py is part of the generator's hash, so the final text is as much a
function of the key as the rendered one).

An entry is a JSON header (the unit's summary, and each file's path and size) followed by the
files' UTF-8 bytes: reading back GitHub's 47 units takes ~20 ms, where one JSON document with
the texts inside (zlib or not) took ~100 ms. It is written to a temporary file and renamed into
place, so a concurrent reader never sees half an entry; an unreadable or malformed entry is a
miss.
`SDKGEN_NO_CACHE` (any value) turns the cache off; it lives in `$SDKGEN_RENDER_CACHE` if set,
else `$XDG_CACHE_HOME/sdkgen/render` (default `~/.cache/sdkgen/render`).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import jinja2

from ..ir.model import Api
from .units import UnitFiles, unit_from_json, unit_to_json

MAX_BYTES = 256 * 1024 * 1024
# Besides the generator's own hash (its code, templates and black), what else renders: a new
# Jinja or Python could lay out the same templates differently.
_RENDERING_TOOLS = f"jinja2 {jinja2.__version__}; python {platform.python_version()}"
_SUFFIX = ".unit"
_FORMAT = b"sdkgen render cache 3\n"


def cache_dir() -> Path | None:
    if os.environ.get("SDKGEN_NO_CACHE"):
        return None
    if os.environ.get("SDKGEN_RENDER_CACHE"):
        return Path(os.environ["SDKGEN_RENDER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdkgen" / "render"


class RenderCache:
    def __init__(self, directory: Path, salt: str) -> None:
        self.directory = directory
        self.salt = salt  # the generator's hash: another generator never reads these entries
        self.hits = 0
        self.misses = 0
        self._stored = False
        self._pending: list[tuple[str, UnitFiles]] = []

    def keys(self, api: Api) -> list[str] | None:
        """The key of each top-level resource's unit, in `api.resources` order; None when the
        IR cannot be pickled (e.g. nested beyond pickle's recursion limit): then every unit is
        rendered, as without a cache."""
        shared = hashlib.sha256(_FORMAT + self.salt.encode() + b"\0" + _RENDERING_TOOLS.encode() + b"\0")
        try:
            shared.update(pickle.dumps(replace(api, resources=()), protocol=5))
            prefix = shared.digest()
            return [hashlib.sha256(prefix + pickle.dumps(r, protocol=5)).hexdigest() for r in api.resources]
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"

    def load(self, key: str) -> UnitFiles | None:
        path = self._path(key)
        try:
            unit = _decode(path.read_bytes())
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            self.misses += 1
            return None
        try:
            os.utime(path)  # recently used: evicted last
        except OSError:
            pass
        self.hits += 1
        return unit

    def defer(self, key: str, unit: UnitFiles) -> None:
        """Keep `unit` (just rendered) until `commit` has its formatted files."""
        self._pending.append((key, unit))

    def commit(self, final: Mapping[str, str]) -> None:
        """Store every deferred unit with its files as `final` (the formatted SDK) has them."""
        for key, unit in self._pending:
            self.store(key, UnitFiles({path: final[path] for path in unit.files}, unit.packages, unit.summary))
        self._pending.clear()
        self.evict()

    def store(self, key: str, unit: UnitFiles) -> None:
        try:
            blob = _encode(unit)
        except UnicodeEncodeError:  # a lone surrogate: writing the file will report it
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.directory, suffix=".tmp", delete=False) as handle:
                handle.write(blob)
            os.replace(handle.name, self._path(key))
            self._stored = True
        except OSError:
            pass  # a read-only cache only costs speed

    def evict(self) -> None:
        """Remove the least recently used entries while the directory holds more than MAX_BYTES."""
        if not self._stored:
            return
        try:
            entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(self.directory)
                       if e.name.endswith(_SUFFIX)]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= MAX_BYTES:
                break
            try:
                os.remove(path)
            except OSError:
                continue
            total -= size


def default_cache(salt: str) -> RenderCache | None:
    directory = cache_dir()
    return RenderCache(directory, salt) if directory is not None else None


def _encode(unit: UnitFiles) -> bytes:
    header = unit_to_json(unit)
    texts = [text.encode("utf-8") for text in unit.files.values()]
    header["files"] = [[path, len(data)] for path, data in zip(unit.files, texts)]
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    return b"".join([_FORMAT, b"%d\n" % len(encoded), encoded, *texts])


def _decode(blob: bytes) -> UnitFiles:
    if not blob.startswith(_FORMAT):
        raise ValueError("not a render cache entry of this format")
    size_end = blob.index(b"\n", len(_FORMAT))
    start = size_end + 1 + int(blob[len(_FORMAT):size_end])
    header = json.loads(blob[size_end + 1:start])
    view = memoryview(blob)
    files = {}
    for path, size in header["files"]:
        if not isinstance(size, int) or size < 0 or start + size > len(blob):
            raise ValueError("a file runs past the end of the entry")
        files[path] = str(view[start:start + size], "utf-8")
        start += size
    if start != len(blob):
        raise ValueError("bytes left after the last file")
    header["files"] = files
    return unit_from_json(header)
