"""Template overrides: every built-in template can be replaced by name and gets the documented
context (`surface`, `sdk`, `header`); bad names, syntax and render errors point at the override;
overrides are inputs of the no-op fingerprint. (The subset SDK of tests/test_subset.py is
rendered with a Python override and passes mypy --strict and its tests.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.overrides import builtin_template_names
from tests.cli_inprocess import invoke
from tests.test_subset import SPEC, _write_spec

MARKER = "# override: {{ surface.import_name }} {{ sdk.client_class }} {{ surface.resources | length }} resources"

# the output files each template renders (a sample where one renders many)
RENDERED_BY = {
    "README.md.jinja": "README.md",
    "api.md.jinja": "api.md",
    "pyproject.toml.jinja": "pyproject.toml",
    "package/__init__.py.jinja": "src/zoo/__init__.py",
    "package/_client.py.jinja": "src/zoo/_client.py",
    "package/_settings.py.jinja": "src/zoo/_settings.py",
    "package/_version.py.jinja": "src/zoo/_version.py",
    "package/lazy_init.py.jinja": "src/zoo/resources/__init__.py",
    "package/model.py.jinja": "src/zoo/types/pet_get_pet_response.py",
    "package/pagination.py.jinja": "src/zoo/pagination.py",
    "package/params.py.jinja": "src/zoo/types/pet_list_pets_params.py",
    "package/resource.py.jinja": "src/zoo/resources/pets.py",
    "tests/conftest.py.jinja": "tests/conftest.py",
    "tests/test_resource.py.jinja": "tests/api_resources/test_pets.py",
    "tests/utils.py.jinja": "tests/utils.py",
}


def _generate(spec: Path, out: Path, *args: str) -> str:
    result = invoke("generate", str(spec), "--output", str(out), *args)
    assert result.exit_code == 0, result.output
    return result.output


def _failure(spec: Path, out: Path, *args: str) -> str:
    result = invoke("generate", str(spec), "--output", str(out), *args)
    assert result.exit_code == 2, result.output
    return result.output


def test_every_template_can_be_overridden_and_gets_surface_sdk_and_header(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    templates = tmp_path / "templates"
    for name in builtin_template_names():
        path = templates / name
        path.parent.mkdir(parents=True, exist_ok=True)
        # partials (included by the others) are overridden by themselves, unchanged
        path.write_text(f'{{% include "builtin/sdk/{name}" %}}' + (f"\n{MARKER}\n" if name in RENDERED_BY else ""))
    _generate(spec, tmp_path / "plain")
    _generate(spec, tmp_path / "custom", "--templates", str(templates))
    marker = "# override: zoo Zoo 4 resources"
    assert set(RENDERED_BY) <= set(builtin_template_names())
    for name, output in RENDERED_BY.items():
        custom = (tmp_path / "custom" / output).read_text()
        assert marker in custom, name
        # the built-in, included, renders exactly what it renders without overrides
        plain = (tmp_path / "plain" / output).read_text()
        assert custom.replace(f"\n{marker}\n", "\n").rstrip("\n") == plain.rstrip("\n"), name


def test_unknown_names_are_errors_listing_the_valid_ones(tmp_path: Path) -> None:
    spec, templates = _write_spec(tmp_path / "api"), tmp_path / "templates"
    (templates / "package").mkdir(parents=True)
    (templates / "package" / "resources.py.jinja").write_text("x")
    (templates / ".DS_Store").write_text("editor leftovers are not overrides")
    output = _failure(spec, tmp_path / "sdk", "--templates", str(templates))
    assert f"{templates / 'package' / 'resources.py.jinja'}: error [templates-unknown]: " \
           "'package/resources.py.jinja' does not name a built-in template" in output
    assert "rename it to one of: README.md.jinja, api.md.jinja, imports.jinja, package/__init__.py.jinja," in output
    assert "package/resource.py.jinja" in output
    assert not (tmp_path / "sdk").exists()


def test_a_missing_directory_is_an_error(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    (tmp_path / "api" / "sdkgen.yaml").write_text("templates: no-such-dir\n")
    output = _failure(spec, tmp_path / "sdk")
    assert f"{tmp_path / 'api' / 'no-such-dir'}: error [templates-missing]: template overrides directory not found" \
        in output


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("line one\n{% for x in %}\n", 2, "[templates-syntax]: Jinja syntax error: Expected an expression"),
        ("ok\n\n{{ surface.no_such_name }}\n", 3, "[templates-render]: template override failed: UndefinedError"),
        ('{% include "builtin/sdk/nope.jinja" %}\n', 1, "TemplateNotFound: builtin/sdk/nope.jinja"),
    ],
)
def test_template_errors_point_at_the_override_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    spec, templates = _write_spec(tmp_path / "api"), tmp_path / "templates"
    templates.mkdir()
    (templates / "api.md.jinja").write_text(text)
    output = _failure(spec, tmp_path / "sdk", "--templates", str(templates))
    assert f"{templates / 'api.md.jinja'}:{line}: error " in output
    assert message in output


def test_overrides_are_part_of_the_noop_fingerprint(tmp_path: Path) -> None:
    spec, templates, out = _write_spec(tmp_path / "api"), tmp_path / "templates", tmp_path / "sdk"
    templates.mkdir()
    (templates / "api.md.jinja").write_text("# API v1\n")
    (tmp_path / "api" / "sdkgen.yaml").write_text("templates: ../templates\n")
    _generate(spec, out)
    assert "up to date" in _generate(spec, out)
    manifest = json.loads((out / ".sdkgen-manifest.json").read_text())
    assert "../templates" in json.dumps(manifest)
    (templates / "api.md.jinja").write_text("# API v2\n")  # an edit: a real run
    assert "up to date" not in _generate(spec, out)
    assert (out / "api.md").read_text() == "# API v2\n"
    (templates / "README.md.jinja").write_text("# Read me\n")  # a new override: a real run
    assert "up to date" not in _generate(spec, out)
    assert (out / "README.md").read_text() == "# Read me\n"
    (templates / "README.md.jinja").unlink()  # one removed: the built-in comes back
    _generate(spec, out)
    assert (out / "README.md").read_text().startswith("# Zoo Python API library")
    # --templates replaces the config's directory
    other = tmp_path / "other"
    other.mkdir()
    (other / "api.md.jinja").write_text("# other\n")
    assert "up to date" not in _generate(spec, out, "--templates", str(other))
    assert (out / "api.md").read_text() == "# other\n"
    assert invoke("check", str(spec), "--output", str(out), "--templates", str(other)).exit_code == 0
    assert invoke("check", str(spec), "--output", str(out)).exit_code == 1


def test_overrides_from_pyproject_are_relative_to_it(tmp_path: Path) -> None:
    spec, out = _write_spec(tmp_path / "api", SPEC), tmp_path / "sdk"
    (tmp_path / "api" / "tpl").mkdir()
    (tmp_path / "api" / "tpl" / "api.md.jinja").write_text("# {{ sdk.title }} from pyproject\n")
    (tmp_path / "api" / "pyproject.toml").write_text('[tool.sdkgen]\ntemplates = "tpl"\n')
    _generate(spec, out)
    assert (out / "api.md").read_text() == "# Zoo from pyproject\n"


def test_the_documented_interface_exists() -> None:
    """docs/templates.md names every template and the surface's members overrides may rely on."""
    from generator.config import Config
    from generator.ir.build import build_api
    from generator.surface import build_surface

    docs = (Path(__file__).resolve().parents[1] / "docs" / "templates.md").read_text()
    assert all(f"`{name}`" in docs for name in builtin_template_names())
    surface = build_surface(build_api(SPEC, "zoo.json", Config()).api)
    resource, method = next(surface.all_methods())
    members = {
        surface: ("import_name", "dist_name", "version", "client", "resources", "models", "all_resources",
                  "all_methods", "enums", "model"),
        surface.client: ("class_name", "async_class_name", "options", "base_url"),
        resource: ("attr", "symbol", "module", "class_name", "methods", "children"),
        method: ("name", "symbol", "http_method", "path", "params", "returns", "description", "deprecated", "pointer"),
        surface.models[0]: ("module", "name", "kind", "fields"),
    }
    for owner, names in members.items():
        for name in names:
            assert hasattr(owner, name), (type(owner).__name__, name)
            assert f"`{name}`" in docs or f"`{name}(" in docs, name


def test_surface_of_discriminated_unions_and_uploads_is_available(tmp_path: Path) -> None:
    """`surface` follows the renderer's planning: discriminated variants are classes of their
    own (narrowed to their discriminator value) and binary multipart parts are FileTypes."""
    pet = {"type": "object", "required": ["pet_type"], "properties": {"pet_type": {"type": "string"}}}
    data = {
        "openapi": "3.0.3", "info": {"title": "Zoo", "version": "1"},
        "paths": {"/pets": {"patch": {"operationId": "patchPet", "requestBody": {"content": {"application/json": {
            "schema": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                       "discriminator": {"propertyName": "pet_type"}}}}}, "responses": {"204": {"description": "ok"}}}},
                  "/photos": {"post": {"operationId": "upload", "requestBody": {"content": {"multipart/form-data": {
                      "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
                      "responses": {"204": {"description": "ok"}}}}},
        "components": {"schemas": {"Cat": pet, "Dog": pet}},
    }
    spec, templates = _write_spec(tmp_path / "api", data), tmp_path / "templates"
    templates.mkdir()
    (templates / "api.md.jinja").write_text(
        "{% for resource, method in surface.all_methods() %}{% for p in method.params %}"
        "{{ method.name }}({{ p.name }}: {{ p.annotation | annotation }})\n{% endfor %}{% endfor %}"
    )
    _generate(spec, tmp_path / "sdk", "--templates", str(templates))
    listed = (tmp_path / "sdk" / "api.md").read_text().splitlines()
    assert listed == [
        "patch_pet(body: Union[pet_patch_pet_params.BodyUnionMember0, pet_patch_pet_params.BodyUnionMember1])",
        "upload(file: FileTypes)",
    ]
    # ... as the generated methods spell them
    pets = (tmp_path / "sdk" / "src" / "zoo" / "resources" / "pets.py").read_text()
    assert f"        body: {listed[0].split(': ', 1)[1][:-1]} | Omit = omit," in pets
