"""A close that cannot be premature (issue 11.4).

`close` refuses a date after today, and books that stop short of the year end (the dedicated
account's last balance assertion, or without one its last entry, more than `grant-close-margin`
days before 31 December; a statement on file but not imported proves nothing) unless a reason
is given, which the close records; in the ledger's language.
"""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from grant_ledgers import PREAMBLE, funding

from commands.main import main
from ledger.findings import ledger_findings
from ledger.loading import load_ledger
from ledger.year_end import CloseRefusedError, prepare_close

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"

# The books of 2024 reach 14 November: the bank's balance is asserted on the 15th.
SHORT_2024 = """
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  12000.00 CNY
  Assets:Bank:Grant-Account

2024-11-14 * "Bank" "fee"
  voucher: "V-2"
  Expenses:Fees  20.00 CNY
  Assets:Bank:Grant-Account

2024-11-15 balance Assets:Bank:Grant-Account  187980.00 CNY
"""


def run(*args: str):
    return CliRunner().invoke(main, [*args])


def test_a_close_dated_after_today_is_refused(write_ledger):
    path = write_ledger(funding(2024), SHORT_2024)
    before = path.read_bytes()
    result = run("close", "2024", str(path), "--date", "2999-01-01")
    assert result.exit_code == 1
    assert "after today" in result.output
    assert path.read_bytes() == before
    # The case: 2026 closed on 2026-12-02 with a date in 2027, or 2030.
    books_2026 = funding(2026) + SHORT_2024.replace("2024-", "2026-")
    loaded = load_ledger(write_ledger(books_2026, name="2026.beancount"))
    for day in (datetime.date(2027, 1, 22), datetime.date(2030, 1, 1)):
        with pytest.raises(CloseRefusedError, match="after today"):
            prepare_close(loaded, 2026, day, today=datetime.date(2026, 12, 2))


def test_books_short_of_the_year_end_need_a_reason(write_ledger):
    path = write_ledger(funding(2024), SHORT_2024)
    before = path.read_bytes()
    refused = run("close", "2024", str(path), "--date", "2025-01-20")
    assert refused.exit_code == 1
    # It says how far the books reach, by what, and what to do.
    assert "2024-11-14" in refused.output and "balance assertion" in refused.output
    assert "47 day(s)" in refused.output and "--reason" in refused.output
    assert path.read_bytes() == before

    reason = 'December statement checked: no "movement"'
    closed = run("close", "2024", str(path), "--date", "2025-01-20", "--reason", reason)
    assert closed.exit_code == 0, closed.output
    text = path.read_text(encoding="utf-8")
    assert '  reason: "December statement checked: no \\"movement\\""\n' in text
    loaded = load_ledger(path)
    assert loaded.grant.config.closes[2024].entry.meta["reason"] == reason
    assert ledger_findings(loaded) == []


def test_a_statement_on_file_but_not_imported_proves_nothing(write_ledger, tmp_path):
    # A December statement sits in documents/ (as `import archive` or a copy by hand files it),
    # but its rows are not in the books: the books still stop at the November assertion.
    statement = tmp_path / "documents" / "Assets" / "Bank" / "Grant-Account"
    statement.mkdir(parents=True)
    (statement / "2024-12-21.bank.20241115-20241221.csv").write_text("statement", encoding="utf-8")
    path = write_ledger(
        funding(2024), SHORT_2024, preamble='option "documents" "documents"\n' + PREAMBLE
    )
    before = path.read_bytes()
    refused = run("close", "2024", str(path), "--date", "2025-01-20")
    assert refused.exit_code == 1
    assert "2024-11-14" in refused.output and "balance assertion" in refused.output
    assert "one merely on file does not count" in refused.output
    assert path.read_bytes() == before


def test_an_imported_statements_balance_shows_the_books_reach_the_year_end(write_ledger):
    # Imported, the statement's rows are in the books and it ends with a balance assertion
    # the day after its last row: the books reach 21 December.
    december = """
2024-12-21 * "Bank" "fee"
  voucher: "V-3"
  Expenses:Fees  20.00 CNY
  Assets:Bank:Grant-Account

2024-12-22 balance Assets:Bank:Grant-Account  187960.00 CNY
"""
    path = write_ledger(funding(2024), SHORT_2024 + december)
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 0, result.output


def test_without_a_balance_assertion_the_last_entry_is_how_far_the_books_reach(write_ledger):
    without_assertion = SHORT_2024.replace(
        "2024-11-15 balance Assets:Bank:Grant-Account  187980.00 CNY\n", ""
    )
    path = write_ledger(funding(2024), without_assertion)
    refused = run("close", "2024", str(path), "--date", "2025-01-20")
    assert refused.exit_code == 1
    assert "stop at 2024-11-14 (the dedicated account's last entry" in refused.output


def test_the_margin_is_the_ledgers_to_set(write_ledger):
    path = write_ledger(funding(2024), SHORT_2024, '2024-01-01 custom "grant-close-margin" 60\n')
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 0, result.output


def test_refusals_speak_the_ledgers_language(write_ledger):
    chinese = '2024-01-01 custom "fava-option" "language" "zh"\n'
    path = write_ledger(funding(2024), SHORT_2024, chinese)
    short = run("close", "2024", str(path), "--date", "2025-01-20")
    assert short.exit_code == 1
    assert "账簿只记到 2024-11-14（专户最后一次余额断言）" in short.output
    assert "--reason" in short.output
    # Without --date the close is dated today: a year not yet over is refused, in Chinese.
    early = run("close", "2999", str(path))
    assert early.exit_code == 1
    assert "2999 年度的结账日期应在 2999-12-31 当天或之后" in early.output
    ahead = run("close", "2024", str(path), "--date", "2999-01-01")
    assert "晚于今天" in ahead.output


def test_the_demos_books_reach_the_year_end(tmp_path):
    # 2025 closed again on the demo's books: they end on 21 December (a statement and a
    # balance assertion on the 22nd), within the margin, and the close gives the same figures.
    shutil.copytree(DEMO.parent / "documents", tmp_path / "documents")
    text = DEMO.read_text(encoding="utf-8")
    close_2025 = re.search(r'2026-01-22 custom "grant-close" 2025\n(  .*\n)+', text)
    assert close_2025 is not None
    ledger = tmp_path / "main.beancount"
    ledger.write_text(text.replace(close_2025.group(0), ""), encoding="utf-8")
    result = run("close", "2025", str(ledger), "--date", "2026-01-22")
    assert result.exit_code == 0, result.output
    figures = [line for line in close_2025.group(0).splitlines() if "seal" not in line]
    assert all(line in result.output for line in figures)
    assert (tmp_path / "documents" / "seals" / "2025.tsv").read_bytes() == (
        DEMO.parent / "documents" / "seals" / "2025.tsv"
    ).read_bytes()
