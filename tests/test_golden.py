"""The committed generated/ tree is exactly what the generator produces today."""

from __future__ import annotations

import os
import subprocess
import sys

from generator.output import compare_tree
from generator.pipeline import generate_files
from tests.conftest import CLOUDFLARE_SPEC, ROOT


def test_generated_cloudflare_is_up_to_date() -> None:
    drift = compare_tree(generate_files(CLOUDFLARE_SPEC).files, ROOT / "generated" / "cloudflare")
    assert drift.clean, f"regenerate with README's first command: {drift}"


def test_output_is_identical_across_hash_seeds(tmp_path) -> None:
    """Determinism: set/dict iteration order must not leak into the output."""
    script = (
        "import sys, hashlib; from pathlib import Path; from generator.pipeline import generate_files;"
        "files = generate_files(Path(sys.argv[1])).files;"
        "print(hashlib.sha256(''.join(p + files[p] for p in files).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, str(CLOUDFLARE_SPEC)], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_no_api_specific_names_in_generator_or_templates() -> None:
    words = ("cloudflare", "resource_group", "resourcegroup", "iam_")
    offenders = []
    for folder in ("generator", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".py", ".jinja", ".md", ".yaml"):
                text = path.read_text(encoding="utf-8").lower()
                offenders += [f"{path.relative_to(ROOT)}: {w}" for w in words if w in text]
    assert offenders == []
