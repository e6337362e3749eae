"""Which validation problems are harmless to sdkgen: those that change nothing it emits.

A spec that says `title:` on an operation, `const` in 3.0, `pattern: 0` or a `$schema`
keyword is invalid OpenAPI, yet the SDK generated from it is exactly what the author meant:
those problems become warnings (with their location). Anything that could change the
generated code (an unknown key that looks like a misspelled one, a wrong `in`, a broken
`$ref` ...) stays an error. `--strict` turns every warning back into an error.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .errors import SpecProblem
from .loader import split_pointer

# Keys whose content sdkgen reads only as documentation, or never: problems inside them
# (or with them) cannot change generated code.
_IGNORED_KEYS = frozenset(
    {
        "description", "summary", "title", "example", "examples", "externalDocs", "xml", "contact",
        "license", "termsOfService", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "minProperties",
        "maxProperties", "uniqueItems", "$schema", "$id", "$comment", "$anchor", "$defs", "definitions",
        "contentEncoding", "contentMediaType", "deprecated", "externalValue", "links", "callbacks",
        "webhooks", "x-examples",
    }
)
# Keywords sdkgen understands in every OpenAPI version, even where the spec does not allow them.
_UNDERSTOOD_ANYWHERE = frozenset({"const", "nullable", "examples", "readOnly", "writeOnly"})
# Required properties whose absence sdkgen fills in without changing what it emits.
_OPTIONAL_FOR_SDKGEN = frozenset({"description", "version", "title", "responses", "name", "url"})

# Maps whose keys are user-chosen names: a property called `description` is not documentation.
_NAMED_MAPS = frozenset(
    {"properties", "schemas", "parameters", "responses", "headers", "requestBodies", "securitySchemes", "paths",
     "variables", "mapping", "encoding", "content"}
)

_UNKNOWN = re.compile(r"^unknown property '(.*)'$")
_MISSING = re.compile(r"^missing required property '(.*)'$")
_DID_YOU_MEAN = re.compile(r"did you mean '([^']*)'")

STRICT_HINT = "ignored: it changes nothing sdkgen emits (--strict makes it an error)"


def _harmless(problem: SpecProblem) -> bool:
    if problem.code == "schema-dialect-unknown":
        return True  # sdkgen reads every schema with one dialect; `$schema` changes nothing it emits
    if problem.code not in ("spec-invalid", "default-invalid"):
        return False
    if problem.code == "default-invalid":
        return True  # defaults are documentation for sdkgen: generated code never sends them
    try:
        tokens = split_pointer(problem.pointer)
    except ValueError:
        return False
    if any(token.startswith("x-") for token in tokens):
        return True
    unknown = _UNKNOWN.match(problem.message)
    if unknown:
        name = unknown.group(1)
        if name in _IGNORED_KEYS or name in _UNDERSTOOD_ANYWHERE:
            return True
        close = _DID_YOU_MEAN.search(problem.hint)
        # `requestbody` for `requestBody` would drop the body: keep that an error
        return close is None and len(tokens) >= 2 and tokens[0] in ("paths", "components", "info")
    if problem.message == "must not be empty" and tokens and tokens[-1] in ("responses", "tags", "servers"):
        return True  # an operation without documented responses returns None, as if `{}` were absent
    missing = _MISSING.match(problem.message)
    if missing:
        parent = [t for t in tokens if not t.isdigit()]
        name = missing.group(1)
        if name in ("name", "url"):
            return bool(parent) and parent[-1] in ("tags", "externalDocs", "license", "contact")
        return name in _OPTIONAL_FOR_SDKGEN
    # a bad value: harmless when it sits inside something sdkgen does not read
    return bool(tokens) and (tokens[0] in ("tags", "externalDocs") or any(
        token in _IGNORED_KEYS and tokens[index - 1] not in _NAMED_MAPS for index, token in enumerate(tokens) if index
    ))


def relax(problems: list[SpecProblem]) -> list[SpecProblem]:
    """`problems` with the harmless errors turned into warnings."""
    relaxed = []
    for problem in problems:
        if problem.severity == "error" and _harmless(problem):
            hint = f"{problem.hint}; {STRICT_HINT}" if problem.hint else STRICT_HINT
            problem = replace(problem, severity="warning", hint=hint)
        relaxed.append(problem)
    return relaxed


def strict(problems: list[SpecProblem] | tuple[SpecProblem, ...]) -> list[SpecProblem]:
    """Every problem as an error (`--strict`)."""
    return [replace(problem, severity="error") for problem in problems]
