"""Responses: which one a method returns (2xx first, `default` when there is none) and its type."""

from __future__ import annotations

from typing import Any

from ..config import Config
from .bodies import encoding_of
from .context import SpecContext, escape
from .model import ArrayType, BodyEncoding, ObjectType, PageStyle, Response, TypeRef
from .schemas import unwrap_nullable


def field_type(shape: TypeRef, wire_name: str) -> TypeRef | None:
    if not isinstance(shape, ObjectType):
        return None
    for prop in shape.properties:
        if prop.wire_name == wire_name:
            return prop.type
    return None


def _success(ctx: SpecContext, responses: dict[Any, Any]) -> tuple[str, dict[str, Any]] | None:
    """The documented success: the lowest 2xx (or 2XX), else `default` (often the only one)."""
    keys = {str(status): status for status in responses}
    candidates = sorted(s for s in keys if s.startswith("2")) + [s for s in keys if s.lower() == "default"]
    for status in candidates:
        resolved = ctx.deref(responses[keys[status]])
        if isinstance(resolved, dict):
            return status, resolved
    return None


def response(ctx: SpecContext, config: Config, op: dict[str, Any], pointer: str, page: PageStyle | None) -> Response:
    responses = op.get("responses") or {}
    chosen = _success(ctx, responses) if isinstance(responses, dict) else None
    if chosen is None:
        return Response("", "", None)
    status, resp = chosen
    description = str(resp.get("description") or "")
    content = resp.get("content") or {}
    if not isinstance(content, dict) or not content:
        return Response(status, "", None, description=description)
    offered = [str(media) for media in content]
    content_type = next((c for c in offered if encoding_of(c) is BodyEncoding.JSON), offered[0])
    media = content.get(content_type) or {}
    schema = media.get("schema") if isinstance(media, dict) else None
    if schema is None:
        return Response(status, content_type, None)
    where = f"{pointer}/responses/{escape(status)}/content/{escape(content_type)}/schema"
    type_: TypeRef = ctx.schemas.convert(schema, where)
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
