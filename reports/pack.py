"""The inspection pack (专项检查资料) of a fiscal year: every report, and the voucher copies.

One Excel workbook (a sheet per table), one self-contained printable HTML page, and the copies
of the year's original vouchers under `vouchers/VOUCHER/`, with a `SHA256SUMS` of every file,
in a folder or a zip. The pack is built in a temporary place and moved into place whole, so a
failure never leaves half a pack; an existing folder is never overwritten.

    2025年度专项检查资料.zip
      2025年度专项检查资料.xlsx
      2025年度专项检查资料.html
      vouchers/记-2025-006/2025-03-29.记-2025-006.pdf
      registers/救助对象登记册（脱敏）.csv     (the year's beneficiaries, identity numbers masked)
      SHA256SUMS

A ledger with a beneficiary register (`grant-beneficiaries`) has the register's rows of the
year's beneficiaries in the pack, identity numbers masked; `full_register` puts the register
file itself in instead, and the copy register records which the pack holds.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ledger.documents import voucher_copies
from ledger.loading import LoadedLedger
from ledger.model import Year
from reports.beneficiaries import masked_register
from reports.build import KINDS, build_report, report_title
from reports.copy_register import record_copy
from reports.labels import Labels
from reports.render.as_html import render_html
from reports.render.as_xlsx import render_xlsx
from reports.render.cells import Unit
from reports.table import Report

VOUCHERS_FOLDER = "vouchers"
REGISTERS_FOLDER = "registers"
SUMS_NAME = "SHA256SUMS"
MASKED = "masked"
FULL = "full"


class PackError(Exception):
    """The pack cannot be made where asked; the message says why and what to do."""


class VoucherCopy(NamedTuple):
    """A voucher copy to put in the pack: its voucher number, file and name in the pack."""

    voucher: str
    source: Path
    name: str


def pack_reports(ledger: LoadedLedger, year: Year, language: str) -> list[Report]:
    """Every report of the pack of `year`, in the order the pack holds them."""
    return [
        build_report(kind, ledger, year, language)
        for kind in KINDS
        if kind != "beneficiaries" or _has_beneficiaries(ledger, year)
    ]


def _has_beneficiaries(ledger: LoadedLedger, year: Year) -> bool:
    """Whether the year's pack holds the beneficiaries report: the register covers the year."""
    setup = ledger.grant.beneficiaries.setup
    return setup is not None and year >= setup.date.year


def pack_title(language: str, year: Year) -> str:
    """The pack's title (2025年度专项检查资料), heading its HTML page."""
    return report_title(Labels(language), "pack", year, [year])


def pack_stem(language: str, year: Year) -> str:
    """The name of the pack's files without their suffix."""
    return Labels(language)("pack-file", year=year)


def year_copies(ledger: LoadedLedger, year: Year) -> list[VoucherCopy]:
    """The voucher copies on file of the year's entries, in ledger order."""
    finder = ledger.grant.documents
    copies = []
    seen: set[str] = set()
    for use in ledger.grant.vouchers.uses:
        entry = use.entry
        if entry.date.year != year:
            continue
        voucher = use.number
        folder = voucher.replace("/", "_").replace(os.sep, "_") or "_"
        for value in voucher_copies(entry.meta).values():
            found = finder.locate(value, entry.meta.get("filename", ""))
            if found is None:
                continue
            name = f"{VOUCHERS_FOLDER}/{folder}/{Path(found).name}"
            if name not in seen:
                seen.add(name)
                copies.append(VoucherCopy(voucher, Path(found), name))
    return copies


def register_file(
    ledger: LoadedLedger, year: Year, language: str, full: bool
) -> tuple[str, bytes] | None:
    """The beneficiary register as the pack holds it (name, bytes), if the year has any.

    Masked (the year's beneficiaries, identity numbers masked) unless `full` asks for the
    register file itself.
    """
    analysis = ledger.grant.beneficiaries
    if analysis.setup is None or not any(p.year == year for p in analysis.payments):
        return None
    if full:
        path = Path(analysis.setup.path)
        try:
            return f"{REGISTERS_FOLDER}/{path.name}", path.read_bytes()
        except OSError as error:
            raise PackError(f"cannot read the register {path}: {error.strerror}") from error
    content = masked_register(analysis, year)
    if content is None:
        return None
    return f"{REGISTERS_FOLDER}/{Labels(language)('masked-register-file')}.csv", content


def _files(workbook: bytes, page: str, stem: str, copies: list[VoucherCopy]) -> Iterator:
    """The pack's files as (name in the pack, bytes)."""
    yield f"{stem}.xlsx", workbook
    yield f"{stem}.html", page.encode("utf-8")
    for copy in copies:
        yield copy.name, copy.source.read_bytes()


def _write_zip(target: Path, files: list[tuple[str, bytes]]) -> None:
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files:
                archive.writestr(name, content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_folder(target: Path, files: list[tuple[str, bytes]]) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PackError(f"{target} already exists: choose a new folder or a .zip with --output")
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, content in files:
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        os.chmod(staging, 0o755)
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_pack(
    ledger: LoadedLedger,
    year: Year | None,
    language: str,
    unit: Unit,
    output: Path | None,
    recipient: str | None = None,
    full_register: bool = False,
) -> Path:
    """Make the inspection pack of `year` (default: the books' last year) at `output`.

    Args:
        ledger: the loaded ledger.
        year: the fiscal year; None for the last one the books cover.
        language: "zh" or "en".
        unit: "yuan" or "wan".
        output: a `.zip` file, or a folder that does not exist yet (or is empty); None for
            `TITLE.zip` in the working directory.
        recipient: who is given the pack, recorded in the copy register beside the ledger.
        full_register: put the beneficiary register itself in the pack, identity numbers in
            full, instead of its masked rows of the year (recorded in the copy register).

    Returns:
        The path of the pack.

    Raises:
        PackError: the books are empty, or the pack cannot be written at `output`.
        reports.context.NoDataForYearError: the books do not cover `year`.
    """
    books = ledger.grant.books
    if year is None:
        if not books:
            raise PackError(f"{ledger.path}: the books have no fiscal year to pack")
        year = max(books)
    reports = pack_reports(ledger, year, language)
    title = pack_title(language, year)
    stem = pack_stem(language, year)
    copies = year_copies(ledger, year)
    files = list(
        _files(render_xlsx(reports, unit), render_html(reports, unit, title), stem, copies)
    )
    register = register_file(ledger, year, language, full_register)
    if register is not None:
        files.append(register)
    sums = "".join(f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in files)
    files.append((SUMS_NAME, sums.encode("utf-8")))

    target = Path(output) if output is not None else Path.cwd() / f"{stem}.zip"
    if not target.parent.is_dir():
        raise PackError(f"cannot write {target}: folder {target.parent} does not exist")
    try:
        if target.suffix.lower() == ".zip":
            _write_zip(target, files)
        else:
            _write_folder(target, files)
    except OSError as error:
        raise PackError(f"cannot write {target}: {error.strerror or error}") from error
    if recipient:
        digest = hashlib.sha256(sums.encode("utf-8")).hexdigest()
        vouchers = list(dict.fromkeys(copy.voucher for copy in copies))
        held = "" if register is None else FULL if full_register else MASKED
        record_copy(ledger.path, recipient, year, target, digest, vouchers, register=held)
    return target
