"""Every change made through Fava as a git commit: the audit trail of a served ledger.

The serving layer commits after each write request that changed the ledger's files, still
holding the ledger lock, and only those files: other work in the repository is left alone.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path


def in_git_repository(path: Path) -> bool:
    """Whether the file at `path` is inside a git work tree (False when git is missing)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(path.parent), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def commit(folder: Path, files: Sequence[str], message: str) -> str | None:
    """Commit `files` (and nothing else) in the repository of `folder`.

    Args:
        folder: a folder inside the repository (the ledger's).
        files: the changed files, absolute.
        message: the commit message.

    Returns:
        None when committed; else git's complaint (no identity configured, for example).
    """
    try:
        for args in (["add", "--", *files], ["commit", "--quiet", "-m", message, "--", *files]):
            result = subprocess.run(
                ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
            )
            if result.returncode != 0:
                return (result.stderr or result.stdout).strip()
    except OSError as error:
        return str(error)
    return None
