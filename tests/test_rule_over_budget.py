"""Rule over-budget: whole-year budgets, adjustments, refunds, sub-accounts, carry-forward.

The preamble budgets admin 20,000, training 30,000 and relief 40,000 (relief carries forward
without a time limit); each test states the figures it relies on.
"""

from __future__ import annotations

from grant_ledgers import PREAMBLE, assert_findings, findings_of, funding


def pay(day: str, account: str, amount: str, voucher: str, mark: str = "") -> str:
    """A payment from the dedicated account, with its voucher and copy."""
    comment = f"  ; expect: {mark}" if mark else ""
    return f"""
{day} * "Payee" "payment {voucher}"{comment}
  voucher: "{voucher}"
  document: "copy.pdf"
  {account}  {amount} CNY
  Assets:Bank:Grant-Account
"""


def close(year: int, day: str, mark: str = "") -> str:
    """A bare grant-close."""
    comment = f"  ; expect: {mark}" if mark else ""
    return f'\n{day} custom "grant-close" {year}{comment}\n'


def test_the_payment_that_crosses_the_budget_and_the_ones_after(write_ledger):
    # training 30,000: 18,000 + 12,000 = 30,000 is within; +500 crosses; +200 stays above.
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-03-01", "Expenses:Program:Training", "18000.00", "V-1"),
            pay("2024-04-01", "Expenses:Program:Training", "12000.00", "V-2"),
            pay("2024-05-01", "Expenses:Program:Training", "500.00", "V-3", "over-budget"),
            pay("2024-06-01", "Expenses:Program:Training", "200.00", "V-4", "over-budget"),
        )
    )


def test_the_budget_is_a_whole_years_amount_never_prorated(write_ledger):
    # All of admin's 20,000 spent on January 3rd: within the budget.
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-01-03", "Expenses:Program:Admin", "20000.00", "V-1"),
        )
    )


def test_message_gives_the_amounts(write_ledger):
    path = write_ledger(
        funding(2024),
        pay("2024-03-01", "Expenses:Program:Training", "31200.00", "V-1"),
    )
    [finding] = findings_of(path)
    assert "31,200.00 CNY" in finding.message
    assert "30,000.00 CNY" in finding.message
    assert "1,200.00 CNY" in finding.message
    assert finding.amount == 1200
    assert finding.account == "Expenses:Program:Training"


def test_budget_adjustment_before_the_payment(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            '2024-05-01 custom "grant-budget" Expenses:Program:Training 32000.00 CNY\n',
            pay("2024-06-10", "Expenses:Program:Training", "31200.00", "V-1"),
        )
    )


def test_budget_adjustment_after_the_payment_does_not_cover_it(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-04-10", "Expenses:Program:Training", "31200.00", "V-1", "over-budget"),
            '2024-05-01 custom "grant-budget" Expenses:Program:Training 32000.00 CNY\n',
            pay("2024-06-10", "Expenses:Program:Training", "500.00", "V-2"),
        )
    )


def test_budget_cut_below_what_was_spent_flags_the_next_payment(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-03-01", "Expenses:Program:Admin", "15000.00", "V-1"),
            '2024-05-01 custom "grant-budget" Expenses:Program:Admin 14000.00 CNY\n',
            pay("2024-06-01", "Expenses:Program:Admin", "100.00", "V-2", "over-budget"),
        )
    )


def test_an_earlier_years_budget_carries_on(write_ledger):
    # No 2025 grant-budget: 2024's 30,000 is in force; 2025's spending starts from zero.
    assert_findings(
        write_ledger(
            funding(2024, 2025),
            pay("2024-03-01", "Expenses:Program:Training", "29000.00", "V-1"),
            close(2024, "2025-01-02"),
            pay("2025-03-01", "Expenses:Program:Training", "29000.00", "V-2"),
            pay("2025-04-01", "Expenses:Program:Training", "1500.00", "V-3", "over-budget"),
        )
    )


def test_refunds_count_net(write_ledger):
    # 20,000 - 2,000 refunded + 12,000 = 30,000: within training's budget.
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-03-01", "Expenses:Program:Training", "20000.00", "V-1"),
            pay("2024-03-20", "Expenses:Program:Training", "-2000.00", "V-2"),
            pay("2024-05-01", "Expenses:Program:Training", "12000.00", "V-3"),
        )
    )


def test_without_the_refund_it_is_over(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-03-01", "Expenses:Program:Training", "20000.00", "V-1"),
            pay("2024-05-01", "Expenses:Program:Training", "12000.00", "V-3", "over-budget"),
        )
    )


def test_category_sub_accounts_count_as_the_category(write_ledger):
    # Courses 20,000 + travel 10,500 = 30,500 of training's 30,000.
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-03-01", "Expenses:Program:Training:Courses", "20000.00", "V-1"),
            pay("2024-04-01", "Expenses:Program:Training:Travel", "10500.00", "V-2", "over-budget"),
        )
    )


def test_other_categories_do_not_carry_forward(write_ledger):
    # Training leaves 10,000 unspent in 2024; 2025's budget stays 30,000.
    assert_findings(
        write_ledger(
            funding(2024, 2025),
            pay("2024-03-01", "Expenses:Program:Training", "20000.00", "V-1"),
            close(2024, "2025-01-02"),
            pay("2025-03-01", "Expenses:Program:Training", "35000.00", "V-2", "over-budget"),
        )
    )


def test_carry_forward_chains_over_two_closed_years(write_ledger):
    # Relief 40,000 a year. 2024 spends 35,000: 5,000 carries into 2025 (45,000 available).
    # 2025 spends 43,000: 2,000 carries into 2026 (42,000 available). 2026 spends 42,000.
    assert_findings(
        write_ledger(
            funding(2024, 2025, 2026),
            pay("2024-03-01", "Expenses:Program:Relief", "35000.00", "V-1"),
            close(2024, "2025-01-02"),
            pay("2025-03-01", "Expenses:Program:Relief", "43000.00", "V-2"),
            close(2025, "2026-01-02"),
            pay("2026-03-01", "Expenses:Program:Relief", "42000.00", "V-3"),
        )
    )


def test_carry_forward_chain_over_the_limit(write_ledger):
    # As above, but 2026 spends 42,000.01: one cent over the 42,000 available.
    assert_findings(
        write_ledger(
            funding(2024, 2025, 2026),
            pay("2024-03-01", "Expenses:Program:Relief", "35000.00", "V-1"),
            close(2024, "2025-01-02"),
            pay("2025-03-01", "Expenses:Program:Relief", "43000.00", "V-2"),
            close(2025, "2026-01-02"),
            pay("2026-03-01", "Expenses:Program:Relief", "42000.01", "V-3", "over-budget"),
        )
    )


def test_nothing_carries_out_of_a_year_that_is_not_closed(write_ledger):
    # 2024 leaves 5,000 of relief unspent but is never closed: 2025 has only its 40,000.
    funding_2025 = funding(2025).replace(
        '2025-01-02 * "Province" "allocation 2025"',
        '2025-01-02 * "Province" "allocation 2025"  ; expect: year-not-closed',
    )
    assert_findings(
        write_ledger(
            funding(2024),
            pay("2024-03-01", "Expenses:Program:Relief", "35000.00", "V-1"),
            funding_2025,
            pay("2025-03-01", "Expenses:Program:Relief", "43000.00", "V-2", "over-budget"),
        )
    )


LAPSING = PREAMBLE.replace(
    'custom "grant-carryforward" Expenses:Program:Relief',
    'custom "grant-carryforward" Expenses:Program:Relief 1',
)


def test_carried_funds_lapse_after_years(write_ledger):
    # YEARS = 1. 2024 leaves 5,000 (from 2024). 2025 spends 3,000, oldest money first: 2,000 of
    # 2024's money is left, one year after 2024, and lapses; 2025's own 40,000 carries on.
    # 2026 has 40,000 + 40,000 = 80,000: 80,000.01 is over.
    assert_findings(
        write_ledger(
            funding(2024, 2025, 2026),
            pay("2024-03-01", "Expenses:Program:Relief", "35000.00", "V-1"),
            close(2024, "2025-01-02"),
            pay("2025-03-01", "Expenses:Program:Relief", "3000.00", "V-2"),
            close(2025, "2026-01-02"),
            pay("2026-03-01", "Expenses:Program:Relief", "80000.01", "V-3", "over-budget"),
            preamble=LAPSING,
        )
    )


def test_carried_funds_without_a_limit_carry_on(write_ledger):
    # Same books without YEARS: 2026 has 40,000 + 2,000 + 40,000 = 82,000.
    assert_findings(
        write_ledger(
            funding(2024, 2025, 2026),
            pay("2024-03-01", "Expenses:Program:Relief", "35000.00", "V-1"),
            close(2024, "2025-01-02"),
            pay("2025-03-01", "Expenses:Program:Relief", "3000.00", "V-2"),
            close(2025, "2026-01-02"),
            pay("2026-03-01", "Expenses:Program:Relief", "82000.00", "V-3"),
        )
    )
