"""The rendering contract with black, as a reusable check.

Templates and views lay code out as black would, except for one thing: a physical line longer
than the line length is left whole (generator/layout.py splits those). So for a rendered
file, `black.format_str(text)` may differ from `text` only in hunks that replace long lines by
their split. `violations` returns every other hunk: each one is a place where a template or
view does not yet write black's layout.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import black

from generator.format import LINE_LENGTH, MODE


@dataclass(frozen=True)
class Hunk:
    """One place where black's output differs from the rendered text (1-based line numbers)."""

    path: str
    line: int  # first line of `before` in the rendered text
    before: tuple[str, ...]
    after: tuple[str, ...]

    def __str__(self) -> str:
        old = "".join(f"\n  - {line}" for line in self.before) or "\n  - (nothing)"
        new = "".join(f"\n  + {line}" for line in self.after) or "\n  + (nothing)"
        return f"{self.path}:{self.line}{old}{new}"


def _squeezed(lines: Iterable[str]) -> str:
    # what a split cannot change: the tokens, ignoring whitespace and the brackets/commas black adds
    return "".join("".join(lines).split()).replace(",", "").replace("(", "").replace(")", "")


def is_long_line_split(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether a hunk only splits lines longer than the line length (each into several lines)."""
    return (
        bool(before)
        and len(after) > len(before)
        and all(len(line) > LINE_LENGTH for line in before)
        and _squeezed(before) == _squeezed(after)
    )


def _anchors(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Pairs of lines that occur exactly once in each side, in an order both sides agree on
    (the longest increasing run: patience diff's anchors)."""
    counts: dict[str, list[int]] = {}
    for index, line in enumerate(old):
        counts.setdefault(line, [0, 0, index])[0] += 1
    for line in new:
        if line in counts:
            counts[line][1] += 1
    pairs = []
    for index, line in enumerate(new):
        entry = counts.get(line)
        if entry is not None and entry[0] == 1 and entry[1] == 1:
            pairs.append((entry[2], index))
    pairs.sort()
    # longest increasing subsequence of the new-side indices (patience sorting)
    tails: list[int] = []
    links: list[int] = []
    tops: list[int] = []
    for position, (_, index) in enumerate(pairs):
        slot = bisect.bisect_left(tails, index)
        links.append(tops[slot - 1] if slot else -1)
        if slot == len(tails):
            tails.append(index)
            tops.append(position)
        else:
            tails[slot], tops[slot] = index, position
    chain = []
    position = tops[-1] if tops else -1
    while position != -1:
        chain.append(pairs[position])
        position = links[position]
    return chain[::-1]


def _opcodes(old: list[str], new: list[str]) -> Iterable[tuple[int, int, int, int]]:
    """(i1, i2, j1, j2) of each changed region. Lines unique to both sides anchor the match
    first, so a 25,000-line file with many repeated lines is compared in linear time; difflib
    aligns only the short stretches between anchors."""
    bounds = [(-1, -1), *_anchors(old, new), (len(old), len(new))]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        matcher = difflib.SequenceMatcher(a=old[a0 + 1 : a1], b=new[b0 + 1 : b1], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                yield a0 + 1 + i1, a0 + 1 + i2, b0 + 1 + j1, b0 + 1 + j2


def hunks(path: str, text: str, formatted: str) -> list[Hunk]:
    """Every difference between `text` and black's `formatted` version of it."""
    old, new = text.splitlines(), formatted.splitlines()
    found = [Hunk(path, i1 + 1, tuple(old[i1:i2]), tuple(new[j1:j2])) for i1, i2, j1, j2 in _opcodes(old, new)]
    if not found and text != formatted:  # lines equal: only the final newline differs
        found.append(Hunk(path, len(old), ("(end of file)",), ("(black ends the file differently)",)))
    return found


def violations(path: str, text: str, formatted: str | None = None) -> list[Hunk]:
    """The hunks of one rendered Python file that black changes beyond splitting long lines
    (FORMATTED: black's output of TEXT, when the caller has it already)."""
    if formatted is None:
        try:
            formatted = black.format_str(text, mode=MODE)
        except black.InvalidInput as exc:  # not even Python: report the whole file
            return [Hunk(path, 1, ("(does not parse)",), (str(exc),))]
    if formatted == text:
        return []
    return [h for h in hunks(path, text, formatted) if not is_long_line_split(h.before, h.after)]


def python_files(files: Mapping[str, str], verbatim: Iterable[str] = ()) -> dict[str, str]:
    """The rendered Python files a check applies to (the runtime is copied as written: left out)."""
    skip = set(verbatim)
    return {path: text for path, text in files.items() if path.endswith(".py") and path not in skip}


def kind_of(hunk: Hunk) -> str:
    """A coarse label for counting violations by cause."""
    if all(not line.strip() for line in hunk.before + hunk.after):
        return "blank lines"
    if not [line for line in hunk.before if line.strip()] or not [line for line in hunk.after if line.strip()]:
        return "blank lines"
    first = hunk.before[0].strip()
    if first.startswith(('"""', "'''")) or hunk.before[-1].strip().endswith('"""'):
        return "docstring"
    word = first.split("(")[0].split(" ")[0].split("=")[0]
    return f"{word} ..." if word else "other"


def _main(argv: list[str]) -> int:
    """`python -m tests.black_contract SPEC [--sample N] [--show K]`: violations of one spec's SDK by kind."""
    import argparse
    import collections
    import random
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    from generator.ir.build import build_api
    from generator.pipeline import resolve_config, validated_document
    from generator.render import render_sdk

    parser = argparse.ArgumentParser(prog="python -m tests.black_contract")
    parser.add_argument("spec", type=Path)
    parser.add_argument("--sample", type=int, default=0, help="check only N random files (seeded)")
    parser.add_argument("--show", type=int, default=2, help="examples printed per kind")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    document = validated_document(args.spec)
    rendered = render_sdk(build_api(document.data, str(args.spec), resolve_config(args.spec, None)).api)
    files = python_files(rendered, rendered.formatted)
    paths = sorted(files)
    if args.sample:
        paths = sorted(random.Random(0).sample(paths, min(args.sample, len(paths))))
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(violations, paths, [files[p] for p in paths], chunksize=4))
    by_kind: dict[str, list[Hunk]] = collections.defaultdict(list)
    for found in results:
        for hunk in found:
            by_kind[kind_of(hunk)].append(hunk)
    total = sum(len(h) for h in by_kind.values())
    bad_files = sum(1 for found in results if found)
    print(f"{args.spec}: {len(paths)} files checked, {bad_files} with violations, {total} violating hunks")
    for kind, found in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        print(f"{len(found):7d}  {kind}")
        for hunk in found[: args.show]:
            print("         " + str(hunk).replace("\n", "\n         "))
    return 1 if total else 0


if __name__ == "__main__":
    import sys

    raise SystemExit(_main(sys.argv[1:]))
