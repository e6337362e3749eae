"""SurfaceDiff -> text for a terminal, Markdown for a pull-request comment, or JSON for tools.

Everything shown comes from the spec (names, enum values, paths), so Markdown escapes it:
a spec cannot break the table, open an HTML tag or end a code span.
"""

from __future__ import annotations

import json

from .diff import BREAKING, NON_BREAKING, NOTE, SEVERITIES, Change, SurfaceDiff

_TITLES = {BREAKING: "Breaking changes", NON_BREAKING: "Non-breaking changes", NOTE: "Notes"}
FORMATS = ("text", "markdown", "json")


def summary_line(diff: SurfaceDiff) -> str:
    counts = [f"{diff.count(s)} {s}" if s != NOTE else f"{diff.count(s)} note{'s' if diff.count(s) != 1 else ''}" for s in SEVERITIES]
    return ", ".join(counts)


def _where(change: Change) -> str:
    if change.old_pointer and change.old_pointer == change.new_pointer:
        return f"at {change.old_pointer}"
    parts = []
    if change.old_pointer:
        parts.append(f"old {change.old_pointer}")
    if change.new_pointer:
        parts.append(f"new {change.new_pointer}")
    return "; ".join(parts)


def _one_line(text: str) -> str:
    """Spec text (paths in pointers, descriptions) cannot start a new report line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def as_text(diff: SurfaceDiff) -> str:
    lines = []
    for change in diff.changes:
        line = f"{change.severity}: {change.symbol}: {change.message}"
        if change.also:
            line += f" (also {', '.join(change.also)})"
        where = _where(change)
        lines.append(_one_line(line + (f"  [{where}]" if where else "")))
    lines.append(f"{diff.old_name} -> {diff.new_name}: {summary_line(diff)}" if diff.changes else
                 f"{diff.old_name} -> {diff.new_name}: no changes to the SDK surface")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _code(text: str) -> str:
    if not text:
        return ""
    fence = "``" if "`" in text else "`"
    body = " ".join(text.split()).replace("|", "\\|")
    return f"{fence} {body} {fence}" if fence == "``" else f"`{body}`"


def as_markdown(diff: SurfaceDiff) -> str:
    counts = {s: diff.count(s) for s in SEVERITIES}
    head = "### SDK surface diff"
    if not diff.changes:
        return f"{head}\n\nNo changes to the SDK surface ({_escape(diff.old_name)} → {_escape(diff.new_name)}).\n"
    verdict = "⚠️ **breaking changes**" if counts[BREAKING] else "✅ no breaking changes"
    lines = [
        head,
        "",
        f"{verdict}: **{counts[BREAKING]}** breaking, **{counts[NON_BREAKING]}** non-breaking, **{counts[NOTE]}** "
        f"note{'s' if counts[NOTE] != 1 else ''} ({_escape(diff.old_name)} → {_escape(diff.new_name)})",
    ]
    for severity in SEVERITIES:
        changes = diff.of(severity)
        if not changes:
            continue
        lines += ["", f"#### {_TITLES[severity]} ({len(changes)})", "", "| Symbol | Change | Old spec | New spec |", "|---|---|---|---|"]
        for change in changes:
            message = _escape(change.message)
            if change.also:
                message += f" (also {', '.join(_code(s) for s in change.also)})"
            lines.append(
                f"| {_code(change.symbol)} | {message} | {_code(change.old_pointer)} | {_code(change.new_pointer)} |"
            )
    return "\n".join(lines) + "\n"


def as_json(diff: SurfaceDiff) -> str:
    body = {
        "old": diff.old_name,
        "new": diff.new_name,
        "summary": {s: diff.count(s) for s in SEVERITIES},
        "changes": [
            {
                "severity": c.severity,
                "code": c.code,
                "symbol": c.symbol,
                "message": c.message,
                "old_pointer": c.old_pointer,
                "new_pointer": c.new_pointer,
                "also": list(c.also),
            }
            for c in diff.changes
        ],
    }
    return json.dumps(body, indent=2) + "\n"


def render_diff(diff: SurfaceDiff, format: str) -> str:
    return {"text": as_text, "markdown": as_markdown, "json": as_json}[format](diff)
