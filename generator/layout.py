"""Rendered Python -> the same text with every over-long line split exactly as black splits it.

Why: black costs ~60 ms a file and a big spec renders thousands of files, while the templates
already emit black's layout for everything but the lines that do not fit. Each such line is one
physical line holding a whole statement, one item of an exploded bracket (it ends with a comma),
or the `) -> Return:` tail of an exploded `def`. This module gives each the context black gives
it (invisible parentheses after `return`, `=` and annotation colons, around a return annotation
and a `from x import` list; inside brackets or not) and splits it with `linesplit`.

What it does not model (comments, lambdas, comprehensions, conditional expressions, `**`,
f-strings, quotes black would change...) makes `lay_out` return None: the caller then formats
that file with black, so the output is black's either way.

It relies on two properties of generated code: `\"\"\"` appears only as a docstring delimiter
(pystr and docstring_body escape every quote) and no comment holds spec text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from .linemodel import LINE_LENGTH, OPENING, Leaf, Line, str_width
from .linesplit import transform_line

# Words after which a bracket opens an expression (an atom), not a call or a subscript.
_KEYWORDS = frozenset({
    "and", "as", "assert", "await", "del", "elif", "else", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "raise", "return", "while", "with", "yield", "async", "def", "class",
    "pass", "break", "continue", "try", "except", "finally",
})
# Constructs black handles with machinery linesplit does not model.
_UNMODELLED_NAMES = frozenset({
    "lambda", "yield", "while", "elif", "del", "global", "nonlocal", "try", "except", "finally",
})
_UNMODELLED_OPS = frozenset({":=", ";", "\\", "@"})
_AUGMENTED = frozenset({"+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="})
_PLAIN_NUMBER = re.compile(r"[0-9_]*\.?[0-9_]*(e[+-]?[0-9_]+)?j?|0x[0-9A-F_]+|0o[0-7_]+|0b[01_]+")
_STRING_PREFIXES = frozenset({"", "b", "r", "rb", "br", "f", "rf", "fr"})
_TRIPLE = re.compile('"""')
_DEF_TAIL = re.compile(r"\)\s*->")
# The tokens of the Python the templates emit (strings on one line; no triple quotes here).
_TOKEN = re.compile(
    r"""(?P<space> *)(?:"""
    r"""(?P<string>[A-Za-z]{0,2}(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))"""
    r"""|(?P<number>0[xXoObB][0-9a-fA-F_]+|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9_]+)?[jJ]?)"""
    r"""|(?P<name>[^\W\d]\w*)"""
    r"""|(?P<op>\*\*=|//=|>>=|<<=|->|\.\.\.|\*\*|//|<<|>>|<=|>=|==|!=|:=|[-+*/%@&|^~<>=]=?|[()\[\]{},:;.])"""
    r""")"""
)


class Unmodelled(Exception):
    """A line `lay_out` does not split itself: the file goes to black."""


def needs_layout(text: str) -> bool:
    """Whether TEXT has a line that may be too wide (cheap: most files have none)."""
    return _may_be_too_wide(text.split("\n"), text.isascii())


def _may_be_too_wide(lines: list[str], ascii_only: bool) -> bool:
    widest = max(map(len, lines))
    return widest > LINE_LENGTH or (widest * 2 > LINE_LENGTH and not ascii_only)


def lay_out(text: str) -> str | None:
    """TEXT with each line wider than LINE_LENGTH split as black would; None when a line
    holds something this module does not model."""
    lines = text.split("\n")
    ascii_only = text.isascii()
    if not _may_be_too_wide(lines, ascii_only):
        return text
    if ascii_only:
        long = [i for i, line in enumerate(lines) if len(line) > LINE_LENGTH]
    else:
        long = [i for i, line in enumerate(lines) if _too_wide(line)]
    if not long:
        return text
    docstrings = _Docstrings(text, lines)
    if not docstrings.understood(text):
        return None
    replaced: dict[int, tuple[int, str]] = {}  # first line -> (lines it replaces, new text)
    try:
        for index in long:
            if index in docstrings:
                continue  # black never splits string contents
            split = _split(lines, index, docstrings)
            if split is not None:
                first, replacement = split
                replaced[first] = (index + 1 - first, replacement)
    except (Unmodelled, KeyError, IndexError, ValueError):
        return None  # black formats the file; the result is the same, only slower
    if not replaced:
        return text
    out = []
    index = 0
    while index < len(lines):
        if index in replaced:
            count, replacement = replaced[index]
            out.append(replacement)
            index += count
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)


def _too_wide(line: str) -> bool:
    if len(line) > LINE_LENGTH:
        return True
    # a character is at most two columns wide and at least two bytes long when it is not ASCII
    return len(line) * 2 > LINE_LENGTH and len(line.encode("utf-8")) > LINE_LENGTH and str_width(line) > LINE_LENGTH


class _Docstrings:
    """Which lines lie inside a triple-quoted string (or hold a delimiter of one)."""

    def __init__(self, text: str, lines: list[str]) -> None:
        self.lines = lines
        self.quotes = [match.start() for match in _TRIPLE.finditer(text)]
        self.offsets = [0, *itertools.accumulate(len(line) + 1 for line in lines)]

    def understood(self, text: str) -> bool:
        """False when a triple quote may sit in a comment, or `'''` appears: not modelled."""
        if "'''" in text:
            return False
        for position in self.quotes:
            line_start = text.rfind("\n", 0, position) + 1
            if "#" in text[line_start:position]:
                return False
        return True

    def __contains__(self, index: int) -> bool:
        before = bisect.bisect_left(self.quotes, self.offsets[index])
        return before % 2 == 1 or '"""' in self.lines[index]


def _split(lines: list[str], index: int, docstrings: _Docstrings) -> tuple[int, str] | None:
    """(first line replaced, replacement) for long line INDEX; None to keep it as it is.
    Lines from the first to INDEX are replaced (more than one for a def's long tail)."""
    line = lines[index]
    stripped = line.lstrip(" ")
    if stripped.startswith("#") or '"""' in stripped:
        return None  # comments and one-line docstrings stay as written
    indent = len(line) - len(stripped)
    if indent % 4 or "\t" in line[:indent]:
        raise Unmodelled("indentation")
    depth = indent // 4
    code = stripped.rstrip()
    if code[-1] in OPENING:
        # black splits a head line only when the whole statement allows it; not modelled
        raise Unmodelled("a long line ending in an opening bracket")
    first = index
    if code[0] in ")]}":
        if not _DEF_TAIL.match(code) or not code.endswith(":"):
            raise Unmodelled("a tail line other than a def's return annotation")
        # black splits the whole def again (its return annotation may gain a magic comma)
        first, code = _whole_def(lines, index, indent)
        kind = "statement"
    elif _inside_brackets(lines, index, docstrings):
        if not code.endswith(","):
            # a bracket's only content (e.g. a long message): black cannot split one token
            if len(_tokens(code)) == 1:
                return None
            raise Unmodelled("an item without a trailing comma")
        kind = "item"
    else:
        if code.endswith(","):
            raise Unmodelled("a statement ending with a comma")
        kind = "statement"
    split = _split_code(kind, code, depth)
    if split is None and first == index:
        return None
    return first, split if split is not None else "    " * depth + code


@lru_cache(maxsize=1 << 16)
def _split_code(kind: str, code: str, depth: int) -> str | None:
    """CODE (a statement or an item, at DEPTH) as black splits it; None when it stays one line.
    Cached: sync and async twins and tests repeat many long lines."""
    leaves = _statement_leaves(code) if kind == "statement" else _item_leaves(code)
    count = len(leaves)
    first_pass = transform_line(_context_line(kind, leaves, depth))
    if len(first_pass) == 1:
        return None
    if sum(len(line.leaves) for line in first_pass) == count:
        # no trailing comma was added: black's second pass would see this very line again
        return "\n".join(str(line) for line in first_pass)
    # black formats twice when the first pass changed anything: the trailing commas the first
    # pass added are magic in the second, which may split differently (e.g. on the right of a def)
    rejoined = [_second_pass_leaf(leaf) for line in first_pass for leaf in line.leaves]
    return "\n".join(str(each) for each in transform_line(_context_line(kind, rejoined, depth)))


def _second_pass_leaf(leaf: Leaf) -> Leaf:
    """LEAF as black's second pass reads it back: parentheses it showed around a statement's
    value or an annotation are optional again; shown around a conditional expression, real."""
    twin = leaf.copy()
    if leaf.role and leaf.parent == "test" and leaf.value:
        twin = Leaf("OP", leaf.value, leaf.spacing)
        twin.parent = "atom"
    elif leaf.role:
        twin.value = ""
    return twin


def _whole_def(lines: list[str], tail: int, indent: int) -> tuple[int, str]:
    """(index of its `def name(` line, the def as one line) for the def whose tail is TAIL."""
    items: list[str] = []
    index = tail - 1
    while index >= 0:
        line = lines[index]
        stripped = line.strip()
        own_indent = len(line) - len(line.lstrip(" "))
        if own_indent == indent and stripped.endswith("(") and (
            stripped.startswith("def ") or stripped.startswith("async def ")
        ):
            return index, stripped + " ".join(reversed(items)) + lines[tail].strip()
        if own_indent != indent + 4 or not stripped.endswith(",") or "#" in stripped:
            raise Unmodelled("a def tail after something other than one parameter per line")
        items.append(stripped)
        index -= 1
    raise Unmodelled("a def tail without its def")


def _context_line(kind: str, leaves: list[Leaf], depth: int) -> Line:
    """LEAVES as the line black's line generator (a statement) or splitter (an item of an
    exploded bracket) hands to its transforms."""
    leaves[0].prefix = ""
    if kind == "statement":
        line = Line(depth)
        for leaf in leaves:
            line.append(leaf)
        return line
    line = Line(depth, inside_brackets=True)
    for leaf in leaves:
        line.append(leaf, preformatted=True)
    return line


def _inside_brackets(lines: list[str], index: int, docstrings: _Docstrings) -> bool:
    previous = index - 1
    while previous >= 0 and (not lines[previous].strip() or (
        lines[previous].lstrip().startswith("#") and previous not in docstrings
    )):
        previous -= 1
    if previous < 0:
        return False
    before = lines[previous].rstrip()
    if before.endswith('"""'):
        return False
    if "#" in before:
        _tokens(before.strip())  # raises unless every "#" is inside a string (no comment)
    return before[-1] in "([{,"


# ---------------------------------------------------------------------------------------------
# tokens -> leaves with the context black's parse tree gives them


def _tokens(code: str) -> list[Leaf]:
    """CODE (one line, no triple-quoted string) as leaves; a regex, as `tokenize` costs ~10x."""
    leaves: list[Leaf] = []
    covered = 0
    for spacing, string, number, name, op in _TOKEN.findall(code):
        covered += len(spacing)
        if string:
            _check_string(string)
            leaves.append(Leaf("STRING", string, spacing))
            covered += len(string)
        elif number:
            if not _PLAIN_NUMBER.fullmatch(number):
                raise Unmodelled("a number black would normalise")
            leaves.append(Leaf("NUMBER", number, spacing))
            covered += len(number)
        elif name:
            leaves.append(Leaf("NAME", name, spacing))
            covered += len(name)
        elif op:
            leaves.append(Leaf("OP", op, spacing))
            covered += len(op)
        else:
            break  # only spaces matched: what follows is no token this module reads
    if covered != len(code) or not leaves:
        raise Unmodelled(f"cannot read {code[:40]!r}")
    leaves[0].spacing = leaves[0].prefix = ""
    return leaves


def _check_string(text: str) -> None:
    quote = min((i for i in (text.find('"'), text.find("'")) if i >= 0), default=0)
    if text[:quote] not in _STRING_PREFIXES or "\n" in text or not _black_keeps_quotes(text, text[:quote]):
        raise Unmodelled("a string black would change")


def _black_keeps_quotes(text: str, prefix: str) -> bool:
    """Whether black's quote normalisation leaves the one-line literal TEXT as it is: double
    quotes, unless single quotes need fewer escapes (no escape is ever removed or added)."""
    quote = text[len(prefix)]
    body = text[len(prefix) + 1:-1]
    if "'" not in body and '"' not in body and "\\" not in body:
        return quote == '"'  # the common case: nothing to escape either way
    other = "'" if quote == '"' else '"'
    if "r" in prefix:
        return quote == '"' or bool(re.search(rf"(([^\\]|^)(\\\\)*){other}", body))
    if re.search(rf"([^\\]|^)\\((?:\\\\)*){other}", body):
        return False  # an escape of the other quote: black removes it
    if "f" in prefix:
        return quote == '"'  # keep it simple: generated f-strings are double-quoted
    escapes_here = body.count("\\")
    swapped = re.sub(rf"([^\\]|^)\\((?:\\\\)*){quote}", rf"\1\2{quote}", body)
    swapped = re.sub(rf"([^\\]|^)\\((?:\\\\)*){quote}", rf"\1\2{quote}", swapped)
    unescaped_other = re.compile(rf"(([^\\]|^)(\\\\)*){other}")
    swapped = unescaped_other.sub(rf"\1\\{other}", unescaped_other.sub(rf"\1\\{other}", swapped))
    escapes_there = swapped.count("\\")
    if escapes_there > escapes_here:
        return True
    return escapes_there == escapes_here and quote == '"'


def _annotate(leaves: list[Leaf]) -> None:
    """Bracket kinds, unary operators and comparison `not`, as black reads them off the tree."""
    stack: list[Leaf] = []
    previous: Leaf | None = None
    comprehensions: list[int] = []  # bracket depths with a comprehension's `for` open
    awaiting_in: list[int] = []  # bracket depths whose `for` target has not reached its `in`
    conditionals: list[int] = []  # bracket depths of an `if` still waiting for its `else`
    for index, leaf in enumerate(leaves):
        if leaf.kind == "NAME" and leaf.value in _UNMODELLED_NAMES:
            raise Unmodelled(leaf.value)
        if leaf.kind == "NAME" and leaf.value in ("for", "if", "in"):
            # only comprehensions (`for`/`if` inside brackets); a conditional expression is not modelled
            depth = len(stack)
            if leaf.value == "for":
                if not depth or (previous is not None and previous.value == "async"):
                    raise Unmodelled("a for statement or an async comprehension")
                leaf.parent = "comp_for"
                comprehensions.append(depth)
                awaiting_in.append(depth)
            elif leaf.value == "in" and awaiting_in and awaiting_in[-1] == depth:
                leaf.parent = "comp_in"  # the `in` of `for x in`, not a comparison
                awaiting_in.pop()
            elif leaf.value == "if":
                if comprehensions and comprehensions[-1] == depth:
                    leaf.parent = "comp_if"
                else:
                    if conditionals and conditionals[-1] == depth:
                        raise Unmodelled("nested conditional expressions")
                    leaf.parent = "test"  # `a if b else c`
                    conditionals.append(depth)
        if leaf.kind == "NAME" and leaf.value == "else":
            if not (conditionals and conditionals[-1] == len(stack)):
                raise Unmodelled("else outside a conditional expression")
            leaf.parent = "test"
            conditionals.pop()
        if leaf.kind == "OP" and (leaf.value in _UNMODELLED_OPS or leaf.value in _AUGMENTED):
            raise Unmodelled(leaf.value)
        if leaf.kind == "OP" and leaf.value in ("-", "+", "~", "*", "**"):
            leaf.unary = previous is None or (previous.kind == "OP" and not previous.closing) or (
                previous.kind == "NAME" and previous.value in _KEYWORDS
            )
            if leaf.value == "**" and not leaf.unary:
                raise Unmodelled("the power operator")
        if leaf.kind == "NAME" and leaf.value == "not" and index + 1 < len(leaves) and leaves[index + 1].value == "in":
            leaf.parent = "comp_op"
        if leaf.opening:
            leaf.parent = _bracket_parent(leaves, index)
            stack.append(leaf)
        elif leaf.closing:
            if not stack or OPENING[stack[-1].value] != leaf.value:
                raise Unmodelled("unbalanced brackets")
            leaf.parent = stack.pop().parent
            while comprehensions and comprehensions[-1] > len(stack):
                comprehensions.pop()
        previous = leaf
    if stack or conditionals:
        raise Unmodelled("unbalanced brackets or a conditional without else")
    for leaf in leaves:
        leaf.settle()


def _wrap_conditionals(leaves: list[Leaf]) -> list[Leaf]:
    """Black's visit_test: `a if b else c` gets invisible parentheses of its own unless it is
    already the only thing inside a pair of parentheses."""
    index = 0
    while index < len(leaves):
        leaf = leaves[index]
        if leaf.kind == "NAME" and leaf.value == "if" and leaf.parent == "test":
            start = _slot_edge(leaves, index, -1)
            end = _slot_edge(leaves, index, +1)
            before = leaves[start - 1] if start > 0 else None
            after = leaves[end] if end < len(leaves) else None
            wrapped = before is not None and before.btype == "(" and after is not None and after.btype == ")" \
                and _matching(leaves, start - 1) == end
            if not wrapped:
                leaves = _invisible_parens(leaves, start, end, parent="test")
                index += 1
        index += 1
    return leaves


def _slot_edge(leaves: list[Leaf], index: int, step: int) -> int:
    """The first (step -1) or one-past-last (step +1) leaf of the expression around INDEX."""
    depth = 0
    position = index
    while 0 <= position + step < len(leaves):
        other = leaves[position + step]
        if step < 0 and other.closing or step > 0 and other.opening:
            depth += 1
        elif step < 0 and other.opening or step > 0 and other.closing:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (other.kind == "OP" and other.value in (",", "=", ":", "->")
                             or other.kind == "NAME" and other.value in ("return", "assert", "with", "as", "for")
                             or other.parent in ("comp_in", "comp_if")
                             or step < 0 and other.kind == "NAME" and other.value == "else"):
            break  # (a conditional in another's else branch is an expression of its own)
        position += step
    return position if step < 0 else position + 1


def _bracket_parent(leaves: list[Leaf], index: int) -> str:
    previous = leaves[index - 1] if index else None
    if previous is None:
        return "atom"
    if previous.kind == "NAME" and index >= 2 and leaves[index - 2].kind == "NAME":
        if leaves[index - 2].value == "def":
            return "params"
        if leaves[index - 2].value == "class":
            return "class"
    if previous.kind == "NAME" and previous.value in _KEYWORDS:
        return "import" if previous.value == "import" else "atom"
    if previous.kind in ("NAME", "STRING", "NUMBER") or previous.closing:
        return "trailer"
    return "atom"


def _matching(leaves: list[Leaf], start: int) -> int:
    depth = 0
    for index in range(start, len(leaves)):
        if leaves[index].opening:
            depth += 1
        elif leaves[index].closing:
            depth -= 1
            if depth == 0:
                return index
    raise Unmodelled("unbalanced brackets")


def _depth_zero(leaves: list[Leaf]) -> list[bool]:
    flags = []
    depth = 0
    for leaf in leaves:
        if leaf.closing:
            depth -= 1
        flags.append(depth == 0)
        if leaf.opening:
            depth += 1
    return flags


def _invisible_parens(leaves: list[Leaf], start: int, end: int, parent: str = "atom") -> list[Leaf]:
    """LEAVES with leaves[start:end] wrapped in black's invisible parentheses."""
    if start >= end:
        raise Unmodelled("an empty expression")
    first = leaves[start]
    if first.value == "(" and _matching(leaves, start) == end - 1:
        raise Unmodelled("a parenthesised expression black would make optional")
    zero = _depth_zero(leaves[start:end])
    if parent != "import" and any(flag and leaf.value == "," for flag, leaf in zip(zero, leaves[start:end])):
        raise Unmodelled("a tuple")
    lpar = Leaf("OP", "", first.spacing, role="lpar")
    lpar.parent = parent
    rpar = Leaf("OP", "", "", role="rpar")
    rpar.parent = parent
    first.spacing = first.prefix = ""
    return [*leaves[:start], lpar, *leaves[start:end], rpar, *leaves[end:]]


def _statement_leaves(code: str) -> list[Leaf]:
    leaves = _tokens(code)
    _annotate(leaves)
    first = leaves[0]
    if first.kind == "NAME" and (first.value == "def" or (first.value == "async" and leaves[1].value == "def")):
        leaves = _def_leaves(leaves)
    elif first.kind == "NAME" and first.value == "from":
        leaves = _import_from_leaves(leaves)
    elif first.kind == "NAME" and first.value == "return":
        if len(leaves) > 1:
            leaves = _invisible_parens(leaves, 1, len(leaves))
    elif first.kind == "NAME" and first.value == "assert":
        # `assert test, message`: black parenthesises both parts
        zero = _depth_zero(leaves)
        commas = [i for i, leaf in enumerate(leaves) if zero[i] and leaf.value == ","]
        if len(commas) > 1:
            raise Unmodelled("assert with a tuple")
        if commas:
            leaves = _invisible_parens(leaves, commas[0] + 1, len(leaves))
        leaves = _invisible_parens(leaves, 1, commas[0] if commas else len(leaves))
    elif first.kind == "NAME" and (first.value == "with" or (first.value == "async" and leaves[1].value == "with")):
        # one context manager (py39 targets): black wraps it, `as` target included, in invisible parens
        start = 1 if first.value == "with" else 2
        if leaves[-1].value != ":" or any(z and leaf.value == "," for z, leaf in zip(_depth_zero(leaves), leaves)):
            raise Unmodelled("a with statement black would treat otherwise")
        leaves = _invisible_parens(leaves, start, len(leaves) - 1)
    elif not (first.kind == "NAME" and first.value in ("class", "import", "raise", "await", "pass")):
        leaves = _assignment_leaves(leaves)
    return _wrap_conditionals(leaves)


def _assignment_leaves(leaves: list[Leaf]) -> list[Leaf]:
    """Invisible parentheses after each `=` of an assignment and after an annotation's colon."""
    zero = _depth_zero(leaves)
    marks = [i for i, leaf in enumerate(leaves) if zero[i] and leaf.kind == "OP" and leaf.value in ("=", ":")]
    if not marks:
        return leaves
    if any(leaves[i].value == ":" for i in marks[1:]) or (leaves[marks[0]].value == ":" and marks[0] == 0):
        raise Unmodelled("an unexpected colon")
    bounds = [*marks, len(leaves)]
    # wrap from the right so earlier indices stay valid
    for start, end in reversed(list(zip(bounds, bounds[1:]))):
        leaves = _invisible_parens(leaves, start + 1, end)
    return leaves


def _import_from_leaves(leaves: list[Leaf]) -> list[Leaf]:
    leaves[0].parent = "import"
    position = next((i for i, leaf in enumerate(leaves) if leaf.kind == "NAME" and leaf.value == "import"), None)
    if position is None or position + 1 >= len(leaves):
        raise Unmodelled("an import without names")
    names = leaves[position + 1]
    if names.value == "*":
        return leaves
    if names.value == "(":
        if _matching(leaves, position + 1) != len(leaves) - 1:
            raise Unmodelled("text after an import list")
        names.role, names.value, names.parent = "lpar", "", "import"
        closing = leaves[-1]
        closing.role, closing.value, closing.parent = "rpar", "", "import"  # still "(" and ")" brackets
        return leaves
    return _invisible_parens(leaves, position + 1, len(leaves), parent="import")


def _def_leaves(leaves: list[Leaf]) -> list[Leaf]:
    start = 2 if leaves[0].value == "def" else 3
    if leaves[0].value == "async" and (len(leaves) < 2 or leaves[1].value != "def"):
        raise Unmodelled("async outside a def")
    if len(leaves) <= start or leaves[start].value != "(":
        raise Unmodelled("a def without parameters, or with type parameters")
    close = _matching(leaves, start)
    _mark_param_annotations(leaves, start, close)
    for begin, end in reversed(_union_annotations(leaves, start + 1, close)):
        leaves = _invisible_parens(leaves, begin, end)
        close += 2
    if leaves[-1].value != ":":
        raise Unmodelled("a def with a body on the same line")
    if close + 1 < len(leaves) - 1:
        if leaves[close + 1].value != "->":
            raise Unmodelled("text after the parameters")
        for leaf in leaves[close + 2:-1]:
            leaf.annotation = "return"
        return _invisible_parens(leaves, close + 2, len(leaves) - 1)
    return leaves


def _mark_param_annotations(leaves: list[Leaf], start: int, close: int) -> None:
    depth = 0
    in_annotation = False
    for index in range(start + 1, close):
        leaf = leaves[index]
        if depth == 0:
            if leaf.value == ":" and leaf.kind == "OP":
                in_annotation = True
                following = leaves[index + 1]
                if following.opening:
                    raise Unmodelled("a bracketed parameter annotation")
                continue
            if leaf.value in (",", "=") and leaf.kind == "OP":
                in_annotation = False
            if leaf.value == "/":
                raise Unmodelled("positional-only parameters")
        if in_annotation:
            leaf.annotation = "param"
        if leaf.opening:
            depth += 1
        elif leaf.closing:
            depth -= 1


def _union_annotations(leaves: list[Leaf], start: int, end: int) -> list[tuple[int, int]]:
    """(begin, end) of each `name: A | B` parameter annotation in leaves[start:end]: black
    parenthesises such an annotation (an `expr` node) invisibly; a plain one it leaves alone."""
    spans = []
    depth = 0
    index = start
    while index < end:
        leaf = leaves[index]
        if depth == 0 and leaf.kind == "OP" and leaf.value == ":" and index > start and leaves[index - 1].kind == "NAME":
            stop = index + 1
            inner = 0
            union = False
            while stop < end:
                other = leaves[stop]
                if inner == 0 and other.kind == "OP" and other.value in (",", "="):
                    break
                if other.opening:
                    inner += 1
                elif other.closing:
                    inner -= 1
                elif inner == 0 and other.kind == "OP" and other.value == "|":
                    union = True
                stop += 1
            if union:
                spans.append((index + 1, stop))
            index = stop
            continue
        if leaf.opening:
            depth += 1
        elif leaf.closing:
            depth -= 1
        index += 1
    return spans


def _item_leaves(code: str) -> list[Leaf]:
    """One item of an exploded bracket: black splits it as a line inside brackets."""
    leaves = _tokens(code)
    _annotate(leaves)
    if leaves[0].kind == "NAME" and leaves[0].value in ("def", "class", "return", "from", "import"):
        raise Unmodelled("a statement where an item was expected")
    if len(leaves) > 2 and leaves[0].kind == "NAME" and leaves[1].value == ":":
        # a parameter of an exploded def (generated dicts have string keys)
        for begin, end in reversed(_union_annotations(leaves, 0, len(leaves))):
            leaves = _invisible_parens(leaves, begin, end)
    return _wrap_conditionals(leaves)
