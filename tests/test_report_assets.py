"""`mch-ledger report assets` (固定资产登记表): hand-worked figures, formats, the pack, refusals.

A register that does not read refuses the report and the pack, and nothing is written.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from asset_helpers import EACH_RULE, INSTALMENTS, copy_asset_ledger, register_rows
from bs4 import BeautifulSoup
from click.testing import CliRunner

from commands.main import main
from ledger.loading import load_ledger
from reports.build import build_report
from reports.pack import write_pack


def run(*args: str):
    return CliRunner().invoke(main, ["report", *args])


@pytest.fixture
def each_rule(tmp_path):
    return copy_asset_ledger(tmp_path, EACH_RULE)


def report_json(ledger, *args: str) -> dict:
    result = run("assets", str(ledger), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cards_show_what_their_payments_add_up_to(each_rule):
    data = report_json(each_rule, "--year", "2025")
    cards = {row["card"]: row for row in data["cards"]}
    # Cards paid, received or changed in 2025 (ZC-091 and ZC-093 were transferred in 2025).
    assert list(cards) == [f"ZC-0{n:02d}" for n in range(1, 13)] + ["ZC-091", "ZC-093"]
    assert cards["ZC-004"]["value"] == "12620.00"
    assert cards["ZC-004"]["paid"] == "12260.00"
    assert cards["ZC-004"]["difference"] == "-360.00"
    assert cards["ZC-004"]["status"] == "books and card differ"
    assert cards["ZC-008"]["value"] == "20000.00"  # 2 x 10,000.00
    assert cards["ZC-008"]["vouchers"] == "V-2025-012 V-2025-013"
    assert cards["ZC-008"]["copies"] == "copy.pdf"
    # A deposit in 2025 and the final payment in 2026: paid in full.
    assert (cards["ZC-011"]["paid"], cards["ZC-011"]["status"]) == (
        "14210.00",
        "books and card agree",
    )
    assert cards["ZC-091"]["paid"] is None
    assert cards["ZC-091"]["status"] == "bought before the rules"  # received in 2023
    [total] = data["cards_totals"]
    # 150,330.00: the fourteen cards' values; 133,970.00 paid (ZC-091 and ZC-093 unpaid).
    assert (total["value"], total["paid"]) == ("150330.00", "133970.00")


def test_an_open_years_part_payment_is_being_paid(each_rule):
    cards = {row["card"]: row for row in report_json(each_rule, "--year", "2026")["cards"]}
    assert (cards["ZC-014"]["paid"], cards["ZC-014"]["status"]) == (
        "2000.00",
        "being paid (year open)",
    )


def test_payments_reconcile_with_the_cards_per_year(each_rule):
    data = report_json(each_rule, "--year", "2025")
    payments = data["payments"]
    # Every 2025 payment at or above its threshold or naming a card: sixteen; the 1,400.00 on
    # the Specialist account (threshold 1,500.00) is not one.
    assert len(payments) == 16
    assert "specialist probe, below its threshold" not in {p["narration"] for p in payments}
    statuses = {p["voucher"]: p["status"] for p in payments}
    assert statuses["V-2025-006"] == "no card"
    assert statuses["V-2025-007"] == "no fixed asset"
    assert statuses["V-2025-010"] == "card not in the register"
    [subtotal] = data["payments_totals"]
    # 129,960.00 = 125,660.00 to cards + 1,500.00 exempt + 2,800.00 (1,200.00 + 1,600.00).
    assert subtotal["amount"] == "129960.00"
    assert (subtotal["to_cards"], subtotal["exempted"], subtotal["without_card"]) == (
        "125660.00",
        "1500.00",
        "2800.00",
    )


def test_stocktake_is_grouped_by_location_and_custodian(each_rule):
    data = report_json(each_rule, "--year", "2025")
    groups = [
        (row["location"], row["custodian"], row["quantity"], row["value"])
        for row in data["stocktake_totals"]
    ]
    # Held on 2025-12-31: ZC-006 and ZC-011 were accepted in 2026, ZC-091/093 transferred,
    # ZC-090/092 scrapped.
    assert groups == [
        ("Delivery room", "Zhao", 3, "41000.00"),
        ("Ward A", "Li", 3, "31295.00"),
        ("Ward B", "Wang", 5, "45325.00"),
    ]
    cards = [(row["location"], row["card"]) for row in data["stocktake"]]
    assert cards == [
        ("Delivery room", "ZC-007"),
        ("Delivery room", "ZC-008"),
        ("Ward A", "ZC-001"),
        ("Ward A", "ZC-002"),
        ("Ward A", "ZC-009"),
        ("Ward B", "ZC-003"),
        ("Ward B", "ZC-004"),
        ("Ward B", "ZC-005"),
        ("Ward B", "ZC-010"),
        ("Ward B", "ZC-012"),
    ]
    # Every year: the register as it stands, fifteen cards in use, ZC-008 of two items.
    every = report_json(each_rule)
    assert sum(row["quantity"] for row in every["stocktake_totals"]) == 16


def test_a_past_years_stocktake_shows_each_item_as_it_stood_then(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    stocktake = report_json(ledger, "--year", "2024")["stocktake"]
    # Held on 2024-12-31: ZC-091 and ZC-093, transferred in 2025, were still in use (ZC-005 has
    # no acceptance date). The register keeps only where they went: noted.
    rows = {row["card"]: row for row in stocktake}
    assert list(rows) == ["ZC-091", "ZC-005", "ZC-093"]
    assert {row["state"] for row in stocktake} == {"在用"}
    assert (rows["ZC-093"]["location"], rows["ZC-093"]["custodian"]) == ("Ward B", "Wang")
    assert rows["ZC-093"]["note"] == (
        "调拨 on 2025-10-01 (清卫资〔2025〕3号); the register keeps no former location or "
        "custodian: these are the ones after the change"
    )
    assert rows["ZC-091"]["note"].startswith("调拨 on 2025-09-01; ")
    assert rows["ZC-005"]["note"] is None
    # A register keeping where ZC-093 was before its transfer: the sheet shows it there.
    register = register_rows(EACH_RULE)
    register[1] += ["原存放地点", "原保管人"]
    for row in register[2:]:
        row += ["Store", "Chen"] if row[0] == "ZC-093" else ["", ""]
    (tmp_path / "former").mkdir()
    ledger = copy_asset_ledger(tmp_path / "former", EACH_RULE, rows=register)
    stocktake = report_json(ledger, "--year", "2024")["stocktake"]
    rows = {row["card"]: row for row in stocktake}
    assert (rows["ZC-093"]["location"], rows["ZC-093"]["custodian"]) == ("Store", "Chen")
    assert (rows["ZC-093"]["state"], rows["ZC-093"]["note"]) == ("在用", None)
    # Once the transfer is made (2025), the item is no longer on the sheet.
    assert "ZC-093" not in {
        row["card"] for row in report_json(ledger, "--year", "2025")["stocktake"]
    }


def test_the_stocktake_of_every_year_is_dated_the_books_last_day(each_rule):
    loaded = load_ledger(each_rule)
    every = build_report("assets", loaded, None, "en").tables[2]
    assert every.notes[0].startswith("Assets held on 2026-04-02, ")  # the last transaction
    year = build_report("assets", loaded, 2025, "en").tables[2]
    assert year.notes[0].startswith("Assets held on 2025-12-31, ")


def test_procurement_records(each_rule):
    purchases = report_json(each_rule, "--year", "2025")["purchases"]
    assert [(p["voucher"], p["contract"], p["total"], p["status"]) for p in purchases] == [
        ("V-2025-011", None, "21000.00", "no record"),
        ("V-2025-012 V-2025-013", "C-1", "20000.00", "no record"),
    ]


def test_text_csv_html_and_excel(each_rule, tmp_path):
    text = run("assets", str(each_rule), "--year", "2025", "--lang", "zh").output
    assert "2025年度固定资产登记表" in text and "固定资产盘点表" in text
    assert "Ward B / Wang 小计" in text
    rows = list(csv.reader(io.StringIO(run("assets", str(each_rule), "--format", "csv").output)))
    assert ["Card", "Asset", "Model"] in [row[:3] for row in rows]
    assert ["Location", "Custodian", "Card"] in [row[:3] for row in rows]
    page = BeautifulSoup(run("assets", str(each_rule), "--format", "html").output, "html.parser")
    assert page.find("section", attrs={"data-kind": "assets"}) is not None
    target = tmp_path / "assets.xlsx"
    result = run("assets", str(each_rule), "--format", "xlsx", "--output", str(target))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "Asset cards",
        "Payments and cards",
        "Stocktake sheet",
        "Procurement records",
    ]
    sheet = book["Asset cards"]
    header = [cell.value for cell in sheet[4]]
    value = sheet.cell(5, header.index("Value") + 1)
    assert (value.value, value.number_format) == (14210, "#,##0.00")


def test_the_pack_holds_the_asset_report(tmp_path):
    ledger = load_ledger(copy_asset_ledger(tmp_path, INSTALMENTS))
    target = write_pack(ledger, 2025, "zh", "yuan", tmp_path / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        book = openpyxl.load_workbook(io.BytesIO(archive.read("2025年度专项检查资料.xlsx")))
        page = BeautifulSoup(archive.read("2025年度专项检查资料.html"), "html.parser")
    assert {"固定资产卡片", "大额设备付款与卡片核对", "固定资产盘点表"} <= set(book.sheetnames)
    kinds = [section["data-kind"] for section in page.find_all("section")]
    assert kinds == [
        "budget",
        "funding",
        "balances",
        "performance",
        "ledger",
        "vouchers",
        "assets",
        "findings",
    ]


def test_a_ledger_without_a_register_has_no_asset_report_in_its_pack(tmp_path):
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS)
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace('custom "grant-assets"', 'custom "not-assets"'), "utf-8")
    loaded = load_ledger(ledger)
    target = write_pack(loaded, 2025, "en", "yuan", tmp_path / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        page = BeautifulSoup(archive.read("inspection-pack-2025.html"), "html.parser")
    assert "assets" not in [section["data-kind"] for section in page.find_all("section")]
    report = build_report("assets", loaded, None, "en")
    assert report.tables[0].notes == ["The ledger names no asset register (grant-assets)."]


def test_a_register_that_does_not_read_refuses_report_and_pack(tmp_path):
    rows = register_rows(INSTALMENTS)
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS, rows=[*rows, list(rows[1])])
    register = ledger.with_suffix(".csv")
    target = tmp_path / "assets.xlsx"
    result = run("assets", str(ledger), "--format", "xlsx", "--output", str(target))
    assert result.exit_code == 1
    # The ledger speaks Chinese: the place, then what is wrong, in its words.
    assert f"{register}：第 4 行，“卡片编号”列：ZC-2025-011 已是第 2 行的编号" in result.output
    assert "未生成任何文件" in result.output
    assert not target.exists()
    pack = tmp_path / "pack.zip"
    result = run("pack", str(ledger), "--year", "2025", "--output", str(pack))
    assert result.exit_code == 1
    assert "第 4 行，“卡片编号”列" in result.output
    # Nor to its default place: no packs/ folder is left behind.
    result = run("pack", str(ledger), "--year", "2025")
    assert result.exit_code == 1
    assert "第 4 行，“卡片编号”列" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "copy.pdf",
        f"{INSTALMENTS}.beancount",
        f"{INSTALMENTS}.csv",
    ]
    # The other reports still read the books; they say there are findings.
    budget = run("budget", str(ledger), "--format", "json")
    assert budget.exit_code == 0
    assert json.loads(budget.output)["notes"]


def test_report_figures_are_decimal_in_the_table(tmp_path):
    loaded = load_ledger(copy_asset_ledger(tmp_path, INSTALMENTS))
    report = build_report("assets", loaded, 2026, "zh")
    cards = {row.values["card"]: row.values for row in report.tables[0].entries}
    assert cards["ZC-2025-011"]["paid"] == Decimal("14210.00")
    assert cards["ZC-2025-011"]["vouchers"] == "记-2025-003 记-2026-004"
