"""Which operations to generate: the config's `select:` and the --include-*/--exclude-* options.

A stage right after the IR builder (pipeline.py calls `select_operations` on its result): it
keeps the selected operations, drops the resources left without any, and prunes the schema
table to what the kept operations reach through `$ref` chains. The renderer, the surface model
and so `generate`, `check` and `diff` all see only the subset, and nothing downstream knows a
selection happened. Names are the whole SDK's: a subset's `client.pets.list` is the same method
as in the full SDK, so narrowing or widening a selection never renames what stays.

Matching: an operation is selected when it matches any include filter (or there are none) and
no exclude filter. A tag filter matches any of the operation's tags, an operation filter its
operationId (both exactly, as the spec writes them); a path filter is an fnmatch pattern over
the path template (`*` also crosses `/`), optionally after an HTTP method: `get /pets/*`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from typing import Any

from .config import SelectFilter
from .errors import SdkgenError, SpecProblem
from .ir.build import BuildResult
from .ir.context import HTTP_METHODS, SpecContext, escape, operation_pointer
from .ir.model import Api, Operation, RefType, Resource, TypeRef, nested_types

_SHOWN = 12  # how many of the spec's tags or operationIds an error message lists


@dataclass(frozen=True)
class SpecOperation:
    """What filters match on, read from the document (the IR keeps no tags)."""

    method: str
    path: str
    tags: tuple[str, ...]
    operation_id: str

    @property
    def pointer(self) -> str:
        return operation_pointer(self.path, self.method)


def spec_operations(data: dict[str, Any], file: str) -> list[SpecOperation]:
    """Every operation of the document, in document order."""
    found = []
    for path, method, _item, op in SpecContext(data, file).operations():
        tags = op.get("tags")
        found.append(SpecOperation(
            method=method,
            path=path,
            tags=tuple(str(tag) for tag in tags) if isinstance(tags, list) else (),
            operation_id=str(op.get("operationId") or ""),
        ))
    return found


def matches(selector: SelectFilter, operation: SpecOperation) -> bool:
    if selector.kind == "tag":
        return selector.pattern in operation.tags
    if selector.kind == "operation":
        return selector.pattern == operation.operation_id
    method, _, glob = selector.pattern.partition(" ")
    if not glob or method not in HTTP_METHODS:  # no method given: the whole pattern is the glob
        method, glob = "", selector.pattern
    return (not method or method == operation.method) and fnmatchcase(operation.path, glob)


def is_selected(filters: tuple[SelectFilter, ...], operation: SpecOperation) -> bool:
    includes = [f for f in filters if not f.exclude]
    if includes and not any(matches(f, operation) for f in includes):
        return False
    return not any(matches(f, operation) for f in filters if f.exclude)


def select_operations(
    built: BuildResult, data: dict[str, Any], file: str, filters: tuple[SelectFilter, ...], *, lenient: bool = False
) -> BuildResult:
    """BUILT restricted to the operations FILTERS select (unchanged when there are none).

    Raises when a filter matches no operation of the spec or when no operation is left, unless
    LENIENT (one side of a diff, where a filter may name what only the other side has)."""
    if not filters:
        return built
    operations = spec_operations(data, file)
    unmatched = unmatched_filters(filters, operations, file)
    if unmatched and not lenient:
        raise SdkgenError([problem for _filter, problem in unmatched])
    chosen = {op.pointer for op in operations if is_selected(filters, op)}
    resources = tuple(kept for kept in (_keep(top, chosen) for top in built.api.resources) if kept is not None)
    if not resources and not lenient:
        raise SdkgenError([_nothing_left(filters, file, len(chosen))])
    api = replace(built.api, resources=resources)
    reached = reachable_schemas(api)
    api = replace(api, schemas=tuple(s for s in api.schemas if s.schema_id in reached))
    dropped = {op.pointer for op in operations} - chosen
    pruned = {s.schema_id.lstrip("#") for s in built.api.schemas} - {r.lstrip("#") for r in reached}
    paths_left = {escape(op.path) for op in operations if op.pointer in chosen}
    warnings = tuple(w for w in built.warnings if _still_relevant(w.pointer, dropped, pruned, paths_left))
    return BuildResult(api, warnings)


def unmatched_filters(
    filters: tuple[SelectFilter, ...], operations: list[SpecOperation], spec: str
) -> list[tuple[SelectFilter, SpecProblem]]:
    """Each filter that matches no operation of SPEC, with the problem that says so."""
    return [(f, _unmatched(f, operations, spec)) for f in filters if not any(matches(f, op) for op in operations)]


def _keep(resource: Resource, chosen: set[str]) -> Resource | None:
    operations = tuple(op for op in resource.operations if op.pointer in chosen)
    children = tuple(kept for kept in (_keep(child, chosen) for child in resource.children) if kept is not None)
    if not operations and not children:
        return None
    return replace(resource, operations=operations, children=children)


def reachable_schemas(api: Api) -> set[str]:
    """Ids of the named schemas the API's operations (and its error envelope) reach, following
    `$ref` chains through properties, items, map values and union variants."""
    table = {named.schema_id: named.type for named in api.schemas}
    pending: list[TypeRef] = [t for _resource, op in api.all_operations() for t in _operation_types(op)]
    if api.error_envelope is not None:
        pending.append(api.error_envelope.type)
    reached: set[str] = set()
    while pending:
        node = pending.pop()
        if isinstance(node, RefType):
            if node.schema_id not in reached and node.schema_id in table:
                reached.add(node.schema_id)
                pending.append(table[node.schema_id])
        else:
            pending.extend(nested_types(node))
    return reached


def _operation_types(op: Operation) -> list[TypeRef]:
    types = [p.type for p in op.parameters]
    if op.body is not None and op.body.type is not None:
        types.append(op.body.type)
    if op.response.type is not None:
        types.append(op.response.type)
    return types


def _still_relevant(pointer: str, dropped: set[str], pruned: set[str], paths_left: set[str]) -> bool:
    """False for a build warning about something the subset no longer contains: an operation
    left out, a path none of whose operations is kept, or a schema no kept operation reaches."""
    steps = pointer.lstrip("#").split("/")
    if steps[1:2] == ["paths"] and len(steps) > 2:
        return "/".join(steps[:4]) not in dropped and steps[2] in paths_left
    if steps[1:3] == ["components", "schemas"] and len(steps) > 3:
        return "/".join(steps[:4]) not in pruned
    return True


def _unmatched(selector: SelectFilter, operations: list[SpecOperation], spec: str) -> SpecProblem:
    if selector.kind == "tag":
        known = sorted({tag for op in operations for tag in op.tags})
        hint = f"tags in the spec: {_listing(known)}" if known else "the spec's operations have no tags"
    elif selector.kind == "operation":
        known = sorted({op.operation_id for op in operations if op.operation_id})
        hint = f"operationIds in the spec (case matters): {_listing(known)}" if known else "the spec's operations have no operationId"
    else:
        paths = sorted({op.path for op in operations})
        hint = f"a path filter is an fnmatch pattern ('*' also crosses '/') over the paths: {_listing(paths)}"
    return SpecProblem(
        message=f"{selector.describe()} matches no operation of the spec",
        file=selector.file or spec,  # an option's filter: the spec it was matched against
        pointer=selector.pointer,
        line=selector.line,
        hint=hint,
        code="select-unmatched",
    )


def _nothing_left(filters: tuple[SelectFilter, ...], file: str, chosen: int) -> SpecProblem:
    reason = "every operation the filters select was skipped (see the warnings)" if chosen else \
        "the exclude filters remove every operation the include filters select"
    return SpecProblem(
        message=f"the selection leaves no operation to generate: {reason}",
        file=next((f.file for f in filters if f.file), file),
        hint="filters: " + "; ".join(f.describe() for f in filters),
        code="select-empty",
    )


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (f" ... ({len(names) - _SHOWN} more)" if len(names) > _SHOWN else "")
