"""Tables in 万元 explain their 尾差, and a table without rows says 无, in every format.

In 万元 each figure is rounded on its own: the demo's 2025 spending per category is 19,200.00,
29,150.00, 79,380.00, 28,600.00 and 41,800.00, shown as 1.92, 2.92, 7.94, 2.86 and 4.18, which
add up to 19.82, while the year's 198,130.00 is shown as 19.81. A reader adding up the column
finds a cent missing: the 尾差 note under the table says why, and that the total is the one to
rely on. The same goes for what a row's figures add up to: the demo's 2026 balances are
8,807.77 + 200,000.00 − 154,150.00 − 3,670.00 + 282.11 = 51,269.88 in yuan, but 0.88 + 20.00 −
15.42 − 0.37 + 0.03 + 0.00 = 5.12 beside a closing balance shown as 5.13. A table without rows
(the demo's 2025 numbering has no problem) shows 无 under its header instead of headers alone.
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
from reports.table import Equation, Report, Row, Table

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


BALANCES_2026 = (
    "尾差说明：2026年度：期初余额 0.88 + 实际到位 20.00 − 本年支出 15.42 − 上缴结余 0.37 "
    "+ 其他收支净额 0.03 + 应付款增加 0.00 = 5.12，而“期末余额”显示为 5.13。"
    "金额按万元显示时逐项四舍五入，“期末余额”按元计算后换算，以显示的“期末余额”为准。"
)


def test_a_rows_equation_that_does_not_add_up_as_shown_gets_the_note_in_every_format(demo):
    balances = build_report("balances", demo, 2026, "zh")
    [row] = balances.tables[0].rows
    assert row.get("opening") + row.get("received") - row.get("spent") - row.get(
        "returned"
    ) + row.get("other") + row.get("payables") == row.get("closing")
    text = render("text", [balances], "wan")
    assert "5.13" in text.split("2026 ")[1].split()
    assert BALANCES_2026 in text.splitlines()
    csv_lines = [row[0] for row in csv.reader(io.StringIO(render("csv", [balances], "wan"))) if row]
    assert BALANCES_2026 in csv_lines
    page = BeautifulSoup(render("html", [balances], "wan"), "html.parser")
    assert BALANCES_2026 in [p.get_text() for p in page.select("p.note")]
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [balances], "wan")))
    assert BALANCES_2026 in [cell.value for row in book.active.iter_rows(max_col=1) for cell in row]
    assert "尾差" not in render("text", [balances], "yuan")

    english = render("text", [build_report("balances", demo, 2026, "en")], "wan")
    assert (
        "Rounding: 2026: Opening balance 0.88 + Received 20.00 − Spent 15.42 − Returned 0.37 + "
        "Other, net 0.03 + Payables increase 0.00 = 5.12, while Closing balance shows 5.13. In "
        "10,000 yuan each figure is rounded on its own; Closing balance is worked out in yuan, "
        "then rounded, and is the one to rely on."
    ) in english


def test_the_budget_rows_equations_too(demo):
    # 2026's available 204,500.00 less spent 154,150.00 is 50,350.00: 20.45 − 15.42 = 5.03 as
    # shown, beside a remaining of 5.04.
    text = render("text", [build_report("budget", demo, 2026, "zh")], "wan")
    assert (
        "尾差说明：2026年合计：可用预算 20.45 − 本年支出 15.42 = 5.03，而“预算余额”显示为 5.04。"
    ) in text


def _ledger(rows: list[Row]) -> Table:
    labels = Labels("en")
    columns = labels.columns(
        ("narration", "text"), ("debit", "money"), ("credit", "money"), ("balance", "money")
    )
    running = (Equation("balance", ((1, "debit"), (-1, "credit")), running=True),)
    return Table("rows", "A ledger", columns, rows, equations=running)


def test_a_running_balance_that_does_not_follow_as_shown_is_explained():
    # 4,818.56 brought forward (0.48) plus 10,000.00 (1.00) is 14,818.56, shown as 1.48; less
    # 8,190.00 (0.82) it is 6,628.56, shown as 0.66; plus 55.00 (0.01), 6,683.56 shows as 0.67,
    # not 0.66 + 0.01 = 0.67: fine. Less 62.00 (0.01) it is 6,621.56, 0.66: 0.67 − 0.01 is 0.66.
    # Plus 45.00 (0.00, 0.0045 rounded) it is 6,666.56, 0.67: 0.66 + 0.00 is not 0.67. The
    # year's total follows the opening line: 0.48 + 1.01 − 0.83 = 0.66, not 0.67 either.
    opening = Row({"narration": "Brought forward", "balance": Decimal("4818.56")}, "opening")
    moves = ("10000.00", "-8190.00", "55.00", "-62.00", "45.00")
    entries, balance = [], Decimal("4818.56")
    for move in map(Decimal, moves):
        balance += move
        debit, credit = (move, None) if move > 0 else (None, -move)
        entries.append(
            Row({"narration": f"move {move}", "debit": debit, "credit": credit, "balance": balance})
        )
    total = Row(
        {
            "narration": "Total 2025",
            "debit": Decimal("10100.00"),
            "credit": Decimal("8252.00"),
            "balance": balance,
        },
        "subtotal",
    )
    notes = rounding_notes(_ledger([opening, *entries, total]), Labels("en"), "wan")
    assert notes == [
        "Rounding: move 45.00: previous Balance 0.66 + Debit 0.00 = 0.66, while Balance shows "
        "0.67; Total 2025: opening Balance 0.48 + Debit 1.01 − Credit 0.83 = 0.66, while Balance "
        "shows 0.67. In 10,000 yuan each figure is rounded on its own; Balance is worked out in "
        "yuan, then rounded, and is the one to rely on."
    ]


def test_the_demos_general_ledger_explains_its_running_balance(demo):
    # 2025's first break: 106,628.56 + 123.38 of interest is 106,751.94, shown as 10.68, while
    # the balance before it as shown (10.66) plus the interest (0.01) makes 10.67; nine more.
    text = render("text", [build_report("ledger", demo, 2025, "zh")], "wan")
    [note] = [line for line in text.splitlines() if "记-2025-004" in line and "尾差" in line]
    assert note.startswith(
        "尾差说明：2025-03-21 记-2025-004：上一行余额 10.66 + 借方 0.01 = 10.67，"
        "而“余额”显示为 10.68；"
    )
    assert "；另有 9 行同样。" in note


def test_rows_whose_figures_do_not_add_up_exactly_are_not_judged():
    # A match met with more than required has no shortfall: required − received is no equation.
    labels = Labels("en")
    columns = labels.columns(("received", "money"), ("required", "money"), ("shortfall", "money"))
    table = Table(
        "rows",
        "Funding",
        columns,
        [Row({"received": Decimal("10050"), "required": Decimal("10000"), "shortfall": None})],
        equations=(Equation("shortfall", ((1, "required"), (-1, "received"))),),
    )
    assert rounding_notes(table, labels, "wan") == []


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
