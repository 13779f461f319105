"""Fava watches the registers too: an edit of one reloads the books on the next request.

Fava reloads a ledger when its watcher sees a change to one of the files it loads or to a
documents folder. A register (救助对象登记册) and the rosters the payments name are part of the
books but not source files of Beancount (they must not be: Fava's editor would show their
identity numbers), so Fava does not watch them by itself. Fava has no public hook for this:
`watch_book_files` is this product's one use of Fava's watcher (`FavaLedger.watcher`,
`FavaLedger.paths_to_watch`), kept here alone so a new Fava version breaks one function.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from fava.core import FavaLedger


def watch_book_files(ledger: FavaLedger, files: Iterable[str]) -> list[Path]:
    """Make Fava's watcher watch `files` besides the ledger's own files and folders.

    Called after each load (Fava sets its watcher's paths anew on every load).

    Args:
        ledger: Fava's ledger.
        files: the files the books are made of (the ledger's, its registers, its rosters).

    Returns:
        The files that were added to what Fava watches.
    """
    watched, folders = ledger.paths_to_watch()
    known = {path.resolve() for path in watched}
    extra = [Path(file) for file in files if Path(file).resolve() not in known]
    if extra:
        ledger.watcher.update([*watched, *extra], folders)
    return extra
