"""FileSet -> FileSet with every Python file formatted by black (the proof of black-clean output).

black costs ~30 ms a file, and most files (the runtime) are the same from run to run, so
results are cached on disk by a hash of black's version, mode and the input text. A cache
entry is a pure function of its key, so the cache can never change the output.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import black

from .errors import SdkgenError
from .fileset import FileSet

# One style for every generated SDK; part of the byte-for-byte contract.
MODE = black.Mode(line_length=120, target_versions={black.TargetVersion.PY39})


def _cache_dir() -> Path | None:
    if os.environ.get("SDKGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdkgen" / "black"


def _key(text: str) -> str:
    salt = f"{black.__version__}|{MODE!r}|"
    return hashlib.sha256((salt + text).encode("utf-8")).hexdigest()


def format_python(path: str, text: str, cache: Path | None = None) -> str:
    entry = cache / _key(text) if cache is not None else None
    if entry is not None:
        try:
            return entry.read_text(encoding="utf-8")
        except OSError:
            pass
    try:
        result = black.format_str(text, mode=MODE)
    except black.InvalidInput as exc:  # a generator bug, never a user error: say where
        raise SdkgenError.single(
            f"generated file does not parse as Python ({exc}); this is a bug in sdkgen",
            file=path,
            code="internal-invalid-python",
            hint="report it with the spec that triggers it",
        ) from None
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            # write-then-rename: a concurrent reader never sees half an entry
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=entry.parent, delete=False) as handle:
                handle.write(result)
            os.replace(handle.name, entry)
        except OSError:
            pass  # a read-only home only costs speed
    return result


def format_files(files: FileSet) -> FileSet:
    cache = _cache_dir()
    return files.replace(
        {
            path: format_python(path, text, cache)
            for path, text in files.items()
            if path.endswith(".py") and path not in files.formatted
        }
    )
