"""Document + Config -> Api: every decision about the SDK's shape is made here."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

from ..config import Config, MethodConfig, ResourceConfig
from ..errors import SdkgenError, SpecProblem
from .model import (
    Api,
    ArrayType,
    AuthScheme,
    ClientOption,
    ErrorEnvelope,
    NullableType,
    ObjectType,
    Operation,
    PackageInfo,
    PageStyle,
    Parameter,
    RequestBody,
    Resource,
    Primitive,
    Response,
    ResponseKind,
    TypeRef,
)
from .naming import (
    RESERVED_CLIENT_CLASSES,
    RESERVED_IN_METHODS,
    RESERVED_IN_RESOURCES,
    RESERVED_ON_CLIENT,
    NameRequest,
    allocate,
    avoid_reserved,
    is_identifier,
    module_name,
    pascal_case,
    singular,
    snake_case,
    upper_snake,
)
from .naming_checks import (
    check_client_namespace,
    check_configured_names,
    merged_tags_warnings,
    name_parameters,
    name_type_modules,
)
from .schemas import SchemaConverter, unwrap_nullable

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_PATH_PARAM = re.compile(r"{([^{}]+)}")
# What a default base URL may hold: printable ASCII without spaces, quotes, backslashes or
# angle brackets (anything else must be percent-encoded in the spec).
_USABLE_URL = re.compile(r"https?://[!#-&(-;=?-\[\]-~]+")
# RFC 9110 field names (and cookie names): anything else could split or forge headers.
HTTP_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_DIST_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]{0,100}[A-Za-z0-9])?")


@dataclass(frozen=True)
class BuildResult:
    api: Api
    warnings: tuple[SpecProblem, ...]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class _Builder:
    def __init__(self, data: dict[str, Any], file: str, config: Config, package_name: str) -> None:
        self.data = data
        self.file = file
        self.config = config
        self.package_name = package_name
        self.schemas = SchemaConverter(self.resolve)
        self.warnings: list[SpecProblem] = []
        self.errors: list[SpecProblem] = []

    # ------------------------------------------------------------------ helpers

    def resolve(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise SdkgenError.single(
                f"unresolved external $ref {ref!r}", file=self.file, code="ref-external", hint="bundle the spec first"
            )
        node: Any = self.data
        for raw in ref[1:].split("/")[1:]:
            token = unquote(raw).replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise SdkgenError.single(
                    f"unresolved $ref {ref!r}", file=self.file, code="ref-unresolved", hint="fix the reference"
                )
        return node

    def deref(self, node: Any) -> Any:
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            if node["$ref"] in seen:
                break
            seen.add(node["$ref"])
            node = self.resolve(node["$ref"])
        return node

    def problem(self, message: str, pointer: str, hint: str, code: str, *, file: str = "") -> SpecProblem:
        return SpecProblem(message=message, file=file or self.file, pointer=pointer, hint=hint, code=code)

    # ------------------------------------------------------------------ package & client

    def package(self) -> PackageInfo:
        info = self.data.get("info") or {}
        title = str(info.get("title") or "api")
        if self.package_name and not _DIST_NAME.fullmatch(self.package_name):
            raise SdkgenError.single(
                f"--package-name {self.package_name!r} is not a valid distribution name",
                code="usage",
                hint="use letters, digits, '.', '_' and '-', starting and ending with a letter or digit",
            )
        dist = self.package_name or self.config.package_name or snake_case(title, fallback="api_sdk").replace("_", "-")
        import_name = self.config.import_name or module_name(dist.replace("-", "_").replace(".", "_"), fallback="api_sdk")
        if self.package_name:
            import_name = module_name(self.package_name.replace("-", "_").replace(".", "_"), fallback="api_sdk")
        client_class = self.config.client_class or pascal_case(self.config.title or title, fallback="Client")
        if client_class.startswith("Async"):
            client_class = client_class[len("Async") :] or "Client"
        if not self.config.client_class:
            client_class = avoid_reserved(client_class, RESERVED_CLIENT_CLASSES)
        return PackageInfo(
            dist_name=dist,
            import_name=import_name,
            version=self.config.version or "0.1.0",
            title=self.config.title or title,
            description=self.config.description or f"Python client library for the {title} API",
            client_class=client_class,
            async_client_class=f"Async{client_class}",
            env_prefix=self.config.env_prefix or upper_snake(import_name),
            telemetry_prefix=self.config.telemetry_prefix or "X-Sdkgen",
        )

    def base_url(self) -> str:
        if self.config.base_url:
            return self.config.base_url
        servers = self.data.get("servers") or []
        if not servers or not isinstance(servers[0], dict):
            return ""
        url = str(servers[0].get("url", ""))
        for name, variable in (servers[0].get("variables") or {}).items():
            if isinstance(variable, dict) and "default" in variable:
                url = url.replace("{" + str(name) + "}", str(variable["default"]))
        if re.match(r"^https?://", url) and not _USABLE_URL.fullmatch(url):
            unusable = self.problem(
                f"server URL {url!r} is not a usable URL (spaces, quotes or control characters); "
                "the client gets no default base URL",
                "/servers/0/url",
                "percent-encode the URL in the spec, or set client.base_url in sdkgen.yaml",
                "server-url-unusable",
            )
            self.warnings.append(replace(unusable, severity="warning"))
            return ""
        return url if re.match(r"^https?://", url) else ""

    def auth(self, package: PackageInfo) -> tuple[AuthScheme, ...]:
        raw = (self.data.get("components") or {}).get("securitySchemes") or {}
        requirements = [r for r in self.data.get("security") or [] if isinstance(r, dict)]
        for path_item in (self.data.get("paths") or {}).values():
            for method in HTTP_METHODS:
                op = path_item.get(method) if isinstance(path_item, dict) else None
                if isinstance(op, dict):
                    requirements.extend(r for r in op.get("security") or [] if isinstance(r, dict))
        order = [name for req in requirements for name in req if name in raw]
        order += [name for name in raw if name not in order]
        precedence = [n for n in self.config.auth_precedence if n in raw]
        for unknown in (n for n in self.config.auth_precedence if n not in raw):
            self.errors.append(
                self.problem(
                    f"auth precedence names {unknown!r}, which is not a security scheme of the spec",
                    "/client/auth/precedence",
                    f"use one of: {', '.join(raw) or '(none)'}",
                    "config-unknown-scheme",
                    file=self.config.path,
                )
            )
        precedence += [n for n in dict.fromkeys(order) if n not in precedence]

        option_of, renamed = allocate(
            (
                NameRequest(
                    name,
                    name,
                    f"/components/securitySchemes/{_escape(name)}",
                    self.config.credential(name).option or snake_case(name, fallback="credential"),
                    rank=0 if self.config.credential(name).option else 1,
                )
                for name in precedence
            ),
            reserved=RESERVED_ON_CLIENT,
            what="security scheme",
            file=self.file,
        )
        self.warnings.extend(renamed)

        schemes = []
        for name in precedence:
            scheme = self.deref(raw[name])
            if not isinstance(scheme, dict):
                continue
            kind = str(scheme.get("type", ""))
            pointer = f"/components/securitySchemes/{_escape(name)}"
            if kind == "apiKey":
                location, param, prefix, flavor = str(scheme.get("in", "header")), str(scheme.get("name", "")), "", "api_key"
            elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
                location, param, prefix, flavor = "header", "Authorization", "Basic ", "basic"
            elif kind == "http":
                word = str(scheme.get("scheme", "bearer"))
                location, param, prefix, flavor = "header", "Authorization", f"{word.capitalize()} ", "bearer"
            elif kind in ("oauth2", "openIdConnect"):
                location, param, prefix, flavor = "header", "Authorization", "Bearer ", "bearer"
            else:
                self.warnings.append(
                    self.problem(f"security scheme type {kind!r} is not supported; ignored", pointer, "", "auth-skip")
                )
                continue
            if location not in ("header", "query", "cookie") or not param:
                self.warnings.append(self.problem("apiKey scheme without a usable name/in; ignored", pointer, "", "auth-skip"))
                continue
            if location != "query" and not HTTP_TOKEN.fullmatch(param):
                self.warnings.append(replace(self.problem(
                    f"{location} name {param!r} is not a valid HTTP token (no spaces, quotes, CR/LF...); scheme ignored",
                    f"{pointer}/name", "fix the name in the spec", "auth-skip"), severity="warning"))
                continue
            group: tuple[str, ...] = ()
            for req in requirements:
                if name in req and len(req) > 1:
                    group = tuple(option_of[n] for n in req if n in option_of and n != name)
                    break
            option = option_of[name]
            schemes.append(
                AuthScheme(
                    name=name,
                    option=option,
                    env_var=self.config.credential(name).env or f"{package.env_prefix}_{option.upper()}",
                    location=location,
                    param_name=param,
                    value_prefix=prefix,
                    kind=flavor,
                    description=str(scheme.get("description") or "").strip(),
                    group=group,
                )
            )
        return tuple(schemes)

    def options(self, package: PackageInfo) -> tuple[ClientOption, ...]:
        return tuple(
            ClientOption(
                name=o.name,
                header=o.header,
                env_var=o.env,
                default=o.default,
                default_date_format=o.default_date_format,
                description=o.description,
            )
            for o in self.config.options
        )

    def pages(self) -> tuple[PageStyle, ...]:
        return tuple(
            PageStyle(
                class_suffix=p.name,
                kind=p.kind,
                items_field=p.items_field,
                page_param=p.page_param,
                info_field=p.info_field,
                cursor_param=p.cursor_param,
                cursor_path=p.cursor_path,
            )
            for p in self.config.pages
        )

    # ------------------------------------------------------------------ resources

    def find_operation(self, method: MethodConfig) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
        paths = self.data.get("paths") or {}
        path_item = paths.get(method.path)
        if path_item is None:
            # Tolerate different parameter names: compare path shapes.
            shape = _PATH_PARAM.sub("{}", method.path)
            for candidate, item in paths.items():
                if _PATH_PARAM.sub("{}", candidate) == shape:
                    path_item, method = item, MethodConfig(**{**method.__dict__, "path": candidate})
                    break
        path_item = self.deref(path_item)
        if not isinstance(path_item, dict) or not isinstance(path_item.get(method.http_method), dict):
            return None
        return method.path, path_item, path_item[method.http_method]

    def configured_resources(self) -> tuple[Resource, ...]:
        used: set[tuple[str, str]] = set()
        resources = tuple(self.configured_resource(rc, (), used) for rc in self.config.resources)
        for path, path_item in (self.data.get("paths") or {}).items():
            for method in HTTP_METHODS:
                if isinstance(path_item, dict) and isinstance(path_item.get(method), dict) and (method, path) not in used:
                    self.warnings.append(
                        self.problem(
                            f"'{method} {path}' is in the spec but not in the config's resources; no method generated",
                            f"/paths/{_escape(path)}/{method}",
                            f"add it under resources: in {self.config.path or 'the config'}",
                            "endpoint-unmapped",
                        )
                    )
        return resources

    def configured_resource(self, rc: ResourceConfig, parent: tuple[str, ...], used: set[tuple[str, str]]) -> Resource:
        path = (*parent, rc.name)
        operations = []
        check_configured_names(rc, self.config.path)
        for method in rc.methods:
            found = self.find_operation(method)
            if found is None:
                self.errors.append(
                    self.problem(
                        f"endpoint '{method.http_method} {method.path}' is not in the spec",
                        method.pointer,
                        "check the method and path against the spec's paths",
                        "config-unknown-endpoint",
                        file=self.config.path,
                    )
                )
                continue
            spec_path, path_item, op = found
            used.add((method.http_method, spec_path))
            if not self.supported(op, f"/paths/{_escape(spec_path)}/{method.http_method}"):
                continue
            name = method.name if is_identifier(method.name) else snake_case(method.name)
            page = None
            if method.paginated:
                page = next((p for p in self.pages() if p.class_suffix == method.paginated), None)
                if page is None:
                    self.errors.append(
                        self.problem(
                            f"pagination style {method.paginated!r} is not defined",
                            method.pointer + "/paginated",
                            "define it under pagination: in the config",
                            "config-unknown-page",
                            file=self.config.path,
                        )
                    )
            operations.append(
                self.operation(name, rc.name, method.http_method, spec_path, path_item, op, page, method.positional)
            )
        children = tuple(self.configured_resource(child, path, used) for child in rc.resources)
        return Resource(
            attr_name=rc.name,
            class_stem=rc.class_name or pascal_case(rc.name),
            path=path,
            operations=tuple(operations),
            children=children,
            description=rc.description,
        )

    def derived_resources(self) -> tuple[Resource, ...]:
        """No resources in the config: one resource per tag (or first path segment)."""
        groups: dict[str, list[tuple[str, str, dict[str, Any], dict[str, Any]]]] = {}
        spellings: dict[str, dict[str, str]] = {}  # group -> {tag as written: pointer of its first use}
        for path, path_item in (self.data.get("paths") or {}).items():
            path_item = self.deref(path_item)
            if not isinstance(path_item, dict):
                continue
            for method in HTTP_METHODS:
                op = path_item.get(method)
                if not isinstance(op, dict):
                    continue
                tags = op.get("tags") or []
                segment = next((s for s in str(path).split("/") if s and not s.startswith("{")), "root")
                label = str(tags[0]) if tags and isinstance(tags, list) else segment
                # Tags that read the same ("orders", "orders/") label one group: merged, with a warning.
                group = module_name(label, fallback="default")
                groups.setdefault(group, []).append((method, str(path), path_item, op))
                where = f"/paths/{_escape(str(path))}/{method}" + ("/tags/0" if tags else "")
                spellings.setdefault(group, {}).setdefault(label, where)
        self.warnings.extend(merged_tags_warnings(spellings, self.file))
        attrs, renamed = allocate(
            (NameRequest(g, min(spellings[g]), spellings[g][min(spellings[g])], g) for g in groups),
            reserved=RESERVED_ON_CLIENT,
            what="tag",
            file=self.file,
        )
        self.warnings.extend(renamed)
        resources = []
        for group, entries in groups.items():
            attr = attrs[group]
            supported = [e for e in entries if self.supported(e[3], f"/paths/{_escape(e[1])}/{e[0]}")]
            names, renamed = allocate(
                (
                    NameRequest((method, path), *_operation_name_source(method, path, op))
                    for method, path, path_item, op in supported
                ),
                reserved=RESERVED_IN_RESOURCES,
                what="operation",
                file=self.file,
            )
            self.warnings.extend(renamed)
            operations = [
                self.operation(names[(method, path)], attr, method, path, path_item, op, None, None)
                for method, path, path_item, op in supported
            ]
            resources.append(Resource(attr, pascal_case(attr), (attr,), tuple(operations), ()))
        return tuple(resources)

    # ------------------------------------------------------------------ operations

    def supported(self, op: dict[str, Any], pointer: str) -> bool:
        """Whether the generated runtime can send this operation; if not, skip it with a warning."""
        body = self.deref(op.get("requestBody"))
        content = body.get("content") if isinstance(body, dict) else None
        if isinstance(content, dict) and content:
            if not any(c == "application/json" or c.endswith("+json") for c in content):
                self.warnings.append(
                    self.problem(
                        f"request body type {', '.join(sorted(content))} is not supported yet; operation skipped",
                        f"{pointer}/requestBody",
                        "only JSON request bodies are generated for now",
                        "body-unsupported",
                    )
                )
                return False
        return True

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
        pointer = f"/paths/{_escape(path)}/{http_method}"
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for index, raw in enumerate(path_item.get("parameters") or []):
            param = self.deref(raw)
            if isinstance(param, dict) and "name" in param and "in" in param:
                merged[(str(param["name"]), str(param["in"]))] = (param, f"/paths/{_escape(path)}/parameters/{index}")
        for index, raw in enumerate(op.get("parameters") or []):
            param = self.deref(raw)
            if isinstance(param, dict) and "name" in param and "in" in param:
                merged[(str(param["name"]), str(param["in"]))] = (param, f"{pointer}/parameters/{index}")

        path_names = _PATH_PARAM.findall(path)
        params: list[Parameter] = []
        sources: list[str] = []  # the pointer each parameter comes from, for name clashes

        def add(param: dict[str, Any], location: str, where: str, required: bool) -> None:
            wire = str(param["name"])
            py_name = snake_case(wire, fallback="param")
            sources.append(where)
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict):
                media = next(iter(param["content"].values()), {})
                schema = media.get("schema") if isinstance(media, dict) else None
            type_, nullable = unwrap_nullable(self.schemas.convert(schema or {}, f"{where}/schema"))
            has_example, example = (True, param["example"]) if "example" in param else self.schemas.example_of(schema)
            params.append(
                Parameter(
                    wire_name=wire,
                    py_name=py_name,
                    location=location,
                    type=type_,
                    required=required,
                    description=str(param.get("description") or "").strip() or self.schemas.description_of(schema),
                    nullable=nullable,
                    deprecated=bool(param.get("deprecated")),
                    style=str(param.get("style") or ""),
                    explode=bool(param.get("explode", param.get("style", "form") == "form")),
                    example=example,
                    has_example=has_example,
                    pointer=where,
                )
            )

        for wire in path_names:
            entry = merged.get((wire, "path"))
            if entry is None:
                self.warnings.append(
                    self.problem(f"path parameter {wire!r} is not declared; treated as a string", pointer, "", "param-undeclared")
                )
                entry = ({"name": wire, "in": "path", "required": True, "schema": {"type": "string"}}, pointer)
            add(entry[0], "path", entry[1], True)
        for location in ("query", "header"):
            for (wire, where_in), (param, where) in merged.items():
                if where_in == location and location == "header" and not HTTP_TOKEN.fullmatch(wire):
                    self.warnings.append(replace(self.problem(
                        f"header name {wire!r} is not a valid HTTP token (no spaces, quotes, CR/LF...); "
                        "the method does not take it", f"{where}/name", "fix the name in the spec", "param-header-invalid"),
                        severity="warning"))
                elif where_in == location:
                    add(param, location, where, bool(param.get("required")))
        for (wire, where_in), (param, where) in merged.items():
            if where_in == "cookie":
                self.warnings.append(
                    self.problem(
                        f"cookie parameter {wire!r} is not supported yet; the method does not take it",
                        where,
                        "send it with extra_headers={'Cookie': ...} meanwhile",
                        "param-cookie",
                    )
                )

        body = self.request_body(op, pointer)
        body_shape = self.schemas.deref(body.type) if body is not None and body.type is not None else None
        if body is not None and body.mode == "fields" and isinstance(body_shape, ObjectType):
            for prop in body_shape.properties:
                if prop.read_only:
                    continue
                sources.append(f"{pointer}/requestBody/properties/{_escape(prop.wire_name)}")
                params.append(
                    Parameter(
                        wire_name=prop.wire_name,
                        py_name=prop.py_name,
                        location="body",
                        type=prop.type,
                        required=prop.required,
                        description=prop.description,
                        nullable=prop.nullable,
                        deprecated=prop.deprecated,
                        example=prop.example,
                        has_example=prop.has_example,
                        pointer=f"{body_shape.schema_id.lstrip('#')}/properties/{_escape(prop.wire_name)}",
                    )
                )
        elif body is not None and body.type is not None:
            sources.append(f"{pointer}/requestBody")
            inner, nullable = unwrap_nullable(body.type)
            params.append(Parameter("", "body", "body", inner, body.required, body.description, nullable,
                                    pointer=f"{pointer}/requestBody"))
        params = name_parameters(params, sources, RESERVED_IN_METHODS, self.file, self.warnings)

        if positional_override is not None:
            positional = tuple(p.py_name for p in params if p.wire_name in positional_override or p.py_name in positional_override)
        elif path_names and path.rstrip("/").endswith("{" + path_names[-1] + "}"):
            # The id of the thing the path names is the first positional argument.
            positional = tuple(p.py_name for p in params if p.location == "path" and p.wire_name == path_names[-1])
        else:
            positional = ()

        response = self.response(op, pointer, page)
        security_raw = op.get("security", self.data.get("security") or [])
        security = tuple(tuple(str(k) for k in req) for req in security_raw if isinstance(req, dict))

        stem = pascal_case(singular(resource_name)) + pascal_case(name)
        has_params_type = any(p.location in ("query", "body", "header", "cookie") for p in params)
        has_response_type = response.type is not None
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
            response=response,
            page=page,
            security=security,
            params_type_name=f"{stem}Params" if has_params_type else "",
            response_type_name=f"{stem}Response" if has_response_type else "",
            params_module=snake_case(f"{stem}Params") if has_params_type else "",
            response_module=snake_case(f"{stem}Response") if has_response_type else "",
            pointer=pointer,
        )

    def request_body(self, op: dict[str, Any], pointer: str) -> RequestBody | None:
        raw = self.deref(op.get("requestBody"))
        if not isinstance(raw, dict):
            return None
        content = raw.get("content") or {}
        if not isinstance(content, dict) or not content:
            return None
        content_type = next((c for c in content if c == "application/json" or c.endswith("+json")), next(iter(content)))
        media = content.get(content_type) or {}
        schema = media.get("schema") if isinstance(media, dict) else None
        required = bool(raw.get("required"))
        description = str(raw.get("description") or "").strip()
        if schema is None:
            return RequestBody(content_type, required, None, "fields", description)
        type_ = self.schemas.convert(schema, f"{pointer}/requestBody/content/{_escape(content_type)}/schema")
        shape = self.schemas.deref(unwrap_nullable(type_)[0])
        mode = "fields" if isinstance(shape, ObjectType) and not isinstance(type_, NullableType) else "whole"
        return RequestBody(content_type, required, type_, mode, description)

    def response(self, op: dict[str, Any], pointer: str, page: PageStyle | None) -> Response:
        responses = op.get("responses") or {}
        chosen: tuple[str, dict[str, Any]] | None = None
        for status in sorted(str(s) for s in responses):
            if status.startswith("2"):
                resolved = self.deref(responses.get(status, responses.get(int(status) if status.isdigit() else status)))
                if isinstance(resolved, dict):
                    chosen = (status, resolved)
                    break
        if chosen is None:
            return Response("", "", None)
        status, resp = chosen
        content = resp.get("content") or {}
        if not isinstance(content, dict) or not content:
            return Response(status, "", None, description=str(resp.get("description") or ""))
        content_type = response_content_type(content)
        media = content.get(content_type) or {}
        schema = media.get("schema") if isinstance(media, dict) else None
        kind = response_kind(content_type, schema)
        if kind is ResponseKind.BINARY:
            return Response(status, content_type, None, description=str(resp.get("description") or ""), kind=kind)
        if schema is None:
            if kind is ResponseKind.EVENT_STREAM:
                return Response(status, content_type, Primitive("str"), kind=kind)
            return Response(status, content_type, None)
        where = f"{pointer}/responses/{status}/content/{_escape(content_type)}/schema"
        type_: TypeRef = self.schemas.convert(schema, where)
        if kind is not ResponseKind.JSON:
            return Response(status, content_type, type_, description=str(resp.get("description") or ""), kind=kind)
        envelope = self.schemas.deref(unwrap_nullable(type_)[0])
        if page is not None:
            items_type = self._field_type(envelope, page.items_field)
            if isinstance(items_type, ArrayType):
                return Response(status, content_type, items_type.items, description=str(resp.get("description") or ""))
            self.errors.append(
                self.problem(
                    f"paginated as {page.class_suffix!r}, but the response has no array field {page.items_field!r}",
                    where,
                    "fix the pagination config or the response schema",
                    "page-shape",
                )
            )
        result_key = self.config.result_key
        if result_key and isinstance(envelope, ObjectType):
            result_type = self._field_type(envelope, result_key)
            if result_type is not None:
                return Response(status, content_type, result_type, unwrapped=True, nullable=True)
        return Response(status, content_type, type_, description=str(resp.get("description") or ""))

    def _field_type(self, shape: TypeRef, wire_name: str) -> TypeRef | None:
        if not isinstance(shape, ObjectType):
            return None
        for prop in shape.properties:
            if prop.wire_name == wire_name:
                return prop.type
        return None

    def error_envelope(self, operations: list[Operation]) -> ErrorEnvelope | None:
        key = self.config.errors_key
        if not key:
            return None
        for path_item in (self.data.get("paths") or {}).values():
            path_item = self.deref(path_item)
            for method in HTTP_METHODS:
                op = path_item.get(method) if isinstance(path_item, dict) else None
                if not isinstance(op, dict):
                    continue
                for status, raw in (op.get("responses") or {}).items():
                    if not str(status)[:1] in ("4", "5", "d"):
                        continue
                    resp = self.deref(raw)
                    media = (resp.get("content") or {}).get("application/json") if isinstance(resp, dict) else None
                    schema = media.get("schema") if isinstance(media, dict) else None
                    if schema is None:
                        continue
                    shape = self.schemas.deref(self.schemas.convert(schema, "#/error-envelope"))
                    errors = self.schemas.deref(unwrap_nullable(self._field_type(shape, key) or NullableType(shape))[0])
                    if isinstance(errors, ArrayType):
                        return ErrorEnvelope(key, self.config.error_model or "ErrorData", errors.items)
        return None

    # ------------------------------------------------------------------ all

    def build(self) -> Api:
        package = self.package()
        info = self.data.get("info") or {}
        resources = self.configured_resources() if self.config.resources else self.derived_resources()
        resources = name_type_modules(resources, self.file, self.warnings)
        auth = self.auth(package)
        check_client_namespace(resources, auth, self.config, self.file)
        operations = [op for top in resources for op in _walk(top)]
        error_envelope = self.error_envelope(operations)
        schemas = self.schemas.finish()
        self.warnings.extend(replace(w, file=w.file or self.file) for w in self.schemas.warnings)
        if self.errors:
            raise SdkgenError(self.errors)
        base_url_env = self.config.base_url_env or f"{package.env_prefix}_BASE_URL"
        test_credentials: list[tuple[str, str]] = []
        for scheme in auth:
            value = self.config.credential(scheme.name).test_value
            if value:
                test_credentials.append((scheme.option, value))
        if auth and not test_credentials:
            test_credentials.append((auth[0].option, f"My {pascal_case(auth[0].option)}"))
            for option in auth[0].group:
                test_credentials.append((option, f"My {pascal_case(option)}"))
        return Api(
            package=package,
            title=str(info.get("title") or ""),
            api_version=str(info.get("version") or ""),
            description=str(info.get("description") or "").strip(),
            base_url=self.base_url(),
            base_url_env=base_url_env,
            auth=auth,
            options=self.options(package),
            result_key=self.config.result_key,
            error_envelope=error_envelope,
            pages=self.pages(),
            schemas=schemas,
            resources=resources,
            test_credentials=tuple(test_credentials),
        )


def _walk(resource: Resource) -> list[Operation]:
    found = list(resource.operations)
    for child in resource.children:
        found.extend(_walk(child))
    return found


def _operation_name_source(method: str, path: str, op: dict[str, Any]) -> tuple[str, str, str]:
    """(original text, pointer, method name) of an operation named after its operationId or route."""
    pointer = f"/paths/{_escape(path)}/{method}"
    op_id = op.get("operationId")
    if op_id:
        return str(op_id), f"{pointer}/operationId", snake_case(str(op_id))
    route = f"{method} {path}"
    return route, pointer, snake_case(route.replace("{", " by ").replace("}", ""))


def build_api(data: dict[str, Any], file: str, config: Config, *, package_name: str = "") -> BuildResult:
    builder = _Builder(data, file, config, package_name)
    try:
        api = builder.build()
    except SdkgenError as error:
        raise SdkgenError([replace(p, file=p.file or file) for p in error.problems]) from None
    return BuildResult(api, tuple(builder.warnings))


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
