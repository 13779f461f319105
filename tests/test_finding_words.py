"""Every finding about a transaction names it in words, and says what to do in Fava.

The accountant finds an entry by its voucher number, its date, who was paid and how much: the
findings (bean-check, Fava's Errors page, `validate`, the reports) start with those, through one
helper every rule's findings go through, so a rule added later gets them too. The copy and
voucher findings say what to do in Fava (drag the scan onto the entry in the journal), not only
in ledger syntax, and the JSON of `document-missing` carries its category and amount.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from fava.core import FavaLedger
from grant_ledgers import findings_of, funding

from commands.main import main
from ledger.errors import GrantError
from ledger.loading import load_ledger
from ledger.rules import rule_findings

CHINESE = '2024-01-01 custom "fava-option" "language" "zh"\n'
NO_COPY = """
2024-03-01 * "县宾馆" "项目工作会议会务费"
  voucher: "记-2024-003"
  Expenses:Program:Admin  5480.00 CNY
  Assets:Bank:Grant-Account
"""
NO_NUMBER = """
2024-03-02 * "县宾馆" "会议用餐"
  document: "copy.pdf"
  Expenses:Program:Admin  320.00 CNY
  Assets:Bank:Grant-Account
"""


def messages_of(path, rule: str) -> list[str]:
    return [f.message for f in findings_of(path) if f.rule == rule]


def test_a_missing_copy_names_the_entry_and_the_drag_in_favas_journal(write_ledger):
    [message] = messages_of(write_ledger(CHINESE, funding(2024), NO_COPY), "document-missing")
    assert message.startswith(
        "[document-missing] 凭证 记-2024-003（2024-03-01，县宾馆，5,480.00 CNY）："
        "本笔支出没有关联原始凭证复印件："
    )
    assert "在 Fava 的日记账中找到这笔分录，把扫描件拖到该行上" in message
    assert "mch-ledger link-documents" in message


def test_in_english_too(write_ledger):
    [message] = messages_of(write_ledger(funding(2024), NO_COPY), "document-missing")
    assert message.startswith(
        "[document-missing] voucher 记-2024-003 (2024-03-01, 县宾馆, 5,480.00 CNY): "
    )
    assert "find the entry in Fava's journal and drag the scan onto it" in message


def test_an_entry_without_a_number_is_named_by_date_payee_and_amount(write_ledger):
    funded = funding(2024).replace("F-2024-P", "记-2024-001").replace("F-2024-C", "记-2024-002")
    [message] = messages_of(write_ledger(CHINESE, funded, NO_NUMBER), "voucher-missing")
    assert message == (
        "[voucher-missing] 无凭证号的分录（2024-03-02，县宾馆，320.00 CNY）："
        "本笔专户业务没有凭证号，下一个可用的是 记-2024-003：在 Fava 的日记账中点开这笔分录，"
        '添加元数据 voucher，值填 记-2024-003（即 `voucher: "记-2024-003"`）。'
    )


def test_the_json_of_a_missing_copy_carries_its_category_and_amount(write_ledger):
    path = write_ledger(funding(2024), NO_COPY)
    result = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    [finding] = json.loads(result.stdout)
    assert (finding["rule"], finding["account"], finding["amount"], finding["currency"]) == (
        "document-missing",
        "Expenses:Program:Admin",
        "5480.00",
        "CNY",
    )


def test_a_config_finding_about_a_transaction_names_it_too(write_ledger):
    path = write_ledger(
        funding(2024),
        """
        2024-05-02 * "County" "late tranche"
          voucher: "F-9"
          grant-year: "last year"
          Income:Funding:County  -100.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    [message] = messages_of(path, "config")
    assert message.startswith("[config] voucher F-9 (2024-05-02, County, 100.00 CNY): grant-year")


def test_a_rule_added_later_gets_the_words_for_free(write_ledger):
    grant = load_ledger(write_ledger(funding(2024), NO_COPY)).grant

    def new_rule(grant):
        entry = grant.activity.flows[-1].entry
        return [GrantError(entry.meta, "[new-rule] something to check.", entry, "new-rule")]

    [finding] = rule_findings(grant, new_rule)
    assert finding.message == (
        "[new-rule] voucher 记-2024-003 (2024-03-01, 县宾馆, 5,480.00 CNY): something to check."
    )


def test_favas_errors_page_shows_the_words(write_ledger):
    fava = FavaLedger(str(write_ledger(CHINESE, funding(2024), NO_COPY)))
    [message] = [error.message for error in fava.errors if isinstance(error, GrantError)]
    assert message.startswith("[document-missing] 凭证 记-2024-003（2024-03-01，县宾馆，")
