from __future__ import annotations

import re
from typing import Mapping, Callable
from urllib.parse import quote

__all__ = ["path_template"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# "." or "..", each dot literal or percent-encoded
_DOT_SEGMENT = re.compile(r"^(?:\.|%2[eE]){1,2}$")

# RFC 3986 `pchar` minus unreserved (which `quote` never encodes): "/" is NOT safe in a segment
_SEGMENT_SAFE = "!$&'()*+,;=:@"
_QUERY_SAFE = "!$'()*+,;:@/?"
_FRAGMENT_SAFE = "!$&'()*+,;=:@/?"


def path_template(template: str, /, **params: object) -> str:
    """Fill the `{name}` placeholders of `template`, percent-encoding each value.

    `None` becomes `null` and booleans `true`/`false`. A constructed path with a `.` or `..`
    segment (also percent-encoded) is rejected with `ValueError`, before any request is sent.
    """
    rest, hash_mark, fragment = template.partition("#")
    path, question_mark, query = rest.partition("?")

    result = _fill(path, params, _SEGMENT_SAFE)
    for segment in result.split("/"):
        if _DOT_SEGMENT.match(segment):
            raise ValueError(f"Constructed path {result!r} contains dot-segment {segment!r} which is not allowed")
    if question_mark:
        result += "?" + _fill(query, params, _QUERY_SAFE)
    if hash_mark:
        result += "#" + _fill(fragment, params, _FRAGMENT_SAFE)
    return result


def _fill(template: str, params: Mapping[str, object], safe: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise KeyError("a value for placeholder {" + name + "} was not provided")
        return _to_text(params[name], lambda text: quote(text, safe=safe))

    return _PLACEHOLDER.sub(replace, template)


def _to_text(value: object, quoter: Callable[[str], str]) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return quoter(str(value))
