"""What every part of the IR builder shares: the document, `$ref` lookups and the problem lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ..errors import SdkgenError, SpecProblem
from ..loader import escape_token
from .model import Style
from .schemas import SchemaConverter

# Set by the Swagger 2.0 converter on a parameter or form property whose 2.0 `collectionFormat` has no
# OpenAPI 3 style (`tsv`); the converted document stays valid OpenAPI 3.
COLLECTION_FORMAT_KEY = "x-sdkgen-collection-format"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


escape = escape_token  # one JSON pointer token (RFC 6901)


def operation_pointer(path: str, method: str) -> str:
    return f"/paths/{escape(path)}/{method}"


def server_url(servers: Any) -> str:
    """The first server's URL with its variables' defaults filled in ("" when there is none)."""
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    variables = servers[0].get("variables")
    for name, variable in (variables.items() if isinstance(variables, dict) else ()):
        if isinstance(variable, dict) and "default" in variable:
            url = url.replace("{" + str(name) + "}", str(variable["default"]))
    return url


@dataclass
class SpecContext:
    data: dict[str, Any]
    file: str
    warnings: list[SpecProblem] = field(default_factory=list)
    errors: list[SpecProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.schemas = SchemaConverter(self.resolve)

    def resolve(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise SdkgenError.single(
                f"unresolved external $ref {ref!r}", file=self.file, code="ref-external", hint="bundle the spec first"
            )
        node: Any = self.data
        for raw in ref[1:].split("/")[1:]:
            token = unquote(raw).replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise SdkgenError.single(
                    f"unresolved $ref {ref!r}", file=self.file, code="ref-unresolved", hint="fix the reference"
                )
        return node

    def deref(self, node: Any) -> Any:
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            if node["$ref"] in seen:
                break
            seen.add(node["$ref"])
            node = self.resolve(node["$ref"])
        return node

    def problem(self, message: str, pointer: str, hint: str, code: str, *, file: str = "") -> SpecProblem:
        return SpecProblem(message=message, file=file or self.file, pointer=pointer, hint=hint, code=code)

    def warn(self, message: str, pointer: str, hint: str, code: str) -> None:
        self.warnings.append(
            SpecProblem(message=message, file=self.file, pointer=pointer, hint=hint, code=code, severity="warning")
        )

    def operations(self) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
        """(path, method, path item, operation) for every operation of the document, in order."""
        found = []
        for path, path_item in (self.data.get("paths") or {}).items():
            path_item = self.deref(path_item)
            if not isinstance(path_item, dict):
                continue
            for method in HTTP_METHODS:
                op = path_item.get(method)
                if isinstance(op, dict):
                    found.append((str(path), method, path_item, op))
        return found


_STYLES = {style.value: style for style in Style if style is not Style.TAB_DELIMITED}


def style_of(owner: dict[str, Any], default: Style, where: str, ctx: SpecContext) -> tuple[Style, bool]:
    """(style, explode) of a parameter or an `encoding` entry; an unknown style is a warning."""
    raw = owner.get("style")
    style = default
    if owner.get(COLLECTION_FORMAT_KEY) == "tsv":
        style = Style.TAB_DELIMITED
    elif isinstance(raw, str) and raw in _STYLES:
        style = _STYLES[raw]
    elif raw is not None:
        ctx.warn(f"unknown parameter style {raw!r}; {style.value!r} used", f"{where}/style", "", "param-style")
    explode = owner.get("explode")
    return style, explode if isinstance(explode, bool) else style is Style.FORM
