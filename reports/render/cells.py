"""How one value of a report is written out: amounts, rates, dates, yes/no, in yuan or 万元."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from reports.labels import Labels
from reports.stamp import Stamp
from reports.table import Column, Row, Table, Value

Unit = Literal["yuan", "wan"]
UNITS: tuple[Unit, ...] = ("yuan", "wan")
WAN = Decimal(10_000)
CENT = Decimal("0.01")


def scaled(number: Decimal, unit: Unit) -> Decimal:
    """An amount in yuan, in the unit the report is shown in."""
    return number / WAN if unit == "wan" else number


def format_money(number: Decimal, unit: Unit) -> str:
    """An amount as accountants write it: thousands separators and two decimals."""
    return f"{scaled(number, unit):,.2f}"


def format_number(number: Decimal) -> str:
    """A score or an indicator's value: rounded half up to two places, as people write it.

    Trailing zeros are dropped (`25.5`, `20`), as on the self-evaluation form.
    """
    text = f"{number.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"
    return text.rstrip("0").rstrip(".")


def format_score(number: Decimal) -> str:
    """A score or a total: rounded half up to exactly two places (`9.60`, `90.00`).

    The self-evaluation form shows every score so, so that 89.996 reads 90.00 beside 良, not
    a whole 90.
    """
    return f"{number.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"


def format_cell(value: Value, column: Column, labels: Labels, unit: Unit) -> str:
    """A value as text, formatted by its column's kind; an empty string for no value."""
    if value is None:
        return ""
    kind = column.kind
    if kind == "money" and isinstance(value, Decimal):
        return format_money(value, unit)
    if kind == "percent" and isinstance(value, Decimal):
        return f"{value * 100:.2f}%"
    if kind == "number" and isinstance(value, Decimal):
        return format_number(value)
    if kind == "score" and isinstance(value, Decimal):
        return format_score(value)
    if kind == "flag" or isinstance(value, bool):
        return labels("yes") if value else labels("no")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def json_value(value: Value, column: Column) -> str | int | bool | None:
    """A value for JSON: amounts and rates as strings with two decimals (in yuan), dates ISO."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        if column.kind == "percent":
            return f"{value * 100:.2f}"
        if column.kind == "money":
            return f"{value:.2f}"
        if column.kind in ("number", "score"):
            return format_score(value)
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def shown_money(number: Decimal, unit: Unit) -> Decimal:
    """An amount as the reader sees it: in `unit`, rounded to the two decimals shown."""
    return Decimal(f"{scaled(number, unit):.2f}")


def _rounding_gaps(
    total: Row, rows: list[Row], columns: list[Column], unit: Unit
) -> list[tuple[Column, Decimal, Decimal]]:
    """The columns where `rows` add up to `total` exactly but not as shown: (column, rows, total).

    Only sums are compared: a column whose exact rows do not add up to the total (a running
    balance, say) is no sum, and rounding has nothing to explain there.
    """
    gaps = []
    for column in columns:
        values = [row.get(column.key) for row in rows]
        exact = total.get(column.key)
        if not isinstance(exact, Decimal) or not any(isinstance(v, Decimal) for v in values):
            continue
        numbers = [v for v in values if isinstance(v, Decimal)]
        if sum(numbers, Decimal(0)) != exact:
            continue
        shown_rows = sum((shown_money(v, unit) for v in numbers), Decimal(0))
        shown_total = shown_money(exact, unit)
        if shown_rows != shown_total:
            gaps.append((column, shown_rows, shown_total))
    return gaps


def rounding_notes(table: Table, labels: Labels, unit: Unit) -> list[str]:
    """A 尾差 note for each total whose rows, as shown in 万元, do not add up to it as shown.

    In yuan every amount is shown exactly. In 万元 each figure is rounded on its own, so rows
    can add up to 19.82 under a total of 19.81: the note says so and that the total, worked out
    in yuan, is the one to rely on. A subtotal sums the entries since the previous total; a
    grand total sums the subtotals (or, without any, every entry).
    """
    if unit != "wan":
        return []
    columns = [column for column in table.columns if column.kind == "money"]
    notes = []
    entries: list[Row] = []
    subtotals: list[Row] = []
    for row in table.rows:
        if row.role == "entry":
            entries.append(row)
            continue
        if row.role == "opening":
            entries = []
            continue
        if row.role == "subtotal":
            parts, entries = entries, []
            subtotals.append(row)
        else:
            parts, entries, subtotals = subtotals or entries, [], []
        gaps = _rounding_gaps(row, parts, columns, unit)
        if gaps:
            name = row.get("label") or row.get("narration") or row.get("year") or labels("total")
            figures = labels("note-rounding-separator").join(
                labels(
                    "note-rounding-column",
                    column=column.heading,
                    rows=f"{rows:,.2f}",
                    total=f"{total:,.2f}",
                )
                for column, rows, total in gaps
            )
            notes.append(labels("note-rounding", total=name, figures=figures))
    return notes


def table_notes(table: Table, labels: Labels, unit: Unit) -> list[str]:
    """The lines every format prints under a table: its own notes, then any 尾差 note."""
    return [*table.notes, *rounding_notes(table, labels, unit)]


def empty_line(labels: Labels) -> str:
    """What a table without rows shows under its header (无), so it never looks cut off."""
    return labels("none-row")


def unit_note(labels: Labels, unit: Unit, currency: str) -> str:
    """The line that says which unit amounts are in."""
    return labels("note-unit-wan" if unit == "wan" else "note-unit-yuan", currency=currency)


def stamp_lines(stamp: Stamp, labels: Labels) -> list[tuple[str, str]]:
    """The stamp as (label, value) lines."""
    if stamp.commit is None:
        commit = labels("stamp-no-git")
    else:
        commit = stamp.commit + (labels("stamp-dirty") if stamp.dirty else "")
    return [
        (labels("stamp-ledger"), stamp.ledger),
        (labels("stamp-sha256"), stamp.sha256),
        (labels("stamp-commit"), commit),
        (labels("stamp-made"), stamp.made.isoformat(timespec="seconds")),
    ]
