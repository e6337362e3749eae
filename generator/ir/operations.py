"""One OpenAPI operation -> an `Operation`: its parameters, body fields, response and security."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from ..config import Config
from .auth import HTTP_TOKEN, operation_security
from .bodies import request_body
from .context import SpecContext, escape, operation_pointer, server_url, style_of
from .model import (
    DEFAULT_STYLE,
    BodyEncoding,
    Location,
    ObjectType,
    Operation,
    PageStyle,
    Parameter,
    Primitive,
    Style,
    TypeRef,
)
from .naming import RESERVED_IN_METHODS, pascal_case, singular, snake_case
from .naming_checks import name_parameters
from .responses import response
from .schemas import unwrap_nullable

PATH_PARAM = re.compile(r"{([^{}]+)}")
def _is_file(type_: TypeRef, ctx: SpecContext) -> bool:
    shape = ctx.schemas.deref(unwrap_nullable(type_)[0])
    if isinstance(shape, Primitive):
        return shape.kind == "bytes"
    items = getattr(shape, "items", None)
    return items is not None and _is_file(items, ctx)


class OperationBuilder:
    def __init__(self, ctx: SpecContext, config: Config) -> None:
        self.ctx = ctx
        self.config = config

    def merged_parameters(
        self, path: str, path_item: dict[str, Any], op: dict[str, Any], pointer: str
    ) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
        """Path-level parameters overridden by operation-level ones, keyed by (name, in)."""
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        sources = ((path_item, f"/paths/{escape(path)}"), (op, pointer))
        for owner, base in sources:
            for index, raw in enumerate(owner.get("parameters") or []):
                param = self.ctx.deref(raw)
                if isinstance(param, dict) and "name" in param and "in" in param:
                    merged[(str(param["name"]), str(param["in"]))] = (param, f"{base}/parameters/{index}")
        return merged

    def parameter(self, param: dict[str, Any], location: Location, where: str, required: bool) -> Parameter:
        ctx = self.ctx
        wire = str(param["name"])
        py_name = snake_case(wire, fallback="param")
        schema = param.get("schema")
        if schema is None and isinstance(param.get("content"), dict):
            media: Any = next(iter(param["content"].values()), {})
            schema = media.get("schema") if isinstance(media, dict) else None
        type_, nullable = unwrap_nullable(ctx.schemas.convert(schema or {}, f"{where}/schema"))
        has_example, example = (True, param["example"]) if "example" in param else ctx.schemas.example_of(schema)
        style, explode = style_of(param, DEFAULT_STYLE[location], where, ctx)
        return Parameter(
            wire_name=wire,
            py_name=py_name,
            location=location,
            type=type_,
            required=required,
            description=str(param.get("description") or "").strip() or ctx.schemas.description_of(schema),
            nullable=nullable,
            deprecated=bool(param.get("deprecated")),
            style=style,
            explode=explode,
            example=example,
            has_example=has_example,
            pointer=where,
        )

    def operation(
        self,
        name: str,
        resource_name: str,
        http_method: str,
        path: str,
        path_item: dict[str, Any],
        op: dict[str, Any],
        page: PageStyle | None,
        positional_override: tuple[str, ...] | None,
    ) -> Operation:
        ctx = self.ctx
        pointer = operation_pointer(path, http_method)
        merged = self.merged_parameters(path, path_item, op, pointer)
        path_names = PATH_PARAM.findall(path)
        params: list[Parameter] = []
        sources: list[str] = []  # the pointer each parameter comes from, for name clashes

        for wire in dict.fromkeys(path_names):
            entry = merged.get((wire, "path"))
            if entry is None:
                ctx.warn(f"path parameter {wire!r} is not declared; treated as a string", pointer, "", "param-undeclared")
                entry = ({"name": wire, "in": "path", "required": True, "schema": {"type": "string"}}, pointer)
            params.append(self.parameter(entry[0], Location.PATH, entry[1], True))
            sources.append(entry[1])
        for location in (Location.QUERY, Location.HEADER, Location.COOKIE):
            for (wire, where_in), (param, where) in merged.items():
                if where_in != location.value:
                    continue
                if location in (Location.HEADER, Location.COOKIE) and not HTTP_TOKEN.fullmatch(wire):
                    ctx.warn(f"{location.value} name {wire!r} is not a valid HTTP token (no spaces, quotes, CR/LF...); "
                             "the method does not take it", f"{where}/name", "fix the name in the spec",
                             f"param-{location.value}-invalid")
                    continue
                params.append(self.parameter(param, location, where, bool(param.get("required"))))
                sources.append(where)

        body = request_body(ctx, op, pointer)
        body_shape = ctx.schemas.deref(body.type) if body is not None and body.type is not None else None
        files_allowed = body is not None and body.encoding is BodyEncoding.MULTIPART
        if body is not None and body.mode == "fields" and isinstance(body_shape, ObjectType):
            for prop in body_shape.properties:
                if prop.read_only:
                    continue
                sources.append(f"{pointer}/requestBody/properties/{escape(prop.wire_name)}")
                params.append(
                    Parameter(
                        wire_name=prop.wire_name,
                        py_name=prop.py_name,
                        location=Location.BODY,
                        type=prop.type,
                        required=prop.required,
                        description=prop.description,
                        nullable=prop.nullable,
                        deprecated=prop.deprecated,
                        example=prop.example,
                        has_example=prop.has_example,
                        part="file" if files_allowed and _is_file(prop.type, ctx) else "",
                        pointer=f"{body_shape.schema_id.lstrip('#')}/properties/{escape(prop.wire_name)}",
                    )
                )
        elif body is not None and body.type is not None:
            sources.append(f"{pointer}/requestBody")
            inner, nullable = unwrap_nullable(body.type)
            binary = body.encoding is BodyEncoding.BINARY
            params.append(
                Parameter("", "body", Location.BODY, inner, body.required, body.description, nullable,
                          part="file" if binary else "", pointer=f"{pointer}/requestBody")
            )
        # `encoded_body` is the local a method with a non-JSON body encodes it into
        params = name_parameters(params, sources, RESERVED_IN_METHODS | {"encoded_body"}, ctx.file, ctx.warnings)

        if positional_override is not None:
            positional = tuple(p.py_name for p in params if p.wire_name in positional_override or p.py_name in positional_override)
        elif path_names and path.rstrip("/").endswith("{" + path_names[-1] + "}"):
            # The id of the thing the path names is the first positional argument.
            positional = tuple(p.py_name for p in params if p.location is Location.PATH and p.wire_name == path_names[-1])
        else:
            positional = ()

        if isinstance(op.get("callbacks"), dict) and op["callbacks"]:
            ctx.warn("callbacks are requests the API makes to you: no method is generated for them",
                     f"{pointer}/callbacks", "serve them in your own web application", "callbacks-ignored")
        result = response(ctx, self.config, op, pointer, page, head=http_method.lower() == "head")
        security, own_security = operation_security(ctx, op)
        stem = pascal_case(singular(resource_name)) + pascal_case(name)
        # path parameters of object type need their TypedDict defined in the params module too
        has_params_type = any(
            p.location is not Location.PATH or isinstance(ctx.schemas.deref(p.type), ObjectType) for p in params
        )
        has_response_type = result.type is not None
        return Operation(
            name=name,
            http_method=http_method,
            path=path,
            operation_id=str(op.get("operationId") or ""),
            summary=str(op.get("summary") or "").strip(),
            description=str(op.get("description") or op.get("summary") or "").strip(),
            deprecated=bool(op.get("deprecated")),
            parameters=tuple(params),
            positional=positional,
            body=body,
            response=result,
            page=page,
            security=security,
            own_security=own_security,
            params_type_name=f"{stem}Params" if has_params_type else "",
            response_type_name=f"{stem}Response" if has_response_type else "",
            params_module=snake_case(f"{stem}Params") if has_params_type else "",
            response_module=snake_case(f"{stem}Response") if has_response_type else "",
            pointer=pointer,
            server=self.own_server(op, path_item, pointer),
        )

    def own_server(self, op: dict[str, Any], path_item: dict[str, Any], pointer: str) -> str:
        """The operation's or its path's first server, made absolute against the document's."""
        for owner in (op, path_item):
            servers = owner.get("servers")
            if isinstance(servers, list) and servers:
                url = server_url(servers)
                document = server_url(self.ctx.data.get("servers"))
                if "{" in url or "{" in document:  # a variable without a default: no usable URL
                    return ""
                if not re.match(r"^https?://", url) and re.match(r"^https?://", document):
                    url = urljoin(document if document.endswith("/") else document + "/", url)
                if re.match(r"^https?://", url):
                    return url
                self.ctx.warn(f"server {url!r} is relative and the document has no absolute server; ignored",
                              f"{pointer}/servers", "give the server a full URL", "server-relative")
                return ""
        return ""
