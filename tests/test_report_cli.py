"""`mch-ledger report`: kinds, formats and output, the stamp, and refusals that write nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from named_ledgers import CARRYFORWARD, LATE_TRANCHE, copy_named

from commands.main import main

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


def run(*args: str):
    return CliRunner().invoke(main, ["report", *args])


def test_demo_budget_report_matches_the_readme():
    # The README's demo table: spent per category and year, and the relief carry-forward.
    data = json.loads(run("budget", str(DEMO), "--format", "json").output)
    spent = {(row["year"], row["label"]): row["spent"] for row in data["rows"]}
    assert spent[2024, "项目管理"] == "18650.00"
    assert spent[2025, "人才培养"] == "29150.00"
    assert spent[2025, "医疗设备"] == "79380.00"
    assert spent[2026, "健康教育"] == "19750.00"
    relief = {row["year"]: row for row in data["rows"] if row["label"] == "贫困孕产妇救助"}
    assert relief[2025]["available"] == "46300.00"
    assert relief[2024]["carried_out"] == "6300.00"
    assert relief[2025]["carried_out"] == "4500.00"
    lapsed = {row["year"]: row["lapsed"] for row in data["totals"]}
    assert (lapsed[2024], lapsed[2025]) == ("8190.00", "3670.00")


def test_demo_balances_and_funding_match_the_readme():
    balances = json.loads(run("balances", str(DEMO), "--format", "json").output)
    closing = {row["year"]: row["bank"] for row in balances["rows"]}
    assert closing == {2024: "4818.56", 2025: "8807.77", 2026: "51269.88"}
    returned = {row["year"]: row.get("lapsed_returned") for row in balances["rows"]}
    assert (returned[2024], returned[2025]) == ("8190.00", "3670.00")
    funding = json.loads(run("funding", str(DEMO), "--year", "2024", "--format", "json").output)
    late = [t for t in funding["tranches"] if t["date"] == "2025-01-09"]
    assert [(t["grant_year"], t["amount"]) for t in late] == [(2024, "10000.00")]


def test_output_file_in_excel_and_wan(tmp_path):
    target = tmp_path / "budget.xlsx"
    result = run("budget", str(DEMO), "--year", "2026", "--format", "xlsx", "--output", str(target))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A1"].value == "2026年度预算执行情况表"
    result = run("budget", str(DEMO), "--year", "2026", "--unit", "wan", "--lang", "en")
    assert "Amounts in 10,000 yuan" in result.output
    assert "8.50" in result.output  # equipment: 85,000.00 after the adjustment


def test_excel_needs_an_output_file():
    result = run("budget", str(DEMO), "--format", "xlsx")
    assert result.exit_code == 2
    assert "--output" in result.output


def test_a_year_without_data_is_refused(tmp_path):
    target = tmp_path / "out.json"
    result = run("budget", str(DEMO), "--year", "2019", "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    # In the ledger's language (the demo's is Chinese), as `validate --year 2019` says it.
    assert "账簿没有 2019 年度的数据" in result.output and "2024—2026年度" in result.output
    assert not target.exists()
    english = run("budget", str(DEMO), "--year", "2019", "--lang", "en")
    assert english.exit_code == 1
    assert "no data for 2019" in english.output and "2024–2026" in english.output


def test_an_unknown_kind_is_refused():
    # Exit status 1, as the README says, in the ledger's language (the demo's is Chinese).
    result = run("budgets", str(DEMO))
    assert result.exit_code == 1
    assert "没有名为 budgets 的报表" in result.output


def test_an_unwritable_output_is_refused_and_nothing_is_written(tmp_path):
    result = run("budget", str(DEMO), "--output", str(tmp_path / "missing" / "budget.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：无法写入 {tmp_path / 'missing' / 'budget.txt'}：")
    assert result.stderr.rstrip().endswith("；请用 --output 另选位置")
    english = run(
        "budget", str(DEMO), "--lang", "en", "--output", str(tmp_path / "missing" / "b.txt")
    )
    assert english.stderr.startswith(f"Error: cannot write {tmp_path / 'missing' / 'b.txt'}: ")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_report_is_replaced_whole(tmp_path):
    target = tmp_path / "findings.txt"
    target.write_text("old", encoding="utf-8")
    result = run("findings", str(DEMO), "--output", str(target))
    assert result.exit_code == 0
    report = target.read_text(encoding="utf-8")
    assert report.splitlines()[0] == "2024—2026年度检查发现问题"
    assert "未发现问题" in report
    assert [p.name for p in tmp_path.iterdir()] == ["findings.txt"]


def test_a_ledger_that_cannot_be_read_still_gets_its_findings_report(tmp_path):
    ledger = tmp_path / "gbk.beancount"
    ledger.write_bytes("2024-01-01 open Assets:Bank CNY\n; 专户\n".encode("gbk"))
    result = run("findings", str(ledger), "--format", "json", "--lang", "en")
    assert result.exit_code == 2
    [finding] = json.loads(result.output)["rows"]
    assert finding["where"].endswith("gbk.beancount:2")
    assert "not UTF-8" in finding["message"]
    other = run("budget", str(ledger))
    assert other.exit_code == 1
    assert "not UTF-8" in other.output


def test_a_ledger_with_errors_gets_reports_that_say_so(tmp_path):
    ledger = copy_named(tmp_path, LATE_TRANCHE)
    result = run("funding", str(ledger), "--lang", "en")
    assert result.exit_code == 0
    assert "The books have 1 error(s)" in result.output


def test_stamp_names_the_commit_and_uncommitted_changes(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    git = ["git", "-C", str(tmp_path)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run(
        [*git, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "books"], check=True
    )
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    clean = json.loads(run("budget", str(ledger), "--format", "json").output)["stamp"]
    assert clean["commit"] == head.strip()
    assert clean["dirty"] is False
    assert clean["files"] == [{"path": str(ledger), "sha256": clean["files"][0]["sha256"]}]

    with ledger.open("a", encoding="utf-8") as file:
        file.write('\n2027-03-01 note Assets:Bank:Special "checked"\n')
    changed = json.loads(run("budget", str(ledger), "--format", "json").output)["stamp"]
    assert changed["dirty"] is True
    assert changed["sha256"] != clean["sha256"]


def test_stamp_covers_included_files(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    main_file = tmp_path / "main.beancount"
    main_file.write_text(f'include "{ledger.name}"\n', encoding="utf-8")
    before = json.loads(run("budget", str(main_file), "--format", "json").output)["stamp"]
    assert {Path(f["path"]).name for f in before["files"]} == {"main.beancount", ledger.name}
    with ledger.open("a", encoding="utf-8") as file:
        file.write("\n; reviewed\n")
    after = json.loads(run("budget", str(main_file), "--format", "json").output)["stamp"]
    assert after["sha256"] != before["sha256"]
    assert after["commit"] is None


def test_pack_command_writes_a_zip_and_records_the_recipient(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    target = tmp_path / "pack.zip"
    result = run(
        "pack", str(ledger), "--year", "2025", "--output", str(target), "--recipient", "李四"
    )
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert "李四" in (tmp_path / "packs" / "copy-register.csv").read_text(encoding="utf-8-sig")
