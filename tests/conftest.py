from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLOUDFLARE_SPEC = ROOT / "specs" / "cloudflare" / "openapi.yaml"
CLOUDFLARE_CONFIG = ROOT / "specs" / "cloudflare" / "sdkgen.yaml"
PETSTORE = SHARED / "corpus" / "edge" / "3.0-petstore.json"


@pytest.fixture(scope="session")
def petstore_spec() -> Path:
    if not PETSTORE.is_file():
        pytest.skip("../shared/corpus is not beside the project")
    return PETSTORE
