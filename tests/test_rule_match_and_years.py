"""Rules match-shortfall, year-not-closed and closed-year-changed."""

from __future__ import annotations

import datetime

from grant_ledgers import PREAMBLE, assert_findings, findings_of, funding

from ledger.loading import load_ledger
from ledger.year_end import prepare_close

PROVINCE_2024 = """
2024-01-02 * "Province" "allocation 2024"
  voucher: "F-1"
  Income:Funding:Province  -100000.00 CNY
  Assets:Bank:Grant-Account
"""


def county(day: str, amount: str, voucher: str, grant_year: int | None = None) -> str:
    """A county tranche, with its allocation year when given."""
    meta = f"\n  grant-year: {grant_year}" if grant_year else ""
    return f"""
{day} * "County" "match"
  voucher: "{voucher}"{meta}
  Income:Funding:County  -{amount} CNY
  Assets:Bank:Grant-Account
"""


def test_match_shortfall_at_the_close(write_ledger):
    # The province brought 100,000 for 2024, the county 60,000: 40,000 short.
    path = write_ledger(
        PROVINCE_2024,
        county("2024-04-01", "60000.00", "F-2"),
        '\n2025-01-20 custom "grant-close" 2024  ; expect: match-shortfall\n',
    )
    [finding] = assert_findings(path)
    assert finding.amount == 40000
    assert finding.year == 2024
    assert "40,000.00 CNY" in finding.message


def test_late_tranche_with_grant_year_before_the_close(write_ledger):
    assert_findings(
        write_ledger(
            PROVINCE_2024,
            county("2024-04-01", "60000.00", "F-2"),
            county("2025-01-10", "40000.00", "F-3", grant_year=2024),
            '\n2025-01-20 custom "grant-close" 2024\n',
        )
    )


def test_late_tranche_without_grant_year_counts_for_its_own_year(write_ledger):
    assert_findings(
        write_ledger(
            PROVINCE_2024,
            county("2024-04-01", "60000.00", "F-2"),
            county("2025-01-10", "40000.00", "F-3"),
            '\n2025-01-20 custom "grant-close" 2024  ; expect: match-shortfall\n',
        )
    )


def test_tranche_arriving_after_the_close_is_not_counted(write_ledger):
    assert_findings(
        write_ledger(
            PROVINCE_2024,
            county("2024-04-01", "60000.00", "F-2"),
            '\n2025-01-20 custom "grant-close" 2024  ; expect: match-shortfall\n',
            county("2025-02-10", "40000.00", "F-3", grant_year=2024),
        )
    )


def test_ratio_other_than_one(write_ledger):
    half = PREAMBLE.replace(
        "Income:Funding:County Income:Funding:Province 1",
        "Income:Funding:County Income:Funding:Province 0.5",
    )
    assert_findings(
        write_ledger(
            PROVINCE_2024,
            county("2024-04-01", "50000.00", "F-2"),
            '\n2025-01-20 custom "grant-close" 2024\n',
            preamble=half,
        )
    )


def test_year_not_closed_is_a_warning_at_the_first_later_entry(write_ledger):
    path = write_ledger(
        funding(2024),
        """
        2025-01-05 * "Bank" "fee"  ; expect: year-not-closed
          voucher: "V-1"
          Expenses:Fees  10.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    [finding] = assert_findings(path)
    assert finding.severity == "warning"
    assert finding.year == 2024


def test_closed_years_need_no_warning(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            '2025-01-03 custom "grant-close" 2024\n',
            """
            2025-01-05 * "Bank" "fee"
              voucher: "V-1"
              Expenses:Fees  10.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def closed_books(write_ledger, training_2024: str, training_2025: str):
    """2024 closed with its figures (by `prepare_close`), then the books as given."""
    entries_2024 = f"""
2024-03-01 * "Trainer" "course"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Training  {training_2024} CNY
  Assets:Bank:Grant-Account
"""
    entries_2025 = f"""
2025-03-01 * "Trainer" "course"
  voucher: "V-2"
  document: "copy.pdf"
  Expenses:Program:Training  {training_2025} CNY
  Assets:Bank:Grant-Account
"""
    path = write_ledger(funding(2024), entries_2024.replace(training_2024, "12000.00"))
    # The books have no balance assertion and stop in March: the close says why it goes on.
    plan = prepare_close(load_ledger(path), 2024, datetime.date(2025, 1, 20), reason="test books")
    plan.seal.path.parent.mkdir(exist_ok=True)
    plan.seal.path.write_text(plan.seal.text, encoding="utf-8")
    return write_ledger(funding(2024), entries_2024, plan.text, funding(2025), entries_2025)


def test_closed_year_edited_afterwards(write_ledger):
    # Closed with 12,000 spent on training in 2024, then that payment was changed to 12,500.
    path = closed_books(write_ledger, "12500.00", "900.00")
    findings = findings_of(path)
    assert {f.rule for f in findings} == {"closed-year-changed"}
    lines = path.read_text(encoding="utf-8").splitlines()
    close_line = next(n for n, line in enumerate(lines, 1) if 'custom "grant-close" 2024' in line)
    payment_line = next(n for n, line in enumerate(lines, 1) if line.startswith("2024-03-01 *"))
    messages = " ".join(f.message for f in findings)
    # The balance, training's spending and training's lapsed budget all changed; the seal
    # names the entry that changed.
    assert {f.line for f in findings} == {close_line, payment_line}
    assert len(findings) == 4
    assert "12,000.00 CNY" in messages
    assert "12,500.00 CNY" in messages
    assert "18,000.00 CNY" in messages  # lapsed at the close
    assert "17,500.00 CNY" in messages  # lapsed now


def test_editing_the_open_year_leaves_the_close_alone(write_ledger):
    path = closed_books(write_ledger, "12000.00", "950.00")
    assert findings_of(path) == []


def test_a_bare_close_records_no_figures(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            '2025-01-20 custom "grant-close" 2024\n',
            """
            2024-12-30 * "Trainer" "course booked after the close"
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Training  100.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_a_plan_approved_in_december_opens_no_fiscal_year(write_ledger):
    # The directives are dated 2023-12-01, the books start in 2024: 2023 needs no close.
    approved_early = PREAMBLE.replace("2024-01-01 custom", "2023-12-01 custom")
    assert_findings(write_ledger(funding(2024), preamble=approved_early))
