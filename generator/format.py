"""FileSet -> FileSet with every Python file formatted by black (the proof of black-clean output)."""

from __future__ import annotations

import black

from .errors import SdkgenError
from .fileset import FileSet

# One style for every generated SDK; part of the byte-for-byte contract.
MODE = black.Mode(line_length=120, target_versions={black.TargetVersion.PY39})


def format_python(path: str, text: str) -> str:
    try:
        return black.format_str(text, mode=MODE)
    except black.InvalidInput as exc:  # a generator bug, never a user error: say where
        raise SdkgenError.single(
            f"generated file does not parse as Python ({exc}); this is a bug in sdkgen",
            file=path,
            code="internal-invalid-python",
            hint="report it with the spec that triggers it",
        ) from None


def format_files(files: FileSet) -> FileSet:
    return files.replace({path: format_python(path, text) for path, text in files.items() if path.endswith(".py")})
