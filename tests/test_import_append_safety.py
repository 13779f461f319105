"""`import extract --append` cannot lose or double an entry, nor break the ledger's file.

The rows of issue 10 about the importer, each as the user meets it:

- two `--append` at once (two real processes) number vouchers that never clash, take each row
  of the same statement once, and lose no import: the second waits for the ledger's lock, then
  reads what the first wrote;
- `--append` onto a symlinked ledger writes the link's target and keeps the link;
- a read-only folder or a full disk is one line naming the file, exit 2, never a traceback, and
  the ledger is as it was.

The processes run `mch-ledger` with Beancount's loader slowed by a second after each load, so
that on the old code both would have read the ledger before either wrote it.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from beancount import loader
from beancount.core import data
from click.testing import CliRunner
from import_helpers import GOLDEN_LEDGER, R, with_balances, write_statement

import commands.imports
import ledger.atomic
import ledger.locking
from commands.main import main

OPENING = '\n2025-01-01 * "期初余额"\n  Assets:Bank:QXRCB  5000.00 CNY\n  Income:Grant:Provincial\n'

#: `mch-ledger` whose every ledger load is followed by a pause of `sys.argv[1]` seconds.
SLOW_CLI = textwrap.dedent(
    """
    import sys
    import time

    from beancount import loader

    load = loader._load
    pause = float(sys.argv[1])


    def slow_load(*args, **kwargs):
        result = load(*args, **kwargs)
        time.sleep(pause)
        return result


    loader._load = slow_load
    from commands.main import main

    sys.argv = ["mch-ledger", *sys.argv[2:]]
    main()
    """
)


def _rows(prefix, day):
    return [
        R(f"2025-03-{day:02d} 09:00", "-100.00", "王丽华", "督导差旅费", "转账", f"{prefix}1"),
        R(f"2025-03-{day:02d} 10:00", "-200.00", "陈建国", "培训费", "转账", f"{prefix}2"),
        R(f"2025-03-{day:02d} 11:00", "-300.00", "清溪县宾馆", "会务费", "转账", f"{prefix}3"),
    ]


@pytest.fixture
def books(tmp_path):
    path = tmp_path / "ledger.beancount"
    shutil.copy(GOLDEN_LEDGER, path)
    with path.open("a", encoding="utf-8") as file:
        file.write(OPENING)
    return path


def _transactions(path):
    entries, errors, _ = loader.load_file(str(path))
    assert errors == [], errors
    return [e for e in entries if isinstance(e, data.Transaction) and "bank-ref" in e.meta]


def _at_once(tmp_path, books, *statements):
    """Run one `--append` per statement, all at the same time; their (exit, stderr)."""
    script = tmp_path / "slow_cli.py"
    script.write_text(SLOW_CLI, encoding="utf-8")
    target = ["--ledger", str(books), "--append", str(books)]
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), "1.0", "import", "extract", str(statement), *target],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for statement in statements
    ]
    results = []
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        results.append((process.returncode, stderr))
    return results


def test_two_imports_at_once_number_vouchers_that_never_clash(tmp_path, books):
    # Two statements of the same month: one of the 2nd, one of the 20th (balances run on).
    first = with_balances(Decimal("5000.00"), _rows("A", 2))
    second = with_balances(Decimal("4400.00"), _rows("B", 20))
    results = _at_once(
        tmp_path,
        books,
        write_statement(tmp_path / "a.csv", first, end="2025-03-31"),
        write_statement(tmp_path / "b.csv", second, end="2025-03-31"),
    )
    assert [code for code, _ in results] == [0, 0], results
    imported = _transactions(books)
    # No import is lost: all six rows, each once.
    assert sorted(t.meta["bank-ref"] for t in imported) == ["A1", "A2", "A3", "B1", "B2", "B3"]
    vouchers = [t.meta["voucher"] for t in imported]
    assert sorted(vouchers) == [f"记-2025-00{n}" for n in range(1, 7)]


def test_the_same_statement_twice_at_once_gives_each_row_once(tmp_path, books):
    rows = with_balances(Decimal("5000.00"), _rows("S", 2))
    statement = write_statement(tmp_path / "s.csv", rows, end="2025-03-31")
    copy = shutil.copy(statement, tmp_path / "s-again.csv")
    results = _at_once(tmp_path, books, statement, copy)
    assert [code for code, _ in results] == [0, 0], results
    assert sorted(t.meta["bank-ref"] for t in _transactions(books)) == ["S1", "S2", "S3"]
    # One of them found everything already there, and said so.
    said = [stderr for _, stderr in results if "nothing new to add" in stderr]
    assert len(said) == 1, results
    assert "0 new, 3 already in the ledger" in said[0]


def _append(books, statement, target=None):
    target = target or books
    return CliRunner().invoke(
        main,
        ["import", "extract", str(statement), "--ledger", str(books), "--append", str(target)],
    )


def test_append_onto_a_symlinked_ledger_writes_its_target_and_keeps_the_link(tmp_path, books):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "books.beancount"
    shutil.move(books, real)
    link = tmp_path / "ledger.beancount"
    link.symlink_to(real)
    rows = with_balances(Decimal("5000.00"), _rows("L", 2))
    result = _append(link, write_statement(tmp_path / "s.csv", rows, end="2025-03-31"))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert [t.meta["bank-ref"] for t in _transactions(real)] == ["L1", "L2", "L3"]
    assert (tmp_path / "real" / "books.beancount.bak").exists()


def _refused_in_one_line(result, books, before, reason):
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"error: {books}: cannot be written ({reason}): nothing was changed"
    )
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert books.read_bytes() == before
    assert not [p for p in books.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_is_one_line_naming_the_file(tmp_path, books, monkeypatch):
    before = books.read_bytes()

    def full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(ledger.atomic.os, "fsync", full)
    rows = with_balances(Decimal("5000.00"), _rows("F", 2))
    result = _append(books, write_statement(tmp_path / "s.csv", rows, end="2025-03-31"))
    _refused_in_one_line(result, books, before, os.strerror(errno.ENOSPC))


def test_a_full_disk_never_replaces_a_good_backup(tmp_path, books, monkeypatch):
    # Issue 10: the ledger stayed whole, but main.beancount.bak became a truncated copy.
    good = b"; the previous version, kept\n" + books.read_bytes()
    backup = books.with_name(books.name + ".bak")
    backup.write_bytes(good)
    before = books.read_bytes()

    def copy_onto_a_full_disk(source, target, **kwargs):
        """The disk fills up halfway through the copy."""
        content = Path(source).read_bytes()
        Path(target).write_bytes(content[: len(content) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfile", copy_onto_a_full_disk)
    rows = with_balances(Decimal("5000.00"), _rows("B", 2))
    result = _append(books, write_statement(tmp_path / "s.csv", rows, end="2025-03-31"))
    _refused_in_one_line(result, books, before, os.strerror(errno.ENOSPC))
    assert backup.read_bytes() == good
    assert not [p for p in books.parent.iterdir() if p.name.startswith(".") and "bak" in p.name]


def test_a_read_only_file_system_is_one_line_naming_the_file(tmp_path, books, monkeypatch):
    before = books.read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(ledger.atomic.tempfile, "mkstemp", read_only)
    rows = with_balances(Decimal("5000.00"), _rows("R", 2))
    result = _append(books, write_statement(tmp_path / "s.csv", rows, end="2025-03-31"))
    _refused_in_one_line(result, books, before, os.strerror(errno.EROFS))


def test_a_folder_where_the_lock_cannot_be_made_is_one_line_naming_the_file(
    tmp_path, books, monkeypatch
):
    before = books.read_bytes()

    class ReadOnlyFolder:
        """The lock file of a folder nobody may write in cannot be created."""

        def __init__(self, path, **kwargs):
            self.path = path

        def acquire(self, timeout):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), self.path)

    monkeypatch.setattr(ledger.locking, "FileLock", ReadOnlyFolder)
    rows = with_balances(Decimal("5000.00"), _rows("P", 2))
    result = _append(books, write_statement(tmp_path / "s.csv", rows, end="2025-03-31"))
    _refused_in_one_line(result, books, before, os.strerror(errno.EACCES))


def test_books_another_writer_holds_are_one_line_and_exit_2(tmp_path, books, monkeypatch):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\nfrom ledger.locking import ledger_lock\n"
            "with ledger_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n"
            "    time.sleep(60)\n",
            str(books),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(commands.imports, "LOCK_TIMEOUT", 0.2)
        before = books.read_bytes()
        rows = with_balances(Decimal("5000.00"), _rows("W", 2))
        result = _append(books, write_statement(tmp_path / "s.csv", rows, end="2025-03-31"))
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2, result.output
    assert f"{books}: another program is writing these books" in result.output
    assert "Traceback" not in result.output
    assert books.read_bytes() == before
