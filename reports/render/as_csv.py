"""A report as CSV: each table under its title, then the stamp; opens as is in Excel.

Payees, narrations and memos come from bank rows, that is from outsiders. A spreadsheet reads a
cell starting with `=`, `+`, `-` or `@` (or a tab or a carriage return before one) as a formula,
so `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` would run when the CSV is opened. Every text cell
so starting gets a leading `'`, as OWASP advises and as Excel users type it themselves to keep
text as text; amounts are written as plain numbers (`-12.00`), never prefixed.
"""

from __future__ import annotations

import csv
import io

from reports.labels import Labels
from reports.render.cells import (
    Unit,
    empty_line,
    format_cell,
    scaled,
    stamp_lines,
    table_notes,
    unit_note,
)
from reports.table import Report

# Amounts are written without thousands separators, so Excel reads them as numbers.
_PLAIN = frozenset({"money"})
#: Kinds whose values are the report's own numbers and dates, never text from the books.
_OWN_VALUES = frozenset({"percent", "date", "count", "year", "flag", "score"})
#: A cell starting so is read as a formula (full-width forms too, which CJK input produces).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralised(text: str) -> str:
    """`text` as a cell a spreadsheet shows as text, never evaluates: `'=...` for `=...`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render_csv(report: Report, unit: Unit) -> str:
    """The whole report as CSV text."""
    labels = Labels(report.language)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def line(*cells: str) -> None:
        writer.writerow([neutralised(cell) for cell in cells])

    line(report.title)
    line(unit_note(labels, unit, report.currency))
    for note in report.notes:
        line(note)
    for table in report.tables:
        writer.writerow([])
        line(table.title)
        line(*(column.heading for column in table.columns))
        for row in table.rows:
            cells = []
            for column in table.columns:
                value = row.values.get(column.key)
                if column.kind in _PLAIN and value is not None and not isinstance(value, str):
                    cells.append(f"{scaled(value, unit):.2f}")
                    continue
                text = format_cell(value, column, labels, unit)
                own = column.kind in _OWN_VALUES and not isinstance(value, str)
                cells.append(text if own else neutralised(text))
            writer.writerow(cells)
        if not table.rows:
            line(empty_line(labels))
        for note in table_notes(table, labels, unit):
            line(note)
    writer.writerow([])
    for label, value in stamp_lines(report.stamp, labels):
        line(label, value)
    return out.getvalue()
