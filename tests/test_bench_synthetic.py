"""bench/synthetic.py: the scaled specs of the benchmark's scaling curve are valid OpenAPI with
K times the operations, unique operationIds, and the same text for the same input."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from generator.loader import Document
from generator.validate import validate_document
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"


def _synthetic():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synthetic = _synthetic()


def operation_ids(data: dict) -> list[str]:
    return [op["operationId"] for item in data["paths"].values() for method, op in item.items()
            if method in synthetic.HTTP_METHODS and "operationId" in op]


@pytest.mark.parametrize("factor", [1, 2, 4, 8])
def test_scaled_spec_is_valid_with_factor_times_the_operations(factor: int) -> None:
    path = CORPUS / "edge" / "3.0-petstore-expanded.json"
    if not path.is_file():
        pytest.skip("shared corpus not present")
    base = json.loads(path.read_text(encoding="utf-8"))
    scaled = synthetic.scale_spec(base, factor)
    assert synthetic.count_operations(base) == 4
    assert synthetic.count_operations(scaled) == 4 * factor
    ids = operation_ids(scaled)
    assert len(ids) == len(set(ids)) == 4 * factor
    assert validate_document(Document(data=scaled, path=path, text="")) == []
    assert json.dumps(synthetic.scale_spec(base, factor)) == json.dumps(scaled)  # deterministic
    assert synthetic.count_operations(base) == 4  # the input is left alone
    if factor > 1:
        assert f"/v{factor}/pets/{{id}}" in scaled["paths"]


def test_copies_get_their_own_tags() -> None:
    base = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "tags": [{"name": "pets"}],
            "paths": {"/pets": {"get": {"operationId": "list", "tags": ["pets"],
                                        "responses": {"200": {"description": "ok"}}}}}}
    scaled = synthetic.scale_spec(base, 3)
    assert [t["name"] for t in scaled["tags"]] == ["pets", "pets-v2", "pets-v3"]
    assert scaled["paths"]["/v3/pets"]["get"]["tags"] == ["pets-v3"]
    assert scaled["paths"]["/v3/pets"]["get"]["operationId"] == "list-v3"
    assert scaled["info"]["title"] == "T x3"
    with pytest.raises(ValueError):
        synthetic.scale_spec(base, 0)
