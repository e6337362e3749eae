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
    Any,
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


def _file_part(value: object, field: str) -> Tuple[str, bytes, str]:
    media_type = "application/octet-stream"
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


def _given(data: Mapping[str, object]) -> Dict[str, object]:
    return {k: v for k, v in data.items() if not isinstance(v, (NotGiven, Omit)) and v is not None}


def multipart_body(data: Mapping[str, object], *, files: Collection[str] = ()) -> EncodedBody:
    """multipart/form-data; the fields named in `files` are file parts (a list: several)."""
    fields: List[Tuple[str, str]] = []
    parts: List[Tuple[str, Tuple[str, bytes, str]]] = []
    for name, value in _given(data).items():
        if name in files:
            many = isinstance(value, (list, tuple)) and not _is_file_tuple(value)
            for item in (list(value) if isinstance(value, (list, tuple)) and many else [value]):
                parts.append((name, _file_part(item, name)))
        elif isinstance(value, (list, tuple)) and all(not isinstance(v, (Mapping, list, tuple)) for v in value):
            fields.extend((name, _field_text(item)) for item in value)
        else:
            fields.append((name, _field_text(value)))
    if not parts and not fields:
        # nothing to send still makes a well-formed multipart body: just the closing boundary
        boundary = os.urandom(16).hex()
        return EncodedBody(
            f"--{boundary}--\r\n".encode(),
            f"multipart/form-data; boundary={boundary}",
        )
    if not parts:
        # httpx only writes multipart when there are files: encode the fields as parts ourselves
        parts_of_fields: List[Tuple[str, Tuple[None, bytes, None]]] = [
            (name, (None, text.encode(), None)) for name, text in fields
        ]
        request = httpx.Request("POST", "http://localhost/", files=parts_of_fields)
    else:
        request = httpx.Request("POST", "http://localhost/", data=_grouped(fields), files=parts)
    return EncodedBody(request.read(), request.headers["Content-Type"])


def _grouped(fields: List[Tuple[str, str]]) -> Dict[str, Any]:
    grouped: Dict[str, Any] = {}
    for name, text in fields:
        if name in grouped:
            previous = grouped[name]
            grouped[name] = [*previous, text] if isinstance(previous, list) else [previous, text]
        else:
            grouped[name] = text
    return grouped


def form_body(data: Mapping[str, object], content_type: str = "application/x-www-form-urlencoded") -> EncodedBody:
    """application/x-www-form-urlencoded: arrays repeat their key, objects nest as `a[b]=c`."""
    pairs = Querystring(array_format="repeat", nested_format="brackets").stringify_items(_given(data))
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
