"""`mch-ledger close YEAR LEDGER`: refuses an unclean year, appends the close safely."""

from __future__ import annotations

import hashlib

from click.testing import CliRunner
from grant_ledgers import funding

from commands.main import main
from ledger.findings import ledger_findings
from ledger.loading import load_ledger

# Hand-computed: received 100,000 + 100,000; spent admin 12,000 (lapses 8,000), training 0
# (lapses 30,000), relief 35,000 (5,000 carries forward); fee 20; balance 152,980.
BOOKS_2024 = """
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  12000.00 CNY
  Assets:Bank:Grant-Account

2024-04-01 * "Hospital" "relief"
  voucher: "V-2"
  document: "copy.pdf"
  Expenses:Program:Relief  35000.00 CNY
  Assets:Bank:Grant-Account

2024-12-20 * "Bank" "fee"
  voucher: "V-3"
  Expenses:Fees  20.00 CNY
  Assets:Bank:Grant-Account
"""

EXPECTED_CLOSE = """\
2025-01-20 custom "grant-close" 2024
  balance: 152980.00 CNY
  received-Income_Funding_Province: 100000.00 CNY
  received-Income_Funding_County: 100000.00 CNY
  spent-Expenses_Program_Admin: 12000.00 CNY
  lapsed-Expenses_Program_Admin: 8000.00 CNY
  spent-Expenses_Program_Training: 0.00 CNY
  lapsed-Expenses_Program_Training: 30000.00 CNY
  spent-Expenses_Program_Relief: 35000.00 CNY
  carried-Expenses_Program_Relief: 5000.00 CNY
"""


def close(*args: str):
    return CliRunner().invoke(main, ["close", *args])


def test_close_appends_the_figures_and_keeps_the_previous_version(write_ledger):
    path = write_ledger(funding(2024), BOOKS_2024)
    before = path.read_text(encoding="utf-8")
    result = close("2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    # The figures, then the seal: the seal file beside the ledger and its SHA-256.
    seal_file = path.parent / "seals" / "2024.tsv"
    digest = hashlib.sha256(seal_file.read_bytes()).hexdigest()
    sealed = f'  seal-file: "seals/2024.tsv"\n  seal: "{digest}"\n'
    assert after.endswith("\n" + EXPECTED_CLOSE + sealed)
    assert path.with_name(path.name + ".bak").read_text(encoding="utf-8") == before
    assert ledger_findings(load_ledger(path)) == []


def test_close_refuses_a_year_with_errors_and_writes_nothing(write_ledger):
    path = write_ledger(funding(2024), BOOKS_2024.replace("12000.00", "21000.00"))
    before = path.read_bytes()
    result = close("2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 1
    assert "over-budget" in result.output
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".bak").exists()


def test_a_refused_close_lists_its_findings_as_validate_does(write_ledger):
    chinese = '2024-01-01 custom "fava-option" "language" "zh"\n'
    path = write_ledger(chinese, funding(2024), BOOKS_2024.replace("12000.00", "21000.00"))
    refused = close("2024", str(path), "--date", "2025-01-20")
    assert refused.exit_code == 1
    validated = CliRunner().invoke(main, ["validate", str(path), "--year", "2024"])
    table = validated.output.split("\n\n")[0]
    # The ledger speaks Chinese: the header and the severities too, word for word.
    assert table.startswith("文件:行") and "  错误  over-budget  " in table
    assert table in refused.output
    assert "SEVERITY" not in refused.output and " error " not in refused.output


def test_close_refuses_when_the_match_would_be_short(write_ledger):
    short_county = funding(2024).replace(
        "Income:Funding:County  -100000.00 CNY", "Income:Funding:County  -60000.00 CNY"
    )
    path = write_ledger(short_county, BOOKS_2024)
    result = close("2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 1
    assert "match-shortfall" in result.output
    assert "40,000.00 CNY" in result.output


def test_close_refuses_an_early_date_a_closed_year_and_an_open_earlier_year(write_ledger):
    path = write_ledger(funding(2024, 2025), BOOKS_2024)
    early = close("2024", str(path), "--date", "2024-12-30")
    assert early.exit_code == 1
    assert "2024-12-31" in early.output
    open_before = close("2025", str(path), "--date", "2026-01-10")
    assert open_before.exit_code == 1
    assert "close 2024 first" in open_before.output
    assert close("2024", str(path), "--date", "2025-01-20").exit_code == 0
    again = close("2024", str(path), "--date", "2025-01-21")
    assert again.exit_code == 1
    assert "already closed" in again.output


def test_closing_the_next_year_carries_forward(write_ledger):
    # The bank's balance at the end of 2025, asserted: the books reach the year end.
    year_end = "2026-01-01 balance Assets:Bank:Grant-Account  352980.00 CNY\n"
    path = write_ledger(funding(2024, 2025), BOOKS_2024, year_end)
    assert close("2024", str(path), "--date", "2025-01-20").exit_code == 0
    result = close("2025", str(path), "--date", "2026-01-20")
    assert result.exit_code == 0, result.output
    # 2025: nothing spent; relief had 40,000 + 5,000 carried in, all carried on.
    assert "carried-Expenses_Program_Relief: 45000.00 CNY" in result.output
    assert "balance: 352980.00 CNY" in result.output
