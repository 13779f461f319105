"""The stamp that ties a report to the exact books it was made from.

An auditor holding a report must be able to tell whether the books have changed since: the
stamp gives the ledger's path, one SHA-256 over every file the ledger loads (its `include`s
too), the git commit when the ledger is in a repository and whether its files have uncommitted
changes, and the time the report was made.
"""

from __future__ import annotations

import datetime
import hashlib
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple


class FileDigest(NamedTuple):
    """One loaded file and the SHA-256 of its bytes."""

    path: str
    sha256: str


class Stamp(NamedTuple):
    """Which books a report was made from, and when."""

    ledger: str
    sha256: str
    """Over every loaded file, in path order: each file's path and its bytes."""
    files: tuple[FileDigest, ...]
    commit: str | None
    """The repository's HEAD commit, when the ledger is in a git repository."""
    dirty: bool | None
    """Whether any loaded file differs from that commit (None outside a repository)."""
    made: datetime.datetime

    def as_json(self) -> dict[str, object]:
        """The stamp as a JSON object."""
        return {
            "ledger": self.ledger,
            "sha256": self.sha256,
            "files": [{"path": f.path, "sha256": f.sha256} for f in self.files],
            "commit": self.commit,
            "dirty": self.dirty,
            "made": self.made.isoformat(timespec="seconds"),
        }


def digest_files(paths: Iterable[str | Path]) -> tuple[str, tuple[FileDigest, ...]]:
    """One SHA-256 over the files (path and content, in path order), and each file's own."""
    total = hashlib.sha256()
    digests = []
    for path in sorted({str(Path(p).resolve()) for p in paths}):
        try:
            content = Path(path).read_bytes()
        except OSError:
            content = b""
        digests.append(FileDigest(path, hashlib.sha256(content).hexdigest()))
        # The path is hashed too, so moving content between files changes the digest.
        total.update(path.encode("utf-8") + b"\0" + content + b"\0")
    return total.hexdigest(), tuple(digests)


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def git_state(files: Iterable[str | Path]) -> tuple[str | None, bool | None]:
    """The HEAD commit of the repository holding the files, and whether any of them changed.

    Returns (None, None) when the files are not in a git repository or git is not installed.
    """
    files = [Path(f).resolve() for f in files]
    if not files:
        return None, None
    folder = files[0].parent
    commit = _git(folder, "rev-parse", "--verify", "--quiet", "HEAD")
    if commit is None:
        return None, None
    status = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", *map(str, files))
    return commit.strip(), bool(status and status.strip())


def make_stamp(ledger: str | Path, files: Iterable[str | Path]) -> Stamp:
    """The stamp of a report on the ledger at `ledger`, which loads `files`."""
    files = list(files) or [ledger]
    sha256, digests = digest_files(files)
    commit, dirty = git_state(files)
    made = datetime.datetime.now(datetime.UTC).astimezone()
    return Stamp(str(Path(ledger).resolve()), sha256, digests, commit, dirty, made)
