"""The asset and procurement rules on named ledgers, each finding at its hand-worked line.

`tests/asset_ledgers/each_rule.beancount` states each expectation in its header and marks its
line with `; expect: RULE`; the register's rows at fault are listed here. The register reads the
same from UTF-8 CSV, GBK CSV and an Excel workbook.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from asset_helpers import (
    EACH_RULE,
    INSTALMENTS,
    ONE_REGISTER_UNREAD,
    copy_asset_ledger,
    register_rows,
)
from click.testing import CliRunner
from grant_ledgers import expected_marks

from commands.main import main
from ledger.findings import ledger_findings
from ledger.loading import load_ledger
from ledger.year_end import CloseRefusedError, prepare_close

#: The register rows at fault in each_rule.csv: ZC-091 transferred without an approval (row
#: 19), ZC-092 scrapped without a date (row 20). ZC-090, scrapped in 2024 before the rules,
#: is not a finding.
REGISTER_FINDINGS = {("asset-disposal-unapproved", 19), ("asset-disposal-unapproved", 20)}


def _places(findings, path):
    return {(f.rule, f.line) for f in findings if f.file == str(path)}


@pytest.mark.parametrize("form", ["csv", "gbk", "xlsx"])
def test_each_rule_finds_its_line_whatever_the_register_format(tmp_path, form):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE, form)
    findings = ledger_findings(load_ledger(ledger))
    register = ledger.with_suffix(".xlsx" if form == "xlsx" else ".csv")
    assert _places(findings, ledger) == expected_marks(ledger.read_text(encoding="utf-8"))
    assert _places(findings, register) == REGISTER_FINDINGS
    assert {f.file for f in findings} == {str(ledger), str(register)}
    by_rule = {f.rule: f for f in findings if f.file == str(ledger)}
    assert by_rule["procurement-split"].severity == "warning"
    assert by_rule["asset-value-mismatch"].amount == Decimal("-360.00")
    assert by_rule["asset-value-mismatch"].year == 2025
    disposal = {f.line: f for f in findings if f.rule == "asset-disposal-unapproved"}
    assert (disposal[19].year, disposal[20].year) == (2025, None)


def test_the_plugin_line_does_not_change_the_findings(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    with_plugin = {(f.rule, f.file, f.line) for f in ledger_findings(load_ledger(ledger))}
    text = ledger.read_text(encoding="utf-8").replace('plugin "ledger.grant"', "; no plugin")
    ledger.write_text(text, encoding="utf-8")
    without = {(f.rule, f.file, f.line) for f in ledger_findings(load_ledger(ledger))}
    assert with_plugin == without


def test_a_single_rule_plugin_reports_its_rule_only(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    text = ledger.read_text(encoding="utf-8").replace(
        'plugin "ledger.grant"', 'plugin "ledger.rules.asset_missing"'
    )
    ledger.write_text(text, encoding="utf-8")
    loaded = load_ledger(ledger)
    plugin_rules = {error.rule for error in loaded.beancount_errors + loaded.findings}
    assert {"asset-missing", "config"} <= plugin_rules


def test_payments_split_between_their_cards_by_value(tmp_path):
    grant = load_ledger(copy_asset_ledger(tmp_path, EACH_RULE)).grant
    accounts = grant.assets.accounts
    # One payment of 12,170.00 for two cards of 6,085.00 each.
    assert [share for _, share in accounts["ZC-002"].payments] == [Decimal("6085.00")]
    assert [share for _, share in accounts["ZC-003"].payments] == [Decimal("6085.00")]
    # A deposit in 2025 and the final payment in 2026, of contract C-2.
    assert accounts["ZC-011"].paid == Decimal("14210.00")
    assert [p.entry.date for p, _ in accounts["ZC-011"].payments] == [
        datetime.date(2025, 12, 10),
        datetime.date(2026, 1, 15),
    ]
    assert accounts["ZC-011"].year == 2026
    # Two halves of contract C-1 for a card of 2 x 10,000.00.
    assert accounts["ZC-008"].paid == grant.assets.cards["ZC-008"].value == Decimal("20000.00")
    # The payable purchase names the card, not its settlement.
    assert [p.entry.narration for p, _ in accounts["ZC-012"].payments] == [
        "incubator, paid on delivery terms"
    ]
    # Posting-level keys: each posting its own payment.
    assert accounts["ZC-015"].paid == Decimal("3000.00")


def test_rules_hold_from_the_directives_date(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    text = ledger.read_text(encoding="utf-8")
    before = {(f.rule, f.line) for f in ledger_findings(load_ledger(ledger))}
    ledger.write_text(
        text.replace('2025-01-01 custom "grant-assets"', '2024-01-01 custom "grant-assets"'),
        encoding="utf-8",
    )
    after = ledger_findings(load_ledger(ledger))
    purchase_2024 = text.splitlines().index('2024-03-01 * "Supplier A" "monitor, before the rules"')
    new = {(f.rule, f.line) for f in after} - before
    # The 2024 purchase without a card, and ZC-090 scrapped in 2024 without an approval.
    assert new == {("asset-missing", purchase_2024 + 1), ("asset-disposal-unapproved", 18)}


def test_a_purchase_paid_across_a_year_end_is_judged_when_its_last_year_closes(tmp_path):
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS)
    assert ledger_findings(load_ledger(ledger)) == []
    close_2026 = '\n2027-01-20 custom "grant-close" 2026\n'
    ledger.write_text(ledger.read_text(encoding="utf-8") + close_2026, encoding="utf-8")
    assert ledger_findings(load_ledger(ledger)) == []


def test_a_card_worth_more_than_its_instalments_is_found_at_the_close(tmp_path):
    rows = register_rows(INSTALMENTS)
    rows[1][4] = "15000.00"  # ZC-2025-011: paid 5,000.00 + 9,210.00 = 14,210.00
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS, "gbk", rows)
    # 2026, the year of the final payment, is open: the card is still being paid.
    assert ledger_findings(load_ledger(ledger)) == []
    # 2025's close is sealed first, as a close continues the seal of the year before.
    sealed = CliRunner().invoke(main, ["close", "2025", str(ledger), "--seal"])
    assert sealed.exit_code == 0, sealed.output
    with pytest.raises(CloseRefusedError) as refused:
        prepare_close(
            load_ledger(ledger),
            2026,
            datetime.date(2027, 1, 20),
            today=datetime.date(2027, 1, 20),
            # The test's books stop at the final payment in January.
            reason="no statement of the rest of the year",
        )
    [finding] = refused.value.findings
    final = (
        ledger.read_text(encoding="utf-8")
        .splitlines()
        .index('2026-01-15 * "宁州医疗器械有限公司" "购置新生儿监护仪（尾款）"')
    )
    assert (finding.rule, finding.line, finding.year) == ("asset-value-mismatch", final + 1, 2026)
    assert "记-2025-003、记-2026-004" in finding.message
    assert "14,210.00 CNY" in finding.message and "15,000.00 CNY" in finding.message


def test_acceptance_after_the_close_or_missing(tmp_path):
    rows = register_rows(INSTALMENTS)
    rows[2][6] = "2026-01-25"  # ZC-2025-012 accepted after 2025 closed on 2026-01-20
    rows[1][7] = ""  # ZC-2025-011 without its acceptance record, judged once 2026 closes
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS, rows=rows)
    findings = ledger_findings(load_ledger(ledger))
    assert [(f.rule, f.date) for f in findings] == [
        ("asset-not-accepted", datetime.date(2025, 12, 20))
    ]
    assert "2026-01-25" in findings[0].message and "2026-01-20" in findings[0].message
    ledger.write_text(
        ledger.read_text(encoding="utf-8") + '\n2027-01-20 custom "grant-close" 2026\n',
        encoding="utf-8",
    )
    findings = ledger_findings(load_ledger(ledger))
    assert [(f.rule, f.date) for f in findings] == [
        ("asset-not-accepted", datetime.date(2025, 12, 20)),
        ("asset-not-accepted", datetime.date(2026, 1, 15)),
    ]
    assert "验收单号" in findings[1].message


@pytest.mark.parametrize(
    ("change", "row", "column", "words"),
    [
        (lambda rows: [row[:7] + row[8:] for row in rows], 1, "验收单号", "表头没有“验收单号”列"),
        (lambda rows: [*rows, list(rows[2])], 4, "卡片编号", "ZC-2025-012 已是第 3 行的编号"),
        (lambda rows: [rows[0], [*rows[1][:6], "2026-02-30", *rows[1][7:]]], 2, "验收日期", ""),
        (lambda rows: [rows[0], [*rows[1][:10], "丢失"]], 2, "状态", "在用, 调拨, 报废"),
        (lambda rows: [rows[0], [*rows[1][:4], "", *rows[1][5:]]], 2, "单价", "卡片没有单价"),
    ],
    ids=["missing-column", "duplicate-card", "bad-date", "bad-state", "no-price"],
)
def test_a_register_that_does_not_read_is_a_config_finding_at_its_row(
    tmp_path, change, row, column, words
):
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS, rows=change(register_rows(INSTALMENTS)))
    loaded = load_ledger(ledger)
    findings = ledger_findings(loaded)
    register = str(ledger.with_suffix(".csv"))
    assert [(f.rule, f.file, f.line) for f in findings] == [("config", register, row)]
    assert f"“{column}”" in findings[0].message and words in findings[0].message
    [error] = loaded.grant.assets.register_errors
    assert (error.path, error.row, error.column) == (register, row, column)
    # No card is judged against a register that does not read.
    assert loaded.grant.assets.cards == {} or loaded.grant.assets.unknown == []


def test_a_missing_register_points_at_its_directive(tmp_path):
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS)
    ledger.with_suffix(".csv").unlink()
    [finding] = ledger_findings(load_ledger(ledger))
    text = ledger.read_text(encoding="utf-8").splitlines()
    directive = next(i for i, line in enumerate(text, 1) if '"grant-assets"' in line)
    assert (finding.rule, finding.file, finding.line) == ("config", str(ledger), directive)


def test_a_register_that_does_not_read_leaves_the_other_registers_checked(tmp_path):
    ledger = copy_asset_ledger(tmp_path, ONE_REGISTER_UNREAD)
    loaded = load_ledger(ledger)
    findings = ledger_findings(loaded)
    specialist = tmp_path / f"{ONE_REGISTER_UNREAD}-specialist.csv"
    # The good register's cards are judged as usual; the accounts of the two registers that
    # do not read keep their config findings and lose their card checks only.
    assert _places(findings, ledger) == expected_marks(ledger.read_text(encoding="utf-8"))
    assert _places(findings, specialist) == {("config", 3)}
    assert {f.file for f in findings} == {str(ledger), str(specialist)}
    assert "S-001" in next(f.message for f in findings if f.file == str(specialist))
    missing = [f for f in findings if f.rule == "config" and f.file == str(ledger)]
    assert f"{ONE_REGISTER_UNREAD}-missing.csv" in missing[0].message
    # validate says the same, and fails.
    result = CliRunner().invoke(main, ["validate", str(ledger), "--format", "json"])
    assert result.exit_code == 1
    assert {row["rule"] for row in json.loads(result.output)} == {
        "config",
        "asset-value-mismatch",
        "asset-not-accepted",
        "asset-unknown",
        "asset-missing",
    }
    # The asset report needs every register: it refuses, and says the others are checked.
    report = CliRunner().invoke(main, ["report", "assets", str(ledger), "--lang", "en"])
    assert report.exit_code == 1
    assert f"{specialist}: row 3, column 卡片编号" in report.output
    assert "the cards of the other registers are still checked" in report.output


@pytest.mark.parametrize(
    ("directive", "words"),
    [
        ('custom "grant-assets" Expenses:MCH:Equipment 1000.00 CNY', "grant-assets"),
        (
            'custom "grant-assets" Liabilities:Payable:Suppliers 1000.00 CNY "x.csv"',
            "not a category",
        ),
        ('custom "grant-assets" Expenses:MCH:Equipment 0.00 CNY "x.csv"', "zero"),
        ('custom "grant-procurement" Expenses:MCH:Equipment 20000.00 CNY 1.5', "whole number"),
        ('custom "grant-procurement" Expenses:MCH:Equipment 20000.00 CNY "90"', "DAYS"),
    ],
)
def test_malformed_directives_are_config_findings(tmp_path, directive, words):
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS)
    text = ledger.read_text(encoding="utf-8").replace(
        '2025-01-01 custom "fava-option" "language" "zh"\n', ""
    )
    ledger.write_text(text + f"\n2026-02-01 {directive}\n", encoding="utf-8")
    findings = ledger_findings(load_ledger(ledger))
    last = len(ledger.read_text(encoding="utf-8").splitlines())
    assert [(f.rule, f.line) for f in findings] == [("config", last)]
    assert words in findings[0].message


def test_a_procurement_record_not_on_file_is_one_finding(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    text = ledger.read_text(encoding="utf-8")
    # V-2025-011, 21,000.00 without a record, now names one that is not on file.
    named = text.replace(
        '  voucher: "V-2025-011"\n',
        '  voucher: "V-2025-011"\n  procurement: "quote-V-2025-011.pdf"\n',
    )
    assert named != text
    ledger.write_text(named, encoding="utf-8")
    # The voucher line's 0-based index is the 1-based line of the entry above it.
    line = named.splitlines().index('  voucher: "V-2025-011"')
    findings = [f for f in ledger_findings(load_ledger(ledger)) if f.rule == "procurement-missing"]
    at_entry = [f for f in findings if f.line == line]
    assert len(at_entry) == 1
    assert "quote-V-2025-011.pdf is not on file" in at_entry[0].message
    # Contract C-1 names none: its finding stays.
    assert len(findings) == 2


def test_messages_speak_the_ledgers_language(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    text = ledger.read_text(encoding="utf-8")
    language = '2024-01-01 custom "fava-option" "language" "zh"\n'
    ledger.write_text(text + language, encoding="utf-8")
    messages = {f.rule: f.message for f in ledger_findings(load_ledger(ledger))}
    assert "达到固定资产标准 1,000.00 CNY" in messages["asset-missing"]
    assert "不在固定资产卡片登记表" in messages["asset-unknown"]
    assert "化整为零" in messages["procurement-split"]
    assert "采购限额" in messages["procurement-missing"]
