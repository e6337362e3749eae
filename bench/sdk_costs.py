"""What a generated SDK costs its users, against the official SDK and the floor, in one run.

    python bench/sdk_costs.py [--runs N] [--calls N] [--json PATH] [--sdk-src DIR]

Sets up (once, cached under .cache/bench-venvs/) a venv with the official cloudflare==5.9.0,
whose httpx/pydantic the three contenders then share, and measures:

- startup: `import` + construct the client + first resource access, timed inside a fresh
  process (median of --runs), for the generated `cloudflare` (generated/cloudflare/src, or
  --sdk-src), the official 5.9.0, and the floor (`import httpx, pydantic` + an `httpx.Client()`),
  with ratios to the floor (medians, and minimums: the least-disturbed runs). Both SDKs are measured byte-compiled, as `pip install` leaves them:
  the generated source is copied under .cache/ and compiled there first (with
  PYTHONDONTWRITEBYTECODE set, it would otherwise be compiled again in every process, ~40 ms);
- per call: a typical call (serialise params, send, parse the enveloped model) against a
  keep-alive HTTP server on 127.0.0.1 in its own process, against raw httpx making the same
  request and `.json()`-ing the reply, sync and async (median per-call time of --runs batches).
  "paired": the median over batches of an SDK batch / the raw-httpx batch run right after it
  in the same process (both see the same load: the steadiest figure on a shared machine).
  A second raw row sends the 14 headers both SDKs send (telemetry, `api-version`, ...): what
  those headers cost inside httpx and h11 alone, a floor for any SDK that must send them.

Nothing here touches the network but PyPI for the one-time venv. Prints a table; writes JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
VENVS = ROOT / ".cache" / "bench-venvs"
GENERATED_SRC = ROOT / "generated" / "cloudflare" / "src"
COMPILED_SRC = ROOT / ".cache" / "sdk-costs-src"
OFFICIAL = ["cloudflare==5.9.0"]

ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353"
GROUP = "6d7f2f5f5b1d4a0e9081fdc98d432fd1"
REPLY = json.dumps(
    {
        "success": True,
        "errors": [],
        "messages": [],
        "result": {
            "id": GROUP,
            "name": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
            "meta": {"key": "key", "value": "value"},
            "scope": {"key": "com.cloudflare.api.account.x", "objects": [{"key": "com.cloudflare.api.account.zone.y"}]},
        },
    }
).encode()

# A keep-alive HTTP/1.1 server that answers every request with REPLY: small and fast, so the
# measured differences are the clients', not the server's.
SERVER = textwrap.dedent(
    """
    import asyncio, sys
    REPLY = sys.stdin.buffer.read()
    HEAD = b"HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\ncontent-length: %d\\r\\n\\r\\n" % len(REPLY)

    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\\r\\n\\r\\n")
                length = 0
                for line in head.split(b"\\r\\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length:
                    await reader.readexactly(length)
                writer.write(HEAD + REPLY)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[1]))
        print("ready", flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(main())
    """
)

STARTUP = {
    "floor": "import httpx, pydantic\nc = httpx.Client()",
    "generated": "import cloudflare\nc = cloudflare.Cloudflare(api_token='t')\nc.iam.resource_groups",
    "official 5.9.0": "import cloudflare\nc = cloudflare.Cloudflare(api_token='t')\nc.iam.resource_groups",
}

CALLS = textwrap.dedent(
    """
    import asyncio, json, sys, time
    mode, base, calls, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    ACCOUNT, GROUP = %r, %r
    url = f"{base}/client/v4/accounts/{ACCOUNT}/iam/resource_groups/{GROUP}"
    headers = {"Authorization": "Bearer t", "Content-Type": "application/json"}
    sdk_headers = {
        "Accept": "application/json", "Content-Type": "application/json", "User-Agent": "Cloudflare/Python 5.9.0",
        "X-Stainless-Lang": "python", "X-Stainless-Package-Version": "5.9.0", "X-Stainless-OS": "Linux",
        "X-Stainless-Arch": "x64", "X-Stainless-Runtime": "CPython", "X-Stainless-Runtime-Version": "3.11.7",
        "X-Stainless-Async": "false", "Authorization": "Bearer t", "x-stainless-retry-count": "0",
        "x-stainless-read-timeout": "60", "api-version": "2026-12-02",
    }
    if mode == "raw-sdk-headers":
        mode, headers = "raw", sdk_headers
    body = {"name": "n", "scope": {"key": "k", "objects": [{"key": "o"}]}}

    # In an SDK's process a raw-httpx twin runs too, batch for batch: the paired ratios see the
    # same machine load on both sides (on a shared machine the load drifts between processes).
    def sync_calls():
        import httpx
        raw = httpx.Client()
        calls = {"raw": lambda: raw.put(url, json=body, headers=headers).json()["result"]}
        if mode == "sdk":
            import cloudflare
            client = cloudflare.Cloudflare(api_token="t", base_url=base + "/client/v4", max_retries=0)
            calls["sdk"] = lambda: client.iam.resource_groups.update(GROUP, account_id=ACCOUNT, name="n", scope=body["scope"])
        return calls

    def async_calls():
        import httpx
        raw = httpx.AsyncClient()
        sent = {**headers, "X-Stainless-Async": "async:asyncio"} if headers is sdk_headers else headers
        async def raw_call():
            return (await raw.put(url, json=body, headers=sent)).json()["result"]
        calls = {"raw": raw_call}
        if mode == "sdk":
            import cloudflare
            client = cloudflare.AsyncCloudflare(api_token="t", base_url=base + "/client/v4", max_retries=0)
            async def sdk_call():
                return await client.iam.resource_groups.update(GROUP, account_id=ACCOUNT, name="n", scope=body["scope"])
            calls["sdk"] = sdk_call
        return calls

    def sync_batches():
        made = sync_calls()
        times = {name: [] for name in made}
        for name, call in made.items():
            for _ in range(20):
                call()
        for _ in range(runs):
            for name, call in made.items():
                start = time.perf_counter()
                for _ in range(calls):
                    call()
                times[name].append((time.perf_counter() - start) / calls)
        return times

    async def async_batches():
        made = async_calls()
        times = {name: [] for name in made}
        for name, call in made.items():
            for _ in range(20):
                await call()
        for _ in range(runs):
            for name, call in made.items():
                start = time.perf_counter()
                for _ in range(calls):
                    await call()
                times[name].append((time.perf_counter() - start) / calls)
        return times

    print(json.dumps({"sync": sync_batches(), "async": asyncio.run(async_batches())}))
    """
) % (ACCOUNT, GROUP)


def official_python() -> Path:
    """The cached venv with the official SDK (and so the httpx/pydantic every contender uses)."""
    key = hashlib.sha256(json.dumps([sys.version, OFFICIAL]).encode()).hexdigest()[:12]
    venv = VENVS / f"official-{key}"
    python = venv / "bin" / "python"
    if not (venv / ".complete").exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *OFFICIAL], check=True)
        (venv / ".complete").write_text("ok")
    return python


def compiled_copy(python: Path, source: Path) -> Path:
    """A fresh copy of the generated source tree, byte-compiled by `python` (as pip would install it)."""
    shutil.rmtree(COMPILED_SRC, ignore_errors=True)
    shutil.copytree(source, COMPILED_SRC, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    subprocess.run([str(python), "-m", "compileall", "-q", str(COMPILED_SRC)], check=True)
    return COMPILED_SRC


def _env(generated: bool) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOUDFLARE_")}
    env.pop("PYTHONPATH", None)
    if generated:
        env["PYTHONPATH"] = str(COMPILED_SRC)
    return env


def startup_seconds(python: Path, code: str, generated: bool) -> float:
    timed = f"import time\n_t = time.perf_counter()\n{code}\nprint(time.perf_counter() - _t)"
    out = subprocess.run([str(python), "-c", timed], env=_env(generated), capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def call_seconds(
    python: Path, mode: str, base: str, calls: int, runs: int, generated: bool
) -> Dict[str, Dict[str, List[float]]]:
    """Seconds per call of each batch, by flavor then by "raw" / "sdk" (an SDK's process runs both)."""
    out = subprocess.run(
        [str(python), "-c", CALLS, mode, base, str(calls), str(runs)],
        env=_env(generated),
        capture_output=True,
        text=True,
        check=True,
    )
    times: Dict[str, Dict[str, List[float]]] = json.loads(out.stdout)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per startup figure, batches per call figure")
    parser.add_argument("--calls", type=int, default=200, help="calls per batch")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "sdk_costs.json")
    parser.add_argument("--sdk-src", type=Path, default=GENERATED_SRC, help="source dir of the generated package")
    args = parser.parse_args()
    if not (args.sdk_src / "cloudflare" / "__init__.py").is_file():
        print(f"{args.sdk_src}/cloudflare is missing: run the README's generate command first", file=sys.stderr)
        return 2
    python = official_python()
    compiled_copy(python, args.sdk_src)
    load_before = os.getloadavg()

    startup: Dict[str, float] = {}
    samples: Dict[str, List[float]] = {name: [] for name in STARTUP}
    for _ in range(args.runs):  # interleaved, so drift in the machine's load hits every contender
        for name, code in STARTUP.items():
            samples[name].append(startup_seconds(python, code, generated=name == "generated"))
    startup = {name: statistics.median(values) for name, values in samples.items()}
    # the least-disturbed sample: on a shared machine the median also measures the neighbours
    startup_min = {name: min(values) for name, values in samples.items()}

    port = _free_port()
    server = subprocess.Popen(
        [str(python), "-c", SERVER, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=False
    )
    try:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(REPLY)
        server.stdin.close()
        server.stdout.readline()
        base = f"http://127.0.0.1:{port}"
        contenders = {
            "raw httpx": ("raw", False),
            "raw httpx, the SDKs' 14 headers": ("raw-sdk-headers", False),
            "generated": ("sdk", True),
            "official 5.9.0": ("sdk", False),
        }
        rounds: Dict[str, Dict[str, List[float]]] = {name: {"sync": [], "async": []} for name in contenders}
        paired: Dict[str, Dict[str, List[float]]] = {name: {"sync": [], "async": []} for name in contenders}
        for _ in range(max(args.runs // 3, 1)):  # interleaved rounds of 3 batches each
            for name, (mode, generated) in contenders.items():
                for flavor, by_side in call_seconds(python, mode, base, args.calls, 3, generated).items():
                    own = by_side["sdk" if mode == "sdk" else "raw"]
                    rounds[name][flavor].extend(own)
                    paired[name][flavor].extend(mine / raw for mine, raw in zip(own, by_side["raw"]))
        per_call = {
            name: {flavor: statistics.median(values) for flavor, values in figures.items()}
            for name, figures in rounds.items()
        }
        per_call_min = {name: {flavor: min(values) for flavor, values in figures.items()} for name, figures in rounds.items()}
        # each SDK batch over the raw-httpx batch run right after it in the same process
        paired_ratio = {
            name: {flavor: statistics.median(values) for flavor, values in figures.items()}
            for name, figures in paired.items()
            if contenders[name][0] == "sdk"
        }
    finally:
        server.terminate()
        server.wait(timeout=10)

    floor, floor_min = startup["floor"], startup_min["floor"]
    print(f"{'startup (import + client + first resource)':<46}{'ms':>9}{'x floor':>9}{'min ms':>9}{'x floor':>9}")
    for name, seconds in startup.items():
        least = startup_min[name]
        print(f"  {name:<44}{seconds * 1000:>9.1f}{seconds / floor:>9.2f}{least * 1000:>9.1f}{least / floor_min:>9.2f}")
    for flavor in ("sync", "async"):
        raw, raw_min = per_call["raw httpx"][flavor], per_call_min["raw httpx"][flavor]
        head = f"{'per call, ' + flavor + ' (update, enveloped model)':<46}{'us':>9}{'x httpx':>9}{'min us':>9}{'x httpx':>9}"
        print(f"{head}{'paired':>9}")
        for name, figures in per_call.items():
            least = per_call_min[name][flavor]
            pair = f"{paired_ratio[name][flavor]:>9.2f}" if name in paired_ratio else ""
            print(
                f"  {name:<44}{figures[flavor] * 1e6:>9.0f}{figures[flavor] / raw:>9.2f}"
                f"{least * 1e6:>9.0f}{least / raw_min:>9.2f}{pair}"
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_average_1_5_15_min": {"before": load_before, "after": os.getloadavg()},
                },
                "runs": args.runs,
                "calls": args.calls,
                "startup_seconds": startup,
                "per_call_seconds": per_call,
                "startup_seconds_min": startup_min,
                "per_call_seconds_min": per_call_min,
                "per_call_paired_ratio_to_raw_httpx": paired_ratio,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
