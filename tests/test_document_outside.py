"""Voucher copies stay inside the books (issue 10.3).

A `document*` value that resolves, symlinks included, outside the ledger's folder and its
documents folders is a `document-outside` finding and never goes into a pack or a download;
voucher numbers become folder names that stay inside the pack.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from pathlib import Path

from click.testing import CliRunner
from grant_ledgers import PREAMBLE, assert_findings, findings_of, funding

from commands.main import main
from ledger.findings import finding_of
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


def test_a_long_voucher_number_gets_a_short_folder_in_zip_and_folder_packs(write_ledger, tmp_path):
    # Issue 10: a voucher of 120 CJK characters (360 bytes) made a folder pack refuse whole.
    long_one, other = "记" * 120, "记" * 119 + "账"
    path = write_ledger(
        funding(2024),
        "".join(
            f"""
        2024-03-0{day} * "Hotel" "meetings"
          voucher: "{voucher}"
          document: "copy.pdf"
          Expenses:Program:Admin  100.00 CNY
          Assets:Bank:Grant-Account
        """
            for day, voucher in ((1, long_one), (2, other))
        ),
    )
    loaded = load_ledger(path)
    with zipfile.ZipFile(write_pack(loaded, 2024, "en", "yuan", tmp_path / "p.zip")) as archive:
        zipped = sorted(n for n in archive.namelist() if n.startswith("vouchers/"))
    folder = write_pack(loaded, 2024, "en", "yuan", tmp_path / "pack")
    written = sorted(p.relative_to(folder).as_posix() for p in folder.glob("vouchers/*/*"))
    assert zipped == written and len(written) == 2  # one folder each: the numbers differ
    for name in written:
        assert len(name.split("/")[1].encode("utf-8")) <= 80
        assert name.split("/")[1].startswith("记" * 20)
    assert safe_folder_name(long_one) != safe_folder_name(other)


def pack_holds_nothing_of(loaded, year: int, target: Path) -> list[str]:
    """The names in the pack of `year`, asserting that no file in it is the outside file."""
    with zipfile.ZipFile(write_pack(loaded, year, "en", "yuan", target)) as archive:
        names = archive.namelist()
        assert SECRET not in [archive.read(name) for name in names]
    return names


def test_a_seal_file_outside_the_books_is_named_never_read_nor_packed(write_ledger, tmp_path):
    # Issue 10: `seal-file: "/etc/hostname"` with its SHA-256 went into the pack as seals/.
    secret = outside_file(tmp_path)
    books = """
        2024-03-01 * "Hotel" "meetings"
          voucher: "V-1"
          document: "copy.pdf"
          Expenses:Program:Admin  1200.00 CNY
          Assets:Bank:Grant-Account

        2025-01-01 balance Assets:Bank:Grant-Account  198800.00 CNY
        """
    path = write_ledger(funding(2024), books)
    closed = CliRunner().invoke(main, ["close", "2024", str(path), "--date", "2025-01-20"])
    assert closed.exit_code == 0, closed.output
    digest = hashlib.sha256(SECRET).hexdigest()
    text = re.sub(r'seal-file: ".*"', f'seal-file: "{secret}"', path.read_text("utf-8"))
    path.write_text(re.sub(r'seal: ".*"', f'seal: "{digest}"', text), encoding="utf-8")
    loaded = load_ledger(path)
    [finding] = [finding_of(error) for error in loaded.findings]
    assert finding.rule == "document-outside" and str(secret) in finding.message
    assert "grant-close" in path.read_text("utf-8").splitlines()[finding.line - 1]
    names = pack_holds_nothing_of(loaded, 2024, tmp_path / "pack.zip")
    assert not [name for name in names if name.startswith("seals/")]


def test_a_procurement_record_outside_the_books_is_not_on_file(write_ledger, tmp_path):
    secret = outside_file(tmp_path)
    path = write_ledger(
        funding(2024),
        f"""
        2024-01-01 custom "grant-procurement" Expenses:Program:Admin 1000.00 CNY 30

        2024-03-01 * "Hotel" "meetings"   ; expect: document-outside, procurement-missing
          voucher: "V-1"
          document: "copy.pdf"
          procurement: "{secret}"
          Expenses:Program:Admin  1200.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    findings = {f.rule: f.message for f in assert_findings(path)}
    assert str(secret) in findings["document-outside"]  # and the purchase has no record
    pack_holds_nothing_of(load_ledger(path), 2024, tmp_path / "pack.zip")


def test_a_reported_value_s_evidence_outside_the_books_is_a_finding(write_ledger, tmp_path):
    secret = outside_file(tmp_path)
    climbing = "../" * 12 + str(secret).lstrip("/")
    path = write_ledger(
        funding(2024),
        f"""
        2024-01-01 custom "grant-target" "satisfaction" 90 "%"
          kind: "satisfaction"
          weight: 90

        2024-12-15 custom "grant-actual" "satisfaction" 95   ; expect: document-outside
          document: "{climbing}"
        """,
    )
    [finding] = assert_findings(path)
    assert climbing in finding.message and "never read" in finding.message


def test_a_register_outside_the_books_is_named(write_ledger, tmp_path):
    secret = outside_file(tmp_path)
    path = write_ledger(
        funding(2024),
        f'2024-01-01 custom "grant-assets" Expenses:Program:Admin 1000.00 CNY "{secret}"\n',
    )
    outside = [f for f in findings_of(path) if f.rule == "document-outside"]
    assert [str(secret) in f.message and "register" in f.message for f in outside] == [True]


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
