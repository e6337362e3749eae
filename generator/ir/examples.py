"""Example values for a type: what generated tests send and what their mock server answers."""

from __future__ import annotations

from collections.abc import Callable

from .model import (
    AnyType,
    ArrayType,
    EnumType,
    JsonValue,
    Location,
    MapType,
    NullableType,
    ObjectType,
    Primitive,
    RefType,
    TypeRef,
    UnionType,
)

_FORMAT_EXAMPLES: dict[str, JsonValue] = {
    "date-time": "2019-12-27T18:11:19.117Z",
    "date": "2019-12-27",
    "uuid": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    "email": "dev@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
}

_MAX_DEPTH = 6
_GIVE_UP_DEPTH = 4 * _MAX_DEPTH


def example_for(
    type_: TypeRef, deref: Callable[[TypeRef], TypeRef], *, only_required: bool = False, depth: int = 0
) -> JsonValue:
    """A value valid for `type_` (strictly, for the shapes the IR can express)."""
    if depth > _GIVE_UP_DEPTH:
        return None  # a cycle of required properties has no finite valid value: stop somewhere
    if isinstance(type_, RefType):
        target = deref(type_)
        if isinstance(target, RefType):  # refs that only lead to each other
            return {}
        return example_for(target, deref, only_required=only_required, depth=depth)
    if isinstance(type_, NullableType):
        if depth >= _MAX_DEPTH:
            return None
        return example_for(type_.inner, deref, only_required=only_required, depth=depth)
    if isinstance(type_, Primitive):
        if type_.kind == "str":
            return _FORMAT_EXAMPLES.get(type_.format, "string")
        return {"int": 0, "float": 0, "bool": True, "null": None, "bytes": "string"}.get(type_.kind, "string")
    if isinstance(type_, EnumType):
        return type_.values[0]
    if isinstance(type_, ArrayType):
        if depth >= _MAX_DEPTH:
            return []
        return [example_for(type_.items, deref, only_required=only_required, depth=depth + 1)]
    if isinstance(type_, MapType):
        if depth >= _MAX_DEPTH or isinstance(type_.values, AnyType):
            return {"foo": "bar"} if isinstance(type_.values, AnyType) else {}
        return {"foo": example_for(type_.values, deref, only_required=only_required, depth=depth + 1)}
    if isinstance(type_, ObjectType):
        value: dict[str, JsonValue] = {}
        if depth >= _MAX_DEPTH * 2:
            # Only a required self-reference gets this deep: no finite valid instance exists.
            return value
        for prop in type_.properties:
            if only_required and not prop.required:
                continue
            if depth >= _MAX_DEPTH and not prop.required:
                continue
            if prop.has_example and fits(prop.example, prop.type, deref):
                value[prop.wire_name] = prop.example
            else:
                value[prop.wire_name] = example_for(prop.type, deref, only_required=only_required, depth=depth + 1)
        return value
    if isinstance(type_, UnionType):
        first = example_for(type_.variants[0], deref, only_required=only_required, depth=depth)
        selecting = [v for v, index in type_.discriminator.mapping if index == 0] if type_.discriminator else []
        if selecting and isinstance(first, dict) and type_.discriminator is not None:
            first = {**first, type_.discriminator.property: selecting[0]}
        return first
    return {}


def sendable_in(location: Location, value: JsonValue) -> bool:
    """Whether the runtime sends VALUE as a parameter in LOCATION rather than refusing it
    before any request: no CR or LF in a header or cookie (header injection), no empty or
    `.`/`..` path segment. A spec example that breaks this is not used in generated tests."""
    if location in (Location.HEADER, Location.COOKIE):
        return not any("\r" in text or "\n" in text for text in _strings(value))
    if location == Location.PATH:
        return value not in ("", ".", "..")
    return True


def _strings(value: JsonValue) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *_strings(item))]
    return []


def fits(value: JsonValue, type_: TypeRef, deref: Callable[[TypeRef], TypeRef]) -> bool:
    """Whether a spec example can stand in for the type (specs' examples are often wrong)."""
    type_ = deref(type_) if isinstance(type_, RefType) else type_
    if isinstance(type_, Primitive):
        checks = {
            "str": lambda v: isinstance(v, str) and type_.format not in ("date-time", "date"),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
        }
        check = checks.get(type_.kind)
        return bool(check and check(value))
    if isinstance(type_, EnumType):
        return value in type_.values
    return False


def has_finite_instance(type_: TypeRef, deref: Callable[[TypeRef], TypeRef], _stack: frozenset[str] = frozenset()) -> bool:
    """Whether any finite value satisfies `type_`: not when a required, non-null property leads back
    to its own schema (`Node {child: Node, required: [child]}`), which no response can satisfy."""
    if isinstance(type_, RefType):
        if type_.schema_id in _stack:
            return False
        return has_finite_instance(deref(type_), deref, _stack | {type_.schema_id})
    if isinstance(type_, ObjectType):  # cycles go through RefTypes: they are caught above
        return all(has_finite_instance(p.type, deref, _stack) for p in type_.properties if p.required and not p.nullable)
    if isinstance(type_, UnionType):
        return any(has_finite_instance(v, deref, _stack) for v in type_.variants)
    return True  # primitives, null, arrays (empty) and maps (empty)
