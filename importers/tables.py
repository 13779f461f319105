"""A statement file read as rows of cell texts: `ledger.tables`, with the importer's errors."""

from __future__ import annotations

from pathlib import Path

from importers.errors import StatementTooLargeError, UnreadableStatementError
from ledger import tables
from ledger.tables import (
    MAX_BYTES,
    MAX_CELLS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    SUFFIXES,
    Table,
    TableTooLargeError,
    UnreadableTableError,
    forget,
)

__all__ = [
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "SUFFIXES",
    "Table",
    "forget",
]


def read_tables(path: str | Path) -> list[Table]:
    """The ways a statement file reads as rows (see `ledger.tables.read_tables`).

    Raises:
        UnreadableStatementError: the file is empty, cannot be read, is a broken workbook or
            decodes in no known encoding.
        StatementTooLargeError: the file is over a cap (`MAX_BYTES`, `MAX_UNPACKED_BYTES`,
            `MAX_ROWS`, `MAX_CELLS`).
    """
    try:
        return tables.read_tables(path)
    except UnreadableTableError as error:
        kind = StatementTooLargeError if isinstance(error, TableTooLargeError) else None
        raised = (kind or UnreadableStatementError)(
            error.path, error.key, row=error.row, column=error.column, **error.reason.fields
        )
        raise raised from None
