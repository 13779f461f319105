"""The demo ledger: clean in every front end, and the story its README tells.

Figures below are the README's, computed by hand from main.beancount.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from fava.core import FavaLedger

from ledger.loading import load_ledger

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


@pytest.fixture(scope="module")
def demo():
    return load_ledger(DEMO)


def test_demo_validates_clean(demo):
    assert demo.beancount_errors == []
    assert demo.findings == []


def test_demo_passes_bean_check():
    bean_check = Path(sys.executable).with_name("bean-check")
    result = subprocess.run([str(bean_check), "--no-cache", str(DEMO)], capture_output=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_fava_shows_the_demo_in_chinese_without_errors():
    fava = FavaLedger(str(DEMO))
    assert fava.errors == []
    assert fava.fava_options.language == "zh"


def test_demo_covers_three_fiscal_years_two_closed(demo):
    books = demo.grant.books
    assert list(books) == [2024, 2025, 2026]
    assert [books[year].closed for year in books] == [True, True, False]
    per_year = {year: 0 for year in books}
    for flow in demo.grant.activity.flows:
        per_year[flow.year] += 1
    assert all(40 <= count <= 80 for count in per_year.values()), per_year


def test_demo_relief_carries_forward(demo):
    relief = "Expenses:MCH:PovertyRelief"
    books = demo.grant.books
    assert books[2024].categories[relief].carried_out == Decimal("6300.00")
    assert books[2025].categories[relief].carried_in == Decimal("6300.00")
    assert books[2025].categories[relief].carried_out == Decimal("4500.00")
    assert books[2026].categories[relief].available == Decimal("44500.00")


def test_demo_late_county_tranche_counts_for_2024(demo):
    county = demo.grant.books[2024].sources["Income:Grant:County"]
    assert [(str(t.date), t.amount, t.grant_year) for t in county.tranches] == [
        ("2024-04-22", Decimal("90000.00"), 2024),
        ("2025-01-09", Decimal("10000.00"), 2024),
    ]
    assert county.received == Decimal("100000.00")


def test_demo_returns_the_lapsed_funds(demo):
    returned = {
        flow.entry.date.year: sum(flow.allowed.values())
        for flow in demo.grant.activity.flows
        if "Equity:MCH:SurplusReturned" in flow.allowed
    }
    assert returned == {2025: Decimal("8190.00"), 2026: Decimal("3670.00")}
    lapsed = {
        year: sum(c.lapsed for c in demo.grant.books[year].categories.values())
        for year in (2024, 2025)
    }
    assert lapsed == {2024: Decimal("8190.00"), 2025: Decimal("3670.00")}


def test_demo_budget_adjustment_in_2026(demo):
    categories = demo.grant.books[2026].categories
    assert categories["Expenses:MCH:Equipment"].budget == Decimal("85000.00")
    assert categories["Expenses:MCH:Education"].budget == Decimal("25000.00")


def readme_demo_table() -> dict[str, list[str]]:
    """The README's table of the demo's figures: row label -> cells for 2024, 2025, 2026."""
    readme = (DEMO.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The demo ledger", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and not set(cells[1]) <= {"-", ":"}:
            rows[cells[0]] = cells[1:]
    return rows


def figure(cell: str) -> Decimal:
    """The first number in a README cell (`18,650.00 / 20,000` gives 18650.00)."""
    return Decimal(cell.split("/")[0].split("(")[0].split()[0].replace(",", ""))


def test_readme_figures_are_the_demos(demo):
    rows = readme_demo_table()
    books = demo.grant.books
    years = (2024, 2025, 2026)
    for account, label in (
        ("Expenses:MCH:Management", "项目管理"),
        ("Expenses:MCH:Training", "人才培养"),
        ("Expenses:MCH:Equipment", "医疗设备"),
        ("Expenses:MCH:Education", "健康教育"),
    ):
        cells = rows[f"{label} spent / budget"]
        for year, cell in zip(years, cells, strict=True):
            spent, budget = (Decimal(part.split()[0].replace(",", "")) for part in cell.split("/"))
            assert books[year].categories[account].spent == spent, (label, year)
            assert books[year].categories[account].budget == budget, (label, year)
    relief = "Expenses:MCH:PovertyRelief"
    for year, cell in zip(years, rows["贫困孕产妇救助 spent / available"], strict=True):
        spent, available = (Decimal(part.replace(",", "")) for part in cell.split(" / "))
        assert books[year].categories[relief].spent == spent
        assert books[year].categories[relief].available == available
    for year, cell in zip(years[:2], rows["relief carried forward"], strict=False):
        assert books[year].categories[relief].carried_out == figure(cell)
    for year, cell in zip(years[:2], rows["lapsed, returned to finance next year"], strict=False):
        assert sum(c.lapsed for c in books[year].categories.values()) == figure(cell)
    for year, cell in zip(years, rows["dedicated account at year end"], strict=True):
        assert books[year].balance == figure(cell)
    for source, label in (
        ("Income:Grant:Provincial", "province (省级补助) received"),
        ("Income:Grant:County", "county (县级配套) received"),
    ):
        for year, cell in zip(years, rows[label], strict=True):
            assert books[year].sources[source].received == figure(cell)
