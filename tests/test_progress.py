"""The progress bar: drawn on stderr when a person watches (stdout and stderr are terminals),
never into a pipe, a file or a CI log, nor with --quiet or --format json."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli_output import STAGES, ProgressBar, Reporter, wants_progress
from tests.test_subset import _write_spec

SDKGEN = [sys.executable, "-c", "from generator.cli import run; run()"]
ROOT = Path(__file__).resolve().parents[1]


def _on_a_terminal(*args: str) -> tuple[int, str]:
    """Run sdkgen with stdout and stderr on a pseudo-terminal; (exit code, all it wrote)."""
    leader, follower = os.openpty()
    process = subprocess.Popen([*SDKGEN, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                               cwd=ROOT, env={**os.environ, "TERM": "xterm"})
    os.close(follower)
    written = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        written += chunk
    os.close(leader)
    return process.wait(), written.decode()


def test_a_terminal_gets_stages_and_file_counts(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    code, written = _on_a_terminal("generate", str(spec), "--output", str(tmp_path / "sdk"))
    assert code == 0, written
    frames = [frame for frame in written.split("\r\x1b[K") if frame.startswith("sdkgen generate [")]
    stages = [frame.split("] ", 1)[1].split("  ")[0] for frame in frames]
    assert [f"{i}/7 {name}" for i, name in enumerate(STAGES["generate"], 1)] == list(dict.fromkeys(stages))
    assert any(frame.endswith(" files") for frame in frames if "/7 format" in frame)
    assert frames[-1].startswith("sdkgen generate [" + "█" * 10)  # full at the end
    # the bar is wiped before the result line, which stands alone
    assert re.search(r"\r\x1b\[Kgenerated zoo: 6 methods, \d+ files -> " + re.escape(str(tmp_path / "sdk")) + "\r\n$",
                     written)
    # check draws one too; its up-to-date shortcut is a single stage
    code, written = _on_a_terminal("check", str(spec), "--output", str(tmp_path / "sdk"))
    assert code == 0 and "sdkgen check [" in written and "1/7 up-to-date check" in written


@pytest.mark.parametrize("args", [("--quiet",), ("--format", "json")])
def test_quiet_and_json_get_no_bar_even_on_a_terminal(tmp_path: Path, args: tuple[str, ...]) -> None:
    spec = _write_spec(tmp_path / "api")
    code, written = _on_a_terminal("generate", str(spec), "--output", str(tmp_path / "sdk"), *args)
    assert code == 0 and "sdkgen generate [" not in written and "\x1b[K" not in written


def test_pipes_get_no_bar(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path / "api")
    result = subprocess.run([*SDKGEN, "generate", str(spec), "--output", str(tmp_path / "sdk")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stderr == "" and result.stdout.startswith("generated zoo: 6 methods")


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_wants_progress_needs_both_streams_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    text = Reporter("generate")
    assert wants_progress(text, (_Terminal(True), _Terminal(True)))
    assert not wants_progress(text, (_Terminal(True), _Terminal(False)))
    assert not wants_progress(Reporter("generate", "github"), (_Terminal(True), _Terminal(True)))
    monkeypatch.setenv("TERM", "dumb")
    assert not wants_progress(text, (_Terminal(True), _Terminal(True)))


def test_an_unknown_stage_stretches_the_bar() -> None:
    bar = ProgressBar("check", io.StringIO())
    for stage in ("up-to-date check", "load", "validate", "build"):
        bar.enter(stage)
        bar.leave(stage)
    bar.enter("select")  # a stage this module does not know of
    assert "5/8 select" in bar.line()
    bar.count(12)
    assert bar.line().endswith(" 12 files")
