"""The envelope path (`envelope.result_key`) with a result that is a Literal or a Union: the method
casts through Any (`Type[Optional[Literal[...]]]` is no type for mypy) and still unwraps on the wire."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.breadth.loopback import Loopback, generate_and_import


def _enveloped(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "description": "ok",
        "content": {"application/json": {"schema": {"type": "object", "properties": {"result": schema}}}},
    }


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Envelope", "version": "1"},
    "servers": [{"url": "https://api.example.test"}],
    "paths": {
        "/mode": {"get": {"operationId": "getMode", "tags": ["state"],
                          "responses": {"200": _enveloped({"type": "string", "enum": ["on", "off"]})}}},
        "/either": {"get": {"operationId": "getEither", "tags": ["state"],
                            "responses": {"200": _enveloped({"oneOf": [{"type": "integer"}, {"type": "string"}]})}}},
        "/thing": {"get": {"operationId": "getThing", "tags": ["state"],
                           "responses": {"200": _enveloped({"type": "object", "properties": {"id": {"type": "string"}}})}}},
    },
}


@pytest.fixture(scope="module")
def sdk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("envelope") / "sdk"
    out.parent.joinpath("sdkgen.yaml").write_text("envelope:\n  result_key: result\n")
    load = generate_and_import(SPEC, out, "envelope_sdk")
    with Loopback() as server:
        server.reply("GET", "/mode", {"result": "off"})
        server.reply("GET", "/either", {"result": 3})
        server.reply("GET", "/thing", {"result": {"id": "t1"}})
        client = load().Client(base_url=server.url, max_retries=0)
        assert client.state.get_mode() == "off"
        assert client.state.get_either() == 3
        assert client.state.get_thing().id == "t1"
    return out


def test_enveloped_literal_and_union_results_unwrap(sdk_dir: Path) -> None:
    source = (sdk_dir / "src" / "envelope_sdk" / "resources" / "state.py").read_text()
    assert "cast(Any, ResultWrapper[" in source and "Type[Optional[StateGetModeResponse]]" not in source
    assert "cast(Type[Optional[StateGetThingResponse]], ResultWrapper[StateGetThingResponse])" in source


def test_enveloped_resource_is_mypy_strict_clean(sdk_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "envelope_sdk.resources.state"],
        cwd=sdk_dir / "src", capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
