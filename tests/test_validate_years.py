"""`validate --year`: a year the books do not cover is refused; the output names the year checked.

Like `report --year`, `validate --year 2030` on books covering 2024–2026 exits 1 with a message
(it used to print "no findings" and exit 0, as if 2030 had passed); the summary line says which
year was checked, and the table speaks the ledger's language.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from grant_ledgers import funding

from commands.main import main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "main.beancount"
CHINESE = '2024-01-01 custom "fava-option" "language" "zh"\n'
OVERSPENT = """
2024-03-01 * "Trainer" "course"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Training  31000.00 CNY
  Assets:Bank:Grant-Account
"""


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_year_the_books_do_not_cover_exits_one_with_a_message(output_format):
    result = run(str(DEMO), "--year", "2030", "--format", output_format)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "错误：账簿没有 2030 年度的数据：账簿涵盖2024—2026年度。请用 --year 选择其中一个年度。"
    )


def test_the_summary_names_the_year_checked(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert (
        run("main.beancount", "--year", "2025").stdout == "main.beancount（2025年度）：未发现问题\n"
    )
    assert run("main.beancount").stdout == "main.beancount（全部年度）：未发现问题\n"


def test_the_table_is_in_the_ledgers_language(write_ledger, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write_ledger(CHINESE, funding(2024), OVERSPENT)
    result = run(path.name, "--year", "2024")
    assert result.exit_code == 1
    header, rule_line, *_ = result.stdout.splitlines()
    assert header.split() == ["文件:行", "日期", "级别", "规则", "说明"]
    assert rule_line.split()[2:4] == ["错误", "over-budget"]
    assert result.stdout.splitlines()[-1] == "ledger.beancount（2024年度）：1 个错误，0 个警告"


def test_an_english_ledger_gets_an_english_table(write_ledger, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(write_ledger(funding(2024), OVERSPENT).name, "--year", "2024")
    header, rule_line, *_ = result.stdout.splitlines()
    assert header.split() == ["FILE:LINE", "DATE", "SEVERITY", "RULE", "MESSAGE"]
    assert rule_line.split()[2:4] == ["error", "over-budget"]
    assert result.stdout.splitlines()[-1] == (
        "1 error(s), 0 warning(s) in ledger.beancount (fiscal year 2024)"
    )


def columns(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_the_chinese_columns_stay_aligned(write_ledger, tmp_path, monkeypatch):
    # 文件:行 is 4 characters but 7 terminal columns wide: the rows still line up under it.
    monkeypatch.chdir(tmp_path)
    result = run(write_ledger(CHINESE, funding(2024), OVERSPENT).name)
    header, row = result.stdout.splitlines()[:2]
    assert columns(header[: header.index("日期")]) == columns(row[: row.index("2024-03-01")])
    assert columns(header[: header.index("规则")]) == columns(row[: row.index("over-budget")])


def test_json_of_a_covered_year(write_ledger):
    result = run(str(write_ledger(funding(2024), OVERSPENT)), "--year", "2024", "--format", "json")
    assert result.exit_code == 1
    assert [finding["year"] for finding in json.loads(result.stdout)] == [2024]
