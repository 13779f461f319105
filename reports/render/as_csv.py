"""A report as CSV: each table under its title, then the stamp; opens as is in Excel."""

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


def render_csv(report: Report, unit: Unit) -> str:
    """The whole report as CSV text."""
    labels = Labels(report.language)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([report.title])
    writer.writerow([unit_note(labels, unit, report.currency)])
    for note in report.notes:
        writer.writerow([note])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([column.heading for column in table.columns])
        for row in table.rows:
            cells = []
            for column in table.columns:
                value = row.values.get(column.key)
                if column.kind in _PLAIN and value is not None:
                    cells.append(f"{scaled(value, unit):.2f}")
                else:
                    cells.append(format_cell(value, column, labels, unit))
            writer.writerow(cells)
        if not table.rows:
            writer.writerow([empty_line(labels)])
        for note in table_notes(table, labels, unit):
            writer.writerow([note])
    writer.writerow([])
    for label, value in stamp_lines(report.stamp, labels):
        writer.writerow([label, value])
    return out.getvalue()
