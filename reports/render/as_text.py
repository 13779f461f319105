"""A report as aligned text tables, for the terminal (Chinese characters count double)."""

from __future__ import annotations

import unicodedata

from reports.labels import Labels
from reports.render.cells import (
    Unit,
    empty_line,
    format_cell,
    stamp_lines,
    table_notes,
    unit_note,
)
from reports.table import Report, Table

_RIGHT = frozenset({"money", "percent", "count", "number", "score"})


def width(text: str) -> int:
    """The number of terminal columns `text` takes: wide (CJK) characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, size: int, right: bool) -> str:
    gap = " " * (size - width(text))
    return gap + text if right else text + gap


def render_table(table: Table, labels: Labels, unit: Unit, titled: bool = True) -> list[str]:
    """One table: its title (unless `titled` is false), a heading line, a rule, and its rows.

    A table without rows shows 无 under its header; the notes follow, a 尾差 note among them
    when rows shown in 万元 do not add up to their total.
    """
    header = [column.heading for column in table.columns]
    body = [
        [format_cell(row.values.get(column.key), column, labels, unit) for column in table.columns]
        for row in table.rows
    ]
    sizes = [max(width(line[i]) for line in [header, *body]) for i in range(len(header))]
    right = [column.kind in _RIGHT for column in table.columns]

    def line(cells: list[str]) -> str:
        return "  ".join(
            _pad(cell, size, r) for cell, size, r in zip(cells, sizes, right, strict=True)
        ).rstrip()

    lines = [table.title] if titled else []
    lines += [line(header), "  ".join("-" * size for size in sizes)]
    lines.extend(line(cells) for cells in body)
    if not body:
        lines.append(empty_line(labels))
    lines.extend(table_notes(table, labels, unit))
    return lines


def render_text(report: Report, unit: Unit) -> str:
    """The whole report as text."""
    labels = Labels(report.language)
    lines = [report.title, unit_note(labels, unit, report.currency), *report.notes, ""]
    for table in report.tables:
        lines.extend(render_table(table, labels, unit, titled=table.title != report.title))
        lines.append("")
    lines.extend(f"{label}: {value}" for label, value in stamp_lines(report.stamp, labels))
    return "\n".join(lines) + "\n"
