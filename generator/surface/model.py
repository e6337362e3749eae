"""The SDK surface: the Python API a generated SDK exposes, as a frozen value.

Where the IR says what the HTTP API is, the surface says what a Python user sees: the
client's keyword options, the resource tree with access paths (`client.store.pets`),
each method's parameters in signature order with their structured annotations, return
types, models with their fields, and the enums (Literal types) among them. Every element
keeps the JSON pointer of its source in the spec, so a change can be shown on both sides.

Annotations are a small type algebra, not strings; `annotation_text` renders one exactly
as the generated code spells it (a test holds the two together).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Union

from ..render.literals import py_literal

LiteralValue = Union[None, bool, int, float, str]

# --------------------------------------------------------------------------- type algebra


@dataclass(frozen=True)
class Scalar:
    """A builtin or stdlib type: str, int, float, bool, bytes, None, object, datetime, date."""

    name: str


@dataclass(frozen=True)
class LiteralOf:
    """An enum: `Literal["a", "b"]`."""

    values: tuple[LiteralValue, ...]


@dataclass(frozen=True)
class ListOf:
    item: Annotation
    container: str = "List"  # "Iterable" in request params, where any iterable is accepted


@dataclass(frozen=True)
class DictOf:
    value: Annotation


@dataclass(frozen=True)
class UnionOf:
    members: tuple[Annotation, ...]


@dataclass(frozen=True)
class OptionalOf:
    inner: Annotation


@dataclass(frozen=True)
class ClassRef:
    """A generated class (model, TypedDict or alias), by the module that defines it."""

    module: str  # relative to the package: "types.store.pet_update_params"
    name: str  # "Scope"
    qualifier: str = ""  # how a method signature spells the module: "pet_update_params."

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass(frozen=True)
class PageOf:
    """A paginated return: `SyncSinglePage[Item]`."""

    page: str  # the page class suffix: "SinglePage"
    item: Annotation


@dataclass(frozen=True)
class StreamOf:
    """A stream of server-sent events, each parsed into `item`: `Stream[Item]`."""

    item: Annotation


@dataclass(frozen=True)
class BinaryResponse:
    """A binary response object (read, iterate, write to a file): `BinaryAPIResponse`."""


Annotation = Union[Scalar, LiteralOf, ListOf, DictOf, UnionOf, OptionalOf, ClassRef, PageOf, StreamOf, BinaryResponse]

NONE = Scalar("None")


def annotation_text(annotation: Annotation, *, sync: bool = True) -> str:
    """The annotation as the generated code writes it."""
    if isinstance(annotation, Scalar):
        return annotation.name
    if isinstance(annotation, LiteralOf):
        return f"Literal[{', '.join(py_literal(v) for v in annotation.values)}]"
    if isinstance(annotation, ListOf):
        return f"{annotation.container}[{annotation_text(annotation.item)}]"
    if isinstance(annotation, DictOf):
        return f"Dict[str, {annotation_text(annotation.value)}]"
    if isinstance(annotation, UnionOf):
        return f"Union[{', '.join(annotation_text(m) for m in annotation.members)}]"
    if isinstance(annotation, OptionalOf):
        return f"Optional[{annotation_text(annotation.inner)}]"
    if isinstance(annotation, ClassRef):
        return annotation.qualifier + annotation.name
    if isinstance(annotation, BinaryResponse):
        return "BinaryAPIResponse" if sync else "AsyncBinaryAPIResponse"
    if isinstance(annotation, StreamOf):
        return f"{'' if sync else 'Async'}Stream[{annotation_text(annotation.item)}]"
    item = annotation_text(annotation.item)
    if sync:
        return f"Sync{annotation.page}[{item}]"
    return f"AsyncPaginator[{item}, Async{annotation.page}[{item}]]"


def literals_in(annotation: Annotation) -> Iterator[LiteralOf]:
    if isinstance(annotation, LiteralOf):
        yield annotation
    elif isinstance(annotation, (ListOf, PageOf, StreamOf)):
        yield from literals_in(annotation.item)
    elif isinstance(annotation, DictOf):
        yield from literals_in(annotation.value)
    elif isinstance(annotation, OptionalOf):
        yield from literals_in(annotation.inner)
    elif isinstance(annotation, UnionOf):
        for member in annotation.members:
            yield from literals_in(member)


# --------------------------------------------------------------------------- the surface


@dataclass(frozen=True)
class ParamSurface:
    name: str  # the Python keyword
    wire_name: str  # "" for a whole-body argument
    location: str  # path | query | header | body
    annotation: Annotation  # without the `| Omit` of an optional argument
    required: bool
    positional: bool  # positional-or-keyword; otherwise keyword-only
    default: str  # "" when required, else the default expression ("omit")
    description: str
    deprecated: bool
    pointer: str


@dataclass(frozen=True)
class MethodSurface:
    name: str
    symbol: str  # "client.store.pets.update"
    http_method: str
    path: str
    params: tuple[ParamSurface, ...]  # in signature order
    returns: Annotation
    description: str
    deprecated: bool
    pointer: str

    def param(self, name: str) -> ParamSurface | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class ResourceSurface:
    attr: str
    symbol: str  # "client.store.pets"
    module: str  # "resources.store.pets"
    class_name: str
    async_class_name: str
    methods: tuple[MethodSurface, ...]
    children: tuple[ResourceSurface, ...]
    description: str  # (a resource comes from the config or a tag; its methods carry pointers)


@dataclass(frozen=True)
class FieldSurface:
    name: str
    wire_name: str
    annotation: Annotation  # the value type, Optional[...] included where the field may be None
    required: bool
    description: str
    deprecated: bool
    pointer: str


@dataclass(frozen=True)
class ModelSurface:
    module: str  # "types.store.pet_get_response"
    name: str
    kind: str  # model (pydantic, read from responses) | params (TypedDict, sent) | alias
    fields: tuple[FieldSurface, ...]
    alias_of: Annotation | None  # for kind "alias"
    description: str
    pointer: str
    main: bool  # the module's main class (a method's params or response type)

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"

    @property
    def is_input(self) -> bool:
        return self.kind == "params"


@dataclass(frozen=True)
class EnumSurface:
    symbol: str  # the parameter or field whose annotation holds the Literal
    values: tuple[LiteralValue, ...]
    pointer: str


@dataclass(frozen=True)
class ClientOptionSurface:
    name: str  # keyword of the client constructor
    kind: str  # credential | header
    env_var: str
    pointer: str


@dataclass(frozen=True)
class ClientSurface:
    class_name: str
    async_class_name: str
    options: tuple[ClientOptionSurface, ...]
    base_url: str


@dataclass(frozen=True)
class Surface:
    import_name: str
    dist_name: str
    version: str
    client: ClientSurface
    resources: tuple[ResourceSurface, ...]
    models: tuple[ModelSurface, ...]

    def all_resources(self) -> Iterator[ResourceSurface]:
        stack = list(reversed(self.resources))
        while stack:
            resource = stack.pop()
            yield resource
            stack.extend(reversed(resource.children))

    def all_methods(self) -> Iterator[tuple[ResourceSurface, MethodSurface]]:
        for resource in self.all_resources():
            for method in resource.methods:
                yield resource, method

    def model(self, qualname: str) -> ModelSurface | None:
        return next((m for m in self.models if m.qualname == qualname), None)

    def enums(self) -> tuple[EnumSurface, ...]:
        found: list[EnumSurface] = []
        for _, method in self.all_methods():
            for param in method.params:
                for literal in literals_in(param.annotation):
                    found.append(EnumSurface(param_symbol(method, param), literal.values, param.pointer))
        for model in self.models:
            for field in model.fields:
                for literal in literals_in(field.annotation):
                    found.append(EnumSurface(field_symbol(self, model, field), literal.values, field.pointer))
        return tuple(found)


def param_symbol(method: MethodSurface, param: ParamSurface) -> str:
    return f"{method.symbol}({param.name})" if param.positional else f"{method.symbol}({param.name}=)"


def field_symbol(surface: Surface, model: ModelSurface, field: FieldSurface) -> str:
    return f"{surface.import_name}.{model.qualname}.{field.name}"
