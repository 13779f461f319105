"""Tables in 万元 explain their 尾差, and a table without rows says 无, in every format.

In 万元 each figure is rounded on its own: the demo's 2025 spending per category is 19,200.00,
29,150.00, 79,380.00, 28,600.00 and 41,800.00, shown as 1.92, 2.92, 7.94, 2.86 and 4.18, which
add up to 19.82, while the year's 198,130.00 is shown as 19.81. A reader adding up the column
finds a cent missing: the 尾差 note under the table says why, and that the total is the one to
rely on. A table without rows (the demo's 2025 numbering has no problem) shows 无 under its
header instead of headers alone.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup

from ledger.loading import load_ledger
from reports.build import build_report
from reports.labels import Labels
from reports.render import render
from reports.render.cells import rounding_notes
from reports.stamp import Stamp
from reports.table import Report, Row, Table

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"
NOTE_2025 = (
    "尾差说明：2025年合计中，“本年支出”各行相加为 19.82，合计为 19.81；"
    "“预算余额”各行相加为 0.81，合计为 0.82；“结余”各行相加为 0.36，合计为 0.37。"
    "金额按万元显示时逐项四舍五入，合计按元计算后换算，以合计为准。"
)


@pytest.fixture(scope="module")
def demo():
    return load_ledger(DEMO)


@pytest.fixture(scope="module")
def budget_2025(demo):
    return build_report("budget", demo, 2025, "zh")


def test_the_text_table_shows_the_rows_and_the_total_as_rounded_and_says_why(budget_2025):
    text = render("text", [budget_2025], "wan")
    rows = [line.split() for line in text.splitlines() if line.startswith("2025 ")]
    spent = [row[-6] for row in rows]
    assert spent == ["1.92", "2.92", "7.94", "2.86", "4.18", "19.81"]
    assert sum(Decimal(value) for value in spent[:-1]) == Decimal("19.82")
    assert NOTE_2025 in text.splitlines()


def test_the_note_is_in_every_format_a_reader_reads(budget_2025):
    csv_rows = csv.reader(io.StringIO(render("csv", [budget_2025], "wan")))
    csv_lines = [row[0] for row in csv_rows if row]
    assert NOTE_2025 in csv_lines
    page = BeautifulSoup(render("html", [budget_2025], "wan"), "html.parser")
    assert NOTE_2025 in [p.get_text() for p in page.select("p.note")]
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [budget_2025], "wan")))
    cells = [cell.value for row in book.active.iter_rows(max_col=1) for cell in row]
    assert NOTE_2025 in cells


def test_in_english_too(demo):
    report = build_report("budget", demo, 2025, "en")
    assert (
        "Rounding: in Total 2025, the Spent rows add up to 19.82 while the total shows 19.81; "
        "the Remaining rows add up to 0.81 while the total shows 0.82; the Lapsed rows add up "
        "to 0.36 while the total shows 0.37. In 10,000 yuan each figure is rounded on its own; "
        "the total is worked out in yuan, then rounded, and is the one to rely on."
    ) in render("text", [report], "wan")


def test_in_yuan_nothing_is_rounded_and_there_is_no_note(budget_2025):
    assert "尾差" not in render("text", [budget_2025], "yuan")


def _table(rows: list[Row]) -> Table:
    labels = Labels("en")
    columns = labels.columns(("label", "text"), ("debit", "money"), ("balance", "money"))
    return Table("rows", "A ledger", columns, rows)


def test_only_columns_that_are_sums_get_a_note():
    # Three debits of 1,050.00 show as 0.10 (0.105 rounded half to even) and add up to 0.30;
    # their 3,150.00 total shows as 0.32. The running balance is no sum: nothing to explain.
    entries = [
        Row({"label": "entry", "debit": Decimal(1050), "balance": Decimal(1050 * n)})
        for n in (1, 2, 3)
    ]
    total = Row(
        {"label": "Total 2024", "debit": Decimal(3150), "balance": Decimal(3150)}, "subtotal"
    )
    [note] = rounding_notes(_table([*entries, total]), Labels("en"), "wan")
    assert note.startswith("Rounding: in Total 2024, the Debit rows add up to 0.30 while ")
    assert "the total shows 0.32." in note
    assert "Balance" not in note


def test_rows_that_add_up_as_shown_get_no_note():
    entries = [Row({"label": "entry", "debit": Decimal(4000), "balance": None})] * 3
    total = Row({"label": "Total", "debit": Decimal(12000), "balance": None}, "subtotal")
    assert rounding_notes(_table([*entries, total]), Labels("en"), "wan") == []


def test_an_empty_table_says_none_in_every_format(demo):
    vouchers = build_report("vouchers", demo, 2025, "zh")
    numbering = vouchers.tables[1]
    assert numbering.rows == []

    text = render("text", [vouchers], "yuan").splitlines()
    heading = text.index(numbering.title)
    assert text[heading + 1].split() == ["年度", "凭证号", "问题", "位置"]
    assert text[heading + 3] == "无"

    rows = list(csv.reader(io.StringIO(render("csv", [vouchers], "yuan"))))
    heading = rows.index([numbering.title])
    assert rows[heading + 2] == ["无"]

    page = BeautifulSoup(render("html", [vouchers], "yuan"), "html.parser")
    table = page.select('table[data-table="numbering"]')[0]
    [empty] = table.select("tbody tr")
    assert empty.get_text(strip=True) == "无"
    assert empty.td["colspan"] == str(len(numbering.columns))

    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [vouchers], "yuan")))
    sheet = book[numbering.name]
    assert sheet["A5"].value == "无"


def test_an_empty_report_table_in_english():
    labels = Labels("en")
    stamp = Stamp("ledger.beancount", "0" * 64, (), None, None, datetime.datetime(2026, 1, 1))
    table = Table("rows", "Findings", labels.columns(("rule", "text")), [])
    report = Report("findings", "Findings", "en", [table], stamp, "CNY", None)
    assert "\nRule\n----\nNone\n" in render("text", [report], "yuan")
