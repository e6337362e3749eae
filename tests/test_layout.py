"""generator.layout splits over-long lines exactly as black does.

Random statements of the shapes generated code has (imports, annotated fields, calls with
keyword arguments, dict and list displays, subscripts, `return`, `assert`, `with`, defs and
their exploded parameters and `) -> Return:` tails, f-strings...) are put, as one long line, in
a small black-stable context; black formats the snippet and layout splits the line; both
must agree to the byte. A case layout declines (it returns None) must be rare and is counted.
"""

from __future__ import annotations

import random

import black
import pytest

from generator.format import LINE_LENGTH, MODE
from generator import layout
from generator.linemodel import LINE_LENGTH as SPLIT_LINE_LENGTH

WORDS = ["id", "name", "account_id", "resource_group", "x", "per_page", "page", "scope", "meta", "value",
         "organization_member_permissions", "items", "cursor", "enterprise", "key", "data_type"]
TYPES = ["str", "int", "bool", "object", "ResourceGroup", "ResourceGroupUpdateParams", "Omit", "NotGiven",
         "ActionActionsListWorkflowRunsForRepoResponse", "SecretScanningDelegatedBypassOptionsReviewer"]


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self) -> str:
        parts = self.rng.randint(1, 4)
        return "_".join(self.rng.choice(WORDS) for _ in range(parts))

    def cls(self) -> str:
        return "".join(part.capitalize() for part in self.word().split("_")) + self.rng.choice(["", "Response", "Params"])

    def string(self) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 8)))
        if self.rng.random() < 0.1:
            text = "/accounts/{account_id}/" + text.replace(" ", "/")
        return '"' + text + '"'

    def annotation(self, depth: int = 0) -> str:
        roll = self.rng.random()
        if depth > 2 or roll < 0.3:
            return self.rng.choice(TYPES + [self.cls()])
        if roll < 0.5:
            return f"Optional[{self.annotation(depth + 1)}]"
        if roll < 0.65:
            return f"List[{self.annotation(depth + 1)}]"
        if roll < 0.75:
            return f"Dict[str, {self.annotation(depth + 1)}]"
        if roll < 0.9:
            return "Literal[" + ", ".join(self.string() for _ in range(self.rng.randint(1, 12))) + "]"
        return "Union[" + ", ".join(self.annotation(depth + 1) for _ in range(self.rng.randint(2, 4))) + "]"

    def expr(self, depth: int = 0) -> str:
        roll = self.rng.random()
        if depth > 3 or roll < 0.25:
            return self.rng.choice([self.word(), self.string(), str(self.rng.randint(0, 9999)), "None", "True",
                                    f"{self.word()}.{self.cls()}", "-1"])
        if roll < 0.5:
            return self.call(depth + 1)
        if roll < 0.6:
            return "{" + ", ".join(f"{self.string()}: {self.expr(depth + 1)}" for _ in range(self.rng.randint(0, 6))) + "}"
        if roll < 0.7:
            return "[" + ", ".join(self.expr(depth + 1) for _ in range(self.rng.randint(0, 6))) + "]"
        if roll < 0.75:
            return f"{self.word()}[{self.expr(depth + 1)}]"
        if roll < 0.8:
            return f"{self.call(depth + 1)}.{self.word()}({self.expr(depth + 1)})"
        if roll < 0.82:
            return f"await {self.call(depth + 1)}"
        if roll < 0.85 and depth > 0:
            return f"{self.expr(depth + 1)} if {self.call(depth + 1)} else {self.expr(depth + 1)}"
        if roll < 0.9:
            return f'f"Expected {{{self.word()}!r}} for {self.word()}"'
        if roll < 0.92:
            return f"{self.expr(depth + 1)} == {self.expr(depth + 1)}"
        if roll < 0.95:
            condition = f" if {self.word()}" if self.rng.random() < 0.3 else ""
            return f"[{self.expr(depth + 1)} for {self.word()}, {self.word()} in {self.call(depth + 1)}{condition}]"
        return f"cast({self.annotation()}, {self.call(depth + 1)})"

    def call(self, depth: int = 0) -> str:
        name = self.rng.choice([self.word(), f"self._{self.word()}", f"client.{self.word()}.{self.word()}",
                                "maybe_transform", "path_template"])
        args = [self.expr(depth + 1) for _ in range(self.rng.randint(0, 3))]
        kwargs = [f"{self.word()}={self.expr(depth + 1)}" for _ in range(self.rng.randint(0, 4))]
        if self.rng.random() < 0.05:
            kwargs.append(f"**{self.word()}")
        return f"{name}({', '.join(args + kwargs)})"

    def param(self) -> str:
        annotation = self.annotation()
        if self.rng.random() < 0.3:
            annotation += " | Omit"
        default = self.rng.choice(["", " = omit", " = None", f" = {self.string()}"])
        return f"{self.word()}: {annotation}{default}"

    def statement(self) -> str:
        roll = self.rng.random()
        if roll < 0.1:
            names = ", ".join(self.cls() for _ in range(self.rng.randint(1, 8)))
            return f"from ..types.{self.word()} import {names}"
        if roll < 0.25:
            default = self.rng.choice(["", " = None", f" = {self.expr()}"])
            return f"{self.word()}: {self.annotation()}{default}"
        if roll < 0.4:
            return f"{self.word()} = {self.expr()}"
        if roll < 0.55:
            return f"return {self.expr()}"
        if roll < 0.65:
            return self.call()
        if roll < 0.72:
            return f"assert {self.expr()} == {self.expr()}"
        if roll < 0.8:
            return f"with {self.call()} as {self.word()}:"
        if roll < 0.9:
            params = ", ".join(["self", *(self.param() for _ in range(self.rng.randint(0, 4)))])
            returns = f" -> {self.annotation()}" if self.rng.random() < 0.8 else ""
            return f"{self.rng.choice(['def', 'async def'])} {self.word()}({params}){returns}:"
        return f"__all__ = [{', '.join(self.string() for _ in range(self.rng.randint(1, 12)))}]"


def _body(header: str, depth: int) -> str:
    """Black-stable lines that put the next line at DEPTH (an `if` chain)."""
    return "".join("    " * level + "if x:\n" for level in range(depth))


def _compare(snippet_before: str, line: str, snippet_after: str) -> tuple[str | None, str]:
    """(layout's text, black's text) of the snippet, blank lines left out: where black puts
    blank lines around the context is not what this test is about."""
    source = snippet_before + line + "\n" + snippet_after
    expected = black.format_str(source, mode=MODE)
    laid = layout.lay_out(source)
    return (None if laid is None else _no_blank_lines(laid)), _no_blank_lines(expected)


def _no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def _cases(count: int, seed: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    gen = Gen(rng)
    cases = []
    while len(cases) < count:
        depth = rng.randint(0, 3)
        indent = "    " * depth
        kind = rng.random()
        if kind < 0.5:
            statement = gen.statement()
            after = indent + "    pass\n" if statement.endswith(":") else ""
            cases.append((_body("", depth), indent + statement, after))
        elif kind < 0.7:
            # an item of an exploded call
            item = rng.choice([gen.expr(), f"{gen.word()}={gen.expr()}"]) + ","
            cases.append((_body("", depth) + indent + "x = foo(\n", indent + "    " + item, indent + ")\n"))
        elif kind < 0.85:
            # a parameter of an exploded def
            cases.append((_body("", depth) + indent + "def f(\n", indent + "    " + gen.param() + ",",
                          indent + ") -> None:\n" + indent + "    pass\n"))
        else:
            # the tail of an exploded def
            params = indent + "def f(\n" + indent + "    self,\n"
            cases.append((_body("", depth) + params, indent + f") -> {gen.annotation()}:", indent + "    pass\n"))
    return cases


def _run(count: int, seed: int) -> None:
    declined = 0
    compared = 0
    for before, line, after in _cases(count, seed):
        if len(line) <= LINE_LENGTH:
            continue
        laid, expected = _compare(before, line, after)
        if laid is None:
            declined += 1
            continue
        compared += 1
        assert laid == expected, f"layout differs from black for:\n{line}\n--- layout:\n{laid}\n--- black:\n{expected}"
    assert compared > count // 4, "too few long lines compared"
    assert declined <= compared // 10, f"layout declined {declined} of {compared + declined} long lines"


def test_line_length_matches_the_formatter() -> None:
    assert SPLIT_LINE_LENGTH == LINE_LENGTH


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_long_lines_split_as_black_does(seed: int) -> None:
    _run(500, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10, 30))
def test_many_random_long_lines_split_as_black_does(seed: int) -> None:
    _run(2000, seed)


def test_declines_what_it_does_not_model() -> None:
    long_args = ", ".join(f"argument_number_{i}" for i in range(12))
    assert layout.lay_out(f"x = y ** call({long_args})\n") is None  # black hugs power operands
    assert layout.lay_out(f"x = call({long_args})  # a comment\n") is None
    assert layout.lay_out(f"x = lambda: call({long_args})\n") is None


def test_leaves_docstrings_comments_and_short_lines_alone() -> None:
    text = (
        'def f() -> None:\n'
        '    """' + "word " * 40 + '\n'
        "    " + "more " * 40 + '\n'
        '    """\n'
        "    # " + "comment " * 30 + "\n"
        "    return None\n"
    )
    assert layout.lay_out(text) == text
