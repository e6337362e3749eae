"""The import block of one generated module, built from the names its code uses.

Views record each name where they decide to write it (a helper a call uses, a typing name an
annotation needs), so a module imports exactly what it uses. `ImportBlock.groups` gives the
lines in a fixed order: standard library, third party, then the SDK's own modules; within a
group by module, names sorted (black does not reorder imports, any fixed order is stable).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# Where a bare name an annotation or a call needs comes from.
NAME_SOURCES = {
    **{name: "typing" for name in ("TYPE_CHECKING", "Any", "Dict", "List", "Type", "Union", "Iterable", "Optional", "cast")},
    **{name: "typing_extensions" for name in ("Literal", "Required", "Annotated", "TypeAlias", "TypedDict")},
    "date": "datetime",
    "datetime": "datetime",
    "FileTypes": "._files",  # "." = the package root (see ImportBlock.groups)
}
_STDLIB = frozenset({"__future__", "typing", "typing_extensions", "datetime", "functools"})


@dataclass
class ImportBlock:
    """`from MODULE import NAMES` lines; a module starting with "." is relative to the package root."""

    modules: dict[str, set[str]] = field(default_factory=dict)
    plain: set[str] = field(default_factory=set)  # `import MODULE`

    def add(self, module: str, *names: str) -> ImportBlock:
        self.modules.setdefault(module, set()).update(names)
        return self

    def add_pairs(self, pairs: Iterable[tuple[str, str]]) -> ImportBlock:
        """(module, name) pairs; ("", name) is `import name`."""
        for module, name in pairs:
            if module:
                self.add(module, name)
            else:
                self.import_module(name)
        return self

    def add_names(self, names: Iterable[str]) -> ImportBlock:
        """Names an annotation uses, each from where it lives (names not in NAME_SOURCES are skipped)."""
        for name in names:
            if name in NAME_SOURCES:
                self.add(NAME_SOURCES[name], name)
        return self

    def import_module(self, module: str) -> ImportBlock:
        self.plain.add(module)
        return self

    def groups(self, up: str) -> list[list[str]]:
        """The import lines, grouped; `up` is the relative prefix from the module to the package root."""
        stdlib: list[str] = []
        third_party = [f"import {module}" for module in sorted(self.plain)]
        local: list[str] = []
        for module in sorted(self.modules, key=lambda m: (m.startswith("."), m.lstrip("."), m)):
            names = ", ".join(sorted(self.modules[module]))
            if not names:
                continue
            if module.startswith("."):
                local.append(f"from {up}{module[1:]} import {names}")
            elif module in _STDLIB:
                stdlib.append(f"from {module} import {names}")
            else:
                third_party.append(f"from {module} import {names}")
        return [group for group in (stdlib, third_party, local) if group]


def resource_imports(
    method_imports: list[list[tuple[str, str]]], *, has_children: bool, typing_only: bool = False
) -> ImportBlock:
    """A resource module's imports: its methods' own, and what its fixed parts (the resource
    classes, each method's extra_* arguments, the raw/streaming response classes) use.
    `typing_only`: the module also imports names under `if TYPE_CHECKING:`."""
    block = ImportBlock().add("functools", "cached_property").add("._resource", "SyncAPIResource", "AsyncAPIResource")
    if has_children or typing_only:
        block.add("typing", "TYPE_CHECKING")
    if method_imports:
        block.import_module("httpx")
        block.add("._types", "Body", "Query", "Headers", "NotGiven", "not_given")
        block.add(
            "._response",
            "to_raw_response_wrapper",
            "to_streamed_response_wrapper",
            "async_to_raw_response_wrapper",
            "async_to_streamed_response_wrapper",
        )
    for pairs in method_imports:
        block.add_pairs(pairs)
    return block


def import_lines(pairs: Iterable[tuple[str, str]], up: str) -> list[str]:
    """`pairs` as import lines in one run, no grouping (for an indented block: a method body,
    `if TYPE_CHECKING:`); `up` as in `ImportBlock.groups`."""
    return [line for group in ImportBlock().add_pairs(pairs).groups(up) for line in group]
