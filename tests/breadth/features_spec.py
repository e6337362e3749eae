"""One OpenAPI document exercising the constructs of issue 13, for the functional tests."""

from __future__ import annotations

from typing import Any

_PET_TYPES = {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "tags": ["things"], "responses": {"200": {"description": "ok"}}, **extra}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Features", "version": "1.0.0"},
    "servers": [{"url": "/api/v3"}],
    "security": [{"bearer": []}],
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "queryKey": {"type": "apiKey", "in": "query", "name": "api_key"},
        },
        "schemas": {
            "Cat": {
                "type": "object",
                "required": ["petType", "name"],
                "properties": {"petType": {"type": "string"}, "name": {"type": "string"}, "lives": {"type": "integer"}},
            },
            "Dog": {
                "type": "object",
                "required": ["petType", "name"],
                "properties": {"petType": {"type": "string"}, "name": {"type": "string"}, "bark": {"type": "string"}},
            },
            "Pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "petType", "mapping": _PET_TYPES},
            },
            "Shape": {
                "oneOf": [{"$ref": "#/components/schemas/Square"}, {"$ref": "#/components/schemas/Circle"}],
                "discriminator": {"propertyName": "kind"},
            },
            "Square": {"type": "object", "required": ["kind", "side"],
                       "properties": {"kind": {"type": "string"}, "side": {"type": "number"}}},
            "Circle": {"type": "object", "required": ["kind", "side"],
                       "properties": {"kind": {"type": "string"}, "side": {"type": "number"}}},
            "Node": {
                "type": "object",
                "required": ["name", "child"],
                "properties": {"name": {"type": "string"}, "child": {"$ref": "#/components/schemas/Node"}},
            },
        },
    },
    "paths": {
        "/styles/{label}/{matrix}/{simple}": {
            "get": _op(
                "styles",
                parameters=[
                    {"name": "label", "in": "path", "required": True, "style": "label", "explode": True,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "matrix", "in": "path", "required": True, "style": "matrix",
                     "schema": {"type": "array", "items": {"type": "integer"}}},
                    {"name": "simple", "in": "path", "required": True,
                     "schema": {"type": "object", "properties": {"a": {"type": "integer"}}}},
                    {"name": "filter", "in": "query", "style": "deepObject", "explode": True,
                     "schema": {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "string"}}}},
                    {"name": "ids", "in": "query", "explode": False,
                     "schema": {"type": "array", "items": {"type": "integer"}}},
                    {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "pipes", "in": "query", "style": "pipeDelimited", "explode": False,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "spaced", "in": "query", "style": "spaceDelimited", "explode": False,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "point", "in": "query",
                     "schema": {"type": "object", "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}}}},
                    {"name": "X-Ids", "in": "header", "schema": {"type": "array", "items": {"type": "integer"}}},
                    {"name": "X-Flag", "in": "header", "schema": {"type": "boolean"}},
                    {"name": "X-Obj", "in": "header", "explode": True,
                     "schema": {"type": "object", "properties": {"r": {"type": "integer"}}}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    {"name": "prefs", "in": "cookie", "explode": False,
                     "schema": {"type": "array", "items": {"type": "string"}}},
                ],
            )
        },
        "/public": {"get": _op("public_ping", security=[])},
        "/keyed": {"get": _op("keyed", security=[{"queryKey": []}])},
        "/optional-auth": {"get": _op("optional_auth", security=[{}, {"bearer": []}])},
        "/pets": {
            "get": {
                "operationId": "list_pets",
                "tags": ["things"],
                "responses": {"200": _json({"type": "array", "items": {"$ref": "#/components/schemas/Pet"}})},
            },
            "post": _op("tag_numbers", requestBody={"required": False, **_json({"type": "array", "items": {"type": "integer"}})}),
        },
        "/shape": {"get": {"operationId": "get_shape", "tags": ["things"],
                           "responses": {"200": _json({"$ref": "#/components/schemas/Shape"})}}},
        "/form": {
            "post": _op("submit_form", requestBody={"required": True, "content": {"application/x-www-form-urlencoded": {"schema": {
                "type": "object", "required": ["name"],
                "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
                               "count": {"type": "integer"}}}}}})
        },
        "/upload": {
            "post": _op("upload", requestBody={"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}, "note": {"type": "string"},
                               "meta": {"type": "object", "properties": {"k": {"type": "string"}}}}}}}})
        },
        "/upload-encoded": {
            "post": _op("upload_encoded", requestBody={"required": True, "content": {"multipart/form-data": {
                "schema": {"type": "object", "required": ["avatar"], "properties": {
                    "avatar": {"type": "string", "format": "binary"},
                    "meta": {"type": "object", "properties": {"k": {"type": "string"}}},
                    "note": {"type": "string"}}},
                "encoding": {"avatar": {"contentType": "image/*, image/png, image/jpeg"},
                             "meta": {"contentType": "application/vnd.meta+json"},
                             "note": {"contentType": "text/plain; charset=utf-8"}}}}})
        },
        "/form-encoded": {
            "post": _op("submit_encoded_form", requestBody={"required": True, "content": {"application/x-www-form-urlencoded": {
                "schema": {"type": "object", "properties": {
                    "ids": {"type": "array", "items": {"type": "integer"}},
                    "filter": {"type": "object", "properties": {"a": {"type": "integer"}}},
                    "deep": {"type": "object", "properties": {"b": {"type": "string"}}}}},
                "encoding": {"ids": {"style": "pipeDelimited", "explode": False},
                             "filter": {"contentType": "application/json"},
                             "deep": {"style": "form", "explode": True}}}}})
        },
        "/jobs/{id}": {  # a 204 that declares a body (rubrik): HTTP drops it, the method returns None
            "delete": _op("cancel_job", parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                          responses={"204": _json({"type": "object", "properties": {"status": {"type": "string"}}})})
        },
        "/form-text": {  # a form body already encoded (spoonacular): its schema is a string
            "post": _op("submit_form_text", requestBody={"required": True, "content": {"application/x-www-form-urlencoded": {
                "schema": {"type": "string"}}}})
        },
        "/raw": {
            "put": _op("put_raw", requestBody={"required": True, "content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}})
        },
        "/text": {
            "post": _op("post_text", requestBody={"required": True, "content": {"text/plain": {"schema": {"type": "string"}}}},
                        responses={"200": {"description": "echo", "content": {"text/plain": {"schema": {"type": "string"}}}}})
        },
        "/charset": {
            "post": _op("charset_json", requestBody={"required": True, "content": {"application/json; charset=utf-8": {
                "schema": {"type": "object", "properties": {"a": {"type": "integer"}}}}}})
        },
        "/vendor": {
            "post": _op("vendor_json", requestBody={"required": True, "content": {"application/vnd.api+json": {
                "schema": {"type": "object", "properties": {"a": {"type": "integer"}}}}}})
        },
        "/status": {"head": _op("head_status"), "options": _op("options_status")},
        "/files/{id}": {  # HEAD never has a body, whatever the spec declares
            "head": _op("head_file", parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                        responses={"200": _json({"type": "object", "properties": {"size": {"type": "integer"}}})})
        },
        "/default-only": {"get": {"operationId": "default_only", "tags": ["things"],
                                  "responses": {"default": _json({"type": "object", "properties": {"ok": {"type": "boolean"}}})}}},
        "/ratio": {"get": {"operationId": "get_ratio", "tags": ["things"],
                           "requestBody": _json({"type": "object", "properties": {"a": {"type": "integer"}}}),
                           "responses": {"200": _json({"type": "number", "enum": [0.5, 1.5]})}}},
        "/mode": {"get": {"operationId": "get_mode", "tags": ["things"],
                          "responses": {"200": _json({"type": "string", "enum": ["a", "b"]})}}},
        "/when": {"get": {"operationId": "get_when", "tags": ["things"], "responses": {"200": _json({
            "type": "object",
            "properties": {"date": {"type": "string", "format": "date"}, "at": {"type": "string", "format": "date-time"}},
        })}}},
        "/posts": {"post": {**_op("create_post"), "tags": ["post"]}},
        "/nodes": {"post": _op("create_node", requestBody={"required": True, **_json({"$ref": "#/components/schemas/Node"})})},
    },
}
