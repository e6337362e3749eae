"""The only ways spec text reaches generated code: as a literal, a docstring or a comment.

Each function returns text that Python parses back to exactly the input, whatever the input
holds (quotes, backslashes, newlines, triple quotes, control and bidi characters), so a spec
can never inject code.
"""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Any


def _escape_char(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _unsafe(char: str) -> bool:
    # Controls, separators (U+2028...), format characters (bidi overrides) and surrogates
    # are escaped so the source reads the same in any editor and parses the same.
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD: documentation must be encodable as UTF-8
    (Python fails to create a class whose docstring holds one), literals keep them escaped."""
    if text.isascii():
        return text
    return "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)


# Documentation text (docstrings, comments) longer than this is cut: a spec with megabytes of
# description would otherwise cost minutes of formatting for a docstring nobody reads.
MAX_DOC_CHARS = 20_000
DOC_CUT_MARK = " [...]"


def _quote_for(text: str) -> str:
    # black's choice: double quotes, unless single quotes need fewer escapes
    return "'" if text.count('"') > text.count("'") else '"'


def pystr(value: object) -> str:
    """A Python string literal equal to `str(value)`, quoted as black would quote it."""
    text = str(value)
    quote = _quote_for(text)
    if text.isprintable():  # the common case, fast: no control, format or separator characters
        return quote + text.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote
    out = [quote]
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + quote)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif _unsafe(char):
            out.append(_escape_char(char))
        else:
            out.append(char)
    out.append(quote)
    return "".join(out)


def py_tuple(value: tuple[object, ...] | list[object] | str) -> str:
    """A (nested) tuple of strings as black writes it: `()`, `("a",)`, `("a", "b")`."""
    if isinstance(value, str):
        return pystr(value)
    items = [py_tuple(item) for item in value]  # type: ignore[arg-type]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def py_literal(value: Any) -> str:
    """A Python expression equal to a JSON value (str, number, bool, None, list, dict)."""
    if value is None:
        return "None"
    if value is True:
        return "True"
    if value is False:
        return "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f'float("{value}")'
        return repr(value)
    if isinstance(value, str):
        return pystr(value)
    if isinstance(value, bytes):
        return pybytes(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pystr(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    return pystr(json.dumps(value, default=str))


def docstring_body(text: str, indent: str = "") -> str:
    """Text safe inside a triple-double-quoted docstring, lines indented by `indent`.

    Backslashes and quote runs are escaped; a trailing quote or backslash cannot close the
    string early; whitespace at line ends is dropped (black would strip it anyway).
    """
    if len(text) > MAX_DOC_CHARS:
        text = text[:MAX_DOC_CHARS] + DOC_CUT_MARK
    text = without_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    if text.replace("\n", "").replace("\t", "").isprintable():
        # The common case, fast: isprintable() is False for every character _unsafe() escapes.
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    else:
        escaped = "".join(_docstring_char(char) for char in text)
    lines = [line.rstrip() for line in escaped.expandtabs(4).strip().split("\n")]
    return "\n".join((indent + line) if line else "" for line in lines)


def _docstring_char(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if char == '"':
        return '\\"'
    if char in "\n\t" or not _unsafe(char):
        return char
    return _escape_char(char)


def comment(text: str) -> str:
    """One comment line's text: no newline can end the comment and start code."""
    flat = " ".join(without_surrogates(text[: MAX_DOC_CHARS + 1]).split())
    if len(flat) > MAX_DOC_CHARS:
        flat = flat[:MAX_DOC_CHARS] + DOC_CUT_MARK
    if flat.isprintable():  # nothing _unsafe() would escape
        return flat
    return "".join(_escape_char(c) if _unsafe(c) else c for c in flat)


def toml_str(value: object) -> str:
    """A TOML basic string equal to `str(value)`.

    TOML allows only \\b \\t \\n \\f \\r \\" \\\\ \\uXXXX \\UXXXXXXXX escapes (no \\x), and no raw
    control characters; a lone surrogate cannot be represented at all, so it becomes U+FFFD.
    """
    out = ['"']
    for char in str(value):
        code = ord(char)
        if char in _TOML_SHORT:
            out.append(_TOML_SHORT[char])
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\ufffd")
        elif _unsafe(char) or code == 0x7F:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_TOML_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}

# CommonMark lets a backslash escape any ASCII punctuation, which then renders as itself.
_MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def markdown_inline(text: object) -> str:
    """Spec text as one line of literal Markdown: no markup, HTML, link, table cell or fence.

    Whitespace runs (newlines and Unicode line separators included) become one space, so the
    text cannot end a heading or table row; every ASCII punctuation character is
    backslash-escaped; invisible and control characters are shown as escapes.
    """
    flat = " ".join(str(text).split())
    out = []
    for char in flat:
        if char in _MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        elif _unsafe(char):
            out.append("\\" + _escape_char(char))
        else:
            out.append(char)
    return "".join(out)


def html_attribute(text: object) -> str:
    """Text inside a double-quoted HTML attribute on one Markdown line.

    Markup characters become entities; line breaks and invisible characters are shown as
    escapes (`\\n`, `\\x85`): HTML has no faithful numeric reference for C0/C1 controls.
    """
    out = []
    for char in str(text):
        if char in _HTML_ENTITIES:
            out.append(_HTML_ENTITIES[char])
        elif _unsafe(char) or (char.isspace() and char != " "):
            out.append(_escape_char(char))
        else:
            out.append(char)
    return "".join(out)


_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "`": "&#96;"}


def pybytes(value: bytes) -> str:
    """A bytes literal as black writes it: printable ASCII as is, the rest escaped."""
    quote = _quote_for(value.decode("latin-1"))
    out = ["b", quote]
    for byte in value:
        char = chr(byte)
        if char in (quote, "\\"):
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(f"\\x{byte:02x}")
    out.append(quote)
    return "".join(out)
