"""Classification: `import-rule` directives in the ledger, the holding account, grant-year.

Then what `mch-ledger validate` says of what was imported: rule `needs-review` reports each
unclassified row exactly once, until it is booked to the right account and marked `*`.
"""

from __future__ import annotations

import re
import textwrap
from decimal import Decimal

import pytest
from beancount import loader
from beancount.parser import printer
from grant_ledgers import PREAMBLE, findings_of
from import_helpers import R, extract, new_transactions, with_balances, write_statement

from importers.errors import ImportConfigError

BANK = """\
2023-01-01 open Assets:Suspense CNY
2024-01-01 custom "import-holding" Assets:Suspense "待查明款项"
2024-01-01 open Assets:Bank:Grant-Account-Number CNY
"""


def _ledger(tmp_path, rules: str, holding: bool = True):
    """The tests' grant ledger, its dedicated account opened with the statements' number."""
    text = PREAMBLE.replace(
        "2023-01-01 open Assets:Bank:Grant-Account CNY\n",
        '2023-01-01 open Assets:Bank:Grant-Account CNY\n  account-number: "201000155550001"\n',
    )
    if holding:
        text += BANK.replace("2024-01-01 open Assets:Bank:Grant-Account-Number CNY\n", "")
    text += '2024-01-02 * "opening"\n  voucher: "V-2024-001"\n'
    text += "  Income:Funding:Province  -5000.00 CNY\n  Assets:Bank:Grant-Account\n"
    text += textwrap.dedent(rules)
    path = tmp_path / "ledger.beancount"
    path.write_text(text, encoding="utf-8")
    return path


def _entries(path):
    entries, errors, _ = loader.load_file(str(path))
    assert [e for e in errors if getattr(e, "rule", None) != "year-not-closed"] == [], errors
    return entries


def _import(tmp_path, ledger, rows):
    statement = write_statement(tmp_path / "s.csv", with_balances(Decimal("5000.00"), rows))
    return new_transactions(extract(statement, _entries(ledger)))


RULES = """
2024-01-01 custom "import-rule" Expenses:Program:Training
  direction: "payment"
  text: "培训"
2024-01-01 custom "import-rule" Expenses:Program:Admin
  text: "差旅|培训"
2024-06-01 custom "import-rule" Expenses:Program:Relief
  counterparty: "人民医院"
2024-01-01 custom "import-rule" Income:Funding:County
  direction: "receipt"
  counterparty: "县财政局"
"""


def test_first_rule_in_written_order_wins(tmp_path):
    ledger = _ledger(tmp_path, RULES)
    booked = _import(
        tmp_path,
        ledger,
        [
            R("2025-03-01 09:00", "-300.00", "宾馆", "培训班差旅", "转账", "A"),  # both match
            R("2025-03-02 09:00", "-100.00", "王丽华", "差旅费", "转账", "B"),
            R("2025-03-03 09:00", "300.00", "宾馆", "退回培训费", "转账", "C"),  # a receipt
        ],
    )
    assert [t.postings[0].account for t in booked] == [
        "Expenses:Program:Training",
        "Expenses:Program:Admin",
        "Expenses:Program:Admin",  # the Training rule is for payments only
    ]
    assert {t.flag for t in booked} == {"*"}


def test_a_rule_applies_from_its_date(tmp_path):
    ledger = _ledger(tmp_path, RULES)
    rows = [
        R("2024-05-31 09:00", "-400.00", "县人民医院", "抢救补助", "转账", "A"),
        R("2024-06-01 09:00", "-400.00", "县人民医院", "抢救补助", "转账", "B"),
    ]
    booked = _import(tmp_path, ledger, rows)
    assert [(t.flag, t.postings[0].account) for t in booked] == [
        ("!", "Assets:Suspense"),
        ("*", "Expenses:Program:Relief"),
    ]


def test_a_receipt_naming_another_year_gets_that_grant_year_for_review(tmp_path):
    ledger = _ledger(tmp_path, RULES)
    booked = _import(
        tmp_path,
        ledger,
        [
            R("2025-01-09 09:00", "10000.00", "清溪县财政局", "2024年县级配套", "拨款", "A"),
            R("2025-04-09 09:00", "10000.00", "清溪县财政局", "2025年县级配套", "拨款", "B"),
            R("2025-04-10 09:00", "-200.00", "县财政局", "上缴2024年结余", "转账", "C"),
        ],
    )
    assert (booked[0].flag, booked[0].meta["grant-year"]) == ("!", 2024)
    assert booked[0].postings[0].account == "Income:Funding:County"
    assert booked[1].flag == "*" and "grant-year" not in booked[1].meta
    assert booked[2].flag == "!" and "grant-year" not in booked[2].meta  # unclassified payment


def test_a_row_no_rule_matches_needs_a_holding_account(tmp_path):
    ledger = _ledger(tmp_path, RULES, holding=False)
    statement = write_statement(
        tmp_path / "s.csv",
        with_balances(
            Decimal("5000.00"), [R("2025-03-01 09:00", "-9.00", "某商行", "杂费", "转账")]
        ),
    )
    with pytest.raises(ImportConfigError) as error:
        extract(statement, _entries(ledger))
    assert error.value.row == 7
    assert 'custom "import-holding" ACCOUNT' in str(error.value)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ('Expenses:Program:Admin\n  payee: "x"', "unknown condition 'payee'"),
        ('Expenses:Program:Admin\n  memo: "(差旅"', "is not a regular expression"),
        ("Expenses:Program:Admin", "needs a condition"),
        ('Expenses:Nowhere\n  memo: "x"', "never opens"),
        ('Expenses:Program:Admin\n  direction: "out"\n  memo: "x"', "receipt or payment"),
    ],
    ids=["unknown-key", "bad-regex", "no-condition", "unopened", "bad-direction"],
)
def test_a_malformed_rule_is_refused_naming_its_line(tmp_path, rule, message):
    ledger = _ledger(tmp_path, f'\n2024-01-01 custom "import-rule" {rule}\n')
    line = (
        ledger.read_text(encoding="utf-8")
        .splitlines()
        .index(f'2024-01-01 custom "import-rule" {rule.splitlines()[0]}')
    )
    statement = write_statement(
        tmp_path / "s.csv",
        with_balances(Decimal("5000.00"), [R("2025-03-01 09:00", "-9.00", "某", "杂费", "转账")]),
    )
    with pytest.raises(ImportConfigError) as error:
        extract(statement, _entries(ledger))
    assert (error.value.path, error.value.row) == (str(ledger), line + 1)
    assert message in str(error.value)


def test_a_holding_account_never_opened_is_refused_naming_its_line(tmp_path):
    directive = '2024-01-01 custom "import-holding" Assets:Nowhere'
    ledger = _ledger(tmp_path, f"\n{directive}\n", holding=False)
    line = ledger.read_text(encoding="utf-8").splitlines().index(directive) + 1
    statement = write_statement(
        tmp_path / "s.csv",
        with_balances(Decimal("5000.00"), [R("2025-03-01 09:00", "-9.00", "某", "杂费", "转账")]),
    )
    entries, _, _ = loader.load_file(str(ledger))  # validate reports the directive as config
    with pytest.raises(ImportConfigError) as error:
        extract(statement, entries)
    assert (error.value.path, error.value.row) == (str(ledger), line)
    assert "Assets:Nowhere" in str(error.value) and "never opens" in str(error.value)


def _append(ledger, entries):
    with ledger.open("a", encoding="utf-8") as file:
        for entry in entries:
            file.write("\n" + printer.format_entry(entry))


def test_validate_reports_each_unclassified_row_once_until_reclassified(tmp_path):
    ledger = _ledger(tmp_path, RULES)
    booked = _import(
        tmp_path,
        ledger,
        [
            R("2025-03-01 09:00", "-680.00", "某商贸公司", "往来款", "转账", "A"),
            R("2025-03-02 09:00", "900.00", "某某公司", "退款", "转账", "B"),
            R("2025-03-03 09:00", "-100.00", "王丽华", "差旅费", "转账", "C"),
        ],
    )
    _append(ledger, booked)
    review = [f for f in findings_of(ledger) if f.date and f.date.year == 2025]
    # Copies are not attached yet, and 2024 is open. The holding account counts as allowed, so
    # the unclassified payment is no earmark finding.
    ignored = ("document-missing", "year-not-closed")
    assert sorted((f.rule, f.date.day) for f in review if f.rule not in ignored) == [
        ("needs-review", 1),
        ("needs-review", 2),
    ]
    assert "Assets:Suspense" in review[0].message


def test_marked_reviewed_but_still_on_the_holding_account_is_reported(tmp_path):
    ledger = _ledger(tmp_path, RULES)
    booked = _import(
        tmp_path, ledger, [R("2025-03-01 09:00", "-680.00", "某商贸公司", "往来款", "转账", "A")]
    )
    _append(ledger, [booked[0]._replace(flag="*")])
    found = [f for f in findings_of(ledger) if f.rule == "needs-review"]
    assert len(found) == 1
    assert "still booked to the holding account Assets:Suspense" in found[0].message
    text = ledger.read_text(encoding="utf-8")
    reclassified = re.sub(
        r"^  Assets:Suspense +680.00 CNY$", "  Expenses:Program:Admin  680.00 CNY", text, flags=re.M
    )
    assert reclassified != text
    ledger.write_text(reclassified, encoding="utf-8")
    assert [f for f in findings_of(ledger) if f.rule == "needs-review"] == []


def test_the_holding_message_speaks_the_ledgers_language(tmp_path):
    ledger = _ledger(tmp_path, RULES + '\n2024-01-01 custom "fava-option" "language" "zh"\n')
    booked = _import(
        tmp_path, ledger, [R("2025-03-01 09:00", "-680.00", "某商贸公司", "往来款", "转账", "A")]
    )
    _append(
        ledger, [booked[0], booked[0]._replace(flag="*", meta={**booked[0].meta, "voucher": "X-1"})]
    )
    messages = sorted(f.message for f in findings_of(ledger) if f.rule == "needs-review")
    assert messages == [
        "[needs-review] 凭证 V-2025-001（2025-03-01，某商贸公司，680.00 CNY）："
        "本笔专户业务标记为 ! 待复核（记入待分类账户 Assets:Suspense）："
        "请核实后在 Fava 中点开这笔分录，改记到正确账户，并将标记 ! 改为 * 。",
        "[needs-review] 凭证 X-1（2025-03-01，某商贸公司，680.00 CNY）："
        "本笔专户业务已标记为 * ，但仍记在待分类账户 Assets:Suspense："
        "请在 Fava 中点开这笔分录，改记到正确账户。",
    ]
