"""Api (IR) -> Surface, in one pass.

Class names of nested and inline objects come from the same `TypeModule` planning the
renderer uses, run in the same order, so a `ClassRef` here names the class the generated
module defines; `tests/test_surface.py` checks every element against the generated seed SDK.
"""

from __future__ import annotations

from ..ir.model import (
    AnyType,
    Api,
    ArrayType,
    EnumType,
    MapType,
    NullableType,
    ObjectType,
    Operation,
    Parameter,
    Primitive,
    Property,
    RefType,
    Resource,
    ResponseKind,
    TypeRef,
    UnionType,
    nested_types,
)
from ..ir.naming import snake_case
from ..loader import escape_token
from ..render.pytypes import PRIMITIVE_ANNOTATIONS, TypeModule, fits_literal
from ..render.views import RESOURCE_SUFFIX, Deref
from ..render.wire import takes_files
from .model import (
    NONE,
    Annotation,
    BinaryResponse,
    ClassRef,
    ClientOptionSurface,
    ClientSurface,
    DictOf,
    FieldSurface,
    ListOf,
    LiteralOf,
    MethodSurface,
    ModelSurface,
    OptionalOf,
    PageOf,
    ParamSurface,
    ResourceSurface,
    Scalar,
    StreamOf,
    Surface,
    UnionOf,
    annotation_text,
)

_escape = escape_token


def _pointer_of(schema_id: str) -> str:
    return "" if schema_id.startswith("#synthetic/") else schema_id.lstrip("#")


class _Module:
    """One generated types module: its planner plus how to turn IR types into annotations."""

    def __init__(self, flavor: str, module: str, qualifier: str, deref: Deref, *, files: bool = False) -> None:
        self.plan = TypeModule(flavor, deref, files=files)
        self.flavor = flavor
        self.module = module
        self.qualifier = qualifier
        self.deref = deref
        self.objects: dict[str, ObjectType] = {}  # schema id -> the object a planned class stands for

    def annotate(self, type_: TypeRef) -> Annotation:
        if isinstance(type_, NullableType):
            return OptionalOf(self.annotate(type_.inner))
        if isinstance(type_, RefType):
            target = self.deref(type_)
            if isinstance(target, ObjectType):
                return self._class(type_.schema_id, target)
            return self.annotate(target)
        if isinstance(type_, Primitive):
            if type_.format in ("date-time", "date") and type_.kind == "str" and self.flavor == "model":
                return Scalar("datetime" if type_.format == "date-time" else "date")
            if type_.kind == "bytes" and self.plan.files:  # an upload: bytes, a file, a path or a tuple
                return Scalar("FileTypes")
            return Scalar(PRIMITIVE_ANNOTATIONS.get(type_.kind, "object"))
        if isinstance(type_, EnumType):
            # The renderer's rule: values Literal cannot hold widen the enum to its base type.
            if not all(fits_literal(v) for v in type_.values):
                return Scalar(PRIMITIVE_ANNOTATIONS.get(type_.base, "object"))
            return LiteralOf(tuple(v for v in type_.values if v is None or isinstance(v, (bool, int, float, str))))
        if isinstance(type_, ArrayType):
            return ListOf(self.annotate(type_.items), "List" if self.flavor == "model" else "Iterable")
        if isinstance(type_, MapType):
            return DictOf(self.annotate(type_.values))
        if isinstance(type_, UnionType):
            members: dict[str, Annotation] = {}
            for variant in self.variants(type_):
                member = self.annotate(variant)
                members.setdefault(annotation_text(member), member)
            parts = tuple(members.values())
            return parts[0] if len(parts) == 1 else UnionOf(parts)
        if isinstance(type_, ObjectType):
            return self._class(type_.schema_id, type_)
        if isinstance(type_, AnyType):
            return Scalar("object")
        return Scalar("object")

    def variants(self, union: UnionType) -> list[TypeRef]:
        """The union's variants as the planner defines them: a discriminated union's variants
        narrowed to their discriminator values (a class of their own each)."""
        if union.discriminator is None:
            return list(union.variants)
        return [self.plan.narrowed(v, union.discriminator, index) for index, v in enumerate(union.variants)]

    def _class(self, schema_id: str, obj: ObjectType) -> ClassRef:
        name = self.plan.class_name(schema_id)
        if name is None:
            raise LookupError(f"surface: no class planned for {schema_id} in {self.module}")
        self.objects.setdefault(schema_id, obj)
        return ClassRef(self.module, name, self.qualifier)

    def collect(self, roots: list[TypeRef]) -> None:
        """Record the IR object behind every schema id reachable from `roots` (refs followed once)."""
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            current = stack.pop()
            if isinstance(current, UnionType):
                stack.extend(self.variants(current))
            elif not isinstance(current, (RefType, ObjectType)):
                stack.extend(nested_types(current))
            else:
                # A ref and the object it names can share an id (a nullable component is a
                # NullableType around an object with the ref's id): track them apart.
                key = f"{type(current).__name__}:{current.schema_id}"
                if key in seen:
                    continue
                seen.add(key)
                target = self.deref(current) if isinstance(current, RefType) else current
                if not isinstance(target, ObjectType):
                    stack.append(target)
                    continue
                self.objects.setdefault(current.schema_id, target)
                stack.extend(nested_types(target))

    def models(self, main: str, synthetic: tuple[Property, ...] = (), pointer: str = "") -> list[ModelSurface]:
        """Every class the module defines, in definition order."""
        by_name: dict[str, tuple[str, ObjectType]] = {}
        for schema_id, obj in self.objects.items():
            name = self.plan.class_name(schema_id)
            if name is not None:
                by_name.setdefault(name, (schema_id, obj))
        kind = "params" if self.flavor == "params" else "model"
        found = []
        for view in self.plan.classes:
            if synthetic and view.name == main:
                fields = tuple(self._field(prop, "") for prop in self._shown(synthetic))
                found.append(ModelSurface(self.module, view.name, kind, fields, None, "", pointer, True))
                continue
            if view.name not in by_name:
                raise LookupError(f"surface: class {view.name} of {self.module} has no source schema")
            schema_id, obj = by_name[view.name]
            fields = tuple(self._field(prop, schema_id) for prop in self._shown(obj.properties))
            found.append(
                ModelSurface(
                    self.module, view.name, kind, fields, None, obj.description, _pointer_of(schema_id), view.name == main
                )
            )
        return found

    def _shown(self, properties: tuple[Property, ...]) -> list[Property]:
        shown = list(properties)
        if self.flavor == "model":
            shown.sort(key=lambda p: not p.required)  # as TypeModule orders model fields
            return [p for p in shown if not p.write_only]
        return [p for p in shown if not p.read_only]

    def _field(self, prop: Property, schema_id: str) -> FieldSurface:
        annotation = self.annotate(prop.type)
        if prop.nullable or (self.flavor == "model" and not prop.required):
            annotation = OptionalOf(annotation)
        base = _pointer_of(schema_id)
        pointer = f"{base}/properties/{_escape(prop.wire_name)}" if base else ""
        return FieldSurface(prop.py_name, prop.wire_name, annotation, prop.required, prop.description, prop.deprecated, pointer)


class _SurfaceBuilder:
    def __init__(self, api: Api) -> None:
        self.api = api
        self.deref = Deref(api)
        self.models: list[ModelSurface] = []

    def resource(self, resource: Resource) -> ResourceSurface:
        if resource.children:
            module = ".".join(("resources", *resource.path, resource.attr_name))
        else:
            module = ".".join(("resources", *resource.path))
        methods = tuple(self.method(resource, op) for op in resource.operations)
        return ResourceSurface(
            attr=resource.attr_name,
            symbol=".".join(("client", *resource.path)),
            module=module,
            class_name=f"{resource.class_stem}{RESOURCE_SUFFIX}",
            async_class_name=f"Async{resource.class_stem}{RESOURCE_SUFFIX}",
            methods=methods,
            children=tuple(self.resource(child) for child in resource.children),
            description=resource.description,
        )

    def method(self, resource: Resource, op: Operation) -> MethodSurface:
        types_pkg = ".".join(("types", *resource.path[:-1]))
        params = self.params(op, types_pkg)
        returns = self.returns(op, types_pkg)
        return MethodSurface(
            name=op.name,
            symbol=".".join(("client", *resource.path, op.name)),
            http_method=op.http_method,
            path=op.path,
            params=params,
            returns=returns,
            description=op.description or op.summary,
            deprecated=op.deprecated,
            pointer=op.pointer,
        )

    def params(self, op: Operation, types_pkg: str) -> tuple[ParamSurface, ...]:
        qualifier = f"{op.params_module}." if op.params_type_name else ""
        module = _Module("params", f"{types_pkg}.{op.params_module}", qualifier, self.deref, files=takes_files(op))
        synthetic: tuple[Property, ...] = ()
        if op.params_type_name:
            synthetic = tuple(op.params_properties())
            module.plan.add_class(op.params_type_name, "", list(synthetic))
        positional, keyword = op.signature_order()
        found = []
        for param in positional + keyword:
            # Plan first, in signature order, exactly as the method view does.
            module.plan.annotation(param.type, hint=param.wire_name or param.py_name, prefix="", qualifier=qualifier)
            found.append(self.param(module, param, positional=param in positional))
        if op.params_type_name:
            module.collect([p.type for p in op.parameters])
            by_name = {p.py_name: p for p in op.parameters}
            synthetic_pointers = {p.py_name: by_name[p.py_name].pointer for p in synthetic}
            models = module.models(op.params_type_name, synthetic, op.pointer)
            self.models.extend(_with_field_pointers(models, op.params_type_name, synthetic_pointers))
        return tuple(found)

    def param(self, module: _Module, param: Parameter, *, positional: bool) -> ParamSurface:
        annotation = module.annotate(param.type)
        if param.nullable:
            annotation = OptionalOf(annotation)
        required = positional or param.required
        return ParamSurface(
            name=param.py_name,
            wire_name=param.wire_name,
            location=param.location,
            annotation=annotation,
            required=required,
            positional=positional,
            default="" if required else "omit",
            description=param.description,
            deprecated=param.deprecated,
            pointer=param.pointer,
        )

    def returns(self, op: Operation, types_pkg: str) -> Annotation:
        name = op.response_type_name
        module_name = f"{types_pkg}.{op.response_module}"
        if name and op.response.type is not None:
            self.response_models(op, module_name)
        if op.page is None and op.response.kind is ResponseKind.BINARY:
            return BinaryResponse()
        if op.page is None and op.response.kind is ResponseKind.EVENT_STREAM:
            return StreamOf(ClassRef(module_name, name) if name else Scalar("object"))
        if not name:
            return NONE
        ref = ClassRef(module_name, name)
        if op.page is not None:
            return PageOf(op.page.class_suffix, ref)
        if op.response.unwrapped and op.response.nullable:
            return OptionalOf(ref)
        return ref

    def response_models(self, op: Operation, module_name: str) -> None:
        assert op.response.type is not None
        module = _Module("model", module_name, "", self.deref)
        target = self.deref(op.response.type)
        where = op.pointer + f"/responses/{_escape(op.response.status)}"
        if isinstance(target, ObjectType):
            module.plan.add_object(op.response_type_name, target)
            module.collect([target])
            self.models.extend(module.models(op.response_type_name))
            return
        module.plan.add_alias(op.response_type_name, op.response.type, "")
        inner, nullable = (
            (op.response.type.inner, True) if isinstance(op.response.type, NullableType) else (op.response.type, False)
        )
        module.collect([inner])
        alias = module.annotate(inner)
        if nullable:
            alias = OptionalOf(alias)
        self.models.extend(module.models(op.response_type_name))
        self.models.append(ModelSurface(module_name, op.response_type_name, "alias", (), alias, "", where, True))

    def error_model(self) -> None:
        envelope = self.api.error_envelope
        if envelope is None:
            return
        target = self.deref(envelope.type)
        if not isinstance(target, ObjectType):
            return
        module = _Module("model", f"types.shared.{snake_case(envelope.model_name)}", "", self.deref)
        module.plan.add_object(envelope.model_name, target)
        module.collect([target])
        self.models.extend(module.models(envelope.model_name))

    def client(self) -> ClientSurface:
        options = [
            ClientOptionSurface(s.option, "credential", s.env_var, f"/components/securitySchemes/{_escape(s.name)}")
            for s in self.api.auth
        ]
        options += [ClientOptionSurface(o.name, "header", o.env_var, "") for o in self.api.options]
        package = self.api.package
        return ClientSurface(package.client_class, package.async_client_class, tuple(options), self.api.base_url)


def _with_field_pointers(
    models: list[ModelSurface], main: str, pointers: dict[str, str]
) -> list[ModelSurface]:
    """The params class's fields are the method's parameters: point at where each is declared."""
    from dataclasses import replace

    return [
        replace(m, fields=tuple(replace(f, pointer=pointers.get(f.name, f.pointer)) for f in m.fields))
        if m.name == main
        else m
        for m in models
    ]


def build_surface(api: Api) -> Surface:
    builder = _SurfaceBuilder(api)
    resources = tuple(builder.resource(top) for top in api.resources)
    builder.error_model()
    package = api.package
    return Surface(
        import_name=package.import_name,
        dist_name=package.dist_name,
        version=package.version,
        client=builder.client(),
        resources=resources,
        models=tuple(builder.models),
    )


class SurfaceOnDemand:
    """The surface of an API, built on first attribute access and then delegated to: every
    template is given `surface`, and only those that read it pay for building it."""

    def __init__(self, api: Api) -> None:
        self._api = api
        self._built: Surface | None = None

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # copy, pickle and friends probe dunders: not the surface's
            raise AttributeError(name)
        if self._built is None:
            self._built = build_surface(self._api)
        return getattr(self._built, name)
