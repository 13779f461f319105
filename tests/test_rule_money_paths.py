"""Rules about where the money goes: dedicated-account, earmark, overdraft, needs-review."""

from __future__ import annotations

from grant_ledgers import assert_findings, funding


def test_receipt_into_another_bank_account(write_ledger):
    assert_findings(
        write_ledger(
            """
            2024-01-02 * "County" "match 2024"  ; expect: dedicated-account
              voucher: "F-1"
              Income:Funding:County  -100000.00 CNY
              Assets:Bank:Basic
            """
        )
    )


def test_receipt_into_the_dedicated_account_and_a_reversal(write_ledger):
    assert_findings(
        write_ledger(
            """
            2024-01-02 * "County" "match 2024"
              voucher: "F-1"
              Income:Funding:County  -100000.00 CNY
              Assets:Bank:Grant-Account

            2024-01-03 * "County" "冲正: paid twice by mistake, returned to the source"
              voucher: "F-2"
              Income:Funding:County  500.00 CNY
              Assets:Bank:Grant-Account
            """
        )
    )


def test_expense_paid_from_cash_or_an_undeclared_payable(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-02-01 * "Hotel" "meeting"  ; expect: dedicated-account
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Admin  800.00 CNY
              Assets:Cash

            2024-02-02 * "Hotel" "meeting, on credit"  ; expect: dedicated-account
              voucher: "V-2"
              document: "copy.pdf"
              Expenses:Program:Admin  800.00 CNY
              Liabilities:Other-Payable
            """,
        )
    )


def test_expense_through_an_allowed_payable_the_account_settles(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-02-02 * "Supplier" "training material, on credit"
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Training:Courses  800.00 CNY
              Liabilities:Payable

            2024-02-20 * "Supplier" "settle the invoice"
              voucher: "V-2"
              Liabilities:Payable  800.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_earmark_other_expense_and_transfer_to_another_bank_account(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-02-01 * "Shop" "office party"  ; expect: earmark
              voucher: "V-1"
              Expenses:Other  300.00 CNY
              Assets:Bank:Grant-Account

            2024-02-02 * "Institute" "transfer to the basic account"  ; expect: earmark
              voucher: "V-2"
              Assets:Bank:Basic  8000.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_earmark_allows_categories_fees_and_returns(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-02-01 * "Bank" "transfer fee"
              voucher: "V-1"
              Expenses:Fees  15.00 CNY
              Assets:Bank:Grant-Account

            2024-02-02 * "County finance" "return of lapsed funds"
              voucher: "V-2"
              Equity:Returned  1200.00 CNY
              Assets:Bank:Grant-Account

            2024-02-03 * "Trainer" "course"
              voucher: "V-3"
              document: "copy.pdf"
              Expenses:Program:Training  900.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_overdraft_points_at_each_payment_below_zero(write_ledger):
    assert_findings(
        write_ledger(
            """
            2024-01-05 * "Hotel" "kick-off meeting before any money arrived"  ; expect: overdraft
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Admin  1200.00 CNY
              Assets:Bank:Grant-Account

            2024-01-06 * "Bank" "fee"  ; expect: overdraft
              voucher: "V-2"
              Expenses:Fees  10.00 CNY
              Assets:Bank:Grant-Account

            2024-01-08 * "Province" "allocation"
              voucher: "V-3"
              Income:Funding:Province  -100000.00 CNY
              Assets:Bank:Grant-Account

            2024-01-09 * "Hotel" "second meeting: the balance is positive again"
              voucher: "V-4"
              document: "copy.pdf"
              Expenses:Program:Admin  1200.00 CNY
              Assets:Bank:Grant-Account
            """
        )
    )


def test_paying_exactly_the_balance_is_no_overdraft(write_ledger):
    assert_findings(
        write_ledger(
            """
            2024-01-08 * "Province" "allocation"
              voucher: "V-1"
              Income:Funding:Province  -1200.00 CNY
              Assets:Bank:Grant-Account

            2024-01-09 * "Hotel" "meeting"
              voucher: "V-2"
              document: "copy.pdf"
              Expenses:Program:Admin  1200.00 CNY
              Assets:Bank:Grant-Account
            """
        )
    )


def test_flagged_entries_on_the_dedicated_account_need_review(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-03-01 ! "Unknown Ltd" "unclassified payment"  ; expect: needs-review, earmark
              voucher: "V-1"
              Expenses:Other  680.00 CNY
              Assets:Bank:Grant-Account

            2024-03-02 * "Trainer" "course, reviewed"
              voucher: "V-2"
              document: "copy.pdf"
              Expenses:Program:Training  680.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )
