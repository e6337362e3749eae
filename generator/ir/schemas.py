"""JSON Schema (as OpenAPI 3.0/3.1 uses it) -> the IR's type algebra.

Every `$ref` to a component schema becomes a `RefType` and the component is converted once,
on demand, which is how forward and circular references fall out without recursion limits.
All the dialect quirks end here: allOf merging, `nullable` vs `type: [x, "null"]`, `const`,
free-form objects, enums with null.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import (
    AnyType,
    ArrayType,
    EnumType,
    JsonValue,
    MapType,
    NamedSchema,
    NullableType,
    ObjectType,
    Primitive,
    Property,
    Discriminator,
    RefType,
    TypeRef,
    UnionType,
)
from ..errors import SpecProblem
from ..loader import escape_token
from .naming import RESERVED_IN_MODELS, NameRequest, allocate, snake_case

COMPONENT_PREFIX = "#/components/schemas/"

_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "null"}

# Keys that only annotate a schema; an allOf member made only of these adds no shape.
_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "externalDocs",
        "xml",
        "default",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "format",
    }
)


def _is_nullable_flag(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind)


def unwrap_nullable(type_: TypeRef) -> tuple[TypeRef, bool]:
    if isinstance(type_, NullableType):
        return type_.inner, True
    return type_, False


class SchemaConverter:
    """Converts schemas of one document; `named` collects the component schemas reached."""

    def __init__(self, resolve: Callable[[str], Any]) -> None:
        self._resolve = resolve
        self.named: dict[str, NamedSchema] = {}
        self._pending: list[str] = []
        self._inline_refs_in_progress: set[str] = set()
        self.warnings: dict[SpecProblem, None] = {}  # ordered set: a schema may be converted twice

    # ------------------------------------------------------------------ public

    def convert(self, schema: Any, pointer: str) -> TypeRef:
        if not isinstance(schema, dict):
            return AnyType()  # `true`/`{}`-like schemas: anything goes
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self._convert_ref(ref, schema, pointer)
        nullable = _is_nullable_flag(schema)
        base = self._convert_shape(schema, pointer)
        if nullable and not isinstance(base, NullableType):
            return NullableType(base)
        return base

    def finish(self) -> tuple[NamedSchema, ...]:
        """Convert every component schema that was referenced, in a stable order."""
        while self._pending:
            schema_id = self._pending.pop()
            if schema_id in self.named:
                continue
            name = schema_id[len(COMPONENT_PREFIX) :]
            # Register before converting so a self-reference finds it.
            self.named[schema_id] = NamedSchema(schema_id, name, AnyType())
            target = self._resolve(schema_id)
            self.named[schema_id] = NamedSchema(schema_id, name, self.convert(target, schema_id))
        return tuple(self.named[key] for key in sorted(self.named))

    def deref(self, type_: TypeRef) -> TypeRef:
        """Follow RefTypes to the shape they name (converting on demand)."""
        seen: set[str] = set()
        while isinstance(type_, RefType):
            if type_.schema_id in seen:
                return AnyType()
            seen.add(type_.schema_id)
            if type_.schema_id not in self.named:
                self._pending.append(type_.schema_id)
                self.finish()
            type_ = self.named[type_.schema_id].type
        return type_

    # ------------------------------------------------------------------ refs

    def _convert_ref(self, ref: str, schema: dict[str, Any], pointer: str) -> TypeRef:
        if ref.startswith(COMPONENT_PREFIX) and "/" not in ref[len(COMPONENT_PREFIX) :]:
            if ref not in self.named and ref not in self._pending:
                self._pending.append(ref)
            result: TypeRef = RefType(ref)
            if _is_nullable_flag(schema):  # 3.1 allows siblings of $ref
                result = NullableType(result)
            return result
        # A ref to somewhere else (a property of a component, a parameter's schema ...):
        # inline it, refusing to loop.
        if ref in self._inline_refs_in_progress:
            return AnyType()
        self._inline_refs_in_progress.add(ref)
        try:
            return self.convert(self._resolve(ref), ref)
        finally:
            self._inline_refs_in_progress.discard(ref)

    def resolved_dict(self, schema: Any) -> dict[str, Any]:
        """The schema dict behind a chain of refs (for reading annotations such as description)."""
        seen: set[str] = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"] not in seen:
            seen.add(schema["$ref"])
            schema = self._resolve(schema["$ref"])
        return schema if isinstance(schema, dict) else {}

    def description_of(self, schema: Any) -> str:
        """A schema's own description, else the one of what it refers to or wraps."""
        if not isinstance(schema, dict):
            return ""
        text = schema.get("description")
        if isinstance(text, str) and text.strip():
            return text.strip()
        if "$ref" in schema:
            return self.description_of(self.resolved_dict(schema))
        members = schema.get("allOf")
        if isinstance(members, list) and len(members) == 1:
            return self.description_of(members[0])
        return ""

    def example_of(self, schema: Any) -> tuple[bool, JsonValue]:
        seen = 0
        while isinstance(schema, dict) and seen < 20:
            seen += 1
            if "example" in schema:
                return True, schema["example"]
            examples = schema.get("examples")
            if isinstance(examples, list) and examples:
                return True, examples[0]
            if "$ref" in schema:
                schema = self.resolved_dict(schema)
                continue
            members = schema.get("allOf")
            if isinstance(members, list) and len(members) == 1:
                schema = members[0]
                continue
            break
        return False, None

    # ------------------------------------------------------------------ shapes

    def _convert_shape(self, schema: dict[str, Any], pointer: str) -> TypeRef:
        if "const" in schema:
            return EnumType((schema["const"],), _enum_base([schema["const"]]))
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            values = schema["enum"]
            present = [v for v in values if v is not None]
            if not present:
                return Primitive("null")
            enum = EnumType(tuple(present), _enum_base(present))
            return NullableType(enum) if len(present) != len(values) else enum
        if "allOf" in schema and isinstance(schema["allOf"], list):
            return self._convert_all_of(schema, pointer)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return self._convert_union(schema, key, pointer)

        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) == 1:
                kind = kinds[0]
            elif not kinds:
                return Primitive("null")
            else:
                variants = tuple(self._convert_shape({**schema, "type": k}, pointer) for k in kinds)
                return UnionType(variants)
        if kind == "array" or (kind is None and "items" in schema):
            items = self.convert(schema.get("items", {}), f"{pointer}/items")
            return ArrayType(items, unique=schema.get("uniqueItems") is True)
        if kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema)):
            return self._convert_object(schema, pointer)
        if kind == "string" and schema.get("format") == "binary":
            return Primitive("bytes", "binary")
        if isinstance(kind, str) and kind in _PRIMITIVES:
            return Primitive(_PRIMITIVES[kind], str(schema.get("format", "")))
        return AnyType()

    def _convert_union(self, schema: dict[str, Any], key: str, pointer: str) -> TypeRef:
        members = schema[key]
        variants: list[TypeRef] = []
        nullable = _is_nullable_flag(schema)
        for index, member in enumerate(members):
            variant = self.convert(member, f"{pointer}/{key}/{index}")
            if variant == Primitive("null"):
                nullable = True
                continue
            if isinstance(variant, NullableType):
                nullable = True
                variant = variant.inner
            if variant not in variants:
                variants.append(variant)
        # Properties beside oneOf/anyOf apply to every variant; keep them as an object variant.
        if schema.get("properties") and not variants:
            variants.append(self._convert_object(schema, pointer))
        result: TypeRef
        if not variants:
            result = AnyType()
        elif len(variants) == 1:
            result = variants[0]
        else:
            result = UnionType(tuple(variants), discriminator=_discriminator(schema.get("discriminator"), variants))
        return NullableType(result) if nullable else result

    def _convert_all_of(self, schema: dict[str, Any], pointer: str) -> TypeRef:
        members = [m for m in schema["allOf"] if isinstance(m, dict)]
        shaped = [m for m in members if not set(m) <= _ANNOTATIONS]
        own = {k: v for k, v in schema.items() if k != "allOf"}
        own_has_shape = bool(own.get("properties")) or own.get("type") not in (None, "object")
        if len(shaped) == 1 and not own_has_shape:
            # `{description: ..., allOf: [{$ref: X}]}`: the usual way to annotate a ref.
            inner = self.convert(shaped[0], f"{pointer}/allOf/{members.index(shaped[0])}")
            if _is_nullable_flag(schema) and not isinstance(inner, NullableType):
                inner = NullableType(inner)
            return inner
        # Merge object members: properties in order, later ones overriding; required unioned.
        merged_props: dict[str, Any] = {}
        required: list[str] = []
        additional: Any = None
        non_objects: list[TypeRef] = []
        description = ""
        for index, member in enumerate([*members, own]):
            resolved = self._flatten_for_merge(member, set())
            if resolved is None:
                non_objects.append(self.convert(member, f"{pointer}/allOf/{index}"))
                continue
            props, req, extra, text = resolved
            merged_props.update(props)
            required.extend(r for r in req if r not in required)
            if extra is not None:
                additional = extra
            description = description or text
        if not merged_props and non_objects:
            return non_objects[0] if len(non_objects) == 1 else AnyType()
        synthetic: dict[str, Any] = {
            "type": "object",
            "properties": merged_props,
            "required": required,
            "description": schema.get("description") or description,
        }
        if additional is not None:
            synthetic["additionalProperties"] = additional
        if _is_nullable_flag(schema):
            synthetic["nullable"] = True
        return self.convert(synthetic, pointer)

    def _flatten_for_merge(
        self, member: dict[str, Any], seen: set[str]
    ) -> tuple[dict[str, Any], list[str], Any, str] | None:
        """(properties, required, additionalProperties, description) of an object-ish member."""
        if "$ref" in member:
            ref = member["$ref"]
            if ref in seen:
                return {}, [], None, ""
            seen = seen | {ref}
            target = self._resolve(ref)
            return self._flatten_for_merge(target, seen) if isinstance(target, dict) else None
        if set(member) <= _ANNOTATIONS:
            return {}, [], None, str(member.get("description", ""))
        kind = member.get("type")
        if kind not in (None, "object") or any(k in member for k in ("oneOf", "anyOf", "items", "enum")):
            return None
        props: dict[str, Any] = dict(member.get("properties") or {})
        required = [r for r in member.get("required") or [] if isinstance(r, str)]
        additional = member.get("additionalProperties")
        description = str(member.get("description", ""))
        for sub in member.get("allOf") or []:
            if not isinstance(sub, dict):
                continue
            flat = self._flatten_for_merge(sub, seen)
            if flat is None:
                continue
            sub_props, sub_req, sub_extra, sub_text = flat
            props = {**sub_props, **props}
            required.extend(r for r in sub_req if r not in required)
            if additional is None:
                additional = sub_extra
            description = description or sub_text
        return props, required, additional, description

    def _convert_object(self, schema: dict[str, Any], pointer: str) -> TypeRef:
        raw_props = schema.get("properties") or {}
        additional_raw = schema.get("additionalProperties")
        if not isinstance(raw_props, dict) or not raw_props:
            if isinstance(additional_raw, dict) and additional_raw:
                return MapType(self.convert(additional_raw, f"{pointer}/additionalProperties"))
            return MapType(AnyType())
        required = {r for r in schema.get("required") or [] if isinstance(r, str)}
        py_names, problems = allocate(
            (
                NameRequest(str(wire), str(wire), f"{pointer}/properties/{_escape(str(wire))}", snake_case(str(wire), fallback="field"))
                for wire in raw_props
            ),
            reserved=RESERVED_IN_MODELS,
            what="property",
        )
        self.warnings.update(dict.fromkeys(problems))
        properties = []
        for wire_name, prop_schema in raw_props.items():
            wire = str(wire_name)
            py_name = py_names[wire]
            prop_pointer = f"{pointer}/properties/{_escape(wire)}"
            prop_type = self.convert(prop_schema, prop_pointer)
            inner, nullable = unwrap_nullable(prop_type)
            resolved = self.resolved_dict(prop_schema)
            has_example, example = self.example_of(prop_schema)
            properties.append(
                Property(
                    wire_name=wire,
                    py_name=py_name,
                    type=inner,
                    required=wire in required,
                    nullable=nullable,
                    description=self.description_of(prop_schema),
                    read_only=bool(resolved.get("readOnly")),
                    write_only=bool(resolved.get("writeOnly")),
                    deprecated=bool(resolved.get("deprecated")),
                    example=example,
                    has_example=has_example,
                )
            )
        additional = None
        if isinstance(additional_raw, dict) and additional_raw:
            additional = self.convert(additional_raw, f"{pointer}/additionalProperties")
        name_hint = pointer[len(COMPONENT_PREFIX) :] if pointer.startswith(COMPONENT_PREFIX) else ""
        return ObjectType(
            schema_id=pointer,
            properties=tuple(properties),
            additional=additional,
            description=str(schema.get("description") or "").strip(),
            title=str(schema.get("title") or ""),
            name_hint=name_hint if "/" not in name_hint else "",
        )


_escape = escape_token


def _enum_base(values: list[Any]) -> str:
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("bool")
        elif isinstance(value, int):
            kinds.add("int")
        elif isinstance(value, float):
            kinds.add("float")
        elif isinstance(value, str):
            kinds.add("str")
        else:
            kinds.add("any")
    return kinds.pop() if len(kinds) == 1 else "any"


def _discriminator(raw: Any, variants: list[TypeRef]) -> Discriminator | None:
    """The spec's discriminator with its mapping resolved to variant indexes.

    Mapping targets are refs (`#/components/schemas/Dog`) or bare component names (`Dog`);
    variants the mapping does not name are selected by their component name, as OpenAPI says.
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("propertyName"), str) or not raw["propertyName"]:
        return None
    index_of: dict[str, int] = {}
    for index, variant in enumerate(variants):
        if isinstance(variant, RefType):
            index_of.setdefault(variant.schema_id, index)
    pairs: list[tuple[str, int]] = []
    mapped: set[int] = set()
    mapping = raw.get("mapping")
    for value, target in (mapping.items() if isinstance(mapping, dict) else ()):
        if not isinstance(target, str):
            continue
        ref = target if target.startswith("#") else COMPONENT_PREFIX + target
        if ref in index_of:
            pairs.append((str(value), index_of[ref]))
            mapped.add(index_of[ref])
    for ref, index in index_of.items():
        if index not in mapped and ref.startswith(COMPONENT_PREFIX):
            pairs.append((ref[len(COMPONENT_PREFIX) :], index))
    return Discriminator(raw["propertyName"], tuple(pairs))
