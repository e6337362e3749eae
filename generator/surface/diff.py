"""Surface x Surface -> the changes a Python user of the SDK would see, each with a class.

breaking: code that type-checks and runs against the old SDK may not against the new one
(something removed, a parameter became required or moved, an input type narrowed, an output
type widened beyond new enum values, an enum value removed).
non-breaking: additions (optional parameters, methods, fields, enum values), widened inputs,
narrowed outputs. note: documentation and wire-only changes (descriptions, deprecations, the
HTTP path or the wire name behind a parameter): nothing to change in calling code.

Parameters are the contract of inputs (contravariant); return types and response model
fields are outputs (covariant); TypedDict params classes are inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .compat import expand, literal_values, only_literals_added, relation
from .model import (
    Annotation,
    ClassRef,
    FieldSurface,
    MethodSurface,
    ModelSurface,
    ParamSurface,
    ResourceSurface,
    Surface,
    annotation_text,
    field_symbol,
    param_symbol,
)

BREAKING, NON_BREAKING, NOTE = "breaking", "non-breaking", "note"
SEVERITIES = (BREAKING, NON_BREAKING, NOTE)


@dataclass(frozen=True)
class Change:
    severity: str  # breaking | non-breaking | note
    code: str  # stable identifier: "param-removed", "enum-value-added", ...
    symbol: str  # the Python symbol: "client.store.pets.update(name=)"
    message: str
    old_pointer: str = ""  # where the element is in the old spec ("" when it is new)
    new_pointer: str = ""
    also: tuple[str, ...] = ()  # other symbols the same spec change shows up as


@dataclass(frozen=True)
class SurfaceDiff:
    old_name: str
    new_name: str
    changes: tuple[Change, ...]

    def count(self, severity: str) -> int:
        return sum(1 for c in self.changes if c.severity == severity)

    def of(self, severity: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.severity == severity)


class _Differ:
    def __init__(self, old: Surface, new: Surface) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, severity: str, code: str, symbol: str, message: str, old: str = "", new: str = "") -> None:
        self.changes.append(Change(severity, code, symbol, message, old, new))

    # ------------------------------------------------------------------ types

    def _old_alias(self, ref: ClassRef) -> Annotation | None:
        model = self.old.model(ref.qualname)
        return model.alias_of if model is not None and model.kind == "alias" else None

    def _new_alias(self, ref: ClassRef) -> Annotation | None:
        model = self.new.model(ref.qualname)
        return model.alias_of if model is not None and model.kind == "alias" else None

    def types(
        self, symbol: str, old: Annotation, new: Annotation, *, output: bool, what: str, pointers: tuple[str, str]
    ) -> None:
        old_x, new_x = expand(old, self._old_alias), expand(new, self._new_alias)
        kind = relation(old_x, new_x)
        if kind == "same":
            return
        shown = f"{annotation_text(old)} -> {annotation_text(new)}"
        removed = sorted(repr(v) for _, v in literal_values(old_x) - literal_values(new_x))
        added = sorted(repr(v) for _, v in literal_values(new_x) - literal_values(old_x))
        if removed and kind in ("narrowed", "changed"):
            self.add(BREAKING, "enum-value-removed", symbol, f"enum value {', '.join(removed)} removed ({shown})", *pointers)
        elif kind == "widened" and added and (not output or only_literals_added(old_x, new_x)):
            self.add(NON_BREAKING, "enum-value-added", symbol, f"new enum value {', '.join(added)} ({shown})", *pointers)
        elif kind == "widened" and not output:
            self.add(NON_BREAKING, f"{what}-type-widened", symbol, f"accepts more: {shown}", *pointers)
        elif kind == "widened":
            self.add(BREAKING, f"{what}-type-widened", symbol, f"may now return values it did not: {shown}", *pointers)
        elif kind == "narrowed" and output:
            self.add(NON_BREAKING, f"{what}-type-narrowed", symbol, f"returns a narrower type: {shown}", *pointers)
        elif kind == "narrowed":
            self.add(BREAKING, f"{what}-type-narrowed", symbol, f"accepts less: {shown}", *pointers)
        else:
            self.add(BREAKING, f"{what}-type-changed", symbol, f"type changed incompatibly: {shown}", *pointers)

    def docs(self, what: str, symbol: str, old: MethodSurface | ParamSurface | FieldSurface,
             new: MethodSurface | ParamSurface | FieldSurface, pointers: tuple[str, str]) -> None:
        """Notes: newly deprecated, description edited."""
        if new.deprecated and not old.deprecated:
            self.add(NOTE, f"{what}-deprecated", symbol, f"{what} deprecated", *pointers)
        if " ".join(old.description.split()) != " ".join(new.description.split()):
            self.add(NOTE, "description-changed", symbol, "description changed", *pointers)

    # ------------------------------------------------------------------ client and resources

    def client(self) -> None:
        old, new = self.old.client, self.new.client
        if old.class_name != new.class_name:
            self.add(BREAKING, "client-renamed", old.class_name, f"client class renamed to {new.class_name}")
        old_options = {o.name: o for o in old.options}
        new_options = {o.name: o for o in new.options}
        for name, option in old_options.items():
            if name not in new_options:
                self.add(BREAKING, "client-option-removed", f"{old.class_name}({name}=)", "client option removed", option.pointer)
        for name, option in new_options.items():
            if name not in old_options:
                self.add(NON_BREAKING, "client-option-added", f"{new.class_name}({name}=)", "new client option", "", option.pointer)
            elif old_options[name].env_var != option.env_var:
                message = f"read from ${option.env_var or '(none)'} instead of ${old_options[name].env_var or '(none)'}"
                self.add(BREAKING, "client-option-env-changed", f"{new.class_name}({name}=)", message, old_options[name].pointer, option.pointer)

    def resources(self) -> None:
        old = {r.symbol: r for r in self.old.all_resources()}
        new = {r.symbol: r for r in self.new.all_resources()}
        for symbol, resource in old.items():
            if symbol not in new:
                if _parent(symbol) not in old or _parent(symbol) in new:  # report the top of a removed subtree
                    pointer = resource.methods[0].pointer if resource.methods else ""
                    self.add(BREAKING, "resource-removed", symbol, _count_text("resource removed", resource), pointer)
                continue
            self.methods(resource, new[symbol])
        for symbol, resource in new.items():
            if symbol not in old and (_parent(symbol) not in new or _parent(symbol) in old):
                pointer = resource.methods[0].pointer if resource.methods else ""
                self.add(NON_BREAKING, "resource-added", symbol, _count_text("new resource", resource), "", pointer)

    def methods(self, old: ResourceSurface, new: ResourceSurface) -> None:
        old_methods = {m.name: m for m in old.methods}
        new_methods = {m.name: m for m in new.methods}
        for name, method in old_methods.items():
            if name not in new_methods:
                self.add(BREAKING, "method-removed", f"{method.symbol}()", "method removed", method.pointer)
            else:
                self.method(method, new_methods[name])
        for name, method in new_methods.items():
            if name not in old_methods:
                self.add(NON_BREAKING, "method-added", f"{method.symbol}()", "new method", "", method.pointer)

    # ------------------------------------------------------------------ methods

    def method(self, old: MethodSurface, new: MethodSurface) -> None:
        symbol = f"{new.symbol}()"
        pointers = (old.pointer, new.pointer)
        old_params = {p.name: p for p in old.params}
        new_params = {p.name: p for p in new.params}
        for name, param in old_params.items():
            if name not in new_params:
                self.add(BREAKING, "param-removed", param_symbol(old, param), "parameter removed", param.pointer)
        for name, param in new_params.items():
            if name in old_params:
                self.param(old, old_params[name], new, param)
            elif param.required:
                self.add(BREAKING, "param-added-required", param_symbol(new, param), "new required parameter", "", param.pointer)
            else:
                self.add(NON_BREAKING, "param-added", param_symbol(new, param), "new optional parameter", "", param.pointer)
        old_positional = [p.name for p in old.params if p.positional]
        new_positional = [p.name for p in new.params if p.positional]
        if new_positional[: len(old_positional)] != old_positional and set(old_positional) <= set(new_positional):
            order = f"({', '.join(old_positional)}) -> ({', '.join(new_positional)})"
            self.add(BREAKING, "positional-order-changed", symbol, f"positional parameters reordered: {order}", *pointers)
        self.types(f"{new.symbol}() -> return", old.returns, new.returns, output=True, what="return", pointers=pointers)
        if (old.http_method, old.path) != (new.http_method, new.path):
            endpoint = f"{old.http_method.upper()} {old.path} -> {new.http_method.upper()} {new.path}"
            self.add(NOTE, "endpoint-changed", symbol, f"calls a different endpoint: {endpoint}", *pointers)
        self.docs("method", symbol, old, new, pointers)

    def param(self, old_method: MethodSurface, old: ParamSurface, new_method: MethodSurface, new: ParamSurface) -> None:
        symbol = param_symbol(new_method, new)
        pointers = (old.pointer, new.pointer)
        if old.positional and not new.positional:
            self.add(BREAKING, "param-now-keyword-only", symbol, "can no longer be passed positionally", *pointers)
        if new.required and not old.required:
            self.add(BREAKING, "param-now-required", symbol, "parameter became required", *pointers)
        elif old.required and not new.required:
            self.add(NON_BREAKING, "param-now-optional", symbol, "parameter became optional", *pointers)
        self.types(symbol, old.annotation, new.annotation, output=False, what="param", pointers=pointers)
        if (old.location, old.wire_name) != (new.location, new.wire_name):
            wire = f"{old.location} {old.wire_name!r} -> {new.location} {new.wire_name!r}"
            self.add(NOTE, "param-wire-changed", symbol, f"sent differently on the wire: {wire}", *pointers)
        self.docs("parameter", symbol, old, new, pointers)

    # ------------------------------------------------------------------ models

    def models(self) -> None:
        # A params module's main class repeats the method's parameters (reported there), and
        # a module that appears or disappears as a whole follows a method's change.
        old = {m.qualname: m for m in self.old.models if not (m.main and m.kind == "params")}
        new = {m.qualname: m for m in self.new.models if not (m.main and m.kind == "params")}
        old_main = {m.module: m.kind for m in self.old.models if m.main}
        new_main = {m.module: m.kind for m in self.new.models if m.main}
        # A module whose main class changed shape (model <-> alias) follows a return type change.
        stable = {module for module, kind in old_main.items() if new_main.get(module) == kind}
        old_modules = new_modules = stable
        for qualname, model in old.items():
            if qualname in new:
                self.model(model, new[qualname])
            elif model.module in new_modules:
                self.add(BREAKING, "model-removed", f"{self.old.import_name}.{qualname}", "class removed", model.pointer)
        for qualname, model in new.items():
            if qualname not in old and model.module in old_modules:
                self.add(NON_BREAKING, "model-added", f"{self.new.import_name}.{qualname}", "new class", "", model.pointer)

    def model(self, old: ModelSurface, new: ModelSurface) -> None:
        if old.kind == "alias" or new.kind == "alias":
            if old.alias_of is not None and new.alias_of is not None:
                symbol = f"{self.new.import_name}.{new.qualname}"
                pointers = (old.pointer, new.pointer)
                self.types(symbol, old.alias_of, new.alias_of, output=True, what="alias", pointers=pointers)
            return
        old_fields = {f.name: f for f in old.fields}
        new_fields = {f.name: f for f in new.fields}
        for name, item in old_fields.items():
            if name not in new_fields:
                self.add(BREAKING, "field-removed", field_symbol(self.old, old, item), "field removed", item.pointer)
        for name, item in new_fields.items():
            if name in old_fields:
                self.field(new, old_fields[name], item)
            elif new.is_input and item.required:
                self.add(BREAKING, "field-added-required", field_symbol(self.new, new, item), "new required field", "", item.pointer)
            else:
                self.add(NON_BREAKING, "field-added", field_symbol(self.new, new, item), "new field", "", item.pointer)

    def field(self, model: ModelSurface, old: FieldSurface, new: FieldSurface) -> None:
        symbol = field_symbol(self.new, model, new)
        pointers = (old.pointer, new.pointer)
        if model.is_input and new.required and not old.required:
            self.add(BREAKING, "field-now-required", symbol, "field became required", *pointers)
        elif model.is_input and old.required and not new.required:
            self.add(NON_BREAKING, "field-now-optional", symbol, "field became optional", *pointers)
        self.types(symbol, old.annotation, new.annotation, output=not model.is_input, what="field", pointers=pointers)
        self.docs("field", symbol, old, new, pointers)


def _parent(symbol: str) -> str:
    return symbol.rsplit(".", 1)[0]


def _count_text(text: str, resource: ResourceSurface) -> str:
    methods = len(resource.methods) + sum(len(r.methods) for r in _descendants(resource))
    return f"{text} ({methods} method{'s' if methods != 1 else ''})"


def _descendants(resource: ResourceSurface) -> list[ResourceSurface]:
    found: list[ResourceSurface] = []
    for child in resource.children:
        found.append(child)
        found.extend(_descendants(child))
    return found


@dataclass
class _Group:
    first: Change
    symbols: list[str] = field(default_factory=list)


def _grouped(changes: list[Change]) -> tuple[Change, ...]:
    """One change per spec change: a shared schema edited once shows up in several generated
    classes (one per response module); keep the first symbol and list the others in `also`."""
    groups: dict[tuple[str, ...], _Group] = {}
    for change in changes:
        # Without a pointer there is nothing to tie two symbols to one source: keep them apart.
        tail = change.symbol.rsplit(".", 1)[-1] if (change.old_pointer or change.new_pointer) else change.symbol
        key = (change.severity, change.code, change.message, change.old_pointer, change.new_pointer, tail)
        group = groups.setdefault(key, _Group(change))
        if change.symbol != group.first.symbol:
            group.symbols.append(change.symbol)
    ordered = [
        Change(g.first.severity, g.first.code, g.first.symbol, g.first.message, g.first.old_pointer, g.first.new_pointer, tuple(g.symbols))
        for g in groups.values()
    ]
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    return tuple(sorted(ordered, key=lambda c: (rank[c.severity], c.symbol, c.code)))


def diff_surfaces(old: Surface, new: Surface, *, old_name: str = "old", new_name: str = "new") -> SurfaceDiff:
    differ = _Differ(old, new)
    differ.client()
    differ.resources()
    differ.models()
    return SurfaceDiff(old_name, new_name, _grouped(differ.changes))
