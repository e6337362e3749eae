from __future__ import annotations

from typing import TYPE_CHECKING, Any, Type, Union, Mapping, Callable
from typing_extensions import Literal, TypedDict, override

import httpx

__all__ = [
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "Headers",
    "Query",
    "Body",
    "AnyMapping",
    "Timeout",
    "NoneType",
    "PostParser",
    "RequestOptions",
]


class NotGiven:
    """Sentinel for "argument not passed", where `None` has a meaning of its own.

    ```py
    def create(timeout: Timeout | None | NotGiven = not_given): ...


    create(timeout=1)  # 1s timeout
    create(timeout=None)  # no timeout
    create()  # the client's default timeout
    ```
    """

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"


not_given = NotGiven()
NOT_GIVEN = not_given  # the older spelling


class Omit:
    """Leave a value out of the request entirely, e.g. a default header.

    ```py
    client.widgets.list(extra_headers={"Accept": omit})
    ```
    """

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "omit"


omit = Omit()

Timeout = Union[float, httpx.Timeout, None]
Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = object
AnyMapping = Mapping[str, object]
PostParser = Callable[[Any], Any]

if TYPE_CHECKING:
    NoneType: Type[None]
else:
    NoneType = type(None)


class RequestOptions(TypedDict, total=False):
    headers: Headers
    max_retries: int
    timeout: Timeout
    params: Query
    extra_json: AnyMapping
    follow_redirects: bool
    post_parser: PostParser
