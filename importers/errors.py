"""What goes wrong with a statement, said with the place: file, row and column.

Every error the importers raise is a `StatementError`: the command line prints it and exits
non-zero without writing anything, and Fava's Import page shows it. Its text always starts with
the file, then the row (the line of a CSV file, the row of a worksheet, counted from 1) and the
column as the bank prints it, then what is wrong and what to do.

The text is not fixed when the error is raised: an error holds a catalogue key and its fields
(`Phrase`), and is said in the ledger's language (`ledger/i18n/imports.py`) by whoever reports
it, since a statement is read before (or without) the ledger that says which language to speak.
`str(error)` speaks `error.language`, English unless the importer set the ledger's.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ledger.i18n import DEFAULT_LANGUAGE, Catalogue


class Phrase(NamedTuple):
    """A text of the catalogue, to be said in the reader's language."""

    key: str
    fields: Mapping[str, Any]

    def say(self, messages: Catalogue) -> str:
        """The text in `messages`' language, its fields said too."""
        return messages(self.key, **{name: said(messages, v) for name, v in self.fields.items()})


def phrase(key: str, /, **fields: Any) -> Phrase:
    """The catalogue text `key` with `fields` (a field may be a `Phrase` or a list of them)."""
    return Phrase(key, fields)


def said(messages: Catalogue, value: Any) -> Any:
    """A field as said: a `Phrase` in the language, a list of phrases joined, other values as is."""
    if isinstance(value, Phrase):
        return value.say(messages)
    if isinstance(value, list):
        return messages("import.word.separator").join(str(said(messages, v)) for v in value)
    return value


class StatementError(Exception):
    """A statement (or the import setup in the ledger) that cannot be imported as it is.

    Args:
        path: the statement (or the ledger file of a faulty directive).
        key: the catalogue key of what is wrong (`ledger/i18n/imports.py`).
        row: the row (or line) at fault, counted from 1.
        column: the column at fault, as the bank prints its name.
        **fields: the key's fields.
    """

    def __init__(
        self,
        path: str | Path,
        key: str,
        /,
        row: int | None = None,
        column: str | None = None,
        **fields: Any,
    ) -> None:
        self.path = str(path)
        self.row = row
        self.column = column
        self.reason = Phrase(key, fields)
        self.language = DEFAULT_LANGUAGE
        super().__init__(self.path, key, row, column)

    @property
    def key(self) -> str:
        """The catalogue key of what is wrong."""
        return self.reason.key

    def say(self, messages: Catalogue) -> str:
        """The whole message in `messages`' language: the place, then what is wrong."""
        reason = self.reason.say(messages)
        if self.row is not None and self.column is not None:
            return messages(
                "import.at.row-column",
                path=self.path,
                row=self.row,
                column=self.column,
                reason=reason,
            )
        if self.row is not None:
            return messages("import.at.row", path=self.path, row=self.row, reason=reason)
        if self.column is not None:
            return messages("import.at.column", path=self.path, column=self.column, reason=reason)
        return messages("import.at.file", path=self.path, reason=reason)

    def in_language(self, language: str) -> StatementError:
        """This error, said in `language` from now on (`zh` or `en`)."""
        self.language = language
        return self

    def __str__(self) -> str:
        return self.say(Catalogue(self.language))


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
