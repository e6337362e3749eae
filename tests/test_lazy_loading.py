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


def test_import_and_construct_load_no_resource_or_type_module() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generated" / "cloudflare" / "src")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "after construct: []",
        "after client.iam: ['cloudflare.resources', 'cloudflare.resources.iam', 'cloudflare.resources.iam.iam'] []",
        "after resource_groups: ['cloudflare.types.iam', 'cloudflare.types.iam.resource_group_create_params']",
        "same class: True",
        "types by attribute: ResourceGroupGetResponse",
        "stream: cloudflare._streaming AsyncStream",
        "missing: module 'cloudflare.types.iam' has no attribute 'NoSuchThing'",
        "star: ['AsyncIAMResource', 'AsyncIAMResourceWithRawResponse']",
    ]
