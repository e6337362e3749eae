"""The fast path of stage "validate": openapi-spec-validator-rs's verdict on a loaded document.

openapi-spec-validator-rs ports openapi-spec-validator 0.9.0 rule for rule to Rust and gives
the same verdicts about 30x faster (GitHub's spec: ~0.3 s instead of ~10 s). It answers only
"valid or not"; the Python validator (validate.py) still explains every problem with its file,
line and JSON pointer, and runs whenever this verdict is not a plain "valid".

Network: the package's public validator classes *do* fetch `http(s)://` `$ref`s (through
`openapi_spec_validator_rs.handlers.retrieve`). So this module calls the extension's
`validate` with a retriever that refuses every URL, and validate.py only calls it once its own
`$ref` check found nothing but local refs. A refused fetch aborts the fast path (verdict None)
and the Python path, which refuses every URI scheme too, reports the ref.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Any

# The extension allocates with its own mimalloc, which by default keeps freed pages resident
# for a while: its ~80 MB copy of a 13 MB spec would stay in the process's RSS through the
# later stages. A purge delay of 0 returns them as soon as the copy is dropped. mimalloc reads
# its options when the library loads, so the variable is set only around the import (unless
# the user set it).
_PURGE = "MIMALLOC_PURGE_DELAY"
_rust: ModuleType | None
_before = os.environ.get(_PURGE)
os.environ.setdefault(_PURGE, "0")
try:  # a compiled wheel may be missing on an odd platform; the Python path covers it
    from openapi_spec_validator_rs import _core as _rust
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _rust = None
finally:
    if _before is None:
        del os.environ[_PURGE]

__all__ = ["available", "rust_verdict"]


class RemoteRefRefused(Exception):
    """Raised by the retriever the extension calls when it reaches a non-local document."""


def _refuse_fetch(url: str) -> bytes:
    raise RemoteRefRefused(f"sdkgen does not fetch {url!r}")


def available() -> bool:
    return _rust is not None


def rust_verdict(data: Any, version: str) -> bool | None:
    """True when `data` is a valid OpenAPI `version` ("3.0" or "3.1") document, False when it
    has at least one problem, None when the fast path cannot tell (not installed, or it stopped:
    a ref it could not resolve, nesting beyond its stack)."""
    if _rust is None:
        return None
    try:
        errors = _rust.validate(data, version, "", False, _refuse_fetch)
    except Exception:  # noqa: BLE001 - ValidationAbortedError, RecursionError: let Python explain
        return None
    return not errors
