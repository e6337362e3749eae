"""Turning names from the spec into Python names: one place for case, keywords and clashes.

Every identifier and file name sdkgen writes is derived here (docs/naming.md has the rules):
- case conversion (`snake_case`, `pascal_case`), Python keywords and soft keywords;
- names the generated code itself defines or imports in the same scope (`RESERVED_*`);
- Windows device names (`con`, `nul`, `com1` ...) for anything that becomes a file or directory;
- a length cap: a longer name is cut and ends in a hash of the *whole* original text;
- `allocate`: naming a group of spec names that share one namespace, where two names that
  normalise to the same identifier (`mkUser`, `MkUser`, `mk-user`) are told apart by a hash of
  their original text (never by a counter that would depend on spec order), with a warning
  that names both sources; and a clash that survives that is an error naming both.
"""

from __future__ import annotations

import hashlib
import keyword
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from ..errors import SdkgenError, SpecProblem
from .reserved import (  # re-exported: callers name their reserved sets from here
    RESERVED_CLASS_NAMES as RESERVED_CLASS_NAMES,
    RESERVED_CLIENT_CLASSES as RESERVED_CLIENT_CLASSES,
    RESERVED_IN_METHODS as RESERVED_IN_METHODS,
    RESERVED_IN_MODELS as RESERVED_IN_MODELS,
    RESERVED_IN_RESOURCES as RESERVED_IN_RESOURCES,
    RESERVED_ON_CLIENT as RESERVED_ON_CLIENT,
    RUNTIME_ERROR_CLASSES as RUNTIME_ERROR_CLASSES,
    WINDOWS_DEVICE_NAMES as WINDOWS_DEVICE_NAMES,
)

# Identifiers longer than this are cut and end in a hash of the original name: file names
# stay far below every file system's 255-byte limit even when several are joined.
MAX_NAME_LENGTH = 64
_HASH_LENGTH = 8

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


# A leading sign is the only thing telling `+1` from `-1` (GitHub's reactions) or `-created`
# from `created` (a descending sort): it is spelled out instead of dropped.
_SIGN_WORDS = {"+": "plus", "-": "minus"}


def split_words(text: str) -> list[str]:
    words: list[str] = _WORD_BOUNDARY.findall(_ascii(text))
    if len(text) > 1 and text[0] in _SIGN_WORDS and text[1].isalnum() and words:
        words.insert(0, _SIGN_WORDS[text[0]])
    return words


def stable_hash(text: str) -> str:
    """A short hash of `text` (any str, lone surrogates included): same text, same hash."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LENGTH]


def _capped(name: str, original: str, separator: str) -> str:
    if len(name) <= MAX_NAME_LENGTH:
        return name
    head = name[: MAX_NAME_LENGTH - _HASH_LENGTH - len(separator)].rstrip("_")
    return f"{head}{separator}{stable_hash(original)}"


def snake_case(text: str, *, fallback: str = "value") -> str:
    words = [w.lower() for w in split_words(text)]
    name = _capped("_".join(words) or fallback, text, "_")
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
    name = _capped(name or fallback, text, "")
    if name[0].isdigit():
        name = f"N{name}"
    if keyword.iskeyword(name):
        name += "_"
    return name


def file_safe(name: str) -> str:
    """`name` as a file or directory stem that every OS can check out (`con` -> `con_`)."""
    if name.split(".", 1)[0].lower() in WINDOWS_DEVICE_NAMES:
        return f"{name}_"
    return name


def module_name(text: str, *, fallback: str = "value") -> str:
    """A snake_case identifier that is also a portable file name."""
    return file_safe(snake_case(text, fallback=fallback))


def avoid_reserved(name: str, reserved: Iterable[str] | frozenset[str]) -> str:
    """`name`, or `name_` when the generated code already uses `name` in that scope."""
    while name in reserved:
        name += "_"
    return name


def upper_snake(text: str) -> str:
    return snake_case(text).upper().rstrip("_")


# Words a title uses to say "this is an API description" rather than which API it is: dropped from
# a derived distribution name while another word remains ("GitHub's official OpenAPI spec" -> github).
_TITLE_BOILERPLATE = frozenset(
    {"official", "openapi", "oas", "spec", "specs", "specification", "specifications", "api", "apis"}
    | {"a", "an", "the", "of", "for", "and", "to", "with", "by", "on", "in"}
)
_VERSION_WORD = re.compile(r"(api)?v?[0-9]+")  # "v2", "3", "APIv2": versions change, names must not
# Where a title's name ends and a description of it begins ("GitHub ... + Octokit extension").
_TITLE_TAIL = re.compile(r"\s+[+|\u2013\u2014]\s|:\s")
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|org|net|io|dev|ai|co|app)\b", re.IGNORECASE)
MAX_TITLE_WORDS = 3
MAX_DIST_NAME_LENGTH = 40
# Modules a generated package must not shadow when its directory is on sys.path: the standard
# library (the running Python's list, plus modules other supported versions have or had, so the
# name does not depend on the Python running sdkgen) and the SDK's own dependencies.
SHADOWED_MODULES = (
    frozenset(sys.stdlib_module_names)
    | frozenset(
        {"asynchat", "asyncore", "distutils", "imp", "smtpd", "aifc", "audioop", "cgi", "cgitb", "chunk", "crypt",
         "imghdr", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd", "sunau",
         "telnetlib", "uu", "xdrlib", "lib2to3", "annotationlib", "compression"}
    )
    | frozenset(
        {"httpx", "httpcore", "h11", "idna", "certifi", "sniffio", "pydantic", "pydantic_core", "annotated_types",
         "typing_extensions", "typing_inspection", "anyio", "aiohttp", "httpx_aiohttp", "pytest", "pytest_asyncio",
         "mypy"}
    )
)


def _title_words(title: str) -> list[str]:
    """The words of `info.title` that name the API (see title_dist_name), in their own case."""
    head = _TITLE_TAIL.split(title, maxsplit=1)[0]
    head = re.sub(r"['\u2019]s\b", "", head)
    words = re.findall(r"[A-Za-z0-9]+", _DOMAIN_SUFFIX.sub("", _ascii(head)))
    kept = [w for w in words if w.lower() not in _TITLE_BOILERPLATE and not _VERSION_WORD.fullmatch(w.lower())]
    if not kept:  # the title is only boilerplate ("API v1.0.0"): keep its words, not its numbers
        kept = [w for w in words if not w.isdigit()][:1]
    return kept[:MAX_TITLE_WORDS]


def title_dist_name(title: str, *, fallback: str = "api") -> str:
    """A short distribution name from `info.title` (docs/config.md, "Names from the title").

    The title is cut where a description starts (` + `, ` | `, `: `, a spaced en or em dash);
    possessive `'s` and domain suffixes are dropped; words are split at anything that is not a
    letter or digit and each is lower-cased whole, so brands and acronyms stay one word
    (`GitHub` -> `github`, not `git-hub`); boilerplate words and version numbers are dropped while
    another word remains; at most three words and 40 characters are kept. A name that would shadow
    a standard-library module or a dependency (`Numbers API` -> `numbers`) keeps `-api`.
    """
    name = ""
    for word in (w.lower() for w in _title_words(title)):
        joined = f"{name}-{word}" if name else word
        if len(joined) > MAX_DIST_NAME_LENGTH:
            name = name or word[:MAX_DIST_NAME_LENGTH]
            break
        name = joined
    name = name or fallback
    return f"{name}-api" if name.replace("-", "_") in SHADOWED_MODULES else name


def title_class_name(title: str, *, fallback: str = "Client") -> str:
    """The client class from `info.title`: the words title_dist_name keeps, each capitalised and
    otherwise in its own case (`GitHub's official OpenAPI spec + Octokit extension` -> `GitHub`)."""
    words = _title_words(title)
    return pascal_case(" ".join(w[:1].upper() + w[1:] for w in words), fallback=fallback) if words else fallback


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


K = TypeVar("K")


def without_resource_words(names: Mapping[K, str], resource: str) -> dict[K, str]:
    """The method NAMES of one resource without the resource's own words in front
    (`actions_create_runner` -> `create_runner` under `actions`; `web_apps_list` -> `list`
    under `web_apps`; `pet_list` under `pets`). A name keeps its words when nothing (or no
    word starting with a letter) would be left, or when its short form would equal another
    method's name, short or not."""
    prefixes = (f"{resource}_", f"{singular(resource)}_")
    short: dict[K, str] = {}
    for key, name in names.items():
        prefix = next((p for p in prefixes if name.startswith(p) and name[len(p):len(p) + 1].isalpha()), "")
        rest = name[len(prefix):]
        short[key] = f"{rest}_" if keyword.iskeyword(rest) or keyword.issoftkeyword(rest) else rest
    wanted = Counter(short.values())
    taken = set(names.values())
    return {
        key: short[key] if wanted[short[key]] == 1 and (short[key] == name or short[key] not in taken) else name
        for key, name in names.items()
    }


@dataclass(frozen=True)
class NameRequest:
    """One spec name asking for a Python name in a shared namespace.

    `candidate` is the normalised name (set it when it was derived elsewhere, e.g. a body
    field's own name); `rank` breaks clashes by kind (a path parameter keeps its name before a
    body field does), and `qualifier` tells apart requests whose original text is the same
    (a header and a body field both called `id`). A request that loses a clash is named
    `<prefix>_<name>` when it has a `prefix` (`body_name` beside a path parameter `name`) and
    that name is free, else `<name>_<hash of its original text>`.
    """

    key: object
    original: str
    pointer: str
    candidate: str
    rank: int = 0
    qualifier: str = ""
    prefix: str = ""


def allocate(
    requests: Iterable[NameRequest],
    *,
    reserved: Iterable[str] = (),
    claimed: Mapping[str, tuple[str, str]] | None = None,
    what: str = "name",
    file: str = "",
    fold_case: bool = False,
    suffix_separator: str = "_",
) -> tuple[dict[object, str], list[SpecProblem]]:
    """Distinct names for `requests`, independent of their order; plus warnings for renames.

    A name in `reserved` (the generated code's own) gets a trailing `_` silently; a name in
    `claimed` (name -> (what owns it, how to choose another name)) belongs to something the spec
    defines, such as a credential option, so taking `_` is reported as a warning.
    A clash among names that normalise alike is settled by `(rank, spelling)`: the single best
    request keeps the name (a spelling equal to the normalised name beats one that is not);
    every other one, or all of them when no single one is best, gets the name plus a hash of
    its original text. `fold_case` compares names case-insensitively (file names).
    """
    claimed = claimed or {}
    reserved_set = frozenset(reserved) | frozenset(claimed)
    fold = (lambda n: n.lower()) if fold_case else (lambda n: n)
    pending = [(r, avoid_reserved(r.candidate, reserved_set)) for r in requests]
    problems: list[SpecProblem] = [
        SpecProblem(
            message=f"{what} {request.original!r} would be {request.candidate!r}, which is already "
            f"{claimed[request.candidate][0]}; named {name!r} instead",
            file=file,
            pointer=request.pointer,
            hint=claimed[request.candidate][1],
            code="name-collision",
            severity="warning",
        )
        for request, name in pending
        if request.candidate in claimed
    ]
    groups: dict[str, list[tuple[NameRequest, str]]] = {}
    for request, name in pending:
        groups.setdefault(fold(name), []).append((request, name))
    names: dict[object, str] = {}
    losers: list[tuple[NameRequest, str, list[tuple[NameRequest, str]]]] = []
    for group in groups.values():
        if len(group) == 1:
            request, name = group[0]
            names[request.key] = name
            continue
        preference = sorted((r.rank, r.original != r.candidate) for r, _ in group)
        single_best = preference[0] != preference[1]
        for request, name in group:
            keeps = single_best and (request.rank, request.original != request.candidate) == preference[0]
            if keeps:
                names[request.key] = name
            else:
                losers.append((request, name, group))
    # A prefixed name is taken only when nothing else asks for it and no other loser would
    # get it too, so the outcome never depends on the order of the requests.
    prefixed = [f"{request.prefix}_{name}" if request.prefix else "" for request, name, _group in losers]
    taken = set(groups) | {fold(name) for name in reserved_set}
    wanted = Counter(fold(name) for name in prefixed if name)
    for (request, name, group), alternative in zip(losers, prefixed):
        if alternative and fold(alternative) not in taken and wanted[fold(alternative)] == 1:
            renamed = alternative
        else:
            renamed = f"{name}{suffix_separator}{stable_hash(request.original + chr(0) + request.qualifier)}"
        names[request.key] = renamed
        others = [o for o, _ in group if o is not request]
        sources = "; ".join(f"{o.original!r} at {o.pointer or '(generated)'}" for o in others)
        problems.append(
            SpecProblem(
                message=f"{what} {request.original!r} becomes {name!r}, as does {sources}; named {renamed!r} instead",
                file=file,
                pointer=request.pointer,
                hint="rename one of them in the spec (or name it in sdkgen.yaml) to choose the name yourself",
                code="name-collision",
                severity="warning",
            )
        )
    by_key = {r.key: r for r, _ in pending}
    names = {key: names[key] for key in by_key}  # in the requests' order, for the messages
    require_distinct(
        ((name, f"{what} {by_key[key].original!r}", by_key[key].pointer) for key, name in names.items()),
        what="name",
        file=file,
        hint="rename one of them in the spec or in sdkgen.yaml",
        fold_case=fold_case,
    )
    return names, problems


def require_distinct(
    named: Iterable[tuple[str, str, str]], *, what: str, file: str, hint: str, fold_case: bool = True
) -> None:
    """(name, source description, pointer) triples that must not share a name: else exit 2."""
    seen: dict[str, tuple[str, str, str]] = {}
    problems = []
    for entry in named:
        name = entry[0]
        folded = name.lower() if fold_case else name
        if folded in seen:
            other = seen[folded]
            problems.append(
                SpecProblem(
                    message=f"{what} {name!r} from {entry[1]} clashes with {other[0]!r} from {other[1]} "
                    f"(at {other[2] or '(generated)'})",
                    file=file,
                    pointer=entry[2],
                    hint=hint,
                    code="name-collision",
                )
            )
        seen.setdefault(folded, entry)
    if problems:
        raise SdkgenError(problems)


def is_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
