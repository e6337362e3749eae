"""No-op regeneration: an up-to-date tree is recognised from hashes alone, and every change
that could alter the output (spec, a file it $refs, config, package name, layout, generator,
a hand-edited or deleted output file, an edited manifest) makes `generate` and `check` do real
work. A file the manifest does not list is not sdkgen's: it changes nothing and is kept."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import pipeline, render
from generator.output import MANIFEST, read_manifest

FIXTURE = Path(__file__).parent / "fixtures" / "specs" / "multi"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A multi-file spec (its $refs pull in other files) and a tree generated from it."""
    spec_dir = tmp_path / "spec"
    shutil.copytree(FIXTURE, spec_dir)
    spec, out = spec_dir / "main.yaml", tmp_path / "sdk"
    assert pipeline.generate(spec, out) is not None
    return spec, out


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts real runs: the pipeline imports render_sdk from generator.render when it renders."""
    calls: list[str] = []
    original = render.render_sdk

    def counting(api, **options):  # type: ignore[no-untyped-def]
        calls.append(api.package.import_name)
        return original(api, **options)

    monkeypatch.setattr(render, "render_sdk", counting)
    return calls


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_unchanged_inputs_and_tree_do_nothing(project: tuple[Path, Path], renders: list[str]) -> None:
    spec, out = project
    before = snapshot(out)
    (out / "src" / "multi_file" / "__pycache__").mkdir()  # tool caches do not count
    (out / "src" / "multi_file" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert pipeline.up_to_date(spec, out)
    assert pipeline.generate(spec, out) is None
    assert pipeline.check(spec, out).clean
    assert renders == []
    assert {k: v for k, v in snapshot(out).items() if "__pycache__" not in k} == before


def test_manifest_records_every_input(project: tuple[Path, Path]) -> None:
    spec, out = project
    manifest = read_manifest(out)
    assert manifest is not None
    inputs = dict(manifest.stamp.inputs)
    assert sorted(inputs) == ["common.json", "paths/pets.yaml", "schemas/pet.yaml", "schemas/tree.yaml"]
    assert all(len(digest) == 64 for digest in inputs.values())
    assert set(manifest.files) == {p for p in snapshot(out) if p != MANIFEST}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "spec": lambda spec, out: _edit(spec, "version: \"1.0\"", "version: \"1.1\""),
    # Same meaning, other bytes: cheap to detect, so it regenerates (to the same files).
    "spec whitespace": lambda spec, out: spec.write_text(spec.read_text() + "\n"),
    "file the spec $refs": lambda spec, out: _edit(spec.parent / "schemas" / "pet.yaml", "type: string",
                                                    "type: integer"),
    "file the spec $refs removed": lambda spec, out: (spec.parent / "common.json").unlink(),
    "config beside the spec": lambda spec, out: (spec.parent / "sdkgen.yaml").write_text("client:\n  class_name: Other\n"),
    "hand-edited output file": lambda spec, out: _edit(out / "README.md", "#", "##"),
    "deleted output file": lambda spec, out: (out / "api.md").unlink(),
    "config in pyproject.toml beside the spec": lambda spec, out: (spec.parent / "pyproject.toml").write_text(
        '[tool.sdkgen.client]\nclass_name = "Other"\n'),
    "manifest edited": lambda spec, out: (out / MANIFEST).write_text(
        json.dumps(json.loads((out / MANIFEST).read_text()), indent=4)),
    "manifest lies about a file": lambda spec, out: (out / MANIFEST).write_text(
        (out / MANIFEST).read_text().replace(json.loads((out / MANIFEST).read_text())["files"]["api.md"], "0" * 64)),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_means_real_work(project: tuple[Path, Path], change: str) -> None:
    spec, out = project
    CHANGES[change](spec, out)
    assert not pipeline.up_to_date(spec, out)


def test_layout_is_an_input(project: tuple[Path, Path]) -> None:
    spec, out = project
    assert not pipeline.up_to_date(spec, out, layout="package")


def test_a_file_sdkgen_does_not_own_changes_nothing(project: tuple[Path, Path], renders: list[str]) -> None:
    spec, out = project
    (out / "notes.txt").write_text("mine")
    assert pipeline.up_to_date(spec, out)
    assert pipeline.generate(spec, out) is None and pipeline.check(spec, out).clean
    assert (out / "notes.txt").read_text() == "mine"
    assert renders == []


def test_hand_edit_is_reported_by_check_and_undone_by_generate(project: tuple[Path, Path],
                                                               renders: list[str]) -> None:
    spec, out = project
    pristine = snapshot(out)
    _edit(out / "README.md", "#", "##")
    drift = pipeline.check(spec, out)
    assert (drift.added, drift.changed, drift.removed) == ((), ("README.md",), ())
    assert pipeline.generate(spec, out) is not None
    assert snapshot(out) == pristine
    assert len(renders) == 2
    assert pipeline.generate(spec, out) is None  # and now it is up to date again
    assert len(renders) == 2


def test_other_options_and_generators_mean_real_work(project: tuple[Path, Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    spec, out = project
    assert pipeline.up_to_date(spec, out)
    assert not pipeline.up_to_date(spec, out, package_name="other_name")
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "generator_sha256", lambda: "f" * 64)  # code or templates changed
        assert not pipeline.up_to_date(spec, out)
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "__version__", "99.0")
        assert not pipeline.up_to_date(spec, out)
    assert pipeline.up_to_date(spec, out)
    config = spec.parent / "other.yaml"
    config.write_text("client:\n  class_name: Other\n")
    assert not pipeline.up_to_date(spec, out, config=config)
    generated = pipeline.generate(spec, out, config=config)  # and the config really applies
    assert generated is not None and generated.api.package.client_class == "Other"
    assert pipeline.up_to_date(spec, out, config=config)


def test_generator_fingerprint_covers_code_and_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import fingerprint

    fingerprint.generator_sha256.cache_clear()
    original = fingerprint.generator_sha256()
    fake = tmp_path / "templates"
    shutil.copytree(render.templates_dir(), fake)
    monkeypatch.setattr(fingerprint, "templates_dir", lambda: fake)
    fingerprint.generator_sha256.cache_clear()
    assert fingerprint.generator_sha256() == original  # the same templates elsewhere
    template = next(fake.rglob("*.jinja"))
    template.write_text(template.read_text() + "\n")
    fingerprint.generator_sha256.cache_clear()
    assert fingerprint.generator_sha256() != original
    fingerprint.generator_sha256.cache_clear()


def test_cli_reports_up_to_date_and_stage_times(tmp_path: Path) -> None:
    import subprocess
    import sys

    spec_dir = tmp_path / "spec"
    shutil.copytree(FIXTURE, spec_dir)
    out = tmp_path / "sdk"

    def sdkgen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", *args],
                              capture_output=True, text=True)

    first = sdkgen("generate", str(spec_dir / "main.yaml"), "--output", str(out), "--verbose")
    assert first.returncode == 0, first.stderr
    stages = [line.split()[1] for line in first.stderr.splitlines() if line.startswith("sdkgen: ")]
    assert stages == ["up-to-date", "load", "validate", "build", "render", "format", "write"]
    second = sdkgen("generate", str(spec_dir / "main.yaml"), "--output", str(out), "-v")
    assert second.returncode == 0 and "up to date" in second.stdout
    assert [line.split()[1] for line in second.stderr.splitlines()] == ["up-to-date"]
    quiet = sdkgen("check", str(spec_dir / "main.yaml"), "--output", str(out))
    assert quiet.returncode == 0 and quiet.stderr == "" and "up to date" in quiet.stdout
