"""The reports' figures on small named ledgers, against the figures their headers work out."""

from __future__ import annotations

from decimal import Decimal

import pytest
from named_ledgers import CARRYFORWARD, LATE_TRANCHE, entry_values, load_named, report_of

D = Decimal


@pytest.fixture
def carryforward(tmp_path):
    return load_named(tmp_path, CARRYFORWARD)


@pytest.fixture
def late_tranche(tmp_path):
    return load_named(tmp_path, LATE_TRANCHE)


def by_account(rows: list[dict], year: int) -> dict[str, dict]:
    return {row["account"]: row for row in rows if row["year"] == year}


def test_budget_carries_relief_over_two_closed_years_then_lapses(carryforward):
    rows = entry_values(report_of(carryforward, "budget"))
    aid = "Expenses:Work:Aid"
    admin = "Expenses:Work:Admin"
    y2024, y2025, y2026 = (by_account(rows, year) for year in (2024, 2025, 2026))
    assert (y2024[aid]["spent"], y2024[aid]["carried_out"], y2024[aid]["lapsed"]) == (
        D(45000),
        D(15000),
        D(0),
    )
    assert y2025[aid]["carried_in"] == D(15000)
    assert y2025[aid]["available"] == D(75000)
    assert y2025[aid]["carried_out"] == D(25000)
    assert y2026[aid]["available"] == D(85000)
    # 5,000 of 2025's money is still unspent a year on: it lapses (YEARS = 1).
    assert (y2026[aid]["carried_out"], y2026[aid]["lapsed"]) == (D(60000), D(5000))
    assert [y[admin]["lapsed"] for y in (y2024, y2025, y2026)] == [D(5000), D(0), D(30000)]
    assert y2026[admin]["execution"] == D("0.25")


def test_budget_year_totals_and_open_year(carryforward):
    report = report_of(carryforward, "budget")
    rows = report.tables[0].rows
    totals = {row.values["year"]: row.values for row in rows if row.role != "entry"}
    assert totals[2026]["available"] == D(125000)
    assert totals[2026]["lapsed"] == D(35000)
    # 2027 is open: nothing has carried out or lapsed yet.
    assert totals[2027]["carried_out"] is None
    assert totals[2027]["closed"] is False


def test_budget_shows_account_codes(carryforward):
    rows = entry_values(report_of(carryforward, "budget", 2024))
    assert {row["account"]: row["code"] for row in rows} == {
        "Expenses:Work:Admin": "5101",
        "Expenses:Work:Aid": "5102",
    }


def test_balances_reconcile_and_apply_returns_to_the_oldest_surplus(carryforward):
    rows = {row["year"]: row for row in entry_values(report_of(carryforward, "balances"))}
    assert [rows[year]["closing"] for year in (2024, 2025, 2026, 2027)] == [
        D(19980),
        D(24980),
        D(94980),
        D(64980),
    ]
    assert all(row["closing"] == row["bank"] and row["difference"] == 0 for row in rows.values())
    assert rows[2024]["other"] == D(-20)
    assert rows[2025]["returned"] == D(5000)
    assert (rows[2024]["lapsed"], rows[2024]["lapsed_returned"]) == (D(5000), D(5000))
    assert (rows[2026]["lapsed"], rows[2026]["lapsed_returned"]) == (D(35000), D(30000))
    assert rows[2026]["lapsed_outstanding"] == D(5000)
    assert rows[2026]["carried_out"] == D(60000)
    assert "lapsed" not in rows[2027]


def test_funding_counts_a_late_tranche_by_grant_year_up_to_the_close(late_tranche):
    report = report_of(late_tranche, "funding")
    sources = {(r["year"], r["account"]): r for r in entry_values(report)}
    county_2024 = sources[2024, "Income:Gov:County"]
    assert county_2024["received"] == D(90000)
    assert county_2024["late"] == D(10000)
    assert county_2024["tranches"] == 3
    assert (county_2024["required"], county_2024["shortfall"]) == (D(100000), D(10000))
    assert county_2024["met"] is False
    county_2025 = sources[2025, "Income:Gov:County"]
    assert (county_2025["received"], county_2025["met"]) == (D(100000), True)
    # The base source has no requirement of its own.
    assert "required" not in sources[2024, "Income:Gov:Province"]


def test_funding_lists_each_tranche_with_its_allocation_year(late_tranche):
    tranches = entry_values(report_of(late_tranche, "funding", 2024), table=1)
    county = [
        (t["date"].isoformat(), t["amount"], t["late"]) for t in tranches if t["label"] == "county"
    ]
    assert county == [
        ("2024-04-01", D(60000), False),
        ("2025-01-10", D(30000), False),
        ("2025-02-15", D(10000), True),
    ]
    assert {t["grant_year"] for t in tranches} == {2024}


def test_funding_without_grant_year_counts_by_date(late_tranche):
    tranches = entry_values(report_of(late_tranche, "funding", 2025), table=1)
    advance = next(t for t in tranches if t["narration"] == "match 2025, advance")
    assert advance["grant_year"] == 2025


def test_general_ledger_runs_on_from_year_to_year(carryforward):
    report = report_of(carryforward, "ledger", 2025)
    general = report.tables[0]
    opening = general.rows[0]
    assert opening.role == "opening"
    assert opening.values["balance"] == D(19980)
    entries = general.entries
    assert [(r.values["debit"], r.values["credit"]) for r in entries] == [
        (None, D(5000)),
        (D(50000), None),
        (D(50000), None),
        (None, D(40000)),
        (None, D(50000)),
    ]
    assert entries[-1].values["balance"] == D(24980)
    total = general.rows[-1]
    assert (total.role, total.values["debit"], total.values["credit"]) == (
        "subtotal",
        D(100000),
        D(95000),
    )


def test_subsidiary_ledger_restarts_each_year_and_links_the_copy(carryforward):
    report = report_of(carryforward, "ledger")
    aid = next(t for t in report.tables if "aid" in t.title)
    entries = aid.entries
    assert [(r.values["date"].year, r.values["debit"], r.values["balance"]) for r in entries] == [
        (2024, D(45000), D(45000)),
        (2025, D(50000), D(50000)),
        (2026, D(20000), D(20000)),
    ]
    assert entries[0].values["document"] == "copy.pdf"
    assert entries[0].values["counter_account"] == "special account"


def test_voucher_register_marks_duplicates_and_missing_copies(carryforward):
    report = report_of(carryforward, "vouchers")
    register = {(r["voucher"], r["date"].isoformat()): r for r in entry_values(report)}
    # The number's first use is in order; its second is the duplicate, as the rule says.
    assert register["V-2025-004", "2025-03-01"]["status"] == "ok"
    assert register["V-2025-004", "2025-04-01"]["status"] == "duplicate"
    assert register["V-2026-004", "2026-04-01"]["on_file"] is False
    assert register["V-2026-004", "2026-04-01"]["status"] == "copy missing"
    assert register["V-2024-003", "2024-03-01"]["on_file"] is True
    # A receipt needs no copy and links none.
    assert register["V-2024-001", "2024-02-01"]["on_file"] is None
    assert register["V-2024-001", "2024-02-01"]["amount"] == D(50000)


def test_voucher_register_lists_gaps_and_duplicates_in_the_numbering(carryforward):
    problems = entry_values(report_of(carryforward, "vouchers"), table=1)
    assert [(p["voucher"], p["problem"]) for p in problems] == [
        ("V-2024-005", "missing number"),
        ("V-2025-004", "used 2 times"),
    ]


def test_findings_report_is_what_validate_finds(late_tranche):
    [finding] = entry_values(report_of(late_tranche, "findings"))
    assert finding["rule"] == "match-shortfall"
    assert finding["where"].endswith("late_tranche_and_shortfall.beancount:49")
    assert finding["amount"] == D(10000)


def test_other_reports_say_the_books_have_errors(late_tranche):
    report = report_of(late_tranche, "budget")
    assert report.notes == ["The books have 1 error(s) and 0 warning(s): see Findings."]
