"""Does an inspection pack match the books? What `mch-ledger verify-pack PACK LEDGER` checks.

An auditor keeps the pack they were given; years later they can hold it against the books:

1. the pack is intact: every file is listed in its `SHA256SUMS` with its digest, and none is
   missing or added;
2. the year it holds was closed and sealed, and the books' close of that year records the seal
   the pack's `SEAL.txt` carries (a close rewritten since, even with new figures and a new seal,
   gives another seal);
3. the books still hold to that seal: no entry of the year changed, appeared or vanished, and
   no voucher copy's content changed (`ledger.seals`);
4. each voucher copy in the pack is one the seal lists, and the pack's seal file is the one the
   close records;
5. the year's self-evaluation in the books is the one the pack carries (`self-evaluation.json`,
   `reports.pack_evaluation`): its total, grade, each indicator's actual value and score, and
   the evidence of its reported values. The seal does not cover them: a value reported after the
   close changes the scores without touching a sealed entry.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ledger.findings import Finding, finding_of
from ledger.i18n import Catalogue
from ledger.loading import LoadedLedger
from ledger.seals import (
    NO_SEAL,
    SealFileError,
    copy_findings,
    parse_seal,
    seal_findings,
    sealed_copy_digests,
)
from reports.pack import MANIFEST_NAME, SUMS_NAME, VOUCHERS_FOLDER, self_evaluation
from reports.pack_evaluation import RECORD_NAME, differences, read_record

#: A pack larger than this is not a pack we made (a pack of a year is tens of megabytes).
MAX_PACK_BYTES = 2 << 30


class UnreadablePackError(Exception):
    """The pack cannot be read at all; the message says why."""


class Verdict(NamedTuple):
    """Whether a pack matches the books, and what was found."""

    matches: bool
    year: int | None
    seal: str | None
    problems: list[str]
    findings: list[Finding]
    """The books' findings against their seal, when they no longer hold to it."""
    notes: Sequence[str] = ()
    """What could not be compared, without making the pack differ (a pack made before packs
    recorded their self-evaluation)."""


def read_pack(pack: Path) -> dict[str, bytes]:
    """Every file of a pack (a `.zip` or a folder), by its name in the pack.

    Raises:
        UnreadablePackError: the pack is not a readable zip or folder.
    """
    try:
        if pack.is_dir():
            return {
                path.relative_to(pack).as_posix(): path.read_bytes()
                for path in sorted(pack.rglob("*"))
                if path.is_file()
            }
        with zipfile.ZipFile(pack) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            if sum(info.file_size for info in infos) > MAX_PACK_BYTES:
                raise UnreadablePackError(f"{pack}: larger than any inspection pack")
            return {info.filename: archive.read(info) for info in infos}
    except (OSError, zipfile.BadZipFile) as error:
        raise UnreadablePackError(f"{pack}: {getattr(error, 'strerror', None) or error}") from error


def _manifest(content: bytes) -> dict[str, str]:
    fields = {}
    for line in content.decode("utf-8", errors="replace").splitlines():
        key, colon, value = line.partition(":")
        if colon:
            fields[key.strip()] = value.strip()
    return fields


def _intact(msg: Catalogue, files: dict[str, bytes]) -> list[str]:
    """What is wrong with the pack's own checksums."""
    sums = files.get(SUMS_NAME)
    if sums is None:
        return [msg("verify.no-sums", name=SUMS_NAME)]
    listed = {}
    for line in sums.decode("utf-8", errors="replace").splitlines():
        digest, separator, name = line.partition("  ")
        if separator:
            listed[name] = digest
    problems = []
    for name, digest in listed.items():
        content = files.get(name)
        if content is None:
            problems.append(msg("verify.file-missing", name=name))
        elif hashlib.sha256(content).hexdigest() != digest:
            problems.append(msg("verify.file-altered", name=name))
    for name in files:
        if name != SUMS_NAME and name not in listed:
            problems.append(msg("verify.file-added", name=name))
    return problems


def verify_pack(pack: Path, ledger: LoadedLedger, language: str) -> Verdict:
    """Check a pack against the books.

    Args:
        pack: the pack, a `.zip` or a folder.
        ledger: the loaded books.
        language: the language of the problems' descriptions.

    Raises:
        UnreadablePackError: the pack cannot be read, or has no `SEAL.txt`.
    """
    msg = Catalogue(language)
    files = read_pack(pack)
    problems = _intact(msg, files)
    manifest = files.get(MANIFEST_NAME)
    if manifest is None:
        raise UnreadablePackError(msg("verify.no-manifest", pack=pack, name=MANIFEST_NAME))
    fields = _manifest(manifest)
    year_text, seal = fields.get("year", ""), fields.get("seal", "")
    if not year_text.isdigit() or not seal:
        raise UnreadablePackError(msg("verify.no-manifest", pack=pack, name=MANIFEST_NAME))
    year = int(year_text)
    if seal == NO_SEAL:
        problems.append(msg("verify.not-sealed-pack", year=year))
        return Verdict(False, year, None, problems, [])

    close = ledger.grant.config.closes.get(year)
    if close is None or close.seal is None:
        problems.append(msg("verify.books-not-sealed", year=year))
        return Verdict(False, year, seal, problems, [])
    if close.seal != seal:
        problems.append(msg("verify.other-seal", year=year, books=close.seal, pack=seal))
        return Verdict(False, year, seal, problems, [])

    errors = [
        error
        for error in [*seal_findings(ledger.grant), *copy_findings(ledger.grant, [year])]
        if error.year == year
    ]
    findings = [finding_of(error) for error in errors]
    if findings:
        problems.append(msg("verify.books-changed", year=year, count=len(findings)))

    seal_name = fields.get("seal-file")
    sealed = files.get(seal_name) if seal_name else None
    if sealed is None or hashlib.sha256(sealed).hexdigest() != seal:
        problems.append(msg("verify.seal-file", year=year))
    else:
        try:
            listed = sealed_copy_digests(parse_seal(sealed.decode("utf-8")))
        except (SealFileError, UnicodeDecodeError):
            listed = None
            problems.append(msg("verify.seal-file", year=year))
        if listed is not None:
            for name, content in files.items():
                if name.startswith(f"{VOUCHERS_FOLDER}/") and (
                    hashlib.sha256(content).hexdigest() not in listed
                ):
                    problems.append(msg("verify.copy-not-sealed", name=name))
    notes: list[str] = []
    problems.extend(_evaluation_problems(msg, files, fields, ledger, year, notes))
    return Verdict(not problems, year, seal, problems, findings, notes)


def _evaluation_problems(
    msg: Catalogue,
    files: dict[str, bytes],
    fields: dict[str, str],
    ledger: LoadedLedger,
    year: int,
    notes: list[str],
) -> list[str]:
    """How the books' self-evaluation of `year` differs from the one the pack carries.

    A pack made before packs recorded it carries none: a note says its scores were not compared.
    """
    name = fields.get("self-evaluation", RECORD_NAME)
    content = files.get(name)
    if content is None:
        notes.append(msg("verify.no-evaluation", name=RECORD_NAME))
        return []
    record = read_record(content)
    if record is None:
        return [msg("verify.evaluation-unreadable", name=name)]
    return differences(msg, year, record, self_evaluation(ledger, year))
