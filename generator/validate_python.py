"""Steps 3 and 4 of stage "validate" (see validate.py): openapi-spec-validator's structural and
semantic checks, each problem located and explained. validate.py runs them only when the fast
path did not find the document valid."""

from __future__ import annotations

import ast
import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any, cast

from jsonschema_path import SchemaPath
from openapi_spec_validator.validation import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation import exceptions as osv_errors
from openapi_spec_validator.validation import keywords
from openapi_spec_validator.validation.validators import SpecValidator
from referencing.exceptions import Unresolvable

from generator.loader import split_pointer
from generator.validate import Tokens, _article, _clip, _Collector, _got, _Issue, _json_type, _short

__all__ = ["explain"]

# jsonschema.exceptions.ValidationError: jsonschema ships no type hints, so it is named for the
# reader only (importing it would need an ignore that types-jsonschema would make unused).
ValidationError = Any


def explain(data: Mapping[str, Any], version: str, issues: _Collector, *, quiet: bool) -> None:
    """Add every structural and semantic problem of `data` (an OpenAPI `version` document) to
    `issues`. `quiet`: a semantic check that crashes is not reported (something else explains it)."""
    cls = _VALIDATORS[version]
    structural = _structural(data, cls, issues)
    if not issues.full:
        _semantic(data, cls, issues, quiet=quiet or structural)


# --------------------------------------------------------------------------- structural


def _structural(data: Mapping[str, Any], cls: type[SpecValidator], issues: _Collector) -> bool:
    """The document against the OpenAPI JSON Schema. Its paths are physical already (the
    meta-schema treats `$ref` mappings as Reference Objects, never follows them)."""
    found = False
    try:
        for error in cls.schema_validator.iter_errors(data):
            for tokens, message, hint in _explain(error):
                issues.add(_Issue(tokens, message, hint))
                found = True
            if issues.full:
                break
    except RecursionError:
        issues.add(_Issue((), "the document is nested too deeply to validate",
                          "reduce the nesting of schemas", "validator-error"))
        found = True
    except Exception as exc:  # noqa: BLE001 - never let a validator bug become a traceback
        issues.add(_Issue((), f"validation stopped early: {type(exc).__name__}: {_clip(str(exc))}",
                          "this may be a bug in the validator; please report it together with "
                          "the document", "validator-error"))
        found = True
    return found


def _explain(error: ValidationError, depth: int = 0) -> list[tuple[Tokens, str, str]]:
    """The specific errors behind `error`: for a failed oneOf/anyOf, the errors of the branch
    the document most likely meant, not "is not valid under any of the given schemas"."""
    if error.validator in ("oneOf", "anyOf") and error.context and depth < 30:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        candidates = [errs for errs in branches.values() if not _misses_ref(errs, error.instance)]
        candidates = candidates or list(branches.values())
        deepest = max(_depth(errs) for errs in candidates)
        best = [errs for errs in candidates if _depth(errs) == deepest]
        merged = _merge_alternatives(best)
        if merged is not None:
            return [merged]
        best.sort(key=len)  # equally deep: the branch with the fewest errors is the closest
        return [item for sub in best[0] for item in _explain(sub, depth + 1)]
    return _describe(error)


def _misses_ref(errors: list[ValidationError], instance: Any) -> bool:
    # The Reference-Object branch of "X or Reference": irrelevant when there is no $ref.
    return (len(errors) == 1 and errors[0].validator == "required"
            and "$ref" in (errors[0].validator_value or ())
            and isinstance(instance, dict) and "$ref" not in instance)


def _depth(errors: list[ValidationError]) -> int:
    def one(error: ValidationError) -> int:
        inner = [one(sub) for sub in error.context or ()]
        return max([len(error.absolute_path), *inner])
    return max(one(e) for e in errors)


def _merge_alternatives(branches: list[list[ValidationError]]) -> tuple[Tokens, str, str] | None:
    """Equally good branches that each reject one value ("in: qery" against 4 parameter
    locations) or each require one property ("schema" or "content") read better as one."""
    if len(branches) < 2:
        return None
    values: list[Any] = []
    paths = set()
    for errs in branches:
        picked = [e for e in errs if e.validator in ("enum", "const")]
        if not picked:
            break
        paths.add(tuple(picked[0].absolute_path))
        allowed = picked[0].validator_value
        values.extend(allowed if picked[0].validator == "enum" else [allowed])
    else:
        if len(paths) == 1:
            error = next(e for e in branches[0] if e.validator in ("enum", "const"))
            return _enum_issue(error, values)
    if all(len(errs) == 1 and errs[0].validator == "required" for errs in branches):
        if len({tuple(errs[0].absolute_path) for errs in branches}) == 1:
            names = [_required_name(errs[0]) for errs in branches]
            return (_tokens(branches[0][0].absolute_path),
                    f"missing property: one of {', '.join(names)} is required",
                    f"add one of {', '.join(names)} (exactly one)")
    return None


def _describe(error: ValidationError) -> list[tuple[Tokens, str, str]]:
    """One jsonschema error as (pointer, message, hint), in words a spec author acts on."""
    tokens = _tokens(error.absolute_path)
    kind, value, instance = error.validator, error.validator_value, error.instance
    if "propertyNames" in error.absolute_schema_path:
        # jsonschema reports a bad key at its parent mapping; point at the key itself.
        rule = f"match the pattern {value!r}" if kind == "pattern" else "follow the naming rules"
        return [(tokens + (str(instance),), f"invalid name {_short(instance)}",
                 f"names here must {rule}")]
    if kind == "required":
        name = _required_name(error)
        return [(tokens, f"missing required property {name}", f"add {name} here")]
    if kind in ("additionalProperties", "unevaluatedProperties") and value is False \
            and isinstance(instance, dict):
        return _unknown_properties(error, tokens)
    if kind == "type":
        expected = " or ".join(_article(t) for t in ([value] if isinstance(value, str) else value))
        hint = f"change the value to {expected}"
        if "string" in str(value) and isinstance(instance, (int, float, bool)):
            hint = "quote the value (YAML reads unquoted 3.0, 200 or yes as numbers and booleans)"
        return [(tokens, f"expected {expected}, got {_got(instance)}", hint)]
    if kind in ("enum", "const"):
        return [_enum_issue(error, value if kind == "enum" else [value])]
    if kind == "pattern":
        return [(tokens, f"{_short(instance)} does not match the pattern {value!r}",
                 "change the value to match the pattern")]
    if kind == "format":
        return [(tokens, f"{_short(instance)} is not a valid {value}", f"write a valid {value}")]
    if kind == "oneOf":
        return [(tokens, "matches more than one of the allowed forms",
                 "remove the properties that make it ambiguous")]
    if kind in ("minItems", "minProperties") and value == 1:
        return [(tokens, "must not be empty", "add at least one entry, or remove the key")]
    if kind == "uniqueItems":
        return [(tokens, "has duplicate entries", "remove the duplicates")]
    return [(tokens, _clip(error.message), "change the value to match the OpenAPI specification")]


def _unknown_properties(error: ValidationError, tokens: Tokens) -> list[tuple[Tokens, str, str]]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = list(schema.get("properties", {}))
    patterns = list(schema.get("patternProperties", {}))
    if "specification-extensions" in str(schema.get("$ref", "")):  # OpenAPI 3.1 schema
        patterns.append("^x-")
    extras = _unexpected_names(error.message)
    if extras is None:
        extras = [k for k in error.instance
                  if k not in known and not any(re.search(p, str(k)) for p in patterns)]
    rules = [_pattern_words(p) for p in patterns]
    out = []
    for key in extras:
        if known:
            hint = "allowed here: " + ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            if "^x-" in patterns:
                hint += "; custom extensions must start with 'x-'"
            close = difflib.get_close_matches(str(key), known, n=1)
            if close:
                hint = f"did you mean '{close[0]}'? ({hint})"
        elif rules:
            hint = "keys here must " + " or ".join(rules)
        else:
            hint = "remove it"
        out.append((tokens + (str(key),), f"unknown property '{key}'", hint))
    return out or [(tokens, _clip(error.message), "remove the unexpected properties")]


def _unexpected_names(message: str) -> list[str] | None:
    """The names in jsonschema's "... ('a', 'b' were unexpected)": exact, including what a
    3.1 `unevaluatedProperties` allowed through `$ref`s we cannot see from here."""
    match = re.search(r"\((.*) (?:was|were) unexpected\)$", message)
    if match is None:
        return None
    try:
        names = ast.literal_eval(f"({match.group(1)},)")
    except (ValueError, SyntaxError):
        return None
    return [str(n) for n in names]


def _pattern_words(pattern: str) -> str:
    if pattern in ("^\\/", "^/"):
        return "start with '/'"
    if pattern == "^x-":
        return "start with 'x-' (extensions)"
    return f"match {pattern!r}"


def _enum_issue(error: ValidationError, allowed: list[Any]) -> tuple[Tokens, str, str]:
    tokens = _tokens(error.absolute_path)
    unique = list(dict.fromkeys(json.dumps(v) for v in allowed))
    listed = ", ".join(unique[:12]) + (", ..." if len(unique) > 12 else "")
    hint = f"use one of: {listed}"
    if isinstance(error.instance, str):
        close = difflib.get_close_matches(error.instance, [str(v) for v in allowed], n=1)
        if close:
            hint = f"did you mean '{close[0]}'?"
    return tokens, f"{_short(error.instance)} is not one of the allowed values ({listed})", hint


def _required_name(error: ValidationError) -> str:
    # jsonschema reports each missing property separately as "'name' is a required property".
    message: str = error.message
    suffix = " is a required property"
    return message[: -len(suffix)] if message.endswith(suffix) else _clip(message)


# --------------------------------------------------------------------------- semantic


class _RefuseAll(Mapping[str, Any]):
    """A resolver handler table that has an entry for every URI scheme, and that entry
    refuses. (jsonschema-path falls back to urllib for a scheme missing from the table, so
    a table without http/https would still fetch.)"""

    def __getitem__(self, scheme: str) -> Any:
        return _refuse

    def __contains__(self, scheme: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


class _Refused(Exception):
    pass


def _refuse(uri: str) -> Any:
    raise _Refused(f"sdkgen does not fetch '{uri}'")


_LOCATION = "_sdkgen_location"
_IS_DEFAULT = "_sdkgen_is_default"  # found by the ValueValidator: a `default` vs its schema


class _IdSet(list[int]):
    """Stands in for the visited-schema lists of openapi-spec-validator's SchemaValidator:
    `id in list` was 12 of the 19 seconds it spent on GitHub's spec."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set[int] = set()

    def append(self, value: int) -> None:
        self._ids.add(value)

    def __contains__(self, value: object) -> bool:
        return value in self._ids


def _located(base: type[Any], suffix: tuple[str, ...] = ()) -> type[Any]:
    """A keyword validator that stamps each error it yields with the (logical) path of the
    node it was checking, unless an inner validator stamped it first. Upstream creates
    errors such as "Operation ID ... is not unique" without any path."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
        where = next((a for a in args if isinstance(a, SchemaPath)), None)
        for error in base.__call__(self, *args, **kwargs):
            if where is not None and not hasattr(error, _LOCATION):
                setattr(error, _LOCATION, tuple(str(p) for p in where.parts) + suffix)
                setattr(error, _IS_DEFAULT, bool(suffix))
            yield error

    namespace: dict[str, Any] = {"__call__": __call__}
    if issubclass(base, keywords.SchemaValidator):
        def __init__(self: Any, registry: Any) -> None:
            base.__init__(self, registry)
            self.visited_schema_ids = _IdSet()
            self.meta_checked_schema_ids = _IdSet()
        namespace["__init__"] = __init__
        if issubclass(base, keywords.OpenAPIV30SchemaValidator):
            # 3.0: the structural pass already checked every Schema Object against the OpenAPI
            # 3.0 schema, which is stricter than the draft-04 meta-schema used here (saves ~9 s
            # on GitHub's spec). 3.1 schemas are checked here, against their dialect.
            def _validate_schema_meta(self: Any, schema: Any, value: Any) -> None:
                return None
            namespace["_validate_schema_meta"] = _validate_schema_meta
    return type(f"Located{base.__name__}", (base,), namespace)


def _local_validator(base: type[SpecValidator]) -> type[SpecValidator]:
    mapping: dict[str, type[Any]] = {}
    for name, cls in base.keyword_validators.items():
        suffix = ("default",) if issubclass(cls, keywords.ValueValidator) else ()
        mapping[name] = _located(cls, suffix)
    return type(f"Local{base.__name__}", (base,),
                {"keyword_validators": mapping, "resolver_handlers": _RefuseAll()})


_V30 = _local_validator(OpenAPIV30SpecValidator)
_V31 = _local_validator(OpenAPIV31SpecValidator)
_VALIDATORS: dict[str, type[SpecValidator]] = {"3.0": _V30, "3.1": _V31}

_SEMANTIC_HINTS: list[tuple[type[Any], str, str]] = [
    (osv_errors.DuplicateOperationIDError, "operation-id-duplicate",
     "operationIds must be unique in the document (sdkgen names SDK methods after them)"),
    (osv_errors.UnresolvableParameterError, "path-parameter-unresolved",
     "every {name} in the path needs a parameter with `in: path` and `required: true`, and "
     "every `in: path` parameter must appear in the path"),
    (osv_errors.ParameterDuplicateError, "parameter-duplicate",
     "a parameter is identified by its name and `in`; remove the duplicate"),
    (osv_errors.ExtraParametersError, "required-undefined",
     "define these properties, or remove them from `required`"),
]


def _semantic(data: Mapping[str, Any], cls: type[SpecValidator], issues: _Collector,
              quiet: bool) -> None:
    """openapi-spec-validator's checks beyond JSON Schema.

    They walk the document through its $refs and stop at the first $ref that leads nowhere
    (or at an upstream assert on an odd document). So instead of its single root walk, run the
    same keyword validators one path item / one component schema at a time (the steps of
    0.9.0's RootValidator): a broken part then hides only its own checks. A crash is reported
    only when nothing else (`quiet`: broken refs or structural errors) explains it.
    """
    validator = cls(data)
    for tokens, run in _guarded_steps(_semantic_steps(data, validator), issues, quiet):
        try:
            for error in run():
                for issue in _semantic_issues(data, error):
                    issues.add(issue)
                if issues.full:
                    return
        except Unresolvable as exc:
            if not quiet:
                ref = getattr(exc, "ref", "?")  # never str(exc): it can repr the whole document
                issues.add(_Issue(tokens, f"cannot resolve the reference '{ref}'",
                                  "sdkgen resolves only local references ('#/...'); bundle the "
                                  "referenced document into the spec", "ref-unresolvable"))
        except Exception as exc:  # noqa: BLE001 - upstream asserts/KeyErrors on odd documents
            if not quiet:
                issues.add(_Issue(tokens, f"validation of this part stopped early: "
                                          f"{type(exc).__name__}: {_clip(str(exc))}",
                                  "this may be a bug in openapi-spec-validator; please report "
                                  "it together with the document", "validator-error"))


def _guarded_steps(steps: Iterator[tuple[Tokens, Callable[[], Iterator[ValidationError]]]], issues: _Collector,
                   quiet: bool) -> Iterator[tuple[Tokens, Callable[[], Iterator[ValidationError]]]]:
    """The steps, until finding the next one fails (e.g. `paths` is itself a broken $ref)."""
    while True:
        try:
            step = next(steps)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - upstream lookups raise on odd documents
            if not quiet:
                issues.add(_Issue((), f"validation stopped early: {type(exc).__name__}",
                                  "fix the other problems reported for this document first",
                                  "validator-error"))
            return
        yield step


def _semantic_steps(data: Mapping[str, Any], validator: SpecValidator
                    ) -> Iterator[tuple[Tokens, Callable[[], Iterator[ValidationError]]]]:
    registry = validator.keyword_validators_registry
    root = validator.schema_path

    def keyword(name: str) -> Callable[..., Iterator[ValidationError]]:
        return cast(Callable[..., Iterator[ValidationError]], registry[name])

    if isinstance(data.get("tags"), list) and "tags" in registry.keyword_validators:
        yield ("tags",), partial(keyword("tags"), root / "tags")
    # Children via items(): `root / key` would split a key such as "/cookies#form" at "#".
    if isinstance(data.get("paths"), dict):
        for url, item in (root / "paths").items():
            yield ("paths", str(url)), partial(keyword("path"), url, item)
    components = data.get("components")
    if isinstance(components, dict) and isinstance(components.get("schemas"), dict):
        for name, schema in (root / "components" / "schemas").items():
            yield ("components", "schemas", str(name)), partial(keyword("schema"), schema)


def _semantic_issues(data: Mapping[str, Any], error: ValidationError) -> list[_Issue]:
    logical: Tokens = getattr(error, _LOCATION, ())
    for error_type, code, hint in _SEMANTIC_HINTS:
        if isinstance(error, error_type):
            extra: Tokens = ()
            if error_type is osv_errors.DuplicateOperationIDError:
                extra = ("operationId",)
            elif error_type is osv_errors.ExtraParametersError:
                extra = ("required",)
            return [_Issue(_physical(data, logical + extra), _clip(error.message), hint, code)]
    if isinstance(error.validator, str):  # a jsonschema error: schema vs dialect, or a default
        is_default = bool(getattr(error, _IS_DEFAULT, False))
        out = []
        for tokens, message, hint in _explain(error):
            if is_default:
                message, hint = f"default value: {message}", "make the default match the schema"
            # A default that contradicts its schema is common in published specs and does
            # not stop generation: a warning.
            out.append(_Issue(_physical(data, logical + tokens), message, hint,
                              "default-invalid" if is_default else "spec-invalid",
                              "warning" if is_default else "error"))
        return out
    message = _clip(error.message)
    if message.startswith("Unknown JSON Schema dialect"):
        return [_Issue(_physical(data, logical + ("$schema",)), message,
                       "remove `$schema` (the default is the OpenAPI 3.1 dialect, JSON Schema "
                       "2020-12) or name a dialect that jsonschema supports", "schema-dialect-unknown")]
    return [_Issue(_physical(data, logical), message,
                   "change this to match the OpenAPI specification")]


def _physical(data: Any, logical: Tokens) -> Tokens:
    """The validator walks *through* $refs; turn its path into the path as written, i.e.
    into the ref's target, which is where the fix goes."""
    node, out, hops = data, list[str](), 0
    tokens = list(logical)
    i = 0
    while True:
        ref = node.get("$ref") if isinstance(node, dict) else None
        if isinstance(ref, str) and ref.startswith("#") and hops < 32 and \
                (i == len(tokens) or tokens[i] not in node):
            try:
                target = split_pointer(ref[1:])
            except ValueError:
                break
            walked = _walk(data, target)
            if walked is _MISSING:
                break
            node, out, hops = walked, list(target), hops + 1
            continue
        if i == len(tokens):
            break
        child = _walk(node, (tokens[i],))
        if child is _MISSING:
            out.extend(tokens[i:])  # keep the rest: line_of falls back to the deepest ancestor
            break
        node = child
        out.append(tokens[i])
        i += 1
    return tuple(out)


_MISSING = object()


def _walk(node: Any, tokens: Tokens) -> Any:
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return _MISSING
    return node


def _tokens(path: Any) -> Tokens:
    return tuple(str(p) for p in path)
