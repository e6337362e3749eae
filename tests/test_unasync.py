"""The runtime's sync half is derived from its async half, and the committed copy is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.unasync import RUNTIME_DIR, UnasyncError, derive_sync, rewrite, twin_modules

ROOT = Path(__file__).resolve().parents[1]


def test_committed_sync_code_is_derived_from_the_async_code() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator.unasync", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, f"run `python -m generator.unasync`:\n{proc.stderr}"
    names = {path.name for path in twin_modules()}
    assert {"_base_client.py", "_response.py", "_resource.py"} <= names


def test_every_twin_module_is_a_fixed_point() -> None:
    for path in twin_modules(RUNTIME_DIR):
        text = path.read_text(encoding="utf-8")
        assert rewrite(text, path) == text, path


def test_tokens_keywords_and_awaitable() -> None:
    source = (
        "class AsyncThing(AsyncAPIResource):\n"
        "    async def fetch(self, f: Callable[[], Awaitable[Dict[str, Awaitable[int]]]]) -> AsyncIterator[bytes]:\n"
        "        async with self._client as c:\n"
        "            async for chunk in c.aiter_bytes():\n"
        "                yield await c.aread()\n"
        "        await self.http_response.aclose()\n"
    )
    with pytest.raises(UnasyncError, match="AsyncThing"):
        derive_sync(source)  # a name the table does not know must not slip through
    sync = derive_sync(source.replace("AsyncThing", "AsyncAPIClient"))
    assert sync == (
        "class SyncAPIClient(SyncAPIResource):\n"
        "    def fetch(self, f: Callable[[], Dict[str, int]]) -> Iterator[bytes]:\n"
        "        with self._client as c:\n"
        "            for chunk in c.iter_bytes():\n"
        "                yield c.read()\n"
        "        self.http_response.close()\n"
    )


def test_async_only_and_sync_only_blocks() -> None:
    source = (
        "class AsyncAPIClient:\n"
        "    async def _sleep(self, seconds: float) -> None:\n"
        "        # unasync: async-only\n"
        "        import anyio\n"
        "\n"
        "        await anyio.sleep(seconds)\n"
        "        # unasync: sync-only\n"
        "            # time.sleep(seconds)\n"  # black may indent the comment deeper: it lands where anyio stood
        "        # unasync: end\n"
        "\n"
        "    # unasync: async-only\n"
        "    def label(self) -> str:\n"
        '        return "async"\n'
        "\n"
        "    # unasync: end\n"
    )
    assert derive_sync(source) == (
        "class SyncAPIClient:\n"
        "    def _sleep(self, seconds: float) -> None:\n"
        "        time.sleep(seconds)\n"
        "\n"
    )


@pytest.mark.parametrize(
    "source, message",
    [
        ("x = 1\n# unasync: end\n", "without a block"),
        ("# unasync: async-only\nx = 1\n", "not closed"),
        ("# unasync: sync-only\nx = 1\n# unasync: end\n", "must be a comment"),
        ("async def f() -> None:\n    await anyio.sleep(1)\n", "anyio"),
    ],
)
def test_malformed_sections_are_refused(source: str, message: str) -> None:
    with pytest.raises(UnasyncError, match=message):
        derive_sync(source)
