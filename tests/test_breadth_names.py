"""Names without a config: a tag that collides with a credential option, and short package names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ir.naming import title_class_name, title_dist_name
from generator.pipeline import generate_files
from tests.breadth.loopback import Loopback, generate_and_import
from tests.conftest import ROOT

# appwrite.io's shape: a security scheme `Locale` (credential option `locale`) and a tag `locale`.
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Appwrite", "version": "1"},
    "servers": [{"url": "https://api.example.test"}],
    "security": [{"Project": [], "Locale": []}],
    "components": {
        "securitySchemes": {
            "Project": {"type": "apiKey", "in": "header", "name": "X-Project"},
            "Locale": {"type": "apiKey", "in": "header", "name": "X-Locale"},
        }
    },
    "paths": {
        "/locale": {
            "get": {
                "operationId": "localeGet",
                "tags": ["locale"],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object", "properties": {"ip": {"type": "string"}}}}},
                    }
                },
            }
        }
    },
}


def test_tag_renamed_off_a_credential_option_with_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(SPEC))
    generated = generate_files(spec)
    assert [r.attr_name for r in generated.api.resources] == ["locale_"]
    assert sorted(s.option for s in generated.api.auth) == ["locale", "project"]
    warning = next(w for w in generated.warnings if w.code == "name-collision")
    assert warning.pointer == "/paths/~1locale/get/tags/0"
    assert "tag 'locale' would be 'locale', which is already the credential option of security scheme 'Locale'" in warning.message
    assert "named 'locale_'" in warning.message
    assert "client.auth.credentials.Locale.option" in warning.hint


def test_renamed_tag_resource_and_its_credential_both_work_on_the_wire(tmp_path: Path) -> None:
    load = generate_and_import(SPEC, tmp_path / "sdk", "names_locale_sdk")
    sdk = load()
    with Loopback() as server:
        server.reply("GET", "/locale", {"ip": "127.0.0.1"})
        client = sdk.Appwrite(project="p1", locale="de", base_url=server.url, max_retries=0)
        assert client.locale == "de"
        result = client.locale_.get()  # the tag's word is not repeated in the method name
        assert result.ip == "127.0.0.1"
        assert server.last.path == "/locale"
        assert server.last.headers["x-locale"] == "de" and server.last.headers["x-project"] == "p1"


@pytest.mark.parametrize(
    "title, dist",
    [
        ("GitHub's official OpenAPI spec + Octokit extension", "github"),
        ("Swagger Petstore - OpenAPI 3.0", "swagger-petstore"),
        ("Service Fabric Client APIs", "service-fabric-client"),
        ("Users (Okta API)", "users-okta"),
        ("Twilio - Numbers", "twilio-numbers"),
        ("Fulfillment.com APIv2", "fulfillment"),
        ("The Racing API", "racing"),
        ("Spinitron v2 API", "spinitron"),
        ("DocuSign REST API", "docusign-rest"),
        ("Numbers API", "numbers-api"),  # `numbers` would shadow the standard library's
        ("HTTPX", "httpx-api"),  # ... or a dependency
        ("API v1.0.0", "api"),  # only boilerplate: its first word stays
        ("カラーミーショップアプリストア API", "api"),
        ("", "api"),
        ("Wowza Streaming Cloud REST API Reference Documentation", "wowza-streaming-cloud"),
        ("Supercalifragilisticexpialidociousandmoreandmoreandmore Words", "supercalifragilisticexpialidociousandmor"),
    ],
)
def test_dist_name_from_title(title: str, dist: str) -> None:
    assert title_dist_name(title) == dist
    assert len(title_dist_name(title)) <= 40


@pytest.mark.parametrize(
    ("title", "cls"),
    [
        ("GitHub's official OpenAPI spec + Octokit extension", "GitHub"),  # brands keep their case
        ("Swagger Petstore - OpenAPI 3.0", "SwaggerPetstore"),
        ("DocuSign REST API", "DocuSignREST"),
        ("mux.com API", "Mux"),
        ("API v1.0.0", "API"),  # only boilerplate: its first word stays
        ("3.0 petstore", "Petstore"),
        ("", "Client"),
        ("class", "Class"),
    ],
)
def test_client_class_from_title(title: str, cls: str) -> None:
    assert title_class_name(title) == cls
    assert cls.isidentifier()


def test_package_named_from_the_title(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps({**SPEC, "info": {"title": "GitHub's official OpenAPI spec + Octokit extension", "version": "1"}}))
    package = generate_files(spec).api.package
    assert (package.dist_name, package.import_name, package.env_prefix) == ("github", "github", "GITHUB")


def test_generated_tests_route_a_path_example_with_a_slash(tmp_path: Path) -> None:
    """The generated mock server decodes each path segment on its own: an example `a/b;c` for a path
    parameter is sent as one segment (`a%2Fb%3Bc`) and must still reach its route (royalmail.com)."""
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Slashes", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            "/orders/{ids}/label": {
                "get": {
                    "operationId": "getLabel",
                    "tags": ["labels"],
                    "parameters": [{"name": "ids", "in": "path", "required": True, "schema": {"type": "string"},
                                    "example": "/orders/\"ref\";1001/"}],
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}},
                }
            }
        },
    }
    out = tmp_path / "sdk"
    generate_and_import(spec, out, "slashes_sdk")
    assert """ids='/orders/"ref";1001/'""" in (out / "tests" / "api_resources" / "test_labels.py").read_text()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/api_resources/test_labels.py"],
        cwd=out, env={**os.environ, "PYTHONPATH": str(out / "src")}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_generated_tests_skip_examples_the_runtime_refuses_to_send(tmp_path: Path) -> None:
    """A header example ending in a newline (openbankingproject.ch's `Signature`) or a path example
    `..` is refused by the runtime before any request; the generated tests use a value it sends."""
    operation = {
        "operationId": "getLabel",
        "tags": ["labels"],
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "example": ".."},
            {"name": "Signature", "in": "header", "required": True, "schema": {"type": "string"},
             "example": 'keyId="SN=9FA1",algorithm="rsa-sha256"\n'},
            {"name": "Tags", "in": "header", "schema": {"type": "array", "items": {"type": "string"}},
             "example": ["a", "b\r\nX-Injected: 1"]},
            {"name": "q", "in": "query", "schema": {"type": "string"}, "example": "line\nbreak"},
        ],
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}},
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Refused examples", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {"/labels/{id}": {"get": operation}},
    }
    out = tmp_path / "sdk"
    generate_and_import(spec, out, "refused_examples_sdk")
    tests = (out / "tests" / "api_resources" / "test_labels.py").read_text()
    assert "rsa-sha256" not in tests and "X-Injected" not in tests and "id=\"..\"" not in tests
    assert 'q="line\\nbreak"' in tests  # a query value may hold a newline: it is percent-encoded
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/api_resources/test_labels.py"],
        cwd=out, env={**os.environ, "PYTHONPATH": str(out / "src")}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_recursive_classes_of_the_same_name_in_two_modules_parse_into_their_own(tmp_path: Path) -> None:
    """Responses that each define a recursive class `Object` (squareup's CatalogObject, whose
    `item_data.variations` are CatalogObjects again): parsing one must not make another's nested
    values instances of the first module's class. A quoted `List["Object"]` is one typing-cached
    ForwardRef shared by every such module; modules with a cycle postpone annotations instead."""
    catalog_object = {"type": "object", "properties": {
        "id": {"type": "string"},
        "item_data": {"type": "object", "properties": {
            "name": {"type": "string"},
            "variations": {"type": "array", "items": {"$ref": "#/components/schemas/CatalogObject"}}}}}}

    def op(op_id: str) -> dict[str, Any]:
        return {"operationId": op_id, "tags": ["catalog"], "responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "objects": {"type": "array", "items": {"$ref": "#/components/schemas/CatalogObject"}}}}}}}}}

    names = ["list_objects", "search_objects", "batch_retrieve", "retrieve_many", "export_objects"]
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Catalog", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {f"/{name}": {"post": op(name)} for name in names},
        "components": {"schemas": {"CatalogObject": catalog_object}},
    }
    out = tmp_path / "sdk"
    generate_and_import(spec, out, "recursive_catalog_sdk")
    assert 'List["Object"]' not in (out / "src" / "recursive_catalog_sdk" / "types" / "catalog_list_objects_response.py").read_text()
    payload = {"objects": [{"id": "o1", "item_data": {"name": "n", "variations": [{"id": "v1", "item_data": {"variations": []}}]}}]}
    script = f"""
import asyncio, sys
import recursive_catalog_sdk as sdk
from tests.breadth.loopback import Loopback
with Loopback() as server:
    client = sdk.Catalog(base_url=server.url, max_retries=0)
    aclient = sdk.AsyncCatalog(base_url=server.url, max_retries=0)
    calls = [getattr(client.catalog, name) for name in {names!r}]
    calls += [lambda name=name: asyncio.run(getattr(aclient.catalog, name)()) for name in {names!r}]
    for name, call in zip({names!r} * 2, calls):
        server.reply("POST", "/" + name, {payload!r})
        result = call()
        module = sys.modules[type(result).__module__]
        variation = result.objects[0].item_data.variations[0]
        assert isinstance(variation, module.Object), (name, type(variation).__module__, module.__name__)
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([str(out / "src"), str(ROOT)])})
    assert done.returncode == 0, done.stderr[-3000:]
