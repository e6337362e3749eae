from __future__ import annotations

import inspect
import weakref
from typing import (
    Any,
    Dict,
    List,
    Type,
    Tuple,
    Mapping,
    TypeVar,
    ClassVar,
    Iterable,
    Optional,
    Sequence,
    cast,
)
from datetime import date, datetime
from functools import lru_cache
from typing_extensions import Literal, get_args, get_origin, override

import pydantic
from pydantic_core import PydanticUndefined

from ._options import FinalRequestOptions
from ._utils import unwrap_type, is_union_type

__all__ = [
    "BaseModel",
    "GenericModel",
    "construct_type",
    "validate_type",
    "FinalRequestOptions",
]

_T = TypeVar("_T")
_ModelT = TypeVar("_ModelT", bound=pydantic.BaseModel)

_rebuilt: "weakref.WeakSet[type]" = weakref.WeakSet()
_LIST_ORIGINS: Tuple[object, ...] = (list, List, Sequence, Iterable)
_DICT_ORIGINS: Tuple[object, ...] = (dict, Dict, Mapping)


class BaseModel(pydantic.BaseModel):
    """Base of every response model: unknown fields are kept (see `model_extra`)."""

    model_config: ClassVar[pydantic.ConfigDict] = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        protected_namespaces=(),
    )

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> Dict[str, object]:
        """A dict of the model as the API sent it: API key names, only the fields it set.

        `mode="json"` gives JSON-safe values only (e.g. datetimes become strings).
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The model as a JSON string, with the same defaults as `to_dict()`."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    @override
    def __str__(self) -> str:
        return f"{self.__repr_name__()}({self.__repr_str__(', ')})"  # type: ignore[misc]


class GenericModel(BaseModel):
    """Base for generic models, e.g. `class Page(GenericModel, Generic[T])`."""


def is_basemodel(type_: object) -> bool:
    """Whether `type_` is a model class or a union with a model class in it."""
    tp = unwrap_type(type_)[0]
    if is_union_type(tp):
        return any(is_basemodel(variant) for variant in get_args(tp))
    origin = get_origin(tp) or tp
    return inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel)


def validate_type(*, type_: Type[_T], value: object) -> _T:
    """Strict: validate `value` against `type_`; raises `pydantic.ValidationError`."""
    if inspect.isclass(type_) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate(value)
    adapter: pydantic.TypeAdapter[_T] = _type_adapter(cast(Any, type_))
    return adapter.validate_python(value)


@lru_cache(maxsize=None)
def _type_adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def construct_type(*, value: object, type_: object) -> object:
    """Loose: build `value` into `type_` without validating, recursively.

    Models are built from mappings (extra keys kept, aliases honoured), lists and dicts are
    walked, unions pick the best-matching variant. Whatever does not fit is returned as-is,
    so a response that drifts from the schema still parses.
    """
    tp = unwrap_type(type_)[0]
    if value is None or tp is Any or tp is object:
        return value

    if is_union_type(tp):
        return _construct_union(value, tp)

    origin = get_origin(tp) or tp
    if origin is Literal:
        return value

    if inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel):
        if isinstance(value, Mapping):
            return _construct_model(tp, value)
        return value

    if origin in _LIST_ORIGINS:
        if not isinstance(value, list):
            return value
        args = get_args(tp)
        item_type = args[0] if args else object
        return [construct_type(value=item, type_=item_type) for item in value]

    if origin in _DICT_ORIGINS:
        if not isinstance(value, Mapping):
            return value
        args = get_args(tp)
        item_type = args[1] if len(args) == 2 else object
        return {key: construct_type(value=item, type_=item_type) for key, item in value.items()}

    if tp is float:
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value

    if tp is datetime or tp is date:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            try:
                return _type_adapter(tp).validate_python(value)
            except pydantic.ValidationError:
                return value
        return value

    return value


def _construct_model(cls: Any, data: Mapping[str, object]) -> Any:
    if not getattr(cls, "__pydantic_fields_complete__", True) and cls not in _rebuilt:
        # forward references in the annotations: resolve them once
        _rebuilt.add(cls)
        cls.model_rebuild(raise_errors=False)

    fields_values: Dict[str, object] = {}
    fields_set: set[str] = set()
    consumed: set[str] = set()
    for name, info in cls.model_fields.items():
        if info.alias is not None and info.alias in data:
            key = info.alias
        else:
            key = name
        if key in data:
            fields_values[name] = construct_type(value=data[key], type_=info.annotation)
            fields_set.add(name)
            consumed.add(key)
        else:
            default = info.get_default(call_default_factory=True)
            fields_values[name] = None if default is PydanticUndefined else default

    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", fields_values)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    extra = {key: item for key, item in data.items() if key not in consumed}
    object.__setattr__(model, "__pydantic_extra__", extra)
    object.__setattr__(model, "__pydantic_private__", None)
    if cls.__pydantic_post_init__:
        model.model_post_init(None)
    return model


def _construct_union(value: object, tp: object) -> object:
    variants = [v for v in get_args(tp) if v is not type(None)]
    # Valid data is validated (as the reference SDK does, Optional[...] included: its models
    # then count extra keys as set); only data that fails is constructed loosely.
    try:
        return validate_type(type_=tp, value=value)  # type: ignore[arg-type]
    except Exception:
        pass
    if len(variants) == 1:
        return construct_type(value=value, type_=variants[0])
    best: object = None
    best_score: Optional[int] = None
    for variant in variants:
        score = _match_score(value, variant)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = variant, score
    if best_score is None:
        return value
    return construct_type(value=value, type_=best)


def _match_score(value: object, variant: object) -> Optional[int]:
    """How well `value` fits `variant` (higher is better); `None` if it cannot fit at all."""
    tp = unwrap_type(variant)[0]
    origin = get_origin(tp) or tp
    if tp is Any or tp is object:
        return 0
    if origin is Literal:
        return 5 if value in get_args(tp) else None
    if inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel):
        if not isinstance(value, Mapping):
            return None
        return _model_score(value, tp)
    if origin in _LIST_ORIGINS:
        return 1 if isinstance(value, list) else None
    if origin in _DICT_ORIGINS:
        return 1 if isinstance(value, Mapping) else None
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return 1 if ok else None
    if tp is int and isinstance(value, bool):
        return None
    if inspect.isclass(tp):
        return 2 if isinstance(value, tp) else None
    return None


def _model_score(value: Mapping[str, object], cls: Any) -> int:
    score = 1
    for name, info in cls.model_fields.items():
        key = info.alias if info.alias is not None and info.alias in value else name
        if key not in value:
            score -= 1 if info.is_required() else 0
            continue
        field_type = unwrap_type(info.annotation)[0]
        if get_origin(field_type) is Literal:
            score += 10 if value[key] in get_args(field_type) else -10
        else:
            score += 1
    return score
