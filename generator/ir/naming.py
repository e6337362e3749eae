"""Turning names from the spec into Python names: one place for case, keywords and clashes."""

from __future__ import annotations

import keyword
import re
import unicodedata

# Names a generated method body or module refers to; a parameter with one of these names
# would shadow it, so parameters get a trailing underscore instead.
RESERVED_IN_METHODS = frozenset(
    {
        "self",
        "cls",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "httpx",
        "cast",
        "maybe_transform",
        "async_maybe_transform",
        "make_request_options",
        "path_template",
        "strip_not_given",
        "omit",
        "not_given",
        "Omit",
        "NotGiven",
        "Optional",
        "Type",
        "Dict",
        "List",
        "Union",
        "Iterable",
        "Literal",
        "Any",
        "Headers",
        "Query",
        "Body",
        "typing_extensions",
        "__future__",
    }
)

# Attributes of our pydantic BaseModel that a field must not shadow.
RESERVED_IN_MODELS = frozenset(
    {
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "to_dict",
        "to_json",
        "register",
    }
)

# Module-level names in generated type files (a class named like one would shadow it).
RESERVED_CLASS_NAMES = frozenset(
    {
        "BaseModel",
        "TypedDict",
        "Required",
        "Annotated",
        "PropertyInfo",
        "Optional",
        "List",
        "Dict",
        "Union",
        "Iterable",
        "Literal",
        "Any",
        "TypeAlias",
        "Field",
        "Type",
    }
)

_WORD_BOUNDARY = re.compile(
    r"""
    [A-Z]+(?=[A-Z][a-z0-9])   # an acronym followed by a capitalised word: "HTTP" in "HTTPServer"
  | [A-Z]?[a-z]+[0-9]*        # a (capitalised) lower-case word, digits attached: "Server", "v2"
  | [A-Z]+[0-9]*              # a trailing acronym: "ID"
  | [0-9]+[a-z]*              # digits with a lower-case tail: "2fa"
    """,
    re.VERBOSE,
)


def _ascii(text: str) -> str:
    """Fold accents and drop what has no ASCII form: names must be plain identifiers."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def split_words(text: str) -> list[str]:
    return _WORD_BOUNDARY.findall(_ascii(text))


def snake_case(text: str, *, fallback: str = "value") -> str:
    words = [w.lower() for w in split_words(text)]
    name = "_".join(words) or fallback
    if name[0].isdigit():
        name = f"n_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def pascal_case(text: str, *, fallback: str = "Model") -> str:
    words = split_words(text)
    name = "".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:].lower() for w in words)
    # An acronym keeps its case only when the spec wrote it that way ("IAM"), otherwise
    # "pets" reads "Pets".
    name = name or fallback
    if name[0].isdigit():
        name = f"N{name}"
    if keyword.iskeyword(name):
        name += "_"
    return name


def upper_snake(text: str) -> str:
    return snake_case(text).upper().rstrip("_")


_IRREGULAR_PLURALS = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "data": "data",
    "media": "media",
    "indices": "index",
    "statuses": "status",
    "aliases": "alias",
    "addresses": "address",
    "analyses": "analysis",
    "news": "news",
    "series": "series",
    "species": "species",
}


def singular(word: str) -> str:
    """English singular of the last word of a snake_case name ("pets" -> "pet")."""
    head, _, last = word.rpartition("_")
    lower = last.lower()
    if lower in _IRREGULAR_PLURALS:
        single = _IRREGULAR_PLURALS[lower]
    elif lower.endswith("ies") and len(lower) > 4:
        single = lower[:-3] + "y"
    elif lower.endswith(("sses", "shes", "ches", "xes", "zzes")):
        single = lower[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        single = lower[:-1]
    else:
        single = lower
    if last != lower:  # keep the original's case style
        single = single[:1].upper() + single[1:] if last[:1].isupper() else single
    return f"{head}_{single}" if head else single


def unique(name: str, taken: set[str] | frozenset[str]) -> str:
    """`name`, or `name_` / `name_2` ... when it is already taken. The caller records the clash."""
    if name not in taken:
        return name
    candidate = f"{name}_"
    counter = 2
    while candidate in taken:
        candidate = f"{name}_{counter}"
        counter += 1
    return candidate


def is_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
