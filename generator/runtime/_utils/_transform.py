from __future__ import annotations

import io
import base64
import pathlib
from typing import Any, Dict, Tuple, Mapping, Iterable, Optional, cast
from datetime import date, datetime
from functools import lru_cache
from collections.abc import Iterable as _Iterable
from typing_extensions import (
    Literal,
    get_args,
    get_origin,
    is_typeddict,
    get_type_hints,
)

import pydantic

from ._utils import unwrap_type, is_union_type
from .._types import Omit, NotGiven

__all__ = ["PropertyInfo", "maybe_transform", "async_maybe_transform", "transform"]

PropertyFormat = Literal["iso8601", "base64", "custom"]


class PropertyInfo:
    """Metadata for `Annotated[...]` fields of request `TypedDict`s.

    ```py
    class Params(TypedDict, total=False):
        account_name: Annotated[str, PropertyInfo(alias="accountName")]
    ```

    sends `{"accountName": ...}` for `{"account_name": ...}`.
    """

    def __init__(
        self,
        *,
        alias: Optional[str] = None,
        format: Optional[PropertyFormat] = None,
        format_template: Optional[str] = None,
        discriminator: Optional[str] = None,
    ) -> None:
        self.alias = alias
        self.format = format
        self.format_template = format_template
        self.discriminator = discriminator

    def __repr__(self) -> str:
        return (
            f"PropertyInfo(alias={self.alias!r}, format={self.format!r}, "
            f"format_template={self.format_template!r}, discriminator={self.discriminator!r})"
        )


def maybe_transform(data: object, expected_type: object) -> Any:
    """Turn user input into JSON-ready data, guided by the params type.

    Drops `omit` / `not_given` values, keeps explicit `None`, renames keys that carry
    `PropertyInfo(alias=...)`, formats dates and dumps pydantic models. Data that the type
    says nothing about is passed through unchanged.
    """
    if data is None:
        return None
    try:
        plain = not _has_property_info(expected_type)
    except TypeError:  # an unhashable type cannot be cached: take the careful path
        plain = False
    return _plain(data) if plain else transform(data, expected_type)


async def async_maybe_transform(data: object, expected_type: object) -> Any:
    return maybe_transform(data, expected_type)


def transform(data: object, expected_type: object) -> Any:
    return _transform(data, expected_type)


def _transform(data: object, expected_type: object) -> Any:
    tp, metadata = unwrap_type(expected_type)
    info = _property_info(metadata)
    if info is not None and _formattable(data, info):
        return _format(data, info)

    if isinstance(data, pydantic.BaseModel):
        return data.model_dump(mode="json", by_alias=True, exclude_unset=True)

    if isinstance(data, Mapping):
        if is_typeddict(tp):
            return _transform_typeddict(data, cast(type, tp))
        if get_origin(tp) in (dict, Mapping):
            args = get_args(tp)
            item_type = args[1] if len(args) == 2 else object
            return {key: _transform(value, item_type) for key, value in data.items()}

    if is_union_type(tp):
        # every variant gets a pass, so the aliases of whichever one matches apply
        for variant in get_args(tp):
            data = _transform(data, variant)
        return data

    if _is_sequence_data(data):
        args = get_args(tp)
        item_type = args[0] if args and _is_iterable_type(tp) else object
        items = cast(Iterable[object], data)
        return [_transform(item, item_type) for item in items]

    if isinstance(data, (date, datetime)):
        return data.isoformat()
    return data


def _plain(data: object) -> Any:
    """What `_transform` makes of data whose type carries no `PropertyInfo`, without the type."""
    if data is None or isinstance(data, (str, int, float)):
        return data
    if isinstance(data, Mapping):
        return {key: _plain(value) for key, value in data.items() if not isinstance(value, (NotGiven, Omit))}
    if isinstance(data, pydantic.BaseModel):
        return data.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if _is_sequence_data(data):
        return [_plain(item) for item in cast(Iterable[object], data)]
    if isinstance(data, (date, datetime)):
        return data.isoformat()
    return data


@lru_cache(maxsize=None)
def _has_property_info(expected_type: object) -> bool:
    """Whether `PropertyInfo` (an alias or a format) appears anywhere in the type."""
    seen: set[int] = set()

    def walk(tp: object) -> bool:
        if id(tp) in seen:
            return False  # a recursive type: its fields are being looked at already
        seen.add(id(tp))
        tp, metadata = unwrap_type(tp)
        if _property_info(metadata) is not None:
            return True
        if is_typeddict(tp):
            return any(walk(annotation) for _, annotation in _typeddict_fields(cast(type, tp)).values())
        return any(walk(arg) for arg in get_args(tp))

    try:
        return walk(expected_type)
    except Exception:
        return True  # unsure: take the careful path


def _is_sequence_data(data: object) -> bool:
    if isinstance(data, (str, bytes, bytearray, Mapping, io.IOBase)):
        return False
    return isinstance(data, _Iterable)


def _is_iterable_type(tp: object) -> bool:
    origin = get_origin(tp)
    return isinstance(origin, type) and issubclass(origin, _Iterable) and not issubclass(origin, Mapping)


def _property_info(metadata: Tuple[object, ...]) -> Optional[PropertyInfo]:
    for item in metadata:
        if isinstance(item, PropertyInfo):
            return item
    return None


@lru_cache(maxsize=None)
def _typeddict_fields(tp: type) -> Dict[str, Tuple[str, object]]:
    """field name -> (wire name, annotation) for a TypedDict."""
    fields: Dict[str, Tuple[str, object]] = {}
    for name, annotation in get_type_hints(tp, include_extras=True).items():
        info = _property_info(unwrap_type(annotation)[1])
        alias = info.alias if info is not None and info.alias is not None else name
        fields[name] = (alias, annotation)
    return fields


def _transform_typeddict(data: Mapping[str, object], tp: type) -> Dict[str, object]:
    fields = _typeddict_fields(tp)
    result: Dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, (NotGiven, Omit)):
            continue
        field = fields.get(key)
        if field is None:
            result[key] = value
        else:
            result[field[0]] = transform(value, field[1])
    return result


def _formattable(data: object, info: PropertyInfo) -> bool:
    if isinstance(data, (date, datetime)):
        return info.format is not None
    binary = (bytes, bytearray, io.IOBase, pathlib.PurePath)
    return info.format == "base64" and isinstance(data, binary)


def _format(data: object, info: PropertyInfo) -> object:
    if isinstance(data, (date, datetime)):
        if info.format == "custom" and info.format_template is not None:
            return data.strftime(info.format_template)
        return data.isoformat()
    if isinstance(data, pathlib.PurePath):
        data = pathlib.Path(data).read_bytes()
    elif isinstance(data, io.IOBase):
        data = data.read()
    if isinstance(data, str):
        data = data.encode()
    if isinstance(data, (bytes, bytearray)):
        return base64.b64encode(data).decode("ascii")
    return data
