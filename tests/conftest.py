from __future__ import annotations

import os
from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def private_render_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Renders in tests (and the CLIs they start) never read or fill the user's render cache."""
    directory = tmp_path_factory.mktemp("render-cache")
    before = os.environ.get("SDKGEN_RENDER_CACHE")
    os.environ["SDKGEN_RENDER_CACHE"] = str(directory)
    yield directory
    if before is None:
        del os.environ["SDKGEN_RENDER_CACHE"]
    else:
        os.environ["SDKGEN_RENDER_CACHE"] = before
