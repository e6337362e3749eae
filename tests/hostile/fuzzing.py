"""Mutation fuzzing of the front half of the pipeline: load -> validate -> build.

`mutate(seed_text, rng)` returns one mutated document (bytes) and a label saying what was
done; `run_case(path)` runs the stages in-process and reports "ok", "error" (an SdkgenError:
exit 2) or "crash: <exception>" (what would have been a traceback / exit 3).

Mutations: truncation, a wrong type at a random JSON pointer, a deleted key (required ones
favoured), a duplicated key, invalid UTF-8, a BOM, a huge number, deep nesting, a `$ref`
pointed somewhere random (cycles included), random bytes, and YAML flavours of the same.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.config import Config
from generator.errors import SdkgenError
from generator.ir.build import BuildResult, build_api
from generator.pipeline import validated_document

REQUIRED_KEYS = ("openapi", "info", "title", "version", "paths", "responses", "name", "in", "schema", "content", "type", "$ref")
WRONG_VALUES: tuple[Any, ...] = (None, 0, -1, 1.5, 10**30, "", "x", "{id}", "#/", [], {}, [None], {"": None}, True, "\u2028")


def _pointers(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_pointers(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_pointers(value, (*prefix, index)))
    return found


def _parent(tree: Any, pointer: tuple[Any, ...]) -> tuple[Any, Any]:
    node = tree
    for step in pointer[:-1]:
        node = node[step]
    return node, pointer[-1]


def _set(tree: Any, pointer: tuple[Any, ...], value: Any) -> Any:
    if not pointer:
        return value
    parent, key = _parent(tree, pointer)
    parent[key] = value
    return tree


def _wrong_type(tree: Any, rng: random.Random) -> tuple[Any, str]:
    pointer = rng.choice(_pointers(tree))
    value = rng.choice(WRONG_VALUES)
    return _set(tree, pointer, json.loads(json.dumps(value))), f"wrong type {value!r} at {pointer}"


def _delete_key(tree: Any, rng: random.Random) -> tuple[Any, str]:
    keys = [p for p in _pointers(tree) if p and isinstance(_parent(tree, p)[0], dict)]
    required = [p for p in keys if p[-1] in REQUIRED_KEYS]
    pointer = rng.choice(required if required and rng.random() < 0.7 else keys or [()])
    if pointer:
        parent, key = _parent(tree, pointer)
        del parent[key]
    return tree, f"deleted {pointer}"


def _deep(tree: Any, rng: random.Random) -> tuple[Any, str]:
    # A marker, replaced after serialising: json.dumps itself cannot write 1,000 levels.
    pointer = rng.choice(_pointers(tree))
    depth = rng.choice((50, 250, 1000, 10_000))
    return _set(tree, pointer, f"{_DEEP}{depth}"), f"nesting {depth} deep at {pointer}"


_DEEP = "DEEP-NESTING-"
_DEEP_MARK = re.compile(r'"?' + _DEEP + r'([0-9]+)"?')


def _nested(match: re.Match[bytes]) -> bytes:
    depth = int(match.group(1))
    opening = "".join('{"p": ' if level % 2 else "[" for level in range(depth))
    closing = "".join("}" if level % 2 else "]" for level in reversed(range(depth)))
    return (opening + '"leaf"' + closing).encode()


def _random_ref(tree: Any, rng: random.Random) -> tuple[Any, str]:
    pointers = _pointers(tree)
    target = rng.choice(pointers)
    text = "#" + "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in target)
    ref = rng.choice((text, text, "#/components/schemas/Missing", "#", "other.yaml#/x", "#/paths/~1x/~2"))
    pointer = rng.choice(pointers)
    return _set(tree, pointer, {"$ref": ref}), f"$ref {ref!r} at {pointer}"


TREE_MUTATIONS: tuple[Callable[[Any, random.Random], tuple[Any, str]], ...] = (_wrong_type, _wrong_type, _delete_key, _deep, _random_ref)


def _serialise(tree: Any, rng: random.Random) -> tuple[bytes, str]:
    if rng.random() < 0.3:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: ~10x faster
        text, suffix = yaml.dump(tree, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**6), ".yaml"
    else:
        text, suffix = json.dumps(tree, indent=1), ".json"
    data = text.encode("utf-8", "surrogatepass")
    return re.sub(_DEEP_MARK.pattern.encode(), _nested, data), suffix


def _byte_mutation(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    kind = rng.randrange(7)
    at = rng.randrange(len(data) + 1)
    if kind == 0:
        return data[:at], f"truncated at {at}"
    if kind == 1:
        return data[:at] + rng.choice((b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80\x80")) + data[at:], f"invalid UTF-8 at {at}"
    if kind == 2:
        bom = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"))
        return bom + data, f"BOM {bom!r}"
    if kind == 3:
        number = rng.choice((b"1" + b"0" * 5000, b"1e999", b"-1e-999", b"9" * 400, b"NaN", b"Infinity"))
        spot = data.find(b": ", at)
        return (data[: spot + 2] + number + b", " + data[spot + 2 :], "huge number") if spot >= 0 else (data + number, "trailing number")
    if kind == 4:  # duplicate a line: a duplicate key in YAML, usually in JSON too
        lines = data.split(b"\n")
        index = rng.randrange(len(lines))
        return b"\n".join([*lines[: index + 1], lines[index], *lines[index + 1 :]]), f"line {index} duplicated"
    if kind == 5:
        return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + data[at:], f"random bytes at {at}"
    anchors = b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    return anchors + data, "YAML aliases prepended"


def mutate(seed: str, rng: random.Random) -> tuple[bytes, str, str]:
    """(document bytes, file suffix, what was done) for one fuzz case."""
    tree = json.loads(seed)
    labels = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        tree, label = rng.choice(TREE_MUTATIONS)(tree, rng)
        labels.append(label)
    data, suffix = _serialise(tree, rng)
    if rng.random() < 0.35:
        data, label = _byte_mutation(data, rng)
        labels.append(label)
    return data, suffix, "; ".join(labels)


def run_case(path: Path) -> tuple[str, BuildResult | None]:
    """("ok" | "error" | "crash: ...", the build result when it built)."""
    try:
        document = validated_document(path)
        return "ok", build_api(document.data, str(path), Config())
    except SdkgenError as error:
        assert error.problems and all(p.message for p in error.problems)
        return "error", None
    except Exception as exc:  # noqa: BLE001 - the point: anything else is a crash to report
        return f"crash: {type(exc).__name__}: {exc}"[:500], None
