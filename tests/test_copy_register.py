"""The copy register (issue 11.7): what a recipient holds, never overwritten, kept out of the code.

The register records the SHA-256 of the pack file itself (a folder's `SHA256SUMS`, saying so)
and the year's seal; a pack registered as handed out is never overwritten; packs and the
register go to `packs/` beside the ledger, which the code's repository ignores, as every `.bak`,
except for a ledger kept in mch-ledger's own code folder (the demo): its packs go to the user's
data folder, outside the code's repository, and the command says where.
"""

from __future__ import annotations

import csv
import hashlib
import subprocess
from pathlib import Path

from click.testing import CliRunner
from named_ledgers import CARRYFORWARD, copy_named

from commands.main import main
from ledger.loading import load_ledger
from reports import copy_register
from reports.copy_register import (
    CODE_FOLDER,
    DIGEST_OF,
    PACK,
    RECIPIENT,
    SEAL,
    SHA256,
    in_code_folder,
    read_register,
    register_path,
)

REPOSITORY = Path(__file__).resolve().parents[1]
DEMO = REPOSITORY / "main.beancount"
GIT = ("git", "-C", str(REPOSITORY), "-c", "core.quotePath=false")


def run(*args: str):
    return CliRunner().invoke(main, [*args])


def test_a_zip_is_registered_with_its_own_digest_and_the_seal(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    # The named ledger's closes predate seals: seal 2024 first.
    assert run("close", "2024", str(ledger), "--seal").exit_code == 0
    target = tmp_path / "pack-2024.zip"
    result = run(
        "report", "pack", str(ledger), "--year", "2024", "--output", str(target),
        "--recipient", "县审计局 李明",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [line] = read_register(ledger)
    # What the recipient can check with sha256sum: the file they hold.
    assert line[SHA256] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert line[DIGEST_OF] == "file"
    assert line[PACK] == "pack-2024.zip"
    assert line[SEAL] == load_ledger(ledger).grant.config.closes[2024].seal
    # An open year has no seal yet.
    run("report", "pack", str(ledger), "--year", "2027", "--output", str(tmp_path / "p.zip"),
        "--recipient", "Auditor Li")  # fmt: skip
    assert read_register(ledger)[-1][SEAL] == "-"


def test_a_pack_handed_out_is_never_overwritten(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    first = run("report", "pack", str(ledger), "--year", "2025", "--recipient", "Auditor Li")
    assert first.exit_code == 0, first.output
    target = Path(first.output.strip())
    held = target.read_bytes()
    for recipient in ("Inspector Wang", None):
        again = run(
            "report", "pack", str(ledger), "--year", "2025",
            *(("--recipient", recipient) if recipient else ()),
        )  # fmt: skip
        assert again.exit_code == 1
        assert "handed out" in again.output and "--output" in again.output
        assert target.read_bytes() == held
    assert [line["接收人 recipient"] for line in read_register(ledger)] == ["Auditor Li"]
    # Another name is fine.
    other = tmp_path / "packs" / "second.zip"
    assert run(
        "report", "pack", str(ledger), "--year", "2025", "--output", str(other),
        "--recipient", "Inspector Wang",
    ).exit_code == 0  # fmt: skip


def test_packs_and_the_register_go_beside_the_ledger_not_where_the_command_runs(
    tmp_path, monkeypatch
):
    books = tmp_path / "books"
    books.mkdir()
    ledger = copy_named(books, CARRYFORWARD)
    elsewhere = tmp_path / "code"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("report", "pack", str(ledger), "--year", "2024", "--recipient", "Auditor Li")
    assert result.exit_code == 0, result.output
    assert list(elsewhere.iterdir()) == []
    assert Path(result.output.strip()) == books / "packs" / "inspection-pack-2024.zip"
    assert register_path(ledger) == books / "packs" / "copy-register.csv"
    assert register_path(ledger).exists()


def test_a_register_of_the_earlier_layout_is_carried_over(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    register = register_path(ledger)
    register.parent.mkdir()
    old = (
        "\ufeff日期 date,接收人 recipient,年度 year,资料 pack,SHA-256,凭证 vouchers\r\n"
        "2025-03-01T10:00:00+08:00,县审计局,2024,2024年度专项检查资料.zip,abc123,V-1 V-2\r\n"
    )
    register.write_text(old, encoding="utf-8")
    result = run("report", "pack", str(ledger), "--year", "2025", "--recipient", "Inspector Wang")
    assert result.exit_code == 0, result.output
    first, second = read_register(ledger)
    assert first["接收人 recipient"] == "县审计局" and first[SHA256] == "abc123"
    assert first["凭证 vouchers"] == "V-1 V-2" and first[DIGEST_OF] == ""
    assert second["接收人 recipient"] == "Inspector Wang"
    assert register.with_name("copy-register.csv.bak").read_bytes() == old.encode("utf-8")
    # The old line named a pack without its folder: that pack is not overwritten either.
    (tmp_path / "packs" / "2024年度专项检查资料.zip").write_bytes(b"handed out in 2025")
    again = run(
        "report", "pack", str(ledger), "--year", "2024", "--lang", "zh",
        "--output", str(tmp_path / "packs" / "2024年度专项检查资料.zip"),
    )  # fmt: skip
    assert again.exit_code == 1


def test_packs_the_register_and_backups_stay_out_of_the_code_repository():
    paths = [
        "packs/2025年度专项检查资料.zip",
        "packs/copy-register.csv",
        "packs/copy-register.csv.bak",
        "main.beancount.bak",
        "seals/2025.tsv.bak",
        ".main.beancount.lock",
    ]
    result = subprocess.run(
        [*GIT, "check-ignore", "--no-index", *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines() == paths
    # The seals are the books' evidence: they are kept.
    kept = subprocess.run(
        [*GIT, "check-ignore", "--no-index", "seals/2025.tsv"],
        capture_output=True,
        check=False,
    )
    assert kept.returncode == 1


def test_a_register_kept_beside_the_ledger_is_carried_over(tmp_path):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    earlier = tmp_path / "copy-register.csv"
    old = (
        "\ufeff日期 date,接收人 recipient,年度 year,资料 pack,SHA-256,凭证 vouchers\r\n"
        "2025-03-01T10:00:00+08:00,县审计局,2024,2024年度专项检查资料.zip,abc123,V-1\r\n"
    )
    earlier.write_text(old, encoding="utf-8", newline="")
    result = run("report", "pack", str(ledger), "--year", "2025", "--recipient", "Inspector Wang")
    assert result.exit_code == 0, result.output
    assert [line["接收人 recipient"] for line in read_register(ledger)] == [
        "县审计局",
        "Inspector Wang",
    ]
    assert earlier.read_bytes() == old.encode("utf-8")  # left as it was


def test_the_code_folder_is_where_mch_ledgers_code_is_installed():
    # Here, a clone installed in place: the repository, which holds the demo.
    assert (CODE_FOLDER / "reports" / "copy_register.py").is_file()
    assert in_code_folder(DEMO)
    assert not in_code_folder(REPOSITORY / "tests" / "report_ledgers" / "x.beancount")


def test_a_ledger_in_the_code_folder_packs_into_the_users_data_folder(tmp_path, monkeypatch):
    # The books folder stands for a clone holding the demo: it is mch-ledger's code folder.
    books = tmp_path / "clone"
    books.mkdir()
    ledger = copy_named(books, CARRYFORWARD)
    monkeypatch.setattr(copy_register, "CODE_FOLDER", books)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the user's data (Linux)
    result = run("report", "pack", str(ledger), "--year", "2024", "--recipient", "Auditor Li")
    assert result.exit_code == 0, result.output
    [folder] = (tmp_path / "data" / "mch-ledger" / "packs").iterdir()
    assert folder.name.startswith(f"{ledger.stem}-")  # its name and a digest of its path
    pack = folder / "inspection-pack-2024.zip"
    assert result.stdout == f"{pack}\n"
    assert f"packs and the copy register go to {folder}, outside the code's" in result.stderr
    assert register_path(ledger) == folder / "copy-register.csv"
    assert [line[PACK] for line in read_register(ledger)] == [str(pack)]
    assert not (books / "packs").exists()
    # A pack registered there is never overwritten either.
    again = run("report", "pack", str(ledger), "--year", "2024")
    assert again.exit_code == 1 and "handed out" in again.output


def test_a_ledger_whose_folder_holds_the_code_folder_too(tmp_path, monkeypatch):
    ledger = copy_named(tmp_path, CARRYFORWARD)
    monkeypatch.setattr(copy_register, "CODE_FOLDER", tmp_path / "mch-ledger")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = run("report", "pack", str(ledger), "--year", "2024")
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()).is_relative_to(tmp_path / "data" / "mch-ledger" / "packs")
    assert not (tmp_path / "packs").exists()


def test_a_recipient_is_never_a_formula_in_the_register(tmp_path):
    # Issue 10: `--recipient '=HYPERLINK(...)'` went raw into the CSV Excel opens.
    ledger = copy_named(tmp_path, CARRYFORWARD)
    hostile = '=HYPERLINK("http://x","a")'
    target = tmp_path / "-pack.zip"  # a pack's path can start so too
    result = run(
        "report", "pack", str(ledger), "--year", "2025", "--output", str(target),
        "--recipient", hostile,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with register_path(ledger).open(encoding="utf-8-sig", newline="") as file:
        [_, cells] = list(csv.reader(file))
    assert cells[1:4] == [f"'{hostile}", "2025", "'-pack.zip"]  # as Excel shows them: text
    [line] = read_register(ledger)
    assert (line[RECIPIENT], line[PACK]) == (hostile, "-pack.zip")  # read back as given
    again = run(
        "report", "pack", str(ledger), "--year", "2025", "--output", str(target),
        "--recipient", "Auditor Li",
    )  # fmt: skip
    assert again.exit_code == 1  # still known as handed out: never overwritten
