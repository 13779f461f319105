"""The inspection pack (专项检查资料) of a fiscal year: every report, and the voucher copies.

One Excel workbook (a sheet per table), one self-contained printable HTML page, the copies of
the year's original vouchers under `vouchers/VOUCHER/` (the number made a safe folder name),
the evidence of the year's reported performance values under `evidence/`,
`SEAL.txt` with the year's seal (its close digest, `ledger.seals`) and the seal file itself, and
a `SHA256SUMS` of every file, in a folder or a zip (by default `packs/` beside the ledger). The
pack is built in a temporary place and moved into place whole, so a failure never leaves half
a pack; an existing folder, or a pack the copy register records as given out, is never
overwritten. `mch-ledger verify-pack` checks a pack against the books.

    packs/2025年度专项检查资料.zip
      2025年度专项检查资料.xlsx
      2025年度专项检查资料.html
      vouchers/记-2025-006/2025-03-29.记-2025-006.pdf
      SEAL.txt
      seals/2025.tsv
      vouchers/记-2025-019/2025-05-20.HT-2025-04.询价记录.pdf   (a purchase's procurement record)
      evidence/2025年清溪县妇幼卫生统计年报.pdf   (a reported value's evidence, `grant-actual`)
      registers/救助对象登记册（脱敏）.csv     (the year's beneficiaries, identity numbers masked)
      self-evaluation.json                     (the year's self-evaluation, for verify-pack)
      SHA256SUMS

A ledger with a beneficiary register (`grant-beneficiaries`) has the register's rows of the
year's beneficiaries in the pack, identity numbers masked; `full_register` puts the register
file itself in instead, and the copy register records which the pack holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ledger.assets.procurement import PROCUREMENT_KEY
from ledger.documents import voucher_copies
from ledger.i18n import Catalogue
from ledger.loading import LoadedLedger
from ledger.model import Year
from ledger.seals import NO_SEAL, SEALS_FOLDER, file_sha256, seal_path
from reports.beneficiaries import masked_register
from reports.build import KINDS, build_report, report_title
from reports.copy_register import (
    OF_FILE,
    OF_SUMS,
    is_registered,
    packs_folder,
    record_copy,
    register_path,
)
from reports.labels import Labels
from reports.pack_evaluation import RECORD_NAME, evaluation_record, record_bytes
from reports.render.as_html import render_html
from reports.render.as_xlsx import render_xlsx
from reports.render.cells import Unit
from reports.stamp import digest_files
from reports.table import Report

VOUCHERS_FOLDER = "vouchers"
EVIDENCE_FOLDER = "evidence"
REGISTERS_FOLDER = "registers"
MASKED = "masked"
FULL = "full"
SUMS_NAME = "SHA256SUMS"
MANIFEST_NAME = "SEAL.txt"
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
#: The longest folder name a voucher number becomes, in UTF-8 bytes.
MAX_FOLDER_BYTES = 80
#: Names Windows gives to devices: a folder so named cannot be made there.
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}
)


class PackError(Exception):
    """The pack cannot be made where asked; the message says why and what to do."""


class PackWriteError(PackError):
    """The pack or its register line cannot be written (a read-only folder, a full disk)."""


class VoucherCopy(NamedTuple):
    """A voucher copy to put in the pack: its voucher number, file and name in the pack."""

    voucher: str
    source: Path
    name: str


def pack_reports(ledger: LoadedLedger, year: Year, language: str) -> list[Report]:
    """Every report of the pack of `year`, in the order the pack holds them.

    The fixed-asset report is in it when the ledger names an asset register or a procurement
    threshold.

    Raises:
        ledger.registers.RegisterError: a register the ledger names does not read.
    """
    return [
        build_report(kind, ledger, year, language)
        for kind in KINDS
        if (kind != "assets" or ledger.grant.assets.active)
        and (kind != "beneficiaries" or _has_beneficiaries(ledger, year))
    ]


def _has_beneficiaries(ledger: LoadedLedger, year: Year) -> bool:
    """Whether the year's pack holds the beneficiaries report: the register covers the year."""
    setup = ledger.grant.beneficiaries.setup
    return setup is not None and year >= setup.date.year


def register_file(
    ledger: LoadedLedger, year: Year, language: str, full: bool
) -> tuple[str, bytes] | None:
    """The beneficiary register as the pack holds it (name, bytes), if the year has any.

    Masked (the year's beneficiaries, identity numbers masked) unless `full` asks for the
    register file itself.

    Raises:
        PackError: the register file cannot be read, or lies outside the books.
    """
    analysis = ledger.grant.beneficiaries
    if analysis.setup is None or not any(p.year == year for p in analysis.payments):
        return None
    if full:
        path = Path(analysis.setup.path)
        if analysis.register_outside:
            raise PackError(Catalogue(language)("pack.register-outside", path=path))
        try:
            return f"{REGISTERS_FOLDER}/{path.name}", path.read_bytes()
        except OSError as error:
            message = Catalogue(language)("pack.register-unreadable", path=path)
            raise PackError(f"{message} ({error.strerror})") from error
    content = masked_register(analysis, year)
    if content is None:
        return None
    return f"{REGISTERS_FOLDER}/{Labels(language)('masked-register-file')}.csv", content


def pack_title(language: str, year: Year) -> str:
    """The pack's title (2025年度专项检查资料), heading its HTML page."""
    return report_title(Labels(language), "pack", year, [year])


def pack_stem(language: str, year: Year) -> str:
    """The name of the pack's files without their suffix."""
    return Labels(language)("pack-file", year=year)


def safe_folder_name(voucher: str) -> str:
    """A voucher number as a folder name that stays where it is put, on Windows as on Linux.

    Path separators, a drive's colon, control characters and the characters Windows forbids
    become `_`; a name of dots only (`..`), leading and trailing dots and spaces, and the names
    Windows reserves for devices (`CON`, `NUL`, `COM1` …) are made harmless. A name longer than
    `MAX_FOLDER_BYTES` in UTF-8 (file systems take 255 bytes a name) is cut and ends with a
    digest of the whole number (`记记…记~3f5c09a1`), so two long numbers never share a folder.
    """
    name = _UNSAFE_IN_NAMES.sub("_", voucher).strip(" .")
    if name.split(".")[0].upper() in _RESERVED_NAMES:
        name = f"_{name}"
    if len(name.encode("utf-8")) > MAX_FOLDER_BYTES:
        digest = hashlib.sha256(voucher.encode("utf-8")).hexdigest()[:8]
        room = MAX_FOLDER_BYTES - len(digest) - 1
        prefix = name.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .")
        name = f"{prefix}~{digest}"
    return name or "_"


def year_copies(ledger: LoadedLedger, year: Year) -> list[VoucherCopy]:
    """The voucher copies on file of the year's entries, in ledger order.

    A copy outside the books' folders (rule `document-outside`) is left out. Each voucher gets
    a folder of its own, even when two numbers make the same safe name.
    """
    finder = ledger.grant.documents
    copies = []
    seen: set[str] = set()
    folders: dict[str, str] = {}
    for use in ledger.grant.vouchers.uses:
        entry = use.entry
        if entry.date.year != year:
            continue
        voucher = use.number
        folder = folders.get(voucher)
        if folder is None:
            folder = base = safe_folder_name(voucher)
            taken = set(folders.values())
            number = 2
            while folder in taken:
                folder, number = f"{base}~{number}", number + 1
            folders[voucher] = folder
        # The voucher's copies, and the purchase's procurement record (采购记录) it names.
        procurement = entry.meta.get(PROCUREMENT_KEY)
        named = [*voucher_copies(entry.meta).values()]
        if type(procurement) is str and procurement.strip():
            named.append(procurement.strip())
        for value in named:
            found = finder.locate(value, entry.meta.get("filename", ""))
            if found is None or not finder.is_inside(found):
                continue
            name = f"{VOUCHERS_FOLDER}/{folder}/{Path(found).name}"
            if name not in seen:
                seen.add(name)
                copies.append(VoucherCopy(voucher, Path(found), name))
    return copies


def indicator_evidence(ledger: LoadedLedger, year: Year) -> dict[str, VoucherCopy]:
    """The evidence of each of the year's reported performance values, by indicator.

    The `document:` of each `grant-actual` whose value counts for `year` (the latest of its
    indicator), found as a voucher copy is; one outside the books' folders (rule
    `document-outside`) is left out, as a voucher copy is. Each file has one name in the pack,
    under `evidence/` (a second file of the same name gets `~2`), whichever indicators it proves.
    """
    finder = ledger.grant.documents
    actuals = [
        actual
        for (of_year, _), actual in ledger.grant.targets.actuals.items()
        if of_year == year and actual.value is not None and actual.document
    ]
    evidence: dict[str, VoucherCopy] = {}
    names: dict[str, str] = {}  # the file's real path -> its name in the pack
    for actual in actuals:
        found = finder.locate(actual.document or "", actual.entry.meta.get("filename", ""))
        if found is None or not finder.is_inside(found):
            continue
        real = os.path.realpath(found)
        path = Path(found)
        name = names.get(real)
        if name is None:
            name, number = f"{EVIDENCE_FOLDER}/{path.name}", 2
            while name in names.values():
                name, number = f"{EVIDENCE_FOLDER}/{path.stem}~{number}{path.suffix}", number + 1
            names[real] = name
        evidence[actual.name] = VoucherCopy(actual.name, path, name)
    return evidence


def year_evidence(ledger: LoadedLedger, year: Year) -> list[VoucherCopy]:
    """The evidence files of the year's reported performance values, each once, in ledger order."""
    files = {copy.name: copy for copy in indicator_evidence(ledger, year).values()}
    return list(files.values())


def self_evaluation(ledger: LoadedLedger, year: Year) -> dict:
    """The year's self-evaluation as the pack records it (`self-evaluation.json`)."""
    evidence = {
        indicator: (copy.name, copy.source)
        for indicator, copy in indicator_evidence(ledger, year).items()
    }
    return evaluation_record(ledger, year, evidence)


def seal_manifest(ledger: LoadedLedger, year: Year) -> tuple[str, list[tuple[str, bytes]]]:
    """The pack's `SEAL.txt`, and the year's seal file to put beside it.

    `SEAL.txt` names the year, its close and the close's seal (the digest `verify-pack`
    compares with the books), and the stamp of the books the pack was made from.

    Returns:
        The year's seal (`-` for a year not closed or not sealed), and the files to add.
    """
    close = ledger.grant.config.closes.get(year)
    seal = close.seal if close is not None and close.seal else NO_SEAL
    sha256, _ = digest_files(ledger.files or [ledger.path])
    lines = [
        "mch-ledger inspection pack (专项检查资料)",
        f"year: {year}",
        f"closed: {close.entry.date.isoformat() if close is not None else NO_SEAL}",
        f"seal: {seal}",
        f"books-sha256: {sha256}",
        f"self-evaluation: {RECORD_NAME}",
    ]
    files = []
    path = seal_path(close) if close is not None and close.seal else None
    if path is not None and not ledger.grant.documents.is_inside(str(path)):
        path = None  # a seal file outside the books is never read (rule document-outside)
    if path is not None:
        try:
            content = path.read_bytes()
        except OSError:
            content = None
        if content is not None and hashlib.sha256(content).hexdigest() == seal:
            name = f"{SEALS_FOLDER}/{year}.tsv"
            lines.append(f"seal-file: {name}")
            files.append((name, content))
    files.insert(0, (MANIFEST_NAME, ("\n".join(lines) + "\n").encode("utf-8")))
    return seal, files


def _files(workbook: bytes, page: str, stem: str, copies: list[VoucherCopy]) -> Iterator:
    """The pack's files as (name in the pack, bytes)."""
    yield f"{stem}.xlsx", workbook
    yield f"{stem}.html", page.encode("utf-8")
    for copy in copies:
        yield copy.name, copy.source.read_bytes()


def _stage_zip(target: Path, files: list[tuple[str, bytes]]) -> Path:
    """The pack as a zip in a temporary file beside `target`."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files:
                archive.writestr(name, content)
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def _stage_folder(target: Path, files: list[tuple[str, bytes]]) -> Path:
    """The pack as a folder in a temporary folder beside `target`."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, content in files:
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        os.chmod(staging, 0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _put_in_place(staged: Path, target: Path) -> None:
    if staged.is_dir() and target.exists():
        target.rmdir()
    os.replace(staged, target)


def _discard(staged: Path) -> None:
    if staged.is_dir():
        shutil.rmtree(staged, ignore_errors=True)
    else:
        staged.unlink(missing_ok=True)


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

    The pack is built beside its target and moved into place; with a recipient, its line in
    the copy register is written first and taken back if the pack cannot be put in place, so
    the two are written together or not at all. A pack the register records as given out is
    never overwritten.

    Args:
        ledger: the loaded ledger.
        year: the fiscal year; None for the last one the books cover.
        language: "zh" or "en".
        unit: "yuan" or "wan".
        output: a `.zip` file, or a folder that does not exist yet (or is empty); None for
            `packs/TITLE.zip` beside the ledger (`copy_register.packs_folder`).
        recipient: who is given the pack, recorded in the copy register
            (`packs/copy-register.csv` beside the ledger).
        full_register: put the beneficiary register itself in the pack, identity numbers in
            full, instead of its masked rows of the year (recorded in the copy register).

    Returns:
        The path of the pack.

    Raises:
        PackError: the books are empty, or the pack cannot be written at `output`.
        ledger.registers.RegisterError: a register the ledger names does not read (nothing
            is written).
        reports.context.NoDataForYearError: the books do not cover `year`.
        ledger.locking.LedgerBusyError: another writer holds the ledger's lock.
    """
    msg = Catalogue(language)
    books = ledger.grant.books
    if year is None:
        if not books:
            raise PackError(msg("pack.no-year", ledger=ledger.path))
        year = max(books)
    stem = pack_stem(language, year)
    if output is None:
        # `packs/` beside the ledger is made once the pack is ready to be written.
        target = packs_folder(ledger.path) / f"{stem}.zip"
    else:
        target = Path(output)
        if not target.parent.is_dir():
            raise PackWriteError(msg("pack.no-folder", target=target, folder=target.parent))
    zipped = target.suffix.lower() == ".zip"
    if not zipped and target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PackError(msg("pack.folder-exists", target=target))
    if target.exists() and is_registered(ledger.path, target):
        raise PackError(msg("pack.handed-out", target=target))

    reports = pack_reports(ledger, year, language)
    title = pack_title(language, year)
    copies = year_copies(ledger, year)
    evidence = year_evidence(ledger, year)
    seal, seal_files = seal_manifest(ledger, year)
    files = [
        *_files(
            render_xlsx(reports, unit), render_html(reports, unit, title), stem, copies + evidence
        ),
        *seal_files,
        (RECORD_NAME, record_bytes(self_evaluation(ledger, year))),
    ]
    register = register_file(ledger, year, language, full_register)
    if register is not None:
        files.append(register)
    sums = "".join(f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in files)
    files.append((SUMS_NAME, sums.encode("utf-8")))

    made: list[Path] = []
    try:
        if not target.parent.is_dir():
            # The folders made here, deepest first, to take back if the pack is not written.
            made = [
                folder for folder in (target.parent, *target.parent.parents) if not folder.exists()
            ]
            target.parent.mkdir(parents=True)
        staged = _stage_zip(target, files) if zipped else _stage_folder(target, files)
    except OSError as error:
        _remove_if_empty(made)
        raise PackWriteError(
            msg("pack.cannot-write", target=target, reason=_reason(error))
        ) from error
    try:
        undo = None
        if recipient:
            if zipped:
                digest, digest_of = file_sha256(staged), OF_FILE
            else:
                digest, digest_of = hashlib.sha256(sums.encode("utf-8")).hexdigest(), OF_SUMS
            vouchers = list(dict.fromkeys(copy.voucher for copy in copies))
            register = register_path(ledger.path)
            try:
                held = "" if register is None else FULL if full_register else MASKED
                undo = record_copy(
                    ledger.path,
                    recipient,
                    year,
                    target,
                    digest,
                    digest_of,
                    seal,
                    vouchers,
                    register=held,
                )
            except OSError as error:
                raise PackWriteError(
                    msg("pack.register-failed", register=register, reason=_reason(error))
                ) from error
        try:
            _put_in_place(staged, target)
        except OSError as error:
            if undo is not None:
                undo()
            raise PackWriteError(
                msg("pack.cannot-write", target=target, reason=_reason(error))
            ) from error
    except BaseException:
        _discard(staged)
        _remove_if_empty(made)
        raise
    return target


def _remove_if_empty(folders: list[Path]) -> None:
    """Take back the folders the pack made (deepest first), unless something else is in them now."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
