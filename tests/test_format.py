"""Stage "format": black in parallel with a content-hash cache, static files passed through, and
a generated SDK that `black --check` accepts with its own configuration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import black
import pytest

from generator import format as formatting
from generator.errors import SdkgenError
from generator.fileset import FileSet
from generator.pipeline import generate
from tests.conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "specs" / "multi" / "main.yaml"


def ugly(n: int) -> str:
    return f"def f{n}( a,b = {{ 'k' :[1,2,3] }} ) :\n  return  a+b+{n}\nx{n}=f{n}(1,2)\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SDKGEN_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "sdkgen" / "black"


def test_parallel_formatting_matches_black_in_path_order(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formatting, "_workers", lambda: 2)
    files = FileSet({**{f"pkg/m{n:02}.py": ugly(n) for n in range(20)}, "README.md": "  not python  "})
    formatted = formatting.format_files(files, layout=False)
    assert list(formatted) == list(files)
    for path in files:
        expected = files[path] if path == "README.md" else black.format_str(files[path], mode=formatting.MODE)
        assert formatted[path] == expected
    assert len(list(cache.iterdir())) == 20


def test_cached_results_need_no_black(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = FileSet({f"m{n}.py": ugly(n) for n in range(3)})
    first = formatting.format_files(files, layout=False)

    def no_black(text: str) -> tuple[str | None, str]:
        raise AssertionError("black ran on a cached file")

    monkeypatch.setattr(formatting, "_black", no_black)
    assert formatting.format_files(files, layout=False) == first


def test_rendered_files_skip_black_unless_layout_declines(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long_call = "x = call(" + ", ".join(f"argument_{n}=value_{n}" for n in range(12)) + ")\n"
    comprehension = "y = [each for each in call(" + ", ".join(f"argument_{n}" for n in range(16)) + ") if each]\n"
    declined = "z = a ** call(" + ", ".join(f"argument_{n}" for n in range(16)) + ")\n"  # ** is not modelled
    files = FileSet({"laid.py": long_call + comprehension, "black.py": declined})
    ran: list[str] = []
    real_black = formatting._black

    def counting_black(text: str) -> tuple[str | None, str]:
        ran.append(text)
        return real_black(text)

    monkeypatch.setattr(formatting, "_black", counting_black)
    formatted = formatting.format_files(files)
    assert ran == [declined]
    for path in files:
        assert formatted[path] == black.format_str(files[path], mode=formatting.MODE)
    assert formatted["laid.py"].count("\n") > 10


def test_skipped_files_pass_through_untouched(cache: Path) -> None:
    files = FileSet({"static.py": ugly(1), "rendered.py": ugly(2)}, formatted=frozenset({"static.py"}))
    formatted = formatting.format_files(files, layout=False)
    assert formatted["static.py"] == ugly(1)
    assert formatted["rendered.py"] == black.format_str(ugly(2), mode=formatting.MODE)


@pytest.mark.parametrize("workers", [1, 2])
def test_unparsable_output_names_the_first_bad_file(cache: Path, monkeypatch: pytest.MonkeyPatch,
                                                    workers: int) -> None:
    monkeypatch.setattr(formatting, "_workers", lambda: workers)
    files = FileSet({**{f"m{n:02}.py": ugly(n) for n in range(10)}, "m03.py": "def (:\n", "m07.py": "class\n"})
    with pytest.raises(SdkgenError) as caught:
        formatting.format_files(files, layout=False)
    [problem] = caught.value.problems
    assert (problem.file, problem.code) == ("m03.py", "internal-invalid-python")


def black_check(tree: Path) -> subprocess.CompletedProcess[str]:
    # Run inside the SDK, so black reads the SDK's pyproject.toml and nothing else.
    return subprocess.run([sys.executable, "-m", "black", "--check", "."], cwd=tree,
                          capture_output=True, text=True)


def test_generated_sdk_passes_black_check_with_its_own_config(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    generate(FIXTURE, out)
    pyproject = (out / "pyproject.toml").read_text(encoding="utf-8")
    assert '[tool.black]\nline-length = 120\ntarget-version = ["py39"]\n' in pyproject
    result = black_check(out)
    assert result.returncode == 0, result.stderr
    assert black_check(ROOT / "generated" / "cloudflare").returncode == 0
    # The settings are what makes it pass: black's defaults (88 columns) would reformat.
    (out / "pyproject.toml").write_text(pyproject.replace("line-length = 120\n", ""), encoding="utf-8")
    assert black_check(out).returncode == 1


def test_layout_started_while_rendering_gives_the_same_files(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """EarlyLayout (layout_workers) changes when layout runs, never what the format stage returns:
    a file submitted early and unchanged uses the worker's result; one whose text changed after
    submission, or never submitted, is laid out at the format stage; black still takes what
    layout declines."""
    monkeypatch.setattr(formatting, "_workers", lambda: 2)
    monkeypatch.setattr(formatting.EarlyLayout, "_BATCH_BYTES", 300)  # several batches
    calls = [f"v{n} = call(" + ", ".join(f"argument_{k}=value_{n}_{k}" for k in range(12)) + ")\n" for n in range(9)]
    declined = "z = a ** call(" + ", ".join(f"argument_{n}" for n in range(16)) + ")\n"
    rendered = {f"pkg/m{n}.py": calls[n] for n in range(6)} | {"pkg/declined.py": declined, "README.md": "x " * 90}
    files = FileSet({**rendered, "pkg/m5.py": calls[7], "pkg/late.py": calls[8]})
    with formatting.layout_workers(operations=1_000) as early:
        assert early is not None
        early.submit(rendered)
        assert early.started("pkg/m0.py", calls[0]) and not early.started("pkg/m5.py", calls[7])
        assert not early.started("pkg/declined.py", declined) or early.result("pkg/declined.py") is None
        formatted = formatting.format_files(files, early=early)
    for path in files:
        expected = black.format_str(files[path], mode=formatting.MODE) if path.endswith(".py") else files[path]
        assert formatted[path] == expected, path
    assert formatted["pkg/m5.py"].startswith("v7 = call(\n")
