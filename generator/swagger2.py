"""Swagger 2.0 -> OpenAPI 3.0, in memory, keeping every node's way back to its source line.

The converted document records, for each node that moved (`definitions/Pet` is now
`components/schemas/Pet`, a `body` parameter is now `requestBody`), where it was written, so a
problem found later in the converted data is still reported at the line of the 2.0 file.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from .errors import SdkgenError, SpecProblem
from .ir.context import COLLECTION_FORMAT_KEY
from .loader import Document, join_pointer, split_pointer

Tokens = tuple[str, ...]

_REF_PREFIXES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
)
_PARAMETER_SCHEMA_KEYS = (
    "type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "multipleOf",
)
# collectionFormat -> (style, explode); `tsv` has no OpenAPI 3 style: it is marked with
# COLLECTION_FORMAT_KEY, which the IR reads as Style.TAB_DELIMITED
_COLLECTION_FORMATS = {
    "csv": ("form", False), "ssv": ("spaceDelimited", False), "pipes": ("pipeDelimited", False),
    "multi": ("form", True), "tsv": ("form", False),
}
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _dict(value: Any) -> dict[str, Any]:
    """`value` when it is a mapping, else empty: malformed parts are left to validation to report."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _media_types(*candidates: Any) -> list[str]:
    for candidate in candidates:
        found = [str(m) for m in _list(candidate) if isinstance(m, str)]
        if found:
            return found
    return ["application/json"]


def is_swagger2(data: Any) -> bool:
    return isinstance(data, dict) and "openapi" not in data and str(data.get("swagger", "")).startswith("2")


class _Converter:
    def __init__(self, source: dict[str, Any]) -> None:
        self.source = source
        self.origins: dict[Tokens, Tokens] = {}  # converted tokens -> tokens in the 2.0 document

    def moved(self, new: Tokens, old: Tokens) -> None:
        self.origins[new] = old

    # ------------------------------------------------------------------ values

    def schema(self, node: Any) -> Any:
        """A 2.0 schema with its refs renamed, `type: file` as binary and `x-nullable` as nullable."""
        if isinstance(node, list):
            return [self.schema(item) for item in node]
        if not isinstance(node, dict):
            return node
        result = {key: self.schema(value) for key, value in node.items()}
        ref = result.get("$ref")
        if isinstance(ref, str):
            for old, new in _REF_PREFIXES:
                if ref.startswith(old):
                    result["$ref"] = new + ref[len(old):]
        if result.get("type") == "file":
            result["type"], result["format"] = "string", "binary"
        if "x-nullable" in result:
            result["nullable"] = bool(result.pop("x-nullable"))
        return result

    def parameter(self, param: dict[str, Any]) -> dict[str, Any]:
        """A non-body parameter: its schema keywords move under `schema`."""
        if "$ref" in param:
            return self.schema(param)
        out = {k: v for k, v in param.items() if k not in _PARAMETER_SCHEMA_KEYS and k not in ("collectionFormat", "allowEmptyValue")}
        schema = self.schema({k: param[k] for k in _PARAMETER_SCHEMA_KEYS if k in param})
        if isinstance(schema.get("items"), dict):
            schema["items"] = {k: v for k, v in schema["items"].items() if k != "collectionFormat"}
        out["schema"] = schema
        if param.get("type") == "array" and param.get("in") in ("query", "cookie"):
            out.update(self.collection_format(param))
        elif param.get("type") == "array" and param.get("in") in ("path", "header"):
            out["style"], out["explode"] = "simple", False
        return out

    @staticmethod
    def collection_format(param: dict[str, Any]) -> dict[str, Any]:
        """An array parameter's (or form field's) collectionFormat as OpenAPI 3 style keys."""
        collection_format = str(param.get("collectionFormat", "csv"))
        style = _COLLECTION_FORMATS.get(collection_format)
        if style is None:
            return {}
        found: dict[str, Any] = {"style": style[0], "explode": style[1]}
        if collection_format == "tsv":
            found[COLLECTION_FORMAT_KEY] = "tsv"
        return found

    # ------------------------------------------------------------------ operations

    def operation(self, op: dict[str, Any], shared: list[Any], path: str, method: str) -> dict[str, Any]:
        base: Tokens = ("paths", path, method)
        consumes = _media_types(op.get("consumes"), self.source.get("consumes"))
        produces = _media_types(op.get("produces"), self.source.get("produces"))
        out = {k: self.schema(v) for k, v in op.items() if k not in ("parameters", "responses", "consumes", "produces", "schemes")}
        params: list[dict[str, Any]] = []
        form: dict[str, Any] = {"type": "object", "properties": {}}
        form_encoding: dict[str, Any] = {}  # formData arrays' collectionFormat (2.0's default is csv)
        form_origin: Tokens | None = None
        for owner, items in ((("paths", path, "parameters"), shared), ((*base, "parameters"), _list(op.get("parameters")))):
            for index, raw in enumerate(items):
                param = self.resolve_parameter(raw)
                where = (*owner, str(index))
                if not isinstance(param, dict):
                    continue
                if param.get("in") == "body":
                    body: dict[str, Any] = {
                        "content": {c: {"schema": self.schema(param.get("schema", {}))} for c in consumes}
                    }
                    if param.get("required"):
                        body["required"] = True
                    if param.get("description"):
                        body["description"] = param["description"]
                    out["requestBody"] = body
                    self.moved((*base, "requestBody"), where)
                    for media in consumes:
                        self.moved((*base, "requestBody", "content", media, "schema"), (*where, "schema"))
                elif param.get("in") == "formData":
                    converted = self.parameter(param)
                    prop = {**converted["schema"], **({"description": param["description"]} if param.get("description") else {})}
                    form["properties"][str(param.get("name"))] = prop
                    if param.get("type") == "array" and self.collection_format(param):
                        form_encoding[str(param.get("name"))] = self.collection_format(param)
                    if param.get("required"):
                        form.setdefault("required", []).append(str(param.get("name")))
                    form_origin = form_origin or where
                else:
                    params = [p for p in params if (p.get("name"), p.get("in")) != (param.get("name"), param.get("in"))]
                    self.moved((*base, "parameters", str(len(params))), where)
                    params.append(self.parameter(param))
        if params:
            out["parameters"] = params
        if form["properties"] and "requestBody" not in out:
            has_file = any(p.get("format") == "binary" for p in form["properties"].values())
            media = "multipart/form-data" if has_file or "multipart/form-data" in consumes else "application/x-www-form-urlencoded"
            out["requestBody"] = {"content": {media: {"schema": form, **({"encoding": form_encoding} if form_encoding else {})}}}
            if form.get("required"):
                out["requestBody"]["required"] = True
            if form_origin is not None:
                self.moved((*base, "requestBody"), form_origin)
        out["responses"] = {
            str(status): self.response(response, produces, (*base, "responses", str(status)))
            for status, response in _dict(op.get("responses")).items()
        }
        return out

    def resolve_parameter(self, raw: Any) -> Any:
        """Body and formData parameters behind a `$ref` are inlined: they become request bodies."""
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str) and raw["$ref"].startswith("#/parameters/"):
            target = _dict(self.source.get("parameters")).get(raw["$ref"][len("#/parameters/"):])
            if isinstance(target, dict) and target.get("in") in ("body", "formData"):
                return target
        return raw

    def response(self, response: Any, produces: list[str], where: Tokens) -> Any:
        if not isinstance(response, dict) or "$ref" in response:
            return self.schema(response)
        out: dict[str, Any] = {"description": str(response.get("description", ""))}
        if "schema" in response:
            out["content"] = {media: {"schema": self.schema(response["schema"])} for media in produces}
            for media in produces:
                self.moved((*where, "content", media, "schema"), (*where, "schema"))
        headers = response.get("headers")
        if isinstance(headers, dict):
            out["headers"] = {
                name: {"description": h.get("description", ""), "schema": self.schema({k: v for k, v in h.items() if k in _PARAMETER_SCHEMA_KEYS})}
                for name, h in headers.items() if isinstance(h, dict)
            }
        return out

    # ------------------------------------------------------------------ document

    def security_scheme(self, scheme: dict[str, Any]) -> dict[str, Any]:
        kind = scheme.get("type")
        description = {"description": scheme["description"]} if scheme.get("description") else {}
        if kind == "basic":
            return {"type": "http", "scheme": "basic", **description}
        if kind == "oauth2":
            flow = {"implicit": "implicit", "password": "password", "application": "clientCredentials",
                    "accessCode": "authorizationCode"}.get(str(scheme.get("flow")), "implicit")
            details = {k: scheme[k] for k in ("authorizationUrl", "tokenUrl") if k in scheme}
            return {"type": "oauth2", "flows": {flow: {**details, "scopes": _dict(scheme.get("scopes"))}}, **description}
        return {k: v for k, v in scheme.items() if k in ("type", "name", "in", "description")}

    def document(self) -> dict[str, Any]:
        src = self.source
        out: dict[str, Any] = {"openapi": "3.0.3"}
        for key in ("info", "tags", "externalDocs", "security"):
            if key in src:
                out[key] = copy.deepcopy(src[key])
        out.update({k: copy.deepcopy(v) for k, v in src.items() if k.startswith("x-")})
        if src.get("host") or src.get("basePath"):
            scheme = ([s for s in _list(src.get("schemes")) if isinstance(s, str)] or ["https"])[0]
            host = src.get("host")
            out["servers"] = [{"url": f"{scheme}://{host}{src.get('basePath', '')}" if host else str(src.get("basePath"))}]
            self.moved(("servers",), ("host",) if host else ("basePath",))
        components: dict[str, Any] = {}
        for old, new in (("definitions", "schemas"), ("parameters", "parameters"), ("responses", "responses")):
            section = src.get(old)
            if not isinstance(section, dict):
                continue
            converted = {}
            for name, value in section.items():
                if old == "parameters" and isinstance(value, dict) and value.get("in") in ("body", "formData"):
                    continue  # inlined where used
                if old == "parameters":
                    converted[name] = self.parameter(value) if isinstance(value, dict) else value
                elif old == "responses":
                    converted[name] = self.response(value, _media_types(src.get("produces")), (old, name))
                else:
                    converted[name] = self.schema(value)
                self.moved(("components", new, name), (old, name))
            components[new] = converted
        if isinstance(src.get("securityDefinitions"), dict):
            components["securitySchemes"] = {
                name: self.security_scheme(value) for name, value in src["securityDefinitions"].items() if isinstance(value, dict)
            }
            for name in components["securitySchemes"]:
                self.moved(("components", "securitySchemes", name), ("securityDefinitions", name))
        if components:
            out["components"] = components
        paths: dict[str, Any] = {}
        for path, item in _dict(src.get("paths")).items():
            if not isinstance(item, dict):
                paths[path] = item
                continue
            shared = _list(item.get("parameters"))
            converted_item: dict[str, Any] = {k: v for k, v in item.items() if k.startswith("x-")}
            for method in _METHODS:
                if isinstance(item.get(method), dict):
                    converted_item[method] = self.operation(item[method], shared, path, method)
            paths[path] = converted_item
        out["paths"] = paths
        return out


def convert_document(doc: Document) -> Document:
    """`doc` as OpenAPI 3.0.3 if it is a Swagger 2.0 document, else `doc` itself."""
    if not is_swagger2(doc.data):
        return doc
    converter = _Converter(doc.data)
    try:
        data = converter.document()
    except (TypeError, AttributeError, ValueError, KeyError, IndexError) as exc:
        # a shape no Swagger 2.0 document has; the converter reads only well-formed parts
        raise SdkgenError.single(
            f"this Swagger 2.0 document cannot be converted to OpenAPI 3: {type(exc).__name__}: {exc}",
            file=str(doc.path), pointer="/swagger", code="swagger2-malformed",
            hint="check it against the Swagger 2.0 schema (e.g. with swagger-cli validate)",
        ) from None
    origins = dict(doc._origins)
    for new, old in converter.origins.items():
        origins[new] = (doc.path, old)
        for cut in range(len(old), 0, -1):
            if old[:cut] in doc._origins:  # the 2.0 node itself came from another file
                path, base = doc._origins[old[:cut]]
                origins[new] = (path, base + old[cut:])
                break
    return replace(doc, data=data, _origins=origins, _refs=None, _cache={"converted_from": "2.0"})


def point_at_source(doc: Document, problems: list[SpecProblem]) -> list[SpecProblem]:
    """Problems of a converted document with their pointers as written in the 2.0 file."""
    if doc._cache.get("converted_from") != "2.0":
        return problems
    located = []
    for problem in problems:
        try:
            tokens = split_pointer(problem.pointer)
        except ValueError:
            located.append(problem)
            continue
        for cut in range(len(tokens), 0, -1):
            origin = doc._origins.get(tokens[:cut])
            if origin is not None and origin[0] == doc.path:
                problem = replace(problem, pointer=join_pointer(origin[1] + tokens[cut:]))
                break
        located.append(problem)
    return located
