"""Responses: which one a method returns (2xx first, `default` when there is none) and its type."""

from __future__ import annotations

from typing import Any

from ..config import Config
from .context import SpecContext, escape
from .model import ArrayType, ObjectType, PageStyle, Primitive, Response, ResponseKind, TypeRef
from .schemas import unwrap_nullable


def field_type(shape: TypeRef, wire_name: str) -> TypeRef | None:
    if not isinstance(shape, ObjectType):
        return None
    for prop in shape.properties:
        if prop.wire_name == wire_name:
            return prop.type
    return None


# 204 No Content and 205 Reset Content never carry a body; clients drop one if sent.
_NO_BODY_STATUSES = ("204", "205")


def _success(ctx: SpecContext, responses: dict[Any, Any]) -> tuple[str, dict[str, Any]] | None:
    """The documented success: the lowest 2xx (or 2XX), else `default` (often the only one)."""
    keys = {str(status): status for status in responses}
    candidates = sorted(s for s in keys if s.startswith("2")) + [s for s in keys if s.lower() == "default"]
    for status in candidates:
        resolved = ctx.deref(responses[keys[status]])
        if isinstance(resolved, dict):
            return status, resolved
    return None


def response(ctx: SpecContext, config: Config, op: dict[str, Any], pointer: str, page: PageStyle | None,
             *, head: bool = False) -> Response:
    """The response the method returns; HEAD: never a body (HTTP), whatever the spec declares."""
    responses = op.get("responses") or {}
    chosen = _success(ctx, responses) if isinstance(responses, dict) else None
    if chosen is None:
        return Response("", "", None)
    status, resp = chosen
    description = str(resp.get("description") or "")
    content = resp.get("content") or {}
    if not isinstance(content, dict) or not content:
        return Response(status, "", None, description=description)
    if status in _NO_BODY_STATUSES or head:
        what = "a response to HEAD" if head else f"a {status} response"
        ctx.warn(
            f"{what} cannot carry a body (HTTP), so the content it declares is ignored: the method returns None",
            f"{pointer}/responses/{escape(status)}/content",
            "remove the content, or document the body under the status the API really sends (e.g. 200)",
            "response-shape",
        )
        return Response(status, "", None, description=description)
    content_type = response_content_type(content)
    media = content.get(content_type) or {}
    schema = media.get("schema") if isinstance(media, dict) else None
    kind = response_kind(content_type, schema)
    if kind is ResponseKind.BINARY:
        return Response(status, content_type, None, description=description, kind=kind)
    if schema is None:
        if kind is ResponseKind.EVENT_STREAM:
            return Response(status, content_type, Primitive("str"), kind=kind)
        return Response(status, content_type, None)
    where = f"{pointer}/responses/{escape(status)}/content/{escape(content_type)}/schema"
    type_: TypeRef = ctx.schemas.convert(schema, where)
    if kind is not ResponseKind.JSON:
        return Response(status, content_type, type_, description=description, kind=kind)
    envelope = ctx.schemas.deref(unwrap_nullable(type_)[0])
    if page is not None:
        items_type = field_type(envelope, page.items_field)
        if isinstance(items_type, ArrayType):
            return Response(status, content_type, items_type.items, description=description)
        ctx.errors.append(
            ctx.problem(
                f"paginated as {page.class_suffix!r}, but the response has no array field {page.items_field!r}",
                where,
                "fix the pagination config or the response schema",
                "page-shape",
            )
        )
    result_key = config.result_key
    if result_key and isinstance(envelope, ObjectType):
        result_type = field_type(envelope, result_key)
        if result_type is not None:
            return Response(status, content_type, result_type, unwrapped=True, nullable=True)
    return Response(status, content_type, type_, description=description)


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def response_content_type(content: dict[str, Any]) -> str:
    """The media type a method asks for: JSON first, then an event stream, else the first listed."""
    media = [str(c) for c in content]
    for wanted in (lambda m: m == "application/json" or m.endswith("+json"), lambda m: m == "text/event-stream"):
        found = next((c for c in media if wanted(_media_type(c))), None)
        if found is not None:
            return found
    return media[0]


def response_kind(content_type: str, schema: object) -> ResponseKind:
    """JSON and event streams by media type; text for text/* and XML; bytes for everything else."""
    media = _media_type(content_type)
    binary_schema = isinstance(schema, dict) and schema.get("format") == "binary" and schema.get("type") in ("string", None)
    if media == "text/event-stream":
        return ResponseKind.EVENT_STREAM
    if media == "application/json" or media.endswith("+json"):
        return ResponseKind.JSON
    if binary_schema:
        return ResponseKind.BINARY
    if media.startswith("text/") or media == "application/xml" or media.endswith("+xml"):
        return ResponseKind.TEXT
    if media in ("*/*", "application/*"):
        return ResponseKind.JSON  # any type: parse what comes back as before
    return ResponseKind.BINARY
