"""Swagger 2.0 documents are converted in-process: generated, called over the wire, located."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

from tests.breadth.loopback import Loopback, generate_and_import
from tests.conftest import ROOT

SWAGGER: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Old Pets", "version": "1"},
    "host": "pets.example.com",
    "basePath": "/v1",
    "schemes": ["https"],
    "consumes": ["application/json"],
    "produces": ["application/json"],
    "securityDefinitions": {
        "key": {"type": "apiKey", "in": "query", "name": "api_key"},
        "login": {"type": "basic"},
    },
    "security": [{"login": []}],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "parameters": [
                    {"name": "ids", "in": "query", "type": "array", "items": {"type": "integer"}, "collectionFormat": "csv"},
                    {"name": "tag", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"},
                    {"name": "tabs", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"},
                ],
                "responses": {"200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}}},
            },
            "post": {
                "operationId": "createPet",
                "tags": ["pets"],
                "security": [{"key": []}],
                "parameters": [{"name": "pet", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Pet"}}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}},
            },
        },
        "/pets/search": {
            "post": {
                "operationId": "searchPets",
                "tags": ["pets"],
                "consumes": ["application/x-www-form-urlencoded"],
                "parameters": [
                    {"name": "names", "in": "formData", "type": "array", "items": {"type": "string"}},
                    {"name": "kinds", "in": "formData", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"},
                    {"name": "tabs", "in": "formData", "type": "array", "items": {"type": "string"}, "collectionFormat": "tsv"},
                    {"name": "pipes", "in": "formData", "type": "array", "items": {"type": "string"}, "collectionFormat": "pipes"},
                ],
                "responses": {"204": {"description": "found"}},
            }
        },
        "/pets/{petId}/photo": {
            "post": {
                "operationId": "uploadPhoto",
                "tags": ["pets"],
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"name": "petId", "in": "path", "required": True, "type": "integer"},
                    {"name": "caption", "in": "formData", "type": "string"},
                    {"name": "photo", "in": "formData", "type": "file", "required": True},
                ],
                "responses": {"204": {"description": "stored"}},
            }
        },
    },
    "definitions": {
        "Pet": {"type": "object", "required": ["name"],
                "properties": {"name": {"type": "string"}, "nick": {"type": "string", "x-nullable": True}}},
    },
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return generate_and_import(SWAGGER, tmp_path_factory.mktemp("swagger2") / "sdk", "old_pets")()


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with Loopback() as loopback:
        yield loopback


def test_swagger2_calls_on_the_wire(sdk: ModuleType, server: Loopback) -> None:
    client = sdk.Client(login="user:pw", key="k", base_url=server.url + "/v1", max_retries=0)
    server.reply("GET", "/v1/pets", [{"name": "rex", "nick": None}])
    [pet] = client.pets.list_pets(ids=[1, 2], tag=["a", "b"])
    assert pet.name == "rex" and pet.nick is None
    assert server.last.query == [("ids", "1,2"), ("tag", "a"), ("tag", "b")]
    assert server.last.headers["authorization"].startswith("Basic ")

    client.pets.create_pet(name="rex")
    assert json.loads(server.last.body) == {"name": "rex"}
    assert server.last.query == [("api_key", "k")] and "authorization" not in server.last.headers

    client.pets.upload_photo(pet_id=7, photo=("p.jpg", b"\xff\xd8", "image/jpeg"), caption="hi")
    assert server.last.path == "/v1/pets/7/photo"
    assert server.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'filename="p.jpg"' in server.last.body and b"\xff\xd8" in server.last.body


def test_swagger2_collection_formats(sdk: ModuleType, server: Loopback) -> None:
    """tsv is tab-separated in the query and in forms; formData arrays default to csv, as 2.0 says."""
    client = sdk.Client(login="user:pw", base_url=server.url + "/v1", max_retries=0)
    server.reply("GET", "/v1/pets", [])
    client.pets.list_pets(tabs=["a", "b c"])
    assert server.last.query == [("tabs", "a\tb c")]
    client.pets.search_pets(names=["x", "y"], kinds=["k", "l"], tabs=["t", "u"], pipes=["p", "q"])
    assert server.last.body == b"names=x%2Cy&kinds=k&kinds=l&tabs=t%09u&pipes=p%7Cq"


def test_swagger2_default_base_url(sdk: ModuleType) -> None:
    assert str(sdk.Client(login="u:p").base_url) == "https://pets.example.com/v1/"


def test_swagger2_problems_point_into_the_2_0_file(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(SWAGGER))
    broken["definitions"]["Pet"]["properties"]["name"]["type"] = 5
    path = tmp_path / "old.json"
    path.write_text(json.dumps(broken, indent=1))
    result = subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", "validate", str(path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if '"type": 5' in text)
    assert f"{path}:{line}: error [spec-invalid]: at /definitions/Pet/properties/name/type:" in result.stderr
