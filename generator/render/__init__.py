"""Api -> FileSet: every file of the SDK as text, in memory. Touches no disk but the templates."""

from __future__ import annotations

import json

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ..assets import templates_dir
from ..errors import SdkgenError
from ..fileset import FileSet
from ..format import LINE_LENGTH, TARGET_VERSIONS
from ..ir.model import Api, PageStyle, ResponseKind
from ..ir.naming import avoid_reserved, module_name, singular, snake_case
from .literals import comment, docstring_body, html_attribute, markdown_inline, py_literal, py_tuple, pystr, toml_str
from .imports import ImportBlock
from .views import ResourceView, SdkView, TypeFileView, ViewBuilder, build_views

if TYPE_CHECKING:
    from ..overrides import TemplateOverrides

# Names the README's usage snippets bind themselves; the example's variable must not be one.
README_NAMES = frozenset({"client", "os", "asyncio", "main"})
HEADER = "# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead."




RUNTIME_DIR = Path(__file__).resolve().parents[1] / "runtime"
# Not copied: the package marker of the source tree, and the settings every SDK gets its own of.
_NOT_COPIED = frozenset({"__init__.py", "_settings.py"})


@lru_cache(maxsize=1)
def runtime_files() -> dict[str, str]:
    """The runtime every SDK carries, by path inside the package: copied byte for byte."""
    files = {}
    for path in sorted(RUNTIME_DIR.rglob("*")):
        relative = path.relative_to(RUNTIME_DIR).as_posix()
        if path.is_dir() or "__pycache__" in relative or relative in _NOT_COPIED or path.suffix not in (".py", ".typed"):
            continue
        files[relative] = path.read_text(encoding="utf-8")
    return files


@lru_cache(maxsize=4)
def environment(overrides: TemplateOverrides | None = None) -> jinja2.Environment:
    """The Jinja environment: the built-in templates, with OVERRIDES in place of those they name."""
    from ..overrides import OverridingLoader
    from ..surface.model import annotation_text

    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(str(templates_dir()))
    env = jinja2.Environment(
        loader=loader if overrides is None else OverridingLoader(loader, overrides),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pystr"] = pystr
    env.filters["pyliteral"] = py_literal
    env.filters["pytuple"] = py_tuple
    env.filters["tomlstr"] = toml_str
    env.filters["markdown"] = markdown_inline
    env.filters["comment"] = comment
    env.filters["docstring"] = lambda text, indent=0: docstring_body(str(text), " " * int(indent))
    env.filters["annotation"] = annotation_text  # a surface Annotation as the generated code spells it
    return env


@dataclass(frozen=True)
class Flavor:
    sync: bool


FLAVORS = (Flavor(True), Flavor(False))


@dataclass(frozen=True)
class ErrorModelRef:
    class_name: str
    module: str


@dataclass(frozen=True)
class SdkContext:
    """What every template may read about the SDK as a whole (runtime templates read only this)."""

    dist_name: str
    import_name: str
    version: str
    title: str
    description: str
    client_class: str
    async_client_class: str
    env_prefix: str
    telemetry_prefix: str
    result_key: str | None
    errors_key: str | None
    error_model: ErrorModelRef | None
    pages: tuple[PageStyle, ...]
    secret_query_params: tuple[str, ...]  # query parameters that carry credentials


def sdk_context(api: Api) -> SdkContext:
    package = api.package
    envelope = api.error_envelope
    return SdkContext(
        dist_name=package.dist_name,
        import_name=package.import_name,
        version=package.version,
        title=package.title,
        description=package.description,
        client_class=package.client_class,
        async_client_class=package.async_client_class,
        env_prefix=package.env_prefix,
        telemetry_prefix=package.telemetry_prefix,
        result_key=api.result_key or None,
        errors_key=envelope.errors_key if envelope else None,
        error_model=(
            ErrorModelRef(envelope.model_name, f"types.shared.{module_name(envelope.model_name)}") if envelope else None
        ),
        pages=api.pages,
        secret_query_params=tuple(sorted({s.param_name for s in api.auth if s.location == "query"})),
    )


@dataclass
class CredentialView:
    option: str
    env_var: str
    header_expr: str  # "{}" for credentials sent in the query
    combined_expr: str
    query_expr: str  # "" unless the credential is sent in the query
    location: str = "header"  # header | query | cookie


@dataclass
class OptionView:
    name: str
    header: str
    env_var: str
    default_expr: str


@dataclass
class ClientView:
    credentials: list[CredentialView]
    options: list[OptionView]
    base_url: str
    base_url_env: str
    server_path: str
    env_docs: list[tuple[str, str]]
    auth_header_names: list[str]
    auth_error: str
    uses_base64: bool
    uses_date: bool
    resources: list[ResourceView]
    query_credentials: list[CredentialView]
    document_query_credentials: list[CredentialView]  # query credentials the API's own security names
    header_credentials: list[CredentialView]  # sent in a header or cookie: what auth_headers picks from
    validates_auth: bool  # the API's own security requires a credential on every call
    query_auth_names: list[str]
    uses_overrides: bool  # some operation's security differs from the API's
    uses_operation_servers: bool  # some operation has its own server


def client_view(api: Api, resources: list[ResourceView]) -> ClientView:
    credentials = []
    uses_base64 = False
    for scheme in api.auth:
        value = scheme.option
        if scheme.kind == "basic":
            uses_base64 = True
            value_expr = f'"Basic " + base64.b64encode({value}.encode()).decode()'
        elif scheme.value_prefix:
            value_expr = f"f{pystr(scheme.value_prefix + '{' + value + '}')}"
        else:
            value_expr = value
        query_expr = ""
        if scheme.location == "cookie":
            header_expr = f'{{"Cookie": f{pystr(scheme.param_name + "={" + value + "}")}}}'
        elif scheme.location == "query":
            header_expr = "{}"
            query_expr = f"{{{pystr(scheme.param_name)}: {value}}}"
        else:
            header_expr = f"{{{pystr(scheme.param_name)}: {value_expr}}}"
        parts = [f"**self._{scheme.option}_auth"] + [f"**self._{other}_auth" for other in scheme.group]
        combined = f"self._{scheme.option}_auth" if len(parts) == 1 else "{" + ", ".join(parts) + "}"
        credentials.append(CredentialView(scheme.option, scheme.env_var, header_expr, combined, query_expr, scheme.location))
    options = []
    uses_date = False
    for option in api.options:
        if option.default_date_format:
            uses_date = True
            default_expr = f"date.today().strftime({pystr(option.default_date_format)})"
        else:
            default_expr = pystr(option.default)
        options.append(OptionView(option.name, option.header, option.env_var, default_expr))
    header_names = list(
        dict.fromkeys("Cookie" if s.location == "cookie" else s.param_name for s in api.auth if s.location != "query")
    )
    options_text = _english_or([s.option for s in api.auth])
    headers_text = _english_or([f"`{h}`" for h in header_names])
    auth_error = (
        f'"Could not resolve authentication method. Expected one of {options_text} to be set. '
        f'Or for one of the {headers_text} headers to be explicitly omitted"'
    )
    env_docs = [(s.option, s.env_var) for s in api.auth] + [(o.name, o.env_var) for o in api.options if o.env_var]
    return ClientView(
        credentials=credentials,
        options=options,
        base_url=api.base_url,
        base_url_env=api.base_url_env,
        server_path=api.server_path,
        env_docs=env_docs,
        auth_header_names=header_names,
        auth_error=auth_error,
        uses_base64=uses_base64,
        uses_date=uses_date,
        resources=resources,
        query_credentials=[c for c in credentials if c.query_expr],
        document_query_credentials=[
            c for c, scheme in zip(credentials, api.auth)
            if c.query_expr and any(scheme.name in alternative for alternative in api.security)
        ],
        header_credentials=[c for c in credentials if not c.query_expr],
        validates_auth=bool(header_names) and bool(api.security) and all(api.security),
        query_auth_names=list(dict.fromkeys(s.param_name for s in api.auth if s.location == "query")),
        uses_overrides=bool(api.auth) and any(op.own_security for _r, op in api.all_operations()),
        uses_operation_servers=any(op.server for _r, op in api.all_operations()),
    )


def _english_or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _walk(resources: list[ResourceView]) -> list[ResourceView]:
    found: list[ResourceView] = []
    for view in resources:
        found.append(view)
        found.extend(_walk(view.children))
    return found


@dataclass
class Route:
    method: str
    regex: str
    status: int
    body: object  # JSON data, or bytes sent as they are
    content_type: str = "application/json"

    def as_json(self) -> str:
        """One line of tests/routes.json: bytes travel as latin-1 text (every byte one char)."""
        if isinstance(self.body, bytes):
            body: object = {"bytes": self.body.decode("latin-1")}
        else:
            body = {"json": self.body}
        return json.dumps([self.method, self.regex, self.status, self.content_type, body], ensure_ascii=True)


@dataclass
class TestFileView:
    class_stem: str
    calls: list[Any]
    imports: list[list[str]]  # the import lines, in groups
    lang_header: str


class _Renderer:
    def __init__(self, api: Api, overrides: TemplateOverrides | None = None) -> None:
        from ..surface import SurfaceOnDemand

        self.api = api
        self.overrides = overrides
        self.env = environment(overrides)
        self.sdk = sdk_context(api)
        self.surface = SurfaceOnDemand(api)  # every template's `surface` (docs/templates.md)
        self.files: dict[str, str] = {}
        self._paths: dict[str, str] = {}
        self.verbatim: set[str] = set()
        self.src = f"src/{api.package.import_name}"

    def render(self, template: str, path: str, **context: Any) -> None:
        from ..overrides import render_error

        try:
            text = self.env.get_template(template).render(
                sdk=self.sdk, surface=self.surface, header=HEADER, flavors=FLAVORS, **context
            )
        except Exception as error:  # in a user's override: a problem at its line; else our bug
            raise render_error(error, self.overrides) or error
        self._claim(path)
        self.files[path] = text

    def _claim(self, path: str) -> None:
        # The IR gives every file a distinct name; this guard makes a slip loud instead of one
        # file silently replacing another (also on case-insensitive file systems).
        folded = path.lower()
        if folded in self._paths:
            raise SdkgenError.single(
                f"two generated files would share the path {path!r} (the other is {self._paths[folded]!r})",
                code="name-collision",
                hint="rename one of the spec names they come from; see docs/hostile-input.md",
            )
        self._paths[folded] = path

    def run(self) -> FileSet:
        views: SdkView = build_views(self.api)
        builder = ViewBuilder(self.api)
        self.runtime()
        self.render("sdk/package/__init__.py.jinja", f"{self.src}/__init__.py")
        self.render("sdk/package/_client.py.jinja", f"{self.src}/_client.py", c=client_view(self.api, views.resources))
        self.resources(views.resources)
        self.types(views.type_files)
        self.tests(views, builder)
        self.docs(views)
        # The SDK declares the style format.py applies, so `black --check` passes inside it.
        formatter = {"line_length": LINE_LENGTH, "target_versions": TARGET_VERSIONS}
        self.render("sdk/pyproject.toml.jinja", "pyproject.toml", formatter=formatter)
        return FileSet(self.files, frozenset(self.verbatim))

    def runtime(self) -> None:
        for relative, text in runtime_files().items():
            self.files[f"{self.src}/{relative}"] = text
            self.verbatim.add(f"{self.src}/{relative}")
        self.render("sdk/package/_settings.py.jinja", f"{self.src}/_settings.py")
        self.render("sdk/package/_version.py.jinja", f"{self.src}/_version.py")
        self.render("sdk/package/pagination.py.jinja", f"{self.src}/pagination.py")

    def lazy_init(self, directory: str, imports: list[tuple[str, list[str]]]) -> None:
        """A package `__init__` whose names load on first access; `imports`: (module, names), [] for a submodule."""
        exports = [(name, module) for module, names in imports for name in names or [module[1:]]]
        up = "." * (directory.count("/") + 2)
        self.render("sdk/package/lazy_init.py.jinja", f"{self.src}/{directory}/__init__.py", imports=imports, exports=exports, up=up)

    def resources(self, top: list[ResourceView]) -> None:
        self.lazy_init("resources", [_resource_exports(view) for view in top])
        for view in _walk(top):
            self.render("sdk/package/resource.py.jinja", f"{self.src}/{view.module_path}", r=view)
            if view.is_package:
                directory = f"resources/{'/'.join(view.resource.path)}"
                self.lazy_init(directory, [_resource_exports(child) for child in [*view.children, view]])

    def types(self, files: list[TypeFileView]) -> None:
        by_dir: dict[str, list[tuple[str, str]]] = {"types": []}
        for file in files:
            exported = file.plan.exported_names()
            template = "sdk/package/params.py.jinja" if file.flavor == "params" else "sdk/package/model.py.jinja"
            imports = file.plan.import_block().groups(file.up)
            self.render(template, f"{self.src}/{file.path}", t=file, exported=exported, imports=imports)
            directory = file.path.rsplit("/", 1)[0]
            by_dir.setdefault(directory, []).append((file.module, file.main))
            parts = directory.split("/")
            for depth in range(1, len(parts)):
                by_dir.setdefault("/".join(parts[:depth]), [])
        for directory, entries in sorted(by_dir.items()):
            subpackages = sorted(d.rsplit("/", 1)[1] for d in by_dir if d.rsplit("/", 1)[0] == directory and d != directory)
            imports = [(f".{module}", [name]) for module, name in sorted(entries)]
            self.lazy_init(directory, imports + [(f".{package}", []) for package in subpackages])

    def tests(self, views: SdkView, builder: ViewBuilder) -> None:
        api = self.api
        routes: list[Route] = []
        self.files["tests/__init__.py"] = ""
        self.files["tests/api_resources/__init__.py"] = ""
        for view in _walk(views.resources):
            if not view.methods:
                continue
            calls = [
                builder.test_call(view, method, op) for method, op in zip(view.methods, view.resource.operations)
            ]
            for call in calls:
                routes.append(
                    Route(call.route_method, call.route_regex, call.response_status, call.response_body, call.response_content_type)
                )
            dirs = ("tests", "api_resources", *view.resource.path[:-1])
            for depth in range(3, len(dirs) + 1):
                self.files["/".join((*dirs[:depth], "__init__.py"))] = ""
            imports = ImportBlock().add(api.package.import_name, api.package.client_class, api.package.async_client_class)
            for call in calls:
                imports.add_pairs(call.imports)
            test_view = TestFileView(
                class_stem=view.resource.class_stem,
                calls=calls,
                imports=imports.groups(f"{api.package.import_name}."),
                lang_header=f"{api.package.telemetry_prefix}-Lang",
            )
            self.render("sdk/tests/test_resource.py.jinja", "/".join((*dirs, f"test_{view.resource.attr_name}.py")), t=test_view)
        client_kwargs = py_literal(dict(api.test_credentials))
        # Longest patterns first so a literal segment wins over a parameter.
        routes.sort(key=lambda r: (-len(r.regex.replace("[^/]+", "")), r.regex, r.method))
        # The routes and their example bodies are data (megabytes on big specs): a JSON file the
        # conftest reads, not Python that black (and readers) would have to wade through.
        self.files["tests/routes.json"] = "[\n" + ",\n".join(route.as_json() for route in routes) + "\n]\n"
        self.render("sdk/tests/conftest.py.jinja", "tests/conftest.py", t={"client_kwargs": client_kwargs})
        self.render("sdk/tests/utils.py.jinja", "tests/utils.py")

    def docs(self, views: SdkView) -> None:
        sections = []
        for view in _walk(views.resources):
            types_dir = ("types", *view.resource.path[:-1])
            names = [op.response_type_name for op in view.resource.operations if op.response_type_name]
            methods = []
            for method, op in zip(view.methods, view.resource.operations):
                positional = [a.py_name for a in method.args[: method.positional_count]]
                keyword = [a.py_name for a in method.args[method.positional_count :] if a.py_name != "*"]
                shown = positional + (["\\*"] if keyword else []) + [a for a in keyword if a not in _optional(method)]
                if op.params_type_name:
                    shown.append(f"\\*\\*<a href=\"src/{self.api.package.import_name}/{'/'.join(types_dir)}/{op.params_module}.py\">params</a>")
                methods.append(
                    {
                        "http": op.http_method,
                        "path": html_attribute(op.path),
                        "name": method.name,
                        "args": ", ".join(shown),
                        "returns": html_attribute(method.returns_sync),
                    }
                )
            sections.append(
                {
                    "level": min(len(view.resource.path), 5) + 0,
                    "title": view.resource.class_stem,
                    "types": names,
                    "types_module": ".".join(types_dir),
                    "methods": methods,
                    "chain": ".".join(view.resource.path),
                    "module_path": view.module_path,
                }
            )
        error_model = self.api.error_envelope.model_name if self.api.error_envelope else ""
        self.render("sdk/api.md.jinja", "api.md", t={"sections": sections, "error_model": error_model})
        self.render("sdk/README.md.jinja", "README.md", t=self.readme_context(views))

    def readme_context(self, views: SdkView) -> dict[str, Any]:
        example = None
        for view in _walk(views.resources):
            for method, op in zip(view.methods, view.resource.operations):
                if op.response_type_name:
                    call = ViewBuilder(self.api).test_call(view, method, op)
                    shape = ViewBuilder(self.api).deref(op.response.type) if op.response.type is not None else None
                    properties = getattr(shape, "properties", ())
                    required = [p.py_name for p in properties if p.required]
                    field = required[0] if required and not op.page else ""
                    example = {
                        "var": avoid_reserved(
                            snake_case(view.resource.attr_name if op.page else singular(view.resource.attr_name)),
                            README_NAMES,
                        ),
                        "chain": f"{call.resource_chain}.{method.name}",
                        "args": call.required_args,
                        "field": field,
                    }
                    break
            if example:
                break
        return {
            "usage_credentials": [(s.option, s.env_var) for s in self.api.auth[:1]],
            "example": example,
            "stream_example": self._call_example(views, ResponseKind.EVENT_STREAM),
            "binary_example": self._call_example(views, ResponseKind.BINARY),
        }

    def _call_example(self, views: SdkView, kind: ResponseKind) -> dict[str, str] | None:
        """The first method returning `kind`, as a chain from the client and its required arguments."""
        for view in _walk(views.resources):
            for method, op in zip(view.methods, view.resource.operations):
                if method.response_kind is kind:
                    call = ViewBuilder(self.api).test_call(view, method, op)
                    return {"chain": f"{call.resource_chain}.{method.name}", "args": call.required_args}
        return None


def _resource_exports(view: ResourceView) -> tuple[str, list[str]]:
    classes = [view.class_name, view.async_class_name]
    return view.import_from_parent, [*classes, *(f"{c}With{kind}Response" for kind in ("Raw", "Streaming") for c in classes)]


def _optional(method: Any) -> set[str]:
    return {a.py_name for a in method.args if "= omit" in a.signature}


def render_sdk(api: Api, *, overrides: TemplateOverrides | None = None) -> FileSet:
    return _Renderer(api, overrides).run()
