"""Lazy package exports: a package's names load from their modules on first access.

`import <sdk>` and constructing a client import no resource or type module; each is imported
the first time something reaches for it. The package `__init__` files still import every name
under `TYPE_CHECKING`, so type checkers see exact types.
"""

from __future__ import annotations

import sys
import importlib
from typing import Any, Mapping, Callable

__all__ = ["lazy_getattr"]


def lazy_getattr(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `exports` maps a name to the relative module defining it.

    A name that maps to `.<name>` is that submodule itself.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        target = importlib.import_module(module, package)
        value = target if module == f".{name}" else getattr(target, name)
        setattr(sys.modules[package], name, value)  # the next access is a plain attribute read
        return value

    return __getattr__
