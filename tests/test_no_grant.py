"""A ledger that declares no grant (Beancount's own example ledger) has not passed anything.

`validate` and every report say the ledger declares no grant and show how to declare one, and
exit with status 3, never 0: there are no grant books to check or report. `validate --format
json` prints an object saying so, never the empty array a tool would read as clean books.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from commands.main import main

BEAN_EXAMPLE = Path(sys.executable).with_name("bean-example")
KINDS = ("budget", "funding", "balances", "ledger", "vouchers", "findings", "pack")


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """Beancount's example ledger (`bean-example`): a person's finances, no grant at all."""
    path = tmp_path_factory.mktemp("example") / "example.beancount"
    dates = ["--date-begin", "2024-01-01", "--date-end", "2024-06-30", "--date-birth", "1990-01-01"]
    subprocess.run(
        [str(BEAN_EXAMPLE), "--seed", "7", *dates, "--output", str(path)],
        check=True,
        capture_output=True,
    )
    return path


def assert_says_no_grant(result, path: Path) -> None:
    assert result.exit_code == 3
    assert f"{path} declares no grant" in result.stderr
    assert '2024-01-01 custom "grant-account" Assets:Bank:Special' in result.stderr
    assert '"grant-budget" Expenses:Program:Training 30000.00 CNY' in result.stderr


def test_validate_says_the_ledger_declares_no_grant(example):
    result = CliRunner().invoke(main, ["validate", str(example)])
    assert_says_no_grant(result, example)
    assert "no findings" not in result.output


def test_validate_json_says_no_grant_is_declared_never_an_empty_list(example):
    # An empty array would read as clean books to a tool: an object says why nothing was
    # checked, with Beancount's own findings (none here).
    result = CliRunner().invoke(main, ["validate", str(example), "--format", "json"])
    assert_says_no_grant(result, example)
    answer = json.loads(result.stdout)
    assert answer["grant"] is False and answer["findings"] == []
    assert answer["error"].startswith(f"{example} declares no grant")
    assert answer["error"] in result.stderr


def test_validate_json_keeps_beancounts_own_findings(example, tmp_path):
    broken = tmp_path / "broken.beancount"
    broken.write_text(
        example.read_text(encoding="utf-8") + "\n2024-06-30 balance Assets:Nowhere 1.00 USD\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(broken), "--format", "json"])
    assert result.exit_code == 3
    answer = json.loads(result.stdout)
    assert answer["grant"] is False
    assert answer["findings"]
    assert {(f["rule"], f["account"]) for f in answer["findings"]} == {
        ("beancount", "Assets:Nowhere")
    }


@pytest.mark.parametrize("kind", KINDS)
def test_every_report_says_so_and_writes_nothing(example, kind, tmp_path):
    output = tmp_path / ("pack.zip" if kind == "pack" else "report.csv")
    arguments = ["report", kind, str(example), "--output", str(output)]
    result = CliRunner().invoke(main, arguments + ([] if kind == "pack" else ["--format", "csv"]))
    assert_says_no_grant(result, example)
    assert not output.exists()


def test_in_the_language_asked_for(example):
    result = CliRunner().invoke(main, ["report", "budget", str(example), "--lang", "zh"])
    assert result.exit_code == 3
    assert "没有声明专项资金" in result.stderr


def test_close_says_so_with_the_same_message(example):
    before = example.read_bytes()
    result = CliRunner().invoke(main, ["close", "2024", str(example), "--date", "2025-01-10"])
    assert_says_no_grant(result, example)
    assert example.read_bytes() == before


def test_labels_say_so_with_the_same_message(example, tmp_path):
    output = tmp_path / "labels.html"
    result = CliRunner().invoke(main, ["labels", str(example), "--output", str(output)])
    assert_says_no_grant(result, example)
    assert not output.exists()


@pytest.fixture
def chinese_example(example, tmp_path) -> Path:
    """The example ledger, in Chinese: `fava-option language zh`."""
    path = tmp_path / "example_zh.beancount"
    text = example.read_text(encoding="utf-8")
    path.write_text('2000-01-01 custom "fava-option" "language" "zh"\n' + text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["validate"], ["report", "budget"], ["close", "2024"], ["labels"], ["link-documents"]],
)
def test_every_command_says_so_in_the_ledgers_language(chinese_example, command):
    result = CliRunner().invoke(main, [*command, str(chinese_example)])
    assert result.exit_code == 3
    assert f"{chinese_example} 没有声明专项资金" in result.stderr
    assert '"grant-budget" Expenses:Program:Training 30000.00 CNY' in result.stderr


def test_an_unknown_report_is_refused_with_status_one_in_the_ledgers_language(chinese_example):
    # The README: "an unknown kind is refused with exit status 1".
    result = CliRunner().invoke(main, ["report", "nosuch", str(chinese_example)])
    assert result.exit_code == 1
    assert "没有名为 nosuch 的报表" in result.stderr
    assert "budget" in result.stderr
    result = CliRunner().invoke(main, ["report", "nosuch", str(chinese_example), "--lang", "en"])
    assert result.exit_code == 1
    assert "there is no report nosuch: choose one of budget" in result.stderr
