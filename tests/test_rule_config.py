"""Rule config: malformed or inconsistent grant directives, each pointing at the directive."""

from __future__ import annotations

import pytest
from grant_ledgers import PREAMBLE, assert_findings, findings_of, funding

CASES = {
    "unopened account": 'custom "grant-category" Expenses:Program:Nope "nope"',
    "budget on a non-category": 'custom "grant-budget" Expenses:Other 100.00 CNY',
    "category without a budget": 'custom "grant-category" Expenses:Other "other"',
    "ratio not positive": 'custom "grant-match" Income:Funding:County Income:Funding:Province 0',
    "budget without an amount": 'custom "grant-budget" Expenses:Program:Admin "20000"',
    "negative budget": 'custom "grant-budget" Expenses:Program:Admin -20000.00 CNY',
    "years not positive": 'custom "grant-carryforward" Expenses:Program:Relief 0',
    "carry-forward on a non-category": 'custom "grant-carryforward" Expenses:Other',
    "match of a non-source": 'custom "grant-match" Income:Interest Income:Funding:Province 1',
    "close with a text year": 'custom "grant-close" "2024"',
    "account without a name": 'custom "grant-account" "dedicated"',
    "allowed account inside a category": 'custom "grant-allowed" Expenses:Program:Admin',
    "budget in another currency": 'custom "grant-budget" Expenses:Program:Admin 20000.00 USD',
    "unopened holding account": 'custom "import-holding" Assets:Suspense',
    "holding inside a category": 'custom "import-holding" Expenses:Program:Training:Courses',
}


@pytest.mark.parametrize("directive", CASES.values(), ids=CASES.keys())
def test_malformed_directive(write_ledger, directive):
    assert_findings(write_ledger(f"2024-02-01 {directive}  ; expect: config\n"))


def test_close_dated_before_the_year_ends(write_ledger):
    assert_findings(write_ledger('2024-06-30 custom "grant-close" 2024  ; expect: config\n'))


def test_a_year_closed_twice(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            '2025-01-10 custom "grant-close" 2024\n',
            '2025-01-20 custom "grant-close" 2024  ; expect: config\n',
        )
    )


def test_malformed_grant_year_on_a_receipt(write_ledger):
    assert_findings(
        write_ledger(
            """
            2024-01-02 * "Province" "allocation"  ; expect: config
              voucher: "F-1"
              grant-year: "last year"
              Income:Funding:Province  -100000.00 CNY
              Assets:Bank:Grant-Account
            """
        )
    )


def test_category_posting_in_a_foreign_currency(write_ledger):
    assert_findings(
        write_ledger(
            "2023-01-01 open Assets:Bank:Dollars USD\n",
            "2023-01-01 open Expenses:Program:Admin:Imported\n",
            funding(2024),
            """
            2024-03-01 * "Vendor" "paid in dollars"  ; expect: config
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Admin:Imported  100.00 USD
              Assets:Bank:Dollars
            """,
        )
    )


def test_category_posting_priced_in_the_grant_currency(write_ledger):
    assert_findings(
        write_ledger(
            "2023-01-01 open Expenses:Program:Admin:Imported\n",
            funding(2024),
            """
            2024-03-01 * "Vendor" "invoice in dollars, paid in yuan"
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Admin:Imported  100.00 USD @ 7.10 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_plugin_takes_no_configuration(write_ledger):
    path = write_ledger(
        preamble=PREAMBLE.replace('plugin "ledger.grant"', 'plugin "ledger.grant" "strict"')
    )
    [finding] = findings_of(path)
    assert finding.rule == "config"
    assert "strict" in finding.message


def test_a_byte_order_mark_is_reported(write_ledger):
    path = write_ledger()
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    findings = findings_of(path)
    [bom] = [f for f in findings if f.rule == "config"]
    assert bom.line == 1
    assert "BOM" in bom.message
    # Beancount's own finding, if any, is only its cryptic one about the same line.
    assert {(f.rule, f.line) for f in findings} <= {("config", 1), ("beancount", 1)}


def test_messages_follow_the_ledgers_fava_language(write_ledger):
    body = '2024-02-01 custom "grant-budget" Expenses:Other 100.00 CNY\n'
    [english] = findings_of(write_ledger(body))
    [chinese] = findings_of(
        write_ledger('2024-01-01 custom "fava-option" "language" "zh"\n', body, name="zh.beancount")
    )
    assert english.message.startswith("[config] a budget is set on Expenses:Other")
    assert chinese.message.startswith("[config] Expenses:Other 不是支出类别")


def test_a_ledger_without_grant_directives_is_left_alone(write_ledger):
    plain = """\
plugin "ledger.grant"
2024-01-01 open Assets:Cash CNY
2024-01-01 open Expenses:Food CNY
2024-02-01 * "Shop" "lunch"
  Expenses:Food  10.00 CNY
  Assets:Cash
"""
    assert findings_of(write_ledger(preamble=plain)) == []
