"""What goes wrong with a statement, said with the place: file, row and column.

Every error the importers raise is a `StatementError`: the command line prints it and exits
non-zero without writing anything, and Fava's Import page shows it. Its text always starts with
the file, then the row (the line of a CSV file, the row of a worksheet, counted from 1) and the
column as the bank prints it, then what is wrong and what to do.
"""

from __future__ import annotations

from ledger.tables import PlacedError


class StatementError(PlacedError):
    """A statement (or the import setup in the ledger) that cannot be imported as it is."""


class UnreadableStatementError(StatementError):
    """The file cannot be read or decoded at all (encoding, broken workbook, empty)."""


class UnknownLayoutError(StatementError):
    """No profile's header is found in the file."""


class CellError(StatementError):
    """A cell that does not hold what its column must: a date, an exact amount."""


class BalanceBreakError(StatementError):
    """The running balance does not follow from the previous row: a row lost or merged."""


class AccountError(StatementError):
    """The statement's account number is missing or is not an account the ledger opens."""


class ImportConfigError(StatementError):
    """A malformed `import-rule` or `import-holding` directive in the ledger."""
