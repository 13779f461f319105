"""The asset register in the demo and on Fava's grant page.

The demo's register (registers/固定资产.xlsx) holds the cards of its three years; 2026's
purchases name theirs, the contract QXFY-CG-2026-02 keeps its quotation record, and the books
stay clean. Figures below are worked out from main.beancount and the register by hand.
"""

from __future__ import annotations

import datetime
import zipfile
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from asset_helpers import EACH_RULE, INSTALMENTS, copy_asset_ledger, register_rows
from test_fava_grant_page import Fava, demo_copy, rows_of, with_extension

from ledger.assets import register
from ledger.loading import load_ledger
from reports.build import build_report
from reports.pack import write_pack

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


@pytest.fixture(scope="module")
def demo():
    return load_ledger(DEMO)


def test_the_demo_register_holds_the_equipment_of_three_years(demo):
    assets = demo.grant.assets
    assert assets.register_errors == []
    cards = assets.cards
    assert len(cards) == 16
    by_year: dict[int, Decimal] = {}
    for card in cards.values():
        year = int(card.number[3:7])
        by_year[year] = by_year.get(year, Decimal(0)) + card.value
    # Equipment bought (spent 78,460.00 / 79,380.00 / 62,800.00) less what was bought in
    # items each below 1,000: 2,910.00 + 2,350.00; 2,260.00 + 1,320.00; 3,440.00 + 2,650.00.
    assert by_year == {
        2024: Decimal("73200.00"),
        2025: Decimal("75800.00"),
        2026: Decimal("56710.00"),
    }
    transferred = cards["ZC-2024-002"]
    assert (transferred.state, transferred.changed, transferred.approval) == (
        "调拨",
        datetime.date(2026, 6, 18),
        "清卫资〔2026〕12号",
    )
    assert str(demo.grant.config.register_files[0]).endswith("registers/固定资产.xlsx")
    assert any(path.endswith("固定资产.xlsx") for path in demo.files)


def test_the_demos_2026_purchases_name_their_cards(demo):
    accounts = demo.grant.assets.accounts
    paid = {number: account.paid for number, account in accounts.items()}
    assert paid == {
        "ZC-2026-001": Decimal("19330.00"),
        "ZC-2026-002": Decimal("6085.00"),  # one payment of 12,170.00 for two cards
        "ZC-2026-003": Decimal("6085.00"),
        "ZC-2026-004": Decimal("12620.00"),
        "ZC-2026-005": Decimal("12590.00"),
    }
    [contract] = [p for p in demo.grant.assets.purchases if p.contract == "QXFY-CG-2026-02"]
    assert contract.total == Decimal("24790.00")
    assert demo.grant.assets.recorded(contract)
    assert demo.grant.assets.splits == []


def test_the_demos_asset_report(demo):
    report = build_report("assets", demo, 2026, "zh")
    cards, payments, stocktake, purchases = report.tables
    assert [row.values["card"] for row in cards.entries] == [
        "ZC-2024-002",
        *(f"ZC-2026-00{n}" for n in range(1, 6)),
    ]
    [subtotal] = [row for row in payments.rows if row.role == "subtotal"]
    # 62,800.00 of equipment in 2026: 56,710.00 to cards, 6,090.00 in items below 1,000.
    assert (subtotal.values["amount"], subtotal.values["to_cards"]) == (
        Decimal("62800.00"),
        Decimal("56710.00"),
    )
    assert subtotal.values["exempted"] == Decimal("6090.00")
    groups = {
        row.values["location"]: (row.values["quantity"], row.values["value"])
        for row in stocktake.rows
        if row.role == "subtotal"
    }
    # At 2026-12-31, fifteen items: the Doppler monitor transferred to 石桥乡卫生院 is gone.
    assert sum(quantity for quantity, _ in groups.values()) == 15
    assert groups["产房"] == (3, Decimal("36920.00"))
    assert "石桥乡卫生院" not in groups
    assert [row.values["record"] for row in purchases.entries] == [
        "2026-04-15.QXFY-CG-2026-02.询价记录.pdf"
    ]


def test_the_demos_2024_stocktake_lists_the_monitor_transferred_in_2026_where_it_was(demo):
    stocktake = build_report("assets", demo, 2024, "zh").tables[2]
    [row] = [row.values for row in stocktake.entries if row.values["card"] == "ZC-2024-002"]
    # The register keeps where it was before its transfer (原存放地点, 原保管人).
    assert (row["location"], row["custodian"], row["state"]) == ("产科门诊", "张敏", "在用")
    assert row["note"] is None
    assert sum(row.values["quantity"] for row in stocktake.entries) == 6
    assert stocktake.notes[0].startswith("截至 2024-12-31 在用的资产")


def test_the_2026_pack_holds_the_procurement_record(demo, tmp_path):
    target = write_pack(demo, 2026, "zh", "yuan", tmp_path / "pack.zip")
    names = zipfile.ZipFile(target).namelist()
    assert "vouchers/记-2026-012/2026-04-15.QXFY-CG-2026-02.询价记录.pdf" in names


def test_the_register_is_read_once_per_version(tmp_path, monkeypatch):
    reads = []
    real = register.read_register
    monkeypatch.setattr(register, "read_register", lambda *a: reads.append(a) or real(*a))
    ledger = copy_asset_ledger(tmp_path, INSTALMENTS)
    loaded = load_ledger(ledger)
    for kind in ("assets", "budget", "findings"):
        build_report(kind, loaded, None, "en")
    load_ledger(ledger)  # a second load of the unchanged register
    assert len(reads) == 1
    rows = register_rows(INSTALMENTS)
    rows[1][4] = "15000.00"
    copy_asset_ledger(tmp_path, INSTALMENTS, rows=rows)  # the register changed: read again
    assert load_ledger(ledger).grant.assets.cards["ZC-2025-011"].value == Decimal("15000.00")
    assert len(reads) == 2


def test_the_grant_page_shows_the_years_cards(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    rows = rows_of(fava.page(), "assets")
    assert list(rows) == ["ZC-2024-002", *(f"ZC-2026-00{n}" for n in range(1, 6))]
    assert rows["ZC-2026-002"]["paid"] == "6,085.00"
    assert rows["ZC-2026-002"]["vouchers"] == "记-2026-012"
    assert rows["ZC-2026-002"]["status"] == "账卡相符"
    assert rows["ZC-2024-002"]["state"] == "调拨"
    data = fava.get("extension/GrantPage/data", year="2026").get_json()
    assert [row["card"] for row in data["assets"]["cards"]][1:3] == ["ZC-2026-001", "ZC-2026-002"]
    # 2025 has no grant-assets yet: its cards still show (they were received in 2025).
    rows = rows_of(fava.page(time="2025"), "assets")
    assert rows["ZC-2025-003"]["status"] == "规则生效前购置"


def test_register_findings_are_listed_without_an_editor_link(tmp_path):
    ledger = with_extension(copy_asset_ledger(tmp_path, EACH_RULE))
    page = Fava(ledger).page(time="2025")
    rows = page.select('section[data-section="findings"] tr.finding')
    register_rows_ = [row for row in rows if row["data-rule"] == "asset-disposal-unapproved"]
    # Row 19 changed in 2025; row 20 has no date, so it is about no year in particular.
    assert [row.select("td")[2].get_text(strip=True) for row in register_rows_] == [
        f"{EACH_RULE}.csv:19",
        f"{EACH_RULE}.csv:20",
    ]
    assert all(row.select_one("a.source") is None for row in register_rows_)
    ledger_rows = [row for row in rows if row["data-rule"] == "asset-value-mismatch"]
    link = urlsplit(ledger_rows[0].select_one("a.source")["href"])
    assert link.path.endswith("/editor/")


def test_a_register_that_does_not_read_is_said_on_the_page_and_refuses_downloads(tmp_path):
    rows = register_rows(INSTALMENTS)
    ledger = with_extension(copy_asset_ledger(tmp_path, INSTALMENTS, rows=[*rows, rows[1]]))
    fava = Fava(ledger)
    page = fava.page(time="2025")
    assert page.select_one('section[data-section="assets"]') is None
    messages = " ".join(p.get_text() for p in page.select("p.message"))
    assert "第 4 行，“卡片编号”列" in messages
    response = fava.get("extension/GrantPage/excel", year="2025")
    assert response.status_code == 500
    assert "第 4 行，“卡片编号”列" in response.get_data(as_text=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "copy.pdf",
        f"{INSTALMENTS}.beancount",
        f"{INSTALMENTS}.csv",
    ]
