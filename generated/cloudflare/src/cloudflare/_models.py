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
    Callable,
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
    return _constructor(type_)(value)


_Construct = Callable[[object], object]
# What `construct_type` does for a type, worked out once per type (the request path parses the
# same few types over and over). Keyed by the type itself: a memo, it never changes a result.
_constructors: Dict[object, _Construct] = {}
_ModelPlan = Tuple[Tuple[str, Optional[str], _Construct, Any], ...]
_model_plans: Dict[type, _ModelPlan] = {}
_SCALARS: Tuple[type, ...] = (str, int, float, bool)


def _constructor(type_: object) -> _Construct:
    try:
        return _constructors[type_]
    except KeyError:
        construct = _constructors[type_] = _compile(type_)
        return construct
    except TypeError:  # an unhashable type form (e.g. odd `Annotated` metadata): not memoised
        return _compile(type_)


def _identity(value: object) -> object:
    return value


def _compile(type_: object) -> _Construct:
    tp = unwrap_type(type_)[0]
    if tp is Any or tp is object:
        return _identity

    if is_union_type(tp):
        variants = [v for v in get_args(tp) if v is not type(None)]
        # `Optional[str]` and the like: validating a value of exactly that type returns it
        scalar = variants[0] if len(variants) == 1 and variants[0] in _SCALARS else None

        def construct_union(value: object) -> object:
            if value is None or (scalar is not None and type(value) is scalar):
                return value
            return _construct_union(value, tp)

        return construct_union

    origin = get_origin(tp) or tp
    if origin is Literal:
        return _identity

    if inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel):

        def construct_model(value: object) -> object:
            return _construct_model(tp, value) if isinstance(value, Mapping) else value

        return construct_model

    if origin in _LIST_ORIGINS:
        args = get_args(tp)
        item = _constructor(args[0] if args else object)

        def construct_list(value: object) -> object:
            return [item(each) for each in value] if isinstance(value, list) else value

        return construct_list

    if origin in _DICT_ORIGINS:
        args = get_args(tp)
        entry = _constructor(args[1] if len(args) == 2 else object)

        def construct_dict(value: object) -> object:
            if not isinstance(value, Mapping):
                return value
            return {key: entry(each) for key, each in value.items()}

        return construct_dict

    if tp is float:
        return _construct_float

    if tp is datetime or tp is date:

        def construct_date(value: object) -> object:
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                try:
                    return _type_adapter(tp).validate_python(value)
                except pydantic.ValidationError:
                    return value
            return value

        return construct_date

    return _identity


def _construct_float(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _model_plan(cls: Any) -> _ModelPlan:
    """Per field: name, alias, how to construct its value, its FieldInfo (for defaults)."""
    plan = _model_plans.get(cls)
    if plan is not None:
        return plan
    if not getattr(cls, "__pydantic_fields_complete__", True) and cls not in _rebuilt:
        # forward references in the annotations: resolve them once
        _rebuilt.add(cls)
        cls.model_rebuild(raise_errors=False)
    plan = tuple((name, info.alias, _constructor(info.annotation), info) for name, info in cls.model_fields.items())
    if getattr(cls, "__pydantic_fields_complete__", True):
        _model_plans[cls] = plan  # unresolved annotations may still resolve: only a complete plan is kept
    return plan


def _construct_model(cls: Any, data: Mapping[str, object]) -> Any:
    fields_values: Dict[str, object] = {}
    fields_set: set[str] = set()
    consumed: set[str] = set()
    for name, alias, construct, info in _model_plan(cls):
        key = alias if alias is not None and alias in data else name
        if key in data:
            fields_values[name] = construct(data[key])
            fields_set.add(name)
            consumed.add(key)
        elif info.default is None and info.default_factory is None:
            fields_values[name] = None
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
