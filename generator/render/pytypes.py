"""IR types -> Python annotations and the classes one generated type module must define.

A `TypeModule` plans one file: it names nested classes after the property that holds them
(`scope` -> `Scope`, `scope.objects[]` -> `ScopeObject`), reuses one class per schema within
the file (which is also how recursive schemas terminate), and orders classes so each is
defined before use, quoting the names a cycle forces to be forward references.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..ir.model import (
    AnyType,
    ArrayType,
    Discriminator,
    EnumType,
    MapType,
    NullableType,
    ObjectType,
    Primitive,
    Property,
    RefType,
    TypeRef,
    UnionType,
)
from ..ir.naming import RESERVED_CLASS_NAMES, pascal_case, singular, snake_case, stable_hash
from .imports import ImportBlock
from .literals import py_literal

PRIMITIVE_ANNOTATIONS = {"str": "str", "int": "int", "float": "float", "bool": "bool", "bytes": "bytes", "null": "None"}


def fits_literal(value: object) -> bool:
    """Whether `Literal[...]` can hold `value` (else an enum is widened to its base type)."""
    if isinstance(value, str):  # pydantic-core cannot hold a lone surrogate in a Literal
        return not any(0xD800 <= ord(char) <= 0xDFFF for char in value)
    if isinstance(value, bool) or value is None:
        return True
    return isinstance(value, int) and -(2**63) <= value < 2**63


@dataclass
class FieldView:
    py_name: str
    wire_name: str
    annotation: str  # the full annotation, e.g. "Optional[List[Scope]]" or "Required[str]"
    default: str  # model fields: "" (required) or the default expression; unused for TypedDicts
    description: str


@dataclass
class ClassView:
    name: str
    description: str
    fields: list[FieldView] = field(default_factory=list)
    extra_type: str = ""  # annotation of typed additional properties (models only)


@dataclass
class AliasView:
    name: str
    annotation: str
    description: str


class TypeModule:
    """Plans one module of models (`flavor="model"`) or of request TypedDicts (`flavor="params"`)."""

    def __init__(self, flavor: str, deref: Callable[[TypeRef], TypeRef], *, files: bool = False) -> None:
        self.flavor = flavor
        self._deref = deref
        # binary values of a multipart or raw body are uploads: bytes, a file, a path or a tuple
        self.files = files and flavor == "params"
        self.classes: list[ClassView] = []
        self.aliases: list[AliasView] = []
        self.typing: set[str] = set()  # names the module's definitions use (typing, datetime, FileTypes)
        self._names: dict[str, str] = {}  # schema id -> class name
        self._taken: set[str] = set(RESERVED_CLASS_NAMES)
        self._defined: set[str] = set()  # class names whose definition is complete (for ordering)
        self._in_progress: set[str] = set()
        self.postponed = False  # annotations refer to classes defined later: `from __future__ import annotations`

    # ------------------------------------------------------------------ entry points

    def add_object(self, name: str, obj: ObjectType, *, skip: frozenset[str] = frozenset()) -> ClassView:
        """Define `name` as the class for `obj` (the file's main class)."""
        self._taken.add(name)
        self._names[obj.schema_id] = name
        return self._define(name, obj, prefix="", skip=skip)

    def add_class(self, name: str, description: str, properties: list[Property]) -> ClassView:
        """A class whose fields are given directly (request params: path/query/body together)."""
        self._taken.add(name)
        synthetic = ObjectType(schema_id=f"#synthetic/{name}", properties=tuple(properties), description=description)
        return self._define(name, synthetic, prefix="", skip=frozenset())

    def add_alias(self, name: str, type_: TypeRef, description: str) -> None:
        self._taken.add(name)
        inner, nullable = (type_.inner, True) if isinstance(type_, NullableType) else (type_, False)
        if isinstance(inner, ArrayType):
            # `FooListResponse = List[FooListResponseItem]`, as the reference SDK names them.
            container = "List" if self.flavor == "model" else "Iterable"
            self.typing.add(container)
            annotation = f"{container}[{self._file_annotation(inner.items, hint=f'{name}Item', prefix='')}]"
        else:
            annotation = self._file_annotation(inner, hint=f"{name}Item", prefix="")
        if nullable:
            self.typing.add("Optional")
            annotation = f"Optional[{annotation}]"
        self.aliases.append(AliasView(name, annotation, description))
        self.typing.add("TypeAlias")

    # ------------------------------------------------------------------ annotations

    def annotation(self, type_: TypeRef, *, hint: str, prefix: str, qualifier: str = "") -> str:
        """The annotation for `type_`; objects become classes named from `hint` (a property name)."""
        return self.annotation_names(type_, hint=hint, prefix=prefix, qualifier=qualifier)[0]

    def annotation_names(
        self, type_: TypeRef, *, hint: str, prefix: str, qualifier: str = ""
    ) -> tuple[str, frozenset[str]]:
        """The annotation and the names it needs imported (typing names, `datetime`, `FileTypes`,
        and `qualifier` when it refers to one of this module's classes from another module).

        Names of this module's own classes are not among them; a class planned on the way
        adds what its fields need to the module's own imports, not to these."""
        used: set[str] = set()
        return self._annotation(type_, hint, prefix, qualifier, used), frozenset(used)

    def _annotation(self, type_: TypeRef, hint: str, prefix: str, qualifier: str, used: set[str]) -> str:
        if isinstance(type_, NullableType):
            used.add("Optional")
            return f"Optional[{self._annotation(type_.inner, hint, prefix, qualifier, used)}]"
        if isinstance(type_, RefType):
            target = self._deref(type_)
            if isinstance(target, ObjectType):
                return self._qualified(target, hint, prefix, type_.schema_id, qualifier, used)
            return self._annotation(target, hint, prefix, qualifier, used)
        if isinstance(type_, Primitive):
            if type_.format in ("date-time", "date") and type_.kind == "str" and self.flavor == "model":
                name = "datetime" if type_.format == "date-time" else "date"
                used.add(name)
                return name
            if type_.kind == "bytes" and self.files:
                used.add("FileTypes")
                return "FileTypes"
            return PRIMITIVE_ANNOTATIONS.get(type_.kind, "object")
        if isinstance(type_, AnyType):
            return "object"
        if isinstance(type_, EnumType):
            if not all(fits_literal(v) for v in type_.values):
                # Literal[] takes only str (pydantic: no lone surrogates), bool, None and (mypy) 64-bit ints:
                # widen to the base type.
                return PRIMITIVE_ANNOTATIONS.get(type_.base, "object")
            used.add("Literal")
            return f"Literal[{', '.join(py_literal(v) for v in type_.values)}]"
        if isinstance(type_, ArrayType):
            item_hint = singular(hint)
            inner = self._annotation(type_.items, item_hint, prefix, qualifier, used)
            container = "List" if self.flavor == "model" else "Iterable"
            used.add(container)
            return f"{container}[{inner}]"
        if isinstance(type_, MapType):
            used.add("Dict")
            inner = self._annotation(type_.values, hint, prefix, qualifier, used)
            return f"Dict[str, {inner}]"
        if isinstance(type_, UnionType):
            parts = []
            for index, variant in enumerate(type_.variants):
                if type_.discriminator is not None:
                    variant = self.narrowed(variant, type_.discriminator, index)
                text = self._annotation(variant, f"{hint}_union_member{index}", prefix, qualifier, used)
                if text not in parts:
                    parts.append(text)
            if len(parts) == 1:
                return parts[0]
            used.add("Union")
            return f"Union[{', '.join(parts)}]"
        if isinstance(type_, ObjectType):
            return self._qualified(type_, hint, prefix, type_.schema_id, qualifier, used)
        return "object"

    def _qualified(self, obj: ObjectType, hint: str, prefix: str, schema_id: str, qualifier: str, used: set[str]) -> str:
        if qualifier:
            used.add(qualifier)  # "module." : the annotation refers to this module from outside
        return qualifier + self._class_for(obj, hint, prefix, schema_id=schema_id, qualifier=qualifier)

    def _file_annotation(self, type_: TypeRef, *, hint: str, prefix: str) -> str:
        """An annotation written in this module's own definitions: its names are imported here."""
        text, used = self.annotation_names(type_, hint=hint, prefix=prefix)
        self.typing |= used
        return text

    def narrowed(self, variant: TypeRef, discriminator: Discriminator, index: int) -> TypeRef:
        """The variant with its discriminator property typed as the Literal values that select it.

        Parsing then dispatches on the discriminator: a payload whose value belongs to another
        variant cannot validate as this one.
        """
        values = tuple(value for value, target in discriminator.mapping if target == index)
        target = self._deref(variant)
        if not values or not isinstance(target, ObjectType):
            return variant
        literal = EnumType(values, "str")
        properties = [
            replace(p, type=literal, required=True, nullable=False) if p.wire_name == discriminator.property else p
            for p in target.properties
        ]
        if not any(p.wire_name == discriminator.property for p in target.properties):
            py_name = snake_case(discriminator.property, fallback="kind")
            properties.insert(0, Property(discriminator.property, py_name, literal, True))
        schema_id = f"{target.schema_id}#{discriminator.property}={'|'.join(values)}"
        return replace(target, schema_id=schema_id, properties=tuple(properties))

    # ------------------------------------------------------------------ classes

    def _class_for(self, obj: ObjectType, hint: str, prefix: str, *, schema_id: str, qualifier: str = "") -> str:
        known = self._names.get(schema_id)
        if known is not None:
            if known not in self._defined and not qualifier:
                # Inside its own definition: a cycle. The module then postpones the evaluation of
                # every annotation (PEP 563) rather than quoting this name: `List["Node"]` would be
                # one typing-cached ForwardRef shared by every module with a class `Node`, and
                # Python caches what such a ref evaluated to first (another module's `Node`).
                self.postponed = True
            return known
        base = pascal_case(hint, fallback="Item")
        name = base if prefix == "" or base.startswith(prefix) else f"{prefix}{base}"
        if prefix and name == prefix:
            name = f"{prefix}Item"
        if name in self._taken:
            # Told apart by the schema's own pointer, so the name never depends on which of
            # the clashing schemas the file happened to meet first.
            name = f"{prefix}{base}" if not name.startswith(prefix) or not prefix else name
            name = f"{name}{stable_hash(schema_id)}"
        self._taken.add(name)
        self._names[schema_id] = name
        self._define(name, obj, prefix=name, skip=frozenset())
        return name

    def _define(self, name: str, obj: ObjectType, *, prefix: str, skip: frozenset[str]) -> ClassView:
        self._in_progress.add(name)
        view = ClassView(name=name, description=obj.description)
        # Nested classes are named after the property; the file's main class passes prefix=""
        # so its direct children read `Scope`, deeper ones `ScopeObject`.
        child_prefix = prefix
        properties = list(obj.properties)
        if self.flavor == "model":
            # Required fields first, as the reference SDK orders them; spec order otherwise.
            properties.sort(key=lambda p: not p.required)
        for prop in properties:
            if prop.py_name in skip:
                continue
            if self.flavor == "params" and prop.read_only:
                continue
            if self.flavor == "model" and prop.write_only:
                continue
            annotation = self._file_annotation(prop.type, hint=prop.wire_name, prefix=child_prefix)
            view.fields.append(self._field(prop, annotation))
        if obj.additional is not None and self.flavor == "model":
            view.extra_type = self._file_annotation(obj.additional, hint=f"{name}_extra", prefix=name)
            self.typing.add("TYPE_CHECKING")
        self._in_progress.discard(name)
        self._defined.add(name)
        self.classes.append(view)
        return view

    def _field(self, prop: Property, annotation: str) -> FieldView:
        if self.flavor == "model":
            if prop.nullable or not prop.required:
                self.typing.add("Optional")
                annotation = f"Optional[{annotation}]"
            default = "" if prop.required else "None"
            return FieldView(prop.py_name, prop.wire_name, annotation, default, prop.description)
        if prop.nullable:
            self.typing.add("Optional")
            annotation = f"Optional[{annotation}]"
        if prop.wire_name != prop.py_name:
            self.typing.add("Annotated")
            annotation = f"Annotated[{annotation}, PropertyInfo(alias={py_literal(prop.wire_name)})]"
        if prop.required:
            self.typing.add("Required")
            annotation = f"Required[{annotation}]"
        return FieldView(prop.py_name, prop.wire_name, annotation, "", prop.description)

    # ------------------------------------------------------------------ output

    def class_name(self, schema_id: str) -> str | None:
        """The class this module defines for a schema, once planned (None if it has none)."""
        return self._names.get(schema_id)

    def import_block(self) -> ImportBlock:
        """What this module's own definitions need imported."""
        block = ImportBlock().add_names(self.typing)
        if self.postponed:
            block.add("__future__", "annotations")
        if self.flavor == "model":
            if self.classes:
                block.add("._models", "BaseModel")
            if any(f.wire_name != f.py_name for c in self.classes for f in c.fields):
                block.add("pydantic", "Field as FieldInfo")
        else:
            if self.classes:
                block.add_names(["TypedDict"])
            if "Annotated" in self.typing:
                block.add("._utils", "PropertyInfo")
        return block

    def exported_names(self) -> list[str]:
        return [a.name for a in self.aliases] + [c.name for c in self.classes]
