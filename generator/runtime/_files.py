"""Request bodies that are not JSON: form-urlencoded, multipart (with file uploads), raw bytes, text.

A file can be given as `bytes`, an open binary file, a path (`pathlib.Path`), or a tuple
`(filename, content)` / `(filename, content, media_type)` whose content is any of those.
"""

from __future__ import annotations

import io
import os
import json
from typing import (
    IO,
    Dict,
    List,
    Tuple,
    Union,
    Mapping,
    Optional,
    Collection,
    NamedTuple,
)
from pathlib import Path, PurePath
from urllib.parse import urlencode

import httpx

from ._qs import Querystring
from ._types import Omit, NotGiven
from ._serialize import query_styles

__all__ = [
    "FileContent",
    "FileTypes",
    "EncodedBody",
    "form_body",
    "multipart_body",
    "binary_body",
    "text_body",
]

FileContent = Union[bytes, IO[bytes], PurePath]
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
]


class EncodedBody(NamedTuple):
    content: bytes
    content_type: str


def _read(content: object) -> Tuple[Optional[str], bytes]:
    """(file name if known, bytes) of one file content."""
    if isinstance(content, (bytes, bytearray)):
        return None, bytes(content)
    if isinstance(content, str):
        return None, content.encode()
    if isinstance(content, (os.PathLike, PurePath)):
        path = Path(os.fspath(content))
        return path.name, path.read_bytes()
    if isinstance(content, io.IOBase):
        data = content.read()
        name = getattr(content, "name", None)
        name = os.path.basename(name) if isinstance(name, str) else None
        return name, data.encode() if isinstance(data, str) else bytes(data)
    raise TypeError(f"Expected file content as bytes, a file or a path, got {type(content).__name__}")


def _is_file_tuple(value: object) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) in (2, 3)
        and (value[0] is None or isinstance(value[0], str))
        and not isinstance(value[1], str)
    )


def _file_part(value: object, field: str, media_type: Optional[str] = None) -> Tuple[str, bytes, str]:
    """(file name, bytes, media type): a tuple's own type first, else `media_type` from the spec."""
    media_type = media_type or "application/octet-stream"
    if _is_file_tuple(value):
        items = list(value)  # type: ignore[call-overload]
        name, data = _read(items[1])
        name = items[0] if items[0] is not None else name
        if len(items) == 3 and items[2]:
            media_type = str(items[2])
    else:
        name, data = _read(value)
    return name or field, data, media_type


def _field_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (Mapping, list, tuple)):
        # OpenAPI's default for object and array parts is application/json
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _is_json(media_type: str) -> bool:
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")


def _given(data: Mapping[str, object]) -> Dict[str, object]:
    return {k: v for k, v in data.items() if not isinstance(v, (NotGiven, Omit)) and v is not None}


def _styled(data: Mapping[str, object], styles: Optional[Mapping[str, Tuple[str, bool]]]) -> Dict[str, object]:
    """The given fields, arrays and objects laid out by their `encoding` style (spec order kept)."""
    given = _given(data)
    return query_styles(given, styles) if styles else given


def multipart_body(
    data: Mapping[str, object],
    *,
    files: Collection[str] = (),
    part_types: Optional[Mapping[str, str]] = None,
    styles: Optional[Mapping[str, Tuple[str, bool]]] = None,
) -> EncodedBody:
    """multipart/form-data, one part per field in order; the fields named in `files` are file parts
    (a list: several). `part_types` (from the spec's `encoding`) gives a field's Content-Type: a
    JSON type sends the value as JSON, a file field's is the default for files given without one."""
    part_types = part_types or {}
    parts: List[Tuple[str, Tuple[Optional[str], bytes, Optional[str]]]] = []
    for name, value in _styled(data, styles).items():
        media_type = part_types.get(name)
        if name in files:
            many = isinstance(value, (list, tuple)) and not _is_file_tuple(value)
            for item in (list(value) if isinstance(value, (list, tuple)) and many else [value]):
                parts.append((name, _file_part(item, name, media_type)))
        elif media_type and _is_json(media_type):
            parts.append((name, (None, json.dumps(value, separators=(",", ":")).encode(), media_type)))
        elif isinstance(value, (list, tuple)) and all(not isinstance(v, (Mapping, list, tuple)) for v in value):
            parts.extend((name, (None, _field_text(item).encode(), media_type)) for item in value)
        else:
            parts.append((name, (None, _field_text(value).encode(), media_type)))
    if not parts:
        # nothing to send still makes a well-formed multipart body: just the closing boundary
        boundary = os.urandom(16).hex()
        return EncodedBody(
            f"--{boundary}--\r\n".encode(),
            f"multipart/form-data; boundary={boundary}",
        )
    # httpx writes a part without a file name (a plain field) when the name is None
    request = httpx.Request("POST", "http://localhost/", files=parts)
    return EncodedBody(request.read(), request.headers["Content-Type"])


def form_body(
    data: Mapping[str, object],
    content_type: str = "application/x-www-form-urlencoded",
    *,
    part_types: Optional[Mapping[str, str]] = None,
    styles: Optional[Mapping[str, Tuple[str, bool]]] = None,
) -> EncodedBody:
    """application/x-www-form-urlencoded: arrays repeat their key, objects nest as `a[b]=c`, unless
    the spec's `encoding` gives a field a style (`styles`) or a JSON Content-Type (sent as JSON text)."""
    fields = _styled(data, styles)
    for name, media_type in (part_types or {}).items():
        if name in fields and _is_json(media_type):
            fields[name] = json.dumps(fields[name], separators=(",", ":"))
    pairs = Querystring(array_format="repeat", nested_format="brackets").stringify_items(fields)
    return EncodedBody(urlencode(pairs).encode(), content_type)


def binary_body(content: object, content_type: str = "application/octet-stream") -> EncodedBody:
    """A raw body from bytes, a file, a path or a `(name, content[, type])` tuple."""
    _name, data, media_type = _file_part(content, "file")
    if _is_file_tuple(content) and len(content) == 3:  # type: ignore[arg-type]
        content_type = media_type
    return EncodedBody(data, content_type)


def text_body(text: object, content_type: str = "text/plain") -> EncodedBody:
    """A text body (text/plain, XML, ...), sent as UTF-8 unless the media type names a charset."""
    charset = "utf-8"
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip('"')
    if isinstance(text, (bytes, bytearray)):
        return EncodedBody(bytes(text), content_type)
    return EncodedBody(str(text).encode(charset), content_type)
