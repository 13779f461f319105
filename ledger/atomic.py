"""Change a user's file safely: write beside it, keep the previous version, then rename.

A crash or a full disk never leaves a half-written ledger: the new content is written to a
temporary file in the same folder, flushed to disk, and renamed over the original in one step.
The previous version is kept as `FILE.bak`, written the same way: a full disk never replaces a
good backup with a truncated one. Symbolic links are resolved before writing, so a
ledger reached through a link is written where it really is and the link stays.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

BACKUP_SUFFIX = ".bak"


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomically(path: Path, content: bytes) -> None:
    """Write `content` to `path` whole or not at all: beside it, flushed, then renamed over it.

    An existing file keeps its permissions. The folder must exist. A symbolic link is
    resolved first: the file it points to is replaced, the link stays a link.
    """
    path = Path(path).resolve()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            # mkstemp creates the file readable by its owner only; a report is an ordinary file.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def copy_atomically(source: Path, target: Path) -> None:
    """Copy `source` to `target` whole or not at all: beside `target`, flushed, then renamed.

    An earlier `target` (a good backup) is replaced only by a complete copy: a full disk while
    copying leaves it as it was.
    """
    target = Path(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb+") as file:
            os.fsync(file.fileno())
        shutil.copystat(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_atomically(path: Path, content: str) -> Path:
    """Replace `path` with `content` (UTF-8), keeping the previous version.

    Args:
        path: the file to replace; it must exist.
        content: its new text.

    Returns:
        The path of the kept previous version (beside the real file, symlinks resolved).
    """
    path = Path(path).resolve()
    backup = backup_path(path)
    copy_atomically(path, backup)
    write_atomically(path, content.encode("utf-8"))
    return backup


def append_atomically(path: Path, text: str) -> Path:
    """Append `text` to `path` as a new paragraph, atomically, keeping the previous version.

    Args:
        path: the file to append to (a ledger).
        text: the lines to add.

    Returns:
        The path of the kept previous version.
    """
    current = Path(path).read_text(encoding="utf-8")
    separator = "" if not current else "\n" if current.endswith("\n") else "\n\n"
    return replace_atomically(path, current + separator + text.rstrip("\n") + "\n")
