from __future__ import annotations

import json

import pytest
import yaml

from generator.config import Config, load_config
from generator.errors import SdkgenError
from generator.ir.build import build_api
from generator.ir.model import ArrayType, EnumType, NullableType, ObjectType, Primitive, RefType, UnionType
from generator.ir.schemas import SchemaConverter
from tests.conftest import CLOUDFLARE_CONFIG, CLOUDFLARE_SPEC


@pytest.fixture(scope="module")
def cloudflare():
    data = yaml.safe_load(CLOUDFLARE_SPEC.read_text())
    return build_api(data, str(CLOUDFLARE_SPEC), load_config(CLOUDFLARE_CONFIG))


def test_resource_tree_and_method_order_follow_the_config(cloudflare) -> None:
    api = cloudflare.api
    assert [r.attr_name for r in api.resources] == ["iam"]
    iam = api.resources[0]
    assert iam.class_stem == "IAM"
    groups = iam.children[0]
    assert groups.path == ("iam", "resource_groups")
    assert [op.name for op in groups.operations] == ["create", "update", "list", "delete", "get"]
    assert cloudflare.warnings == ()


def test_operation_shapes(cloudflare) -> None:
    ops = {op.name: op for _, op in cloudflare.api.all_operations()}
    update = ops["update"]
    assert update.positional == ("resource_group_id",)
    assert [(p.py_name, p.location, p.required) for p in update.parameters] == [
        ("account_id", "path", True),
        ("resource_group_id", "path", True),
        ("name", "body", False),
        ("scope", "body", False),
    ]
    assert update.params_type_name == "ResourceGroupUpdateParams"
    assert update.response_type_name == "ResourceGroupUpdateResponse"
    assert update.response.unwrapped and update.response.nullable
    assert update.response.type == RefType("#/components/schemas/iam_resource_group")
    assert ops["create"].positional == ()  # the path does not end with a parameter
    assert ops["get"].params_type_name == "" and ops["delete"].params_type_name == ""
    assert ops["delete"].body is not None and ops["delete"].body.type is None
    listing = ops["list"]
    assert listing.page is not None and listing.page.class_suffix == "SinglePage"
    assert listing.response.type == RefType("#/components/schemas/iam_resource_group")
    assert [p.py_name for p in listing.parameters if p.location == "query"] == ["id", "name"]


def test_auth_precedence_and_groups(cloudflare) -> None:
    auth = cloudflare.api.auth
    assert [(a.option, a.env_var, a.param_name, a.value_prefix, a.group) for a in auth] == [
        ("api_email", "CLOUDFLARE_EMAIL", "X-Auth-Email", "", ("api_key",)),
        ("api_key", "CLOUDFLARE_API_KEY", "X-Auth-Key", "", ("api_email",)),
        ("api_token", "CLOUDFLARE_API_TOKEN", "Authorization", "Bearer ", ()),
        ("user_service_key", "CLOUDFLARE_API_USER_SERVICE_KEY", "X-Auth-User-Service-Key", "", ()),
    ]


def test_error_envelope(cloudflare) -> None:
    envelope = cloudflare.api.error_envelope
    assert envelope is not None and envelope.model_name == "ErrorData"
    assert isinstance(envelope.type, ObjectType)
    assert [p.wire_name for p in envelope.type.properties] == ["code", "message", "documentation_url", "source"]


def test_derived_resources_without_config(petstore_spec) -> None:
    api = build_api(json.loads(petstore_spec.read_text()), str(petstore_spec), Config()).api
    assert api.package.client_class == "SwaggerPetstore"
    assert api.package.import_name == "swagger_petstore"
    assert [r.attr_name for r in api.resources] == ["pet", "store", "user"]
    pet = {op.name: op for op in api.resources[0].operations}
    assert pet["get_pet_by_id"].positional == ("pet_id",)
    assert pet["get_pet_by_id"].response_type_name == "PetGetPetByIdResponse"
    assert [(p.wire_name, p.location) for p in pet["delete_pet"].parameters] == [("petId", "path"), ("api_key", "header")]


def test_unknown_endpoint_in_config_is_reported_with_its_pointer(tmp_path) -> None:
    config = tmp_path / "sdkgen.yaml"
    config.write_text("resources:\n  things:\n    methods:\n      get: get /nope/{id}\n")
    data = yaml.safe_load(CLOUDFLARE_SPEC.read_text())
    with pytest.raises(SdkgenError) as info:
        build_api(data, "spec.yaml", load_config(config))
    problem = info.value.problems[0]
    assert problem.code == "config-unknown-endpoint"
    assert problem.pointer == "/resources/things/methods/get"
    assert "'get /nope/{id}' is not in the spec" in problem.message


def _convert(schema, components=None):
    doc = {"components": {"schemas": components or {}}}

    def resolve(ref: str):
        node = doc
        for token in ref[2:].split("/"):
            node = node[token]
        return node

    converter = SchemaConverter(resolve)
    return converter.convert(schema, "#/x"), converter


def test_schema_dialects() -> None:
    assert _convert({"type": "string", "nullable": True})[0] == NullableType(Primitive("str"))
    assert _convert({"type": ["integer", "null"]})[0] == NullableType(Primitive("int"))
    assert _convert({"enum": ["a", "b", None]})[0] == NullableType(EnumType(("a", "b"), "str"))
    assert _convert({"const": 3})[0] == EnumType((3,), "int")
    assert _convert({"oneOf": [{"type": "string"}, {"type": "integer"}]})[0] == UnionType(
        (Primitive("str"), Primitive("int"))
    )
    assert _convert({"anyOf": [{"type": "string"}, {"type": "null"}]})[0] == NullableType(Primitive("str"))
    assert _convert({"type": "array", "items": {"type": "boolean"}})[0] == ArrayType(Primitive("bool"))


def test_all_of_merges_properties_and_required() -> None:
    merged, _ = _convert(
        {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {"b": {"type": "integer"}}, "required": ["b"]}]},
        {"Base": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}},
    )
    assert isinstance(merged, ObjectType)
    assert [(p.wire_name, p.required) for p in merged.properties] == [("a", True), ("b", True)]


def test_recursive_schema_terminates() -> None:
    node = {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}
    type_, converter = _convert({"$ref": "#/components/schemas/Node"}, {"Node": node})
    assert type_ == RefType("#/components/schemas/Node")
    named = {n.name: n for n in converter.finish()}
    prop = named["Node"].type.properties[0]
    assert prop.type == ArrayType(RefType("#/components/schemas/Node"))
