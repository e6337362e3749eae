"""Importing a generated SDK and constructing its client imports no resource or type module.

Each resource and type module loads on first access; the names stay importable as before
(`from pkg.types.x import Y`, `pkg.types.x.Y`, `from pkg import *`) and typed exactly for mypy
(the package `__init__` files import every name under TYPE_CHECKING: `sdkgen verify` runs
`mypy --strict` on the generated tree in tests/test_generated_sdks.py).
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import sys

def loaded(prefix):
    return sorted(m for m in sys.modules if m == prefix or m.startswith(prefix + "."))

import cloudflare
client = cloudflare.Cloudflare(api_token="t")
async_client = cloudflare.AsyncCloudflare(api_token="t")
print("after construct:", loaded("cloudflare.resources") + loaded("cloudflare.types") + loaded("cloudflare._streaming"))
client.iam
print("after client.iam:", loaded("cloudflare.resources"), loaded("cloudflare.types"))
client.iam.resource_groups
print("after resource_groups:", loaded("cloudflare.types.iam")[:2])
print("same class:", type(client.iam.resource_groups) is cloudflare.resources.iam.ResourceGroupsResource)
print("types by attribute:", cloudflare.types.iam.ResourceGroupGetResponse.__name__)
from cloudflare.types.iam import ResourceGroupUpdateParams
from cloudflare import Stream, AsyncStream
print("stream:", Stream.__module__, AsyncStream.__name__)
try:
    cloudflare.types.iam.NoSuchThing
except AttributeError as exc:
    print("missing:", exc)
ns = {}
exec("from cloudflare.resources.iam import *", ns)
print("star:", sorted(k for k in ns if not k.startswith("__"))[:2])
"""


def _run_with_seed_sdk(script: str) -> list[str]:
    """Run `script` in a fresh interpreter with the seed SDK (and this repo, for tests.*) importable."""
    src = ROOT / "generated" / "cloudflare" / "src"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(ROOT)])}
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_import_and_construct_load_no_resource_or_type_module() -> None:
    assert _run_with_seed_sdk(SCRIPT) == [
        "after construct: []",
        "after client.iam: ['cloudflare.resources', 'cloudflare.resources.iam', 'cloudflare.resources.iam.iam'] []",
        "after resource_groups: ['cloudflare.types.iam', 'cloudflare.types.iam.resource_group_create_params']",
        "same class: True",
        "types by attribute: ResourceGroupGetResponse",
        "stream: cloudflare._streaming AsyncStream",
        "missing: module 'cloudflare.types.iam' has no attribute 'NoSuchThing'",
        "star: ['AsyncIAMResource', 'AsyncIAMResourceWithRawResponse']",
    ]


STARTUP_SCRIPT = """
import asyncio, sys
from tests.loopback import json_server

def models_built():
    # pydantic.main holds BaseModel: loaded once any model class exists (`import pydantic` alone does not load it)
    return sorted(m for m in ("pydantic.main", "cloudflare._models", "cloudflare.pagination", "cloudflare._pages") if m in sys.modules)

import cloudflare
client = cloudflare.Cloudflare(api_token="t", max_retries=0)
async_client = cloudflare.AsyncCloudflare(api_token="t", max_retries=0)
client.iam.resource_groups.update, async_client.iam.resource_groups.list
print("startup:", models_built())
group = {"id": "g1", "scope": [{"key": "k", "objects": [{"key": "o"}]}], "name": "n", "extra": 1}
with json_server({"success": True, "errors": [], "messages": [], "result": group}) as server:
    client = client.with_options(base_url=server.url)
    updated = client.iam.resource_groups.update("g1", account_id="a", name="n")
    print("update:", type(updated).__name__, updated.id, updated.scope[0].objects[0].key, updated.model_extra)
    print("after a call:", models_built())
with json_server({"success": True, "errors": [], "messages": [], "result": [group]}) as server:
    async_client = async_client.with_options(base_url=server.url)
    async def first_page():
        return [item.id async for item in async_client.iam.resource_groups.list(account_id="a")]
    print("async list:", asyncio.run(first_page()))
print("BaseModel:", cloudflare.BaseModel.__mro__[1].__module__)
"""


def test_startup_builds_no_pydantic_model() -> None:
    # import + construct + first resource stay at the floor's cost (bench/sdk_costs.py): pydantic's
    # model machinery (~half the floor again) loads with the first call that parses a response
    assert _run_with_seed_sdk(STARTUP_SCRIPT) == [
        "startup: []",
        "update: ResourceGroupUpdateResponse g1 o {'extra': 1}",
        "after a call: ['cloudflare._models', 'pydantic.main']",
        "async list: ['g1']",
        "BaseModel: pydantic.main",
    ]
