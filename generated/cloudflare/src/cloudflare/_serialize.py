"""Parameter serialization by OpenAPI `style` / `explode`, for path, query, header and cookie.

Generated methods call these with values already passed through `maybe_transform` (wire
names, dates as ISO text), so only the OpenAPI layout rules live here:

| style          | array `[a, b]`           | object `{k: v}`                    |
| -------------- | ------------------------ | ---------------------------------- |
| form, explode  | `id=a&id=b`              | `k=v`                              |
| form           | `id=a,b`                 | `id=k,v`                           |
| spaceDelimited | `id=a b`                 | `id=k v`                           |
| pipeDelimited  | `id=a|b`                 | `id=k|v`                           |
| tabDelimited   | `id=a<TAB>b`             | `id=k<TAB>v`                       |
| deepObject     | -                        | `id[k]=v`                          |
| simple         | `a,b`                    | `k,v` (explode: `k=v`)             |
| label          | `.a,b` (explode: `.a.b`) | `.k,v` (explode: `.k=v`)           |
| matrix         | `;id=a,b` (`;id=a;id=b`) | `;id=k,v` (explode: `;k=v`)        |
"""

from __future__ import annotations

from typing import Dict, List, Tuple, Union, Mapping
from datetime import date, datetime

from ._types import Omit, NotGiven, omit

__all__ = ["query_styles", "path_value", "header_value", "cookie_header"]

# tabDelimited is Swagger 2.0's `collectionFormat: tsv` (OpenAPI 3 has no such style)
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}


def _text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _items(value: object) -> List[object]:
    if isinstance(value, Mapping):
        return [part for key, item in value.items() for part in (key, item)]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _is_array(value: object) -> bool:
    return isinstance(value, (list, tuple))


def _deep_object(name: str, value: object, out: Dict[str, object]) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _deep_object(f"{name}[{key}]", item, out)
    elif _is_array(value):
        out[name] = [_text(item) for item in _items(value)]
    elif value is not None:
        out[name] = _text(value)


def query_styles(params: Mapping[str, object], styles: Mapping[str, Tuple[str, bool]]) -> Dict[str, object]:
    """`params` (wire name -> value) laid out by `styles` (wire name -> (style, explode)).

    Arrays come back as lists (the query string repeats their key), everything else as
    text; names without a style, and values that are neither arrays nor objects, pass through.
    """
    result: Dict[str, object] = {}
    for name, value in params.items():
        if name not in styles or isinstance(value, (NotGiven, Omit)) or value is None:
            result[name] = value
            continue
        style, explode = styles[name]
        if style == "deepObject":
            _deep_object(name, value, result)
        elif isinstance(value, Mapping) and style == "form" and explode:
            for key, item in value.items():
                result[str(key)] = _text(item)
        elif isinstance(value, Mapping) or _is_array(value):
            if explode and _is_array(value):
                result[name] = [_text(item) for item in _items(value)]
            else:
                delimiter = _DELIMITERS.get(style, ",")
                result[name] = delimiter.join(_text(item) for item in _items(value))
        else:
            result[name] = value
    return result


def path_value(value: object, style: str, explode: bool, name: str) -> str:
    """The text that replaces `{name}` in a path (`path_template` percent-encodes it)."""
    if isinstance(value, Mapping):
        pairs = [(str(key), _text(item)) for key, item in value.items()]
        if explode:
            parts = [f"{key}={item}" for key, item in pairs]
        else:
            parts = [text for pair in pairs for text in pair]
    else:
        parts = [_text(item) for item in _items(value)]
    if style == "label":
        return "." + ("." if explode else ",").join(parts)
    if style == "matrix":
        if isinstance(value, Mapping):
            return ";" + ";".join(parts) if explode else f";{name}=" + ",".join(parts)
        if explode and _is_array(value):
            return "".join(f";{name}={part}" for part in parts)
        return f";{name}=" + ",".join(parts)
    return ",".join(parts)


def header_value(value: object, *, explode: bool = False) -> Union[str, Omit]:
    """A header parameter as text (`simple` style); not-given values stay out of the request."""
    if isinstance(value, (NotGiven, Omit)):
        return omit
    if isinstance(value, Mapping) and explode:
        return ",".join(f"{key}={_text(item)}" for key, item in value.items())
    return ",".join(_text(item) for item in _items(value))


def cookie_header(cookies: Mapping[str, object], exploded: Tuple[str, ...] = ()) -> Union[str, Omit]:
    """A `Cookie` header for cookie parameters (`form` style); `omit` when none is given."""
    pairs: List[str] = []
    for name, value in cookies.items():
        if isinstance(value, (NotGiven, Omit)) or value is None:
            continue
        if _is_array(value) and name in exploded:
            pairs.extend(f"{name}={_text(item)}" for item in _items(value))
        else:
            pairs.append(f"{name}=" + ",".join(_text(item) for item in _items(value)))
    return "; ".join(pairs) if pairs else omit
