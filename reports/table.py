"""A report as plain data: tables of typed columns and rows, rendered by `reports.render`.

Every report kind builds `Table`s from the grant's books (`ledger.books`); the renderers (text,
csv, json, xlsx, html) and the Fava page only lay them out, so every front end shows the same
figures. Money stays `Decimal`, in yuan, until a renderer formats it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from reports.stamp import Stamp

ColumnKind = Literal["text", "money", "percent", "date", "count", "flag", "year", "number", "score"]
"""How a column's values are typed and formatted: a `number` as people write it (`20`, `12.5`),
a `score` always with two decimals (`9.60`, `90.00`)."""

RowRole = Literal["entry", "opening", "subtotal", "total"]
"""What a row is: an entry, an opening balance line, a subtotal (per year) or the grand total."""

Value = str | Decimal | datetime.date | int | bool | None


class Column(NamedTuple):
    """A column: its key (as in JSON), its kind and its heading in the report's language."""

    key: str
    kind: ColumnKind
    heading: str


class Row(NamedTuple):
    """A row of a table: its values by column key, and what kind of row it is."""

    values: Mapping[str, Value]
    role: RowRole = "entry"

    def get(self, key: str) -> Value:
        """The value of column `key` (None when the row has none)."""
        return self.values.get(key)


class Equation(NamedTuple):
    """Figures of a row that add up: `result` is the sum of `terms`, each (sign, column key).

    A term without a value counts as zero. With `running`, the previous figure of `result` is a
    term too (a running balance): an entry follows the row before it (an entry or the opening
    line), a subtotal or total follows the opening line of its stretch (or nothing, zero).
    """

    result: str
    terms: tuple[tuple[int, str], ...]
    running: bool = False


class Table(NamedTuple):
    """One table of a report."""

    key: str
    """Where its rows go in JSON: tables of a report that share a key are one list there."""
    title: str
    columns: Sequence[Column]
    rows: Sequence[Row]
    notes: Sequence[str] = ()
    """Lines printed under the table (what a figure means, what is missing)."""
    name: str = ""
    """A short name without the years, for a workbook's sheet; the title when empty."""
    equations: Sequence[Equation] = ()
    """What each row's figures add up to, for the 尾差 note of a table shown rounded."""

    @property
    def entries(self) -> list[Row]:
        """The rows that are entries (not openings, subtotals or totals)."""
        return [row for row in self.rows if row.role == "entry"]


class Report(NamedTuple):
    """A report of one kind over a ledger, ready to render."""

    kind: str
    title: str
    language: str
    tables: Sequence[Table]
    stamp: Stamp
    currency: str
    year: int | None
    """The fiscal year it covers; None for every year of the books."""
    notes: Sequence[str] = ()
    """Lines about the whole report (the ledger's error findings, for instance)."""
    extra: Mapping[str, Any] = {}
    """Further JSON-only data of the kind (never shown as a table)."""
