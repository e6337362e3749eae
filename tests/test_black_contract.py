"""Templates write black's layout, and the format stage's output is black's, without black.

The production path runs black only where generator/layout.py declines a long line: what
the templates and views write must already be black's output except lines longer than the line
length, and layout must split those exactly as black does. These tests render SDKs, check that
contract with `tests/black_contract.py`, then check that the format stage gives, file for file,
what black gives, with black run on (almost) none of them. The checker itself is tested on
known hunks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import black

from generator import format as formatting
from generator.fileset import FileSet
from generator.ir.build import build_api
from generator.pipeline import resolve_config, validated_document
from generator.render import render_sdk
from tests.black_contract import Hunk, is_long_line_split, python_files, violations
from tests.conftest import CLOUDFLARE_SPEC, ROOT, SHARED

CORPUS = SHARED / "corpus"
ACME_SPEC = ROOT / "tests" / "runtime" / "acme" / "openapi.yaml"

# Medium specs that between them use every construct the templates write (black is slow: the
# default run stays under ~40 s; `-m slow` checks the whole corpus and GitHub).
REPRESENTATIVE = (
    "edge/3.0-discriminators.json",  # discriminated unions, nested models
    "edge/3.0-file-uploads.json",  # multipart bodies, FileTypes
    "edge/3.0-readme-legacy.json",  # server-sent events, binary responses
    "edge/3.0-schema-enums.json",  # Literal enums, widened enums
    "edge/2.0-petstore.json",  # Swagger 2.0, API key + OAuth security
    "edge/3.0-parameters-style.json",  # styled query/path/header/cookie parameters
    "edge/3.0-security-multiple.json",  # per-operation security overrides
    "edge/3.0-openapi-workshop-title.json",  # no operations at all: empty lists and dicts
    "real/nexmo.com__verify.json",  # oneOf bodies, form-encoded requests
    "real/spinitron.com.json",  # allOf models, many query parameters
)


def render(spec: Path) -> FileSet:
    document = validated_document(spec)
    return render_sdk(build_api(document.data, str(spec), resolve_config(spec, None)).api)


def assert_black_stable(spec: Path, *, black_may_run: int = 0) -> None:
    rendered = render(spec)
    files = python_files(rendered, rendered.formatted)
    assert files, f"{spec} rendered no Python files"
    by_black = {path: black.format_str(text, mode=formatting.MODE) for path, text in files.items()}
    found = [hunk for path, text in sorted(files.items()) for hunk in violations(path, text, by_black[path])]
    shown = "\n".join(str(hunk) for hunk in found[:20])
    assert not found, f"black changes {len(found)} places beyond splitting long lines:\n{shown}"
    # the production path: layout splits the long lines, black runs only where it declines
    ran: list[str] = []
    real_black = formatting._black

    def counting_black(text: str) -> tuple[str | None, str]:
        ran.append(text)
        return real_black(text)

    formatting._black = counting_black  # type: ignore[assignment]
    try:
        produced = formatting.format_files(rendered)
    finally:
        formatting._black = real_black  # type: ignore[assignment]
    wrong = [path for path in sorted(files) if produced[path] != by_black[path]]
    assert not wrong, f"the format stage's output differs from black's in {wrong[:10]}"
    assert len(ran) <= black_may_run, f"black ran on {len(ran)} of {len(files)} files"


def test_seed_and_acme_render_black_stable() -> None:
    assert_black_stable(CLOUDFLARE_SPEC)
    assert_black_stable(ACME_SPEC)


def corpus_spec(name: str) -> Path:
    """A spec of ../shared/corpus by its path there; the test is skipped without the corpus."""
    spec = CORPUS / name
    if not spec.is_file():
        pytest.skip("../shared/corpus is not beside the project")
    return spec


@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_corpus_spec_renders_black_stable(name: str) -> None:
    assert_black_stable(corpus_spec(name))


@pytest.mark.slow
@pytest.mark.parametrize(
    "spec",
    sorted((CORPUS / "real").glob("*.json")) + sorted((CORPUS / "edge").glob("*.json")) + [CORPUS / "big" / "api.github.com.json"],
    ids=lambda path: path.name,
)
def test_whole_corpus_renders_black_stable(spec: Path) -> None:
    from generator.errors import SdkgenError

    try:
        assert_black_stable(spec)
    except SdkgenError:
        pytest.skip("sdkgen refuses this spec (tested elsewhere)")


# ---------------------------------------------------------------------------- the checker itself

LONG_CALL = "result = client.resources.do_something(" + ", ".join(f"argument_{i}=value_{i}" for i in range(12)) + ")"


def test_a_long_line_black_splits_is_allowed() -> None:
    assert len(LONG_CALL) > 120
    assert violations("m.py", LONG_CALL + "\n") == []


def test_extra_blank_lines_are_violations() -> None:
    text = "import os\n\n\n\n\nclass A:\n    x: int\n\n\n    y: int\n"
    found = violations("m.py", text)
    # two of the four blank lines before the class go, and the second blank line in its body
    assert [(len(h.before), set(h.before), h.after) for h in found] == [(2, {""}, ()), (1, {""}, ())]
    assert 2 <= found[0].line <= 4 and found[1].line in (8, 9)
    assert all(h.path == "m.py" for h in found)


def test_a_short_exploded_call_without_magic_comma_is_a_violation() -> None:
    text = "f(\n    a,\n    b\n)\n"
    (hunk,) = violations("m.py", text)
    assert hunk.before == ("f(", "    a,", "    b", ")") and hunk.after == ("f(a, b)",)


def test_quotes_and_a_missing_final_newline_are_violations() -> None:
    assert [h.after for h in violations("m.py", "x = 'a'\n")] == [('x = "a"',)]
    assert len(violations("m.py", "x = 1")) == 1


def test_a_split_that_changes_tokens_is_not_a_long_line_split() -> None:
    long = "x = [" + ", ".join(f"'item_{i}'" for i in range(20)) + "]"
    assert not is_long_line_split((long,), ("x = [", *[f'    "item_{i}",' for i in range(20)], "]"))
    assert is_long_line_split((long.replace("'", '"'),), ("x = [", *[f'    "item_{i}",' for i in range(20)], "]"))


def test_unparsable_text_is_reported() -> None:
    (hunk,) = violations("m.py", "def (:\n")
    assert isinstance(hunk, Hunk) and hunk.before == ("(does not parse)",)


def test_anchored_diff_finds_the_changes_difflib_finds() -> None:
    import difflib

    from tests.black_contract import hunks

    old = [line for i in range(60) for line in (f"    def m{i}(", "        self,", "    ) -> None:", "        pass", "")]
    new = list(old)
    new[7] = "        self, x,"
    del new[100]
    new.insert(200, "")
    new[250:251] = ["    def m50(", "        self", "    ):"]
    expected = [
        (i1 + 1, tuple(old[i1:i2]), tuple(new[j1:j2]))
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    found = [(h.line, h.before, h.after) for h in hunks("m.py", "\n".join(old) + "\n", "\n".join(new) + "\n")]
    assert found == expected and len(found) == 4
