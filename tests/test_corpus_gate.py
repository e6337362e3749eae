"""The corpus gate (tests/corpus_gate.py): a fixed subset in the default run, all of it with -m slow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_gate import CORPUS, corpus_specs, run, summary


def _require_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")


def test_corpus_subset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _require_corpus()
    rows = run(corpus_specs(subset=True), tmp_path)
    out = capsys.readouterr().out
    assert summary(rows) in out.splitlines()
    failed = [row for row in rows if not (row.outcome == "ok" and row.verified)]
    assert not failed, "\n".join(f"{row.spec}: {row.outcome} {row.note}" for row in failed)
    assert all(row.generated == row.operations > 0 for row in rows)


@pytest.mark.slow
def test_corpus_full(tmp_path: Path) -> None:
    _require_corpus()
    rows = run(corpus_specs(subset=False), tmp_path)
    assert not [row for row in rows if row.outcome in ("traceback", "timeout")]
    generated = [row for row in rows if row.outcome == "ok"]
    assert len(generated) >= 0.99 * len(rows)
    assert sum(r.generated for r in rows) >= 0.99 * sum(r.operations for r in rows)
    assert sum(r.verified for r in rows) >= 0.97 * len(rows)
