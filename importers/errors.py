"""What goes wrong with a statement, said with the place: file, row and column.

Every error the importers raise is a `StatementError`: the command line prints it and exits
non-zero without writing anything, and Fava's Import page shows it. Its text always starts with
the file, then the row (the line of a CSV file, the row of a worksheet, counted from 1) and the
column as the bank prints it, then what is wrong and what to do.

The text is not fixed when the error is raised: an error holds a catalogue key and its fields
(`ledger.places.Phrase`), and is said in the ledger's language (`ledger/i18n/imports.py`) by
whoever reports it. `str(error)` speaks `error.language`, English unless the importer set the
ledger's.
"""

from __future__ import annotations

from ledger.places import Phrase, PlacedError, phrase, said

__all__ = ["Phrase", "StatementError", "phrase", "said"]


class StatementError(PlacedError):
    """A statement (or the import setup in the ledger) that cannot be imported as it is.

    Args:
        path: the statement (or the ledger file of a faulty directive).
        key: the catalogue key of what is wrong (`ledger/i18n/imports.py`).
        row: the row (or line) at fault, counted from 1.
        column: the column at fault, as the bank prints its name.
        **fields: the key's fields.
    """


class UnreadableStatementError(StatementError):
    """The file cannot be read or decoded at all (encoding, broken workbook, empty)."""


class StatementTooLargeError(UnreadableStatementError):
    """The file is over a size or cell-count cap: refused before it is read into memory."""


class UnknownLayoutError(StatementError):
    """No profile's header is found in the file."""


class CellError(StatementError):
    """A cell that does not hold what its column must: a date, an exact amount."""


class BalanceBreakError(StatementError):
    """The running balance does not follow from the previous row: a row lost or merged."""


class AccountError(StatementError):
    """The statement's account cannot be told, or is not an account the ledger opens."""


class ImportConfigError(StatementError):
    """A malformed profile, `import-rule`, `import-holding` or `import-profiles`."""
