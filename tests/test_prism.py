"""Requests of generated SDKs checked by an independent validator: Prism, mocking the spec.

Prism (`@stoplight/prism-cli` from npm) answers each request from the spec and, with `--errors`,
answers 422 to any request that breaks the spec (path, query, headers, security, body), listing
the violations in an `sl-violations` header. A mock we write shares our reading of the spec; Prism
does not. Every method runs sync and async, with its required arguments and with all of them, and
no request may carry a violation other than the known ones listed below.

Prism is installed once into .cache/prism (npm, pinned). Set SDKGEN_PRISM to use another binary.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import ROOT

PRISM_VERSION = "5.16.0"
PRISM_DIR = ROOT / ".cache" / "prism"
GENERATED_SRC = ROOT / "generated" / "cloudflare" / "src"
ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353"
GROUP = "6d7f2f5f5b1d4a0e9081fdc98d432fd1"
SCOPE = [{"key": "com.cloudflare.api.account.x", "objects": [{"key": "com.cloudflare.api.account.zone.y"}]}]


def prism_binary() -> Path:
    configured = os.environ.get("SDKGEN_PRISM")
    if configured:
        return Path(configured)
    binary = PRISM_DIR / "node_modules" / ".bin" / "prism"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to install Prism (the independent request validator)")
        proc = subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PRISM_DIR),
             f"@stoplight/prism-cli@{PRISM_VERSION}"],
            capture_output=True, text=True, timeout=600,
        )
        if proc.returncode != 0 or not binary.exists():
            pytest.fail(f"could not install Prism with npm:\n{proc.stdout}\n{proc.stderr}")
    return binary


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = prism_binary()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("prism") / "prism.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [str(binary), "mock", "--errors", "-h", "127.0.0.1", "-p", str(port),
             str(ROOT / "specs" / "cloudflare" / "openapi.yaml")],
            stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while "Prism is listening" not in log_path.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Prism did not start:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


CALLS = f"""
import asyncio, json, sys, httpx, cloudflare
base = sys.argv[1]
ACCOUNT, GROUP, SCOPE = {ACCOUNT!r}, {GROUP!r}, {SCOPE!r}
violations = []

def record(response):
    violations.extend(json.loads(response.headers.get("sl-violations", "[]")))

async def arecord(response):
    record(response)

def calls(resource):
    return [
        ("create", lambda: resource.create(account_id=ACCOUNT, name="n", scope=SCOPE[0])),
        ("update required", lambda: resource.update(GROUP, account_id=ACCOUNT)),
        ("update all", lambda: resource.update(GROUP, account_id=ACCOUNT, name="n", scope=SCOPE[0])),
        ("list required", lambda: resource.list(account_id=ACCOUNT)),
        ("list all", lambda: resource.list(account_id=ACCOUNT, id=GROUP, name="n")),
        ("delete", lambda: resource.delete(GROUP, account_id=ACCOUNT)),
        ("get", lambda: resource.get(GROUP, account_id=ACCOUNT)),
    ]

def report(flavor, name, error):
    print(json.dumps([flavor, name, error, [v["message"] for v in violations]]))
    violations.clear()

for credentials in ({{"api_token": "t"}}, {{"api_email": "me@example.com", "api_key": "k"}}):
    http = httpx.Client(event_hooks={{"response": [record]}})
    client = cloudflare.Cloudflare(base_url=base, max_retries=0, http_client=http, **credentials)
    for name, call in calls(client.iam.resource_groups):
        try:
            call()
            report("sync", name, None)
        except cloudflare.APIStatusError as exc:
            report("sync", name, exc.status_code)

async def main():
    http = httpx.AsyncClient(event_hooks={{"response": [arecord]}})
    async with cloudflare.AsyncCloudflare(api_token="t", base_url=base, max_retries=0, http_client=http) as client:
        for name, call in calls(client.iam.resource_groups):
            try:
                await call()
                report("async", name, None)
            except cloudflare.APIStatusError as exc:
                report("async", name, exc.status_code)

asyncio.run(main())
"""

# The spec (like Cloudflare's own) declares a required JSON body on DELETE without a schema; the
# official SDK sends none, and the generated one matches the official wire (tests/test_wire.py).
KNOWN_VIOLATIONS = {"delete": (422, ["Body parameter is required"])}


def test_every_seed_method_passes_prism_validation(prism: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(GENERATED_SRC)}
    env = {k: v for k, v in env.items() if not k.startswith("CLOUDFLARE_")}
    proc = subprocess.run([sys.executable, "-c", CALLS, prism], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(results) == 7 * 3
    for flavor, name, status, violations in results:
        expected_status, expected_violations = KNOWN_VIOLATIONS.get(name, (None, []))
        assert (status, violations) == (expected_status, expected_violations), (flavor, name, status, violations)


def test_prism_rejects_a_request_that_breaks_the_spec(prism: str) -> None:
    """The validator is live: an account id of the wrong length is refused (so a pass means something)."""
    import httpx

    response = httpx.get(f"{prism}/accounts/short/iam/resource_groups/{GROUP}", headers={"Authorization": "Bearer t"})
    assert response.status_code == 422, response.text
    violations = json.loads(response.headers["sl-violations"])
    assert any(v["location"][:2] == ["request", "path"] for v in violations), violations
