"""Reports as an Excel workbook that looks like what an accountant makes by hand.

Each table is a sheet named for it: the title on top, the unit, a styled header frozen in place
with a filter, amounts as numbers formatted `#,##0.00`, totals in bold, columns fitted to their
contents, printed on A4 landscape to the page's width with the header repeated; the notes and
the stamp under the table.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.labels import Labels
from reports.render.as_text import width
from reports.render.cells import Unit, format_cell, scaled, stamp_lines, unit_note
from reports.table import Column, Report, Row, Table

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
DATE_FORMAT = "yyyy-mm-dd"
HEADER_ROW = 4
MAX_WIDTH = 48
SHEET_NAME_LENGTH = 31
_FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "等线"


def _styles() -> dict[str, NamedStyle]:
    """The workbook's named styles: one per kind of cell, so each cell only names its style."""
    body = Font(name=_FONT, size=10)
    bold = Font(name=_FONT, size=10, bold=True)
    styles = {
        "title": NamedStyle("title", font=Font(name=_FONT, size=14, bold=True)),
        "note": NamedStyle("note", font=Font(name=_FONT, size=9, color="595959")),
        "header": NamedStyle(
            "header",
            font=bold,
            fill=PatternFill("solid", fgColor="DDEBF7"),
            border=_BORDER,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
    }
    for weight, font in (("", body), ("-total", bold)):
        fill = PatternFill("solid", fgColor="F2F2F2") if weight else PatternFill()
        styles[f"text{weight}"] = NamedStyle(
            f"text{weight}", font=font, border=_BORDER, fill=fill,
            alignment=Alignment(vertical="top", wrap_text=True),
        )  # fmt: skip
        for kind, number_format in (
            ("money", MONEY_FORMAT),
            ("percent", PERCENT_FORMAT),
            ("date", DATE_FORMAT),
            ("count", "0"),
        ):
            styles[f"{kind}{weight}"] = NamedStyle(
                f"{kind}{weight}", font=font, border=_BORDER, fill=fill,
                number_format=number_format, alignment=Alignment(vertical="top"),
            )  # fmt: skip
    return styles


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


def _cell_value(value, column: Column, labels: Labels, unit: Unit):
    """The value Excel stores: numbers as numbers, dates as dates, the rest as text."""
    if value is None:
        return None
    if column.kind == "money" and isinstance(value, Decimal):
        return scaled(value, unit)
    if column.kind == "percent" and isinstance(value, Decimal):
        return value
    if column.kind == "date" and isinstance(value, datetime.date):
        return value
    if column.kind == "count" and isinstance(value, int):
        return value
    return format_cell(value, column, labels, unit)


def _style_of(column: Column, row: Row) -> str:
    kind = column.kind if column.kind in ("money", "percent", "date", "count") else "text"
    return kind + ("" if row.role == "entry" else "-total")


def write_table(sheet: Worksheet, report: Report, table: Table, labels: Labels, unit: Unit) -> None:
    """Lay one table out on its sheet."""
    columns = table.columns
    last = get_column_letter(len(columns))
    sheet["A1"] = table.title
    sheet["A1"].style = "title"
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = "  ".join([unit_note(labels, unit, report.currency), *report.notes])
    sheet["A2"].style = "note"
    widths = [width(column.heading) for column in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(HEADER_ROW, index, column.heading)
        cell.style = "header"
    number = HEADER_ROW
    for number, row in enumerate(table.rows, start=HEADER_ROW + 1):
        for index, column in enumerate(columns, start=1):
            value = row.get(column.key)
            cell = sheet.cell(number, index, _cell_value(value, column, labels, unit))
            cell.style = _style_of(column, row)
            shown = format_cell(value, column, labels, unit)
            widths[index - 1] = max(widths[index - 1], width(shown))
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    if table.rows:
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{number}"
    for index, size in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(size + 2, MAX_WIDTH)
    below = number + 2
    for offset, note in enumerate(table.notes):
        sheet.cell(below + offset, 1, note).style = "note"
    below += len(table.notes) + (1 if table.notes else 0)
    for offset, (label, value) in enumerate(stamp_lines(report.stamp, labels)):
        sheet.cell(below + offset, 1, f"{label}: {value}").style = "note"
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, one page wide, the header row repeated on every page, numbered pages."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.oddFooter.center.text = "&P / &N"


def render_xlsx(reports: Sequence[Report], unit: Unit) -> bytes:
    """The reports as one workbook, a sheet per table, in order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for style in _styles().values():
        workbook.add_named_style(style)
    taken: set[str] = set()
    for report in reports:
        labels = Labels(report.language)
        for table in report.tables:
            sheet = workbook.create_sheet(sheet_name(table.name or table.title, taken))
            write_table(sheet, report, table, labels, unit)
    if reports:
        first = reports[0]
        workbook.properties.title = first.title
        workbook.properties.creator = "mch-ledger"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
