"""One top-level resource of the SDK (its whole subtree) -> its files and a summary of it.

A unit's files (resource modules, their params and response modules, their tests) are
rendered from views that are built from an `Api` holding only that resource: the view code
cannot read another resource, so a unit's output is a pure function of the resource and the
rest of the `Api` (schemas, auth, package...), which is what its cache key hashes (cache.py).

The files every resource contributes to (the client, `resources/__init__.py`, the `types`
package inits, the tests' mock routes, api.md, the README's examples) are rendered from the
units' `UnitSummary`s, plain data that the cache stores next to the unit's files, so a unit
taken from the cache needs no views at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..errors import SdkgenError
from ..ir.model import Api, Resource, ResponseKind
from ..ir.naming import avoid_reserved, singular, snake_case
from .imports import ImportBlock
from .literals import html_attribute
from .views import MethodView, ResourceView, TestCallView, ViewBuilder

# Names the README's usage snippets bind themselves; the example's variable must not be one.
README_NAMES = frozenset({"client", "os", "asyncio", "main"})

# (template, **context) -> text; the renderer supplies it with the SDK-wide context bound.
Render = Callable[..., str]


class NoSurface:
    """The `surface` the built-in templates see in a unit's files. `surface` describes every
    resource, so a unit file that read it would depend on more than the unit's cache key:
    reading it fails loudly instead (user overrides get the real one, without the cache)."""

    def __getattr__(self, name: str) -> object:
        raise SdkgenError.single(
            f"a built-in template of a resource's files read surface.{name}; they must not (see render/units.py)",
            code="internal-unit-surface", hint="this is a bug in sdkgen's templates",
        )


@dataclass(frozen=True)
class ResourceName:
    attr_name: str


@dataclass(frozen=True)
class TopResource:
    """What the client and `resources/__init__.py` read about a top-level resource."""

    resource: ResourceName
    class_name: str
    async_class_name: str
    lazy_module: str
    import_from_parent: str
    exports: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    """One operation's mock route in the generated tests."""

    method: str
    regex: str
    line: str  # its entry in tests/routes.json (what the generated conftest reads)

    @classmethod
    def of(cls, call: TestCallView) -> Route:
        # Bytes travel as latin-1 text (every byte one character).
        body = call.response_body
        entry = {"bytes": body.decode("latin-1")} if isinstance(body, bytes) else {"json": body}
        line = json.dumps([call.route_method, call.route_regex, call.response_status, call.response_content_type, entry],
                          ensure_ascii=True)
        return cls(call.route_method, call.route_regex, line)


@dataclass(frozen=True)
class TypeEntry:
    directory: str  # "types/store", relative to the package
    module: str
    main: str


@dataclass(frozen=True)
class UnitSummary:
    top: TopResource
    type_entries: tuple[TypeEntry, ...]
    routes: tuple[Route, ...]
    sections: tuple[dict[str, Any], ...]  # api.md, one per resource
    example: dict[str, str] | None  # the README's first typed call, if this unit has one
    stream_example: dict[str, str] | None
    binary_example: dict[str, str] | None


@dataclass
class UnitFiles:
    files: dict[str, str]  # rendered, each path claimed by the renderer
    packages: list[str]  # empty test-package `__init__.py` paths (shared by units, not claimed)
    summary: UnitSummary


@dataclass
class TestFileView:
    class_stem: str
    calls: list[Any]
    imports: list[list[str]]  # the import lines, in groups
    lang_header: str


def walk(resources: list[ResourceView]) -> list[ResourceView]:
    found: list[ResourceView] = []
    for view in resources:
        found.append(view)
        found.extend(walk(view.children))
    return found


def lazy_init(render: Render, src: str, directory: str, imports: list[tuple[str, list[str]]]) -> tuple[str, str]:
    """(path, text) of a package `__init__` whose names load on first access;
    `imports`: (module, names), [] for a submodule."""
    exports = [(name, module) for module, names in imports for name in names or [module[1:]]]
    up = "." * (directory.count("/") + 2)
    text = render("sdk/package/lazy_init.py.jinja", imports=imports, exports=exports, up=up)
    return f"{src}/{directory}/__init__.py", text


def resource_exports(view: ResourceView) -> list[str]:
    classes = [view.class_name, view.async_class_name]
    return [*classes, *(f"{c}With{kind}Response" for kind in ("Raw", "Streaming") for c in classes)]


class _Unit:
    def __init__(self, api: Api, top: Resource, render: Render) -> None:
        # The views see this resource and nothing of the others (see the module docstring).
        self.api = replace(api, resources=(top,))
        self.top = top
        self.render = render
        self.src = f"src/{api.package.import_name}"
        self.builder = ViewBuilder(self.api)
        self.files: dict[str, str] = {}
        self.packages: list[str] = []

    def emit(self, path: str, text: str) -> None:
        self.files[path] = text

    def run(self) -> UnitFiles:
        view = self.builder.resource(self.top)
        views = walk([view])
        for each in views:
            self.emit(f"{self.src}/{each.module_path}", self.render("sdk/package/resource.py.jinja", r=each))
            if each.is_package:
                directory = f"resources/{'/'.join(each.resource.path)}"
                children = [(child.import_from_parent, resource_exports(child)) for child in [*each.children, each]]
                self.emit(*lazy_init(self.render, self.src, directory, children))
        entries = []
        for file in self.builder.type_files:
            template = "sdk/package/params.py.jinja" if file.flavor == "params" else "sdk/package/model.py.jinja"
            imports = file.plan.import_block().groups(file.up)
            self.emit(f"{self.src}/{file.path}", self.render(template, t=file, exported=file.plan.exported_names(), imports=imports))
            entries.append(TypeEntry(file.path.rsplit("/", 1)[0], file.module, file.main))
        top = TopResource(
            resource=ResourceName(view.resource.attr_name),
            class_name=view.class_name,
            async_class_name=view.async_class_name,
            lazy_module=view.lazy_module,
            import_from_parent=view.import_from_parent,
            exports=tuple(resource_exports(view)),
        )
        return UnitFiles(
            self.files,
            self.packages,
            UnitSummary(
                top=top,
                type_entries=tuple(entries),
                routes=tuple(self.tests(views)),
                sections=tuple(self.sections(views)),
                example=self.example(views),
                stream_example=self.call_example(views, ResponseKind.EVENT_STREAM),
                binary_example=self.call_example(views, ResponseKind.BINARY),
            ),
        )

    def tests(self, views: list[ResourceView]) -> list[Route]:
        routes: list[Route] = []
        for view in views:
            if not view.methods:
                continue
            calls = [
                self.builder.test_call(view, method, op) for method, op in zip(view.methods, view.resource.operations)
            ]
            routes.extend(Route.of(call) for call in calls)
            dirs = ("tests", "api_resources", *view.resource.path[:-1])
            for depth in range(3, len(dirs) + 1):
                self.packages.append("/".join((*dirs[:depth], "__init__.py")))
            package = self.api.package
            imports = ImportBlock().add(package.import_name, package.client_class, package.async_client_class)
            for call in calls:
                imports.add_pairs(call.imports)
            test_view = TestFileView(
                class_stem=view.resource.class_stem,
                calls=calls,
                imports=imports.groups(f"{package.import_name}."),
                lang_header=f"{package.telemetry_prefix}-Lang",
            )
            path = "/".join((*dirs, f"test_{view.resource.attr_name}.py"))
            self.emit(path, self.render("sdk/tests/test_resource.py.jinja", t=test_view))
        return routes

    def sections(self, views: list[ResourceView]) -> list[dict[str, Any]]:
        sections = []
        for view in views:
            types_dir = ("types", *view.resource.path[:-1])
            names = [op.response_type_name for op in view.resource.operations if op.response_type_name]
            methods = []
            for method, op in zip(view.methods, view.resource.operations):
                positional = [a.py_name for a in method.args[: method.positional_count]]
                keyword = [a.py_name for a in method.args[method.positional_count :] if a.py_name != "*"]
                shown = positional + (["\\*"] if keyword else []) + [a for a in keyword if a not in _optional(method)]
                if op.params_type_name:
                    shown.append(f"\\*\\*<a href=\"{self.src}/{'/'.join(types_dir)}/{op.params_module}.py\">params</a>")
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
        return sections

    def example(self, views: list[ResourceView]) -> dict[str, str] | None:
        """The README's usage example: the first call that returns a typed value."""
        for view in views:
            for method, op in zip(view.methods, view.resource.operations):
                if op.response_type_name:
                    call = self.builder.test_call(view, method, op)
                    shape = self.builder.deref(op.response.type) if op.response.type is not None else None
                    properties = getattr(shape, "properties", ())
                    required = [p.py_name for p in properties if p.required]
                    return {
                        "var": avoid_reserved(
                            snake_case(view.resource.attr_name if op.page else singular(view.resource.attr_name)),
                            README_NAMES,
                        ),
                        "chain": f"{call.resource_chain}.{method.name}",
                        "args": call.required_args,
                        "field": required[0] if required and not op.page else "",
                    }
        return None

    def call_example(self, views: list[ResourceView], kind: ResponseKind) -> dict[str, str] | None:
        """The first method returning `kind`, as a chain from the client and its required arguments."""
        for view in views:
            for method, op in zip(view.methods, view.resource.operations):
                if method.response_kind is kind:
                    call = self.builder.test_call(view, method, op)
                    return {"chain": f"{call.resource_chain}.{method.name}", "args": call.required_args}
        return None


def _optional(method: MethodView) -> set[str]:
    return {a.py_name for a in method.args if "= omit" in a.signature}


def render_unit(api: Api, top: Resource, render: Render) -> UnitFiles:
    return _Unit(api, top, render).run()


# --------------------------------------------------------------------------- as JSON (cache.py)


def unit_to_json(unit: UnitFiles) -> dict[str, Any]:
    summary = unit.summary
    return {
        "files": unit.files,
        "packages": unit.packages,
        "top": {**_fields(summary.top), "resource": summary.top.resource.attr_name, "exports": list(summary.top.exports)},
        "type_entries": [[e.directory, e.module, e.main] for e in summary.type_entries],
        "routes": [[r.method, r.regex, r.line] for r in summary.routes],
        "sections": list(summary.sections),
        "example": summary.example,
        "stream_example": summary.stream_example,
        "binary_example": summary.binary_example,
    }


def unit_from_json(data: Any) -> UnitFiles:
    """The inverse of unit_to_json; raises TypeError/KeyError/ValueError on anything else."""
    top = data["top"]
    summary = UnitSummary(
        top=TopResource(
            resource=ResourceName(_str(top["resource"])),
            class_name=_str(top["class_name"]),
            async_class_name=_str(top["async_class_name"]),
            lazy_module=_str(top["lazy_module"]),
            import_from_parent=_str(top["import_from_parent"]),
            exports=tuple(_str(name) for name in top["exports"]),
        ),
        type_entries=tuple(TypeEntry(*(_str(part) for part in entry)) for entry in data["type_entries"]),
        routes=tuple(Route(_str(method), _str(regex), _str(line)) for method, regex, line in data["routes"]),
        sections=tuple(_dict(section) for section in data["sections"]),
        example=_optional_dict(data["example"]),
        stream_example=_optional_dict(data["stream_example"]),
        binary_example=_optional_dict(data["binary_example"]),
    )
    files = {_str(path): _str(text) for path, text in _dict(data["files"]).items()}
    return UnitFiles(files, [_str(path) for path in data["packages"]], summary)


def _fields(top: TopResource) -> dict[str, Any]:
    return {
        "class_name": top.class_name,
        "async_class_name": top.async_class_name,
        "lazy_module": top.lazy_module,
        "import_from_parent": top.import_from_parent,
    }


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _optional_dict(value: Any) -> dict[str, str] | None:
    return None if value is None else {_str(k): _str(v) for k, v in _dict(value).items()}
