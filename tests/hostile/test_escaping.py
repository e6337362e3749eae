"""Every output format has its own escaper; each round-trips hostile text through its own parser."""

from __future__ import annotations

import ast
import html
import json
import re
import tomllib

import pytest

from generator.fileset import FileSet
from generator.output import Stamp, manifest_text
from generator.render.literals import _escape_char, _unsafe, comment, docstring_body, html_attribute, markdown_inline, py_literal, pystr, toml_str

HOSTILE = [
    "",
    'plain "quoted" \'single\'',
    '"""',
    "'''",
    "\\",
    "ends with backslash\\",
    'ends with quote"',
    "\\x41 \\u0041 \\N{BULLET} \\n",
    "line\nbreak\r\nand\rcarriage",
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f",
    "\u2028\u2029\u0085\ufeff\u202e\u200b",
    "lone \ud800 and \udfff",
    "\U0001f984 é 日本",
    "{{ jinja }} {% if %} {# c #}",
    "```python\nimport os\n```",
    "<script>alert(1)</script> & &amp; <!-- -->",
    "[link](javascript:alert(1)) ![img](x) | a | b |",
    "# heading\n- item\n> quote\n1. one",
    '"\n[tool.evil]\nx = 1\n"',
    "\t tabs \t",
]


def _toml_expected(text: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


@pytest.mark.parametrize("text", HOSTILE)
def test_python_literal_round_trips(text: str) -> None:
    assert ast.literal_eval(pystr(text)) == text
    assert ast.literal_eval(py_literal({text: [text, 1, None, True, 1.5]})) == {text: [text, 1, None, True, 1.5]}


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_and_comment_cannot_escape(text: str) -> None:
    source = f'def f():\n    """\n{docstring_body(text, "    ")}\n    """\n    # {comment(text)}\n    return 1\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 2  # docstring + return: nothing injected
    doc = ast.get_docstring(function, clean=False) or ""
    expected = _toml_expected(text)  # lone surrogates become U+FFFD in documentation, as in TOML
    assert "".join(doc.split()) == "".join(expected.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split())


@pytest.mark.parametrize("text", HOSTILE)
def test_toml_string_round_trips(text: str) -> None:
    document = f"title = {toml_str(text)}\nnext = 1\n"
    assert tomllib.loads(document) == {"title": _toml_expected(text), "next": 1}


def test_toml_uses_only_toml_escapes() -> None:
    # \x.. is a Python escape TOML rejects; the old escaper produced it for U+0085.
    assert "\\x" not in toml_str("\x85\x00\x1b") and tomllib.loads(f"a = {toml_str(chr(0x85))}")["a"] == "\x85"


_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_inline_is_one_line_of_literal_text(text: str) -> None:
    out = markdown_inline(text)
    assert "\n" not in out and "\r" not in out and "\u2028" not in out and "\x85" not in out
    # every markup character is escaped: none stands alone
    assert not re.search(r"(?<!\\)[<>\[\]`|*_#!&]", out.replace("\\\\", ""))
    # rendered (backslash escapes of punctuation show the character): the text on one line,
    # with invisible characters shown as escapes
    visible = _UNESCAPE.sub(r"\1", out)
    shown = "".join(_escape_char(c) if _unsafe(c) else c for c in " ".join(text.split()))
    assert visible == shown


@pytest.mark.parametrize("text", HOSTILE)
def test_html_attribute_round_trips(text: str) -> None:
    out = html_attribute(text)
    assert not set(out) & set('<>"`\n\r')
    assert html.unescape(out) == "".join(_escape_char(c) if _unsafe(c) or (c.isspace() and c != " ") else c for c in text)


@pytest.mark.parametrize("text", HOSTILE)
def test_manifest_json_round_trips(text: str) -> None:
    files = FileSet({"docs/a.md": "x"})  # escapers keep lone surrogates out of file text; FileSet refuses odd paths
    stamp = Stamp(spec_sha256=text, config_sha256=text, generator_version=text, generator_sha256=text, inputs=((text, text),))
    parsed = json.loads(manifest_text(files, stamp))
    assert parsed["spec_sha256"] == text and parsed["generator_version"] == text and list(parsed["files"]) == ["docs/a.md"]
    assert parsed["config_sha256"] == text and parsed["inputs"] == {text: text}
