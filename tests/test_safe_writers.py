"""Writers that cannot lose anything (issue 10.4): `close`, `report` and the copy register.

They take the ledger's lock and read the books under it, write through symlinks to the real
file, write a pack and its copy-register line together or not at all, and answer a read-only
folder, a full disk or a busy lock with one line naming the file and exit status 2.
"""

from __future__ import annotations

import errno
import functools
import threading
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from filelock import FileLock
from grant_ledgers import funding
from named_ledgers import CARRYFORWARD, copy_named

import commands.close
import ledger.atomic
import ledger.year_end
import reports.copy_register
import reports.pack
from commands.main import main
from ledger.loading import load_ledger
from ledger.locking import ledger_lock, lock_path
from reports.copy_register import read_register, register_path

BOOKS_2024 = """
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  12000.00 CNY
  Assets:Bank:Grant-Account

2024-12-20 * "Bank" "fee"
  voucher: "V-2"
  Expenses:Fees  20.00 CNY
  Assets:Bank:Grant-Account
"""

FULL = OSError(errno.ENOSPC, "No space left on device")
READ_ONLY = OSError(errno.EROFS, "Read-only file system")


def run(*args: str):
    result = CliRunner().invoke(main, [*args])
    # Never a traceback: click's own exit, with a message.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def one_line(result) -> str:
    [line] = [line for line in result.output.splitlines() if line.strip()]
    return line


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but the ledger's (empty) lock file, which stays."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


def held(ledger: Path) -> bool:
    """Whether this process holds the ledger's lock."""
    return FileLock(str(lock_path(ledger)), is_singleton=True).is_locked


def test_close_reads_the_books_under_the_lock(write_ledger, monkeypatch):
    path = write_ledger(funding(2024), BOOKS_2024)
    seen = []

    def load(ledger):
        seen.append(held(path))
        return load_ledger(ledger)

    monkeypatch.setattr(commands.close, "load_ledger", load)
    assert run("close", "2024", str(path), "--date", "2025-01-20").exit_code == 0
    # The books as closed, and as read again to check the close, were read under the lock.
    assert seen == [True, True]


def test_the_copy_register_is_read_and_written_under_the_lock(tmp_path, monkeypatch):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    seen = []
    original = reports.copy_register.read_register

    def spy(path):
        seen.append(held(ledger))
        return original(path)

    monkeypatch.setattr(reports.copy_register, "read_register", spy)
    result = run("report", "pack", str(ledger), "--year", "2024", "--recipient", "Auditor Li")
    assert result.exit_code == 0, result.output
    assert seen[-1] is True


def hold_lock_elsewhere(path: Path):
    """Hold the ledger's lock in another thread until the returned event is set."""
    taken, release = threading.Event(), threading.Event()

    def hold():
        with ledger_lock(path):
            taken.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(30)
    return release, thread


def test_a_busy_lock_is_one_line_and_exit_2(write_ledger, monkeypatch, tmp_path):
    path = write_ledger(funding(2024), BOOKS_2024)
    before = path.read_bytes()
    quick = functools.partial(ledger_lock, timeout=0.1)
    monkeypatch.setattr(commands.close, "ledger_lock", quick)
    monkeypatch.setattr(reports.copy_register, "ledger_lock", quick)
    release, thread = hold_lock_elsewhere(path)
    try:
        closing = run("close", "2024", str(path), "--date", "2025-01-20")
        target = tmp_path / "pack.zip"
        packing = run(
            "report", "pack", str(path), "--year", "2024", "--output", str(target),
            "--recipient", "Auditor Li",
        )  # fmt: skip
    finally:
        release.set()
        thread.join()
    assert closing.exit_code == 2
    assert "another program is writing these books" in one_line(closing)
    assert str(path) in one_line(closing)
    assert path.read_bytes() == before
    assert packing.exit_code == 2
    assert "another program is writing these books" in one_line(packing)
    assert not target.exists() and not register_path(path).exists()


def test_close_through_a_symlink_writes_the_real_file(write_ledger, tmp_path):
    real = write_ledger(funding(2024), BOOKS_2024)
    link = tmp_path / "link.beancount"
    link.symlink_to(real)
    before = real.read_text(encoding="utf-8")
    assert run("close", "2024", str(link), "--date", "2025-01-20").exit_code == 0
    assert link.is_symlink()
    assert 'custom "grant-close" 2024' in real.read_text(encoding="utf-8")
    assert real.with_name(real.name + ".bak").read_text(encoding="utf-8") == before
    assert (tmp_path / "seals" / "2024.tsv").exists()


@pytest.mark.parametrize("failure", [FULL, READ_ONLY], ids=["full-disk", "read-only"])
def test_close_on_a_full_disk_or_read_only_folder_changes_nothing(
    write_ledger, tmp_path, monkeypatch, failure
):
    path = write_ledger(funding(2024), BOOKS_2024)
    before = files_of(tmp_path)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(ledger.atomic.os, "fsync", fail)
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 2
    line = one_line(result)
    assert line.startswith("Error: cannot write") and failure.strerror in line
    assert "2024.tsv" in line  # the first file it could not write: the seal
    assert files_of(tmp_path) == before


def test_close_that_cannot_write_the_ledger_takes_the_seal_back(
    write_ledger, tmp_path, monkeypatch
):
    path = write_ledger(funding(2024), BOOKS_2024)
    before = files_of(tmp_path)
    real_write = ledger.atomic.write_atomically

    def write(target, content):
        if Path(target).name == path.name:
            raise FULL
        real_write(target, content)

    monkeypatch.setattr(ledger.atomic, "write_atomically", write)
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 2
    assert "ledger.beancount" in one_line(result) and "nothing was changed" in one_line(result)
    after = files_of(tmp_path)
    after.pop("ledger.beancount.bak", None)  # the copy taken before writing
    assert after == before


def test_a_lock_file_that_cannot_be_made_is_one_line(write_ledger, monkeypatch):
    path = write_ledger(funding(2024), BOOKS_2024)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(lock_path(path)))

    monkeypatch.setattr(commands.close, "ledger_lock", refuse)
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 2
    assert ".ledger.beancount.lock" in one_line(result)


@pytest.mark.parametrize("failure", [FULL, READ_ONLY], ids=["full-disk", "read-only"])
def test_report_on_a_full_disk_or_read_only_folder(tmp_path, monkeypatch, failure):
    ledger_file = copy_named(tmp_path, CARRYFORWARD)
    before = files_of(tmp_path)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(ledger.atomic.os, "fsync", fail)
    report = run("report", "budget", str(ledger_file), "--output", str(tmp_path / "budget.txt"))
    assert report.exit_code == 2
    assert "budget.txt" in one_line(report) and failure.strerror in one_line(report)

    monkeypatch.undo()

    class FullZip(zipfile.ZipFile):
        """The pack's zip, on a disk that fills up (Excel's own zip is left alone)."""

        def writestr(self, *args, **kwargs):
            raise failure

    zips = SimpleNamespace(ZipFile=FullZip, ZIP_DEFLATED=zipfile.ZIP_DEFLATED)
    monkeypatch.setattr(reports.pack, "zipfile", zips)
    pack = run("report", "pack", str(ledger_file), "--year", "2024", "--recipient", "Auditor Li")
    assert pack.exit_code == 2
    assert "inspection-pack-2024.zip" in one_line(pack)
    after = files_of(tmp_path)
    assert {name for name in after if not name.startswith("packs")} == set(before)
    assert not [name for name in after if name.startswith("packs/") and name.endswith(".zip")]
    assert read_register(ledger_file) == []


def test_a_pack_is_not_written_when_its_register_line_cannot_be(tmp_path):
    ledger_file = copy_named(tmp_path, CARRYFORWARD)
    register = register_path(ledger_file)
    register.mkdir(parents=True)  # a folder where the register should be: cannot be written
    target = tmp_path / "pack.zip"
    result = run(
        "report", "pack", str(ledger_file), "--year", "2024", "--output", str(target),
        "--recipient", "Auditor Li",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "copy register" in one_line(result) and "copy-register.csv" in one_line(result)
    assert not target.exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".pack")]


def test_a_register_line_is_taken_back_when_the_pack_cannot_be_put_in_place(tmp_path, monkeypatch):
    ledger_file = copy_named(tmp_path, CARRYFORWARD)
    first = tmp_path / "first.zip"
    assert run(
        "report", "pack", str(ledger_file), "--year", "2024", "--output", str(first),
        "--recipient", "Auditor Li",
    ).exit_code == 0  # fmt: skip
    register = register_path(ledger_file).read_bytes()

    def fail(staged, target):
        raise FULL

    monkeypatch.setattr(reports.pack, "_put_in_place", fail)
    target = tmp_path / "second.zip"
    result = run(
        "report", "pack", str(ledger_file), "--year", "2025", "--output", str(target),
        "--recipient", "Inspector Wang",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "second.zip" in one_line(result)
    assert register_path(ledger_file).read_bytes() == register
    assert not target.exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".second")]


def test_a_close_that_does_not_hold_is_taken_back_whole(write_ledger, tmp_path, monkeypatch):
    path = write_ledger(funding(2024), BOOKS_2024)
    before = files_of(tmp_path)
    # A seal chained to a seal that does not exist: the books read again do not hold to it.
    monkeypatch.setattr(ledger.year_end, "previous_seal", lambda closes, year: "0" * 64)
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 1
    assert "did not hold" in result.output and "must follow the seal" in result.output
    after = files_of(tmp_path)
    after.pop("ledger.beancount.bak")
    assert after == before
    assert not (tmp_path / "seals").exists()


def test_link_documents_on_a_read_only_folder_is_one_line_and_exit_2(
    write_ledger, tmp_path, monkeypatch
):
    # Issue 10: filelock's raw OSError traceback, exit 1.
    path = write_ledger('option "documents" "scans"\n', funding(2024), BOOKS_2024)
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "2024-12-20.V-2.pdf").write_bytes(b"%PDF-1.4 fee\n")
    before = files_of(tmp_path)

    class ReadOnlyFolder(FileLock):
        def acquire(self, *args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system", self.lock_file)

    monkeypatch.setattr(ledger.locking, "FileLock", ReadOnlyFolder)
    result = run("link-documents", str(path))
    assert result.exit_code == 2
    assert ".ledger.beancount.lock" in one_line(result) and "Read-only" in one_line(result)
    monkeypatch.undo()

    def fail(*args, **kwargs):
        raise FULL

    monkeypatch.setattr(ledger.atomic.os, "fsync", fail)
    full = run("link-documents", str(path))
    assert full.exit_code == 2
    last = full.output.strip().splitlines()[-1]  # after the links it meant to write
    assert "ledger.beancount" in last and FULL.strerror in last and "nothing" in last
    assert files_of(tmp_path) == before


@pytest.mark.parametrize("failure", [FULL, READ_ONLY], ids=["full-disk", "read-only"])
def test_a_pack_or_labels_that_cannot_be_written_is_exit_2(tmp_path, monkeypatch, failure):
    # README: an output that cannot be written (a missing or read-only folder, a full disk) is
    # exit status 2 and one line naming the file, as `report budget --output` answers.
    ledger_file = copy_named(tmp_path, CARRYFORWARD)
    missing = run("report", "pack", str(ledger_file), "--output", str(tmp_path / "no" / "p.zip"))
    assert missing.exit_code == 2 and "p.zip" in one_line(missing)
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "packs":
            raise OSError(failure.errno, failure.strerror, str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    packs = run("report", "pack", str(ledger_file))
    assert packs.exit_code == 2 and "packs" in one_line(packs)
    monkeypatch.undo()

    def fail(*args, **kwargs):
        raise failure

    demo = Path(__file__).resolve().parents[1] / "main.beancount"
    monkeypatch.setattr(ledger.atomic.os, "fsync", fail)
    labels = run("labels", str(demo), "--output", str(tmp_path / "labels.html"))
    assert labels.exit_code == 2
    assert "labels.html" in one_line(labels) and failure.strerror in one_line(labels)
