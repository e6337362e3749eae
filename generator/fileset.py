"""FileSet: an SDK as a value (relative POSIX path -> text), before it touches any disk."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

from .errors import SdkgenError


def check_relative_path(path: str) -> str:
    """Refuse any path that could land outside the output directory."""
    pure = PurePosixPath(path)
    if (
        not path
        or pure.is_absolute()
        or "\\" in path
        or ":" in path
        or any(part in ("", ".", "..") for part in path.split("/"))
        or "\x00" in path
    ):
        raise SdkgenError.single(f"refusing to write unsafe output path {path!r}", code="unsafe-path")
    return path


class FileSet(Mapping[str, str]):
    """Immutable mapping, iterated in sorted path order so every consumer is deterministic.

    `formatted` names the files that are already in their final, black-stable form (the runtime,
    copied verbatim): the format stage leaves them alone.
    """

    def __init__(self, files: Mapping[str, str], formatted: frozenset[str] = frozenset()) -> None:
        self._files = {check_relative_path(path): files[path] for path in sorted(files)}
        self.formatted = frozenset(path for path in formatted if path in self._files)

    def __getitem__(self, path: str) -> str:
        return self._files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def replace(self, updates: Mapping[str, str]) -> FileSet:
        return FileSet({**self._files, **updates}, self.formatted)
