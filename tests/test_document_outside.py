"""Voucher copies stay inside the books (issue 10.3).

A `document*` value that resolves, symlinks included, outside the ledger's folder and its
documents folders is a `document-outside` finding and never goes into a pack or a download;
voucher numbers become folder names that stay inside the pack.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from grant_ledgers import PREAMBLE, assert_findings, funding

from ledger.loading import load_ledger
from reports.fava_grant.downloads import pack_zip
from reports.pack import safe_folder_name, write_pack

SECRET = b"root:x:0:0:secret outside the books\n"


def outside_file(tmp_path: Path) -> Path:
    """A file beside the test's folder (where its ledger is), not in it."""
    secret = tmp_path.parent / f"{tmp_path.name}-elsewhere" / "passwd"
    secret.parent.mkdir(exist_ok=True)
    secret.write_bytes(SECRET)
    return secret


def books_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "books"
    folder.mkdir()
    (folder / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    return folder


def test_a_copy_climbing_out_of_the_books_is_a_finding(write_ledger, tmp_path):
    secret = outside_file(tmp_path)
    climbing = "../" * 12 + str(secret).lstrip("/")
    path = write_ledger(
        funding(2024),
        f"""
        2024-03-01 * "Hotel" "meetings"   ; expect: document-outside
          voucher: "V-1"
          document: "copy.pdf"
          document-2: "{climbing}"
          Expenses:Program:Admin  1200.00 CNY
          Assets:Bank:Grant-Account

        2024-03-02 * "Hotel" "meetings"   ; expect: document-outside
          voucher: "V-2"
          document: "{secret}"
          Expenses:Program:Admin  800.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    findings = assert_findings(path)
    assert all(f.severity == "error" for f in findings)
    # Not only category entries: a receipt's copy is checked too.
    receipt = path.read_text(encoding="utf-8").replace(
        '  voucher: "F-2024-P"\n', f'  voucher: "F-2024-P"\n  document-3: "{secret}"\n'
    )
    path.write_text(receipt, encoding="utf-8")
    findings = {(f.rule, f.date.isoformat()) for f in load_ledger(path).findings}
    assert ("document-outside", "2024-01-02") in findings


def test_a_symlink_in_the_documents_folder_pointing_out_is_a_finding(tmp_path):
    secret = outside_file(tmp_path)
    folder = books_folder(tmp_path)
    documents = folder / "documents"
    documents.mkdir()
    (documents / "2024-03-01.V-1.pdf").symlink_to(secret)
    (documents / "2024-03-02.V-2.pdf").write_bytes(b"%PDF-1.4 real copy\n")
    ledger = folder / "main.beancount"
    ledger.write_text(
        'option "documents" "documents"\n'
        + PREAMBLE
        + funding(2024)
        + """
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  document: "2024-03-01.V-1.pdf"
  Expenses:Program:Admin  1200.00 CNY
  Assets:Bank:Grant-Account

2024-03-02 * "Hotel" "meetings"
  voucher: "V-2"
  document: "2024-03-02.V-2.pdf"
  Expenses:Program:Admin  800.00 CNY
  Assets:Bank:Grant-Account
""",
        encoding="utf-8",
    )
    loaded = load_ledger(ledger)
    outside = [(f.rule, f.date.isoformat()) for f in loaded.findings]
    assert outside == [("document-outside", "2024-03-01")]

    # Neither the command line's pack nor Fava's download carries the file.
    for content in (
        write_pack(loaded, 2024, "en", "yuan", tmp_path / "pack.zip").read_bytes(),
        pack_zip(loaded, 2024, "en").content,
    ):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            assert all(archive.read(name) != SECRET for name in names)
        assert "vouchers/V-2/2024-03-02.V-2.pdf" in names
        assert not [name for name in names if name.startswith("vouchers/V-1/")]


def test_a_pack_never_holds_a_file_from_outside(write_ledger, tmp_path):
    secret = outside_file(tmp_path)
    path = write_ledger(
        funding(2024),
        f"""
        2024-03-01 * "Hotel" "meetings"
          voucher: "V-1"
          document: "copy.pdf"
          document-2: "{secret}"
          Expenses:Program:Admin  1200.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    loaded = load_ledger(path)
    for content in (
        write_pack(loaded, 2024, "en", "yuan", tmp_path / "pack.zip").read_bytes(),
        pack_zip(loaded, 2024, "en").content,
    ):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            copies = [name for name in archive.namelist() if name.startswith("vouchers/")]
            assert copies == ["vouchers/V-1/copy.pdf"]
            assert SECRET not in [archive.read(name) for name in archive.namelist()]


def test_voucher_numbers_become_folder_names_that_stay_in_the_pack(write_ledger, tmp_path):
    vouchers = ["..", "../../escape", "a/b", "a\\\\b", "C:evil", "NUL", "tab\\there", "a_b"]
    entries = "\n".join(
        f"""
        2024-03-{day:02d} * "Hotel" "meetings"
          voucher: "{voucher}"
          document: "copy.pdf"
          Expenses:Program:Admin  10.00 CNY
          Assets:Bank:Grant-Account
        """
        for day, voucher in enumerate(vouchers, start=1)
    )
    loaded = load_ledger(write_ledger(funding(2024), entries))
    target = write_pack(loaded, 2024, "en", "yuan", tmp_path / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        copies = [name for name in archive.namelist() if name.startswith("vouchers/")]
    # One folder per voucher, each directly under vouchers/, none climbing out.
    assert len(copies) == len(vouchers)
    for name in copies:
        parts = name.split("/")
        assert len(parts) == 3, name
        assert parts[1] not in ("", ".", "..")
        assert ":" not in parts[1] and "\\" not in parts[1]
        assert not any(ord(char) < 32 for char in parts[1])
        assert posixpath.normpath(name).startswith("vouchers/")
    # "a/b" and "a_b" would both be "a_b": the second gets a folder of its own.
    assert len({name.split("/")[1] for name in copies}) == len(vouchers)


def test_safe_folder_names():
    assert safe_folder_name("记-2025-006") == "记-2025-006"
    assert safe_folder_name("..") == "_"
    assert safe_folder_name("../x") == "_x"
    assert safe_folder_name("C:\\Windows") == "C__Windows"
    assert safe_folder_name("con") == "_con"
    assert safe_folder_name("COM1.txt") == "_COM1.txt"
    assert safe_folder_name("a\x00b\nc") == "a_b_c"


#: Two reported values of 2025 with their evidence: one on file, one outside the books.
def evidence_ledger(write_ledger, secret: Path, inside: str = "stats.pdf") -> Path:
    return write_ledger(
        funding(2025),
        """
        2025-01-01 custom "grant-target" "mortality" 20 "/100k"
          kind: "social"
          direction: "at-most"
          weight: 45
        2025-01-01 custom "grant-target" "satisfaction" 90 "%"
          kind: "satisfaction"
          weight: 45
        """,
        f"""
        2026-01-10 custom "grant-actual" "mortality" 12
          grant-year: 2025
          document: "{inside}"
        2026-01-10 custom "grant-actual" "satisfaction" 95   ; expect: document-outside
          grant-year: 2025
          document: "{secret}"
        """,
    )


def test_evidence_outside_the_books_is_a_finding_and_never_in_a_pack(write_ledger, tmp_path):
    secret = outside_file(tmp_path)
    (tmp_path / "stats.pdf").write_bytes(b"%PDF-1.4 health statistics\n")
    path = evidence_ledger(write_ledger, secret)
    assert_findings(path)
    loaded = load_ledger(path)
    for content in (
        write_pack(loaded, 2025, "en", "yuan", tmp_path / "pack.zip").read_bytes(),
        pack_zip(loaded, 2025, "en").content,
    ):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            evidence = [name for name in names if name.startswith("evidence/")]
            assert evidence == ["evidence/stats.pdf"]
            assert archive.read("evidence/stats.pdf") == b"%PDF-1.4 health statistics\n"
            assert SECRET not in [archive.read(name) for name in names]
            sums = archive.read("SHA256SUMS").decode()
            assert "  evidence/stats.pdf\n" in sums
