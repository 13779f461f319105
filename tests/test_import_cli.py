"""`mch-ledger import identify|extract|archive`, as the person importing runs them."""

from __future__ import annotations

import errno
import os
import shutil
from decimal import Decimal

import pytest
from beancount import loader
from beancount.core import data
from click.testing import CliRunner
from import_helpers import GOLDEN_LEDGER, STATEMENTS, R, with_balances, write_statement

import commands.imports
from commands.main import main


def _run(*arguments):
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


@pytest.fixture
def ledger(tmp_path):
    path = tmp_path / "ledger.beancount"
    shutil.copy(GOLDEN_LEDGER, path)
    return path


def _open_with(ledger, account, amount, date="2024-12-01"):
    """Give `account` the opening balance its statement starts from."""
    with ledger.open("a", encoding="utf-8") as file:
        file.write(f'\n{date} * "期初余额"\n  {account}  {amount} CNY\n  Income:Grant:Provincial\n')


def _transactions(path):
    entries, errors, _ = loader.load_file(str(path))
    assert errors == [], errors
    return [e for e in entries if isinstance(e, data.Transaction)]


def test_identify_names_profile_and_account(ledger):
    result = _run("identify", STATEMENTS / "ccb.xls", "--ledger", ledger)
    assert result.exit_code == 0, result.output
    assert "mch-ledger.ccb (中国建设银行" in result.output
    assert "account 44050123456789012345 -> Assets:Bank:CCB" in result.output
    assert "6 rows 2025-05-06 to 2025-05-30" in result.output


def test_extract_prints_the_new_entries_and_writes_nothing(ledger):
    before = ledger.read_bytes()
    result = _run("extract", STATEMENTS / "boc.txt", "--ledger", ledger)
    assert result.exit_code == 0, result.output
    assert '2025-07-20 ! "宁州市新华书店" "图书资料费"' in result.stdout
    # The statement does not say when it was printed: its last day (28 July) may have gone
    # on, so the balance asserted is that day's opening one, and the summary says why.
    assert (
        "2025-07-28 balance Assets:Bank:BOC                                 21710.00 ~ 0.00 CNY"
        in (result.stdout)
    )
    assert "does not say when it was printed" in result.stderr
    assert ledger.read_bytes() == before


def test_append_adds_entries_atomically_keeping_the_previous_version(ledger):
    _open_with(ledger, "Assets:Bank:ABC", "40000.00")
    before = ledger.read_text(encoding="utf-8")
    result = _run("extract", STATEMENTS / "abc.csv", "--ledger", ledger, "--append", ledger)
    assert result.exit_code == 0, result.output
    assert ledger.with_name("ledger.beancount.bak").read_text(encoding="utf-8") == before
    text = ledger.read_text(encoding="utf-8")
    assert text.startswith(before)
    assert "; imported from abc.csv (mch-ledger import)" in text
    # The ledger still loads without errors: the closing balance 62,088.77 holds exactly.
    assert len([t for t in _transactions(ledger) if "bank-ref" in t.meta]) == 6
    again = _run("extract", STATEMENTS / "abc.csv", "--ledger", ledger, "--append", ledger)
    assert again.exit_code == 0
    assert "nothing new to add" in again.output
    assert ledger.read_text(encoding="utf-8") == text


def test_vouchers_continue_the_ledgers_sequence_and_format(ledger, tmp_path):
    _open_with(ledger, "Assets:Bank:QXRCB", "5100.00")
    with ledger.open("a", encoding="utf-8") as file:
        file.write(
            '\n2025-01-05 * "清溪县宾馆" "会务费"\n  voucher: "付2025第0041"\n'
            "  Expenses:MCH:Management  100.00 CNY\n  Assets:Bank:QXRCB\n"
        )
    rows = with_balances(
        Decimal("5000.00"),
        [R("2025-02-01 09:00", "-200.00", "王丽华", "督导差旅费", "转账", "V1")],
    )
    statement = write_statement(tmp_path / "s.csv", rows)
    assert _run("extract", statement, "--ledger", ledger, "--append", ledger).exit_code == 0
    vouchers = [t.meta["voucher"] for t in _transactions(ledger) if "voucher" in t.meta]
    assert vouchers == ["付2025第0041", "付2025第0042"]


def test_several_statements_in_one_run_number_by_date_and_take_shared_rows_once(ledger, tmp_path):
    _open_with(ledger, "Assets:Bank:QXRCB", "5000.00")
    rows = with_balances(
        Decimal("5000.00"),
        [
            R("2024-12-20 09:00", "-100.00", "王丽华", "督导差旅费", "转账", "A1"),
            R("2024-12-28 09:00", "-200.00", "陈建国", "督导差旅费", "转账", "A2"),
            R("2025-01-03 09:00", "-300.00", "王丽华", "督导差旅费", "转账", "A3"),
            R("2025-01-09 09:00", "-400.00", "陈建国", "督导差旅费", "转账", "A4"),
        ],
    )
    later = write_statement(tmp_path / "later.csv", rows[1:])
    earlier = write_statement(tmp_path / "earlier.csv", rows[:3])
    result = _run("extract", later, earlier, "--ledger", ledger, "--append", ledger)
    assert result.exit_code == 0, result.output
    assert f"{later}: 1 new, 2 already in the ledger" in result.output
    imported = [
        (t.meta["bank-ref"], t.meta["voucher"])
        for t in _transactions(ledger)
        if "voucher" in t.meta
    ]
    assert imported == [
        ("A1", "记-2024-001"),
        ("A2", "记-2024-002"),
        ("A3", "记-2025-001"),
        ("A4", "记-2025-002"),
    ]


def test_archive_files_statements_under_the_documents_folder(ledger, tmp_path):
    with ledger.open("a", encoding="utf-8") as file:
        file.write('\noption "documents" "docs"\n')
    statement = shutil.copy(STATEMENTS / "icbc.csv", tmp_path / "明细下载.csv")
    target = (
        tmp_path / "docs" / "Assets" / "Bank" / "ICBC" / "2025-04-28.icbc.20250401-20250428.csv"
    )
    dry = _run("archive", statement, "--ledger", ledger, "--dry-run")
    assert dry.exit_code == 0 and str(target) in dry.output
    assert not target.exists()
    result = _run("archive", statement, "--ledger", ledger)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (STATEMENTS / "icbc.csv").read_bytes()
    assert not (tmp_path / "明细下载.csv").exists()
    # Filed again: the place is taken, nothing moves.
    again = shutil.copy(STATEMENTS / "icbc.csv", tmp_path / "again.csv")
    refused = _run("archive", again, "--ledger", ledger)
    assert refused.exit_code == 1
    assert "exists already" in refused.output
    assert (tmp_path / "again.csv").exists()


def test_an_unreadable_ledger_exits_2(tmp_path):
    ledger = tmp_path / "ledger.beancount"
    ledger.write_bytes("; 账簿\n".encode("gbk"))
    result = _run("extract", STATEMENTS / "qxrcb.csv", "--ledger", ledger)
    assert result.exit_code == 2
    assert "not UTF-8" in result.output


def test_archive_that_cannot_move_a_statement_is_one_line_and_exit_2(ledger, tmp_path, monkeypatch):
    def read_only(source, target):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(commands.imports.beangulp_archive, "move", read_only)
    statement = shutil.copy(STATEMENTS / "icbc.csv", tmp_path / "明细下载.csv")
    result = _run("archive", statement, "--ledger", ledger, "--destination", tmp_path / "docs")
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith(f"error: {statement}: cannot be moved")
    assert "Traceback" not in result.output
    assert statement.exists()
