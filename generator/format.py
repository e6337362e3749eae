"""FileSet -> FileSet with every Python file exactly as black formats it.

The templates already write black's layout except for lines too long to fit, and
`layout` splits those as black would (tests prove both on generated trees and random
statements), so black itself does not run for most files. A file holding a long line layout
does not model goes to black: black costs ~30-100 ms a file, so those results are cached on
disk by a hash of black's version, mode and the input text (a cache entry is a pure function
of its key, so the cache can never change the output), and misses are formatted in parallel,
one fresh process per CPU, collected in path order.

Files in `FileSet.formatted` (the runtime, copied verbatim and black-stable as written) are
passed through untouched.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import SdkgenError
from .fileset import FileSet

# One style for every generated SDK; part of the byte-for-byte contract. The generated
# pyproject.toml declares the same settings (LINE_LENGTH, TARGET_VERSIONS) for black --check.
LINE_LENGTH = 120
TARGET_VERSIONS = ("py39",)


@lru_cache(maxsize=1)
def black_mode() -> Any:
    """black's Mode for generated code (black is imported only when a file needs it: ~0.3 s)."""
    import black

    return black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion[v.upper()] for v in TARGET_VERSIONS})


def __getattr__(name: str) -> Any:
    if name == "MODE":  # `from generator.format import MODE`, without importing black up front
        return black_mode()
    raise AttributeError(name)

# Below this many cache misses, starting worker processes costs more than it saves.
_PARALLEL_FROM = 8
# Below this many bytes of text with long lines, laying out in one process is quicker (a worker
# costs ~0.1 s to start; layout handles ~5 MB/s).
_PARALLEL_LAYOUT_FROM = 2_000_000
# From this many operations an SDK has that much (GitHub's 1,223 give ~23 MB of Python): start
# the workers before rendering (layout_workers).
_PARALLEL_LAYOUT_OPERATIONS = 300


def _cache_dir() -> Path | None:
    if os.environ.get("SDKGEN_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sdkgen" / "black"


def _key(text: str) -> str:
    import black

    salt = f"{black.__version__}|{black_mode()!r}|"
    return hashlib.sha256((salt + text).encode("utf-8")).hexdigest()


def _read_cached(entry: Path) -> str | None:
    try:
        return entry.read_text(encoding="utf-8")
    except OSError:
        return None


def _write_cached(entry: Path, result: str) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # write-then-rename: a concurrent reader never sees half an entry
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=entry.parent, delete=False) as handle:
            handle.write(result)
        os.replace(handle.name, entry)
    except OSError:
        pass  # a read-only home only costs speed


def _black(text: str) -> tuple[str | None, str]:
    """(formatted text, "") or (None, why black refused it); runs in a worker process."""
    import black

    try:
        return black.format_str(text, mode=black_mode()), ""
    except black.InvalidInput as exc:
        return None, str(exc)


def _invalid(path: str, reason: str) -> SdkgenError:
    # a generator bug, never a user error: say where
    return SdkgenError.single(
        f"generated file does not parse as Python ({reason}); this is a bug in sdkgen",
        file=path,
        code="internal-invalid-python",
        hint="report it with the spec that triggers it",
    )


def format_python(path: str, text: str, cache: Path | None = None) -> str:
    entry = cache / _key(text) if cache is not None else None
    cached = _read_cached(entry) if entry is not None else None
    if cached is not None:
        return cached
    result, reason = _black(text)
    if result is None:
        raise _invalid(path, reason)
    if entry is not None:
        _write_cached(entry, result)
    return result


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _warm_up() -> None:
    from . import layout  # noqa: F401  (a worker imports what it will run while the parent renders)


@contextmanager
def layout_workers(operations: int) -> Iterator[EarlyLayout | None]:
    """Layout for the format stage of an SDK with OPERATIONS operations, in worker processes
    started now: their start-up overlaps rendering, and files handed to `EarlyLayout.submit`
    while rendering goes on are laid out meanwhile. None when the SDK is too small for it."""
    workers = min(_workers(), 4)
    if workers < 2 or operations < _PARALLEL_LAYOUT_OPERATIONS:
        yield None
        return
    with _layout_pool(workers) as early:
        yield early


@contextmanager
def _layout_pool(workers: int) -> Iterator[EarlyLayout]:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        for _ in range(workers):
            pool.submit(_warm_up)
        yield EarlyLayout(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _lay_out_batch(texts: list[str]) -> list[str | None]:
    from .layout import lay_out

    return [lay_out(text) for text in texts]


class EarlyLayout:
    """Layout of rendered files started before the format stage, in worker processes. A
    result is used only for the very text it was computed from, so what is submitted early
    can change the speed of the format stage, never its output."""

    # A batch of about this many bytes of text: small enough that the workers share the big
    # resources' files evenly, large enough that a batch costs more than its round trip.
    _BATCH_BYTES = 400_000

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self._started: dict[str, tuple[str, Future[list[str | None]], int]] = {}

    def submit(self, files: Mapping[str, str]) -> None:
        """Start laying out the Python files among FILES that need it."""
        from .layout import needs_layout

        self._start_batches((path, text) for path, text in files.items() if path.endswith(".py") and needs_layout(text))

    def lay_out(self, texts: Mapping[str, str]) -> dict[str, str | None]:
        """lay_out's result for each of TEXTS (path -> text), laid out in the workers."""
        self._start_batches(texts.items())
        return {path: self.result(path) for path in texts}

    def _start_batches(self, items: Iterable[tuple[str, str]]) -> None:
        batch: list[tuple[str, str]] = []
        size = 0
        for path, text in items:
            batch.append((path, text))
            size += len(text)
            if size >= self._BATCH_BYTES:
                self._start(batch)
                batch, size = [], 0
        if batch:
            self._start(batch)

    def _start(self, batch: list[tuple[str, str]]) -> None:
        future = self.pool.submit(_lay_out_batch, [text for _path, text in batch])
        for position, (path, text) in enumerate(batch):
            self._started[path] = (text, future, position)

    def started(self, path: str, text: str) -> bool:
        """Whether the layout of exactly TEXT at PATH was started."""
        started = self._started.get(path)
        return started is not None and (started[0] is text or started[0] == text)

    def result(self, path: str) -> str | None:
        """The layout started for PATH (lay_out's result), once it is done."""
        _text, future, position = self._started[path]
        return future.result()[position]


def _lay_out_all(texts: dict[str, str], early: EarlyLayout | None = None) -> dict[str, str | None]:
    """layout.lay_out of each text; in worker processes when there is enough work for them."""
    from .layout import lay_out, needs_layout

    results: dict[str, str | None] = {}
    work: dict[str, str] = {}
    for path, text in texts.items():
        if early is not None and early.started(path, text):
            results[path] = early.result(path)
        elif needs_layout(text):
            work[path] = text
        else:
            results[path] = text
    workers = min(_workers(), 4)
    if early is not None:
        results.update(early.lay_out(work))
    elif workers > 1 and sum(map(len, work.values())) >= _PARALLEL_LAYOUT_FROM:
        # the larger texts first, so no worker is left with a big one at the end
        largest_first = dict(sorted(work.items(), key=lambda item: -len(item[1])))
        with _layout_pool(workers) as pooled:
            results.update(pooled.lay_out(largest_first))
    else:
        results.update((path, lay_out(text)) for path, text in work.items())
    return results


def format_files(files: FileSet, *, layout: bool = True, early: EarlyLayout | None = None) -> FileSet:
    """FILES formatted. With `layout` (rendered files: black's layout but for long lines) black
    runs only where layout declines; without it, on every Python file. EARLY: layout started
    while rendering (layout_workers), used where it was computed from the same text."""
    cache = _cache_dir()
    done: dict[str, str] = {}
    missing: list[str] = []
    paths = [path for path in files if path.endswith(".py") and path not in files.formatted]
    laid_out = _lay_out_all({path: files[path] for path in paths}, early) if layout else {}
    for path in paths:
        laid = laid_out.get(path)
        text = files[path]
        if laid is not None:
            done[path] = laid
            continue
        cached = _read_cached(cache / _key(text)) if cache is not None else None
        if cached is None:
            missing.append(path)
        else:
            done[path] = cached
    workers = min(_workers(), len(missing))
    texts = [files[path] for path in missing]
    if workers > 1 and len(missing) >= _PARALLEL_FROM:
        # Spawned, not forked: a forked worker would start as large as this process (the
        # parsed spec, the IR, every rendered file) and copy pages as its GC touches them.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = list(pool.map(_black, texts, chunksize=max(1, len(texts) // (workers * 4))))
    else:
        results = [_black(text) for text in texts]
    for path, text, (result, reason) in zip(missing, texts, results):
        if result is None:
            raise _invalid(path, reason)
        if cache is not None:
            _write_cached(cache / _key(text), result)
        done[path] = result
    return files.replace(done)
