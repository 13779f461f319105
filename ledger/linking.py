"""Voucher copies on file, linked to their entries by the voucher number in their names.

Scans of original vouchers are often filed before anyone links them: a folder of
`2026-03-23.记-2026-005.pdf` under `documents/`, or a scan uploaded on Fava's Documents page,
which Fava names `2026-11-20 记-2026-045.pdf` (with a space). A copy is named for its entry when,
after an optional leading date (`YYYY-MM-DD` and a dot, a space or `_`), its name starts with
the entry's voucher number, followed by nothing or by anything that does not continue the
number: `记-2026-005.pdf`, `记-2026-005-2.pdf`, `记-2026-005 发票.pdf` are copies of 记-2026-005,
`记-2026-0051.pdf` is not.

Where numbers start again each period (记-001 every year, or every month), a number names one
entry only within a period: the copy's date then says which period it belongs to. A number with
its year (记-2026-005) names its entry whatever the copy's date.

`mch-ledger link-documents` writes the links (`plan_links`, `insert_links`); the statement
importer links the copies of the rows it numbers (`CopyIndex.unlinked`). Only open years are
changed: a closed year is sealed (`closed-year-changed`).
"""

from __future__ import annotations

import datetime
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from beancount.core import data

from ledger.documents import DOCUMENT_PREFIX, DocumentFinder, voucher_copies
from ledger.model import GrantConfig
from ledger.vouchers import VoucherRegister, VoucherUse, parse_voucher, period_of

DATED_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})[ ._](?P<rest>.+)$")
METADATA_LINE = re.compile(r"^\s+[a-z][A-Za-z0-9_-]*:")


class CopyFile(NamedTuple):
    """A file under a documents folder that may be a voucher copy."""

    path: str
    """Its absolute, normalised path."""
    date: datetime.date | None
    """The date its name starts with, if any."""
    stem: str
    """Its name after the date, without the extension."""

    @property
    def numbers(self) -> list[str]:
        """The voucher numbers its name may carry, longest first.

        Each prefix of the stem ending in a digit that is not followed by another digit, and
        the whole stem (for numbers ending in a word, 付字2025第0041号).
        """
        stem = self.stem
        found = {stem}
        for end in range(1, len(stem)):
            if stem[end - 1].isdigit() and not stem[end].isdigit():
                found.add(stem[:end])
        return sorted(found, key=len, reverse=True)


def copy_file(path: str) -> CopyFile:
    """What a file's name says: its date and the rest of its name."""
    name = os.path.basename(path)
    stem = os.path.splitext(name)[0]
    found = DATED_NAME.match(stem)
    if found is None:
        return CopyFile(path, None, stem.strip())
    try:
        day = datetime.date.fromisoformat(found["date"])
    except ValueError:
        return CopyFile(path, None, stem.strip())
    return CopyFile(path, day, found["rest"].strip())


def copy_files(document_dirs: Iterable[str]) -> list[CopyFile]:
    """Every file under the documents folders (hidden files and folders left out), in order."""
    files = []
    for root in document_dirs:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            files.extend(
                copy_file(os.path.normpath(os.path.join(folder, name)))
                for name in names
                if not name.startswith(".")
            )
    files.sort(key=_copy_order)
    return files


def _copy_order(copy: CopyFile) -> tuple:
    """By folder, then naturally by name: 记-005 before 记-005-2 before 记-005-10."""
    parts = re.split(r"(\d+)", copy.stem)
    natural = [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts]
    return (os.path.dirname(copy.path), copy.date or datetime.date.min, natural, copy.path)


def linked_paths(entries: Iterable[data.Directive], finder: DocumentFinder) -> set[str]:
    """The real paths of the copies the ledger's transactions link already."""
    linked = set()
    for entry in entries:
        if type(entry) is not data.Transaction:
            continue
        filename = entry.meta.get("filename", "")
        for value in voucher_copies(entry.meta).values():
            path = finder.locate(value, filename)
            if path is not None:
                linked.add(os.path.realpath(path))
    return linked


def link_value(copy: CopyFile, finder: DocumentFinder, entry_file: str) -> str:
    """What to write in `document:` for `copy`.

    Its name, where Beancount's documents plugin finds it by name (as Fava writes it); else its
    path relative to the file holding the entry.
    """
    name = os.path.basename(copy.path)
    known = finder.known.get(name)
    if known is not None and os.path.realpath(known) == os.path.realpath(copy.path):
        return name
    try:
        relative = os.path.relpath(copy.path, os.path.dirname(entry_file) or ".")
    except ValueError:  # on Windows, another drive than the entry's file: the full path
        relative = copy.path
    return relative.replace(os.sep, "/")


class CopyIndex:
    """The files under a ledger's documents folders, by the voucher numbers their names carry.

    Args:
        files: the files under the documents folders.
        linked: the real paths of the copies some entry links already.
        mode: vouchers numbered per fiscal year (`year`) or per month (`month`).
    """

    def __init__(self, files: Sequence[CopyFile], linked: set[str], mode: str) -> None:
        self.mode = mode
        self.linked = linked
        self.by_number: dict[str, list[CopyFile]] = defaultdict(list)
        for copy in files:
            for number in copy.numbers:
                self.by_number[number].append(copy)

    @classmethod
    def of_ledger(
        cls,
        entries: Sequence[data.Directive],
        config: GrantConfig,
        finder: DocumentFinder,
    ) -> CopyIndex:
        """The index of a loaded ledger's documents folders."""
        files = copy_files(finder.document_dirs)
        return cls(files, linked_paths(entries, finder), config.voucher_period)

    def is_linked(self, copy: CopyFile) -> bool:
        """Whether an entry links `copy` already."""
        return os.path.realpath(copy.path) in self.linked

    def named_for(self, number: str, day: datetime.date, must_match_period: bool) -> list[CopyFile]:
        """The files named for voucher `number` of an entry dated `day`.

        Args:
            number: the voucher number.
            day: the entry's date.
            must_match_period: whether a dated file must be dated in the entry's period (a
                number without its year names an entry only within its period).
        """
        period = period_of(day, self.mode)
        return [
            copy
            for copy in self.by_number.get(number, ())
            if not must_match_period
            or copy.date is None
            or period_of(copy.date, self.mode) == period
        ]

    def unlinked(self, number: str, day: datetime.date) -> list[CopyFile]:
        """The files named for the new voucher `number` dated `day` that no entry links yet."""
        parsed = parse_voucher(number)
        needs_period = parsed is None or parsed.year is None
        return [
            copy for copy in self.named_for(number, day, needs_period) if not self.is_linked(copy)
        ]


class Link(NamedTuple):
    """A copy to link to an entry: `key: "value"` added to the entry's metadata."""

    entry: data.Transaction
    key: str
    value: str
    path: str
    """The copy's absolute path."""


class Skipped(NamedTuple):
    """A copy named for a voucher that is not linked, and why."""

    path: str
    number: str
    reason: str
    """`sealed` (its entry is in a closed year), `ambiguous` (several entries of one period)
    or `undated` (entries of several periods, and no date in the file's name to choose by)."""
    entries: tuple[data.Transaction, ...]


class LinkPlan(NamedTuple):
    """What `link-documents` would do."""

    links: list[Link]
    skipped: list[Skipped]


def next_document_key(meta: Mapping[str, object], taken: Iterable[str] = ()) -> str:
    """`document`, else `document-2`, `document-3`, …: the first key free (as Fava numbers)."""
    used = set(meta) | set(taken)
    if DOCUMENT_PREFIX not in used:
        return DOCUMENT_PREFIX
    number = 2
    while f"{DOCUMENT_PREFIX}-{number}" in used:
        number += 1
    return f"{DOCUMENT_PREFIX}-{number}"


def _entry_for(
    copy: CopyFile, number: str, uses: Sequence[VoucherUse], mode: str
) -> list[VoucherUse]:
    """The uses of `number` the copy may belong to: all of them, or those of its period."""
    parsed = parse_voucher(number)
    if copy.date is not None and (len(uses) > 1 or parsed is None or parsed.year is None):
        period = period_of(copy.date, mode)
        return [use for use in uses if use.period == period]
    return list(uses)


def plan_links(
    entries: Sequence[data.Directive],
    config: GrantConfig,
    register: VoucherRegister,
    finder: DocumentFinder,
) -> LinkPlan:
    """The copies under the documents folders to link to the entries their names carry.

    A copy some entry links already is left alone. A copy whose number names one entry is
    linked to it, unless the entry's fiscal year is closed; a copy whose number names several
    entries of its period, or of several periods when its name carries no date, is left for
    the accountant.

    Args:
        entries: the ledger's entries.
        config: the grant's configuration (closed years, voucher period).
        register: the voucher register (the numbers in use).
        finder: finds the copies the entries link.
    """
    by_number: dict[str, list[VoucherUse]] = defaultdict(list)
    for use in register.uses:
        by_number[use.number].append(use)
    linked = linked_paths(entries, finder)
    links: list[Link] = []
    skipped: list[Skipped] = []
    taken: dict[int, list[str]] = defaultdict(list)
    for copy in copy_files(finder.document_dirs):
        if os.path.realpath(copy.path) in linked:
            continue
        number = next((n for n in copy.numbers if n in by_number), None)
        if number is None:
            continue
        uses = _entry_for(copy, number, by_number[number], config.voucher_period)
        if len(uses) > 1:
            entries_ = tuple(use.entry for use in uses)
            several = copy.date is None and len({use.period for use in uses}) > 1
            reason = "undated" if several else "ambiguous"
            skipped.append(Skipped(copy.path, number, reason, entries_))
            continue
        if not uses:
            continue
        entry = uses[0].entry
        if entry.date.year in config.closes:
            skipped.append(Skipped(copy.path, number, "sealed", (entry,)))
            continue
        key = next_document_key(entry.meta, taken[id(entry)])
        taken[id(entry)].append(key)
        value = link_value(copy, finder, entry.meta.get("filename", ""))
        links.append(Link(entry, key, value, copy.path))
    return LinkPlan(links, skipped)


class LinkError(Exception):
    """The entry is no longer where the load found it: the file changed since."""


def insert_links(text: str, links: Sequence[Link]) -> str:
    """The text of one ledger file with `links` (all of entries in this file) inserted.

    Each `key: "value"` goes after the entry's own metadata, before its postings, indented as
    the entry's next line is.

    Raises:
        LinkError: a link's entry is not at the line it was loaded from.
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.endswith("\r\n") or "\r\n" in text[:4096] else "\n"
    by_line: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        by_line[int(link.entry.meta["lineno"])].append(link)
    for lineno in sorted(by_line, reverse=True):
        header = lineno - 1
        entry = by_line[lineno][0].entry
        if header >= len(lines) or not lines[header].startswith(entry.date.isoformat()):
            raise LinkError(f"line {lineno} no longer starts the entry of {entry.date}")
        after = header + 1
        indent = "  "
        if after < len(lines) and lines[after][:1] in (" ", "\t"):
            indent = lines[after][: len(lines[after]) - len(lines[after].lstrip())]
        while after < len(lines) and METADATA_LINE.match(lines[after]):
            after += 1
        new = [f'{indent}{link.key}: "{_escaped(link.value)}"{newline}' for link in by_line[lineno]]
        lines[after:after] = new
    return "".join(lines)


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')
