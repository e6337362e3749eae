"""Derive the runtime's sync code from its async code, so only the async half is written by hand.

A runtime module keeps its async classes between `# unasync: async begin` and `# unasync: async end`;
the sync twins sit between `# unasync: sync begin` and `# unasync: sync end`, rewritten from the async
section by this module (httpcore's `scripts/unasync.py` is the model: a fixed table of token
substitutions, nothing clever). Inside the async section, the few places where the two halves
really differ are marked:

    # unasync: async-only      lines kept in the async half only
    # unasync: sync-only       commented-out lines that become code in the sync half
    # unasync: end             closes either block

`python -m generator.unasync` rewrites every derived section in place; `--check` changes nothing
and exits 1 when a derived section is out of date (the test suite runs it).
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

import black

from .format import MODE

RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"

ASYNC_BEGIN, ASYNC_END = "# unasync: async begin", "# unasync: async end"
SYNC_BEGIN = "# unasync: sync begin (derived from the async section above by `python -m generator.unasync`; do not edit)"
SYNC_END = "# unasync: sync end"
ASYNC_ONLY, SYNC_ONLY, BLOCK_END = "# unasync: async-only", "# unasync: sync-only", "# unasync: end"

# Whole-word substitutions, applied in this order. Names absent here keep their spelling.
_TOKENS: tuple[tuple[str, str], ...] = (
    ("_AsyncAPIResponseT", "_APIResponseT"),
    ("AsyncAPIResponse", "APIResponse"),
    ("AsyncResponseContextManager", "ResponseContextManager"),
    ("AsyncBinaryAPIResponse", "BinaryAPIResponse"),
    ("AsyncStream", "Stream"),
    ("_AsyncStreamT", "_StreamT"),
    ("AsyncAPIClient", "SyncAPIClient"),
    ("AsyncAPIResource", "SyncAPIResource"),
    ("BaseAsyncPage", "BaseSyncPage"),
    ("AsyncPageT", "SyncPageT"),
    ("AsyncHttpxClientWrapper", "SyncHttpxClientWrapper"),
    ("DefaultAsyncHttpxClient", "DefaultHttpxClient"),
    ("_DefaultAsyncHttpxClient", "_DefaultHttpxClient"),
    ("AsyncClient", "Client"),
    ("AsyncIterator", "Iterator"),
    ("AsyncGenerator", "Generator"),
    ("AsyncContextManager", "ContextManager"),
    ("asynccontextmanager", "contextmanager"),
    ("StopAsyncIteration", "StopIteration"),
    ("__aenter__", "__enter__"),
    ("__aexit__", "__exit__"),
    ("__aiter__", "__iter__"),
    ("__anext__", "__next__"),
    ("aclose", "close"),
    ("aread", "read"),
    ("aiter_bytes", "iter_bytes"),
    ("aiter_text", "iter_text"),
    ("aiter_lines", "iter_lines"),
    ("aiter_raw", "iter_raw"),
    ("async_to_raw_response_wrapper", "to_raw_response_wrapper"),
    ("async_to_streamed_response_wrapper", "to_streamed_response_wrapper"),
    ("async_maybe_transform", "maybe_transform"),
)
_TOKEN_RE = re.compile(r"\b(" + "|".join(re.escape(old) for old, _ in _TOKENS) + r")\b")
_TOKEN_MAP = dict(_TOKENS)
_KEYWORDS = (
    (re.compile(r"\basync (def|for|with)\b"), r"\1"),
    (re.compile(r"\bawait "), ""),
)
# What must not survive into a sync section (a missing table entry shows up here, not at run time).
_LEFTOVER = re.compile(r"async|await|Async\w*|anyio|aiter_\w+|a(?:read|close)|Awaitable|\w*_async_\w*")


class UnasyncError(Exception):
    pass


def _strip_awaitable(line: str) -> str:
    """`Awaitable[X]` -> `X` (brackets balanced, nested ones included)."""
    while (start := line.find("Awaitable[")) != -1:
        depth, index = 0, start + len("Awaitable")
        for index in range(start + len("Awaitable"), len(line)):
            depth += {"[": 1, "]": -1}.get(line[index], 0)
            if depth == 0:
                break
        else:
            raise UnasyncError(f"unbalanced `Awaitable[` in: {line.strip()}")
        line = line[:start] + line[start + len("Awaitable[") : index] + line[index + 1 :]
    return line


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _uncomment(line: str, shift: int) -> str:
    """A sync-only comment line as code, moved `shift` columns left (black may indent comments deeper)."""
    stripped = line.lstrip(" ")
    if stripped == "#":
        return ""
    if not stripped.startswith("# "):
        raise UnasyncError(f"a sync-only line must be a comment starting with '# ': {line.strip()}")
    return " " * max(_indent(line) - shift, 0) + stripped[2:]


def derive_sync(async_section: str) -> str:
    """The sync twin of an async section (unformatted; the caller formats the module)."""
    out: list[str] = []
    mode = "both"
    # The sync-only lines stand where the async-only ones stood: they take the indentation of the
    # block they replace (or of their marker), whatever indentation black gave the comments.
    replaced_indent: int | None = None
    shift: int | None = None
    for number, line in enumerate(async_section.splitlines(), 1):
        marker = line.strip()
        if mode == "async" and replaced_indent is None and marker:
            replaced_indent = _indent(line)
        if marker in (ASYNC_ONLY, SYNC_ONLY):
            if marker == ASYNC_ONLY:
                replaced_indent = None
            elif mode == "both":
                replaced_indent = _indent(line)
            shift = None
            # an async-only block may hand over straight to its sync-only replacement
            if mode != "both" and not (mode == "async" and marker == SYNC_ONLY):
                raise UnasyncError(f"line {number}: `{marker}` inside another unasync block")
            mode = "async" if marker == ASYNC_ONLY else "sync"
            continue
        if marker == BLOCK_END:
            if mode == "both":
                raise UnasyncError(f"line {number}: `{BLOCK_END}` without a block to close")
            mode = "both"
            continue
        if mode == "async":
            continue
        if mode == "sync":
            if shift is None and marker:
                shift = _indent(line) - (replaced_indent or 0)
            line = _uncomment(line, shift or 0)
        line = _TOKEN_RE.sub(lambda m: _TOKEN_MAP[m.group(1)], line)
        for pattern, replacement in _KEYWORDS:
            line = pattern.sub(replacement, line)
        out.append(_strip_awaitable(line))
    if mode != "both":
        raise UnasyncError(f"an unasync block is not closed with `{BLOCK_END}`")
    sync = "\n".join(out) + "\n"
    _refuse_leftovers(sync)
    return sync


def _refuse_leftovers(sync: str) -> None:
    """Code (not strings or comments) of the sync half must not mention async names."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(sync).readline))
    except (tokenize.TokenError, SyntaxError) as exc:
        raise UnasyncError(f"the derived sync section does not tokenize: {exc}") from None
    for token in tokens:
        if token.type == tokenize.NAME and _LEFTOVER.fullmatch(token.string):
            raise UnasyncError(
                f"derived line {token.start[0]}: `{token.string}` has no sync spelling: {token.line.strip()}"
            )


def _split(text: str, path: Path) -> tuple[str, str, str]:
    """(everything up to and including the async section, the async section, what follows the sync section)."""
    try:
        a_start = text.index(ASYNC_BEGIN + "\n") + len(ASYNC_BEGIN) + 1
        a_end = text.index(ASYNC_END + "\n", a_start)
    except ValueError:
        raise UnasyncError(f"{path}: no `{ASYNC_BEGIN}` ... `{ASYNC_END}` section") from None
    head = text[: a_end + len(ASYNC_END) + 1]
    rest = text[a_end + len(ASYNC_END) + 1 :]
    if SYNC_BEGIN in rest:
        s_start = rest.index(SYNC_BEGIN)
        s_end = rest.index(SYNC_END + "\n", s_start) + len(SYNC_END) + 1
        tail = rest[s_end:]
    else:
        tail = rest
    return head, text[a_start:a_end], tail


def rewrite(text: str, path: Path) -> str:
    """The module with its sync section derived afresh and the whole file formatted by black."""
    head, async_section, tail = _split(text, path)
    sync = derive_sync(async_section)
    module = f"{head}\n\n{SYNC_BEGIN}\n{sync}{SYNC_END}\n{tail}"
    try:
        return black.format_str(module, mode=MODE)
    except black.InvalidInput as exc:
        raise UnasyncError(f"{path}: the derived module does not parse: {exc}") from None


def twin_modules(root: Path = RUNTIME_DIR) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if ASYNC_BEGIN in p.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in twin_modules():
        text = path.read_text(encoding="utf-8")
        try:
            new = rewrite(text, path)
        except UnasyncError as exc:
            print(f"unasync: {exc}", file=sys.stderr)
            return 2
        if new != text:
            stale.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in stale:
        verb = "out of date" if check else "rewritten"
        print(f"unasync: {verb}: {path.relative_to(RUNTIME_DIR.parent.parent)}", file=sys.stderr)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
