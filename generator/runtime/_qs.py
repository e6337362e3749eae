from __future__ import annotations

from typing import List, Tuple, Mapping
from datetime import date, datetime
from urllib.parse import urlencode
from typing_extensions import Literal

from ._types import Omit, NotGiven

__all__ = ["Querystring", "ArrayFormat", "NestedFormat"]

ArrayFormat = Literal["comma", "repeat", "indices", "brackets"]
NestedFormat = Literal["dots", "brackets"]


class Querystring:
    """Flattens nested query params into `(key, value)` string pairs.

    `{"a": {"b": 1}}` is `a.b=1` (dots) or `a[b]=1` (brackets); `{"k": [1, 2]}` is `k=1&k=2`
    (repeat), `k=1,2` (comma), `k[]=1&k[]=2` (brackets) or `k[0]=1&k[1]=2` (indices).
    Booleans are sent as `true`/`false`; `None`, empty strings and omitted values are dropped.
    """

    def __init__(
        self,
        *,
        array_format: ArrayFormat = "repeat",
        nested_format: NestedFormat = "dots",
    ) -> None:
        self.array_format: ArrayFormat = array_format
        self.nested_format: NestedFormat = nested_format

    def stringify(self, params: Mapping[str, object]) -> str:
        return urlencode(self.stringify_items(params))

    def stringify_items(self, params: Mapping[str, object]) -> List[Tuple[str, str]]:
        items: List[Tuple[str, str]] = []
        for key, value in params.items():
            self._add(items, key, value)
        return items

    def _add(self, items: List[Tuple[str, str]], key: str, value: object) -> None:
        if isinstance(value, Mapping):
            for sub_key, sub_value in value.items():
                if self.nested_format == "dots":
                    self._add(items, f"{key}.{sub_key}", sub_value)
                else:
                    self._add(items, f"{key}[{sub_key}]", sub_value)
        elif isinstance(value, (list, tuple)):
            if self.array_format == "comma":
                text = ",".join(self._primitive(v) for v in value if v is not None)
                if text:
                    items.append((key, text))
            elif self.array_format == "repeat":
                for v in value:
                    self._add(items, key, v)
            elif self.array_format == "brackets":
                for v in value:
                    self._add(items, f"{key}[]", v)
            else:
                for i, v in enumerate(value):
                    self._add(items, f"{key}[{i}]", v)
        else:
            text = self._primitive(value)
            if text:
                items.append((key, text))

    @staticmethod
    def _primitive(value: object) -> str:
        if value is True:
            return "true"
        if value is False:
            return "false"
        if value is None or isinstance(value, (NotGiven, Omit)):
            return ""
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        return str(value)
