"""Where the templates live: inside the wheel as generator/templates, in a checkout at the root.

Kept apart from render/ so that the no-op check (fingerprint.py) can find them without
importing Jinja.
"""

from __future__ import annotations

from pathlib import Path


def templates_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[1] / "templates"
