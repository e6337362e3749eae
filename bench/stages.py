#!/usr/bin/env python3
"""Per-stage CPU time and peak RSS of `sdkgen generate` against spec size: is any stage superlinear?

    python bench/stages.py [--sizes 1,2,4,8] [--skip-format] [--corpus DIR]

GitHub's spec (1x) and its operations cloned 2x, 4x, 8x (bench/synthetic.py). Each size runs
cold (fresh output, empty render and black caches) in its own process, so peak RSS is that
run's own. Prints, per size, each stage's CPU seconds and its cost per 1,000 operations
relative to 1x (a stage that grows linearly stays near 1.00x), and the peak RSS after each
stage. `--skip-format` replaces the format stage by the identity (its layout runs in worker
processes, whose CPU time a stage row of this process does not show anyway).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import count_operations, scale_spec  # noqa: E402  (bench/ is a folder of scripts)

_ONE_RUN = """
import contextlib, json, resource, sys, time
from pathlib import Path
if sys.argv[3] == "skip-format":
    import generator.format as formatting
    formatting.format_files = lambda files, **options: files
from generator import pipeline

rows = []

class Stages(pipeline.Timings):
    @contextlib.contextmanager
    def stage(self, name):
        started = time.process_time()
        yield
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append([name, time.process_time() - started, peak])

pipeline.generate(Path(sys.argv[1]), Path(sys.argv[2]), timings=Stages(), reuse=False)
print(json.dumps(rows))
"""


def run_once(spec: Path, skip_format: bool) -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as scratch:
        env = {k: v for k, v in os.environ.items() if k not in ("SDKGEN_RENDER_CACHE", "SDKGEN_NO_CACHE")}
        env["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")
        done = subprocess.run(
            [sys.executable, "-c", _ONE_RUN, str(spec), str(Path(scratch) / "out"), "skip-format" if skip_format else "-"],
            capture_output=True, text=True, env=env, cwd=REPO,
        )
    if done.returncode != 0:
        raise SystemExit(f"sdkgen failed on {spec.name} (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return [(name, cpu, peak) for name, cpu, peak in json.loads(done.stdout.strip().splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8")
    parser.add_argument("--skip-format", action="store_true")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    github = args.corpus / "big" / "api.github.com.json"
    base = json.loads(github.read_text(encoding="utf-8"))
    results: list[tuple[int, int, list[tuple[str, float, float]]]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for factor in [int(s) for s in args.sizes.split(",")]:
            spec = github
            if factor > 1:
                spec = Path(scratch) / f"github-x{factor}.json"
                spec.write_text(json.dumps(scale_spec(base, factor)), encoding="utf-8")
            operations = count_operations(json.loads(spec.read_text(encoding="utf-8")))
            print(f"x{factor}: {operations} operations ...", file=sys.stderr, flush=True)
            results.append((factor, operations, run_once(spec, args.skip_format)))
    stages = [name for name, _, _ in results[0][2]]
    first_ops = results[0][1]
    first = {name: cpu for name, cpu, _ in results[0][2]}
    print("| size | ops | " + " | ".join(f"{s} cpu (per-op vs first)" for s in stages) + " | peak RSS |")
    print("|---|---:|" + "---:|" * (len(stages) + 1))
    for factor, operations, rows in results:
        cells = []
        for name, cpu, _ in rows:
            base_rate = first[name] / first_ops if first[name] else 0.0
            relative = f" ({cpu / operations / base_rate:.2f}x)" if base_rate and cpu > 0.01 else ""
            cells.append(f"{cpu:.2f} s{relative}")
        print(f"| x{factor} | {operations} | " + " | ".join(cells) + f" | {rows[-1][2]:.0f} MB |")


if __name__ == "__main__":
    main()
