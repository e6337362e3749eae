#!/usr/bin/env python3
"""Benchmark sdkgen against other Python SDK generators on the same specs, in one invocation.

    python bench/run.py [--runs N] [--sizes 1,2,4,8] [--tools sdkgen,openapi-python-client,...]

Sets up each tool in its own venv under bench/.cache/ (git-ignored; pinned versions, reused
on the next run), writes the synthetic specs there, then runs every tool on every spec N
times, alternating tools, each run cold (fresh output directory; sdkgen with empty black and
render caches). For every tool and spec it reports the median wall time, CPU time (user + system of
the tool and everything it waited for) and peak RSS (largest single process), and the ratio
peer / sdkgen. It also times, on the tree it just wrote, sdkgen's no-op `generate` and `check`
and an incremental `generate` of the spec with one operation's description changed (its
render cache warm from the cold run); their ratio is to sdkgen's cold run of the same spec.
Results: bench/results/latest.json, latest.md (table and machine) and time-vs-size.svg.

sdkgen's output is checked too: after its first cold run of each spec of at most
--black-check-ops operations, `black --check` runs in the generated SDK (with the SDK's own
pyproject.toml settings); the table says whether it passed. The speed is only worth quoting
for output black would not change.

Specs: petstore, a medium corpus spec, GitHub's spec, and GitHub's spec with its operations
cloned 2x, 4x, 8x (bench/synthetic.py; GitHub's own spec is the 1x point). The corpus is
looked for in ../shared/corpus beside the clone, or --corpus.

openapi-generator: the npm wrapper (@openapitools/openapi-generator-cli) downloads the
generator's jar from Maven Central at run time, which this bench does not assume is
reachable; the same jar (7.26.0) is taken from PyPI's openapi-generator-cli wheel, which
bundles it, and run with the system's `java`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from plot import time_vs_size_svg  # noqa: E402  (bench/ is a folder of scripts, not a package)
from synthetic import HTTP_METHODS, count_operations, scale_spec  # noqa: E402

PEERS = {
    "openapi-python-client": "openapi-python-client==0.29.1",
    "openapi-generator": "openapi-generator-cli==7.26.0",
}
NPM_NOTE = (
    "openapi-generator 7.26.0 runs from PyPI's openapi-generator-cli wheel (it bundles the jar); "
    "the npm wrapper @openapitools/openapi-generator-cli downloads the jar from Maven Central at "
    "run time (repo1.maven.org), which is not used here"
)


@dataclass
class Run:
    wall_s: float | None
    cpu_s: float | None
    peak_rss_mb: float | None
    exit_code: int | None  # None: killed at --timeout
    stderr_tail: str = ""


@dataclass
class Result:
    tool: str
    spec: str
    operations: int
    runs: list[Run] = field(default_factory=list)

    def median(self, attribute: str) -> float | None:
        values = [getattr(r, attribute) for r in self.runs if r.exit_code == 0]
        return statistics.median(values) if values else None

    @property
    def status(self) -> str:
        if not self.runs:
            return "skipped (timed out on a smaller spec)"
        if any(r.exit_code is None for r in self.runs):
            return "timeout"
        failed = [r.exit_code for r in self.runs if r.exit_code != 0]
        return f"exit {failed[0]}" if failed else "ok"


# --------------------------------------------------------------------------- setup


def _venv(cache: Path, name: str, requirement: list[str], salt: str = "") -> Path:
    """A venv under the cache with `requirement` installed; reused when the marker (the
    requirement and SALT) matches."""
    venv = cache / f"venv-{name}"
    marker = venv / ".bench-installed"
    wanted = " ".join(requirement) + (f" {salt}" if salt else "")
    if marker.is_file() and marker.read_text() == wanted:
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", *requirement], check=True)
    marker.write_text(wanted)
    return venv


def tool_commands(cache: Path, tools: list[str]) -> dict[str, list[str]]:
    """tool -> command prefix; each command is completed with (spec, output dir)."""
    commands = {}
    for tool in tools:
        if tool == "sdkgen":
            # Editable: the bench always measures the clone's current code; reinstalled when
            # pyproject.toml (dependencies, the command's entry point) changes.
            project = hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()[:16]
            venv = _venv(cache, "sdkgen", ["-e", str(REPO)], salt=f"pyproject {project}")
            commands[tool] = [str(venv / "bin" / "sdkgen"), "generate"]
        elif tool == "openapi-python-client":
            venv = _venv(cache, tool, [PEERS[tool]])
            commands[tool] = [str(venv / "bin" / "openapi-python-client"), "generate", "--overwrite"]
        elif tool == "openapi-generator":
            if shutil.which("java") is None:
                print(f"skipping {tool}: no `java` on PATH", file=sys.stderr)
                continue
            venv = _venv(cache, tool, [PEERS[tool]])
            commands[tool] = [str(venv / "bin" / "openapi-generator-cli"), "generate", "-g", "python",
                              "--skip-validate-spec"]
        else:
            raise SystemExit(f"unknown tool {tool!r}; known: sdkgen, {', '.join(PEERS)}")
    return commands


def black_clean(sdkgen: str, tree: Path) -> bool:
    """Whether `black --check` passes in TREE (a generated SDK), with the black that sdkgen's
    venv has and the settings the SDK's pyproject.toml declares."""
    python = Path(sdkgen).parent / "python"
    check = subprocess.run([str(python), "-m", "black", "--check", "--quiet", "."], cwd=tree,
                           capture_output=True, text=True)
    return check.returncode == 0


def one_operation_changed(spec: Path, target: Path) -> Path:
    """`spec` with the description of one operation (the first of the middle path) changed:
    the input of an incremental run. Written once; deterministic."""
    if target.is_file():
        return target
    document = json.loads(spec.read_text(encoding="utf-8"))
    paths = list(document.get("paths", {}).values())
    item = paths[len(paths) // 2]
    operation = next(item[m] for m in HTTP_METHODS if isinstance(item.get(m), dict))
    operation["description"] = f"{operation.get('description', '')} (changed for the incremental run)".strip()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return target


def full_command(tool: str, prefix: list[str], spec: Path, out: Path) -> list[str]:
    if tool == "sdkgen":
        return [*prefix, str(spec), "--output", str(out)]
    if tool == "openapi-python-client":
        return [*prefix, "--path", str(spec), "--output-path", str(out)]
    return [*prefix, "-i", str(spec), "-o", str(out)]


def prepare_specs(corpus: Path, cache: Path, sizes: list[int], medium: str) -> list[tuple[str, Path, int]]:
    """(name, path, operation count) for every spec, smallest first."""
    github = corpus / "big" / "api.github.com.json"
    chosen = [("petstore", corpus / "edge" / "3.0-petstore.json"),
              (f"medium ({Path(medium).stem})", corpus / medium), ("github", github)]
    missing = [str(path) for _, path in chosen if not path.is_file()]
    if missing:
        raise SystemExit(f"corpus files not found: {', '.join(missing)} (pass --corpus DIR)")
    specs = []
    for name, path in chosen:
        specs.append((name, path, count_operations(json.loads(path.read_text(encoding="utf-8")))))
    base = json.loads(github.read_text(encoding="utf-8"))
    for factor in sorted(set(sizes) - {1}):
        target = cache / "specs" / f"github-x{factor}.json"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(scale_spec(base, factor)), encoding="utf-8")
        scaled = json.loads(target.read_text(encoding="utf-8"))
        specs.append((f"github x{factor}", target, count_operations(scaled)))
    return specs


# --------------------------------------------------------------------------- measuring


# Runs the tool and reports the kernel's accounting of it. A separate small process because
# Linux carries a process's peak RSS across fork and exec: measured directly from this script
# (which holds parsed specs), every tool would show at least this script's size.
_LAUNCHER = """
import json, os, sys, time
started = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
with open(sys.argv[1], "w") as report:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss,
               "exit": os.waitstatus_to_exitcode(status)}, report)
"""


def measure(command: list[str], env: dict[str, str], timeout: float) -> Run:
    """Run `command` once: wall clock from its start to its exit; CPU (user + system) and peak
    RSS (the largest single process) from the kernel, covering the children it waited for."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "usage.json"
        errors = Path(scratch) / "stderr"
        with open(errors, "wb") as stderr:
            process = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(report), *command],
                                       stdout=subprocess.DEVNULL, stderr=stderr, env=env,
                                       start_new_session=True)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return Run(None, None, None, None, "timeout")
        if not report.is_file():
            tail = errors.read_text(encoding="utf-8", errors="replace")[-600:]
            return Run(None, None, None, process.returncode or 127, tail)
        usage = json.loads(report.read_text())
        tail = errors.read_text(encoding="utf-8", errors="replace")[-600:] if usage["exit"] else ""
    # ru_maxrss is in KiB on Linux
    return Run(usage["wall"], usage["cpu"], usage["rss_kib"] / 1024, usage["exit"], tail)


INCREMENTAL = "generate, one operation changed"


def bench(specs: list[tuple[str, Path, int]], commands: dict[str, list[str]], runs: int,
          timeout: float, scratch: Path, black_check_ops: int) -> tuple[list[Result], dict[str, bool]]:
    """Every tool on every spec; and spec -> whether sdkgen's output passed `black --check`."""
    results = {(tool, name): Result(tool, name, ops) for name, _, ops in specs for tool in commands}
    noop = {(kind, name): Result(f"sdkgen {kind} (no-op)" if kind != INCREMENTAL else f"sdkgen {kind}", name, ops)
            for name, _, ops in specs for kind in ("generate", "check", INCREMENTAL)}
    timed_out: set[str] = set()
    clean: dict[str, bool] = {}
    ops_of = {name: ops for name, _, ops in specs}
    for name, path, _ in specs:  # smallest first: a tool that timed out is not run on larger ones
        for round_ in range(runs):
            for tool, prefix in commands.items():  # alternating tools, so drift hits all alike
                if tool in timed_out:
                    continue
                out = scratch / f"{tool}-{round_}"
                shutil.rmtree(out, ignore_errors=True)
                # Every cache in a fresh place (sdkgen's black and render caches live under it).
                env = {k: v for k, v in os.environ.items() if k not in ("SDKGEN_RENDER_CACHE", "SDKGEN_NO_CACHE")}
                env["XDG_CACHE_HOME"] = str(scratch / f"cache-{tool}-{round_}")
                run = measure(full_command(tool, prefix, path, out), env, timeout)
                results[(tool, name)].runs.append(run)
                if run.exit_code is None:
                    timed_out.add(tool)
                print(f"  {name:<24} {tool:<22} run {round_ + 1}/{runs}: "
                      + (f"{run.wall_s:.2f} s" if run.wall_s is not None else "timeout")
                      + (f" (exit {run.exit_code})" if run.exit_code else ""), flush=True)
                if tool == "sdkgen" and run.exit_code == 0 and round_ == 0 and ops_of[name] <= black_check_ops:
                    clean[name] = black_clean(prefix[0], out)
                    print(f"  {name:<24} black --check in sdkgen's output: {'passes' if clean[name] else 'FAILS'}",
                          flush=True)
                if tool == "sdkgen" and run.exit_code == 0:
                    for kind in ("generate", "check"):
                        command = [*prefix[:-1], kind, str(path), "--output", str(out)]
                        noop[(kind, name)].runs.append(measure(command, env, timeout))
                    changed = one_operation_changed(path, scratch.parent / "specs" / f"{path.stem}-changed.json")
                    noop[(INCREMENTAL, name)].runs.append(measure(full_command(tool, prefix, changed, out), env, timeout))
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(scratch / f"cache-{tool}-{round_}", ignore_errors=True)
    return list(results.values()) + [r for r in noop.values() if r.runs], clean


# --------------------------------------------------------------------------- reporting


def machine() -> dict[str, object]:
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    except OSError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    return {
        "date_utc": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory": memory,
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "java": _java_version(),
        "sdkgen_commit": commit,
    }


def _java_version() -> str:
    if shutil.which("java") is None:
        return ""
    probe = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return (probe.stderr or probe.stdout).splitlines()[0] if (probe.stderr or probe.stdout) else ""


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} {unit}" if unit == "MB" else f"{value:.2f} {unit}"


def _ratio(peer: float | None, ours: float | None) -> str:
    return f"{peer / ours:.2f}x" if peer is not None and ours else "-"


def table(results: list[Result], runs: int, clean: dict[str, bool]) -> str:
    ours = {r.spec: r for r in results if r.tool == "sdkgen"}
    lines = [
        f"Median of {runs} run(s); ratio = tool / sdkgen (above 1: sdkgen is faster or leaner); for the"
        " no-op and incremental sdkgen rows: that run / sdkgen's cold run of the same spec."
        " Status of an sdkgen cold row: `ok, black-clean` when `black --check` passed in its output.",
        "",
        "| spec | ops | tool | status | wall | cpu | peak RSS | wall ratio | cpu ratio | RSS ratio |",
        "|---|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        base = ours.get(result.spec)
        ratios = ["", "", ""]
        if base is not None and result.tool != "sdkgen":
            # a peer: peer / sdkgen; an sdkgen run on a tree it wrote: that run / sdkgen's cold run
            ratios = [_ratio(result.median(a), base.median(a)) for a in ("wall_s", "cpu_s", "peak_rss_mb")]
        status = result.status
        if result.tool == "sdkgen" and result.spec in clean:
            status += ", black-clean" if clean[result.spec] else ", NOT black-clean"
        lines.append(
            f"| {result.spec} | {result.operations} | {result.tool} | {status} | "
            f"{_fmt(result.median('wall_s'), 's')} | {_fmt(result.median('cpu_s'), 's')} | "
            f"{_fmt(result.median('peak_rss_mb'), 'MB')} | {' | '.join(ratios)} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and spec (median; default 3)")
    parser.add_argument("--sizes", default="1,2,4,8", help="GitHub-spec multiples for the scaling curve")
    parser.add_argument("--tools", default="sdkgen,openapi-python-client,openapi-generator")
    parser.add_argument("--specs", default="", help="only specs whose name contains one of these (comma list)")
    parser.add_argument("--medium", default="real/mux.com.json", help="the medium spec, relative to the corpus")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run before it is killed")
    parser.add_argument("--black-check-ops", type=int, default=2000,
                        help="run `black --check` in sdkgen's output of specs of at most this many operations")
    args = parser.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if "sdkgen" not in tools:
        tools.insert(0, "sdkgen")  # the ratios need it
    args.cache.mkdir(parents=True, exist_ok=True)
    print("setting up tools (cached in bench/.cache) ...", flush=True)
    commands = tool_commands(args.cache, tools)
    if "openapi-generator" in commands:
        print(f"note: {NPM_NOTE}", flush=True)
    specs = prepare_specs(args.corpus, args.cache, [int(s) for s in args.sizes.split(",")], args.medium)
    if args.specs:
        wanted = [w.strip() for w in args.specs.split(",")]
        specs = [s for s in specs if any(w in s[0] for w in wanted)]
    info = machine()  # before the runs: the commit measured is the one checked out now
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=args.cache))
    try:
        results, clean = bench(specs, commands, args.runs, args.timeout, scratch, args.black_check_ops)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    report = table(results, args.runs, clean)
    print("\n" + report)
    args.out.mkdir(parents=True, exist_ok=True)
    payload = {"machine": info, "runs": args.runs, "notes": [NPM_NOTE] if "openapi-generator" in commands else [],
               "black_clean": clean,
               "results": [{**asdict(r), "status": r.status,
                            "median": {a: r.median(a) for a in ("wall_s", "cpu_s", "peak_rss_mb")}}
                           for r in results]}
    (args.out / "latest.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    machine_lines = "\n".join(f"- {key}: {value}" for key, value in info.items())
    notes = "".join(f"\n\nNote: {note}." for note in payload["notes"])
    (args.out / "latest.md").write_text(
        f"# Benchmark: sdkgen and peers\n\nMachine:\n{machine_lines}\n\n{report}{notes}\n\n"
        f"Plot: [time-vs-size.svg](time-vs-size.svg)\n", encoding="utf-8")
    points = {}
    for result in results:
        if not result.tool.startswith("sdkgen ") and result.median("wall_s") is not None:
            points.setdefault(result.tool, []).append((result.operations, result.median("wall_s")))
    (args.out / "time-vs-size.svg").write_text(time_vs_size_svg(points), encoding="utf-8")
    print(f"\nwrote {args.out / 'latest.md'}, latest.json, time-vs-size.svg")


if __name__ == "__main__":
    main()
