"""Errors said with their place — file, row, column — in the reader's language.

A statement, a register or a ledger's own bank profile that cannot be taken as it is gets an
error whose text starts with the file, then the row (a CSV file's line, a worksheet's row,
counted from 1) and the column as the file heads it, then what is wrong and what to do.

The text is not fixed when the error is raised: an error holds a catalogue key and its fields
(`Phrase`), and is said in the ledger's language by whoever reports it, since a file may be
read before (or without) the ledger that says which language to speak. `str(error)` speaks
`error.language`, English unless the reader set the ledger's.
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
        return messages("place.separator").join(str(said(messages, v)) for v in value)
    return value


class PlacedError(Exception):
    """A file that cannot be taken as it is, said with the place: file, row and column.

    Args:
        path: the file (or the ledger file of a faulty directive).
        key: the catalogue key of what is wrong.
        row: the row (or line) at fault, counted from 1.
        column: the column at fault, as the file heads it.
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
                "place.row-column",
                path=self.path,
                row=self.row,
                column=self.column,
                reason=reason,
            )
        if self.row is not None:
            return messages("place.row", path=self.path, row=self.row, reason=reason)
        if self.column is not None:
            return messages("place.column", path=self.path, column=self.column, reason=reason)
        return messages("place.file", path=self.path, reason=reason)

    def in_language(self, language: str) -> PlacedError:
        """This error, said in `language` from now on (`zh` or `en`)."""
        self.language = language
        return self

    def __str__(self) -> str:
        return self.say(Catalogue(self.language))
