"""Api -> FileSet: every file of the SDK as text, in memory.

Each top-level resource is a unit (units.py) rendered on its own; the files that gather all
resources (client, package inits, conftest, api.md, README) are rendered from the units'
summaries. Touches no disk but the templates, and the render cache when one is given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ..assets import templates_dir
from ..errors import SdkgenError
from ..fileset import FileSet
from ..format import LINE_LENGTH, TARGET_VERSIONS
from ..ir.model import Api, PageStyle
from ..ir.naming import module_name
from .cache import RenderCache
from .literals import comment, docstring_body, markdown_inline, py_literal, py_tuple, pystr, toml_str
from .units import NoSurface, Route, TopResource, TypeEntry, UnitSummary, lazy_init, render_unit
from .views import ViewBuilder

if TYPE_CHECKING:
    from ..overrides import TemplateOverrides

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
    resources: list[TopResource]
    query_credentials: list[CredentialView]
    document_query_credentials: list[CredentialView]  # query credentials the API's own security names
    header_credentials: list[CredentialView]  # sent in a header or cookie: what auth_headers picks from
    validates_auth: bool  # the API's own security requires a credential on every call
    query_auth_names: list[str]
    uses_overrides: bool  # some operation's security differs from the API's
    uses_operation_servers: bool  # some operation has its own server


def client_view(api: Api, resources: list[TopResource]) -> ClientView:
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


class _Renderer:
    def __init__(self, api: Api, cache: RenderCache | None, overrides: TemplateOverrides | None = None,
                 rendered_unit: Callable[[Mapping[str, str]], None] | None = None) -> None:
        from ..surface import SurfaceOnDemand

        self.api = api
        # User templates may read `surface` (every resource) from any file: a unit's output
        # would then depend on more than its key, so overrides render without the cache.
        self.cache = cache if overrides is None else None
        self.overrides = overrides
        self.rendered_unit = rendered_unit
        self.env = environment(overrides)
        self.sdk = sdk_context(api)
        self.surface = SurfaceOnDemand(api)  # every template's `surface` (docs/templates.md)
        self.files: dict[str, str] = {}
        self._paths: dict[str, str] = {}
        self.verbatim: set[str] = set()
        self.src = f"src/{api.package.import_name}"

    def text(self, template: str, surface: object = None, **context: Any) -> str:
        from ..overrides import render_error

        try:
            return self.env.get_template(template).render(
                sdk=self.sdk, surface=surface or self.surface, header=HEADER, flavors=FLAVORS, **context
            )
        except Exception as error:  # in a user's override: a problem at its line; else our bug
            raise render_error(error, self.overrides) or error

    def render(self, template: str, path: str, **context: Any) -> None:
        self.emit(path, self.text(template, **context))

    def emit(self, path: str, text: str) -> None:
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
        self.runtime()
        self.render("sdk/package/__init__.py.jinja", f"{self.src}/__init__.py")
        units = self.units()
        tops = [unit.top for unit in units]
        self.render("sdk/package/_client.py.jinja", f"{self.src}/_client.py", c=client_view(self.api, tops))
        self.emit(*lazy_init(self.text, self.src, "resources", [(top.import_from_parent, list(top.exports)) for top in tops]))
        self.types([entry for unit in units for entry in unit.type_entries])
        self.tests([route for unit in units for route in unit.routes])
        self.docs(units)
        # The SDK declares the style format.py applies, so `black --check` passes inside it.
        formatter = {"line_length": LINE_LENGTH, "target_versions": TARGET_VERSIONS}
        self.render("sdk/pyproject.toml.jinja", "pyproject.toml", formatter=formatter)
        return FileSet(self.files, frozenset(self.verbatim))

    def units(self) -> list[UnitSummary]:
        """Every top-level resource's files, from the cache when its inputs are unchanged."""
        cache = self.cache
        render = self.text if self.overrides is not None else partial(self.text, surface=NoSurface())
        found = cache.keys(self.api) if cache is not None else None
        keys: list[str | None] = list(found) if found is not None else [None] * len(self.api.resources)
        summaries = []
        for top, key in zip(self.api.resources, keys):
            unit = cache.load(key) if cache is not None and key is not None else None
            if unit is not None:
                self.verbatim.update(unit.files)  # final already: the format stage skips them
            else:
                unit = render_unit(self.api, top, render)
                if self.rendered_unit is not None:
                    self.rendered_unit(unit.files)
                if cache is not None and key is not None:
                    cache.defer(key, unit)  # stored once formatted (RenderCache.commit)
            for path, text in unit.files.items():
                self.emit(path, text)
            for path in unit.packages:
                self.files[path] = ""
            summaries.append(unit.summary)
        return summaries

    def runtime(self) -> None:
        for relative, text in runtime_files().items():
            self.files[f"{self.src}/{relative}"] = text
            self.verbatim.add(f"{self.src}/{relative}")
        self.render("sdk/package/_settings.py.jinja", f"{self.src}/_settings.py")
        self.render("sdk/package/_version.py.jinja", f"{self.src}/_version.py")
        self.render("sdk/package/pagination.py.jinja", f"{self.src}/pagination.py")

    def types(self, entries: list[TypeEntry]) -> None:
        """The shared error model, and the lazy `__init__` of every types package."""
        error_file = ViewBuilder(self.api).error_file()
        if error_file is not None:
            self.render("sdk/package/model.py.jinja", f"{self.src}/{error_file.path}", t=error_file,
                        exported=error_file.plan.exported_names(), imports=error_file.plan.import_block().groups(error_file.up))
            entries = [*entries, TypeEntry(error_file.path.rsplit("/", 1)[0], error_file.module, error_file.main)]
        by_dir: dict[str, list[tuple[str, str]]] = {"types": []}
        for entry in entries:
            by_dir.setdefault(entry.directory, []).append((entry.module, entry.main))
            parts = entry.directory.split("/")
            for depth in range(1, len(parts)):
                by_dir.setdefault("/".join(parts[:depth]), [])
        for directory, modules in sorted(by_dir.items()):
            subpackages = sorted(d.rsplit("/", 1)[1] for d in by_dir if d.rsplit("/", 1)[0] == directory and d != directory)
            imports = [(f".{module}", [name]) for module, name in sorted(modules)]
            self.emit(*lazy_init(self.text, self.src, directory, imports + [(f".{package}", []) for package in subpackages]))

    def tests(self, routes: list[Route]) -> None:
        self.files["tests/__init__.py"] = ""
        self.files["tests/api_resources/__init__.py"] = ""
        client_kwargs = py_literal(dict(self.api.test_credentials))
        # Longest patterns first so a literal segment wins over a parameter.
        routes = sorted(routes, key=lambda r: (-len(r.regex.replace("[^/]+", "")), r.regex, r.method))
        # The routes and their example bodies are data (megabytes on big specs): a JSON file the
        # conftest reads, not Python that black (and readers) would have to wade through.
        self.files["tests/routes.json"] = "[\n" + ",\n".join(route.line for route in routes) + "\n]\n"
        self.render("sdk/tests/conftest.py.jinja", "tests/conftest.py", t={"client_kwargs": client_kwargs})
        self.render("sdk/tests/utils.py.jinja", "tests/utils.py")

    def docs(self, units: list[UnitSummary]) -> None:
        error_model = self.api.error_envelope.model_name if self.api.error_envelope else ""
        sections = [section for unit in units for section in unit.sections]
        self.render("sdk/api.md.jinja", "api.md", t={"sections": sections, "error_model": error_model})
        readme = {
            "usage_credentials": [(s.option, s.env_var) for s in self.api.auth[:1]],
            "example": next((u.example for u in units if u.example), None),
            "stream_example": next((u.stream_example for u in units if u.stream_example), None),
            "binary_example": next((u.binary_example for u in units if u.binary_example), None),
        }
        self.render("sdk/README.md.jinja", "README.md", t=readme)


def render_sdk(api: Api, *, cache: RenderCache | None = None, overrides: TemplateOverrides | None = None,
               rendered_unit: Callable[[Mapping[str, str]], None] | None = None) -> FileSet:
    """Every file of the SDK. With a `cache`, the files of each top-level resource whose inputs
    are unchanged come from it in their final, formatted form (listed in `FileSet.formatted`);
    the caller stores the others with `cache.commit` once it has formatted them. OVERRIDES:
    user templates in place of built-in ones (the cache is then not used). RENDERED_UNIT is
    called with the files of each top-level resource as soon as they are rendered (the
    format stage starts on them while the rest renders)."""
    return _Renderer(api, cache, overrides, rendered_unit).run()
