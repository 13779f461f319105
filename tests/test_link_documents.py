"""Voucher copies already on file are linked by the voucher number in their names.

`mch-ledger link-documents LEDGER` and the statement importer add `document:` to the entries
whose voucher numbers the files under the documents folders carry (`2026-03-23.记-2026-005.pdf`,
and `2026-11-20 记-2026-045.pdf` as Fava names an upload), in open years only.
"""

from __future__ import annotations

import datetime
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from beancount.core import data
from click.testing import CliRunner
from grant_ledgers import findings_of

from commands.imports import import_group
from commands.main import main
from ledger.linking import Link, LinkError, copy_file, insert_links

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "main.beancount"
STATEMENTS = ROOT / "documents" / "Assets" / "Bank" / "MCH-Special"
EQUIPMENT = Path("documents/Expenses/MCH/Equipment")
DOCUMENT_LINE = re.compile(r"^\s+document(-\d+)?:")


def run(*args: str):
    return CliRunner().invoke(main, ["link-documents", *args])


def _demo_without_copies(tmp_path: Path, years: tuple[str, ...]) -> Path:
    """The demo with the `document` lines of `years`' entries removed, beside its copies."""
    shutil.copytree(ROOT / "documents", tmp_path / "documents")
    for name in ("registers", "rosters"):  # the beneficiary register, the rosters
        shutil.copytree(ROOT / name, tmp_path / name)
    lines, year = [], None
    for line in DEMO.read_text(encoding="utf-8").splitlines(keepends=True):
        if re.match(r"^\d{4}-", line):
            year = line[:4]
        if not (year in years and DOCUMENT_LINE.match(line)):
            lines.append(line)
    ledger = tmp_path / "main.beancount"
    ledger.write_text("".join(lines), encoding="utf-8")
    return ledger


def _missing(ledger: Path) -> list[tuple[int, int]]:
    """(year, line) of each document-missing finding."""
    return [(f.year, f.line) for f in findings_of(ledger) if f.rule == "document-missing"]


def test_the_demos_copies_are_linked_again_in_the_open_year_only(tmp_path):
    ledger = _demo_without_copies(tmp_path, ("2025", "2026"))
    # As Fava names an upload: the date, a space, the name given.
    fava_named = tmp_path / EQUIPMENT / "2026-11-14 记-2026-044.pdf"
    (tmp_path / EQUIPMENT / "2026-11-14.记-2026-044.pdf").rename(fava_named)
    before = ledger.read_text(encoding="utf-8")
    missing = _missing(ledger)
    # 2025 lost 44 copies' links (closed), 2026 lost 39 copies of 35 entries (open).
    assert sum(1 for year, _ in missing if year == 2026) == 35

    dry = run(str(ledger), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "试运行：将为 35 笔分录关联 39 个复印件，未写入任何文件" in dry.stdout
    assert "2025 年度已结账，账目不再改动：该年度 44 个带凭证号的复印件未关联" in dry.stderr
    assert ledger.read_text(encoding="utf-8") == before

    result = run(str(ledger))
    assert result.exit_code == 0, result.output
    assert "已为 35 笔分录关联 39 个复印件（原文件保存为 " in result.stdout
    assert [year for year, _ in _missing(ledger)] == [2025] * len(
        [1 for year, _ in missing if year == 2025]
    )
    text = ledger.read_text(encoding="utf-8")
    assert Path(f"{ledger}.bak").read_text(encoding="utf-8") == before
    # The entry of 记-2026-044 gets both copies, the one without a suffix first, after its
    # own metadata and before its postings.
    entry = text[text.index('  voucher: "记-2026-044"') :].split("\n\n")[0].splitlines()
    assert entry == [
        '  voucher: "记-2026-044"',
        '  bank-ref: "QX20261114000147"',
        "  attachments: 2",
        '  asset: "ZC-2026-005"',
        '  document: "2026-11-14 记-2026-044.pdf"',
        '  document-2: "2026-11-14.记-2026-044-2.pdf"',
        "  Expenses:MCH:Equipment  12590.00 CNY",
        "  Assets:Bank:MCH-Special",
    ]
    again = run(str(ledger))
    assert "没有需要关联的复印件" in again.stdout
    assert ledger.read_text(encoding="utf-8") == text


def test_an_import_links_the_copies_of_the_rows_it_numbers(tmp_path):
    """The issue's case: 2026 imported anew, the copies of its vouchers already on file."""
    ledger = _demo_without_copies(tmp_path, ())
    paragraphs = re.split(r"\n(?=\S)", ledger.read_text(encoding="utf-8"))
    kept = [
        p
        for p in paragraphs
        if not (p.startswith("2026") and ("bank-ref:" in p or " balance " in p))
    ]
    ledger.write_text("\n".join(kept), encoding="utf-8")
    [statement] = STATEMENTS.glob("2026-*.xlsx")
    arguments = [str(statement), "--ledger", str(ledger), "--append", str(ledger)]
    result = CliRunner().invoke(import_group, ["extract", *arguments])
    assert result.exit_code == 0, result.output
    # Every copy is linked. A bank statement cannot tell which cards a payment bought: the
    # six equipment payments ask for theirs (asset-missing), and the two payments to 华康 in
    # April, no longer one contract, look like one purchase split in parts. Who each of the 11
    # relief payments paid is the accountant's to add too (no bank row says).
    findings = findings_of(ledger)
    assert sorted(f.rule for f in findings) == (
        ["asset-missing"] * 6 + ["beneficiary-missing"] * 11 + ["procurement-split"]
    )
    assert '  document: "2026-03-23.记-2026-005.pdf"\n' in ledger.read_text(encoding="utf-8")


NUMBERED_AFRESH = """
2024-01-02 * "Province" "allocation"
  voucher: "记-001"
  Income:Funding:Province  -100000.00 CNY
  Assets:Bank:Grant-Account

2024-03-01 * "Hotel" "meeting"
  voucher: "记-002"
  Expenses:Program:Admin  500.00 CNY
  Assets:Bank:Grant-Account

2025-03-01 * "Hotel" "meeting"
  voucher: "记-002"
  Expenses:Program:Admin  400.00 CNY
  Assets:Bank:Grant-Account

2025-03-02 * "Trainer" "course"
  voucher: "记-003"
  Expenses:Program:Training  300.00 CNY
  Assets:Bank:Grant-Account

2025-03-03 * "Trainer" "course"
  voucher: "记-003"
  Expenses:Program:Training  200.00 CNY
  Assets:Bank:Grant-Account
"""


def _scans(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"%PDF-1.4 scan\n")


def test_numbers_that_start_again_each_year_are_told_apart_by_the_date(write_ledger, tmp_path):
    ledger = write_ledger('option "documents" "scans"\n', NUMBERED_AFRESH)
    scans = tmp_path / "scans"
    _scans(scans, "2024-03-01.记-002.pdf", "2025-03-01 记-002.pdf", "2025-03-02.记-003.pdf")
    _scans(scans, "记-002.pdf", "2025-03-05.记-0021.pdf", "2026-01-04.记-002.pdf")
    result = run(str(ledger))
    assert result.exit_code == 0, result.output
    text = ledger.read_text(encoding="utf-8")
    meeting_2024, meeting_2025 = (text[text.index(f"{year}-03-01 *") :] for year in (2024, 2025))
    assert meeting_2024.splitlines()[2] == '  document: "scans/2024-03-01.记-002.pdf"'
    assert meeting_2025.splitlines()[2] == '  document: "scans/2025-03-01 记-002.pdf"'
    # 记-003 names two entries of 2025: the scan is left for the accountant to place.
    assert text.count("记-003.pdf") == 0
    assert "voucher 记-003 names several entries of one period" in result.stderr
    # Undated, of another number, of a year the number does not reach: none is linked.
    for name in ("记-002.pdf", "2025-03-05.记-0021.pdf", "2026-01-04.记-002.pdf"):
        assert f'"scans/{name}"' not in text
    # The undated 记-002.pdf: the number is right in each year, the name cannot tell which.
    [undated] = [line for line in result.stderr.splitlines() if "记-002.pdf:" in line]
    assert "/记-002.pdf: not linked, voucher 记-002 is used in several periods (" in undated
    places = undated.split(" periods (")[1].split(")")[0].split(", ")
    assert [place.rsplit(":", 1)[0] for place in places] == [str(ledger)] * 2
    assert undated.endswith(
        ") and the file's name carries no date, so its period cannot be told: put its entry's "
        "date in front of the name (such as 2025-03-01.记-002.pdf), or drag the scan onto the "
        "right entry in Fava's journal"
    )


def test_an_undated_name_of_a_number_used_each_year_asks_for_its_date_in_chinese(
    write_ledger, tmp_path
):
    chinese = '2024-01-01 custom "fava-option" "language" "zh"\n'
    ledger = write_ledger('option "documents" "scans"\n', chinese, NUMBERED_AFRESH)
    _scans(tmp_path / "scans", "记-002 发票.pdf")
    result = run(str(ledger))
    assert result.exit_code == 0, result.output
    assert "发票" not in ledger.read_text(encoding="utf-8")
    assert "而文件名中没有日期，无法判断属于哪一期：请在文件名前加上所属分录的日期" in result.stderr
    assert "（如 2025-03-01.记-002 发票.pdf）" in result.stderr
    assert "重号" not in result.stderr


def test_a_closed_year_is_sealed(write_ledger, tmp_path):
    ledger = write_ledger(
        'option "documents" "scans"\n',
        NUMBERED_AFRESH.split("2025-03-01")[0],
        '2025-01-20 custom "grant-close" 2024\n',
    )
    _scans(tmp_path / "scans", "2024-03-01.记-002.pdf")
    before = ledger.read_text(encoding="utf-8")
    result = run(str(ledger))
    assert result.exit_code == 0
    assert "fiscal year 2024 is closed and its books are sealed: 1 copies" in result.stderr
    assert ledger.read_text(encoding="utf-8") == before
    assert not Path(f"{ledger}.bak").exists()


def test_an_entry_in_an_included_file_is_linked_in_that_file(write_ledger, tmp_path):
    (tmp_path / "2024").mkdir()
    included = tmp_path / "2024" / "entries.beancount"
    included.write_text(textwrap.dedent(NUMBERED_AFRESH.split("2025-03-01")[0]), encoding="utf-8")
    ledger = write_ledger('option "documents" "scans"\ninclude "2024/entries.beancount"\n')
    _scans(tmp_path / "scans" / "Expenses" / "Program" / "Admin", "2024-03-01.记-002.pdf")
    before = ledger.read_text(encoding="utf-8")
    assert run(str(ledger)).exit_code == 0
    assert ledger.read_text(encoding="utf-8") == before
    # Beancount's documents plugin finds the scan by its name: the name is enough, as Fava writes.
    assert '  document: "2024-03-01.记-002.pdf"\n' in included.read_text(encoding="utf-8")
    assert findings_of(ledger) == []


def test_a_ledger_without_a_grant_is_refused(tmp_path):
    ledger = tmp_path / "plain.beancount"
    ledger.write_text("2024-01-01 open Assets:Cash\n", encoding="utf-8")
    result = run(str(ledger))
    assert result.exit_code == 3
    assert "declares no grant" in result.stderr


def test_an_entry_no_longer_where_it_was_read_is_refused():
    meta = data.new_metadata("ledger.beancount", 1)
    entry = data.Transaction(meta, datetime.date(2024, 3, 1), "*", "Hotel", "", set(), set(), [])
    link = Link(entry, "document", "a.pdf", "/x/a.pdf")
    with pytest.raises(LinkError):
        insert_links('; the file changed\n2024-03-01 * "Hotel"\n', [link])


def test_what_a_file_name_says():
    copy = copy_file("/books/documents/2026-11-20 记-2026-045-2.pdf")
    assert copy.date == datetime.date(2026, 11, 20)
    assert copy.stem == "记-2026-045-2"
    assert copy.numbers == ["记-2026-045-2", "记-2026-045", "记-2026"]
    assert copy_file("/d/付字2025第0041号.pdf").numbers == [
        "付字2025第0041号",
        "付字2025第0041",
        "付字2025",
    ]
