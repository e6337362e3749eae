# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any, Dict, List, Union, Sequence, get_type_hints
from datetime import date, datetime
from typing_extensions import Literal, get_args, get_origin

from cloudflare._models import BaseModel

_NONE = type(None)


def assert_matches_type(type_: Any, value: object, *, path: Sequence[str]) -> None:
    """Fail with the path of the first value that does not have the type the SDK declares."""
    where = ".".join(path)
    origin = get_origin(type_) or type_
    args = get_args(type_)
    generic = getattr(type_, "__pydantic_generic_metadata__", None)
    if generic and generic.get("origin") is not None:
        # A parametrised pydantic generic (a page class): check it as origin[args].
        origin, args = generic["origin"], tuple(generic["args"])

    if type_ is Any or type_ is object:
        return
    if type_ is None or type_ is _NONE:
        assert value is None, f"{where}: expected None, got {value!r}"
        return
    if origin is Union:
        errors = []
        for variant in args:
            try:
                assert_matches_type(variant, value, path=path)
                return
            except AssertionError as exc:
                errors.append(str(exc))
        raise AssertionError(f"{where}: {value!r} matches no variant of {type_}: {errors}")
    if origin is Literal:
        assert value in args, f"{where}: {value!r} is not one of {args}"
        return
    if origin in (list, List):
        assert isinstance(value, list), f"{where}: expected a list, got {type(value).__name__}"
        for index, item in enumerate(value):
            assert_matches_type(args[0], item, path=[*path, str(index)])
        return
    if origin in (dict, Dict):
        assert isinstance(value, dict), f"{where}: expected a dict, got {type(value).__name__}"
        for key, item in value.items():
            assert_matches_type(args[1], item, path=[*path, str(key)])
        return
    if isinstance(origin, type) and issubclass(origin, BaseModel):
        assert isinstance(value, origin), f"{where}: expected {origin.__name__}, got {type(value).__name__}"
        if hasattr(value, "_get_page_items"):
            for index, item in enumerate(value._get_page_items()):
                assert_matches_type(args[0], item, path=[*path, str(index)])
            return
        for name, field in type(value).model_fields.items():
            if name in value.model_fields_set:
                annotation = _resolved(field.annotation, type(value))
                assert_matches_type(annotation, getattr(value, name), path=[*path, name])
        return
    if origin is float:
        assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{where}: expected a number"
        return
    if origin is datetime or origin is date:
        assert isinstance(value, origin), f"{where}: expected {origin.__name__}, got {value!r}"
        return
    assert isinstance(value, origin), f"{where}: expected {origin}, got {type(value).__name__}"


def _resolved(annotation: Any, owner: type) -> Any:
    """`annotation` with the forward references pydantic kept (recursive models) resolved."""
    namespace = vars(sys.modules[owner.__module__])
    try:
        return get_type_hints(SimpleNamespace(__annotations__={"x": annotation}), globalns=namespace)["x"]
    except Exception:
        return annotation
