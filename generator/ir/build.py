"""Document + Config -> Api: every decision about the SDK's shape is made here."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..config import Config, MethodConfig, ResourceConfig
from ..errors import SdkgenError, SpecProblem
from .auth import HTTP_TOKEN, build_auth, requirement
from .context import HTTP_METHODS, SpecContext, escape, server_url
from .model import (
    Api,
    ArrayType,
    AuthScheme,
    ClientOption,
    ErrorEnvelope,
    NullableType,
    Operation,
    PackageInfo,
    PageStyle,
    Resource,
)
from .naming import (
    RESERVED_CLIENT_CLASSES,
    RESERVED_IN_RESOURCES,
    RESERVED_ON_CLIENT,
    RUNTIME_ERROR_CLASSES,
    NameRequest,
    allocate,
    avoid_reserved,
    is_identifier,
    module_name,
    pascal_case,
    snake_case,
    title_class_name,
    title_dist_name,
    upper_snake,
    without_resource_words,
)
from .naming_checks import (
    check_client_namespace,
    check_configured_names,
    merged_tags_warnings,
    name_type_modules,
)
from .operations import PATH_PARAM, OperationBuilder
from .responses import field_type, response_kind

# response_kind and HTTP_TOKEN lived here before the split; they stay importable from here
__all__ = ["BuildResult", "build_api", "response_kind", "HTTP_TOKEN"]
from .schemas import unwrap_nullable

# What a default base URL may hold: printable ASCII without spaces, quotes, backslashes or
# angle brackets (anything else must be percent-encoded in the spec).
_USABLE_URL = re.compile(r"https?://[!#-&(-;=?-\[\]-~]+")
_DIST_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]{0,100}[A-Za-z0-9])?")


@dataclass(frozen=True)
class BuildResult:
    api: Api
    warnings: tuple[SpecProblem, ...]


class _Builder:
    def __init__(self, data: dict[str, Any], file: str, config: Config, package_name: str) -> None:
        self.ctx = SpecContext(data, file)
        self.data = data
        self.file = file
        self.config = config
        self.package_name = package_name
        self.schemas = self.ctx.schemas
        self.warnings = self.ctx.warnings
        self.errors = self.ctx.errors
        self.operations = OperationBuilder(self.ctx, config)
        self.deref = self.ctx.deref
        self.problem = self.ctx.problem

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
        dist = self.package_name or self.config.package_name or title_dist_name(title)
        import_name = self.config.import_name or module_name(dist.replace("-", "_").replace(".", "_"), fallback="api_sdk")
        if self.package_name:
            import_name = module_name(self.package_name.replace("-", "_").replace(".", "_"), fallback="api_sdk")
        client_class = self.config.client_class or title_class_name(self.config.title or title)
        if client_class.startswith("Async"):
            client_class = client_class[len("Async") :] or "Client"
        if not self.config.client_class:
            client_class = avoid_reserved(client_class, RESERVED_CLIENT_CLASSES)
            while f"{client_class}Error" in RUNTIME_ERROR_CLASSES:
                client_class = avoid_reserved(client_class + "_", RESERVED_CLIENT_CLASSES)
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

    def server(self) -> tuple[str, str]:
        """(default base URL, relative server path) from the first server of the document.

        Variables take their defaults. A relative URL (`/api/v3`) names no host, and the
        document's own URL is unknown to a generator, so the client gets no default base URL
        and its error message tells users to pass their host followed by this path.
        """
        if self.config.base_url:
            return self.config.base_url, ""
        url = server_url(self.data.get("servers"))
        if url.startswith("//"):
            url = "https:" + url
        if re.match(r"^https?://", url) and not _USABLE_URL.fullmatch(url):
            unusable = self.problem(
                f"server URL {url!r} is not a usable URL (spaces, quotes or control characters); "
                "the client gets no default base URL",
                "/servers/0/url",
                "percent-encode the URL in the spec, or set client.base_url in sdkgen.yaml",
                "server-url-unusable",
            )
            self.warnings.append(replace(unusable, severity="warning"))
            return "", ""
        if re.match(r"^https?://", url):
            return url, ""
        path = "/" + url.lstrip("./").strip("/") if url.strip("./") else ""
        return "", path

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
            shape = PATH_PARAM.sub("{}", method.path)
            for candidate, item in paths.items():
                if PATH_PARAM.sub("{}", candidate) == shape:
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
                            f"/paths/{escape(path)}/{method}",
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
                self.operations.operation(name, rc.name, method.http_method, spec_path, path_item, op, page, method.positional)
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

    def derived_resources(self, auth: tuple[AuthScheme, ...]) -> tuple[Resource, ...]:
        """No resources in the config: one resource per tag (or first path segment).

        A tag never takes a credential option's or a client option's name: it is renamed with a
        warning (the user chose neither name, so neither is an error).
        """
        groups: dict[str, list[tuple[str, str, dict[str, Any], dict[str, Any]]]] = {}
        spellings: dict[str, dict[str, str]] = {}  # group -> {tag as written: pointer of its first use}
        for path, method, path_item, op in self.ctx.operations():
            tags = op.get("tags") or []
            segment = next((s for s in path.split("/") if s and not s.startswith("{")), "root")
            label = str(tags[0]) if tags and isinstance(tags, list) else segment
            # Tags that read the same ("orders", "orders/") label one group: merged, with a warning.
            group = module_name(label, fallback="default")
            groups.setdefault(group, []).append((method, path, path_item, op))
            where = f"/paths/{escape(path)}/{method}" + ("/tags/0" if tags else "")
            spellings.setdefault(group, {}).setdefault(label, where)
        self.warnings.extend(merged_tags_warnings(spellings, self.file))
        # the naming authority keeps resources off the client's own names (`post`, credentials ...)
        attrs, renamed = allocate(
            (NameRequest(g, min(spellings[g]), spellings[g][min(spellings[g])], g) for g in groups),
            reserved=RESERVED_ON_CLIENT,
            claimed=self.client_attributes(auth),
            what="tag",
            file=self.file,
        )
        self.warnings.extend(renamed)
        resources = []
        for group, entries in groups.items():
            attr = attrs[group]
            sources = {(method, path): _operation_name_source(method, path, op) for method, path, _item, op in entries}
            short = without_resource_words({key: name for key, (_text, _pointer, name) in sources.items()}, group)
            names, renamed = allocate(
                (NameRequest(key, text, pointer, short[key]) for key, (text, pointer, _name) in sources.items()),
                reserved=RESERVED_IN_RESOURCES,
                what="operation",
                file=self.file,
            )
            self.warnings.extend(renamed)
            operations = [
                self.operations.operation(names[(method, path)], attr, method, path, path_item, op, None, None)
                for method, path, path_item, op in entries
            ]
            resources.append(Resource(attr, pascal_case(attr), (attr,), tuple(operations), ()))
        return tuple(resources)

    def client_attributes(self, auth: tuple[AuthScheme, ...]) -> dict[str, tuple[str, str]]:
        """Client attributes the spec or config already gives a meaning: name -> (owner, how to rename)."""
        config_file = self.config.path or "sdkgen.yaml"
        named = {
            o.name: (f"a client option in {config_file}", f"rename the option in {config_file}, or name the resources there")
            for o in self.config.options
        }
        for scheme in auth:
            named[scheme.option] = (
                f"the credential option of security scheme {scheme.name!r}",
                f"to choose the names yourself, set client.auth.credentials.{scheme.name}.option in {config_file} "
                "(docs/config.md), or name the resources there (resources:)",
            )
        return named

    def error_envelope(self, operations: list[Operation]) -> ErrorEnvelope | None:
        key = self.config.errors_key
        if not key:
            return None
        for _path, _method, _item, op in self.ctx.operations():
            for status, raw in (op.get("responses") or {}).items():
                if not str(status)[:1] in ("4", "5", "d"):
                    continue
                resp = self.deref(raw)
                media = (resp.get("content") or {}).get("application/json") if isinstance(resp, dict) else None
                schema = media.get("schema") if isinstance(media, dict) else None
                if schema is None:
                    continue
                shape = self.schemas.deref(self.schemas.convert(schema, "#/error-envelope"))
                errors = self.schemas.deref(unwrap_nullable(field_type(shape, key) or NullableType(shape))[0])
                if isinstance(errors, ArrayType):
                    return ErrorEnvelope(key, self.config.error_model or "ErrorData", errors.items)
        return None

    # ------------------------------------------------------------------ all

    def build(self) -> Api:
        package = self.package()
        info = self.data.get("info") or {}
        auth = build_auth(self.ctx, self.config, package)
        if isinstance(self.data.get("webhooks"), dict) and self.data["webhooks"]:
            self.ctx.warn("webhooks are requests the API makes to you: no method is generated for them",
                          "/webhooks", "serve them in your own web application", "webhooks-ignored")
        resources = self.configured_resources() if self.config.resources else self.derived_resources(auth)
        resources = name_type_modules(resources, self.file, self.warnings)
        check_client_namespace(resources, auth, self.config, self.file)
        operations = [op for top in resources for op in _walk(top)]
        error_envelope = self.error_envelope(operations)
        schemas = self.schemas.finish()
        self.warnings.extend(replace(w, file=w.file or self.file) for w in self.schemas.warnings)
        if self.errors:
            raise SdkgenError(self.errors)
        base_url_env = self.config.base_url_env or f"{package.env_prefix}_BASE_URL"
        base_url, server_path = self.server()
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        test_credentials: list[tuple[str, str]] = []
        for scheme in auth:
            value = self.config.credential(scheme.name).test_value
            if value:
                test_credentials.append((scheme.option, value))
        overrides = any(op.own_security for op in operations)
        if auth and (not test_credentials or overrides):
            # Operations with their own security may need any scheme: then set them all.
            given = {option for option, _value in test_credentials}
            wanted = [s.option for s in auth] if overrides else [auth[0].option, *auth[0].group]
            for option in wanted:
                if option not in given:
                    test_credentials.append((option, f"My {pascal_case(option)}"))
        return Api(
            package=package,
            title=str(info.get("title") or ""),
            api_version=str(info.get("version") or ""),
            description=str(info.get("description") or "").strip(),
            base_url=base_url,
            base_url_env=base_url_env,
            server_path=server_path,
            security=requirement(self.data.get("security"), schemes),
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
    pointer = f"/paths/{escape(path)}/{method}"
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
