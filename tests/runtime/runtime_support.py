"""Shared by the runtime tests: the rendered package (once per session) and mock helpers.

Importing this module renders `templates/runtime/**` into a temp dir and puts it on
`sys.path`, so tests can `import acme_sdk`.
"""

from __future__ import annotations

import sys
import shutil
import atexit
import tempfile
from typing import Any, List, Callable
from pathlib import Path

import httpx

from render_runtime import write_package

RENDER_DIR = Path(tempfile.mkdtemp(prefix="sdkgen-runtime-"))
atexit.register(shutil.rmtree, RENDER_DIR, True)
PACKAGE_DIR = write_package(RENDER_DIR)
sys.path.insert(0, str(RENDER_DIR))

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
