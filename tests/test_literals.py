"""Spec text can never become code: every literal parses back to exactly the input."""

import ast

import pytest

from generator.render.literals import comment, docstring_body, py_literal, pystr

HOSTILE = [
    'plain',
    'quote " and \' both',
    'backslash \\ at end \\',
    'newline\nimport os; os.system("x")',
    '"""triple""" and \'\'\'',
    'carriage\rreturn',
    'bidi \u202e override',
    'line sep \u2028 here',
    'nul \x00 byte',
    '{braces} and %s and {0}',
    'emoji 🙂',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_pystr_round_trips(text: str) -> None:
    assert ast.literal_eval(pystr(text)) == text
    assert "\n" not in pystr(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_cannot_escape(text: str) -> None:
    source = f'def f():\n    """\n{docstring_body(text, "    ")}\n    """\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1  # only the docstring: nothing was injected
    assert ast.get_docstring(function) is not None


@pytest.mark.parametrize("text", HOSTILE)
def test_comment_is_one_line(text: str) -> None:
    source = f"# {comment(text)}\nx = 1\n"
    tree = ast.parse(source)
    assert len(tree.body) == 1


def test_py_literal_json_values() -> None:
    value = {"a": [1, 2.5, True, None, "x\"y"], "b": {"c": False}}
    assert ast.literal_eval(py_literal(value)) == value
