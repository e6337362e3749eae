"""Mutated corpus specs never crash load/validate/build: each ends in success or an SdkgenError.

Default run: a fixed seed and 2,000 cases (in-process, ~25 s); a sample of the successful
ones is also rendered and compiled. `pytest -m slow tests/hostile/test_fuzz.py` runs 20,000;
SDKGEN_FUZZ_CASES / SDKGEN_FUZZ_SEED choose the budget and seed of the default test, and
every failure message carries the seed and case number that reproduce it.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from generator.errors import SdkgenError
from generator.loader import load_document
from generator.render import render_sdk
from tests.conftest import SHARED
from tests.hostile.fuzzing import mutate, run_case

SEED = int(os.environ.get("SDKGEN_FUZZ_SEED", "20261202"))
CASES = int(os.environ.get("SDKGEN_FUZZ_CASES", "2000"))
RENDER_EVERY = 10  # render + compile every n-th successful build (rendering costs ~50x a build)
MAX_SEED_BYTES = 12_000  # small documents keep a case at ~10 ms


def seed_documents() -> list[tuple[str, str]]:
    """(name, JSON text) of the small corpus specs, plus our own baseline spec."""
    here = Path(__file__).parent
    paths = [here / "baseline.json"]
    for bucket in ("real", "edge"):
        folder = SHARED / "corpus" / bucket
        if folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.is_file() and p.stat().st_size <= MAX_SEED_BYTES)
    seeds = []
    for path in paths:
        try:
            seeds.append((path.name, json.dumps(load_document(path).data)))
        except Exception:  # noqa: BLE001 - a seed the loader refuses is still fine to mutate as text
            continue
    return seeds


def fuzz(cases: int, seed: int, tmp_path: Path) -> dict[str, object]:
    seeds = seed_documents()
    counts = {"ok": 0, "error": 0, "rendered": 0}
    crashes: list[str] = []
    for case in range(cases):
        rng = random.Random(seed * 1_000_003 + case)  # each case reproducible on its own
        name, text = seeds[case % len(seeds)]
        data, suffix, label = mutate(text, rng)
        path = tmp_path / f"case{suffix}"
        path.write_bytes(data)
        outcome, built = run_case(path)
        if outcome.startswith("crash"):
            crashes.append(f"seed={seed} case={case} from {name} ({label}): {outcome}")
            continue
        counts[outcome] += 1
        if built is not None and counts["ok"] % RENDER_EVERY == 1:
            try:
                files = render_sdk(built.api)
                for file, source in files.items():
                    if file.endswith(".py"):
                        compile(source, file, "exec")
            except SdkgenError:
                pass
            except Exception as exc:  # noqa: BLE001 - a crash while rendering counts as one
                crashes.append(f"seed={seed} case={case} from {name} ({label}): render: {type(exc).__name__}: {exc}"[:800])
            counts["rendered"] += 1
    return {"cases": cases, "seeds": len(seeds), **counts, "crashes": crashes}


def test_fuzzed_specs_never_crash(tmp_path: Path) -> None:
    report = fuzz(CASES, SEED, tmp_path)
    assert not report["crashes"], "\n".join(report["crashes"])  # type: ignore[arg-type]
    assert report["ok"] and report["error"] and report["rendered"], report
    print(f"fuzz: {report}")


@pytest.mark.slow
def test_fuzzed_specs_never_crash_long_run(tmp_path: Path) -> None:
    report = fuzz(20_000, SEED + 1, tmp_path)
    assert not report["crashes"], "\n".join(report["crashes"])  # type: ignore[arg-type]
