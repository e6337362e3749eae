"""Security schemes -> the client's credential options; security requirements -> scheme names."""

from __future__ import annotations

import re
from typing import Any

from ..config import Config
from .context import SpecContext, escape
from .model import AuthScheme, PackageInfo
from .naming import RESERVED_ON_CLIENT, NameRequest, allocate, snake_case

# RFC 9110 field names (and cookie names): anything else could split or forge headers.
HTTP_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def requirement(raw: Any, schemes: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    """A `security` list as alternatives of scheme names; `[]` (no auth) stays `()`.

    An empty alternative (`{}`) means anonymous access is allowed and is kept as `()`
    inside the tuple, so `({"a"}, {})` reads "a if it is set, else nothing".
    """
    if not isinstance(raw, list):
        return ()
    return tuple(tuple(str(name) for name in req if name in schemes) for req in raw if isinstance(req, dict))


def operation_security(
    ctx: SpecContext, op: dict[str, Any]
) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """The operation's effective requirement and whether it overrides the document's."""
    schemes = (ctx.data.get("components") or {}).get("securitySchemes") or {}
    document = requirement(ctx.data.get("security"), schemes)
    if "security" not in op:
        return document, False
    own = requirement(op.get("security"), schemes)
    return own, own != document


def build_auth(ctx: SpecContext, config: Config, package: PackageInfo) -> tuple[AuthScheme, ...]:
    raw = (ctx.data.get("components") or {}).get("securitySchemes") or {}
    if not isinstance(raw, dict):
        return ()
    requirements = [r for r in ctx.data.get("security") or [] if isinstance(r, dict)]
    for _path, _method, _item, op in ctx.operations():
        requirements.extend(r for r in op.get("security") or [] if isinstance(r, dict))
    order = [name for req in requirements for name in req if name in raw]
    order += [name for name in raw if name not in order]
    precedence = [n for n in config.auth_precedence if n in raw]
    for unknown in (n for n in config.auth_precedence if n not in raw):
        ctx.errors.append(
            ctx.problem(
                f"auth precedence names {unknown!r}, which is not a security scheme of the spec",
                "/client/auth/precedence",
                f"use one of: {', '.join(raw) or '(none)'}",
                "config-unknown-scheme",
                file=config.path,
            )
        )
    precedence += [n for n in dict.fromkeys(order) if n not in precedence]

    option_of, renamed = allocate(
        (
            NameRequest(
                name,
                name,
                f"/components/securitySchemes/{escape(name)}",
                config.credential(name).option or snake_case(name, fallback="credential"),
                rank=0 if config.credential(name).option else 1,
            )
            for name in precedence
        ),
        reserved=RESERVED_ON_CLIENT,
        what="security scheme",
        file=ctx.file,
    )
    ctx.warnings.extend(renamed)

    schemes = []
    for name in precedence:
        scheme = ctx.deref(raw[name])
        if not isinstance(scheme, dict):
            continue
        kind = str(scheme.get("type", ""))
        pointer = f"/components/securitySchemes/{escape(name)}"
        if kind == "apiKey":
            location, param, prefix, flavor = str(scheme.get("in", "header")), str(scheme.get("name", "")), "", "api_key"
        elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            location, param, prefix, flavor = "header", "Authorization", "Basic ", "basic"
        elif kind == "http":
            word = str(scheme.get("scheme", "bearer"))
            location, param, prefix, flavor = "header", "Authorization", f"{word.capitalize()} ", "bearer"
        elif kind in ("oauth2", "openIdConnect"):
            location, param, prefix, flavor = "header", "Authorization", "Bearer ", "bearer"
        else:
            ctx.warn(f"security scheme type {kind!r} is not supported; ignored", pointer, "", "auth-skip")
            continue
        if location not in ("header", "query", "cookie") or not param:
            ctx.warn("apiKey scheme without a usable name/in; ignored", pointer, "", "auth-skip")
            continue
        if location != "query" and not HTTP_TOKEN.fullmatch(param):
            ctx.warn(f"{location} name {param!r} is not a valid HTTP token (no spaces, quotes, CR/LF...); scheme ignored",
                     f"{pointer}/name", "fix the name in the spec", "auth-skip")
            continue
        group: tuple[str, ...] = ()
        for req in requirements:
            if name in req and len(req) > 1:
                group = tuple(option_of[n] for n in req if n in option_of and n != name)
                break
        option = option_of[name]
        schemes.append(
            AuthScheme(
                name=name,
                option=option,
                env_var=config.credential(name).env or f"{package.env_prefix}_{option.upper()}",
                location=location,
                param_name=param,
                value_prefix=prefix,
                kind=flavor,
                description=str(scheme.get("description") or "").strip(),
                group=group,
            )
        )
    return tuple(schemes)
