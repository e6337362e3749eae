"""Hostile specs (tests/hostile/specs): each one run through the real CLI, with its effects watched.

For every spec: the exit code is the expected one (0, or 2 with the expected message), no
traceback and no internal error; nothing is written outside the output directory (and the
black cache), no socket is opened and no process started. For every spec that generates: each
file compiles, the package imports without side effects (in a fresh interpreter), the code
calls nothing that the templates do not call for ordinary specs, and every operation,
parameter and property of the spec is present as its own, distinct Python name.
"""

from __future__ import annotations

import ast
import json
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.ir.model import Api, ObjectType, Operation, Resource
from generator.ir.naming import RESERVED_IN_RESOURCES, RESERVED_ON_CLIENT, WINDOWS_DEVICE_NAMES
from generator.format import _cache_dir as black_cache_dir
from generator.render.cache import cache_dir as render_cache_dir
from generator.ir.build import build_api
from generator.pipeline import generate_files, resolve_config, validated_document
from generator.verify import verify
from tests.conftest import ROOT, SHARED
from tests.hostile.hostile_support import called_names, import_all, parse_tree, run_cli, writes_outside

SPECS = Path(__file__).parent / "specs"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@dataclass(frozen=True)
class Expect:
    code: int
    message: str = ""  # a substring of the output (exit 2: the error; exit 0: a warning)


CASES: dict[str, Expect] = {
    # names
    "names_case_collision.json": Expect(0, "[name-collision]"),
    "names_windows_devices.json": Expect(0),
    "names_too_long.json": Expect(0),
    "names_resource_members.json": Expect(0),
    "names_client_members.json": Expect(0),
    "names_python_keywords.json": Expect(0),
    "names_model_builtins.json": Expect(0),
    "names_credential_clash.json": Expect(0, "tag 'api_key' would be 'api_key', which is already the credential option"),
    "names_credential_reserved.json": Expect(0, "security scheme 'ApiKey' becomes 'api_key'"),
    "names_unicode_only.json": Expect(0),
    "names_digits.json": Expect(0),
    "names_params_shadow.json": Expect(0),
    "names_same_param_locations.json": Expect(0, "parameter 'Id' becomes 'id'"),
    "names_type_module_clash.json": Expect(0, "type module 'pets.list params' becomes 'pet_list_params'"),
    "names_path_traversal.json": Expect(0),
    "names_title_injection.json": Expect(0),
    "names_title_device.json": Expect(0, "generated nul_"),
    "names_title_reserved_class.json": Expect(0),
    "names_schema_class_clash.json": Expect(0, "property 'Scope' becomes 'scope'"),
    "config_reserved_method/openapi.json": Expect(2, "method name 'with_raw_response' is already a member"),
    "config_device_resource/openapi.json": Expect(2, "resource name 'con' cannot be used"),
    "config_case_collision/openapi.json": Expect(2, "'pets' from config resource 'pets' clashes with 'Pets'"),
    "config_credential_reserved/openapi.json": Expect(2, "credential option 'timeout'"),
    "config_method_child_clash/openapi.json": Expect(2, "'List' from a child resource clashes with 'list'"),
    "config_option_vs_resource/openapi.json": Expect(2, "client attribute 'pets'"),
    "config_keyword_names/openapi.json": Expect(2, "'class' is a Python keyword"),
    "config_device_import_name/openapi.json": Expect(2, "import name 'aux' is a Windows device name"),
    # text that reaches the output
    "text_python_injection.json": Expect(0),
    "text_control_chars.json": Expect(0),
    "text_lone_surrogates.json": Expect(0),
    "text_markdown_injection.json": Expect(0),
    "text_toml_injection.json": Expect(0),
    "text_enum_default_example.json": Expect(0),
    "text_server_urls.json": Expect(0, "[server-url-unusable]"),
    "text_header_names.json": Expect(0, "header name 'X-Evil\\r\\nInjected: 1' is not a valid HTTP token"),
    "text_x_extensions.json": Expect(0),
    "text_path_template.json": Expect(0),
    "text_tag_and_summary.json": Expect(0),
    # broken documents
    "broken_invalid_utf8.yaml": Expect(2, "[file-not-utf8]"),
    "broken_bom.json": Expect(0),
    "broken_truncated.yaml": Expect(2, "[yaml-invalid]"),
    "broken_duplicate_keys.yaml": Expect(2, "found duplicate key '/x'"),
    "broken_wrong_types.json": Expect(2, "[spec-invalid]"),
    "broken_huge_numbers.json": Expect(2, "[json-invalid]"),
    "broken_remote_ref.json": Expect(2, "[ref-remote]"),
    "broken_file_ref_outside.json": Expect(2, "[ref-not-found]"),
    "broken_python_tag.yaml": Expect(2, "could not determine a constructor"),
    "broken_not_a_mapping.json": Expect(2, "[spec-not-mapping]"),
    "broken_swagger2.json": Expect(0),  # Swagger 2.0 is converted in-process (generator/swagger2.py)
    "broken_missing_required.json": Expect(2, "missing required property 'info'"),
    "broken_ref_unresolved.json": Expect(2, "[ref-not-found]"),
    # resource limits (the big and deep ones are built by test_limits.py)
    "limits_billion_laughs.yaml": Expect(2, "[yaml-alias-bomb]"),
    "limits_recursive_alias.yaml": Expect(2, "[yaml-alias-cycle]"),
    "limits_ref_cycle.json": Expect(2, "[ref-cycle]"),
    "limits_circular_allof.json": Expect(2, "Recursion"),
    "limits_self_ref_schema.json": Expect(0),
    "limits_ref_chain.json": Expect(0),
}
GENERATING = sorted(name for name, expect in CASES.items() if expect.code == 0)


def test_every_spec_file_has_an_expectation() -> None:
    on_disk = {p.relative_to(SPECS).as_posix() for p in SPECS.rglob("*") if p.is_file() and p.name != "sdkgen.yaml"}
    assert on_disk == set(CASES)
    assert len(CASES) >= 40


@dataclass
class Outcome:
    code: int
    output: str
    root: Path  # where the SDK was written (when it generated)
    api: Api | None
    files: dict[str, str]
    _trees: dict[str, ast.Module] | None = None

    @property
    def trees(self) -> dict[str, ast.Module]:
        if self._trees is None:
            self._trees = parse_tree(self.files)
        return self._trees


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every case run once through the CLI in a scratch directory; side effects asserted here."""
    base = tmp_path_factory.mktemp("hostile")
    caches = [cache for cache in (black_cache_dir(), render_cache_dir()) if cache is not None]
    results: dict[str, Outcome] = {}
    for name in CASES:
        source, work = SPECS / name, base / name.replace("/", "_")
        if "/" in name:  # a spec with its own sdkgen.yaml
            shutil.copytree(source.parent, work)
        else:
            work.mkdir()
            shutil.copy(source, work)
        spec = work / source.name
        before = sorted(p.as_posix() for p in work.rglob("*"))
        output = work / "out"
        result = run_cli("generate", str(spec), "--output", str(output))
        assert not result.forbidden, f"{name}: {result.forbidden}"
        assert not writes_outside(result, output, *caches), f"{name} wrote outside the output dir"
        after = sorted(p.as_posix() for p in work.rglob("*") if p != output and output not in p.parents)
        assert after == before, f"{name}: files appeared beside the output: {set(after) - set(before)}"
        api, files = None, {}
        if result.code == 0:
            api = build_api(validated_document(spec).data, str(spec), resolve_config(spec, None)).api
            files = {p.relative_to(output).as_posix(): p.read_text(encoding="utf-8") for p in output.rglob("*") if p.is_file()}
        results[name] = Outcome(result.code, result.output, output, api, files)
    return results


@pytest.mark.parametrize("name", sorted(CASES))
def test_exit_code_and_message(outcomes: dict[str, Outcome], name: str) -> None:
    outcome, expect = outcomes[name], CASES[name]
    assert "Traceback" not in outcome.output and "internal error" not in outcome.output, outcome.output
    assert outcome.code == expect.code, outcome.output
    assert expect.message in outcome.output
    if outcome.code == 2:
        assert "nothing was written" in outcome.output
        assert not outcome.root.exists()
    else:
        assert (outcome.root / ".sdkgen-manifest.json").is_file()


@pytest.fixture(scope="module")
def baseline_calls() -> set[str]:
    """Calls the templates write for ordinary specs: the committed Cloudflare SDK and two more."""
    golden = ROOT / "generated" / "cloudflare"
    files = {p.relative_to(golden).as_posix(): p.read_text() for p in golden.rglob("*.py")}
    calls = called_names(parse_tree(files))
    for spec in (Path(__file__).parent / "baseline.json", SHARED / "corpus" / "edge" / "3.0-petstore.json"):
        if spec.is_file():
            calls |= called_names(parse_tree(dict(generate_files(spec).files.items())))
    return calls


@pytest.mark.parametrize("name", GENERATING)
def test_generated_code_compiles_and_calls_only_template_code(
    outcomes: dict[str, Outcome], baseline_calls: set[str], name: str
) -> None:
    outcome = outcomes[name]
    on_disk = {k: v for k, v in outcome.files.items() if k.endswith(".py")}
    for path, text in on_disk.items():
        compile(text, path, "exec")
        assert len(Path(path).name) < 100 and all(len(part) < 100 for part in Path(path).parts)
        stem = Path(path).name.split(".", 1)[0].lower()
        assert all(part.split(".", 1)[0].lower() not in WINDOWS_DEVICE_NAMES for part in Path(path).parts), path
        assert stem not in WINDOWS_DEVICE_NAMES
    lowered = [p.lower() for p in outcome.files]
    assert len(lowered) == len(set(lowered)), "two files differ only in case"
    unexpected = called_names(outcome.trees) - baseline_calls
    assert not unexpected, f"calls no template writes: {sorted(unexpected)}"
    tomllib.loads(outcome.files["pyproject.toml"])
    json.loads((outcome.root / ".sdkgen-manifest.json").read_text())


def _spec_operations(spec: dict[str, object]) -> int:
    count = 0
    for item in (spec.get("paths") or {}).values():  # type: ignore[union-attr]
        count += sum(1 for method in HTTP_METHODS if isinstance(item, dict) and isinstance(item.get(method), dict))
    return count


def _walk(resources: tuple[Resource, ...]) -> list[Resource]:
    found: list[Resource] = []
    for resource in resources:
        found.append(resource)
        found.extend(_walk(resource.children))
    return found


def _class_fields(tree: ast.Module, class_name: str) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return [s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    raise AssertionError(f"class {class_name} not found")


def _methods(tree: ast.Module, class_name: str) -> dict[str, list[str]]:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return {
                f.name: [a.arg for a in (*f.args.args, *f.args.kwonlyargs)]
                for f in node.body
                if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
    raise AssertionError(f"class {class_name} not found")


@pytest.mark.parametrize("name", GENERATING)
def test_every_spec_name_is_a_distinct_python_name(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[name]
    assert outcome.api is not None
    api, trees = outcome.api, outcome.trees
    spec = json.loads((SPECS / name).read_text(encoding="utf-8-sig")) if name.endswith(".json") else {}
    resources = _walk(api.resources)
    src = f"src/{api.package.import_name}"
    if spec:
        assert len(api.all_operations()) == _spec_operations(spec), "an operation was dropped"
    attrs = [r.attr_name for r in api.resources] + [s.option for s in api.auth]
    assert len({a.lower() for a in attrs}) == len(attrs)
    assert not set(attrs) & RESERVED_ON_CLIENT
    client_tree = trees[f"{src}/_client.py"]
    client_members = _methods(client_tree, api.package.client_class)
    for resource in api.resources:
        assert resource.attr_name in client_members
    for resource in resources:
        members = [op.name for op in resource.operations] + [c.attr_name for c in resource.children]
        assert len({m.lower() for m in members}) == len(members)
        assert not set(members) & RESERVED_IN_RESOURCES
        module = f"{src}/resources/{'/'.join(resource.path)}"
        tree = trees[f"{module}/{resource.attr_name}.py" if resource.children else f"{module}.py"]
        methods = _methods(tree, f"{resource.class_stem}Resource")
        for op in resource.operations:
            _check_operation(op, methods, trees, src, resource)


def _check_operation(op: Operation, methods: dict[str, list[str]], trees: dict[str, ast.Module], src: str, resource: Resource) -> None:
    assert op.name.isidentifier() and op.name in methods
    names = [p.py_name for p in op.parameters]
    assert len(set(names)) == len(names), f"{op.name}: {names}"
    assert set(names) <= set(methods[op.name]), f"{op.name}: {set(names) - set(methods[op.name])}"
    target = op.response.type
    types_dir = "/".join(("types", *resource.path[:-1]))
    if isinstance(target, ObjectType) and op.response_type_name:
        fields = _class_fields(trees[f"{src}/{types_dir}/{op.response_module}.py"], op.response_type_name)
        wanted = [p.py_name for p in target.properties if not p.write_only]
        assert sorted(fields) == sorted(wanted) and len(set(fields)) == len(fields)
        assert len({p.wire_name for p in target.properties}) == len(target.properties)


def test_generated_packages_import_without_side_effects(outcomes: dict[str, Outcome]) -> None:
    sdks = [(outcomes[n].root, outcomes[n].api.package.import_name) for n in GENERATING if outcomes[n].api]  # type: ignore[union-attr]
    report = import_all(sdks)
    failures = {src: entry for src, entry in report.items() if entry["error"] or entry["events"]}
    assert not failures, failures
    assert len(report) == len(GENERATING)


def test_reserved_client_names_cover_the_runtime_client(outcomes: dict[str, Outcome]) -> None:
    """RESERVED_ON_CLIENT must list every public member of the generated client classes.

    Read from a render (the runtime templates change independently), so a runtime member added
    later fails here instead of being silently shadowed by a resource called like it.
    """
    outcome = outcomes["names_client_members.json"]
    assert outcome.api is not None
    own = {r.attr_name for r in outcome.api.resources} | {s.option for s in outcome.api.auth}
    members: set[str] = set()
    src = f"src/{outcome.api.package.import_name}"
    for module in ("_client.py", "_base_client.py"):
        for node in ast.walk(outcome.trees[f"{src}/{module}"]):
            if isinstance(node, ast.ClassDef) and "Client" in node.name:
                for item in ast.walk(node):
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        members.add(item.name)
                        if item.name == "__init__":
                            members.update(a.arg for a in (*item.args.args, *item.args.kwonlyargs))
                    elif isinstance(item, ast.Attribute) and isinstance(item.value, ast.Name) and item.value.id == "self" \
                            and isinstance(item.ctx, ast.Store):
                        members.add(item.attr)
    public = {m for m in members if not m.startswith("_")} - own
    assert public - RESERVED_ON_CLIENT == set()


@pytest.mark.slow
@pytest.mark.parametrize("name", GENERATING)
def test_generated_sdk_passes_mypy_strict_and_its_own_tests(outcomes: dict[str, Outcome], name: str) -> None:
    report = verify(outcomes[name].root, run_tests=True)
    assert report.ok, [(s.name, s.summary, s.details[-2000:]) for s in report.steps if not s.ok]
