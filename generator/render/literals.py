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


def pystr(value: object) -> str:
    """A double-quoted Python string literal equal to `str(value)`."""
    text = str(value)
    out = ['"']
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
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
    out.append('"')
    return "".join(out)


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
    cleaned = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char == "\\":
            cleaned.append("\\\\")
        elif char == '"':
            cleaned.append('\\"')
        elif char in "\n\t":
            cleaned.append(char)
        elif _unsafe(char):
            cleaned.append(_escape_char(char))
        else:
            cleaned.append(char)
    lines = [line.rstrip() for line in "".join(cleaned).expandtabs(4).strip().split("\n")]
    return "\n".join((indent + line) if line else "" for line in lines)


def comment(text: str) -> str:
    """One comment line's text: no newline can end the comment and start code."""
    flat = " ".join(text.split())
    return "".join(_escape_char(c) if _unsafe(c) else c for c in flat)


def pybytes(value: bytes) -> str:
    """A double-quoted bytes literal (as black writes it): printable ASCII as is, the rest escaped."""
    out = ['b"']
    for byte in value:
        char = chr(byte)
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(f"\\x{byte:02x}")
    out.append('"')
    return "".join(out)
