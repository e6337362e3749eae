"""A spec as it was at a git revision, checked out into a temporary directory.

The whole directory holding the spec is taken from the revision (`git archive`), so files it
`$ref`s and the `sdkgen.yaml` or `pyproject.toml` beside it come from the same revision.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import SdkgenError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise SdkgenError.single("git is not installed", code="git-missing", hint="install git or pass two spec files") from None


def _extract(archive: bytes, into: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The "data" filter refuses absolute paths, links out of the directory and devices.
        tar.extractall(into, filter="data")


@contextmanager
def spec_at_revision(spec: Path, revision: str) -> Iterator[Path | None]:
    """Yield the path of SPEC as of REVISION, valid inside the `with` block; None when SPEC
    did not exist at REVISION."""
    folder = spec.absolute().parent
    if not folder.is_dir():
        raise SdkgenError.single("the spec's directory does not exist", file=str(spec), code="spec-missing")
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise SdkgenError.single(
            "not inside a git repository, so --old-ref cannot be read",
            file=str(spec), code="git-not-repo", hint="run sdkgen inside the repository, or pass the old spec as a file",
        )
    root = Path(top.stdout.decode().strip())
    if revision.startswith("-"):
        raise SdkgenError.single(f"invalid revision {revision!r}", code="git-ref", hint="pass a branch, tag or commit")
    relative = folder.resolve().relative_to(root.resolve()).as_posix()
    known = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    if known.returncode != 0:
        raise SdkgenError.single(
            f"unknown git revision {revision!r}", code="git-ref",
            hint="fetch it first (in CI: actions/checkout with fetch-depth: 0), or check the name",
        )
    in_tree = f"{relative}/{spec.name}" if relative else spec.name
    if _git(["cat-file", "-e", f"{revision}:{in_tree}"], root).returncode != 0:
        yield None  # the spec is new since REVISION: everything in it is an addition
        return
    archive = _git(["archive", "--format=tar", revision, "--", relative or "."], root)
    if archive.returncode != 0:
        message = archive.stderr.decode(errors="replace").strip().splitlines()
        raise SdkgenError.single(
            f"{relative or '.'} does not exist at {revision}: {message[-1] if message else 'git archive failed'}",
            file=str(spec), code="spec-missing-at-ref", hint="the spec must exist at the old revision to be compared",
        )
    scratch = Path(tempfile.mkdtemp(prefix="sdkgen-ref-"))
    try:
        _extract(archive.stdout, scratch)
        old = scratch.joinpath(*(relative.split("/") if relative else ()), spec.name)
        if not old.is_file():
            raise SdkgenError.single(
                f"{spec.name} does not exist in {relative or 'the repository root'} at {revision}",
                file=str(spec), code="spec-missing-at-ref", hint="the spec must exist at the old revision to be compared",
            )
        yield old
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
