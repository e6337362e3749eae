"""Generated SDKs compile, import, pass mypy --strict and their own tests; the seed example runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import ROOT, SHARED

SEED_PAGE = SHARED / "seed" / "update-resource-group.txt"


def sdkgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", *args],
                          cwd=ROOT, capture_output=True, text=True)


def test_verify_generated_cloudflare() -> None:
    result = sdkgen("verify", str(ROOT / "generated" / "cloudflare"))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["compile", "import", "mypy --strict", "tests"]
    assert "mypy --strict: ok (no issues)" in lines
    assert all(": ok (" in line for line in lines)


def test_petstore_generates_and_verifies(petstore_spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "petstore"
    result = sdkgen("generate", str(petstore_spec), "--output", str(out))
    assert result.returncode == 0, result.stderr
    client = (out / "src" / "swagger_petstore" / "_client.py").read_text()
    assert "class SwaggerPetstore(SyncAPIClient):" in client
    assert "class AsyncSwaggerPetstore(AsyncAPIClient):" in client
    # the multipart upload is generated too (it used to be skipped)
    pets = (out / "src" / "swagger_petstore" / "resources" / "pet.py").read_text()
    assert "def upload_file(" in pets and "multipart_body(" in pets
    verified = sdkgen("verify", str(out))
    assert verified.returncode == 0, verified.stdout + verified.stderr


class _Recorder(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, dict[str, str], bytes]] = []

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        _Recorder.seen.append((self.command, self.path, dict(self.headers), body))
        payload = json.dumps({"success": True, "errors": [], "messages": [], "result": {
            "id": "6d7f2f5f5b1d4a0e9081fdc98d432fd1", "scope": [], "name": "n"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@pytest.fixture()
def loopback() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/client/v4"
    server.shutdown()
    server.server_close()


def test_seed_page_example_runs_as_written(loopback: str) -> None:
    if not SEED_PAGE.is_file():
        pytest.skip("../shared/seed is not beside the project")
    text = SEED_PAGE.read_text()
    start = text.index("import os\nfrom cloudflare import Cloudflare")
    example = text[start : text.index("print(resource_group.id)", start) + len("print(resource_group.id)")]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generated" / "cloudflare" / "src"),
           "CLOUDFLARE_API_TOKEN": "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY", "CLOUDFLARE_BASE_URL": loopback}
    result = subprocess.run([sys.executable, "-c", example], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "6d7f2f5f5b1d4a0e9081fdc98d432fd1"
    method, path, headers, body = _Recorder.seen[-1]
    assert (method, path) == (
        "PUT", "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/iam/resource_groups/023e105f4ecef8ad9ca31a8372d0c353"
    )
    assert headers["Authorization"] == "Bearer Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY"
    assert json.loads(body) == {}
