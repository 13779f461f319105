"""Exports that cannot attack: bank text in CSV, Excel and HTML stays text (issue 10.2).

A payee or narration comes from a bank row, that is from an outsider. Opened in a spreadsheet, a
CSV cell starting with `=`, `+`, `-` or `@` would run as a formula.
"""

from __future__ import annotations

import csv
import io

import openpyxl
from bs4 import BeautifulSoup
from click.testing import CliRunner
from grant_ledgers import funding

from commands.main import main

HYPERLINK = '=HYPERLINK("http://x","点击")'
DDE = "=cmd|' /C calc'!A0"
#: The payee as written in a ledger: quotes escaped.
HYPERLINK_WRITTEN = HYPERLINK.replace('"', '\\"')

# Hostile text in every place a bank row reaches: payees, narrations; a refund gives a
# negative amount, which must stay a number.
HOSTILE = f"""
2024-03-01 * "{HYPERLINK_WRITTEN}" "{DDE}"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  1200.00 CNY
  Assets:Bank:Grant-Account

2024-03-02 * "@SUM(A1:A9)" "+1+2"
  voucher: "V-2"
  document: "copy.pdf"
  Expenses:Program:Admin  30.00 CNY
  Assets:Bank:Grant-Account

2024-03-03 * "-2+3" "\tTAB"
  voucher: "V-3"
  document: "copy.pdf"
  Expenses:Program:Admin  -12.00 CNY
  Assets:Bank:Grant-Account

2024-03-04 * "＝1+1" "<script>alert(1)</script>"
  voucher: "V-4"
  document: "copy.pdf"
  Expenses:Program:Admin  5.00 CNY
  Assets:Bank:Grant-Account

2024-03-05 * "Trainer" "courses, 500.00 over the budget"
  voucher: "V-5"
  document: "copy.pdf"
  Expenses:Program:Training  30500.00 CNY
  Assets:Bank:Grant-Account
"""


def report(path, *args: str, kind: str = "ledger"):
    result = CliRunner().invoke(main, ["report", kind, str(path), "--year", "2024", *args])
    assert result.exit_code == 0, result.output
    return result


def test_csv_neutralises_formulas_and_keeps_amounts_numbers(write_ledger):
    path = write_ledger(funding(2024), HOSTILE)
    rows = list(csv.reader(io.StringIO(report(path, "--format", "csv", "--lang", "en").output)))
    cells = {cell for row in rows for cell in row}
    # Every hostile text is there, led by a quote, as Excel users type text.
    for text in (HYPERLINK, DDE, "@SUM(A1:A9)", "+1+2", "-2+3", "\tTAB", "＝1+1"):
        assert "'" + text in cells, text
        assert text not in cells, text
    # No cell of the file starts a formula, except the amounts' minus signs.
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r", "＝"):
                raise AssertionError(f"formula cell {cell!r}")
            if cell.startswith("-"):
                float(cell)  # a negative amount, as a plain number
    # Training is 500.00 over its budget: its remaining budget stays a negative number.
    budget = report(path, "--format", "csv", "--lang", "en", kind="budget").output
    [training] = [row for row in csv.reader(io.StringIO(budget)) if "training" in row]
    assert "-500.00" in training
    assert "'-500.00" not in training


def test_excel_keeps_hostile_text_as_text(write_ledger, tmp_path):
    path = write_ledger(funding(2024), HOSTILE)
    target = tmp_path / "ledger.xlsx"
    report(path, "--format", "xlsx", "--output", str(target), "--lang", "en")
    book = openpyxl.load_workbook(target)
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in (HYPERLINK, DDE, "@SUM(A1:A9)", "+1+2", "-2+3"):
                    found[cell.value] = cell.data_type
    # Stored as strings ("s"), never as formulas ("f"), and shown as written.
    assert found == dict.fromkeys((HYPERLINK, DDE, "@SUM(A1:A9)", "+1+2", "-2+3"), "s")


def test_html_escapes_hostile_text(write_ledger):
    path = write_ledger(funding(2024), HOSTILE)
    page = report(path, "--format", "html", "--lang", "en").output
    assert "<script>alert(1)</script>" not in page
    soup = BeautifulSoup(page, "html.parser")
    assert not [s for s in soup.find_all("script") if "alert(1)" in s.get_text()]
    assert "<script>alert(1)</script>" in soup.get_text()
    assert HYPERLINK in soup.get_text()
