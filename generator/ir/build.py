"""Document + Config -> Api: every decision about the SDK's shape is made here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..config import Config, MethodConfig, ResourceConfig
from ..errors import SdkgenError, SpecProblem
from .auth import build_auth, requirement
from .context import HTTP_METHODS, SpecContext, escape, server_url
from .model import (
    Api,
    ArrayType,
    ClientOption,
    ErrorEnvelope,
    NullableType,
    Operation,
    PackageInfo,
    PageStyle,
    Resource,
)
from .naming import is_identifier, pascal_case, snake_case, unique, upper_snake
from .operations import PATH_PARAM, OperationBuilder
from .responses import field_type, response_kind

__all__ = ["BuildResult", "build_api", "response_kind"]  # response_kind: its home before the split
from .schemas import unwrap_nullable


# Attributes of the generated client (and its runtime base) that a resource must not replace.
_CLIENT_ATTRIBUTES = frozenset(
    {
        "with_raw_response", "with_streaming_response", "copy", "with_options", "close", "get", "post", "put",
        "patch", "delete", "request", "get_api_list", "base_url", "timeout", "max_retries", "auth_headers",
        "default_headers", "default_query", "qs", "user_agent", "platform_headers", "is_closed",
    }
)


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
        dist = self.package_name or self.config.package_name or snake_case(title, fallback="api_sdk").replace("_", "-")
        import_name = self.config.import_name or snake_case(dist.replace("-", "_").replace(".", "_"), fallback="api_sdk")
        if self.package_name:
            import_name = snake_case(self.package_name.replace("-", "_").replace(".", "_"), fallback="api_sdk")
        client_class = self.config.client_class or pascal_case(self.config.title or title, fallback="Client")
        if client_class.startswith("Async"):
            client_class = client_class[len("Async") :] or "Client"
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
        taken: set[str] = set()
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
            name = unique(name, taken)
            taken.add(name)
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

    def derived_resources(self, taken_by_client: frozenset[str] | set[str]) -> tuple[Resource, ...]:
        """No resources in the config: one resource per tag (or first path segment)."""
        groups: dict[str, list[tuple[str, str, dict[str, Any], dict[str, Any]]]] = {}
        for path, method, path_item, op in self.ctx.operations():
            tags = op.get("tags") or []
            segment = next((s for s in path.split("/") if s and not s.startswith("{")), "root")
            group = snake_case(str(tags[0]) if tags else segment, fallback="default")
            groups.setdefault(group, []).append((method, path, path_item, op))
        resources = []
        # a resource named `post` would shadow the client's `post`, which every resource calls
        attr_taken: set[str] = set(taken_by_client)
        for group, entries in groups.items():
            attr = unique(group, attr_taken)
            attr_taken.add(attr)
            taken: set[str] = set()
            operations = []
            for method, path, path_item, op in entries:
                op_id = op.get("operationId")
                base = snake_case(str(op_id)) if op_id else snake_case(f"{method} {path}".replace("{", " by ").replace("}", ""))
                name = unique(base, taken)
                taken.add(name)
                operations.append(self.operations.operation(name, attr, method, path, path_item, op, None, None))
            resources.append(Resource(attr, pascal_case(attr), (attr,), tuple(operations), ()))
        return tuple(resources)

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
        taken_by_client = _CLIENT_ATTRIBUTES | {scheme.option for scheme in auth}
        resources = self.configured_resources() if self.config.resources else self.derived_resources(taken_by_client)
        operations = [op for top in resources for op in _walk(top)]
        error_envelope = self.error_envelope(operations)
        schemas = self.schemas.finish()
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


def build_api(data: dict[str, Any], file: str, config: Config, *, package_name: str = "") -> BuildResult:
    builder = _Builder(data, file, config, package_name)
    api = builder.build()
    return BuildResult(api, tuple(builder.warnings))
