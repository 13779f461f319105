"""The beneficiaries report (救助对象花名册) and the pack's register, on the demo and named ledgers.

Figures are the demo's (README, "The demo ledger"): 2026's relief spending of 34,900.00 is five
rescues (5,710 + 3,590 + 7,690 + 5,450 + 4,420 = 26,860.00) and six check-up rosters (970 +
1,260 + 940 + 2,170 + 1,470 + 1,230 = 8,040.00, 49 visits).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from beneficiary_helpers import payment, person_id, woman, write_books
from click.testing import CliRunner

from commands.main import main
from ledger.loading import load_ledger
from reports.build import build_report
from reports.copy_register import read_register
from reports.render import render

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    for name in ("documents", "registers", "rosters"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copyfile(ROOT / "main.beancount", folder / "main.beancount")
    return folder


@pytest.fixture(scope="module")
def demo(demo_folder):
    return load_ledger(demo_folder / "main.beancount")


def test_the_demos_2026_roster_adds_up_to_the_relief_spending(demo):
    report = build_report("beneficiaries", demo, 2026, "zh")
    roster, standards = report.tables
    (total,) = [row for row in roster.rows if row.role == "total"]
    assert total.get("amount") == Decimal("34900.00")
    assert total.get("visits") == 49
    assert demo.grant.books[2026].categories["Expenses:MCH:PovertyRelief"].spent == Decimal(
        "34900.00"
    )
    women = {row.get("register_no") for row in roster.entries}
    assert women == {f"JZ-2026-{n:03d}" for n in range(1, 19)}
    # 罗春梅 (JZ-2026-011): 490.00 for 3 check-ups on 2026-10-18, 5,450.00 rescue on 2026-10-21.
    hers = [row for row in roster.rows if row.get("register_no") == "JZ-2026-011"]
    assert [(r.role, r.get("amount"), r.get("voucher")) for r in hers] == [
        ("entry", Decimal("490.00"), "记-2026-037"),
        ("entry", Decimal("5450.00"), "记-2026-038"),
        ("subtotal", Decimal("5940.00"), None),
    ]
    assert (
        hers[0].get("subsidy") == "孕期检查补助" and hers[1].get("subsidy") == "危重孕产妇抢救补助"
    )
    assert hers[0].get("id_masked") == "990101********0281"
    # Her year against the 10,000.00 a year; her pregnancy's rescue against 8,000.00.
    positions = {
        (row.get("subsidy"), row.get("limit"), row.get("her_total"), row.get("over_standard"))
        for row in standards.rows
        if row.get("register_no") == "JZ-2026-011"
    }
    assert positions == {
        ("贫困孕产妇救助", Decimal("10000.00"), Decimal("5940.00"), False),
        ("危重孕产妇抢救补助", Decimal("8000.00"), Decimal("5450.00"), False),
        ("孕期检查补助", Decimal("1750.00"), Decimal("490.00"), False),
    }


def test_years_before_the_register_list_no_one(demo):
    report = build_report("beneficiaries", demo, 2025, "en")
    assert report.tables[0].rows == []
    assert "Payments from 2026-01-01 on" in report.tables[0].notes[0]


def test_every_format_renders_the_report(demo):
    report = build_report("beneficiaries", demo, 2026, "zh")
    data = json.loads(render("json", [report], "yuan"))
    first = data["rows"][0]
    assert first["register_no"] == "JZ-2026-001"
    assert first["amount"] == "5710.00" and first["id_masked"] == "990101********0229"
    assert "file" not in first  # where the entry is serves the Fava page only
    assert {row["over_standard"] for row in data["standards"]} == {False}
    text = render("text", [report], "yuan")
    assert "2026年度救助对象花名册" in text and "34,900.00" in text
    table = list(csv.reader(io.StringIO(render("csv", [report], "yuan"))))
    assert table[5][:3] == ["JZ-2026-001", "吴静", "990101********0229"]
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], "yuan")))
    assert book.sheetnames == ["救助对象花名册", "救助标准执行情况"]
    assert "救助对象花名册" in render("html", [report], "yuan")


def test_names_are_masked_when_the_ledger_asks(tmp_path):
    from beneficiary_helpers import PREAMBLE

    preamble = PREAMBLE.replace('"register.csv"\n', '"register.csv"\n  mask-names: TRUE\n')
    path = write_books(
        tmp_path,
        payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'),
        [woman("A-1", person_id("19950412"), name="王秀英")],
        preamble,
    )
    ledger = load_ledger(path)
    assert ledger.findings == []
    report = build_report("beneficiaries", ledger, 2026, "zh")
    text = render("text", [report], "yuan")
    assert "王**" in text and "王秀英" not in text
    assert "姓名按账簿设置（mask-names）脱敏。" in report.tables[0].notes


def test_the_pack_holds_the_years_women_masked_and_the_copy_register_says_so(demo_folder, tmp_path):
    ledger = demo_folder / "main.beancount"
    target = tmp_path / "pack.zip"
    result = CliRunner().invoke(
        main, ["report", "pack", str(ledger), "--output", str(target), "--recipient", "县审计局"]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        masked = archive.read("registers/救助对象登记册（脱敏）.csv").decode("utf-8-sig")
        sums = archive.read("SHA256SUMS").decode()
    rows = list(csv.reader(io.StringIO(masked)))
    assert rows[0][:3] == ["登记号", "姓名", "身份证号（脱敏）"]
    assert [row[0] for row in rows[1:]] == [f"JZ-2026-{n:03d}" for n in range(1, 19)]
    assert rows[1][2] == "990101********0229"
    assert "registers/救助对象登记册（脱敏）.csv" in sums
    assert "2026年度专项检查资料.xlsx" in names
    book = openpyxl.load_workbook(
        io.BytesIO(zipfile.ZipFile(target).read("2026年度专项检查资料.xlsx"))
    )
    assert "救助对象花名册" in book.sheetnames
    (line,) = read_register(ledger)
    assert line["救助对象登记册 beneficiary register"] == "脱敏 masked"


def test_a_year_without_beneficiaries_has_neither_register_nor_report(demo_folder, tmp_path):
    target = tmp_path / "pack.zip"
    ledger = demo_folder / "main.beancount"
    result = CliRunner().invoke(
        main, ["report", "pack", str(ledger), "--year", "2025", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        assert not [name for name in archive.namelist() if name.startswith("registers/")]
        book = openpyxl.load_workbook(io.BytesIO(archive.read("2025年度专项检查资料.xlsx")))
    assert "救助对象花名册" not in book.sheetnames


def test_the_full_register_needs_a_recipient_and_is_recorded(demo_folder, tmp_path):
    ledger = demo_folder / "main.beancount"
    target = tmp_path / "full.zip"
    refused = CliRunner().invoke(
        main, ["report", "pack", str(ledger), "--output", str(target), "--full-register"]
    )
    assert refused.exit_code == 2 and "--recipient" in refused.output
    assert not target.exists()
    done = CliRunner().invoke(
        main,
        [
            "report",
            "pack",
            str(ledger),
            "--output",
            str(target),
            "--recipient",
            "省卫健委 张三",
            "--full-register",
        ],
    )
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(target) as archive:
        assert (
            archive.read("registers/救助对象.csv")
            == (demo_folder / "registers" / "救助对象.csv").read_bytes()
        )
    last = read_register(ledger)[-1]
    assert (last["接收人 recipient"], last["救助对象登记册 beneficiary register"]) == (
        "省卫健委 张三",
        "完整 full",
    )


def test_an_older_copy_register_gets_the_new_column_and_keeps_its_lines(demo_folder, tmp_path):
    ledger = tmp_path / "main.beancount"
    shutil.copyfile(demo_folder / "main.beancount", ledger)
    for name in ("documents", "registers", "rosters"):
        shutil.copytree(demo_folder / name, tmp_path / name)
    old = (
        "\ufeff日期 date,接收人 recipient,年度 year,资料 pack,SHA-256,凭证 vouchers\r\n"
        "2026-01-22T10:00:00+08:00,县审计局,2025,2025年度专项检查资料.zip,abc,记-2025-001\r\n"
    )
    (tmp_path / "copy-register.csv").write_text(old, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["report", "pack", str(ledger), "--output", str(tmp_path / "p.zip"), "--recipient", "x"],
    )
    assert result.exit_code == 0, result.output
    lines = read_register(ledger)
    assert [line["接收人 recipient"] for line in lines] == ["县审计局", "x"]
    assert lines[0]["凭证 vouchers"] == "记-2025-001"
    assert lines[1]["救助对象登记册 beneficiary register"] == "脱敏 masked"


def test_the_register_and_rosters_are_in_the_stamp(demo):
    report = build_report("budget", demo, 2026, "en")
    stamped = {Path(digest.path).name for digest in report.stamp.files}
    assert {"main.beancount", "救助对象.csv", "记-2026-009.csv", "记-2026-039.csv"} <= stamped
