"""The corpus gate: every spec of ../shared/corpus through generate, import, mypy and verify.

    .venv/bin/python -m tests.corpus_gate            # real/ + edge/ (long: run it in the background)
    .venv/bin/python -m tests.corpus_gate --subset   # the fixed, fast subset the default tests use
    .venv/bin/python -m tests.corpus_gate FILE ...   # given specs
    options: --work DIR (keep the SDKs), --timeout SECONDS (per spec's generation, default 600)

Prints one row per spec and the summary line
`corpus: generated X/N, ops A/B, verified V, mypy-clean C, traceback T`.
Generation runs in a child process with a timeout, so a crash or a hang is counted, not fatal:
exit 0 is generated, exit 2 a refused spec (bad input, reported), anything else a traceback.
"""

from __future__ import annotations

import argparse
import os
import json
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.verify import verify

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SDKGEN_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
# Small specs that together cover styles, discriminators, uploads, forms, cookies and security.
SUBSET = (
    "edge/3.0-discriminators.json",
    "edge/3.0-file-uploads.json",
)
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_GENERATED = re.compile(r"generated \S+: (\d+) methods")


@dataclass
class Row:
    spec: str
    operations: int  # in the spec
    generated: int = 0  # methods in the SDK
    outcome: str = ""  # ok | refused | traceback | timeout
    imported: bool = False
    mypy_clean: bool = False
    verified: bool = False
    note: str = ""  # first problem, for the table


def count_operations(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, dict):
        return 0
    count = 0
    for item in paths.values():
        ref = item.get("$ref") if isinstance(item, dict) else None
        if isinstance(ref, str) and ref.startswith("#/"):  # a path item defined elsewhere in the file
            item = data
            for token in ref[2:].split("/"):
                item = item.get(token.replace("~1", "/").replace("~0", "~"), {}) if isinstance(item, dict) else {}
        count += sum(1 for m in _METHODS if isinstance(item, dict) and isinstance(item.get(m), dict))
    return count


def _run_in_group(command: list[str], timeout: float) -> subprocess.CompletedProcess[str] | None:
    """Run `command` in its own process group; on timeout kill the whole group (None).

    The generator formats in worker processes: killing only the child would leave them running.
    """
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def check_spec(spec: Path, work: Path, mypy_cache: Path, *, timeout: float = 600) -> Row:
    row = Row(str(spec.relative_to(CORPUS)) if spec.is_relative_to(CORPUS) else str(spec), count_operations(spec))
    out = work / re.sub(r"\W", "_", spec.stem)
    command = [sys.executable, "-c", "from generator.cli import run; run()", "generate", str(spec), "--output", str(out)]
    result = _run_in_group(command, timeout)
    if result is None:
        row.outcome, row.note = "timeout", f"generate took over {timeout:.0f}s"
        return row
    if result.returncode == 2:
        row.outcome = "refused"
        row.note = next((line for line in result.stderr.splitlines() if ": error" in line), result.stderr.strip()[:200])
        return row
    if result.returncode != 0:
        row.outcome, row.note = "traceback", (result.stderr.strip().splitlines() or ["?"])[-1]
        return row
    row.outcome = "ok"
    found = _GENERATED.search(result.stdout)
    row.generated = int(found.group(1)) if found else 0
    report = verify(out, mypy_cache=mypy_cache)  # a step that runs too long fails as "timed out"
    steps = {step.name: step for step in report.steps}
    row.imported = steps["import"].ok
    row.mypy_clean = steps["mypy --strict"].ok
    row.verified = report.ok
    failed = next((step for step in report.steps if not step.ok), None)
    if failed is not None:
        detail = next((line for line in failed.details.splitlines() if "error" in line.lower()), failed.summary)
        row.note = f"{failed.name}: {detail.strip()[:160]}"
    return row


def summary(rows: list[Row]) -> str:
    generated = sum(row.outcome == "ok" for row in rows)
    return (
        f"corpus: generated {generated}/{len(rows)}, ops {sum(r.generated for r in rows)}/{sum(r.operations for r in rows)}, "
        f"verified {sum(r.verified for r in rows)}, mypy-clean {sum(r.mypy_clean for r in rows)}, "
        f"traceback {sum(r.outcome in ('traceback', 'timeout') for r in rows)}"
    )


def table_row(row: Row) -> str:
    flags = "".join(("I" if row.imported else "-", "M" if row.mypy_clean else "-", "V" if row.verified else "-"))
    return f"{row.spec:60} {row.outcome:9} {row.generated:4}/{row.operations:<4} {flags} {row.note}"


def corpus_specs(subset: bool) -> list[Path]:
    """The subset, or real/ + edge/ smallest first (a run cut short still covers the most specs)."""
    if subset:
        return [CORPUS / name for name in SUBSET]
    specs = list((CORPUS / "real").glob("*")) + list((CORPUS / "edge").glob("*"))
    return sorted(specs, key=lambda path: (path.stat().st_size, path.name))


def run(specs: list[Path], work: Path, *, timeout: float = 600) -> list[Row]:
    mypy_cache = work / ".mypy_cache"
    rows = []
    print(f"{'spec':60} {'outcome':9} {'ops':9} IMV note", flush=True)
    for index, spec in enumerate(specs, 1):
        row = check_spec(spec, work, mypy_cache, timeout=timeout)
        rows.append(row)
        print(table_row(row), flush=True)
        if index % 10 == 0 and index < len(specs):
            print(f"  so far ({index} of {len(specs)} specs) {summary(rows)}", flush=True)
    print(summary(rows), flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", nargs="*", type=Path)
    parser.add_argument("--subset", action="store_true", help="only the fixed fast subset")
    parser.add_argument("--work", type=Path, help="where SDKs are generated (default: a temporary directory)")
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds one spec may take to generate (default 600; raise it on a busy machine)"
    )
    args = parser.parse_args(argv)
    specs = [p.resolve() for p in args.specs] or corpus_specs(args.subset)
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        rows = run(specs, args.work, timeout=args.timeout)
    else:
        with tempfile.TemporaryDirectory(prefix="sdkgen-corpus-") as work:
            rows = run(specs, Path(work), timeout=args.timeout)
    return 0 if all(row.verified for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
