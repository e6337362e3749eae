"""has_finite_instance: a required self-reference has no finite valid value; optional or nullable ones do."""

from __future__ import annotations

from generator.ir.examples import has_finite_instance
from generator.ir.model import ArrayType, ObjectType, Primitive, Property, RefType, TypeRef


def _node(child: TypeRef, *, required: bool, nullable: bool = False) -> dict[str, TypeRef]:
    node = ObjectType("#/components/schemas/Node", (
        Property("name", "name", Primitive("str"), True),
        Property("child", "child", child, required, nullable=nullable),
    ))
    return {"#/components/schemas/Node": node}


def _check(table: dict[str, TypeRef]) -> bool:
    def deref(type_: TypeRef) -> TypeRef:
        return table[type_.schema_id] if isinstance(type_, RefType) else type_

    return has_finite_instance(RefType("#/components/schemas/Node"), deref)


def test_required_self_reference_has_no_finite_instance() -> None:
    assert _check(_node(RefType("#/components/schemas/Node"), required=True)) is False


def test_optional_nullable_or_list_self_references_do() -> None:
    ref = RefType("#/components/schemas/Node")
    assert _check(_node(ref, required=False)) is True
    assert _check(_node(ref, required=True, nullable=True)) is True
    assert _check(_node(ArrayType(ref), required=True)) is True
