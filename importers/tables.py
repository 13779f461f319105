"""A statement file read as rows of cell texts: `ledger.tables`, with the importer's errors."""

from __future__ import annotations

from pathlib import Path

from importers.errors import UnreadableStatementError
from ledger import tables
from ledger.tables import SUFFIXES, Table, UnreadableTableError, forget

__all__ = ["SUFFIXES", "Table", "forget", "read_tables"]


def read_tables(path: str | Path) -> list[Table]:
    """The ways a statement file reads as rows (see `ledger.tables.read_tables`).

    Raises:
        UnreadableStatementError: the file is empty, cannot be read, is a broken workbook or
            decodes in no known encoding.
    """
    try:
        return tables.read_tables(path)
    except UnreadableTableError as error:
        raise UnreadableStatementError(error.path, error.reason, row=error.row) from None
