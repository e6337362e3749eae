"""Subsets (`select:` and --include-*/--exclude-*): exactly the selected methods, the models they
reach through $ref chains and nothing else; the subset imports, passes mypy --strict and its own
tests, and calls go out right. Filters that match nothing are errors naming the filter; check,
diff and the no-op fingerprint see the same selection."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.config import Config, SelectFilter
from generator.ir.build import build_api
from generator.selection import select_operations
from generator.surface import build_surface
from generator.verify import verify
from tests.cli_inprocess import invoke
from tests.loopback import Loopback, json_server


def _json(schema: dict[str, Any], description: str = "ok") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


PET_ID = {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Zoo", "version": "1.0"},
    "servers": [{"url": "https://zoo.example.com/v1"}],
    "paths": {
        "/pets": {
            "get": {"operationId": "listPets", "tags": ["pets"],
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": _json({"type": "array", "items": _ref("Pet")})}},
            "post": {"operationId": "createPet", "tags": ["pets"],
                     "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("NewPet")}}},
                     "responses": {"201": _json(_ref("Pet"))}},
        },
        "/pets/{petId}": {"get": {"operationId": "getPet", "tags": ["pets"], "parameters": [PET_ID],
                                  "responses": {"200": _json(_ref("Pet"))}}},
        "/store/orders": {"post": {"operationId": "placeOrder", "tags": ["store"],
                                   "requestBody": {"content": {"application/json": {"schema": _ref("Order")}}},
                                   "responses": {"200": _json(_ref("Order"))}}},
        "/users/{username}": {"get": {
            "operationId": "getUser", "tags": ["users"],
            "parameters": [{"name": "username", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _json(_ref("User"))}}},
        "/admin/reports": {"get": {"operationId": "adminReports", "tags": ["admin", "users"],
                                   "responses": {"200": _json(_ref("Report"))}}},
    },
    "components": {"schemas": {
        "Pet": {"type": "object", "required": ["id", "name"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "category": _ref("Category")}},
        "NewPet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        # reached from Pet only through a chain, and through itself
        "Category": {"type": "object", "properties": {
            "name": {"type": "string"}, "parent": _ref("Category"),
            "labels": {"type": "array", "items": _ref("Label")}}},
        "Label": {"type": "object", "properties": {"text": {"type": "string"}}},
        "Order": {"type": "object", "properties": {"id": {"type": "integer"}, "status": {
            "type": "string", "enum": ["placed", "approved"]}}},
        "User": {"type": "object", "properties": {"username": {"type": "string"}, "address": _ref("Address")}},
        "Address": {"type": "object", "properties": {"city": {"type": "string"}}},
        "Report": {"type": "object", "properties": {"total": {"type": "integer"}}},
    }},
}

# pets minus `post /pets`, plus one operation by id; the admin report is tagged `users` too
# but is neither in the included tags nor named.
CONFIG = """\
select:
  include:
    tags: [pets]
    operations: [getUser]
  exclude:
    paths: ["post /pets"]
"""

VERSION_OVERRIDE = """\
{{ header }}

__title__ = {{ sdk.import_name | pystr }}
__version__ = {{ sdk.version | pystr }}

# every method of the client, read from the surface model
API_METHODS: tuple[str, ...] = (
{% for resource, method in surface.all_methods() %}
    {{ method.symbol | pystr }},
{% endfor %}
)
"""

README_OVERRIDE = """\
{% include "builtin/sdk/README.md.jinja" %}

## Methods in this build

{% for resource, method in surface.all_methods() %}
- `{{ method.symbol }}({{ method.params | map(attribute="name") | join(", ") }})` returns `{{ method.returns | annotation }}`
{% endfor %}
"""


def _write_spec(folder: Path, data: dict[str, Any] = SPEC) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "openapi.json"
    spec.write_text(json.dumps(data, indent=1))
    return spec


def _templates(folder: Path) -> Path:
    (folder / "package").mkdir(parents=True)
    (folder / "package" / "_version.py.jinja").write_text(VERSION_OVERRIDE)
    (folder / "README.md.jinja").write_text(README_OVERRIDE)
    return folder


@pytest.fixture(scope="module")
def subset_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The config's subset, rendered with a Python and a Markdown template override."""
    root = tmp_path_factory.mktemp("subset")
    spec = _write_spec(root / "api")
    (root / "api" / "sdkgen.yaml").write_text(CONFIG + "templates: ../templates\n")
    _templates(root / "templates")
    result = invoke("generate", str(spec), "--output", str(root / "sdk"))
    assert result.exit_code == 0, result.output
    return root / "sdk"


def _tree(root: Path, under: str) -> set[str]:
    return {p.relative_to(root / under).as_posix() for p in (root / under).rglob("*.py")}


def test_exactly_the_selected_methods_and_the_models_they_reach(subset_sdk: Path) -> None:
    assert _tree(subset_sdk, "src/zoo/resources") == {"__init__.py", "pets.py", "users.py"}
    assert _tree(subset_sdk, "src/zoo/types") == {
        "__init__.py", "pet_list_pets_params.py", "pet_list_pets_response.py", "pet_get_pet_response.py",
        "user_get_user_response.py",
    }
    pets = (subset_sdk / "src/zoo/resources/pets.py").read_text()
    assert "def list_pets(" in pets and "def get_pet(" in pets and "def create_pet(" not in pets
    users = (subset_sdk / "src/zoo/resources/users.py").read_text()
    assert "def get_user(" in users and "admin_reports" not in users
    # the chain Pet -> Category -> Label (and Category's self-reference) is kept, inline
    get_pet = (subset_sdk / "src/zoo/types/pet_get_pet_response.py").read_text()
    assert "class Category(BaseModel)" in get_pet and "class CategoryLabel(BaseModel)" in get_pet
    assert "Order" not in (subset_sdk / "api.md").read_text()


def test_ir_schemas_are_pruned_to_what_selected_operations_reach() -> None:
    filters = (SelectFilter("tag", "pets"), SelectFilter("path", "post /pets", exclude=True))
    built = select_operations(build_api(SPEC, "zoo.json", Config()), SPEC, "zoo.json", filters)
    names = sorted(s.name for s in built.api.schemas)
    assert names == ["Category", "Label", "Pet"]  # NewPet went with createPet; Order, User ... unreached
    surface = build_surface(built.api)
    assert [m.symbol for _r, m in surface.all_methods()] == ["client.pets.list_pets", "client.pets.get_pet"]
    # names are the whole SDK's: the same method of the full build
    full = build_surface(build_api(SPEC, "zoo.json", Config()).api)
    assert {m.symbol for _r, m in surface.all_methods()} < {m.symbol for _r, m in full.all_methods()}


def test_template_overrides_render_from_the_surface(subset_sdk: Path) -> None:
    version = (subset_sdk / "src/zoo/_version.py").read_text()
    assert 'API_METHODS: tuple[str, ...] = (\n    "client.pets.list_pets",\n    "client.pets.get_pet",\n' \
           '    "client.users.get_user",\n)' in version
    readme = (subset_sdk / "README.md").read_text()
    assert readme.startswith("# Zoo Python API library")  # the built-in README, included
    assert "- `client.pets.get_pet(pet_id)` returns `PetGetPetResponse`" in readme
    assert "- `client.pets.list_pets(limit)` returns `PetListPetsResponse`" in readme


def test_subset_imports_type_checks_and_passes_its_tests(subset_sdk: Path) -> None:
    report = verify(subset_sdk)
    assert report.ok, "\n".join(f"{s.name}: {s.summary}\n{s.details}" for s in report.steps if not s.ok)
    assert [s.name for s in report.steps if s.ok] == [s.name for s in report.steps]


PET = {"id": "p1", "name": "Rex", "category": {"name": "dogs", "labels": [{"text": "good"}]}}
CALL = """
import sys
from zoo import Zoo
from zoo._version import API_METHODS
client = Zoo(base_url=sys.argv[1], max_retries=0)
pet = client.pets.get_pet("p1")
print(pet.name, pet.category.labels[0].text, len(API_METHODS))
print(hasattr(client.pets, "create_pet"), hasattr(client, "store"))
"""


@pytest.fixture()
def server() -> Iterator[Loopback]:
    with json_server(PET, prefix="/v1") as served:
        yield served


def test_subset_call_goes_out_right(subset_sdk: Path, server: Loopback) -> None:
    call = subprocess.run(
        [sys.executable, "-c", CALL, server.url], capture_output=True, text=True,
        env={"PYTHONPATH": str(subset_sdk / "src"), "PATH": ""},
    )
    assert call.returncode == 0, call.stderr
    assert call.stdout.split("\n")[:2] == ["Rex good 3", "False False"]
    assert server.requests == [("GET", "/v1/pets/p1")]


# --------------------------------------------------------------------------- errors


def test_filters_that_match_nothing_are_errors_naming_them(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    config = tmp_path / "api" / "sdkgen.yaml"
    config.write_text("select:\n  include:\n    tags: [pets]\n    operations: [getUsr]\n")
    result = invoke("generate", str(spec), "--output", str(tmp_path / "sdk"), "--exclude-tag", "petz")
    assert result.exit_code == 2
    assert f"{config}:4: error [select-unmatched]: at /select/include/operations/0: select filter include " \
           "operation 'getUsr' matches no operation of the spec" in result.output
    assert "adminReports, createPet, getPet, getUser, listPets, placeOrder" in result.output
    assert f"{spec}: error [select-unmatched]: --exclude-tag 'petz' matches no operation" in result.output
    assert "tags in the spec: admin, pets, store, users" in result.output
    assert not (tmp_path / "sdk").exists()


def test_a_selection_that_leaves_nothing_is_an_error(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    result = invoke("generate", str(spec), "--output", str(tmp_path / "sdk"), "--include-tag", "store",
                    "--exclude-path", "/store/*")
    assert result.exit_code == 2
    assert "[select-empty]: the selection leaves no operation to generate" in result.output
    assert "--include-tag 'store'; --exclude-path '/store/*'" in result.output


def test_a_bad_path_filter_in_the_config_names_its_line(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    (tmp_path / "api" / "sdkgen.yaml").write_text("select:\n  exclude:\n    paths: [pets]\n")
    result = invoke("generate", str(spec), "--output", str(tmp_path / "sdk"))
    assert result.exit_code == 2
    assert "sdkgen.yaml:3: error [config-invalid]: at /select/exclude/paths/0: path filter 'pets' is not a path pattern" \
        in result.output


# --------------------------------------------------------------------------- check, diff, fingerprint


def test_check_and_the_noop_fingerprint_honour_the_selection(tmp_path: Path) -> None:
    spec, out = _write_spec(tmp_path / "api"), tmp_path / "sdk"
    selection = ("--include-tag", "store")
    assert invoke("generate", str(spec), "--output", str(out), *selection).exit_code == 0
    assert sorted(p.name for p in (out / "src/zoo/resources").glob("*.py")) == ["__init__.py", "store.py"]
    assert invoke("check", str(spec), "--output", str(out), *selection).exit_code == 0
    # another selection is another output: not up to date, and check says what differs
    drift = invoke("check", str(spec), "--output", str(out), "--include-tag", "users", "--format", "json")
    assert drift.exit_code == 1
    report = json.loads(drift.output)
    assert "src/zoo/resources/users.py" in report["added"] and "src/zoo/resources/store.py" in report["removed"]
    again = invoke("generate", str(spec), "--output", str(out), "--include-tag", "users")
    assert "up to date" not in again.output and (out / "src/zoo/resources/users.py").exists()
    assert not (out / "src/zoo/resources/store.py").exists()


def test_diff_honours_the_selection(tmp_path: Path) -> None:
    old = _write_spec(tmp_path / "old")
    changed = copy.deepcopy(SPEC)
    del changed["paths"]["/store/orders"]  # breaking, in `store`
    changed["paths"]["/billing"] = {"get": {"operationId": "getBill", "tags": ["billing"],
                                            "responses": {"200": _json({"type": "string"})}}}
    new = _write_spec(tmp_path / "new", changed)
    outside = invoke("diff", str(old), str(new), "--include-tag", "pets", "--fail-on", "breaking")
    assert outside.exit_code == 0 and "no changes to the SDK surface" in outside.output
    inside = invoke("diff", str(old), str(new), "--include-tag", "store", "--format", "json")
    changes = json.loads(inside.output)["changes"]
    assert [(c["severity"], c["code"], c["symbol"]) for c in changes] == [("breaking", "resource-removed", "client.store")]
    # a tag only the new spec has is no error: its methods are additions
    added = invoke("diff", str(old), str(new), "--include-tag", "billing", "--format", "json")
    assert added.exit_code == 0, added.output
    assert [(c["severity"], c["symbol"]) for c in json.loads(added.output)["changes"]] == \
        [("non-breaking", "client.billing")]
    # ... but one that neither side has is
    missing = invoke("diff", str(old), str(new), "--include-tag", "nope")
    assert missing.exit_code == 2 and "--include-tag 'nope' matches no operation" in missing.output


def test_warnings_about_what_the_subset_leaves_out_are_not_printed(tmp_path: Path) -> None:
    data = copy.deepcopy(SPEC)
    data["paths"]["/admin/reports"]["get"]["callbacks"] = {"done": {}}  # a warning on the operation
    data["components"]["schemas"]["Report"]["properties"]["Total"] = {"type": "integer"}  # a rename, on the schema
    spec = _write_spec(tmp_path / "api", data)
    everything = invoke("generate", str(spec), "--output", str(tmp_path / "all"), "--format", "json")
    codes = {(p["code"], p["pointer"]) for p in json.loads(everything.output)["problems"]}
    assert ("callbacks-ignored", "/paths/~1admin~1reports/get/callbacks") in codes
    assert any(pointer.startswith("#/components/schemas/Report/") or pointer.startswith("/components/schemas/Report/")
               for _code, pointer in codes)
    subset = invoke("generate", str(spec), "--output", str(tmp_path / "pets"), "--format", "json", "--include-tag", "pets")
    assert subset.exit_code == 0 and json.loads(subset.output)["problems"] == []
    admin = invoke("generate", str(spec), "--output", str(tmp_path / "admin"), "--format", "json", "--include-tag", "admin")
    assert {(p["code"], p["pointer"]) for p in json.loads(admin.output)["problems"]} == codes


def test_a_subset_of_configured_resources(tmp_path: Path) -> None:
    """With `resources:` in the config (the seed's), the methods of left-out endpoints go, and
    no `endpoint-unmapped` warning is printed for what the selection leaves out."""
    from tests.conftest import CLOUDFLARE_SPEC

    out = tmp_path / "sdk"
    result = invoke("generate", str(CLOUDFLARE_SPEC), "--output", str(out), "--format", "json",
                    "--include-path", "/accounts/{account_id}/iam/*", "--exclude-path", "delete *",
                    "--exclude-operation", "account-resource-group-list")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["methods"] == 3 and report["problems"] == []
    groups = (out / "src/cloudflare/resources/iam/resource_groups.py").read_text()
    assert [name for name in ("create", "update", "get", "list", "delete") if f"    def {name}(" in groups] == \
        ["create", "update", "get"]
