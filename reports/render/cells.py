"""How one value of a report is written out: amounts, rates, dates, yes/no, in yuan or 万元."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from reports.labels import Labels
from reports.stamp import Stamp
from reports.table import Column, Value

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
        if column.kind == "number":
            return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


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
