"""How one value of a report is written out: amounts, rates, dates, yes/no, in yuan or 万元.

Every renderer (text, CSV, JSON, Excel, HTML, the Fava page) writes a value through
`format_cell` or `json_value`, so text that looks like an identity number is masked here, in
every cell of every report, wherever it came from: a register number or name that is one, a
payee or narration quoting one. Amounts, dates and counts are not text, and are not touched.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ledger.beneficiaries.identity import mask_in_text
from reports.labels import Labels
from reports.stamp import Stamp
from reports.table import Column, Equation, Row, Table, Value

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
    return mask_in_text(str(value))


def json_value(value: Value, column: Column) -> str | int | bool | None:
    """A value for JSON: amounts and rates as strings with two decimals (in yuan), dates ISO."""
    if isinstance(value, str):
        return mask_in_text(value)
    if value is None or isinstance(value, bool | int):
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
    grand total sums the subtotals (or, without any, every entry). The same goes for what a
    row's figures add up to (the table's `equations`): a note for each equation that some rows
    break as shown (`equation_notes`).
    """
    if unit != "wan":
        return []
    return [*_total_notes(table, labels, unit), *equation_notes(table, labels, unit)]


def _total_notes(table: Table, labels: Labels, unit: Unit) -> list[str]:
    """The 尾差 notes of the totals: rows that do not add up to their total as shown."""
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


#: How many rows an equation's 尾差 note spells out; it counts the others.
SHOWN_BREAKS = 3


def _row_name(row: Row, labels: Labels) -> str:
    """A row as a reader finds it: its date and voucher, or its label, with its year."""
    date, voucher = row.get("date"), row.get("voucher")
    if isinstance(date, datetime.date):
        return " ".join(str(part) for part in (date.isoformat(), voucher) if part)
    name = str(row.get("label") or row.get("narration") or "")
    year = row.get("year")
    if year is None or str(year) in name:
        return name or labels("total")
    return labels("note-rounding-row", year=year, name=name).strip()


def _figure(value: Value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)


def _breaks(
    table: Table, equation: Equation, unit: Unit
) -> list[tuple[Row, list[tuple[int, str, Decimal]], Decimal]]:
    """The rows whose figures add up exactly but not as shown: (row, terms as shown, sum).

    Only rows whose figures add up exactly are judged: where they do not (a category's carried
    out and lapsed before its year is closed, a match met with more than required), the
    equation says nothing of the row, and rounding has nothing to explain.
    """
    found = []
    previous: Value = None
    opening: Value = None
    for row in table.rows:
        result = row.get(equation.result)
        terms = [(sign, key, row.get(key)) for sign, key in equation.terms]
        if equation.running:
            if row.role == "opening":
                previous = opening = result
                continue
            before = previous if row.role == "entry" else opening
            terms.insert(0, (1, "", before))
            if row.role == "entry":
                previous = result
            else:
                previous = opening = None
        if row.role == "opening" or not isinstance(result, Decimal):
            continue
        if sum((sign * _figure(value) for sign, _, value in terms), Decimal(0)) != result:
            continue
        # Terms without a value (a ledger row's empty credit) add nothing and are not spelt out.
        shown = [
            (sign, key, shown_money(value, unit))
            for sign, key, value in terms
            if isinstance(value, Decimal)
        ]
        total = sum((sign * number for sign, _, number in shown), Decimal(0))
        if total != shown_money(result, unit):
            found.append((row, shown, total))
    return found


def equation_notes(table: Table, labels: Labels, unit: Unit) -> list[str]:
    """A 尾差 note for each of the table's equations that rows, as shown in 万元, break.

    The balances table's 期末余额 = 期初余额 + 实际到位 − … adds up in yuan on every row; shown in
    万元, 0.88 + 20.00 − 15.42 − 0.37 + 0.03 + 0.00 is 5.12 beside a 期末余额 of 5.13. The note
    spells out the first rows that break (a running balance may break on many) and counts the
    others, and says that the figure worked out in yuan is the one to rely on.
    """
    if unit != "wan":
        return []
    headings = {column.key: column.heading for column in table.columns}
    notes = []
    for equation in table.equations:
        breaks = _breaks(table, equation, unit)
        if not breaks:
            continue
        result = headings[equation.result]
        rows = []
        for row, terms, total in breaks[:SHOWN_BREAKS]:
            formula = ""
            for sign, key, number in terms:
                if key:
                    name = headings[key]
                else:  # the running figure this row goes on from
                    before = "previous" if row.role == "entry" else "opening"
                    name = labels(f"note-rounding-{before}", column=result)
                operator = ("+ " if sign > 0 else "− ") if formula else ("" if sign > 0 else "−")
                formula += f"{' ' if formula else ''}{operator}{name} {number:,.2f}"
            rows.append(
                labels(
                    "note-rounding-equation-row",
                    row=_row_name(row, labels),
                    formula=formula,
                    sum=f"{total:,.2f}",
                    result=result,
                    shown=f"{shown_money(_figure(row.get(equation.result)), unit):,.2f}",
                )
            )
        figures = labels("note-rounding-separator").join(rows)
        if len(breaks) > SHOWN_BREAKS:
            figures += labels("note-rounding-equation-more", count=len(breaks) - SHOWN_BREAKS)
        notes.append(labels("note-rounding-equation", figures=figures, result=result))
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
