"""The lines black splits, as black models them: leaves, bracket tracking, delimiter priorities.

Leaves are mutable as black's are (a split makes optional parentheses visible on the shared
leaf objects) and every line caches its text until such a change; see linesplit.py.
"""

from __future__ import annotations


LINE_LENGTH = 120  # generator.format.LINE_LENGTH; the test keeps them equal

# Delimiter priorities, as black ranks them.
COMPREHENSION_PRIORITY = 20
COMMA_PRIORITY = 18
TERNARY_PRIORITY = 16
LOGIC_PRIORITY = 14
STRING_PRIORITY = 12
COMPARATOR_PRIORITY = 10
MATH_PRIORITIES = {
    "|": 9, "^": 8, "&": 7, "<<": 6, ">>": 6, "+": 5, "-": 5,
    "*": 4, "/": 4, "//": 4, "%": 4, "@": 4, "~": 3, "**": 2,
}
DOT_PRIORITY = 1
COMPARATORS = frozenset({"<", ">", "==", "!=", "<=", ">="})

OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = frozenset(OPENING.values())
BRACKETS = frozenset(OPENING) | CLOSING
class Leaf:
    """One token of a line; mutable like black's leaves (splits make optional parens visible)."""

    __slots__ = ("kind", "value", "prefix", "spacing", "bracket_depth", "opening_bracket", "parent",
                 "unary", "annotation", "role", "opening", "closing", "btype", "comma", "delim")

    def __init__(self, kind: str, value: str, spacing: str, role: str = "") -> None:
        self.kind = kind  # NAME, NUMBER, STRING, OP; brackets and "," are OP with their value
        self.value = value
        self.prefix = spacing
        self.spacing = spacing  # the space before it on one line: what black's whitespace() gives
        self.bracket_depth = 0
        self.opening_bracket: Leaf | None = None
        # for brackets: "atom" (a display or parenthesised expression), "trailer" (call or
        # subscript), "import" (the names of `from x import`), "params" (a def's), "class"
        self.parent = ""
        self.unary = False  # a prefix operator or a `*`/`**` unpacking: never a delimiter
        self.annotation = ""  # "param" or "return" inside a def's annotations
        # "lpar"/"rpar": parentheses black treats as optional (invisible until a split shows them)
        self.role = role
        if role:
            self.btype = "(" if role == "lpar" else ")"
        else:
            self.btype = value if kind == "OP" and value in BRACKETS else ""
        self.opening = self.btype in OPENING
        self.closing = self.btype in CLOSING
        self.comma = kind == "OP" and value == "," and not role
        # its delimiter priority when a line breaks before it (see settle); <0: depends on the previous leaf
        self.delim = 0

    def settle(self) -> None:
        """Fix `delim` once `parent` and `unary` are known (black's is_split_before_delimiter)."""
        self.delim = _static_priority(self)

    def copy(self) -> Leaf:
        twin = Leaf(self.kind, self.value, self.spacing, self.role)
        twin.parent, twin.unary, twin.annotation, twin.delim = self.parent, self.unary, self.annotation, self.delim
        return twin

    def __str__(self) -> str:
        return self.prefix + self.value


def str_width(text: str) -> int:
    """Display width, as black measures it (East Asian wide characters count two)."""
    if text.isascii():
        return len(text)
    from black.strings import str_width as black_width  # black's own table; rarely needed

    return int(black_width(text))


class BracketTracker:
    def __init__(self) -> None:
        self.depth = 0
        self.bracket_match: dict[tuple[int, str], Leaf] = {}
        self.delimiters: dict[int, int] = {}
        self.previous: Leaf | None = None
        self.invisible: list[Leaf] = []
        self.for_loop_depths: list[int] = []

    def mark(self, leaf: Leaf) -> None:
        depth = self.depth
        if leaf.closing:
            if depth == 0 and (0, leaf.btype) not in self.bracket_match:
                return
        elif self.for_loop_depths and leaf.kind == "NAME" and leaf.value == "in" and self.for_loop_depths[-1] == depth:
            # a comprehension's target, `for` to `in`, counts one level deeper (its commas do not split)
            depth -= 1
            self.for_loop_depths.pop()
        if leaf.closing:
            depth -= 1
            leaf.opening_bracket = self.bracket_match.pop((depth, leaf.btype))
            if not leaf.value:
                self.invisible.append(leaf)
        leaf.bracket_depth = depth
        if depth == 0:
            previous = self.previous
            priority = leaf.delim
            if priority < 0:
                priority = _dynamic_priority(leaf, previous)
            if priority and previous is not None:
                self.delimiters[id(previous)] = priority
            elif leaf.comma:
                self.delimiters[id(leaf)] = COMMA_PRIORITY
        if leaf.opening:
            self.bracket_match[depth, OPENING[leaf.btype]] = leaf
            depth += 1
            if not leaf.value:
                self.invisible.append(leaf)
        self.previous = leaf
        if leaf.kind == "NAME" and leaf.value == "for":
            depth += 1
            self.for_loop_depths.append(depth)
        self.depth = depth

    def max_priority(self, exclude: frozenset[int] = frozenset()) -> int:
        """The highest delimiter priority; ValueError when there is none (as black)."""
        return max(v for k, v in self.delimiters.items() if k not in exclude)

    def count_with_priority(self, priority: int = 0) -> int:
        if not self.delimiters:
            return 0
        priority = priority or self.max_priority()
        return sum(1 for p in self.delimiters.values() if p == priority)


_DOT, _STRING, _IN, _NOT = -1, -2, -3, -4  # priorities that depend on the previous leaf


def _static_priority(leaf: Leaf) -> int:
    if leaf.unary or leaf.role:
        return 0
    if leaf.kind == "OP":
        if leaf.value == ".":
            return _DOT
        if leaf.value in MATH_PRIORITIES:
            return MATH_PRIORITIES[leaf.value]
        return COMPARATOR_PRIORITY if leaf.value in COMPARATORS else 0
    if leaf.kind == "STRING":
        return _STRING
    if leaf.kind != "NAME":
        return 0
    if leaf.parent in ("comp_for", "comp_if"):
        return COMPREHENSION_PRIORITY
    if leaf.parent == "test" and leaf.value in ("if", "else"):
        return TERNARY_PRIORITY
    if leaf.value == "is":
        return COMPARATOR_PRIORITY
    if leaf.value == "in" and leaf.parent != "comp_in":
        return _IN
    if leaf.value == "not" and leaf.parent == "comp_op":
        return _NOT
    return LOGIC_PRIORITY if leaf.value in ("and", "or") else 0


def _dynamic_priority(leaf: Leaf, previous: Leaf | None) -> int:
    kind = leaf.delim
    if kind == _DOT:
        return DOT_PRIORITY if previous is None or previous.closing else 0
    if kind == _STRING:
        return STRING_PRIORITY if previous is not None and previous.kind == "STRING" else 0
    if kind == _IN:
        after_not = previous is not None and previous.kind == "NAME" and previous.value == "not"
        return 0 if after_not else COMPARATOR_PRIORITY
    after_is = previous is not None and previous.kind == "NAME" and previous.value == "is"
    return 0 if after_is else COMPARATOR_PRIORITY


# Bumped whenever a split shows optional parentheses: cached line texts are stale then.
GENERATION = [0]


class Line:
    def __init__(self, depth: int = 0, inside_brackets: bool = False) -> None:
        self._text: tuple[int, str] | None = None
        self.depth = depth
        self.inside_brackets = inside_brackets
        self.leaves: list[Leaf] = []
        self.tracker = BracketTracker()
        self.should_split_rhs = False
        self.magic_trailing_comma: Leaf | None = None

    def append(self, leaf: Leaf, preformatted: bool = False, track_bracket: bool = False) -> None:
        self._text = None
        leaves = self.leaves
        if not preformatted:
            prefix = leaf.spacing if leaves else ""
            if leaf.prefix != prefix:
                leaf.prefix = prefix
                GENERATION[0] += 1
        if self.inside_brackets or not preformatted or track_bracket:
            self.tracker.mark(leaf)
            if leaf.closing and leaves and leaves[-1].comma and self.has_magic_trailing_comma(leaf):
                self.magic_trailing_comma = leaf
        leaves.append(leaf)

    def extend_tracked(self, leaves: list[Leaf]) -> None:
        """append(leaf, preformatted=True) for each leaf of a line inside brackets, in one loop."""
        self._text = None
        own = self.leaves
        mark = self.tracker.mark
        for leaf in leaves:
            mark(leaf)
            if leaf.closing and own and own[-1].comma and self.has_magic_trailing_comma(leaf):
                self.magic_trailing_comma = leaf
            own.append(leaf)

    def has_magic_trailing_comma(self, closing: Leaf) -> bool:
        if not (closing.closing and self.leaves and self.leaves[-1].comma):
            return False
        kind = closing.btype
        if kind == "}":
            return True
        if kind == "]":
            opening = closing.opening_bracket
            return not (opening is not None and opening.parent == "trailer"
                        and _one_sequence_between(opening, closing, self.leaves, "["))
        if self.is_import:
            return True
        opening = closing.opening_bracket
        return opening is not None and not _one_sequence_between(opening, closing, self.leaves, "(")

    @property
    def is_import(self) -> bool:
        return bool(self.leaves) and self.leaves[0].kind == "NAME" and self.leaves[0].value == "from" \
            and self.leaves[0].parent == "import"

    @property
    def is_def(self) -> bool:
        if not self.leaves or self.leaves[0].kind != "NAME":
            return False
        first = self.leaves[0].value
        return first == "def" or (first == "async" and len(self.leaves) > 1 and self.leaves[1].value == "def")

    def is_chained_assignment(self) -> bool:
        return sum(1 for leaf in self.leaves if _is_op(leaf, "=")) > 1

    def clone(self) -> Line:
        twin = Line(self.depth, self.inside_brackets)
        twin.should_split_rhs = self.should_split_rhs
        twin.magic_trailing_comma = self.magic_trailing_comma
        return twin

    def __str__(self) -> str:
        cached = self._text
        if cached is not None and cached[0] == GENERATION[0]:
            return cached[1]
        if not self.leaves:
            return ""
        leaves = self.leaves
        first = leaves[0]
        text = first.prefix + "    " * self.depth + first.value + "".join([leaf.prefix + leaf.value for leaf in leaves[1:]])
        self._text = (GENERATION[0], text)
        return text

    def __bool__(self) -> bool:
        return bool(self.leaves)


def _is_op(leaf: Leaf, value: str) -> bool:
    return leaf.kind == "OP" and leaf.value == value and not leaf.role


def _one_sequence_between(opening: Leaf, closing: Leaf, leaves: list[Leaf], kind: str) -> bool:
    """Black's is_one_sequence_between: a one-tuple (or one-element subscript) between the pair."""
    if opening.btype != kind or closing.btype != OPENING[kind]:
        return False
    depth = closing.bracket_depth + 1
    try:
        start = next(i for i, leaf in enumerate(leaves) if leaf is opening)
    except StopIteration:
        return False
    commas = 0
    for leaf in leaves[start + 1:]:
        if leaf is closing:
            break
        if leaf.bracket_depth == depth and leaf.comma:
            commas += 1
            # commas of an argument or parameter list make it a list, not a one-tuple
            if opening.parent in ("trailer", "params", "class") and kind == "(":
                commas += 1
                break
    return commas < 2


def is_short_enough(line: Line) -> bool:
    return str_width(str(line)) <= LINE_LENGTH
