"""Stage "validate": check a loaded `Document` against the OpenAPI specification.

`validate_document` returns problems (it never raises for a bad document). It runs:
1. a version check (OpenAPI 3.0.x / 3.1.x; Swagger 2.0 and others get one clear problem);
2. every local `$ref` must point somewhere (the IR builder relies on it);
3. openapi-spec-validator's JSON Schema check of the whole document ("structural");
4. openapi-spec-validator's semantic checks: unique operationIds, path parameters, schemas
   against their dialect, defaults against their schema, ...

Each problem carries the JSON pointer of the offending node *as written* (errors found while
following a `$ref` point into the ref's target), the file and line it comes from, a short
message and a hint. Nothing is fetched over the network: the validator's reference resolver
gets a handler table that refuses every URI scheme.

Speed: after steps 1 and 2, openapi-spec-validator-rs (validate_fast.py, the same rules in
Rust, ~30x faster) gives the verdict. Steps 3 and 4 (validate_python.py) run only when it
reports a problem (to explain it with locations) or cannot answer (not installed, or it
stopped early). What they report is the answer: the fast path only ever skips work for a
document it found valid. validate_python.py is imported only then: openapi-spec-validator
and jsonschema take ~0.1 s to import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import SdkgenError, SpecProblem
from generator.loader import Document, join_pointer, split_pointer
from generator.validate_fast import rust_verdict

__all__ = ["validate_document"]

MAX_PROBLEMS = 50
MAX_COLLECTED = 500  # stop asking the validator for more once this many distinct problems exist

Tokens = tuple[str, ...]


@dataclass(frozen=True)
class _Issue:
    tokens: Tokens  # physical pointer into Document.data
    message: str
    hint: str
    code: str = "spec-invalid"
    severity: str = "error"
    line_at: Tokens | None = None  # where to take the line from, if not `tokens`


def validate_document(doc: Document, *, fast: bool = True) -> list[SpecProblem]:
    """Every problem found in `doc`, located and explained; [] when it is valid.

    `fast=False` skips the Rust verdict (the tests compare both paths)."""
    version_issue, version = _pick_version(doc.data)
    if version_issue is not None:
        return _finish(doc, [version_issue], complete=True)
    assert version is not None

    issues = _Collector()
    broken_refs = _check_refs(doc, issues)
    # Only a document whose refs are all local and resolvable reaches the fast path, so it
    # never has a reason to fetch anything (and its retriever refuses anyway).
    if fast and not broken_refs and rust_verdict(doc.data, version) is True:
        return []
    from generator.validate_python import explain

    explain(doc.data, version, issues, quiet=broken_refs)
    return _finish(doc, issues.items, complete=not issues.full)


# --------------------------------------------------------------------------- versions


def _pick_version(data: Mapping[str, Any]) -> tuple[_Issue | None, str | None]:
    """A problem with the document's version, or the OpenAPI version to validate it as."""
    if "openapi" not in data and "swagger" in data:
        return _Issue(
            ("swagger",),
            f"Swagger {data['swagger']} documents are not supported yet",
            "convert it to OpenAPI 3 first, e.g. `npx swagger2openapi swagger.json -o openapi.json`",
            "swagger2-unsupported",
        ), None
    version = data.get("openapi")
    if not isinstance(version, str):
        got = _got(version)
        return _Issue(
            ("openapi",),
            f"'openapi' must be a version string like \"3.1.0\", got {got}",
            'quote the version: openapi: "3.1.0" (unquoted, YAML reads 3.1 as a number)',
            "openapi-version-invalid",
        ), None
    if re.fullmatch(r"3\.0\.\d+(-.+)?", version):
        return None, "3.0"
    if re.fullmatch(r"3\.1\.\d+(-.+)?", version):
        return None, "3.1"
    return _Issue(
        ("openapi",),
        f"OpenAPI version '{version}' is not supported",
        "sdkgen reads OpenAPI 3.0.x and 3.1.x documents; set `openapi` to one of those",
        "openapi-version-unsupported",
    ), None


# --------------------------------------------------------------------------- collecting


class _Collector:
    """Issues in detection order, without duplicates, up to MAX_COLLECTED."""

    def __init__(self) -> None:
        self.items: list[_Issue] = []
        self._seen: set[tuple[Tokens, str]] = set()
        self.full = False

    def add(self, issue: _Issue) -> None:
        key = (issue.tokens, issue.message)
        if key in self._seen:
            return
        if len(self.items) >= MAX_COLLECTED:
            self.full = True
            return
        self._seen.add(key)
        self.items.append(issue)


def _finish(doc: Document, issues: list[_Issue], *, complete: bool) -> list[SpecProblem]:
    shown = issues[:MAX_PROBLEMS]
    problems = []
    for issue in shown:
        pointer = join_pointer(issue.tokens)
        at = pointer if issue.line_at is None else join_pointer(issue.line_at)
        path, line = doc.locate(at)
        problems.append(SpecProblem(message=issue.message, file=str(path), pointer=pointer,
                                    line=line, hint=issue.hint, code=issue.code,
                                    severity=issue.severity))
    # Document order reads best; problems without a line (empty text) keep detection order.
    problems.sort(key=lambda p: (p.file != str(doc.path), p.file, p.line or 0))
    hidden = len(issues) - len(shown)
    # Only warnings hidden: the summary must not turn them into an error.
    severity = "error" if any(i.severity == "error" for i in issues[MAX_PROBLEMS:]) or \
        not complete else "warning"
    if hidden > 0 or not complete:
        more = f"{hidden}" if complete else f"at least {hidden}"
        problems.append(SpecProblem(
            message=f"... and {more} more problems not shown",
            file=str(doc.path),
            hint="fix the problems above and run again",
            code="too-many-problems",
            severity=severity,
        ))
    return problems


# --------------------------------------------------------------------------- $refs


def _check_refs(doc: Document, issues: _Collector) -> bool:
    """Report $refs that lead nowhere. True if any was found."""
    known: dict[str, SdkgenError | None] = {}
    # Each distinct ref is checked once; the sites (pointers) are collected only to report.
    for ref in doc.ref_targets():
        known[ref] = _ref_problem(doc, ref) if ref.startswith("#") else None
        if not ref.startswith("#") or known[ref] is not None:
            break
    else:
        return False
    found = False
    for pointer, ref in doc.iter_refs():
        if not ref.startswith("#"):
            tokens = split_pointer(pointer)
            issues.add(_Issue(tokens, f"$ref '{ref}' to another file was not inlined",
                              "load the document with sdkgen's loader, which inlines other files",
                              "ref-not-local", line_at=tokens + ("$ref",)))
            found = True
            continue
        if ref not in known:
            known[ref] = _ref_problem(doc, ref)
        error = known[ref]
        if error is not None:
            problem = error.problems[0]
            tokens = split_pointer(pointer)
            # The line of the `$ref:` itself; the pointer stays that of the $ref mapping.
            issues.add(_Issue(tokens, problem.message, problem.hint, problem.code,
                              line_at=tokens + ("$ref",)))
            found = True
    return found


def _ref_problem(doc: Document, ref: str) -> SdkgenError | None:
    """Why `ref` leads nowhere: a missing target, or a chain of $refs that loops without
    reaching any content (which would hang whoever follows it)."""
    seen = {ref}
    try:
        target = doc.resolve(ref)
        while isinstance(target, dict) and isinstance(target.get("$ref"), str) \
                and target["$ref"].startswith("#"):
            if target["$ref"] in seen:
                return SdkgenError([SpecProblem(
                    message=f"circular $ref '{ref}': it leads back to itself through $refs only",
                    hint="point one of these $refs at a definition", code="ref-cycle")])
            seen.add(target["$ref"])
            target = doc.resolve(target["$ref"])
    except SdkgenError as exc:
        return exc if len(seen) == 1 else None  # a broken link later on is reported at its own site
    return None


# --------------------------------------------------------------------------- words


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _got(value: Any) -> str:
    return "null" if value is None else f"{_json_type(value)} {_short(value)}"


def _article(json_type: str) -> str:
    words = {"object": "a mapping", "array": "a list", "null": "null", "integer": "an integer"}
    return words.get(json_type, f"a {json_type}")


def _short(value: Any, limit: int = 40) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
