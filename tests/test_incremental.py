"""Incremental regeneration: with the render cache, a changed spec re-renders only the
top-level resources whose inputs changed, and the tree is byte for byte what a cold, full
run writes (manifest included)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import pipeline

ROOT = Path(__file__).resolve().parents[1]
CLOUDFLARE = ROOT / "specs" / "cloudflare"


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def entries(cache: Path) -> set[str]:
    return {p.name for p in cache.glob("*.unit")} if cache.is_dir() else set()


def cold(spec: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        patch.setenv("SDKGEN_NO_CACHE", "1")
        pipeline.generate(spec, out, reuse=False)
    return tree(out)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("SDKGEN_RENDER_CACHE", str(directory))
    monkeypatch.delenv("SDKGEN_NO_CACHE", raising=False)
    return directory


@pytest.fixture
def petstore(petstore_spec: Path, tmp_path: Path) -> tuple[Path, dict]:
    spec = tmp_path / "spec" / "petstore.json"
    spec.parent.mkdir()
    shutil.copy(petstore_spec, spec)
    return spec, json.loads(spec.read_text(encoding="utf-8"))


def operation(document: dict, operation_id: str) -> dict:
    for item in document["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise KeyError(operation_id)


def generated_once(spec: Path, out: Path, cache: Path) -> set[str]:
    """Generate, and return the cache entries it made: one per top-level resource."""
    pipeline.generate(spec, out)
    return entries(cache)


def test_one_changed_operation_rerenders_one_resource_and_matches_a_cold_run(
    petstore: tuple[Path, dict], cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, document = petstore
    out = tmp_path / "sdk"
    first = generated_once(spec, out, cache)
    assert len(first) == 3  # pet, store, user

    op = operation(document, "getInventory")
    op["summary"] = "Inventories by status, changed"
    op.setdefault("parameters", []).append(
        {"name": "warehouse", "in": "query", "required": False, "schema": {"type": "string"}}
    )
    spec.write_text(json.dumps(document, indent=2), encoding="utf-8")
    before = tree(out)
    pipeline.generate(spec, out)
    incremental = tree(out)

    assert len(entries(cache) - first) == 1  # only `store` was rendered again
    changed = {path for path in incremental if before.get(path) != incremental[path]}
    assert "src/swagger_petstore/resources/store.py" in changed
    assert not any("/pet" in path or "/user" in path for path in changed - {".sdkgen-manifest.json"})
    assert b"warehouse" in incremental["src/swagger_petstore/resources/store.py"]
    assert incremental == cold(spec, tmp_path / "cold", monkeypatch)


def test_a_changed_schema_rerenders_every_resource_it_may_reach(
    petstore: tuple[Path, dict], cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, document = petstore
    out = tmp_path / "sdk"
    first = generated_once(spec, out, cache)
    document["components"]["schemas"]["Category"]["properties"]["slug"] = {"type": "string"}
    spec.write_text(json.dumps(document, indent=2), encoding="utf-8")
    pipeline.generate(spec, out)
    assert len(entries(cache) - first) == 3
    assert tree(out) == cold(spec, tmp_path / "cold", monkeypatch)


def test_nested_resources_and_config_match_a_cold_run(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec_dir = tmp_path / "spec"
    shutil.copytree(CLOUDFLARE, spec_dir)
    spec, out = spec_dir / "openapi.yaml", tmp_path / "sdk"
    pipeline.generate(spec, out)
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    operation(document, "account-resource-group-delete")["description"] = "Removes the group for good."
    spec.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    first = entries(cache)
    pipeline.generate(spec, out)
    assert len(entries(cache) - first) == 1
    assert b"Removes the group for good." in tree(out)[
        "src/cloudflare/resources/iam/resource_groups.py"
    ]
    assert tree(out) == cold(spec, tmp_path / "cold", monkeypatch)


def test_a_damaged_entry_is_a_miss_not_an_error(
    petstore: tuple[Path, dict], cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, _ = petstore
    pipeline.generate(spec, tmp_path / "first")
    damaged = sorted(cache.glob("*.unit"))
    damaged[0].write_bytes(b"not an entry")
    damaged[1].write_bytes(damaged[1].read_bytes()[:-10])  # cut short
    damaged[2].write_bytes(b"sdkgen render cache 2\n12\n{\"files\": 3}")
    pipeline.generate(spec, tmp_path / "second")
    assert tree(tmp_path / "second") == cold(spec, tmp_path / "cold", monkeypatch)
    assert tree(tmp_path / "first") == tree(tmp_path / "second")


def test_same_inputs_give_the_same_keys_in_a_fresh_process(petstore: tuple[Path, dict], cache: Path, tmp_path: Path) -> None:
    """Keys hash pickled IR values: a second process (another string hash seed) must find them."""
    spec, _ = petstore
    command = [sys.executable, "-c", "from generator.cli import run; run()", "generate", str(spec), "--output"]
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "SDKGEN_RENDER_CACHE": str(cache)}
        subprocess.run([*command, str(tmp_path / seed)], check=True, capture_output=True, env=environment, cwd=ROOT)
        if seed == "1":
            first = entries(cache)
    assert entries(cache) == first and len(first) == 3
    assert tree(tmp_path / "1") == tree(tmp_path / "2")


def test_unchanged_files_are_linked_not_rewritten_and_edits_are_undone(
    petstore: tuple[Path, dict], cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, document = petstore
    out = tmp_path / "sdk"
    pipeline.generate(spec, out)
    store, pet = out / "src/swagger_petstore/resources/store.py", out / "src/swagger_petstore/resources/pet.py"
    user = out / "src/swagger_petstore/resources/user.py"
    inode = pet.stat().st_ino
    pet_text = pet.read_bytes()
    user.write_bytes(user.read_bytes() + b"# hand edit\n")
    readme = out / "README.md"
    readme.chmod(0o600)

    operation(document, "getInventory")["description"] = "Inventories, changed"
    spec.write_text(json.dumps(document, indent=2), encoding="utf-8")
    pipeline.generate(spec, out)

    assert pet.stat().st_ino == inode and pet.read_bytes() == pet_text  # the same file, linked
    assert b"Inventories, changed" in store.read_bytes()
    assert not user.read_bytes().endswith(b"# hand edit\n")
    assert readme.stat().st_mode & 0o777 != 0o600  # written afresh, as a cold run would
    assert tree(out) == cold(spec, tmp_path / "cold", monkeypatch)


def test_an_ir_that_cannot_be_pickled_is_rendered_without_the_cache(
    petstore: tuple[Path, dict], cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render import cache as render_cache

    def too_deep(value: object, protocol: int) -> bytes:
        raise RecursionError("maximum recursion depth exceeded while pickling an object")

    spec, _ = petstore
    with monkeypatch.context() as patch:
        patch.setattr(render_cache.pickle, "dumps", too_deep)
        pipeline.generate(spec, tmp_path / "sdk")
    assert entries(cache) == set()
    assert tree(tmp_path / "sdk") == cold(spec, tmp_path / "cold", monkeypatch)


def test_units_from_the_cache_skip_the_format_stage(
    petstore: tuple[Path, dict], cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import format as formatting

    spec, document = petstore
    out = tmp_path / "sdk"
    pipeline.generate(spec, out)
    operation(document, "getInventory")["description"] = "Inventories, changed again"
    spec.write_text(json.dumps(document, indent=2), encoding="utf-8")
    formatted: list[str] = []
    original = formatting.format_files

    def recording(files, **options):  # type: ignore[no-untyped-def]
        formatted.extend(path for path in files if path.endswith(".py") and path not in files.formatted)
        return original(files, **options)

    monkeypatch.setattr(formatting, "format_files", recording)
    pipeline.generate(spec, out)
    assert "src/swagger_petstore/resources/store.py" in formatted
    assert not any(path.endswith(("resources/pet.py", "resources/user.py")) for path in formatted)
    assert tree(out) == cold(spec, tmp_path / "cold", monkeypatch)


def test_template_overrides_render_without_the_cache(petstore: tuple[Path, dict], cache: Path, tmp_path: Path) -> None:
    """A user template may read `surface` (every resource) in a resource's file: no unit cache then."""
    spec, _ = petstore
    templates = tmp_path / "templates" / "package"
    templates.mkdir(parents=True)
    (templates / "resource.py.jinja").write_text(
        '{% include "builtin/sdk/package/resource.py.jinja" %}\n'
        "# {{ surface.all_methods() | list | length }} methods in the SDK\n",
        encoding="utf-8",
    )
    (spec.parent / "sdkgen.yaml").write_text(f"templates: {templates.parent}\n", encoding="utf-8")
    pipeline.generate(spec, tmp_path / "sdk")
    assert entries(cache) == set()
    assert tree(tmp_path / "sdk")["src/swagger_petstore/resources/store.py"].endswith(b"# 20 methods in the SDK\n")
