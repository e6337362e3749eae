"""Run the sdkgen command in this process (fast: no interpreter start, no re-import).

Exit codes are the command's own; the usage-error re-mapping of `generator.cli.run` is
tested through a real subprocess in tests/test_cli.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main


def invoke(*args: str, cwd: Path | None = None) -> Result:
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), prog_name="sdkgen", catch_exceptions=False)
    finally:
        os.chdir(previous)
