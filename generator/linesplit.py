"""One over-long logical line -> the lines black splits it into (black's linegen, re-implemented).

This is black 26's stable-style splitting (right-hand split with omitted trailers and optional
parentheses, delimiter split, left-hand split for `def`, magic trailing commas, the "second
opinion" with forced optional parentheses) for lines without comments, multiline strings and
the few constructs `layout.parse_line` refuses. Leaves are mutable as black's are: a split makes
optional parentheses visible on the shared leaf objects, and later decisions see that, as in
black. `tests/test_layout.py` checks it against black itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .linemodel import (
    COMMA_PRIORITY,
    DOT_PRIORITY,
    GENERATION,
    LINE_LENGTH,
    OPENING,
    Leaf,
    Line,
    _is_op,
    _one_sequence_between,
    is_short_enough,
    str_width,
)


class CannotSplit(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# the transforms (black's linegen, for lines without comments or multiline strings)


def transform_line(line: Line, force_optional_parens: bool = False) -> list[Line]:
    line_str = str(line)
    if not line.should_split_rhs and not line.magic_trailing_comma and str_width(line_str) <= LINE_LENGTH:
        return [line]
    if line.is_def and not _funcdef_splits_with_rhs(line):
        transforms = [left_hand_split]
    elif line.inside_brackets:
        transforms = [delimiter_split, right_hand_split_with_omits]
    else:
        transforms = [right_hand_split_with_omits]
    for transform in transforms:
        try:
            return _run_transformer(line, transform, force_optional_parens, line_str)
        except CannotSplit:
            continue
    return [line]


def _run_transformer(line: Line, transform, force: bool, line_str: str) -> list[Line]:  # type: ignore[no-untyped-def]
    optional_parens = [bracket for bracket in line.tracker.invisible if bracket.bracket_depth == 0]
    result: list[Line] = []
    for transformed in transform(line, force):
        if str(transformed) == line_str:
            raise CannotSplit("unchanged")
        result.extend(transform_line(transformed, force))
    if (
        force
        or transform is not right_hand_split_with_omits
        or not line.tracker.invisible
        or any(bracket.value for bracket in optional_parens)
        or is_short_enough(result[0])
    ):
        return result
    # black's "second opinion": the same split with optional parentheses forced
    line_copy = line.clone()
    for leaf in line.leaves:
        line_copy.append(leaf.copy())
    second = _run_transformer(line_copy, transform, True, line_str)
    if all(is_short_enough(each) for each in second):
        return second
    return result


def _funcdef_splits_with_rhs(line: Line) -> bool:
    """A magic trailing comma in the return annotation: black splits the def on the right."""
    returns: list[Leaf] = []
    in_return = False
    for leaf in line.leaves:
        if _is_op(leaf, ":"):
            in_return = False
        if in_return:
            returns.append(leaf)
        if leaf.kind == "OP" and leaf.value == "->":
            in_return = True
    probe = Line(line.depth)
    inside = _leaves_inside_matching_brackets(returns)
    for leaf in returns:
        probe.append(leaf, preformatted=True, track_bracket=id(leaf) in inside)
    first_visible = next((leaf for leaf in returns if leaf.value), None)
    return probe.magic_trailing_comma is not None or (
        first_visible is not None and first_visible.kind == "STRING" and not is_short_enough(probe)
    )


def _leaves_inside_matching_brackets(leaves: list[Leaf]) -> set[int]:
    """Ids of the leaves inside bracket pairs that both open and close within `leaves`."""
    start = next((i for i, leaf in enumerate(leaves) if leaf.opening), None)
    if start is None:
        return set()
    ids: set[int] = set()
    stack: list[tuple[str, list[int]]] = []
    for leaf in leaves[start:]:
        if leaf.opening:
            stack.append((OPENING[leaf.btype], [id(leaf)]))
        elif leaf.closing:
            if stack and leaf.btype == stack[-1][0]:
                _, level = stack.pop()
                level.append(id(leaf))
                ids.update(level)
            else:
                break
        elif stack:
            stack[-1][1].append(id(leaf))
    return ids


@dataclass
class RHS:
    head: Line
    body: Line
    tail: Line
    opening: Leaf
    closing: Leaf


def left_hand_split(line: Line, force: bool) -> Iterator[Line]:
    for kind in ("(", "["):
        tail: list[Leaf] = []
        body: list[Leaf] = []
        head: list[Leaf] = []
        current = head
        matching: Leaf | None = None
        for leaf in line.leaves:
            if current is body and leaf.closing and leaf.opening_bracket is matching and matching is not None:
                _ensure_visible(leaf)
                _ensure_visible(matching)
                current = tail if body else head
            current.append(leaf)
            if current is head and leaf.opening and leaf.btype == kind:
                matching = leaf
                current = body
        if matching is not None and tail:
            break
    if matching is None or not tail:
        raise CannotSplit("no brackets")
    parts = [
        _build_line(head, line, matching, "head"),
        _build_line(body, line, matching, "body"),
        _build_line(tail, line, matching, "tail"),
    ]
    _succeeded_or_raise(*parts)
    yield from (part for part in parts if part)


def right_hand_split(line: Line, force: bool, omit: frozenset[int] = frozenset()) -> Iterator[Line]:
    rhs = _first_right_hand_split(line, omit)
    yield from _maybe_split_omitting_optional_parens(rhs, line, force, omit)


def right_hand_split_with_omits(line: Line, force: bool) -> Iterator[Line]:
    first_lines: list[Line] | None = None
    prefix_lengths: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        prefix_lengths[id(leaf)] = length
        length += len(leaf.prefix) + len(leaf.value)
    for omit in _trailers_to_omit(line):
        if omit:
            target: Leaf | None = None
            for leaf in reversed(line.leaves):
                if leaf.closing and id(leaf) not in omit:
                    target = leaf.opening_bracket
                    break
            if target is not None and target.value and prefix_lengths.get(id(target), 0) > LINE_LENGTH:
                continue
        lines = list(right_hand_split(line, force, omit))
        if first_lines is None and not omit:
            first_lines = lines
        if is_short_enough(lines[0]):
            yield from lines
            return
    if first_lines is not None:
        yield from first_lines
    else:
        yield from right_hand_split(line, force)


def _first_right_hand_split(line: Line, omit: frozenset[int]) -> RHS:
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening: Leaf | None = None
    closing: Leaf | None = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.closing and id(leaf) not in omit:
            opening = leaf.opening_bracket
            closing = leaf
            current = body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    result = RHS(
        _build_line(head, line, opening, "head"),
        _build_line(body, line, opening, "body"),
        _build_line(tail, line, opening, "tail"),
        opening,
        closing,
    )
    _succeeded_or_raise(result.head, result.body, result.tail)
    return result


def _maybe_split_omitting_optional_parens(rhs: RHS, line: Line, force: bool, omit: frozenset[int]) -> Iterator[Line]:
    if (
        not force
        and rhs.opening.role == "lpar" and not rhs.opening.value
        and rhs.closing.role == "rpar" and not rhs.closing.value
        and not line.is_import
        and _can_omit_invisible_parens(rhs)
    ):
        omit = frozenset({id(rhs.closing), *omit})
        try:
            rhs_oop = _first_right_hand_split(line, omit)
            if _prefer_split_rhs_oop_over_rhs(rhs_oop, rhs):
                yield from _maybe_split_omitting_optional_parens(rhs_oop, line, force, omit)
                return
        except CannotSplit as error:
            if line.is_chained_assignment():
                pass
            elif not _can_be_split(rhs.body) and not is_short_enough(rhs.body):
                raise CannotSplit("body too long and unsplittable") from error
    _ensure_visible(rhs.opening)
    _ensure_visible(rhs.closing)
    for part in (rhs.head, rhs.body, rhs.tail):
        if part:
            yield part


def _prefer_split_rhs_oop_over_rhs(rhs_oop: RHS, rhs: RHS) -> bool:
    head = rhs.head.leaves
    if not (len(head) >= 2 and _is_op(head[-2], "=")):
        return True
    if not any(leaf.opening or leaf.closing for leaf in head[:-1]):
        return True
    if str_width(str(rhs.head)) > LINE_LENGTH - 1:
        return True
    if rhs.head.magic_trailing_comma is not None:
        return True
    equals = sum(1 for leaf in head if _is_op(leaf, "="))
    oop_equals = sum(1 for leaf in rhs_oop.head.leaves if _is_op(leaf, "="))
    if equals > 1 and equals > oop_equals:
        return False
    closing_after_assign = False
    for leaf in reversed(rhs_oop.head.leaves):
        if _is_op(leaf, "="):
            break
        if leaf.closing:
            closing_after_assign = True
            break
    return closing_after_assign or (
        any(_is_op(leaf, "=") for leaf in rhs_oop.head.leaves) and is_short_enough(rhs_oop.head)
    )


def _can_be_split(line: Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == "STRING" and _is_op(leaves[1], "."):
        calls = dots = 0
        following = leaves[-1]
        for leaf in leaves[-2::-1]:
            if leaf.opening:
                if not following.closing:
                    return False
                calls += 1
            elif _is_op(leaf, "."):
                dots += 1
            elif leaf.kind == "NAME":
                if not (_is_op(following, ".") or following.opening):
                    return False
            elif not leaf.closing:
                return False
            if dots > 1 and calls > 1:
                return False
            following = leaf
    return True


def _can_omit_invisible_parens(rhs: RHS) -> bool:
    line = rhs.body
    tracker = line.tracker
    if not tracker.delimiters:
        return True
    max_priority = tracker.max_priority()
    count = tracker.count_with_priority(max_priority)
    if count > 1:
        return False
    if max_priority == DOT_PRIORITY:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.opening and not second.closing:
        if _can_omit_opening_paren(line, first):
            return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.btype == ")" or last.btype == "}" or (
        last.btype == "]" and last.opening_bracket is not None and last.opening_bracket.parent != "trailer"
    ):
        if penultimate.opening:
            return False
        if _can_omit_closing_paren(line, last):
            return True
    return False


def _can_omit_opening_paren(line: Line, first: Leaf) -> bool:
    remainder = False
    length = 4 * line.depth
    index = -1
    for index, leaf in enumerate(line.leaves):
        if leaf.closing and leaf.opening_bracket is first:
            remainder = True
        if remainder:
            length += len(leaf.prefix) + len(leaf.value)
            if length > LINE_LENGTH:
                return False
            if leaf.opening:
                remainder = False
    return len(line.leaves) == index + 1


def _can_omit_closing_paren(line: Line, last: Leaf) -> bool:
    length = 4 * line.depth
    seen_other_brackets = False
    for leaf in line.leaves:
        length += len(leaf.prefix) + len(leaf.value)
        if leaf is last.opening_bracket:
            if seen_other_brackets or length <= LINE_LENGTH:
                return True
        elif leaf.opening:
            seen_other_brackets = True
    return False


def _succeeded_or_raise(head: Line, body: Line, tail: Line) -> None:
    tail_len = len(str(tail).strip())
    if not body:
        if tail_len == 0:
            raise CannotSplit("same line")
        if tail_len < 3:
            raise CannotSplit("not worth it")


def _ensure_trailing_comma(leaves: list[Leaf], original: Line, opening: Leaf) -> bool:
    if not leaves:
        return False
    if original.is_import:
        return True
    if not original.is_def or opening.value != "(":
        return False
    if any(leaf.comma and not leaf.annotation for leaf in leaves):
        return False
    return leaves[0].annotation != "return"


def _build_line(leaves: list[Leaf], original: Line, opening: Leaf, component: str) -> Line:
    result = Line(original.depth)
    if component == "body":
        result.inside_brackets = True
        result.depth += 1
        if _ensure_trailing_comma(leaves, original, opening) and not leaves[-1].comma:
            comma = Leaf("OP", ",", "")
            leaves = [*leaves, comma]
    if component == "body":
        result.extend_tracked(leaves)
    elif component == "head":
        inside = _leaves_inside_matching_brackets(leaves)
        for leaf in leaves:
            result.append(leaf, preformatted=True, track_bracket=id(leaf) in inside)
    else:
        result.leaves.extend(leaves)  # a tail tracks nothing: preformatted, outside brackets
    if component == "body" and _should_split_line(result, opening):
        result.should_split_rhs = True
    return result


def _should_split_line(line: Line, opening: Leaf) -> bool:
    exclude: set[int] = set()
    trailing_comma = False
    if not line.leaves:
        return False
    last = line.leaves[-1]
    if last.comma:
        trailing_comma = True
        exclude.add(id(last))
    try:
        max_priority = line.tracker.max_priority(frozenset(exclude))
    except ValueError:
        return False
    return max_priority == COMMA_PRIORITY and (trailing_comma or opening.parent in ("atom", "import"))


def _trailers_to_omit(line: Line) -> Iterator[frozenset[int]]:
    omit: set[int] = set()
    if not line.magic_trailing_comma:
        yield frozenset(omit)
    length = 4 * line.depth
    opening: Leaf | None = None
    closing: Leaf | None = None
    inner: set[int] = set()
    leaves = line.leaves
    for index in range(len(leaves) - 1, -1, -1):
        leaf = leaves[index]
        length += len(leaf.prefix) + len(leaf.value)
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.closing:
                prev = leaves[index - 1] if index > 0 else None
                if prev is not None and prev.comma and leaf.opening_bracket is not None \
                        and not _one_sequence_between(leaf.opening_bracket, leaf, leaves, "("):
                    break
                inner.add(id(leaf))
        elif leaf.closing:
            prev = leaves[index - 1] if index > 0 else None
            if prev is not None and prev.opening:
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield frozenset(omit)
            if prev is not None and prev.comma and leaf.opening_bracket is not None \
                    and not _one_sequence_between(leaf.opening_bracket, leaf, leaves, "("):
                break
            if leaf.value:
                opening = leaf.opening_bracket
                closing = leaf


def delimiter_split(line: Line, force: bool) -> Iterator[Line]:
    if not line.leaves:
        raise CannotSplit("empty")
    last_leaf = line.leaves[-1]
    tracker = line.tracker
    try:
        priority = tracker.max_priority(frozenset({id(last_leaf)}))
    except ValueError:
        raise CannotSplit("no delimiters") from None
    if priority == DOT_PRIORITY and tracker.count_with_priority(priority) == 1:
        raise CannotSplit("a single attribute")
    if not line.inside_brackets:
        raise CannotSplit("delimiter_split is for lines inside brackets")
    delimiters = tracker.delimiters
    start = 0
    leaves = line.leaves
    for index, leaf in enumerate(leaves):
        if delimiters.get(id(leaf)) == priority:
            current = Line(line.depth, True)
            current.extend_tracked(leaves[start:index + 1])
            _clear_prefix(current.leaves[0])
            yield current
            start = index + 1
    if start < len(leaves):
        rest = leaves[start:]
        if priority == COMMA_PRIORITY and not rest[-1].comma:
            rest.append(Leaf("OP", ",", ""))
        current = Line(line.depth, True)
        current.extend_tracked(rest)
        _clear_prefix(current.leaves[0])
        yield current


def _clear_prefix(leaf: Leaf) -> None:
    """Black's dont_increase_indentation: the first leaf of a split line loses its space
    (on the shared leaf, so the line it came from reads differently from now on, as in black)."""
    if leaf.prefix:
        leaf.prefix = ""
        GENERATION[0] += 1


def _ensure_visible(leaf: Leaf) -> None:
    if leaf.role and not leaf.value:
        leaf.value = "(" if leaf.role == "lpar" else ")"
        GENERATION[0] += 1
