"""Is one annotation a subtype of another? The variance rules the diff classifies changes by.

Annotations are compared as sets of values: `Optional[X]` is `X | None`, a `Literal` is the
set of its values, `int` is accepted where `float` is (as type checkers do), `object` takes
anything, and a generated class is itself (its fields are compared separately). Aliases are
expanded first, so `PetListResponse` compares as the `List[...]` it names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .model import (
    NONE,
    Annotation,
    BinaryResponse,
    ClassRef,
    DictOf,
    ListOf,
    LiteralOf,
    LiteralValue,
    OptionalOf,
    PageOf,
    Scalar,
    StreamOf,
    UnionOf,
    literals_in,
)

Resolver = Callable[[ClassRef], "Annotation | None"]  # an alias's target, None for a class

_ACCEPTS = {"float": {"int", "float"}, "object": set()}


def expand(annotation: Annotation, resolve: Resolver, depth: int = 0) -> Annotation:
    """Replace alias references by what they stand for (classes stay references)."""
    if depth > 20:
        return annotation
    if isinstance(annotation, ClassRef):
        target = resolve(annotation)
        return annotation if target is None else expand(target, resolve, depth + 1)
    if isinstance(annotation, ListOf):
        return replace(annotation, item=expand(annotation.item, resolve, depth + 1))
    if isinstance(annotation, (PageOf, StreamOf)):
        return replace(annotation, item=expand(annotation.item, resolve, depth + 1))
    if isinstance(annotation, DictOf):
        return DictOf(expand(annotation.value, resolve, depth + 1))
    if isinstance(annotation, OptionalOf):
        return OptionalOf(expand(annotation.inner, resolve, depth + 1))
    if isinstance(annotation, UnionOf):
        return UnionOf(tuple(expand(m, resolve, depth + 1) for m in annotation.members))
    return annotation


def members(annotation: Annotation) -> list[Annotation]:
    """The union members of an annotation, flattened; each Literal value is its own member."""
    if isinstance(annotation, OptionalOf):
        return members(annotation.inner) + [NONE]
    if isinstance(annotation, UnionOf):
        return [m for member in annotation.members for m in members(member)]
    if isinstance(annotation, LiteralOf):
        return [LiteralOf((value,)) for value in annotation.values]
    return [annotation]


def _kind(value: LiteralValue) -> str:
    return "None" if value is None else type(value).__name__


def _same_value(a: LiteralValue, b: LiteralValue) -> bool:
    return _kind(a) == _kind(b) and a == b


def _atom_subtype(x: Annotation, y: Annotation) -> bool:
    if y == Scalar("object"):
        return True
    if isinstance(x, LiteralOf):
        value = x.values[0]
        if isinstance(y, LiteralOf):
            return any(_same_value(value, other) for other in y.values)
        if isinstance(y, Scalar):
            return _kind(value) == y.name or _kind(value) in _ACCEPTS.get(y.name, set())
        return False
    if isinstance(x, Scalar) and isinstance(y, Scalar):
        return x.name == y.name or x.name in _ACCEPTS.get(y.name, set())
    if isinstance(x, ListOf) and isinstance(y, ListOf):
        return is_subtype(x.item, y.item)
    if isinstance(x, DictOf) and isinstance(y, DictOf):
        return is_subtype(x.value, y.value)
    if isinstance(x, ClassRef) and isinstance(y, ClassRef):
        return x.qualname == y.qualname
    if isinstance(x, PageOf) and isinstance(y, PageOf):
        return x.page == y.page and is_subtype(x.item, y.item)
    if isinstance(x, StreamOf) and isinstance(y, StreamOf):
        return is_subtype(x.item, y.item)
    return isinstance(x, BinaryResponse) and isinstance(y, BinaryResponse)


def is_subtype(a: Annotation, b: Annotation) -> bool:
    """Every value `a` admits is admitted by `b`."""
    targets = members(b)
    return all(any(_atom_subtype(x, y) for y in targets) for x in members(a))


def relation(old: Annotation, new: Annotation) -> str:
    """same | widened | narrowed | changed (neither contains the other)."""
    old_in_new, new_in_old = is_subtype(old, new), is_subtype(new, old)
    if old_in_new and new_in_old:
        return "same"
    if old_in_new:
        return "widened"
    if new_in_old:
        return "narrowed"
    return "changed"


def literal_values(annotation: Annotation) -> set[tuple[str, LiteralValue]]:
    return {(_kind(v), v) for literal in literals_in(annotation) for v in literal.values}


def _grow_literals(annotation: Annotation, extra: tuple[LiteralValue, ...]) -> Annotation:
    if isinstance(annotation, LiteralOf):
        return LiteralOf(annotation.values + extra)
    if isinstance(annotation, (ListOf, PageOf, StreamOf)):
        return replace(annotation, item=_grow_literals(annotation.item, extra))
    if isinstance(annotation, DictOf):
        return DictOf(_grow_literals(annotation.value, extra))
    if isinstance(annotation, OptionalOf):
        return OptionalOf(_grow_literals(annotation.inner, extra))
    if isinstance(annotation, UnionOf):
        return UnionOf(tuple(_grow_literals(m, extra) for m in annotation.members))
    return annotation


def only_literals_added(old: Annotation, new: Annotation) -> bool:
    """`new` is `old` with more enum values, and nothing else is wider."""
    added = literal_values(new) - literal_values(old)
    if not added or not literal_values(old):
        return False
    return is_subtype(new, _grow_literals(old, tuple(value for _, value in sorted(added, key=repr))))
