"""Request bodies: which media type an operation sends, how it is encoded, what it holds."""

from __future__ import annotations

from typing import Any

from .context import COLLECTION_FORMAT_KEY, SpecContext, escape, style_of
from .model import BodyEncoding, NullableType, ObjectType, PartEncoding, Primitive, RequestBody, Style
from .schemas import unwrap_nullable

# Preference when an operation offers several media types: the richest encoding first.
_PREFERENCE = (BodyEncoding.JSON, BodyEncoding.MULTIPART, BodyEncoding.FORM, BodyEncoding.TEXT, BodyEncoding.BINARY)


def encoding_of(media_type: str) -> BodyEncoding:
    """How a body of this media type is put on the wire (parameters such as charset ignored)."""
    essence = media_type.split(";", 1)[0].strip().lower()
    kind, _, subtype = essence.partition("/")
    if subtype == "json" or subtype.endswith("+json") or essence == "*/*":
        return BodyEncoding.JSON
    if essence == "application/x-www-form-urlencoded":
        return BodyEncoding.FORM
    if kind == "multipart":
        return BodyEncoding.MULTIPART
    if kind == "text" or subtype in ("xml", "yaml", "x-yaml", "javascript", "graphql", "sql") or subtype.endswith("+xml"):
        return BodyEncoding.TEXT
    return BodyEncoding.BINARY


def request_body(ctx: SpecContext, op: dict[str, Any], pointer: str) -> RequestBody | None:
    raw = ctx.deref(op.get("requestBody"))
    if not isinstance(raw, dict):
        return None
    content = raw.get("content") or {}
    if not isinstance(content, dict) or not content:
        return None
    offered = [str(media) for media in content]
    content_type = min(offered, key=lambda media: _PREFERENCE.index(encoding_of(media)))
    encoding = encoding_of(content_type)
    media = content.get(content_type) or {}
    schema = media.get("schema") if isinstance(media, dict) else None
    required = bool(raw.get("required"))
    description = str(raw.get("description") or "").strip()
    if content_type == "*/*":
        content_type = "application/json"
    if encoding in (BodyEncoding.BINARY, BodyEncoding.TEXT):
        # The schema of a raw body says little (`type: string, format: binary`); the
        # argument is bytes (or a file) for binary bodies and str for text ones.
        kind = "bytes" if encoding is BodyEncoding.BINARY else "str"
        return RequestBody(content_type, encoding, required, Primitive(kind, "binary"), "whole", description)
    if schema is None:
        if encoding is BodyEncoding.JSON:
            return RequestBody(content_type, encoding, required, None, "fields", description)
        schema = {"type": "object", "additionalProperties": True}
    where = f"{pointer}/requestBody/content/{escape(content_type)}/schema"
    type_ = ctx.schemas.convert(schema, where)
    shape = ctx.schemas.deref(unwrap_nullable(type_)[0])
    mode = "fields" if isinstance(shape, ObjectType) and not isinstance(type_, NullableType) else "whole"
    if encoding in (BodyEncoding.FORM, BodyEncoding.MULTIPART) and isinstance(shape, Primitive) and shape.kind == "str":
        # an already encoded body (`ingredientList=flour&servings=2`): sent as the text it is
        if encoding is BodyEncoding.MULTIPART:
            ctx.warn(
                f"a {content_type} body has a string schema: the SDK sends the string given as the whole body, "
                "and the caller must name the boundary in its Content-Type (extra_headers)",
                where,
                "give the body an object schema with one property per part",
                "body-shape",
            )
        return RequestBody(content_type, BodyEncoding.TEXT, required, Primitive("str"), "whole", description)
    if encoding in (BodyEncoding.FORM, BodyEncoding.MULTIPART) and mode == "whole":
        ctx.warn(
            f"a {content_type} body must be an object; its schema is not, so the body is sent as a mapping",
            where,
            "give the body an object schema",
            "body-shape",
        )
    parts = part_encodings(ctx, media, f"{pointer}/requestBody/content/{escape(content_type)}/encoding")
    return RequestBody(content_type, encoding, required, type_, mode, description, parts)


def part_encodings(ctx: SpecContext, media: Any, where: str) -> tuple[PartEncoding, ...]:
    """The media type's `encoding` map: a Content-Type per property, and a style for form bodies.

    `contentType` may list several types (`image/png, image/jpeg`): the first concrete one is
    what the SDK sends by default; a wildcard (`image/*`) names none.
    """
    raw = media.get("encoding") if isinstance(media, dict) else None
    if not isinstance(raw, dict):
        return ()
    parts = []
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            continue
        offered = [m.strip() for m in str(entry.get("contentType") or "").split(",")]
        content_type = next((m for m in offered if m and "*" not in m), "")
        styled = any(key in entry for key in ("style", "explode")) or COLLECTION_FORMAT_KEY in entry
        style, explode = style_of(entry, Style.FORM, f"{where}/{escape(str(name))}", ctx) if styled else (None, True)
        if content_type or style is not None:
            parts.append(PartEncoding(str(name), content_type, style, explode))
    return tuple(parts)
