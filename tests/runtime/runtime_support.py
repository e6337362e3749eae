"""Shared by the runtime tests: the Acme SDK (generated once per session) and mock helpers.

Importing this module generates `tests/runtime/acme/openapi.yaml` with the real generator into a
temp dir and puts it on `sys.path`, so tests can `import acme_sdk`: the runtime under test is
exactly the one every SDK ships, and the client around it is the one the generator writes.
"""

from __future__ import annotations

import sys
import shutil
import atexit
import tempfile
from typing import Any, List, Callable
from pathlib import Path

import httpx

from generator.pipeline import generate

ACME_SPEC = Path(__file__).resolve().parent / "acme" / "openapi.yaml"
RENDER_DIR = Path(tempfile.mkdtemp(prefix="sdkgen-runtime-"))
atexit.register(shutil.rmtree, RENDER_DIR, True)
SDK_DIR = RENDER_DIR / "acme"
generate(ACME_SPEC, SDK_DIR)
PACKAGE_DIR = SDK_DIR / "src" / "acme_sdk"
sys.path.insert(0, str(SDK_DIR / "src"))

import acme_sdk  # noqa: E402

BASE_URL = "http://api.acme.test/client/v4"
API_KEY = "sk-super-secret-123"

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that records requests and replays scripted responses."""

    def __init__(self, *responses: Any) -> None:
        self.responses: List[Any] = list(responses)
        self.requests: List[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        item = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(item, BaseException):
            raise item
        if callable(item):
            return item(request)
        return item

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def ok(result: Any = None, **extra: Any) -> httpx.Response:
    return httpx.Response(
        200, json={"success": True, "errors": [], "result": result, **extra}
    )
