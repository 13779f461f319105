"""Statements come from outside: a file that would take the memory is refused before it does.

Caps (`importers.tables`): 32 MiB on disk; an `.xlsx` whose parts unpack to more than 64 MiB (a
zip bomb); more than 200,000 rows, empty ones included (millions of empty lines or `<row/>`
elements), counted before the file is split or the workbook opened; more than 2,000,000 cells,
counted as rows times the widest row while reading, for .xlsx, .xls and CSV alike (a sparse
sheet with one cell far to the right). Each refusal names the file and the cap. A worksheet is
read whole whatever its `<dimension>` claims: a stale one used to cut the rows off without a
word.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
import xlwt
from import_helpers import STATEMENTS, R, golden_entries, importer, with_balances
from statements.make_samples import qxrcb_table, write_xlsx

from importers import tables
from importers.errors import StatementTooLargeError
from importers.tables import read_tables

SHEET = "xl/worksheets/sheet1.xml"


def _rewrite_sheet(source, target, edit, member_size=None):
    """A copy of the workbook `source` whose sheet XML is `edit(xml)` (bytes or chunks)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename != SHEET:
                new.writestr(info, content)
                continue
            member = zipfile.ZipInfo(SHEET, date_time=(2026, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            with new.open(member, "w", force_zip64=True) as out:
                for chunk in edit(content.decode()):
                    out.write(chunk.encode())
    return target


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "明细.csv"
    with path.open("wb") as file:
        file.truncate(tables.MAX_BYTES + 1)  # sparse on disk: nothing is written
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert str(error.value) == (
        f"{path}: is 32 MiB, more than the 32 MiB a file may be: export a shorter period"
    )


def test_an_xlsx_bomb_is_refused_by_its_unpacked_size(tmp_path):
    def bomb(xml):
        head, _, tail = xml.partition("</sheetData>")
        yield head
        row = "<row>" + '<c t="n"><v>1</v></c>' * 100 + "</row>"
        for _ in range(70 * 2**20 // (len(row) * 1000) + 1):
            yield row * 1000
        yield "</sheetData>" + tail

    path = _rewrite_sheet(STATEMENTS / "qxrcb.xlsx", tmp_path / "bomb.xlsx", bomb)
    assert path.stat().st_size < 2**20  # well under a megabyte on disk
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert str(error.value).startswith(f"{path}: unpacks to 70")
    assert "more than the 64 MiB a workbook may hold" in str(error.value)


def test_a_sparse_xlsx_is_refused_by_its_cells_as_it_is_read(tmp_path):
    def sparse(xml):
        head, _, tail = xml.partition("</sheetData>")
        yield re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD2000"/>', head)
        for row in range(100, 2000):
            yield f'<row r="{row}"><c r="XFD{row}" t="n"><v>{row}</v></c></row>'
        yield "</sheetData>" + tail

    path = _rewrite_sheet(STATEMENTS / "qxrcb.xlsx", tmp_path / "sparse.xlsx", sparse)
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    # The statement's 17 rows, 82 missing ones, then rows 16,384 cells wide: the cap is passed
    # at row 123, long before the 1,900 far-right cells pad every row.
    assert str(error.value) == (
        f"{path}: spans more than the 2,000,000 cells a file may have (123 rows, up to "
        "16,384 columns wide): export a shorter period, or copy the rows alone into "
        "a new workbook"
    )


@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r"], ids=["CRLF", "LF", "CR"])
def test_millions_of_empty_lines_are_refused_before_they_are_split(tmp_path, monkeypatch, end):
    path = tmp_path / "明细.csv"
    path.write_bytes((STATEMENTS / "qxrcb.csv").read_bytes() + end * tables.MAX_CELLS)

    def split(*args):
        raise AssertionError("split into lines")

    monkeypatch.setattr(tables.tables, "_lines", split)
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert "more than the 200,000 rows a file may have, empty ones included" in str(error.value)


def test_a_text_of_empty_lines_is_counted_to_the_row_cap(tmp_path):
    # Under the cap before splitting (a line ends at CR LF, LF or CR, and LF then CR is two);
    # the rows counted while it is read pass it.
    path = tmp_path / "明细.csv"
    half = tables.MAX_ROWS // 2 + 10
    path.write_bytes((STATEMENTS / "qxrcb.csv").read_bytes() + b"\n" * half + b"\r" * half)
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert "a file may have" in str(error.value)  # the cells cap, here, as 11 columns wide


def test_an_xlsx_of_empty_rows_is_refused_before_the_workbook_is_opened(tmp_path, monkeypatch):
    # Issue 10: 10,000,000 `<row/>` in an 89 KB file took 233 s and 1.07 GB before refusal:
    # opening the workbook read the whole sheet for its size, keeping every row element.
    def empty_rows(xml):
        head, _, tail = xml.partition("</sheetData>")
        yield re.sub(r'<dimension ref="[^"]*"/>', "", head)
        for _ in range(tables.MAX_ROWS // 1000 + 1):
            yield "<row/>" * 1000
        yield "</sheetData>" + tail

    path = _rewrite_sheet(STATEMENTS / "qxrcb.xlsx", tmp_path / "rows.xlsx", empty_rows)
    assert path.stat().st_size < 100_000

    def load_workbook(*args, **kwargs):
        raise AssertionError("opened the workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", load_workbook)
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert "more than the 200,000 rows a file may have, empty ones included" in str(error.value)


def test_a_wide_csv_is_refused_while_it_is_read(tmp_path):
    path = tmp_path / "明细.csv"
    line = b"," * 20_000 + b"x\r\n"
    path.write_bytes((STATEMENTS / "qxrcb.csv").read_bytes() + line * 110)
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert "up to 20,001 columns wide" in str(error.value)


def test_a_sparse_xls_is_refused_by_its_cells(tmp_path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, "交易明细")
    for row in range(1, 8000):
        sheet.write(row, 255, row)  # 8,000 rows of 256 columns: 2,048,000 cells
    path = tmp_path / "明细.xls"
    book.save(str(path))
    with pytest.raises(StatementTooLargeError) as error:
        read_tables(path)
    assert "(7,813 rows, up to 256 columns wide)" in str(error.value)


def test_a_stale_dimension_no_longer_cuts_rows_off(tmp_path):
    rows = with_balances(
        Decimal("1000.00"),
        [
            R(f"2025-03-{day:02d} 09:00", "-10.00", "王丽华", "差旅费", "转账", f"D{day}")
            for day in range(1, 9)
        ],
    )
    table = qxrcb_table("201000155550001", "项目专户", "2025-03-01", "2025-03-31", rows)
    plain = tmp_path / "plain.xlsx"
    write_xlsx(plain, table, numbers=True)

    def stale(xml):
        # The sheet claims to end at row 8: the header, two rows, and nothing of the rest.
        yield re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:K8"/>', xml)

    path = _rewrite_sheet(plain, tmp_path / "stale.xlsx", stale)
    assert openpyxl.load_workbook(path, read_only=True).worksheets[0].max_row == 8
    statement = importer("qxrcb", golden_entries()).statement(str(path))
    assert len(statement.rows) == 8
    assert statement.closing_balance == Decimal("920.00")


def test_an_ordinary_workbook_still_reads_under_the_caps():
    buffer = io.BytesIO((STATEMENTS / "qxvb.xlsx").read_bytes())
    with zipfile.ZipFile(buffer) as archive:
        assert sum(info.file_size for info in archive.infolist()) < tables.MAX_UNPACKED_BYTES
    # Heading 3, header 2, rows 5, totals and print date: 12 rows.
    assert len(read_tables(STATEMENTS / "qxvb.xlsx")[0].rows) == 12
