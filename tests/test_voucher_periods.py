"""Voucher numbers are unique within their period: the fiscal year, or the month.

Accounting software numbers 记字第N号 afresh in each period: a ledger numbering 记-001, 记-002 …
again each year (or, with `custom "grant-voucher-period" "month"`, each month) has no
duplicates when a number comes back in a new period. The register, the rules, the voucher
register report and the importer's next numbers all judge per period; a number that carries its
year (记-2024-015) keeps working as before.
"""

from __future__ import annotations

import datetime
import textwrap
from decimal import Decimal

import pytest
from beancount import loader
from grant_ledgers import PREAMBLE, assert_findings, findings_of
from import_helpers import R, extract, new_transactions, with_balances, write_statement

from ledger.loading import load_ledger
from reports.build import build_report

MONTHLY = '2024-01-01 custom "grant-voucher-period" "month"\n'

#: Numbered afresh each year: 记-001 … 记-003 in 2024, 记-001 and 记-002 again in 2025
#: (2024 is not closed: the first entry of 2025 gets the year-not-closed warning).
YEARLY_LEDGER = """
2024-01-02 * "Province" "allocation 2024"
  voucher: "记-001"
  Income:Funding:Province  -100000.00 CNY
  Assets:Bank:Grant-Account

2024-01-02 * "County" "match 2024"
  voucher: "记-002"
  Income:Funding:County  -100000.00 CNY
  Assets:Bank:Grant-Account

2024-03-01 * "Hotel" "meeting"
  voucher: "记-003"
  document: "copy.pdf"
  Expenses:Program:Admin  500.00 CNY
  Assets:Bank:Grant-Account

2025-01-03 * "Hotel" "meeting"  ; expect: year-not-closed
  voucher: "记-001"
  document: "copy.pdf"
  Expenses:Program:Admin  400.00 CNY
  Assets:Bank:Grant-Account

2025-02-10 * "Trainer" "course"
  voucher: "记-003"
  document: "copy.pdf"
  Expenses:Program:Training  800.00 CNY
  Assets:Bank:Grant-Account
"""

#: The same number twice in one year is still a duplicate.
SAME_YEAR = """
2025-03-01 * "Trainer" "course"  ; expect: voucher-duplicate
  voucher: "记-003"
  document: "copy.pdf"
  Expenses:Program:Training  100.00 CNY
  Assets:Bank:Grant-Account
"""

#: Numbered afresh each month: 记-001 in January and again in February; 记-002 twice in
#: February is a duplicate; 记-001 and 记-003 in March leave 记-002 a gap of March.
MONTHLY_LEDGER = """
2024-01-02 * "Province" "allocation 2024"
  voucher: "记-001"
  Income:Funding:Province  -100000.00 CNY
  Assets:Bank:Grant-Account

2024-02-05 * "County" "match 2024"
  voucher: "记-001"
  Income:Funding:County  -100000.00 CNY
  Assets:Bank:Grant-Account

2024-02-06 * "Hotel" "meeting"
  voucher: "记-002"
  document: "copy.pdf"
  Expenses:Program:Admin  500.00 CNY
  Assets:Bank:Grant-Account

2024-02-20 * "Hotel" "meeting"  ; expect: voucher-duplicate
  voucher: "记-002"
  document: "copy.pdf"
  Expenses:Program:Admin  300.00 CNY
  Assets:Bank:Grant-Account

2024-03-01 * "Trainer" "course"
  voucher: "记-001"
  document: "copy.pdf"
  Expenses:Program:Training  800.00 CNY
  Assets:Bank:Grant-Account

2024-03-09 * "Trainer" "course"
  voucher: "记-003"
  document: "copy.pdf"
  Expenses:Program:Training  200.00 CNY
  Assets:Bank:Grant-Account
"""


def test_the_rules_accept_a_number_again_in_a_new_year(write_ledger):
    assert_findings(write_ledger(YEARLY_LEDGER))


def test_a_number_twice_in_one_year_is_a_duplicate_naming_the_year(write_ledger):
    [duplicate] = [
        f
        for f in assert_findings(write_ledger(YEARLY_LEDGER, SAME_YEAR))
        if f.rule != "year-not-closed"
    ]
    assert "记-003 is already used in 2025 at ledger.beancount:" in duplicate.message
    assert "(2025-02-10)" in duplicate.message
    assert "(记-004)" in duplicate.message


def test_monthly_numbering_is_judged_per_month(write_ledger):
    path = write_ledger(MONTHLY, MONTHLY_LEDGER)
    [duplicate] = assert_findings(path)
    assert "记-002 is already used in 2024-02 at" in duplicate.message
    assert "(记-003)" in duplicate.message  # February's next free number


def test_the_register_judges_each_period(write_ledger):
    yearly = load_ledger(write_ledger(YEARLY_LEDGER, name="yearly.beancount")).grant.vouchers
    assert yearly.duplicates() == []
    assert yearly.gaps() == [((2025, 0), "记-002")]
    assert yearly.peek_next(datetime.date(2024, 12, 1)) == "记-004"
    assert yearly.peek_next(datetime.date(2025, 6, 1)) == "记-004"
    assert yearly.peek_next(datetime.date(2026, 1, 5)) == "记-001"

    monthly = load_ledger(write_ledger(MONTHLY, MONTHLY_LEDGER, name="monthly.beancount"))
    register = monthly.grant.vouchers
    assert [(use.number, use.period) for use, _ in register.duplicates()] == [("记-002", (2024, 2))]
    assert register.gaps() == [((2024, 3), "记-002")]
    assert register.peek_next(datetime.date(2024, 1, 31)) == "记-002"
    assert register.peek_next(datetime.date(2024, 3, 31)) == "记-004"
    assert register.peek_next(datetime.date(2024, 4, 1)) == "记-001"


def test_a_mistyped_huge_number_leaves_one_gap_not_billions(write_ledger):
    # A typo (记-99999999999) once made `report vouchers` list every missing number until the
    # memory ran out: a run longer than 100 is one gap, first … last; shorter runs stay listed.
    typo = YEARLY_LEDGER.replace(
        'voucher: "记-003"\n  document: "copy.pdf"\n  Expenses:Program:Training',
        'voucher: "记-99999999999"\n  document: "copy.pdf"\n  Expenses:Program:Training',
    )
    loaded = load_ledger(write_ledger(typo))
    assert loaded.grant.vouchers.gaps() == [((2025, 0), "记-00000000002 … 记-99999999998")]
    numbering = build_report("vouchers", loaded, None, "en").tables[1]
    assert [
        (row.get("year"), row.get("voucher"), row.get("problem")) for row in numbering.rows
    ] == [(2025, "记-00000000002 … 记-99999999998", "missing number")]


def test_numbers_carrying_their_year_keep_working(write_ledger):
    path = write_ledger(
        """
        2024-12-30 * "Hotel" "meeting"
          voucher: "记-2024-015"
          document: "copy.pdf"
          Expenses:Program:Admin  500.00 CNY
          Assets:Bank:Grant-Account
        """
    )
    register = load_ledger(path).grant.vouchers
    assert register.peek_next(datetime.date(2024, 12, 31)) == "记-2024-016"
    assert register.peek_next(datetime.date(2025, 1, 2)) == "记-2025-001"
    assert [f.rule for f in findings_of(path)] == ["overdraft"]


def test_the_voucher_report_lists_each_periods_problems(write_ledger):
    yearly = build_report("vouchers", load_ledger(write_ledger(YEARLY_LEDGER)), None, "en")
    numbering = yearly.tables[1]
    assert [column.key for column in numbering.columns] == ["year", "voucher", "problem", "where"]
    assert [
        (row.get("year"), row.get("voucher"), row.get("problem")) for row in numbering.rows
    ] == [(2025, "记-002", "missing number")]
    statuses = {
        (row.get("voucher"), row.get("date").year): row.get("status")
        for row in yearly.tables[0].rows
    }
    assert statuses[("记-001", 2024)] == statuses[("记-001", 2025)] == "ok"

    path = write_ledger(MONTHLY, MONTHLY_LEDGER, name="monthly.beancount")
    monthly = build_report("vouchers", load_ledger(path), 2024, "zh").tables[1]
    assert [column.heading for column in monthly.columns] == [
        "年度",
        "期间",
        "凭证号",
        "问题",
        "位置",
    ]
    assert [
        (row.get("period"), row.get("voucher"), row.get("problem")) for row in monthly.rows
    ] == [
        ("2024-02", "记-002", "重号（2次）"),
        ("2024-03", "记-002", "缺号"),
    ]


# -- The importer's numbering --------------------------------------------------------------

NUMBERED = PREAMBLE.replace(
    "2023-01-01 open Assets:Bank:Grant-Account CNY\n",
    '2023-01-01 open Assets:Bank:Grant-Account CNY\n  account-number: "201000155550001"\n',
) + textwrap.dedent(
    """
    2023-01-01 open Assets:Suspense CNY
    2024-01-01 custom "import-holding" Assets:Suspense "待查明款项"
    2024-01-01 custom "import-rule" Expenses:Fees
      text: "手续费"
    """
)


def _import(tmp_path, ledger_text: str, rows: list[dict]) -> list[str]:
    """The voucher numbers the importer gives the statement's new rows."""
    ledger = tmp_path / "ledger.beancount"
    ledger.write_text(ledger_text, encoding="utf-8")
    entries, _, _ = loader.load_file(str(ledger))
    balance = Decimal("200000.00") - Decimal("500.00")
    statement = write_statement(
        tmp_path / "s.csv", with_balances(balance, rows), start="2024-12-01"
    )
    return [entry.meta["voucher"] for entry in new_transactions(extract(statement, entries))]


def _fees(*days: str) -> list[dict]:
    return [R(f"{day} 10:00:00", "-10.00", "某银行", "手续费", "收费", f"REF{day}") for day in days]


def test_the_importer_numbers_each_year_afresh(tmp_path):
    # 2024 used 记-001 … 记-003: its next is 记-004; 2025 has none yet: it starts at 记-001.
    ledger = NUMBERED + textwrap.dedent(YEARLY_LEDGER).split("2025-01-03")[0]
    assert _import(tmp_path, ledger, _fees("2024-12-30", "2025-01-02", "2025-01-03")) == [
        "记-004",
        "记-001",
        "记-002",
    ]


def test_the_importer_numbers_each_month_afresh(tmp_path):
    # January used 记-001, February 记-001 and 记-002 (twice), March 记-001 and 记-003.
    ledger = NUMBERED + MONTHLY + textwrap.dedent(MONTHLY_LEDGER)
    rows = _fees("2024-12-30", "2024-12-31")
    assert _import(tmp_path, ledger, rows) == ["记-001", "记-002"]


@pytest.mark.parametrize("monthly", [False, True], ids=["yearly", "monthly"])
def test_imported_numbers_continue_the_period(tmp_path, monthly):
    ledger = (
        NUMBERED
        + (MONTHLY if monthly else "")
        + textwrap.dedent(
            """
        2024-01-02 * "Province" "allocation 2024"
          voucher: "记-001"
          Income:Funding:Province  -100000.00 CNY
          Assets:Bank:Grant-Account

        2024-12-02 * "County" "match 2024"
          voucher: "记-007"
          Income:Funding:County  -100000.00 CNY
          Assets:Bank:Grant-Account

        2024-12-03 * "Hotel" "meeting"
          voucher: "记-008"
          document: "copy.pdf"
          Expenses:Program:Admin  500.00 CNY
          Assets:Bank:Grant-Account
        """
        )
    )
    # Per year and per month alike December's numbers run on from 记-008.
    assert _import(tmp_path, ledger, _fees("2024-12-30")) == ["记-009"]
