"""A client class whose `<Client>Error` would be one of the exported error classes is renamed.

Titles like "API" or "Bad Request" gave `APIError` / `BadRequestError` twice in the package
`__init__` (found on tl-api.azurewebsites.net and shop-pro.jp in the corpus gate).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import generate_files

SPEC = """\
openapi: 3.0.3
info: {{title: {title!r}, version: 1.0.0}}
servers: [{{url: "https://api.example.test"}}]
paths:
  /things:
    get:
      operationId: listThings
      tags: [things]
      responses:
        "200":
          description: ok
          content: {{application/json: {{schema: {{type: object, properties: {{id: {{type: string}}}}}}}}}}
"""


@pytest.mark.parametrize(
    "title, client_class",
    [("API", "API_"), ("Bad Request", "BadRequest_"), ("Rate Limit", "RateLimit_"), ("Acme", "Acme")],
)
def test_client_error_class_never_shadows_an_exported_error(title: str, client_class: str, tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC.format(title=title))
    generated = generate_files(spec)
    assert generated.api.package.client_class == client_class
    for path, text in generated.files.items():
        (tmp_path / "out" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "out" / path).write_text(text)
    package = generated.api.package.import_name
    script = (
        f"import {package} as sdk\n"
        f"assert issubclass(sdk.APIError, sdk.{client_class}Error)\n"
        f"assert issubclass(sdk.InternalServerError, sdk.APIStatusError)\n"
        f"assert sdk.{client_class}Error is not sdk.APIError\n"
        f"sdk.{client_class}(base_url='https://x.test')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path / "out" / "src", capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr


def test_reserved_error_names_are_the_runtime_exports() -> None:
    """naming.RUNTIME_ERROR_CLASSES mirrors what the runtime's `_exceptions` exports (one list, checked)."""
    from generator.ir.naming import RUNTIME_ERROR_CLASSES
    from generator.runtime import _exceptions

    assert RUNTIME_ERROR_CLASSES == {name for name in _exceptions.__all__ if name[0].isupper()}
