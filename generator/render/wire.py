"""How one call puts its arguments on the wire: query styles, headers, cookies, body encoding, auth.

`ViewBuilder.method` asks `WireBuilder.wire` for the expressions a resource method evaluates;
every choice about the request's shape for a given `Operation` is made here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..ir.model import (
    Api,
    ArrayType,
    BodyEncoding,
    Location,
    MapType,
    ObjectType,
    Operation,
    Parameter,
    Style,
    TypeRef,
    UnionType,
)
from .literals import py_tuple, pystr
from .pytypes import TypeModule


@dataclass
class Wire:
    """The expressions of one call that put its arguments on the wire."""

    headers_expr: str = ""  # what `extra_headers` is set to before the call, "" when unchanged
    body_sync: str = ""
    body_async: str = ""
    query_sync: str = ""
    query_async: str = ""
    encode_sync: str = ""
    encode_async: str = ""
    auth_headers: str = ""
    auth_query: str = ""
    transforms: bool = False  # the query or JSON body expressions call (async_)maybe_transform
    encode_transforms: bool = False  # so do the encoded (multipart, form) body expressions


def credential_filter(api: Api) -> str:
    names = tuple(dict.fromkeys(s.param_name for s in api.auth if s.location == "query"))
    return f" if pair[0] not in {py_tuple(names)}" if names else ""


def takes_files(op: Operation) -> bool:
    return op.body is not None and op.body.encoding in (BodyEncoding.MULTIPART, BodyEncoding.BINARY)




class WireBuilder:
    def __init__(self, api: Api, deref: Callable[[TypeRef], TypeRef]) -> None:
        self.api = api
        self.deref = deref


    def _is_str(self, param: Parameter, planner: TypeModule) -> bool:
        return planner.annotation(param.type, hint=param.wire_name, prefix="") == "str"

    def _structured(self, type_: TypeRef) -> bool:
        """Arrays and objects: the values whose layout a parameter style decides."""
        shape = self.deref(type_)
        if isinstance(shape, UnionType):
            return any(self._structured(v) for v in shape.variants)
        return isinstance(shape, (ArrayType, MapType, ObjectType))

    def path_value(self, param: Parameter, imports: list[tuple[str, str]]) -> str:
        if param.style is Style.SIMPLE and not self._structured(param.type):
            return param.py_name
        imports.append(("._serialize", "path_value"))
        return f"path_value({param.py_name}, {pystr(param.style.value)}, {param.explode}, {pystr(param.wire_name)})"

    def wire(
        self,
        op: Operation,
        planner: TypeModule,
        params_ref: str,
        dict_display: Callable[[Location], str],
        imports: list[tuple[str, str]],
    ) -> Wire:
        wire = Wire()
        transform_sync = lambda value: f"maybe_transform({value}, {params_ref})"  # noqa: E731
        transform_async = lambda value: f"await async_maybe_transform({value}, {params_ref})"  # noqa: E731

        # query: the transform renames to wire names, then styles lay out arrays and objects
        query = dict_display(Location.QUERY)
        if query:
            styled = [
                p for p in op.parameters
                if p.location is Location.QUERY and self._structured(p.type)
                and not (p.style is Style.FORM and p.explode and isinstance(self.deref(p.type), ArrayType))
            ]
            wire.query_sync, wire.query_async = transform_sync(query), transform_async(query)
            wire.transforms = True
            if styled:
                imports.append(("._serialize", "query_styles"))
                table = "{" + ", ".join(
                    f"{pystr(p.wire_name)}: ({pystr(p.style.value)}, {p.explode})" for p in styled
                ) + "}"
                wire.query_sync = f"query_styles({wire.query_sync}, {table})"
                wire.query_async = f"query_styles({wire.query_async}, {table})"

        # headers: declared header parameters, cookies, then the media types of this call
        entries: list[str] = []  # may be omitted
        fixed: list[str] = []
        for p in op.parameters:
            if p.location is not Location.HEADER:
                continue
            if self._is_str(p, planner):
                entries.append(f"{pystr(p.wire_name)}: {p.py_name}")
            else:
                imports.append(("._serialize", "header_value"))
                entries.append(f"{pystr(p.wire_name)}: header_value({p.py_name}, explode={p.explode})")
        cookies = [p for p in op.parameters if p.location is Location.COOKIE]
        if cookies:
            imports.append(("._serialize", "cookie_header"))
            values = "{" + ", ".join(f"{pystr(p.wire_name)}: {p.py_name}" for p in cookies) + "}"
            exploded = tuple(p.wire_name for p in cookies if p.explode)
            entries.append(f'"Cookie": cookie_header({values}, {py_tuple(exploded)})')

        body = op.body
        body_value = dict_display(Location.BODY)
        whole_optional = bool(body_value) and body_value.isidentifier() and not any(
            p.required for p in op.parameters if p.location is Location.BODY
        )
        if body is not None and body_value and body.encoding is BodyEncoding.JSON:
            wire.body_sync, wire.body_async = transform_sync(body_value), transform_async(body_value)
            wire.transforms = True
            if whole_optional:
                # an optional body that is not given sends no body at all
                imports.append(("._utils", "is_given"))
                wire.body_sync += f" if is_given({body_value}) else None"
                wire.body_async += f" if is_given({body_value}) else None"
        elif body is not None and body_value:
            encoder = {
                BodyEncoding.FORM: "form_body",
                BodyEncoding.MULTIPART: "multipart_body",
                BodyEncoding.BINARY: "binary_body",
                BodyEncoding.TEXT: "text_body",
            }[body.encoding]
            imports.append(("._files", encoder))
            if body.encoding is BodyEncoding.MULTIPART:
                files = tuple(p.wire_name for p in op.parameters if p.location is Location.BODY and p.part == "file")
                wire.encode_sync = f"multipart_body({transform_sync(body_value)}, files={py_tuple(files)})"
                wire.encode_async = f"multipart_body({transform_async(body_value)}, files={py_tuple(files)})"
                wire.encode_transforms = True
            elif body.encoding is BodyEncoding.FORM:
                wire.encode_sync = f"form_body({transform_sync(body_value)}, {pystr(body.content_type)})"
                wire.encode_async = f"form_body({transform_async(body_value)}, {pystr(body.content_type)})"
                wire.encode_transforms = True
            else:
                wire.encode_sync = wire.encode_async = f"{encoder}({body_value}, {pystr(body.content_type)})"
            if whole_optional:
                imports.append(("._utils", "is_given"))
                wire.encode_sync = f"{wire.encode_sync} if is_given({body_value}) else None"
                wire.encode_async = f"{wire.encode_async} if is_given({body_value}) else None"
                entries.append('"Content-Type": encoded_body.content_type if encoded_body else omit')
                imports.append(("._types", "omit"))
            else:
                fixed.append('"Content-Type": encoded_body.content_type')
        if body is not None and body.encoding is BodyEncoding.JSON and body.content_type != "application/json":
            fixed.append(f'"Content-Type": {pystr(body.content_type)}')
        accept = op.response.content_type
        if accept and accept != "application/json":
            fixed.insert(0, f'"Accept": {pystr(accept)}')
        # values always present are written as they are; parameters that may be omitted are stripped
        layers = fixed + ([f"**strip_not_given({{{', '.join(entries)}}})"] if entries else [])
        if entries:
            imports.append(("._utils", "strip_not_given"))
        wire.headers_expr = "{" + ", ".join([*layers, "**(extra_headers or {})"]) + "}" if layers else ""

        # security: an operation whose requirement differs from the API's picks its own credentials
        if op.own_security and self.api.auth:
            options = {scheme.name: scheme.option for scheme in self.api.auth}
            alternatives = tuple(
                tuple(options[name] for name in alternative if name in options)
                for alternative in op.security
                if all(name in options for name in alternative)
            )
            if op.security and not alternatives:
                alternatives = ((),)  # only schemes sdkgen cannot send: send none
            wire.auth_headers = f"self._client._auth_headers_for({py_tuple(alternatives)})"
            if any(scheme.location == "query" for scheme in self.api.auth):
                wire.auth_query = f"self._client._auth_query_for({py_tuple(alternatives)})"
        return wire
