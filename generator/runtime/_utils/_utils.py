from __future__ import annotations

from typing import Dict, List, Tuple, Union, Mapping, TypeVar
from typing_extensions import (
    Required,
    Annotated,
    TypeGuard,
    NotRequired,
    get_args,
    get_origin,
)

from .._types import Omit, NotGiven

_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")

try:
    from types import UnionType

    _UNION_TYPES: Tuple[object, ...] = (Union, UnionType)
except ImportError:  # pragma: no cover - Python < 3.10
    _UNION_TYPES = (Union,)


def is_given(value: Union[_T, NotGiven, Omit]) -> TypeGuard[_T]:
    return not isinstance(value, (NotGiven, Omit))


def is_mapping(value: object) -> TypeGuard[Mapping[str, object]]:
    return isinstance(value, Mapping)


def is_dict(value: object) -> TypeGuard[Dict[object, object]]:
    return isinstance(value, dict)


def is_list(value: object) -> TypeGuard[List[object]]:
    return isinstance(value, list)


def strip_not_given(value: Mapping[_K, Union[_V, NotGiven, Omit]]) -> Dict[_K, _V]:
    """A copy of `value` without its `NotGiven` / `Omit` entries."""
    return {k: v for k, v in value.items() if not isinstance(v, (NotGiven, Omit))}


def is_union_type(tp: object) -> bool:
    return get_origin(tp) in _UNION_TYPES


def unwrap_type(tp: object) -> Tuple[object, Tuple[object, ...]]:
    """`Required[Annotated[T, a, b]]` -> `(T, (a, b))`, also through type aliases."""
    metadata: Tuple[object, ...] = ()
    while True:
        origin = get_origin(tp)
        if origin in (Required, NotRequired):
            tp = get_args(tp)[0]
        elif origin is Annotated:
            metadata += tuple(getattr(tp, "__metadata__", ()))
            tp = get_args(tp)[0]
        elif type(tp).__name__ == "TypeAliasType":
            tp = getattr(tp, "__value__")
        else:
            return tp, metadata
