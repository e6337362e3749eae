"""Synthetic specs for the scaling curve: a real spec with its operations cloned K times.

Copy k (2..K) of every path `/x` is `/v{k}/x`; its operationIds get the suffix `-v{k}` and its
tags become `<tag>-v{k}` (declared in the top-level `tags` when the spec declares its tags), so
each copy is a new set of resources and methods, as a K-times larger API would have. Component
schemas are shared by all copies. Deterministic: the same input and K give the same document.
"""

from __future__ import annotations

import copy
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def count_operations(spec: dict[str, Any]) -> int:
    return sum(
        1
        for item in spec.get("paths", {}).values()
        if isinstance(item, dict)
        for method in HTTP_METHODS
        if isinstance(item.get(method), dict)
    )


def _renamed(item: dict[str, Any], suffix: str) -> dict[str, Any]:
    clone = copy.deepcopy(item)
    for method in HTTP_METHODS:
        operation = clone.get(method)
        if not isinstance(operation, dict):
            continue
        if isinstance(operation.get("operationId"), str):
            operation["operationId"] += suffix
        if isinstance(operation.get("tags"), list):
            operation["tags"] = [f"{tag}{suffix}" if isinstance(tag, str) else tag for tag in operation["tags"]]
    return clone


def scale_spec(spec: dict[str, Any], factor: int) -> dict[str, Any]:
    """`spec` with `factor` times its operations (factor 1: an unchanged copy)."""
    if factor < 1:
        raise ValueError(f"factor must be at least 1, got {factor}")
    scaled = copy.deepcopy(spec)
    paths: dict[str, Any] = scaled.get("paths", {})
    originals = list(paths.items())
    declared = scaled.get("tags")
    extra_tags: list[Any] = []
    for k in range(2, factor + 1):
        suffix = f"-v{k}"
        for url, item in originals:
            if isinstance(item, dict):
                paths[f"/v{k}{url}"] = _renamed(item, suffix)
        if isinstance(declared, list):
            extra_tags += [
                {**tag, "name": f"{tag['name']}{suffix}"}
                for tag in declared
                if isinstance(tag, dict) and isinstance(tag.get("name"), str)
            ]
    if isinstance(declared, list):
        scaled["tags"] = declared + extra_tags
    title = scaled.get("info", {}).get("title", "API")
    if factor > 1 and isinstance(scaled.get("info"), dict):
        scaled["info"]["title"] = f"{title} x{factor}"
    return scaled
