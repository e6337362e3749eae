"""Stage "load": read an OpenAPI document (and the files its `$ref`s name) into a `Document`.

What comes out:
- `Document.data`: the parsed main file. Local `$ref`s stay in place as `{"$ref": "#/..."}`.
  References to other files are inlined (see "External references" below), so later stages
  only ever see local refs.
- a lazy source map: `Document.line_of(pointer)` / `Document.locate(pointer)` find the line of a
  JSON pointer only when asked (i.e. when an error is reported), because walking a 13 MB
  document to build a full map up front would double the load time.

External references (`other.yaml#/components/schemas/X`, `./common.json`):
- paths are relative to the file that contains the `$ref`; absolute paths work too.
  URLs (`http://`, `https://`, `file:`, any scheme) are rejected: sdkgen never fetches.
- the referenced fragment is copied in place of the `$ref` object. Sibling keys of the `$ref`
  (e.g. an OpenAPI 3.1 `description` override) are laid over the copied mapping.
- `$ref`s inside a copied fragment are resolved against *its* file: refs to another file or
  to the same file are inlined the same way; refs back into the main document become local
  refs (`#/...`). A pointer that passes through a `$ref` (`pet.yaml#/Pet/properties/id`
  where `Pet` is itself a `$ref`) continues in that ref's target.
- a fragment that refers to itself while it is being copied (a recursive schema spread over
  files) is not copied forever: the inner `$ref` becomes a local ref to the place in the main
  document where the outer copy lives. A whole file that includes itself (`a.yaml` ->
  `b.yaml` -> `a.yaml`, no fragment) is an error naming both files.
- a fragment referenced from several places is copied once and shared.

Bounds against hostile input (each one an `SdkgenError`, never a traceback): files over
`MAX_FILE_BYTES` (also in total over all files), nesting deeper than `MAX_DEPTH`, YAML aliases
(or shared fragments) that would expand to more than `MAX_EXPANDED_NODES` nodes ("billion
laughs"), recursive YAML aliases, `$ref` chains longer than `MAX_REF_HOPS`.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from json import decoder as _json_decoder
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.errors import SdkgenError, SpecProblem

try:  # libyaml is ~10x faster; the pure-Python loader is only a fallback.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

__all__ = ["Document", "load_document", "join_pointer", "split_pointer"]

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_DEPTH = 200
MAX_EXPANDED_NODES = 10_000_000
MAX_REF_HOPS = 64

_WS = re.compile(r"[ \t\n\r]*")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_JSON = json.JSONDecoder()
# Pre-check for a "$ref" to another file in JSON text. A "\u0024ref" key written with escapes
# slips past it; such a ref then stays in the document and validation reports it.
_EXTERNAL_REF_JSON = re.compile(rb'"\$ref"\s*:\s*"(?!#)')
_BOM = b"\xef\xbb\xbf"
# The C string scanner behind json.loads (public in the module, missing from the stubs).
_scanstring: Callable[[str, int], tuple[str, int]] = getattr(_json_decoder, "scanstring")

Tokens = tuple[str, ...]


# --------------------------------------------------------------------------- JSON pointers


def split_pointer(pointer: str) -> Tokens:
    """"/paths/~1pets/get" -> ("paths", "/pets", "get"); "" -> ()."""
    if pointer == "":
        return ()
    if not pointer.startswith("/"):
        raise ValueError(f"JSON pointer must start with '/': {pointer!r}")
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/"))


def escape_token(token: object) -> str:
    """One JSON pointer token (RFC 6901): "/pets" -> "~1pets"."""
    return str(token).replace("~", "~0").replace("/", "~1")


def join_pointer(tokens: Iterable[object]) -> str:
    """("paths", "/pets", 0) -> "/paths/~1pets/0"."""
    return "".join("/" + escape_token(t) for t in tokens)


def _fragment_tokens(fragment: str) -> Tokens:
    # A $ref fragment is a URI fragment: percent-decode first, then unescape ~1 / ~0.
    return split_pointer(unquote(fragment))


# --------------------------------------------------------------------------- source files


class _SpecLoader(_BaseLoader):
    """Safe YAML loader with JSON-shaped output.

    Mapping keys are kept as their source text (`200:` stays "200", `on:` stays "on"), so JSON
    pointers match keys and response codes are strings as in JSON documents. Timestamps stay
    strings: a `2024-01-01` example must not turn into a `datetime.date`.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # YAML forbids a key twice in one mapping; keeping the last one would silently drop
        # an operation or a schema. (A key may still override one merged in with `<<`.)
        explicit: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in explicit:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark,
                        f"found duplicate key {key_node.value!r}", key_node.start_mark,
                    )
                explicit.add(key_node.value)
        self.flatten_mapping(node)  # expands `<<: *merge` keys
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be plain strings", key_node.start_mark
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


def _timestamp_as_text(loader: _SpecLoader, node: yaml.Node) -> Any:
    return node.value


_SpecLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class _Source:
    """One file as read from disk, with a source map built on first use.

    It keeps the file's UTF-8 bytes, not its text: a str of a spec with one emoji in it takes
    4 bytes a character (GitHub's 13 MB spec: 50 MB), and the text is needed only to find the
    line of a problem, so it is decoded on first use."""

    def __init__(self, path: Path, raw: bytes, kind: str, data: Any, text: str | None = None) -> None:
        self.path = path
        self.raw = raw  # UTF-8, without a byte-order mark
        self._text = text
        self.kind = kind  # "json" | "yaml"
        self.data = data
        self._lines: dict[Tokens, int | None] = {}
        # JSON: pointer -> (offset of its key, offset of its value); filled as a level is read.
        self._offsets: dict[Tokens, tuple[int, int]] = {}
        # JSON: container pointer -> [where reading its members resumes (-1: all read), the
        # next index, 1 if the resume point is the value of the last member found (not skipped
        # yet: it is usually the one the caller descends into)].
        self._levels: dict[Tokens, list[int]] = {}
        self._yaml_root: yaml.Node | None = None
        self._yaml_failed = False

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.raw.decode("utf-8")
        return self._text

    def line_of(self, tokens: Tokens) -> int | None:
        """1-based line of the node at `tokens`, or of its deepest ancestor in this file."""
        if tokens not in self._lines:
            try:
                if self.kind == "json":
                    line = self._json_line(tokens)
                else:
                    line = self._yaml_line(tokens)
            except (ValueError, IndexError, yaml.YAMLError, RecursionError):
                line = None  # the map is best effort: never turn an error report into a crash
            self._lines[tokens] = line
        return self._lines[tokens]

    # JSON: walk the text to the pointer, skipping sibling values with the C decoder.
    def _json_line(self, tokens: Tokens) -> int | None:
        offsets = self._offsets
        if () not in offsets:
            start = _skip_ws(self.text, 0)
            offsets[()] = (start, start)
        found: Tokens = ()
        for i in range(len(tokens)):
            prefix = tokens[: i + 1]
            if prefix not in offsets and not self._read_json_level(tokens[:i], tokens[i]):
                break
            found = prefix
        return self.text.count("\n", 0, offsets[found][0]) + 1

    def _read_json_level(self, parent: Tokens, wanted: str) -> bool:
        """Read the members of `parent`, recording their offsets, up to the one named
        `wanted` (True) or the end (False). Reading stops there and resumes on the next call:
        the members after it are never skipped over unless asked for (each skip decodes the
        member's value; the ones before `paths` in a spec are small, `paths` is most of it).
        The first of duplicate keys is found; load_document refuses duplicates in JSON."""
        text, offsets = self.text, self._offsets
        state = self._levels.get(parent)
        if state is None:
            pos = offsets[parent][1]
            opener = text[pos]
            state = [-1, 0, 0]
            if opener in "{[":
                first = _skip_ws(text, pos + 1)
                if text[first] != ("}" if opener == "{" else "]"):
                    state = [first, 0, 0]
            self._levels[parent] = state
        in_object = text[offsets[parent][1]] == "{"
        while state[0] >= 0:
            pos = state[0]
            if state[2]:
                state[0], state[2] = self._after_value(pos), 0
                continue
            if in_object:
                key_pos = pos
                key, pos = _scanstring(text, pos + 1)
                pos = _skip_ws(text, _skip_ws(text, pos) + 1)  # past the ':'
            else:
                key_pos, key = pos, str(state[1])
            state[1] += 1
            offsets.setdefault(parent + (key,), (key_pos, pos))
            if key == wanted:
                state[0], state[2] = pos, 1
                return True
            state[0] = self._after_value(pos)
        return parent + (wanted,) in offsets

    def _after_value(self, pos: int) -> int:
        """Where the member after the value at `pos` starts; -1 after the last one."""
        text = self.text
        _, pos = _JSON.raw_decode(text, pos)
        pos = _skip_ws(text, pos)
        return _skip_ws(text, pos + 1) if text[pos] == "," else -1

    # YAML: compose the node graph (keeps marks) only when a line is first asked for.
    def _yaml_line(self, tokens: Tokens) -> int | None:
        if self._yaml_root is None:
            if self._yaml_failed:
                return None
            try:
                self._yaml_root = yaml.compose(self.text, Loader=_BaseLoader)
            except yaml.YAMLError:
                self._yaml_failed = True
            if self._yaml_root is None:
                self._yaml_failed = True
                return None
        node: yaml.Node = self._yaml_root
        line = node.start_mark.line + 1
        for token in tokens:
            if isinstance(node, yaml.MappingNode):
                pair = _yaml_member(node, token)
                if pair is None:
                    break
                line = pair[0].start_mark.line + 1
                node = pair[1]
            elif isinstance(node, yaml.SequenceNode) and token.isdigit():
                if int(token) >= len(node.value):
                    break
                node = node.value[int(token)]
                line = node.start_mark.line + 1
            else:
                break
        return line


def _skip_ws(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def _yaml_member(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    found: tuple[yaml.Node, yaml.Node] | None = None
    merges: list[yaml.Node] = []
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value == key:
                found = (key_node, value_node)  # the last duplicate wins, as when loading
            elif key_node.tag == "tag:yaml.org,2002:merge":
                merges.extend(value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node])
    if found is None:
        for merged in merges:  # `<<: *base`: the key's line is in the anchored mapping
            if isinstance(merged, yaml.MappingNode):
                found = _yaml_member(merged, key)
                if found is not None:
                    break
    return found


def _problem(message: str, *, file: Path | str, code: str, hint: str = "",
             pointer: str = "", line: int | None = None) -> SdkgenError:
    return SdkgenError([SpecProblem(message=message, file=str(file), pointer=pointer, line=line,
                                    hint=hint, code=code)])


def _read_source(path: Path, budget: list[int], referrer: _Where | None = None) -> _Source:
    """Read and parse one file. `budget` holds the bytes still allowed over all files."""
    where = referrer or _Where(path, (), None)
    suffix = f" (referenced by $ref '{referrer.ref}')" if referrer and referrer.ref else ""
    ref_hint = " (a $ref path is relative to the file that contains it)" if referrer else ""
    try:
        if not path.exists():
            raise where.error(f"file not found: {path}{suffix}", code="file-not-found",
                              hint="check the path" + ref_hint)
        if path.is_dir():
            raise where.error(f"is a directory, not a file: {path}", code="file-is-directory",
                              hint=_directory_hint(path))
        size = path.stat().st_size
        if size > budget[0]:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise where.error(
                f"{path} is too large ({size:,} bytes; all spec files together may be at most {limit} MB)",
                code="file-too-large",
                hint="split the document, or remove embedded examples and blobs",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise where.error(f"cannot read {path}: {exc.strerror or exc}", code="file-unreadable",
                          hint="check the file's permissions") from None
    except ValueError as exc:  # e.g. a NUL byte in the path
        raise where.error(f"invalid path {str(path)!r}: {exc}", code="file-unreadable") from None
    budget[0] -= len(raw)

    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _problem("file is UTF-16 encoded, not UTF-8", file=path, code="file-not-utf8", line=1,
                       hint="save the file as UTF-8")
    body = raw[len(_BOM):] if raw.startswith(_BOM) else raw  # tolerate a byte-order mark
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start + len(raw) - len(body)
        line = raw.count(b"\n", 0, start) + 1
        raise _problem(f"file is not valid UTF-8 (byte 0x{raw[start]:02x} at offset {start})",
                       file=path, code="file-not-utf8", line=line,
                       hint="save the file as UTF-8") from None

    kind, data = _parse(path, text)
    return _Source(path, body, kind, data)


def _directory_hint(path: Path) -> str:
    names = ("openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.json")
    present = [n for n in names if (path / n).is_file()]
    if present:
        return f"pass the document itself, e.g. {path / present[0]}"
    return "pass the path of the OpenAPI document (a .yaml or .json file)"


def _parse(path: Path, text: str) -> tuple[str, Any]:
    """Parse by extension; fall back by content (JSON is tried first when it looks like JSON,
    because json.loads is ~50x faster than YAML and gives better error positions)."""
    # A parser makes containers by the million and none of them is garbage yet: the cyclic
    # collector would walk the growing tree again and again (~10 % of the parse) for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_by_kind(path, text)
    finally:
        if was_enabled:
            gc.enable()


def _parse_by_kind(path: Path, text: str) -> tuple[str, Any]:
    suffix = path.suffix.lower()
    looks_json = text.lstrip()[:1] in ("{", "[")
    if suffix == ".json" or (suffix not in (".yaml", ".yml") and looks_json):
        return "json", _parse_json(path, text)
    if looks_json:
        try:
            return "json", _json_loads(text)
        except (ValueError, RecursionError):
            pass  # JSON-looking YAML (flow style, comments...): let the YAML parser decide
    return "yaml", _parse_yaml(path, text)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON only says keys SHOULD be unique; json.loads would keep the last one silently.
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return mapping


def _json_loads(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_unique_keys)


def _parse_json(path: Path, text: str) -> Any:
    try:
        return _json_loads(text)
    except json.JSONDecodeError as exc:
        raise _problem(f"invalid JSON: {exc.msg} (column {exc.colno})", file=path, line=exc.lineno,
                       code="json-invalid",
                       hint="fix the syntax at this line; a trailing comma or a missing quote or "
                            "comma is the usual cause") from None
    except _DuplicateKey as exc:
        spelled = re.compile(re.escape(json.dumps(exc.key)) + r"\s*:")
        starts = [m.start() for m in spelled.finditer(text)]
        line = text.count("\n", 0, starts[1]) + 1 if len(starts) > 1 else None
        raise _problem(f"duplicate key {exc.key!r} in a JSON object (only the last one would be kept)",
                       file=path, line=line, code="json-duplicate-key",
                       hint="each key may appear once per object: merge or rename the entries") from None
    except ValueError as exc:  # e.g. an integer literal longer than Python converts by default
        raise _problem(f"invalid JSON: {_clip_text(str(exc))}", file=path, code="json-invalid",
                       hint="shorten the offending number literal") from None
    except RecursionError:
        raise _too_deep(path) from None


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_SpecLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context}"
            if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
                message += f" at line {exc.context_mark.line + 1}"
            message += ")"
        if "maximum nesting depth" in message:
            raise _too_deep(path, line=mark.line + 1 if mark else None) from None
        raise _problem(message, file=path, line=mark.line + 1 if mark else None,
                       code="yaml-invalid",
                       hint="check the indentation, and quote values that contain ': ' or start "
                            "with a special character") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a stream
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _problem(f"invalid YAML: character U+{ord(char):04X} is not allowed ({exc.reason})",
                       file=path, line=text.count("\n", 0, exc.position) + 1, code="yaml-invalid",
                       hint="remove control characters from the file") from None
    except yaml.YAMLError as exc:
        raise _problem(f"invalid YAML: {_clip_text(str(exc))}", file=path, code="yaml-invalid",
                       hint="check the file's YAML syntax") from None
    except ValueError as exc:  # a scalar the constructors reject, e.g. a 5,000-digit integer
        raise _problem(f"invalid YAML value: {_clip_text(str(exc))}", file=path, code="yaml-invalid",
                       hint="shorten or quote the offending value") from None
    except RecursionError:
        raise _too_deep(path) from None


def _clip_text(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _too_deep(path: Path, line: int | None = None) -> SdkgenError:
    return _problem(f"document is nested too deeply (more than {MAX_DEPTH} levels)", file=path,
                    line=line, code="spec-too-deep",
                    hint="this is not a realistic API description; check how the file was generated")


@dataclass(frozen=True)
class _Where:
    """Where a problem is: a file and a pointer in it (the line is looked up lazily)."""

    path: Path
    tokens: Tokens
    source: _Source | None
    ref: str = ""

    def error(self, message: str, *, code: str, hint: str = "") -> SdkgenError:
        line = self.source.line_of(self.tokens) if self.source is not None else None
        return _problem(message, file=self.path, pointer=join_pointer(self.tokens), line=line,
                        code=code, hint=hint)


# --------------------------------------------------------------------------- tree checks


@dataclass
class _Scan:
    # (container, key, pointer tokens, the $ref mapping) for every mapping with a string $ref
    refs: list[tuple[Any, Any, Tokens, dict[str, Any]]]
    shared: int  # containers reached more than once (YAML aliases / shared fragments)


def _scan(root: Any, source: _Source | None, path: Path) -> _Scan:
    """One pass over the tree: depth, expanded size, cycles, and every `$ref` site.

    Iterative and memoised by object identity, so a document whose aliases expand to 10^9
    nodes costs as much as its distinct nodes: the true (expanded) size and depth are summed
    from the memo, never walked.
    """
    memo: dict[int, tuple[int, int]] = {}  # id -> (height, expanded node count)
    active: set[int] = {id(root)}
    refs: list[tuple[Any, Any, Tokens, dict[str, Any]]] = []
    shared = 0
    path_keys: list[str] = []
    # frame: [container, iterator of (key, child), height below it, expanded size]
    stack: list[list[Any]] = [[root, _children(root), 0, 1]]

    def fail(message: str, code: str, hint: str) -> SdkgenError:
        tokens = tuple(path_keys)
        line = source.line_of(tokens) if source is not None else None
        return _problem(message, file=path, pointer=join_pointer(tokens), line=line, code=code,
                        hint=hint)

    if not isinstance(root, (dict, list)):
        return _Scan(refs, 0)
    if isinstance(root, dict) and isinstance(root.get("$ref"), str):
        refs.append((None, None, (), root))
    while stack:
        frame = stack[-1]
        descended = False
        for key, child in frame[1]:
            if not isinstance(child, (dict, list)):
                frame[3] += 1
                continue
            child_id = id(child)
            ref_map = child if isinstance(child, dict) and isinstance(child.get("$ref"), str) else None
            known = memo.get(child_id)
            if known is not None:
                shared += 1
                if ref_map is not None:
                    refs.append((frame[0], key, tuple(path_keys) + (str(key),), ref_map))
                if len(stack) + known[0] > MAX_DEPTH:
                    raise fail(f"document is nested too deeply (more than {MAX_DEPTH} levels, "
                               "counting YAML aliases and inlined $refs)", "spec-too-deep",
                               "check for aliases or $refs that nest the same content repeatedly")
                frame[2] = max(frame[2], known[0])
                frame[3] += known[1]
                if frame[3] > MAX_EXPANDED_NODES:
                    raise fail(f"document expands to more than {MAX_EXPANDED_NODES:,} nodes through "
                               f"{shared:,} YAML aliases or shared $ref targets (an alias bomb?)",
                               "yaml-alias-bomb",
                               "write the content out instead of nesting aliases of aliases")
                continue
            if child_id in active:
                path_keys.append(str(key))
                raise fail("recursive YAML alias: this node contains itself", "yaml-alias-cycle",
                           "use a $ref for recursive structures, not a YAML alias")
            path_keys.append(str(key))
            if len(stack) >= MAX_DEPTH:
                raise fail(f"document is nested too deeply (more than {MAX_DEPTH} levels)",
                           "spec-too-deep",
                           "this is not a realistic API description; check how it was generated")
            if ref_map is not None:
                refs.append((frame[0], key, tuple(path_keys), ref_map))
            active.add(child_id)
            stack.append([child, _children(child), 0, 1])
            descended = True
            break
        if descended:
            continue
        stack.pop()
        node_id = id(frame[0])
        active.discard(node_id)
        memo[node_id] = (frame[2] + 1, frame[3])
        if stack:
            path_keys.pop()
            parent = stack[-1]
            parent[2] = max(parent[2], frame[2] + 1)
            parent[3] += frame[3]
            if parent[3] > MAX_EXPANDED_NODES:
                raise fail(f"document expands to more than {MAX_EXPANDED_NODES:,} nodes",
                           "yaml-alias-bomb", "write the content out instead of nesting aliases")
    return _Scan(refs, shared)


def _plain_tree_refs(root: Any) -> frozenset[str] | None:
    """Fast depth check for a plain tree (parsed JSON cannot share nodes): ~4x cheaper than
    `_scan`, which matters on a 13 MB document. `_scan` re-runs only to report a failure (None).
    Collects every string `$ref` on the way (Document.ref_targets), which costs little more."""
    stack = [(root, 1)]
    pop, push = stack.pop, stack.append
    refs: set[str] = set()
    while stack:
        node, depth = pop()
        if depth > MAX_DEPTH:
            return None
        if type(node) is dict:
            ref = node.get("$ref")
            if type(ref) is str:
                refs.add(ref)
            children: Iterable[Any] = node.values()
        else:
            children = node
        for child in children:
            if type(child) is dict or type(child) is list:
                push((child, depth + 1))
    return frozenset(refs)


def _children(node: Any) -> Iterator[tuple[Any, Any]]:
    return iter(node.items()) if isinstance(node, dict) else iter(enumerate(node))


# --------------------------------------------------------------------------- external $refs


def _ref_scheme(ref: str) -> str:
    match = _SCHEME.match(ref)
    # One letter is a Windows drive ("C:\\specs\\a.yaml"), not a URL scheme.
    return match.group(1).lower() if match and len(match.group(1)) > 1 else ""


class _Inliner:
    """Copies fragments of other files in place of the `$ref`s that name them."""

    def __init__(self, root: _Source, budget: list[int]) -> None:
        self.root = root
        self.sources: dict[Path, _Source] = {root.path: root}
        self.budget = budget
        self.active: dict[tuple[Path, Tokens], Tokens] = {}  # fragment being copied -> its site
        self.done: dict[tuple[Path, Tokens], Any] = {}
        self.origins: dict[Tokens, tuple[Path, Tokens]] = {}

    def source(self, path: Path, where: _Where) -> _Source:
        if path not in self.sources:
            source = _read_source(path, self.budget, where)
            _scan(source.data, source, path)  # depth / alias bounds, per file
            self.sources[path] = source
        return self.sources[path]

    def inline_ref(self, ref_map: dict[str, Any], where: _Where, site: Tokens, hops: int = 0) -> Any:
        """The value that replaces `ref_map` (a mapping with "$ref") found at `where`."""
        ref: str = ref_map["$ref"]
        where = _Where(where.path, where.tokens, where.source, ref)
        if hops > MAX_REF_HOPS or len(self.active) > MAX_REF_HOPS:
            raise where.error(f"$ref chain is longer than {MAX_REF_HOPS} steps at '{ref}'",
                              code="ref-chain-too-long", hint="check for $refs that point at $refs")
        target = self.target_of(ref, where.path, where)
        tokens = _fragment_tokens(ref.partition("#")[2])
        if target == self.root.path:
            if not tokens:
                raise where.error(f"circular $ref: {where.path} includes the main document "
                                  f"{self.root.path}", code="ref-cycle",
                                  hint="refer to a part of it instead, e.g. 'main.yaml#/components/schemas/X'")
            value: Any = {"$ref": "#" + join_pointer(tokens)}  # back into the main document
        else:
            value = self.fragment(target, tokens, where, site, hops)
        siblings = {k: v for k, v in ref_map.items() if k != "$ref"}
        if siblings and isinstance(value, dict):
            source = where.source
            copied = {k: self.copy(v, where.path, source, where.tokens + (k,), site + (k,))
                      for k, v in siblings.items()} if where.path != self.root.path else siblings
            value = {**value, **copied}
        return value

    def fragment(self, path: Path, tokens: Tokens, where: _Where, site: Tokens, hops: int) -> Any:
        """The copy of `path#tokens` that goes at `site` in the main document."""
        path, tokens = self.canonical(path, tokens, where)
        if path == self.root.path:
            return {"$ref": "#" + join_pointer(tokens)}  # back into the main document
        key = (path, tokens)
        if key in self.active:
            if self.active[key] == site:  # only $refs between here and there: no content
                raise where.error(f"circular $ref: '{where.ref}' leads back to itself without "
                                  "any content", code="ref-cycle",
                                  hint="one of these $refs must point at a definition")
            if not tokens:
                raise where.error(f"circular $ref: {path} includes {where.path}, which includes "
                                  f"{path} again", code="ref-cycle",
                                  hint="break the cycle, or refer to a part of the file ('#/...')")
            return {"$ref": "#" + join_pointer(self.active[key])}  # recursive: point at the copy
        if key in self.done:
            self.origins.setdefault(site, key)
            return self.done[key]
        source = self.sources[path]
        node = source.data
        for token in tokens:  # canonical: every step exists
            node = node[token] if isinstance(node, dict) else node[int(token)]
        self.active[key] = site
        try:
            if isinstance(node, dict) and isinstance(node.get("$ref"), str):
                value = self.inline_ref(node, _Where(path, tokens, source), site, hops + 1)
            else:
                value = self.copy(node, path, source, tokens, site)
        finally:
            del self.active[key]
        self.done[key] = value
        self.origins.setdefault(site, key)
        return value

    def canonical(self, path: Path, tokens: Tokens, where: _Where) -> tuple[Path, Tokens]:
        """Where `path#tokens` really is: a pointer that passes through a `$ref`
        ("pet.yaml#/Pet/properties/id" with Pet a $ref to another file) continues in that
        ref's target. Following the raw files, not copies, keeps recursion placeholders right."""
        hops = 0
        node = self.source(path, where).data
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str):
                hops += 1
                if hops > MAX_REF_HOPS:
                    raise where.error(f"$ref chain is longer than {MAX_REF_HOPS} steps at "
                                      f"'{where.ref}'", code="ref-chain-too-long",
                                      hint="check for $refs that point at $refs")
                path, rest = self.target_of(node["$ref"], path, where), tokens[i:]
                tokens = _fragment_tokens(node["$ref"].partition("#")[2]) + rest
                if path == self.root.path:
                    return path, tokens
                node, i = self.source(path, where).data, 0
                continue
            try:
                node = node[token] if isinstance(node, dict) else node[int(token)]
            except (KeyError, IndexError, ValueError, TypeError):
                hint = _missing_hint(node, token, tokens[:i])
                raise where.error(f"unresolved $ref '{where.ref}'", code="ref-not-found",
                                  hint=f"{hint} of {path}") from None
            i += 1
        return path, tokens

    def target_of(self, ref: str, base: Path, where: _Where) -> Path:
        """The file a $ref names, checked: no URLs, a valid fragment."""
        scheme = _ref_scheme(ref)
        if scheme:
            kind = "remote" if scheme in ("http", "https") else f"'{scheme}:'"
            raise where.error(f"{kind} $ref '{ref}' is not supported: sdkgen never fetches references",
                              code="ref-remote" if kind == "remote" else "ref-unsupported",
                              hint="download the file next to the spec and use a relative path")
        file_part, _, fragment = ref.partition("#")
        try:
            _fragment_tokens(fragment)
        except ValueError:
            raise where.error(f"invalid $ref '{ref}': the part after '#' must be a JSON pointer "
                              "starting with '/'", code="ref-invalid",
                              hint="write it like 'other.yaml#/components/schemas/Pet'") from None
        return (base.parent / unquote(file_part)).resolve() if file_part else base

    def copy(self, node: Any, path: Path, source: _Source | None, tokens: Tokens, site: Tokens) -> Any:
        """Copy content of another file, resolving its $refs against that file."""
        if len(site) > MAX_DEPTH:
            raise _problem(f"document is nested too deeply (more than {MAX_DEPTH} levels) after "
                           f"inlining $refs from {path}", file=self.root.path,
                           pointer=join_pointer(site[:MAX_DEPTH]), code="spec-too-deep",
                           hint="check for $refs that nest the same content repeatedly")
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                return self.inline_ref(node, _Where(path, tokens, source), site)
            return {k: self.copy(v, path, source, tokens + (k,), site + (k,)) for k, v in node.items()}
        if isinstance(node, list):
            return [self.copy(v, path, source, tokens + (str(i),), site + (str(i),))
                    for i, v in enumerate(node)]
        return node


def _missing_hint(node: Any, token: str, found: Tokens = ()) -> str:
    at = join_pointer(found) or "the document root"
    if isinstance(node, dict):
        hint = f"there is no '{token}' in {at}"
        close = difflib.get_close_matches(token, [str(k) for k in node], n=1)
        if close:
            hint += f" (did you mean '{close[0]}'?)"
        return hint
    if isinstance(node, list):
        return f"{at} is a list of {len(node)} items; '{token}' is not an index in it"
    return f"{at} is a {type(node).__name__}, not a mapping"


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class Document:
    """A loaded OpenAPI document: the parsed data plus a lazy map back to source lines.

    Build one with `load_document`. Constructing it directly (e.g. in tests) also works:
    lines are then looked up in `text`, which may be empty. A loaded document leaves `text`
    empty and keeps the files' bytes (see `_Source`): read `source_text()`.
    """

    data: dict[str, Any]
    path: Path
    text: str = ""
    # Private: filled by load_document.
    _main: _Source | None = field(default=None, repr=False, compare=False)
    _sources: Mapping[Path, _Source] = field(default_factory=dict, repr=False, compare=False)
    _origins: Mapping[Tokens, tuple[Path, Tokens]] = field(default_factory=dict, repr=False,
                                                           compare=False)
    _refs: tuple[tuple[str, str], ...] | None = field(default=None, repr=False, compare=False)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def _main_source(self) -> _Source:
        if self._main is not None:
            return self._main
        if "main" not in self._cache:
            kind = "json" if self.text.lstrip()[:1] in ("{", "[") else "yaml"
            raw = self.text.encode("utf-8", "surrogatepass")
            self._cache["main"] = _Source(self.path, raw, kind, self.data, text=self.text)
        source: _Source = self._cache["main"]
        return source

    def line_of(self, pointer: str) -> int | None:
        """1-based line in the main file of the node at `pointer` ("/paths/~1pets/get").

        For a mapping member this is the line of its key. When the pointer does not exist in
        the file as written (a missing key, or content inlined from another file), it is the
        line of the deepest ancestor that does. None for an empty or unparsable `text`.
        """
        if self._main is None and not self.text.strip():
            return None
        try:
            tokens = split_pointer(pointer)
        except ValueError:
            return None
        return self._main_source().line_of(tokens)

    def locate(self, pointer: str) -> tuple[Path, int | None]:
        """Like `line_of`, but follows content inlined from other files to the file and line
        it came from."""
        try:
            tokens = split_pointer(pointer)
        except ValueError:
            return self.path, None
        for cut in range(len(tokens), 0, -1):
            origin = self._origins.get(tokens[:cut])
            if origin is not None:
                path, base = origin
                source = self._sources.get(path)
                if source is None:
                    return path, None
                return path, source.line_of(base + tokens[cut:])
        return self.path, self.line_of(pointer)

    def resolve(self, ref: str) -> Any:
        """The node a local ref ("#/components/schemas/Pet") points at.

        Percent-escapes and ~0/~1 are decoded. A `$ref` met on the way is followed; the node
        at the end is returned as is, even if it is itself a `$ref` mapping (so callers can see
        aliases). Raises SdkgenError if the target does not exist.
        """
        if not ref.startswith("#"):
            raise _problem(f"cannot resolve '{ref}': only local refs ('#/...') remain after loading",
                           file=self.path, code="ref-not-local",
                           hint="load the document with load_document, which inlines other files")
        try:
            tokens = _fragment_tokens(ref[1:])
        except ValueError:
            raise _problem(f"invalid $ref '{ref}'", file=self.path, code="ref-invalid",
                           hint="a local $ref looks like '#/components/schemas/Pet'") from None
        node: Any = self.data
        done: Tokens = ()
        hops = 0
        while len(done) < len(tokens):
            token = tokens[len(done)]
            if isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str) \
                    and node["$ref"].startswith("#"):
                # The pointer passes through a $ref: restart from its target.
                hops += 1
                if hops > MAX_REF_HOPS:
                    raise _problem(f"circular $ref: resolving '{ref}' never ends", file=self.path,
                                   code="ref-cycle", hint="check the $refs along this pointer")
                try:
                    tokens = _fragment_tokens(node["$ref"][1:]) + tokens[len(done):]
                except ValueError:
                    break  # reported as an invalid ref at that $ref's own site
                node, done = self.data, ()
                continue
            try:
                node = node[token] if isinstance(node, dict) else node[int(token)]
            except (KeyError, IndexError, ValueError, TypeError):
                break
            done += (token,)
        else:
            return node
        raise _problem(f"unresolved $ref '{ref}'", file=self.path, code="ref-not-found",
                       hint=_missing_hint(node, tokens[len(done)], done))

    def source_text(self) -> str:
        """The main file's text."""
        return self._main.text if self._main is not None else self.text

    def source_hashes(self) -> dict[Path, str]:
        """The sha256 of the UTF-8 text of every file the document was read from: the main file
        first, then the files its `$ref`s pulled in (what an SDK depends on besides the config)."""
        main = self._main.raw if self._main is not None else self.text.encode("utf-8", "surrogatepass")
        hashes = {self.path: hashlib.sha256(main).hexdigest()}
        hashes.update(
            (path, hashlib.sha256(source.raw).hexdigest()) for path, source in self._sources.items() if path != self.path
        )
        return hashes

    def ref_targets(self) -> frozenset[str]:
        """Every distinct string `$ref` in the document: what `iter_refs` yields without the
        pointers, found in a quarter of the time (a plain walk; no pointer is built)."""
        targets = self._cache.get("targets")
        if targets is None:
            refs = self._refs if self._refs is not None else self._cache.get("refs")
            targets = frozenset(ref for _, ref in refs) if refs is not None else _ref_strings(self.data)
            self._cache["targets"] = targets
        return frozenset(targets)

    def iter_refs(self) -> Iterator[tuple[str, str]]:
        """(pointer of the `$ref` mapping, the ref string) for every string `$ref`, in
        document order."""
        refs = self._refs
        if refs is None:
            refs = self._cache.get("refs")
            if refs is None:
                scan = _scan(self.data, None, self.path)
                refs = tuple((join_pointer(t), r["$ref"]) for _, _, t, r in scan.refs)
                self._cache["refs"] = refs
        return iter(refs)


def _ref_strings(root: Any) -> frozenset[str]:
    found: set[str] = set()
    stack = [root]
    seen: set[int] = set()  # a shared container (a YAML alias) is walked once
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.add(ref)
            children: Iterable[Any] = node.values()
        else:
            children = node
        for child in children:
            if isinstance(child, (dict, list)) and id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return frozenset(found)


def load_document(path: str | Path) -> Document:
    """Read an OpenAPI document (YAML or JSON) and the files its `$ref`s name.

    Raises SdkgenError (one SpecProblem with file, line, code and hint) for anything wrong
    with the input; never lets a parser exception or traceback through.
    """
    try:
        return _load(Path(path))
    except RecursionError:
        raise _problem("document is nested too deeply to process", file=str(path),
                       code="spec-too-deep",
                       hint=f"nesting (including $refs between files) must stay under {MAX_DEPTH} levels") from None


def _load(given: Path) -> Document:
    try:
        path = given.expanduser().resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise _problem(f"invalid path {str(given)!r}: {exc}", file=str(given),
                       code="file-unreadable") from None
    budget = [MAX_FILE_BYTES]
    main = _read_source(path, budget)
    data = main.data
    if data is None:
        raise _problem("file is empty", file=path, code="spec-empty",
                       hint="an OpenAPI document starts with `openapi: 3.1.0`")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise _problem(f"the document's top level is {kind}, expected a mapping", file=path,
                       line=1, code="spec-not-mapping",
                       hint="an OpenAPI document is a mapping that starts with `openapi: 3.1.0`")
    if "openapi" not in data and "swagger" not in data:
        raise _problem("not an OpenAPI document: no 'openapi' or 'swagger' key at the top level",
                       file=path, line=1, code="spec-not-openapi",
                       hint="add e.g. `openapi: 3.1.0`; if this file is a fragment, pass the main "
                            "document that references it")
    origins: dict[Tokens, tuple[Path, Tokens]] = {}
    sources: dict[Path, _Source] = {path: main}
    if main.kind == "json" and not _EXTERNAL_REF_JSON.search(main.raw):
        # The common big case: a tree with only local refs. Check depth only; `$ref` sites
        # are collected lazily by Document.iter_refs (i.e. by validation).
        targets = _plain_tree_refs(data)
        if targets is None:
            _scan(data, main, path)  # raises with the pointer and line
        return Document(data=data, path=path, _main=main, _sources=sources, _cache={"targets": targets})
    scan = _scan(data, main, path)
    external = [site for site in scan.refs if not site[3]["$ref"].startswith("#")]
    if external:
        inliner = _Inliner(main, budget)
        # Innermost first: a $ref nested in the siblings of another is replaced before the
        # outer one copies those siblings.
        for parent, key, tokens, ref_map in reversed(external):
            value = inliner.inline_ref(ref_map, _Where(path, tokens, main), tokens)
            if parent is None:
                if not isinstance(value, dict):
                    raise _problem("the document's top-level $ref does not point at a mapping",
                                   file=path, line=1, code="spec-not-mapping")
                data = value
            else:
                parent[key] = value
        origins, sources = inliner.origins, inliner.sources
        scan = _scan(data, main, path)  # the copies may add depth, size and local refs
    refs = tuple((join_pointer(t), r["$ref"]) for _, _, t, r in scan.refs)
    return Document(data=data, path=path, _main=main, _sources=sources,
                    _origins=origins, _refs=refs)
