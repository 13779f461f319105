"""The refusals Fava's importers raise, noted for `mch-ledger serve` to show as they are.

Fava wraps every exception an importer's `extract` raises into its own error, whose text is
"Error calling method on importer:" and the whole Python traceback, with our message only on its
last line. Fava has no hook to word that error itself, so `serve`'s WSGI layer notes the
refusals while Fava answers an extraction (`noting_refusals`), and answers with the noted
message alone: the command line's message, in the ledger's language. Outside that block (plain
`fava`, the command line) noting does nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

_NOTED: ContextVar[list[str] | None] = ContextVar("mch_ledger_refusals", default=None)


@contextlib.contextmanager
def noting_refusals() -> Iterator[list[str]]:
    """Within the block, the refusals Fava's importers raise are added to the list yielded."""
    noted: list[str] = []
    token = _NOTED.set(noted)
    try:
        yield noted
    finally:
        _NOTED.reset(token)


def note_refusal(message: str) -> None:
    """Note the message of a refusal raised to Fava, if someone is noting them."""
    noted = _NOTED.get()
    if noted is not None:
        noted.append(message)
