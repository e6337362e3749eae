"""Unit tests of the pure helpers: path_template, Querystring, maybe_transform."""

from __future__ import annotations

import io
import datetime
from typing import Dict, List, Union, Iterable, Optional

import pytest
import pydantic
from typing_extensions import Required, Annotated, TypedDict

from runtime_support import acme_sdk  # noqa: F401  (renders the package)
from acme_sdk import omit, not_given, NOT_GIVEN, NotGiven, Omit
from acme_sdk._qs import Querystring
from acme_sdk._utils import (
    PropertyInfo,
    is_given,
    path_template,
    maybe_transform,
    async_maybe_transform,
)


@pytest.mark.parametrize(
    "template, params, expected",
    [
        ("/a/{x}", {"x": "b c/d"}, "/a/b%20c%2Fd"),
        ("/a/{x}", {"x": "!$&'()*+,;=:@-._~"}, "/a/!$&'()*+,;=:@-._~"),
        ("/a/{x}", {"x": "é?#%"}, "/a/%C3%A9%3F%23%25"),
        ("/a/{x}/{y}", {"x": None, "y": True}, "/a/null/true"),
        ("/a/{x}", {"x": False}, "/a/false"),
        ("/a/{x}", {"x": 12}, "/a/12"),
        (
            "/a/{x}?q={y}#f{z}",
            {"x": "1", "y": "a&b=c d/?", "z": "x y/?"},
            "/a/1?q=a%26b%3Dc%20d/?#fx%20y/?",
        ),
        ("/a/{x}.json", {"x": "."}, "/a/..json"),
    ],
)
def test_path_template(template: str, params: Dict[str, object], expected: str) -> None:
    assert path_template(template, **params) == expected


@pytest.mark.parametrize(
    "template, params, segment",
    [
        ("/a/{x}", {"x": "."}, "."),
        ("/a/{x}/b", {"x": ".."}, ".."),
        ("/a/{x}{y}", {"x": ".", "y": "."}, ".."),
        ("/a/%2e{x}", {"x": "."}, "%2e."),
        ("/a/{x}%2E", {"x": ""}, "%2E"),
    ],
)
def test_path_template_rejects_dot_segments(
    template: str, params: Dict[str, object], segment: str
) -> None:
    with pytest.raises(ValueError) as info:
        path_template(template, **params)
    path = template.split("{")[0]
    assert str(info.value).startswith(f"Constructed path '{path}")
    assert str(info.value).endswith(
        f"contains dot-segment {segment!r} which is not allowed"
    )


def test_path_template_missing_placeholder() -> None:
    with pytest.raises(KeyError, match="placeholder {y}"):
        path_template("/a/{y}", x=1)


def test_querystring_formats() -> None:
    params = {
        "a": [1, 2],
        "n": {"b": {"c": True}},
        "s": "x y",
        "skip": None,
        "e": "",
        "o": omit,
        "f": False,
    }
    assert Querystring().stringify_items(params) == [
        ("a", "1"),
        ("a", "2"),
        ("n.b.c", "true"),
        ("s", "x y"),
        ("f", "false"),
    ]
    assert Querystring(array_format="comma", nested_format="brackets").stringify_items(
        params
    )[:2] == [
        ("a", "1,2"),
        ("n[b][c]", "true"),
    ]
    assert Querystring(array_format="brackets").stringify_items(
        {"a": [1, None, 2]}
    ) == [("a[]", "1"), ("a[]", "2")]
    assert Querystring(array_format="indices").stringify_items({"a": ["x", "y"]}) == [
        ("a[0]", "x"),
        ("a[1]", "y"),
    ]
    assert Querystring().stringify({"a": "b c", "d": ["1", "2"]}) == "a=b+c&d=1&d=2"
    assert Querystring().stringify_items({"d": datetime.date(2024, 1, 2)}) == [
        ("d", "2024-01-02")
    ]


class Inner(TypedDict, total=False):
    inner_name: Annotated[str, PropertyInfo(alias="innerName")]
    when: Annotated[
        datetime.date, PropertyInfo(format="custom", format_template="%d/%m/%Y")
    ]


class Params(TypedDict, total=False):
    account_id: Required[str]
    name: Optional[str]
    camel: Annotated[str, PropertyInfo(alias="camelCase")]
    items: Iterable[Inner]
    mapping: Dict[str, Inner]
    either: Union[Inner, str]
    ts: Annotated[Union[str, datetime.datetime], PropertyInfo(format="iso8601")]
    blob: Annotated[Union[bytes, io.IOBase], PropertyInfo(format="base64")]
    tags: List[str]
    model: object


class Model(acme_sdk.BaseModel):
    foo_bar: Optional[int] = pydantic.Field(default=None, alias="fooBar")
    other: Optional[str] = None


def test_maybe_transform() -> None:
    data = {
        "account_id": "a",
        "name": None,
        "camel": "c",
        "gone": omit,
        "also_gone": not_given,
        "items": (x for x in [{"inner_name": "i", "when": datetime.date(2024, 2, 3)}]),
        "mapping": {"k": {"inner_name": "m", "dropped": omit}},
        "either": {"inner_name": "e"},
        "ts": datetime.datetime(2024, 1, 1, 12, 0),
        "blob": b"hi",
        "tags": ("a", "b"),
        "unknown": {"keep": "as is"},
        "model": Model(fooBar=1),
    }
    assert maybe_transform(data, Params) == {
        "account_id": "a",
        "name": None,
        "camelCase": "c",
        "items": [{"innerName": "i", "when": "03/02/2024"}],
        "mapping": {"k": {"innerName": "m"}},
        "either": {"innerName": "e"},
        "ts": "2024-01-01T12:00:00",
        "blob": "aGk=",
        "tags": ["a", "b"],
        "unknown": {"keep": "as is"},
        "model": {"fooBar": 1},
    }
    assert maybe_transform(None, Params) is None
    assert maybe_transform({"either": "plain"}, Params) == {"either": "plain"}
    assert maybe_transform({"blob": io.BytesIO(b"file")}, Params) == {
        "blob": "ZmlsZQ=="
    }


async def _async_transform() -> object:
    return await async_maybe_transform({"camel": "x", "name": omit}, Params)


def test_async_maybe_transform() -> None:
    import asyncio

    assert asyncio.run(_async_transform()) == {"camelCase": "x"}


def test_sentinels() -> None:
    assert not not_given and not omit and not NOT_GIVEN
    assert isinstance(NOT_GIVEN, NotGiven) and isinstance(omit, Omit)
    assert repr(not_given) == "NOT_GIVEN"
    assert (
        is_given(1)
        and is_given(None)
        and not is_given(omit)
        and not is_given(not_given)
    )
