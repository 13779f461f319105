"""The execution rate (执行率) has one definition, in the grant model, that every view reads.

`ledger.books.execution_rate`: spent over available, none when nothing was available. The
category's rate (`CategoryYear.execution`), the budget report's rows and year totals and the
HTML report's chart all show it. The demo's 2025 equipment: 79,380.00 spent of 80,000.00,
99.225%; the year: 198,130.00 of 206,300.00 (200,000.00 plus 6,300.00 of relief carried in).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ledger.books import execution_rate
from ledger.loading import load_ledger
from reports.build import build_report
from reports.render import render

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"
EQUIPMENT = "Expenses:MCH:Equipment"


@pytest.fixture(scope="module")
def demo():
    return load_ledger(DEMO)


def test_spent_over_available_and_none_when_nothing_was_available():
    assert execution_rate(Decimal("79380.00"), Decimal("80000.00")) == Decimal("0.99225")
    assert execution_rate(Decimal("600.00"), Decimal(0)) is None


def test_the_category_and_the_report_show_the_same_rate(demo):
    category = demo.grant.books[2025].categories[EQUIPMENT]
    assert category.execution == Decimal("0.99225")
    report = build_report("budget", demo, 2025, "zh")
    [row] = [row for row in report.tables[0].rows if row.get("account") == EQUIPMENT]
    assert row.get("execution") == Decimal("0.99225")
    [total] = [row for row in report.tables[0].rows if row.role == "subtotal"]
    assert total.get("execution") == Decimal("198130.00") / Decimal("206300.00")
    assert "96.04%" in render("text", [report], "yuan")


def test_the_chart_shows_the_rate_of_the_table(demo):
    page = BeautifulSoup(
        render("html", [build_report("budget", demo, 2025, "zh")], "yuan"), "html.parser"
    )
    texts = [text.get_text() for text in page.select('figure[data-chart="budget"] text')]
    assert "79,380.00 / 80,000.00 (99%)" in texts
