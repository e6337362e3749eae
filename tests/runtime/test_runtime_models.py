"""Loose `construct_type` vs strict `validate_type`, and the BaseModel helpers."""

from __future__ import annotations

import copy
import datetime
from typing import Any, Dict, List, Union, Generic, TypeVar, Optional

import pytest
import pydantic
from typing_extensions import Literal, Annotated

from runtime_support import acme_sdk  # noqa: F401  (renders the package)
from acme_sdk import BaseModel
from acme_sdk._models import GenericModel, is_basemodel, validate_type, construct_type
from acme_sdk._wrappers import ResultWrapper

T = TypeVar("T")


class Child(BaseModel):
    name: str
    size: float = 1.0


class Parent(BaseModel):
    id: str
    child: Optional[Child] = None
    children: List[Child] = []
    by_key: Dict[str, Child] = {}
    when: Optional[datetime.datetime] = None
    day: Optional[datetime.date] = None
    kind: Literal["a", "b"] = "a"
    camel_case: Optional[int] = pydantic.Field(default=None, alias="camelCase")
    annotated: Annotated[Optional[Child], "meta"] = None
    later: Optional["Later"] = None


class Later(BaseModel):
    value: int


class Box(GenericModel, Generic[T]):
    item: T


def test_construct_builds_nested_models_without_validation() -> None:
    data: Dict[str, Any] = {
        "id": "p",
        "child": {"name": "c", "size": 2, "bonus": True},
        "children": [{"name": "x"}, "not-a-child", {"size": "big"}],
        "by_key": {"k": {"name": "k"}},
        "when": "2024-03-04T05:06:07Z",
        "day": "2024-03-04",
        "kind": "z",
        "camelCase": 5,
        "annotated": {"name": "ann"},
        "later": {"value": 3},
        "extra_field": [1],
    }
    p = construct_type(type_=Parent, value=data)
    assert isinstance(p, Parent)
    assert (
        isinstance(p.child, Child)
        and p.child.size == 2.0
        and isinstance(p.child.size, float)
    )
    assert p.child.model_extra == {"bonus": True}
    assert isinstance(p.children[0], Child) and p.children[1] == "not-a-child"
    assert isinstance(p.children[2], Child) and p.children[2].size == "big"  # type: ignore[comparison-overlap]
    assert p.children[2].name is None  # required but missing -> None, no error
    assert p.children[2].model_fields_set == {"size"}
    assert isinstance(p.by_key["k"], Child)
    assert p.when == datetime.datetime(
        2024, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc
    )
    assert p.day == datetime.date(2024, 3, 4)
    assert p.kind == "z"
    assert p.camel_case == 5
    assert isinstance(p.annotated, Child)
    assert (
        isinstance(p.later, Later) and p.later.value == 3
    )  # forward reference resolved
    assert p.extra_field == [1]  # type: ignore[attr-defined]
    # as in 5.9.0: extra keys are kept (and dumped) but not counted in model_fields_set
    assert p.model_fields_set == set(data) - {"camelCase", "extra_field"} | {
        "camel_case"
    }
    assert p.to_dict(warnings=False)["camelCase"] == 5 and "extra_field" in p.to_dict(
        warnings=False
    )
    assert copy.deepcopy(p) == p


def test_construct_keeps_wrong_shapes() -> None:
    assert construct_type(type_=Parent, value="str") == "str"
    assert construct_type(type_=List[Child], value={"a": 1}) == {"a": 1}
    assert construct_type(type_=Dict[str, Child], value=[1]) == [1]
    assert construct_type(type_=float, value=True) is True
    assert construct_type(type_=float, value="1") == "1"
    assert construct_type(type_=int, value=1.5) == 1.5
    assert construct_type(type_=datetime.datetime, value="yesterday") == "yesterday"
    assert construct_type(type_=Optional[Child], value=None) is None
    assert construct_type(type_=Child, value={"name": None}).name is None  # type: ignore[union-attr]
    assert construct_type(type_=Any, value={"a": 1}) == {"a": 1}
    assert construct_type(type_=object, value=[1]) == [1]


def test_construct_populates_by_field_name_too() -> None:
    p = construct_type(type_=Parent, value={"id": "p", "camel_case": 3})
    assert isinstance(p, Parent) and p.camel_case == 3 and p.model_extra == {}


class Cat(BaseModel):
    type: Literal["cat"]
    lives: int


class Dog(BaseModel):
    type: Literal["dog"]
    good: bool


def test_union_picks_best_variant() -> None:
    union: Any = Union[Cat, Dog]
    assert isinstance(
        construct_type(type_=union, value={"type": "dog", "good": "very"}), Dog
    )
    assert isinstance(
        construct_type(type_=union, value={"type": "cat", "lives": "nine"}), Cat
    )
    assert isinstance(
        construct_type(type_=union, value={"type": "dog", "good": True}), Dog
    )
    assert construct_type(type_=union, value=[1]) == [1]
    assert construct_type(type_=Union[int, str], value=1.5) == 1.5
    assert construct_type(type_=Union[List[Cat], str], value=[{"type": "cat"}])[0].type == "cat"  # type: ignore[index]
    assert construct_type(type_=Union[str, int], value="x") == "x"
    assert construct_type(type_=Optional[Union[Cat, Dog]], value=None) is None


def test_generic_and_result_wrapper() -> None:
    box = construct_type(type_=Box[Child], value={"item": {"name": "i"}})
    assert isinstance(box, Box) and isinstance(box.item, Child)
    wrapped = construct_type(
        type_=ResultWrapper[Child], value={"result": {"name": "r"}, "success": True}
    )
    assert isinstance(wrapped, ResultWrapper)
    assert ResultWrapper._unwrapper(wrapped).name == "r"
    empty = construct_type(type_=ResultWrapper[Child], value={"result": None})
    assert ResultWrapper._unwrapper(empty) is None  # type: ignore[arg-type]
    with pytest.raises(pydantic.ValidationError):
        validate_type(type_=ResultWrapper[Child], value={"result": None})


def test_validate_type_is_strict() -> None:
    assert validate_type(type_=Child, value={"name": "n"}).name == "n"
    with pytest.raises(pydantic.ValidationError):
        validate_type(type_=Child, value={"size": 1})
    with pytest.raises(pydantic.ValidationError):
        validate_type(type_=List[Child], value=[{"name": 1}])
    assert validate_type(type_=List[int], value=[1, "2"]) == [1, 2]
    strict = validate_type(
        type_=Parent, value={"id": "p", "extra": 1, "later": {"value": 1}}
    )
    assert strict.model_extra == {"extra": 1}


def test_base_model_helpers() -> None:
    c = Child.model_validate({"name": "n"})
    assert c.to_dict() == {"name": "n"}
    assert c.to_dict(exclude_unset=False) == {"name": "n", "size": 1.0}
    assert c.to_json() == '{\n  "name": "n"\n}'
    assert c.to_json(indent=None) == '{"name":"n"}'
    assert str(c) == "Child(name='n', size=1.0)"
    p = Parent(id="x", camel_case=1)  # populate by field name
    assert p.to_dict(use_api_names=True) == {"id": "x", "camelCase": 1}
    assert p.to_dict(mode="json", use_api_names=False) == {"id": "x", "camel_case": 1}
    assert (
        is_basemodel(Child) and is_basemodel(Optional[Child]) and is_basemodel(Box[int])
    )
    assert not is_basemodel(int) and not is_basemodel(List[Child])


def test_model_with_model_prefixed_field_does_not_warn() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")

        class HasModelField(BaseModel):
            model_id: str

    assert HasModelField(model_id="m").model_id == "m"
