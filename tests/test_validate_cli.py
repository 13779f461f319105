"""`mch-ledger validate`: table and JSON, exit status, year filter, plugin named or not."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from grant_ledgers import PREAMBLE, funding

from commands.main import main

OVERSPENT = """
2024-03-01 * "Trainer" "course"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Training  31000.00 CNY
  Assets:Bank:Grant-Account
"""

NEXT_YEAR = """
2025-01-05 * "Bank" "fee"
  voucher: "V-2"
  Expenses:Fees  10.00 CNY
  Assets:Bank:Grant-Account
"""


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def line_of(path, text: str) -> int:
    return next(
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text in line
    )


def test_json_findings_have_the_documented_fields(write_ledger):
    path = write_ledger(funding(2024), OVERSPENT)
    result = run(str(path), "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.output)
    assert finding["rule"] == "over-budget"
    assert finding["severity"] == "error"
    assert finding["file"] == str(path)
    assert finding["line"] == line_of(path, '"Trainer" "course"')
    assert finding["date"] == "2024-03-01"
    assert finding["account"] == "Expenses:Program:Training"
    assert finding["amount"] == "1000.00"
    assert finding["year"] == 2024
    assert finding["message"].startswith("[over-budget]")


def test_text_table_names_file_line_and_rule(write_ledger, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write_ledger(funding(2024), OVERSPENT)
    result = run(path.name)
    assert result.exit_code == 1
    row = result.output.splitlines()[1]
    assert row.startswith(f"ledger.beancount:{line_of(path, 'Trainer')}")
    assert "2024-03-01" in row
    assert "over-budget" in row
    assert "1 error(s), 0 warning(s)" in result.output


def test_clean_ledger_exits_zero(write_ledger):
    result = run(str(write_ledger(funding(2024))))
    assert result.exit_code == 0
    assert "no findings" in result.output


def test_warnings_alone_exit_zero(write_ledger):
    result = run(str(write_ledger(funding(2024), NEXT_YEAR)), "--format", "json")
    assert result.exit_code == 0
    assert [f["rule"] for f in json.loads(result.output)] == ["year-not-closed"]


def test_year_filter(write_ledger):
    path = write_ledger(funding(2024), OVERSPENT, NEXT_YEAR)
    only_2025 = run(str(path), "--year", "2025", "--format", "json")
    assert json.loads(only_2025.output) == []
    assert only_2025.exit_code == 0
    only_2024 = run(str(path), "--year", "2024", "--format", "json")
    assert {f["rule"] for f in json.loads(only_2024.output)} == {"over-budget", "year-not-closed"}
    assert only_2024.exit_code == 1


def test_rules_apply_without_the_plugin_line_and_never_twice(write_ledger):
    named = write_ledger(funding(2024), OVERSPENT, name="named.beancount")
    unnamed = write_ledger(
        funding(2024),
        OVERSPENT,
        preamble=PREAMBLE.replace('plugin "ledger.grant"\n', ""),
        name="unnamed.beancount",
    )
    for path in (named, unnamed):
        findings = json.loads(run(str(path), "--format", "json").output)
        assert [f["rule"] for f in findings] == ["over-budget"]


def test_beancount_errors_are_findings_too(write_ledger):
    path = write_ledger(
        funding(2024),
        """
        2024-03-01 balance Assets:Bank:Grant-Account  1.00 CNY
        """,
    )
    result = run(str(path), "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.output)
    assert finding["rule"] == "beancount"
    assert finding["line"] == line_of(path, "balance Assets")


def test_a_ledger_with_includes(write_ledger, tmp_path):
    (tmp_path / "2024.beancount").write_text(funding(2024) + OVERSPENT, encoding="utf-8")
    path = write_ledger('include "2024.beancount"\n')
    [finding] = json.loads(run(str(path), "--format", "json").output)
    assert finding["file"] == str(tmp_path / "2024.beancount")


@pytest.mark.parametrize(
    "content", [None, b"2024-01-01 open Assets:Cash\n\xff\xfe"], ids=["missing", "not utf-8"]
)
def test_a_ledger_that_cannot_be_read_exits_two(tmp_path, content):
    path = tmp_path / "ledger.beancount"
    if content is not None:
        path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert "ledger.beancount" in result.output


def test_plugin_changes_are_seen_without_the_pickle_cache(write_ledger, monkeypatch):
    """A stale pickle cache beside the ledger is never used: findings reflect the file now."""
    path = write_ledger(funding(2024), OVERSPENT)
    cache = path.with_name(f".{path.name}.picklecache")
    cache.write_bytes(b"not a pickle")
    assert [f["rule"] for f in json.loads(run(str(path), "--format", "json").output)] == [
        "over-budget"
    ]
