"""The generator config (`sdkgen.yaml`): what the spec cannot say about the SDK.

Validated against a JSON Schema (jsonschema comes with openapi-spec-validator), so every
problem names the key, its line and what is allowed.
"""

from __future__ import annotations

import keyword
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import SdkgenError, SpecProblem
from .loader import join_pointer

CONFIG_FILE_NAME = "sdkgen.yaml"
PYPROJECT = "pyproject.toml"  # its [tool.sdkgen] table is the config when there is no sdkgen.yaml

# Names that become Python identifiers: a hard keyword (`class`, `None`) cannot be one.
_NAME = {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*$", "not": {"enum": keyword.kwlist}}
_ENDPOINT = {"type": "string", "pattern": r"^(get|put|post|delete|patch|head|options|trace) /\S*$"}

_METHOD = {
    "oneOf": [
        _ENDPOINT,
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["endpoint"],
            "properties": {
                "endpoint": _ENDPOINT,
                "paginated": _NAME,
                "positional": {"type": "array", "items": _NAME},
            },
        },
    ]
}

# One filter list of `select:`: tag names and operationIds as written in the spec; paths are
# fnmatch patterns over the path template, optionally after an HTTP method ("get /pets/*").
_FILTER_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_PATH_FILTERS = {
    "type": "array",
    "items": {"type": "string", "pattern": r"^((get|put|post|delete|patch|head|options|trace) )?[/*?\[]"},
}
_FILTERS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"tags": _FILTER_LIST, "paths": _PATH_FILTERS, "operations": _FILTER_LIST},
}
SELECT_KINDS = {"tags": "tag", "paths": "path", "operations": "operation"}  # config key -> filter kind

_RESOURCE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "class_name": _NAME,
        "description": {"type": "string"},
        "methods": {"type": "object", "propertyNames": _NAME, "additionalProperties": _METHOD},
        "resources": {"type": "object", "propertyNames": _NAME, "additionalProperties": {"$ref": "#/$defs/resource"}},
        "hand_owned": {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "pattern": r"^[^/\\][^\\]*$", "not": {"pattern": r"(^|/)\.\.(/|$)"}},
        },
    },
}

CONFIG_SCHEMA: dict[str, Any] = {
    "$defs": {"resource": _RESOURCE},
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "package": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "pattern": r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$"},
                "import_name": _NAME,
                "version": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)*([ab]|rc)?[0-9]*$"},
                "title": {"type": "string"},
                "description": {"type": "string"},
            },
        },
        "client": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "class_name": _NAME,
                "env_prefix": {"type": "string", "pattern": r"^[A-Z][A-Z0-9_]*$"},
                "telemetry_header_prefix": {"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9-]*$"},
                "base_url": {"type": "string"},
                "base_url_env": {"type": "string", "pattern": r"^[A-Z][A-Z0-9_]*$"},
                "auth": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "precedence": {"type": "array", "items": {"type": "string"}},
                        "credentials": {
                            "type": "object",
                            "additionalProperties": {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {
                                    "option": _NAME,
                                    "env": {"type": "string", "pattern": r"^[A-Z][A-Z0-9_]*$"},
                                    "test_value": {"type": "string"},
                                },
                            },
                        },
                    },
                },
                "options": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["name", "header"],
                        "properties": {
                            "name": _NAME,
                            "header": {"type": "string", "pattern": r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"},
                            "env": {"type": "string", "pattern": r"^[A-Z][A-Z0-9_]*$"},
                            "default": {"type": "string"},
                            "default_date_format": {"type": "string"},
                            "description": {"type": "string"},
                        },
                    },
                },
            },
        },
        "envelope": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "result_key": {"type": "string"},
                "errors_key": {"type": "string"},
                "error_model": _NAME,
            },
        },
        "pagination": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "kind", "items_field"],
                "properties": {
                    "name": _NAME,
                    "kind": {"enum": ["single", "page_number", "cursor"]},
                    "items_field": _NAME,
                    "page_param": {"type": "string"},
                    "info_field": _NAME,
                    "cursor_param": {"type": "string"},
                    "cursor_path": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "resources": {"type": "object", "propertyNames": _NAME, "additionalProperties": {"$ref": "#/$defs/resource"}},
        "hand_owned": {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "pattern": r"^[^/\\][^\\]*$", "not": {"pattern": r"(^|/)\.\.(/|$)"}},
        },
        "select": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"include": _FILTERS, "exclude": _FILTERS},
        },
        "templates": {"type": "string", "minLength": 1},
    },
}


@dataclass(frozen=True)
class SelectFilter:
    """One entry of `select:` (or a --include-*/--exclude-* option): which operations it names.

    `file`, `pointer` and `line` say where it was written, for the error when it matches
    nothing; a filter given on the command line has `option` instead."""

    kind: str  # tag | path | operation
    pattern: str
    exclude: bool = False
    file: str = ""
    pointer: str = ""
    line: int | None = None
    option: str = ""  # "--include-tag" ...

    def describe(self) -> str:
        if self.option:
            return f"{self.option} {self.pattern!r}"
        return f"select filter {'exclude' if self.exclude else 'include'} {self.kind} {self.pattern!r}"


@dataclass(frozen=True)
class CommandLineSettings:
    """Settings given as options rather than in the config file: selection filters (added to
    the config's) and a template overrides directory (replacing the config's)."""

    select: tuple[SelectFilter, ...] = ()
    templates: Path | None = None

    def apply(self, config: Config) -> Config:
        templates = str(self.templates) if self.templates is not None else config.templates
        return replace(config, select=config.select + self.select, templates=templates)

    def fingerprint(self) -> dict[str, object]:
        """What of these settings shapes the output, for the manifest's config hash ({} when none)."""
        found: dict[str, object] = {}
        if self.select:
            found["select"] = [[f.kind, f.pattern, f.exclude] for f in self.select]
        if self.templates is not None:
            found["templates"] = str(self.templates)
        return found


@dataclass(frozen=True)
class MethodConfig:
    name: str
    http_method: str
    path: str
    paginated: str = ""
    positional: tuple[str, ...] | None = None
    pointer: str = ""


@dataclass(frozen=True)
class ResourceConfig:
    name: str
    class_name: str = ""
    description: str = ""
    methods: tuple[MethodConfig, ...] = ()
    resources: tuple[ResourceConfig, ...] = ()


@dataclass(frozen=True)
class CredentialConfig:
    option: str = ""
    env: str = ""
    test_value: str = ""


@dataclass(frozen=True)
class OptionConfig:
    name: str
    header: str
    env: str = ""
    default: str = ""
    default_date_format: str = ""
    description: str = ""


@dataclass(frozen=True)
class PageConfig:
    name: str
    kind: str
    items_field: str
    page_param: str = ""
    info_field: str = ""
    cursor_param: str = ""
    cursor_path: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """Everything optional: an empty config means "derive it all from the spec"."""

    path: str = ""
    package_name: str = ""
    import_name: str = ""
    version: str = ""
    title: str = ""
    description: str = ""
    client_class: str = ""
    env_prefix: str = ""
    telemetry_prefix: str = ""
    base_url: str = ""
    base_url_env: str = ""
    auth_precedence: tuple[str, ...] = ()
    credentials: tuple[tuple[str, CredentialConfig], ...] = ()
    options: tuple[OptionConfig, ...] = ()
    result_key: str = ""
    errors_key: str = ""
    error_model: str = ""
    pages: tuple[PageConfig, ...] = ()
    resources: tuple[ResourceConfig, ...] = field(default=())
    # Glob patterns, relative to the output directory, of files sdkgen must never write,
    # replace or delete (besides the package's own lib/ directory, which is always kept).
    hand_owned: tuple[str, ...] = ()
    select: tuple[SelectFilter, ...] = ()  # which operations to generate (selection.py); () = all
    templates: str = ""  # directory of template overrides (overrides.py), absolute or relative to cwd

    def credential(self, scheme: str) -> CredentialConfig:
        return dict(self.credentials).get(scheme, CredentialConfig())


def _line_of(text: str, path: list[str | int]) -> int | None:
    """1-based line of the node at `path` in a YAML text (computed only when reporting)."""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    node = value
                    break
            else:
                return node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
    return None if node is None else node.start_mark.line + 1


def _pointer(path: list[str | int]) -> str:
    return join_pointer(path)


def _check_schema(data: object, text: str, file: str, pointer_prefix: str = "") -> None:
    import jsonschema  # a dependency of openapi-spec-validator

    validator = jsonschema.Draft202012Validator(CONFIG_SCHEMA)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            message = error.message.replace("Additional properties are not allowed", "unknown key")
            hint = f"allowed keys here: {', '.join(allowed)}" if allowed else "remove it"
        elif error.validator == "not" and error.instance in keyword.kwlist:
            message = f"{error.instance!r} is a Python keyword and cannot name anything in the SDK"
            hint = f"choose another name, e.g. {error.instance}_"
        elif error.validator == "pattern" and path[:1] == ["select"]:
            message = f"path filter {error.instance!r} is not a path pattern"
            hint = "write a path template or glob starting with '/', optionally after an HTTP method: 'get /pets/*'"
        elif error.validator == "oneOf" and isinstance(error.instance, str):
            message = f"{error.instance!r} is not an endpoint"
            hint = "write it as '<http method> <path>', e.g. 'get /pets/{pet_id}'"
        else:
            message = error.message
            hint = "see docs/config.md for the config format"
        problems.append(
            SpecProblem(
                message=message,
                file=file,
                pointer=pointer_prefix + _pointer(path),
                line=_line_of(text, path) if text else None,
                hint=hint,
                code="config-invalid",
            )
        )
    if problems:
        raise SdkgenError(problems)


def _resource(name: str, raw: dict[str, Any], pointer: str) -> ResourceConfig:
    methods = []
    for method_name, spec in (raw.get("methods") or {}).items():
        endpoint = spec if isinstance(spec, str) else spec["endpoint"]
        http_method, _, path = endpoint.partition(" ")
        positional = None
        if isinstance(spec, dict) and "positional" in spec:
            positional = tuple(spec["positional"])
        methods.append(
            MethodConfig(
                name=method_name,
                http_method=http_method,
                path=path,
                paginated=spec.get("paginated", "") if isinstance(spec, dict) else "",
                positional=positional,
                pointer=f"{pointer}/methods/{method_name}",
            )
        )
    children = tuple(
        _resource(child, body or {}, f"{pointer}/resources/{child}")
        for child, body in (raw.get("resources") or {}).items()
    )
    return ResourceConfig(
        name=name,
        class_name=raw.get("class_name", ""),
        description=raw.get("description", ""),
        methods=tuple(methods),
        resources=children,
    )


def load_config(path: str | Path) -> Config:
    file = str(path)
    if Path(path).name == PYPROJECT and Path(path).is_file():
        found = load_pyproject_config(path)
        if found is None:
            raise SdkgenError.single(
                "pyproject.toml has no [tool.sdkgen] table", file=file, code="config-missing",
                hint="add a [tool.sdkgen] table, or pass an sdkgen.yaml",
            )
        return found
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SdkgenError.single(
            "config file not found", file=file, code="config-missing", hint="check the path given to --config"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SdkgenError.single(f"cannot read config: {exc}", file=file, code="config-unreadable") from None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SdkgenError.single(
            f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
            file=file,
            line=mark.line + 1 if mark else None,
            code="config-yaml",
            hint="fix the YAML syntax at that line",
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SdkgenError.single(
            "the config must be a mapping of keys", file=file, line=1, code="config-invalid", hint="see docs/config.md"
        )
    return config_from_data(data, text, file)


def config_from_data(data: dict[str, Any], text: str, file: str, *, pointer_prefix: str = "") -> Config:
    """Validate a parsed config (from sdkgen.yaml, or pyproject's [tool.sdkgen]) and build it."""
    _check_schema(data, text, file, pointer_prefix)

    package = data.get("package", {})
    client = data.get("client", {})
    auth = client.get("auth", {})
    envelope = data.get("envelope", {})
    return Config(
        path=file,
        package_name=package.get("name", ""),
        import_name=package.get("import_name", ""),
        version=package.get("version", ""),
        title=package.get("title", ""),
        description=package.get("description", ""),
        client_class=client.get("class_name", ""),
        env_prefix=client.get("env_prefix", ""),
        telemetry_prefix=client.get("telemetry_header_prefix", ""),
        base_url=client.get("base_url", ""),
        base_url_env=client.get("base_url_env", ""),
        auth_precedence=tuple(auth.get("precedence", ())),
        credentials=tuple(
            (scheme, CredentialConfig(**(body or {}))) for scheme, body in (auth.get("credentials") or {}).items()
        ),
        options=tuple(OptionConfig(**option) for option in client.get("options", ())),
        result_key=envelope.get("result_key", ""),
        errors_key=envelope.get("errors_key", ""),
        error_model=envelope.get("error_model", ""),
        pages=tuple(
            PageConfig(**{**page, "cursor_path": tuple(page.get("cursor_path", ()))})
            for page in data.get("pagination", ())
        ),
        resources=tuple(
            _resource(name, body or {}, f"/resources/{name}") for name, body in (data.get("resources") or {}).items()
        ),
        hand_owned=tuple(data.get("hand_owned", ())),
        select=_select_filters(data.get("select") or {}, text, file, pointer_prefix),
        templates=_beside(file, data["templates"]) if "templates" in data else "",
    )


def _select_filters(select: dict[str, Any], text: str, file: str, pointer_prefix: str) -> tuple[SelectFilter, ...]:
    filters = []
    for side in ("include", "exclude"):
        for key, kind in SELECT_KINDS.items():
            for index, pattern in enumerate((select.get(side) or {}).get(key) or ()):
                path: list[str | int] = ["select", side, key, index]
                filters.append(SelectFilter(
                    kind=kind, pattern=pattern, exclude=side == "exclude", file=file,
                    pointer=pointer_prefix + _pointer(path), line=_line_of(text, path) if text else None,
                ))
    return tuple(filters)


def _beside(config_file: str, directory: str) -> str:
    """A directory named in the config, relative to the config file's own directory."""
    return str(Path(config_file).parent / Path(directory).expanduser())


def pyproject_has_config(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.sdkgen] table (an unparsable one counts, so that
    loading it reports the error)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True
    tool = document.get("tool")
    return isinstance(tool, dict) and "sdkgen" in tool


def load_pyproject_config(path: str | Path) -> Config | None:
    """The `[tool.sdkgen]` table of a pyproject.toml as a config; None when it has none."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    file = str(path)
    try:
        document = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SdkgenError.single(f"cannot read pyproject.toml: {exc}", file=file, code="config-unreadable") from None
    except tomllib.TOMLDecodeError as exc:
        raise SdkgenError.single(
            f"invalid TOML: {exc}", file=file, code="config-toml", hint="fix the TOML syntax of pyproject.toml"
        ) from None
    table = document.get("tool", {}).get("sdkgen") if isinstance(document.get("tool"), dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise SdkgenError.single("[tool.sdkgen] must be a table", file=file, code="config-invalid", hint="see docs/config.md")
    return config_from_data(table, "", file, pointer_prefix="/tool/sdkgen")
