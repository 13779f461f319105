"""Reports as an Excel workbook that looks like what an accountant makes by hand.

Each table is a sheet named for it: the title on top, the unit, a styled header frozen in place
with a filter, amounts as numbers formatted `#,##0.00`, totals in bold, columns fitted to their
contents, printed on A4 landscape to the page's width with the header repeated; the notes and
the stamp under the table.

Written with XlsxWriter, which streams cells with shared formats: an inspection pack holds tens
of thousands of rows, and openpyxl's per-cell style objects made writing it five times slower.
(openpyxl reads workbooks: the statement importer and the tests use it.)
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from decimal import Decimal

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from reports.labels import Labels
from reports.render.as_text import width
from reports.render.cells import (
    Unit,
    empty_line,
    format_cell,
    scaled,
    stamp_lines,
    table_notes,
    unit_note,
)
from reports.table import Column, Report, Table

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
SCORE_FORMAT = "0.00"
"""Scores and totals: two decimals shown, the cell a number."""
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "#DDEBF7"
TOTAL_FILL = "#F2F2F2"
HEADER_ROW = 3
"""The header's row, counted from 0 (it is row 4 in Excel)."""
MAX_WIDTH = 48
SHEET_NAME_LENGTH = 31
A4 = 9
_FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_NUMBER_KINDS = {
    "money": MONEY_FORMAT,
    "percent": PERCENT_FORMAT,
    "date": DATE_FORMAT,
    "count": "0",
    "number": "General",
    "score": SCORE_FORMAT,
}


class _Formats:
    """The workbook's cell formats, made once and shared by every cell of their kind."""

    def __init__(self, workbook: xlsxwriter.Workbook, font: str) -> None:
        base = {"font_name": font, "font_size": 10, "valign": "top"}
        cell = {**base, "border": 1, "border_color": "#A6A6A6"}
        self.title = workbook.add_format({"font_name": font, "font_size": 14, "bold": True})
        self.note = workbook.add_format(
            {"font_name": font, "font_size": 9, "font_color": "#595959"}
        )
        self.header = workbook.add_format(
            {**cell, "bold": True, "bg_color": HEADER_FILL, "text_wrap": True}
            | {"align": "center", "valign": "vcenter"}
        )
        self.cells: dict[tuple[str, bool], Format] = {}
        for total in (False, True):
            extra = {"bold": True, "bg_color": TOTAL_FILL} if total else {}
            self.cells["text", total] = workbook.add_format({**cell, **extra, "text_wrap": True})
            for kind, number_format in _NUMBER_KINDS.items():
                self.cells[kind, total] = workbook.add_format(
                    {**cell, **extra, "num_format": number_format}
                )

    def of(self, column: Column, total: bool) -> Format:
        """The format of a cell of `column` in an entry row or a total row."""
        return self.cells[column.kind if column.kind in _NUMBER_KINDS else "text", total]


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: without the characters Excel forbids, at most 31 long."""
    base = _FORBIDDEN_IN_SHEET_NAMES.sub("", name)[:SHEET_NAME_LENGTH] or "Sheet"
    candidate, number = base, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    taken.add(candidate.lower())
    return candidate


def _write_cell(
    sheet: Worksheet, row: int, col: int, value, column: Column, text: str, cell_format: Format
) -> None:
    """Write a value as Excel stores it: numbers as numbers, dates as dates, the rest as text."""
    kind = column.kind
    if value is None:
        sheet.write_blank(row, col, None, cell_format)
    elif kind in ("money", "percent") and isinstance(value, Decimal):
        sheet.write_number(row, col, float(value), cell_format)
    elif kind in ("number", "score") and isinstance(value, Decimal):
        sheet.write_number(row, col, float(Decimal(text.replace(",", ""))), cell_format)
    elif kind == "date" and isinstance(value, datetime.date):
        sheet.write_datetime(row, col, value, cell_format)
    elif kind == "count" and isinstance(value, int) and not isinstance(value, bool):
        sheet.write_number(row, col, value, cell_format)
    else:
        sheet.write_string(row, col, text, cell_format)


def write_table(
    sheet: Worksheet, report: Report, table: Table, formats: _Formats, labels: Labels, unit: Unit
) -> None:
    """Lay one table out on its sheet."""
    columns = table.columns
    sheet.write_string(0, 0, table.title, formats.title)
    sheet.write_string(
        1, 0, "  ".join([unit_note(labels, unit, report.currency), *report.notes]), formats.note
    )
    widths = [width(column.heading) for column in columns]
    for col, column in enumerate(columns):
        sheet.write_string(HEADER_ROW, col, column.heading, formats.header)
    row_number = HEADER_ROW
    for row_number, row in enumerate(table.rows, start=HEADER_ROW + 1):
        total = row.role != "entry"
        for col, column in enumerate(columns):
            value = row.values.get(column.key)
            text = format_cell(value, column, labels, unit)
            if column.kind == "money" and value is not None:
                value = scaled(value, unit)
            _write_cell(sheet, row_number, col, value, column, text, formats.of(column, total))
            size = width(text)
            if size > widths[col]:
                widths[col] = size
    if not table.rows:
        row_number += 1
        sheet.write_string(row_number, 0, empty_line(labels), formats.cells["text", False])
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    if table.rows:
        sheet.autofilter(HEADER_ROW, 0, row_number, len(columns) - 1)
    for col, size in enumerate(widths):
        sheet.set_column(col, col, min(size + 2, MAX_WIDTH))
    below = row_number + 2
    notes = table_notes(table, labels, unit)
    for note in notes:
        sheet.write_string(below, 0, note, formats.note)
        below += 1
    below += 1 if notes else 0
    for label, value in stamp_lines(report.stamp, labels):
        sheet.write_string(below, 0, f"{label}: {value}", formats.note)
        below += 1
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, one page wide, the header row repeated on every page, numbered pages."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW)
    sheet.set_footer("&C&P / &N")


def render_xlsx(reports: Sequence[Report], unit: Unit) -> bytes:
    """The reports as one workbook, a sheet per table, in order."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    language = reports[0].language if reports else "zh"
    formats = _Formats(workbook, "等线" if language == "zh" else "Calibri")
    taken: set[str] = set()
    for report in reports:
        labels = Labels(report.language)
        for table in report.tables:
            sheet = workbook.add_worksheet(sheet_name(table.name or table.title, taken))
            write_table(sheet, report, table, formats, labels, unit)
    if reports:
        workbook.set_properties({"title": reports[0].title, "author": "mch-ledger"})
    workbook.close()
    return buffer.getvalue()
