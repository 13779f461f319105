"""Refusals say "错误：" in a Chinese ledger and "Error: " in an English one (issue 11).

Click prints every refusal after its English "Error: "; ours speak the ledger's language (or
`--lang`'s), and so does their prefix: one class, `commands.errors.Refusal`, for every command.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from grant_ledgers import funding

from commands.main import main

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"
ZH = '2024-01-01 custom "fava-option" "language" "zh"\n'


def run(*args: str):
    return CliRunner().invoke(main, [*map(str, args)])


def test_a_refused_close_in_a_chinese_ledger_says_cuowu(write_ledger):
    # The case: a close without --date is dated today, before the year's end.
    path = write_ledger(ZH, funding(2024))
    result = run("close", "2999", path)
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：2999 年度的结账日期应在 2999-12-31 当天或之后")
    assert "Error" not in result.stderr


def test_in_an_english_ledger_error_stays(write_ledger):
    path = write_ledger(funding(2024))
    result = run("close", "2999", path)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: a close of 2999 must be dated on or after 2999-12-31")


@pytest.mark.parametrize(
    ("arguments", "status", "start"),
    [
        (("validate", DEMO, "--year", "2030"), 1, "错误：账簿没有 2030 年度的数据"),
        (("report", "budget", DEMO, "--year", "2030"), 1, "错误：账簿没有 2030 年度的数据"),
        (("labels", DEMO, "--card", "ZC-0000-000"), 1, "错误："),
        (("report", "budget", DEMO, "--year", "2030", "--lang", "en"), 1, "Error: "),
    ],
)
def test_every_command_says_its_refusals_in_the_language_it_speaks(arguments, status, start):
    result = run(*arguments)
    assert result.exit_code == status
    assert result.stderr.startswith(start)
    assert result.stderr.count("错误：") + result.stderr.count("Error: ") == 1


def test_a_ledger_without_a_grant_is_refused_in_english_by_default(write_ledger):
    path = write_ledger("2024-01-01 open Assets:Cash CNY\n", preamble="")
    result = run("link-documents", path)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {path} declares no grant")
