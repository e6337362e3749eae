"""Runtime modules imported straight from their source (`generator.runtime`), no SDK around them."""

from __future__ import annotations

import random
import sys
import types
from typing import List, Tuple

import pytest

from generator.runtime._streaming import SSEDecoder, ServerSentEvent
from generator.runtime._utils._lazy import lazy_getattr
from generator.runtime._utils._transform import _has_property_info, maybe_transform
from generator.runtime._utils import PropertyInfo
from generator.runtime._types import omit

from typing_extensions import Annotated, Required, TypedDict

STREAM = (
    b"event: ping\r\ndata: {\"a\": 1}\r\n\r\n"
    b": a comment, ignored\n\n"
    b"data: line1\ndata:  two spaces keep one\nid: 7\nretry: 10\n\r\n"
    b"data: caf\xc3\xa9\r\r"
    b"event: only-an-event\n\n"
    b"data\n\n"
    b"data: never finished\n"
)
EXPECTED = [
    ("ping", '{"a": 1}', None, None),
    (None, "line1\n two spaces keep one", "7", 10),
    (None, "caf\u00e9", "7", None),
    (None, "", "7", None),
]


def _events(chunks: List[bytes]) -> List[Tuple[object, ...]]:
    decoder = SSEDecoder()
    events: List[ServerSentEvent] = []
    for chunk in chunks:
        events += decoder.feed(chunk)
    return [(e.event, e.data, e.id, e.retry) for e in events]


def test_sse_decoder_whole_stream() -> None:
    assert _events([STREAM]) == EXPECTED


@pytest.mark.parametrize("seed", range(40))
def test_sse_decoder_any_chunking(seed: int) -> None:
    """Chunks split lines, CRLF pairs and UTF-8 sequences anywhere: the events never change."""
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, len(STREAM)), k=rng.randint(1, 25)))
    chunks = [STREAM[a:b] for a, b in zip([0, *cuts], [*cuts, len(STREAM)])]
    assert _events(chunks) == EXPECTED


def test_sse_decoder_byte_by_byte() -> None:
    assert _events([bytes([b]) for b in STREAM]) == EXPECTED


def test_server_sent_event_json_and_repr() -> None:
    event = ServerSentEvent(event="x", data='{"k": [1]}')
    assert event.json() == {"k": [1]}
    assert repr(event) == "ServerSentEvent(event='x', data='{\"k\": [1]}', id=None, retry=None)"


def test_lazy_getattr_loads_on_first_access(monkeypatch: pytest.MonkeyPatch) -> None:
    package = types.ModuleType("lazy_pkg_under_test")
    package.__path__ = []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "lazy_pkg_under_test", package)
    child = types.ModuleType("lazy_pkg_under_test.child")
    child.Thing = object()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "lazy_pkg_under_test.child", child)
    getter = lazy_getattr("lazy_pkg_under_test", {"Thing": ".child", "child": ".child"})
    assert getter("Thing") is child.Thing  # type: ignore[attr-defined]
    assert package.Thing is child.Thing  # type: ignore[attr-defined]  # cached as a plain attribute
    assert getter("child") is child
    with pytest.raises(AttributeError, match="has no attribute 'Other'"):
        getter("Other")


class _Plain(TypedDict, total=False):
    name: Required[str]
    tags: List[str]


class _Aliased(TypedDict, total=False):
    display_name: Annotated[str, PropertyInfo(alias="displayName")]


class _Nested(TypedDict, total=False):
    inner: _Aliased


def test_transform_fast_path_only_for_types_without_property_info() -> None:
    assert not _has_property_info(_Plain)
    assert _has_property_info(_Aliased) and _has_property_info(_Nested)
    # the fast path gives what the careful one gives: omit dropped, iterables listed, None kept
    data = {"name": "n", "tags": (t for t in ("a", "b")), "gone": omit, "kept": None}
    assert maybe_transform(data, _Plain) == {"name": "n", "tags": ["a", "b"], "kept": None}
    assert maybe_transform({"inner": {"display_name": "D"}}, _Nested) == {"inner": {"displayName": "D"}}
