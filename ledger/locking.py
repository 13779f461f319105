"""One lock on a ledger for every writer: imports, the close, the copy register, Fava's saves.

Writers of the same books take the same lock file beside the ledger's main file
(`.main.beancount.lock`), so two imports, an import and a close, or a save in Fava during an
import never interleave: the second waits, then re-reads the books under the lock. The lock is
`filelock`'s, which works on Windows as on Linux; symlinks are resolved first, so a ledger
reached through a link and through its real path shares one lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

#: How long a writer waits for another one before giving up, in seconds.
DEFAULT_TIMEOUT = 60.0


class LedgerBusyError(Exception):
    """Another writer holds the ledger's lock for longer than we wait."""

    def __init__(self, ledger: Path, timeout: float) -> None:
        super().__init__(
            f"{ledger}: another program is writing these books (lock {lock_path(ledger)}) "
            f"and did not finish within {timeout:.0f} s; try again when it is done"
        )
        self.ledger = ledger


def lock_path(ledger: Path) -> Path:
    """The lock file of the ledger whose main file is `ledger` (symlinks resolved)."""
    real = Path(ledger).resolve()
    return real.with_name(f".{real.name}.lock")


@contextlib.contextmanager
def ledger_lock(ledger: Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold the lock of `ledger` for the block; re-entrant within a thread.

    Args:
        ledger: the ledger's main file (or a symlink to it).
        timeout: how long to wait for another writer, in seconds.

    Raises:
        LedgerBusyError: another writer held the lock for longer than `timeout`.
    """
    # One lock object per lock file in the process (`is_singleton`): a thread holding it may
    # take it again, another thread or process waits.
    lock = FileLock(str(lock_path(ledger)), is_singleton=True)
    try:
        lock.acquire(timeout=timeout)
    except Timeout as error:
        raise LedgerBusyError(Path(ledger), timeout) from error
    try:
        yield
    finally:
        lock.release()
