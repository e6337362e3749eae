"""The surface model lists exactly what the generated code defines.

Every resource, method, parameter (name, kind, default, annotation), return type, model and
field the surface lists is looked up in the generated package with `inspect`, so the model
cannot drift from what the templates render.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest


from generator.pipeline import generate, surface_of
from generator.surface.model import (
    BinaryResponse,
    ClassRef,
    LiteralOf,
    OptionalOf,
    StreamOf,
    Surface,
    annotation_text,
)
from tests.conftest import CLOUDFLARE_SPEC, ROOT, SHARED

EXTRAS = ("extra_headers", "extra_query", "extra_body", "timeout")

# A spec with what the seed lacks: enums, a nullable param, an inline nested object, a
# nullable component behind a $ref, an array response (an alias), a whole-body argument.
SHAPES_SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Shapes", "version": "1"},
    "paths": {
        "/pets/{pet_id}": {
            "put": {
                "operationId": "updatePet",
                "tags": ["pets"],
                "parameters": [
                    {"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["fast", "safe"]}},
                ],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["cat", "dog"]},
                        "tag": {"type": "string", "nullable": True},
                        "owner": {"type": "object", "properties": {"name": {"type": "string"}}},
                        "scores": {"type": "array", "items": {"type": "integer"}},
                    },
                }}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Pet"}}}}},
            }
        },
        "/pets/{pet_id}/photo": {"get": {
            "operationId": "getPhoto", "tags": ["pets"],
            "parameters": [{"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the photo", "content": {"image/png": {
                "schema": {"type": "string", "format": "binary"}}}}},
        }},
        "/pets/events": {"get": {
            "operationId": "watchPets", "tags": ["pets"],
            "responses": {"200": {"description": "changes", "content": {"text/event-stream": {
                "schema": {"type": "object", "properties": {"pet_id": {"type": "string"}}}}}}},
        }},
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "parameters": [{"name": "limit", "in": "query", "required": True, "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}}},
            },
            "post": {
                "operationId": "addPets",
                "tags": ["pets"],
                "requestBody": {"content": {"application/json": {"schema": {
                    "type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}},
                "responses": {"204": {"description": "done"}},
            },
        },
    },
    "components": {"schemas": {"Pet": {
        "type": "object", "required": ["id", "status"],
        "properties": {
            "id": {"type": "string"},
            "status": {"type": "string", "enum": ["available", "sold"]},
            "born": {"type": "string", "format": "date-time"},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "owner": {"type": "object", "nullable": True, "properties": {"name": {"type": "string"}}},
            "tag": {"$ref": "#/components/schemas/Tag"},
        },
    }, "Tag": {"type": "object", "nullable": True, "properties": {"label": {"type": "string"}}}}},
}


def _same(actual: object, expected: str) -> bool:
    """Annotations compared as expressions (the interpreter re-quotes string literals)."""
    return ast.dump(ast.parse(str(actual), mode="eval")) == ast.dump(ast.parse(expected, mode="eval"))


def _import(src: Path, name: str) -> ModuleType:
    if str(src) not in sys.path:
        sys.path.insert(0, str(src))
    module = importlib.import_module(name)
    assert Path(module.__file__ or "").resolve().is_relative_to(src.resolve()), module.__file__
    return module


def _parents(surface: Surface, package: str) -> Iterator[tuple[type, str, str]]:
    """(class holding the attribute, attribute, resource class path) for the whole tree."""
    client = getattr(importlib.import_module(f"{package}._client"), surface.client.class_name)
    stack = [(client, r) for r in surface.resources]
    while stack:
        holder, resource = stack.pop()
        module = importlib.import_module(f"{package}.{resource.module}")
        yield holder, resource.attr, f"{package}.{resource.module}.{resource.class_name}"
        cls = getattr(module, resource.class_name)
        stack.extend((cls, child) for child in resource.children)


def assert_surface_is_rendered(surface: Surface, src: Path) -> int:
    """Check every surface element against the generated package; return how many were checked."""
    package = surface.import_name
    _import(src, package)
    types_mod = importlib.import_module(f"{package}._types")
    checked = 0
    for holder, attr, where in _parents(surface, package):
        assert attr in vars(holder), f"{holder.__name__} has no resource attribute {attr} ({where})"
        checked += 1
    for resource, method in surface.all_methods():
        module = importlib.import_module(f"{package}.{resource.module}")
        for class_name, sync in ((resource.class_name, True), (resource.async_class_name, False)):
            signature = inspect.signature(getattr(getattr(module, class_name), method.name))
            params = [p for name, p in signature.parameters.items() if name != "self" and name not in EXTRAS]
            assert [p.name for p in params] == [p.name for p in method.params], method.symbol
            for actual, listed in zip(params, method.params):
                expected_kind = (
                    inspect.Parameter.POSITIONAL_OR_KEYWORD if listed.positional else inspect.Parameter.KEYWORD_ONLY
                )
                assert actual.kind == expected_kind, (method.symbol, listed.name)
                text = annotation_text(listed.annotation)
                if listed.required:
                    assert actual.default is inspect.Parameter.empty, (method.symbol, listed.name)
                    assert _same(actual.annotation, text), (method.symbol, listed.name)
                else:
                    assert actual.default is types_mod.omit, (method.symbol, listed.name)
                    assert _same(actual.annotation, f"{text} | Omit"), (method.symbol, listed.name)
                checked += 1
            assert _same(signature.return_annotation, annotation_text(method.returns, sync=sync)), method.symbol
            checked += 1
    for model in surface.models:
        defined = getattr(importlib.import_module(f"{package}.{model.module}"), model.name)
        if model.kind == "alias":
            assert not isinstance(defined, type) or not hasattr(defined, "model_fields"), model.qualname
        elif model.kind == "params":
            assert set(defined.__annotations__) == {f.name for f in model.fields}, model.qualname
            # the module uses `from __future__ import annotations`: Required[...] stays a string
            required = {name for name, text in defined.__annotations__.items()
                        if str(getattr(text, "__forward_arg__", text)).startswith("Required[")}
            assert required == {f.name for f in model.fields if f.required}, model.qualname
        else:
            fields = defined.model_fields
            assert list(fields) == [f.name for f in model.fields], model.qualname
            for field in model.fields:
                assert fields[field.name].alias in (None, field.wire_name) or field.name == field.wire_name
                assert fields[field.name].is_required() == field.required, (model.qualname, field.name)
        checked += 1
    client_module = importlib.import_module(f"{package}._client")
    for class_name in (surface.client.class_name, surface.client.async_class_name):
        init = inspect.signature(getattr(client_module, class_name).__init__)
        for option in surface.client.options:
            assert init.parameters[option.name].kind == inspect.Parameter.KEYWORD_ONLY, option.name
            assert init.parameters[option.name].default is None, option.name
            checked += 1
    return checked


def test_seed_surface_matches_generated_code() -> None:
    surface = surface_of(CLOUDFLARE_SPEC)
    checked = assert_surface_is_rendered(surface, ROOT / "generated" / "cloudflare" / "src")
    assert checked > 40
    update = next(m for _, m in surface.all_methods() if m.symbol == "client.iam.resource_groups.update")
    assert [p.name for p in update.params if p.positional] == ["resource_group_id"]
    name = update.param("name")
    assert name is not None and not name.required and name.default == "omit"
    assert name.pointer == "/components/schemas/iam_request_update_resource_group/properties/name"
    assert update.pointer == "/paths/~1accounts~1{account_id}~1iam~1resource_groups~1{resource_group_id}/put"


def test_shapes_surface_matches_generated_code(tmp_path: Path) -> None:
    spec = tmp_path / "shapes.json"
    spec.write_text(json.dumps(SHAPES_SPEC))
    out = tmp_path / "sdk"
    generate(spec, out, package_name="surfaceshapes")
    surface = surface_of(spec, package_name="surfaceshapes")
    assert assert_surface_is_rendered(surface, out / "src") > 15
    methods = {m.symbol: m for _, m in surface.all_methods()}
    update = methods["client.pets.update_pet"]
    kind = update.param("kind")
    assert kind is not None and kind.annotation == LiteralOf(("cat", "dog")) and kind.required
    tag = update.param("tag")
    assert tag is not None and isinstance(tag.annotation, OptionalOf)
    owner = update.param("owner")
    assert owner is not None and isinstance(owner.annotation, ClassRef) and owner.annotation.name == "Owner"
    enums = {e.symbol: e.values for e in surface.enums()}
    assert enums["client.pets.update_pet(mode=)"] == ("fast", "safe")
    assert any(symbol.endswith(".status") and values == ("available", "sold") for symbol, values in enums.items())
    assert isinstance(methods["client.pets.get_photo"].returns, BinaryResponse)
    assert isinstance(methods["client.pets.watch_pets"].returns, StreamOf)
    tag_classes = [m for m in surface.models if m.pointer == "/components/schemas/Tag"]
    assert tag_classes and all([f.name for f in m.fields] == ["label"] for m in tag_classes)
    aliases = [m for m in surface.models if m.kind == "alias"]
    assert aliases and aliases[0].alias_of is not None


CORPUS_SPECS = [
    "edge/3.0-petstore.json", "edge/3.1-petstore.json", "edge/3.0-discriminators.json", "edge/3.0-polymorphism.json",
    "edge/3.0-complex-nesting.json", "edge/3.0-circular.json", "edge/3.0-parameters-style.json",
    "real/notion.com.json", "real/mux.com.json", "real/okta.local.json", "real/spinitron.com.json",
    "real/rentcast.io.json", "real/twilio.com__twilio_numbers_v2.json", "real/apideck.com__accounting.json",
    "real/enode.io.json",  # an enum of objects: widened to its base type
]


@pytest.mark.slow
@pytest.mark.parametrize("relative", CORPUS_SPECS)
def test_corpus_surface_matches_generated_code(relative: str, tmp_path: Path) -> None:
    spec = SHARED / "corpus" / relative
    if not spec.is_file():
        pytest.skip("corpus not available")
    name = "surface_" + "".join(c if c.isalnum() else "_" for c in Path(relative).stem.lower())
    generate(spec, tmp_path / "sdk", package_name=name)
    assert assert_surface_is_rendered(surface_of(spec, package_name=name), tmp_path / "sdk" / "src") > 0
