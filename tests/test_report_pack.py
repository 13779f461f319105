"""The inspection pack: every report in one workbook and one page, the year's voucher copies."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup
from named_ledgers import CARRYFORWARD, load_named

from reports.copy_register import read_register, register_path
from reports.pack import PackError, write_pack

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


@pytest.fixture(scope="module")
def demo():
    from ledger.loading import load_ledger

    return load_ledger(DEMO)


def test_zip_pack_holds_workbook_page_and_the_years_copies(demo, tmp_path):
    target = write_pack(demo, 2025, "zh", "yuan", tmp_path / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    assert "2025年度专项检查资料.xlsx" in names
    assert "2025年度专项检查资料.html" in names
    copies = [name for name in names if name.startswith("vouchers/")]
    # The demo keeps each copy under documents/ named for its voucher.
    on_file = list((DEMO.parent / "documents").rglob("*.记-2025-*"))
    assert len(copies) == len(on_file) > 40
    assert "vouchers/记-2025-019/2025-06-02.记-2025-019-2.pdf" in copies
    assert not any("2024" in name.split("/")[1] for name in copies)
    copy = DEMO.parent / "documents/Expenses/MCH/Equipment/2025-06-02.记-2025-019.pdf"
    assert files["vouchers/记-2025-019/2025-06-02.记-2025-019.pdf"] == copy.read_bytes()
    # SHA256SUMS names every other file with its digest.
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
    assert set(sums) == set(names) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[name]).hexdigest() == digest for name, digest in sums.items())

    book = openpyxl.load_workbook(io.BytesIO(files["2025年度专项检查资料.xlsx"]))
    assert book.sheetnames[:4] == ["预算执行情况表", "资金到位情况表", "拨款到账明细", "结转结余表"]
    assert {"总账", "凭证登记簿", "凭证编号问题", "检查发现问题"} <= set(book.sheetnames)
    assert {"项目资金情况", "绩效指标完成情况"} <= set(book.sheetnames)
    page = BeautifulSoup(files["2025年度专项检查资料.html"], "html.parser")
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


def test_folder_pack_and_the_copy_register(tmp_path):
    ledger = load_named(tmp_path, CARRYFORWARD)
    target = write_pack(ledger, 2024, "en", "yuan", tmp_path / "pack-2024", recipient="Auditor Li")
    assert sorted(p.name for p in target.iterdir()) == [
        "SEAL.txt",
        "SHA256SUMS",
        "inspection-pack-2024.html",
        "inspection-pack-2024.xlsx",
        "self-evaluation.json",
        "vouchers",
    ]
    assert sorted(p.name for p in (target / "vouchers").iterdir()) == ["V-2024-003", "V-2024-004"]
    [line] = read_register(ledger.path)
    assert line["接收人 recipient"] == "Auditor Li"
    assert line["年度 year"] == "2024"
    assert line["凭证 vouchers"] == "V-2024-003 V-2024-004"
    # A folder has no digest of its own: the register gives its SHA256SUMS's, and says so.
    sums = (target / "SHA256SUMS").read_bytes()
    assert line["SHA-256"] == hashlib.sha256(sums).hexdigest()
    assert line["摘要对象 digest of"] == "SHA256SUMS"

    write_pack(ledger, 2025, "en", "yuan", tmp_path / "pack-2025.zip", recipient="Inspector Wang")
    assert [line["接收人 recipient"] for line in read_register(ledger.path)] == [
        "Auditor Li",
        "Inspector Wang",
    ]
    # Excel needs the byte-order mark to read the register's Chinese as UTF-8.
    assert register_path(ledger.path).read_bytes().startswith(b"\xef\xbb\xbf")


def test_pack_never_overwrites_a_folder_and_records_nothing_then(tmp_path):
    ledger = load_named(tmp_path, CARRYFORWARD)
    existing = tmp_path / "pack"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(PackError, match="already exists"):
        write_pack(ledger, 2024, "en", "yuan", existing, recipient="Auditor Li")
    assert [p.name for p in existing.iterdir()] == ["notes.txt"]
    assert not register_path(ledger.path).exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pack")]


def test_pack_into_a_missing_folder_is_refused(tmp_path):
    ledger = load_named(tmp_path, CARRYFORWARD)
    with pytest.raises(PackError, match="does not exist"):
        write_pack(ledger, 2024, "en", "yuan", tmp_path / "no" / "pack.zip")


def test_pack_defaults_to_the_last_year(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ledger = load_named(tmp_path, CARRYFORWARD)
    target = write_pack(ledger, None, "en", "yuan", None)
    # Packs go to packs/ beside the ledger, not into the working folder.
    assert target == tmp_path / "packs" / "inspection-pack-2027.zip"
    assert zipfile.ZipFile(target).testzip() is None


def test_the_pack_holds_the_evidence_of_the_years_reported_values(demo, tmp_path):
    # The demo reports 2025's 孕产妇系统管理率 and 孕产妇死亡率 from the statistics, and the
    # satisfaction from the survey: two files, each once, listed in SHA256SUMS.
    target = write_pack(demo, 2025, "zh", "yuan", tmp_path / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    folder = DEMO.parent / "documents/performance"
    evidence = {name: content for name, content in files.items() if name.startswith("evidence/")}
    assert evidence == {
        "evidence/2025年清溪县妇幼卫生统计年报.pdf": (
            folder / "2025年清溪县妇幼卫生统计年报.pdf"
        ).read_bytes(),
        "evidence/2025年服务对象满意度调查报告.pdf": (
            folder / "2025年服务对象满意度调查报告.pdf"
        ).read_bytes(),
    }
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
    for name, content in evidence.items():
        assert sums[name] == hashlib.sha256(content).hexdigest()
