"""Whether Fava's load of a ledger is the books on disk now, and a reload when it is not.

Fava writes at positions it read at its last load (line numbers, `insert-entry` options) and
notices changes made by other programs through a file watcher that reports them a moment later.
An import that has just appended entries under the ledger lock is therefore not yet in Fava's
load. Under the same lock, before a write, `BooksOnDisk.refresh` compares the ledger's files
with those of the last load it knows and reloads when they differ.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from fava.core import FavaLedger

Signature = tuple[tuple[str, str | None], ...]
"""Each file of a load with the SHA-256 of its bytes (None when it is gone)."""


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class BooksOnDisk:
    """Keeps a Fava ledger's load equal to its files, for writers holding the ledger lock.

    The signature is taken before each reload this class makes: a file changed during that load
    shows at the next check. Fava's own reloads (on a page view after a change) read the same
    files when the signature still matches, so the load stays known to be current.
    """

    def __init__(self, ledger: FavaLedger) -> None:
        self.ledger = ledger
        self.known: Signature | None = None
        self.reloads = 0

    def signature(self) -> Signature:
        """The files of the current load, with their contents' digests now."""
        files = sorted(self.ledger.options["include"])
        return tuple((file, _digest(Path(file))) for file in files)

    def refresh(self) -> bool:
        """Reload the ledger unless its files are those of the last known load.

        Call it holding the ledger lock, so no other writer changes them meanwhile.

        Returns:
            Whether the ledger was reloaded.
        """
        now = self.signature()
        if now == self.known:
            return False
        self.ledger.load_file()
        self.known = now
        self.reloads += 1
        return True
