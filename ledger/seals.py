"""Seals of closed years: a digest of every entry, so that any later change names the entry.

`mch-ledger close` records a year's closing figures on its `grant-close`, and seals the year: a
seal file beside the ledger lists every transaction of the year with a digest of exactly these
fields — date, flag, payee, narration, postings, `voucher`, the `document*` links, and its tags
and links when it has any — and the SHA-256 of each voucher copy's content. The close records
the file and its own SHA-256:

    2025-01-20 custom "grant-close" 2024
      balance: 4818.56 CNY
      ...
      seal-file: "seals/2024.tsv"
      seal: "3f5c…"             ; SHA-256 of seals/2024.tsv: the year's close digest

Each seal file names the seal of the year before it (`previous`), so the seals form a chain:
rewriting a sealed year's entries and its seal breaks the next year's seal. The last year's seal
is guarded from outside the books: every inspection pack and copy-register line carries it, and
`mch-ledger verify-pack` compares a pack with the books.

Only the fields above are sealed, so metadata added to closed-year entries later (`asset:`,
`beneficiary:` …) never breaks a seal. The rule `closed-year-changed` compares the books with
their seals at every load (digests of the entries' text only, microseconds an entry); the
copies' contents, which means reading every file, are hashed by `mch-ledger validate`,
`close` and `verify-pack` only (`copy_findings`).

A seal file is UTF-8 text, one record a line, fields separated by tabs:

    # comment lines
    version  1
    year     2024
    previous -                        (or the previous year's seal)
    entries  49   SHA256              (one digest over every entry, for the quick check)
    figure   balance   4818.56 CNY    (each figure the close records)
    entry    记-2024-006   2024-04-05   DIGEST   FIELD-DIGESTS   COPIES
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from beancount.core import data, flags

from ledger.directives import SEAL_FILE_KEY, SEAL_KEY
from ledger.documents import DOCUMENT_PREFIX, DocumentFinder, document_dirs, voucher_copies
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import Catalogue
from ledger.model import Close, Year
from ledger.padding import Place, made_by_pad, pad_places

RULE = "closed-year-changed"
VERSION = "1"
SEALS_FOLDER = "seals"
NO_SEAL = "-"
"""The `previous` of the first sealed year, and a copy that was not on file when sealed."""

#: The sealed fields of an entry, in the order of its field digests. The last, an entry's tags
#: and links, is sealed only when it has some: seals made before it was sealed (the demo's)
#: keep their digests, and adding a tag or link to a sealed entry is still seen.
FIELDS = ("date", "flag", "payee", "narration", "postings", "voucher", "documents", "tags")
_FIELD_DIGEST_LENGTH = 16
#: The field digest of an entry without tags or links (a record that names no such field).
_NO_TAGS = hashlib.sha256(b"").hexdigest()[:_FIELD_DIGEST_LENGTH]
_SEPARATOR = "\x1e"
#: Fields that pair a changed entry with its sealed record, tried in this order.
_PAIRING = ((5,), (2, 3), (4,), (0, 6))


class SealedEntry(NamedTuple):
    """One entry of a seal file (its field digests and copies read when they are needed)."""

    voucher: str
    date: str
    digest: str
    """SHA-256 over the sealed fields."""
    field_text: str
    copies_text: str
    line: int
    """The record's line in the seal file."""

    @property
    def fields(self) -> tuple[str, ...]:
        """A short digest of each field of `FIELDS`, to name what changed."""
        return _all_fields(tuple(self.field_text.split(",")))

    @property
    def copies(self) -> tuple[tuple[str, str], ...]:
        """Each `document*` key with the SHA-256 of the copy's content (`-`: not on file)."""
        if self.copies_text == NO_SEAL:
            return ()
        pairs = (item.partition("=") for item in self.copies_text.split(";"))
        return tuple((key, digest) for key, equals, digest in pairs if equals)


class SealFile(NamedTuple):
    """A parsed seal file."""

    year: Year
    previous: str
    figures: dict[str, str]
    entries: list[SealedEntry]
    """The entries (empty when only the file's head was read)."""
    entries_digest: str = ""
    """One SHA-256 over every entry's sealed fields, in ledger order (`year_digest`)."""


class SealFileError(Exception):
    """A seal file that does not read; the message says where."""

    def __init__(self, line: int, text: str) -> None:
        super().__init__(f"line {line}: {text}")
        self.line = line


# -- Digests --------------------------------------------------------------------------------


def _posting(posting: data.Posting) -> str:
    units = posting.units
    text = f"{posting.account}\x1f{posting.flag or ''}"
    if units is not None:
        text += f"\x1f{units.number}\x1f{units.currency}"
    cost = posting.cost
    if cost is not None:
        text += f"\x1f{{\x1f{cost.number}\x1f{cost.currency}\x1f{cost.date}\x1f{cost.label}"
    price = posting.price
    if price is not None:
        text += f"\x1f@\x1f{price.number}\x1f{price.currency}"
    return text


def entry_fields(
    entry: data.Transaction, copy_keys: dict[tuple[str, ...], tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """The sealed fields of a transaction as text, in the order of `FIELDS`.

    Postings are taken in a fixed order (writing them in another order changes nothing); their
    amounts as Beancount reads them (`12000.00`). Tags and links (`#audit ^contract-7`) are a
    last field only for an entry that has some. `copy_keys` keeps, per sequence of metadata
    keys, the ones that name copies (entries mostly share their keys).
    """
    meta = entry.meta
    voucher = meta.get("voucher")
    keys = tuple(meta)
    names = copy_keys.get(keys) if copy_keys is not None else None
    if names is None:
        names = tuple(key for key in keys if key.startswith(DOCUMENT_PREFIX))
        if copy_keys is not None:
            copy_keys[keys] = names
    links = [f"{name}={meta[name]}" for name in names if type(meta[name]) is str and meta[name]]
    links.sort()
    documents = _SEPARATOR.join(links)
    postings = [_posting(posting) for posting in entry.postings]
    postings.sort()
    payee = entry.payee
    fields = (
        entry.date.isoformat(),
        entry.flag or "",
        "\x00" if payee is None else payee,
        entry.narration or "",
        _SEPARATOR.join(postings),
        "" if voucher is None else f"{type(voucher).__name__}:{voucher}",
        documents,
    )
    tags, links = entry.tags, entry.links
    if not tags and not links:
        return fields
    marks = sorted(f"#{tag}" for tag in tags or ()) + sorted(f"^{link}" for link in links or ())
    return (*fields, " ".join(marks))


def digest_of(fields: Sequence[str]) -> str:
    """The SHA-256 of an entry's sealed fields."""
    return hashlib.sha256(_SEPARATOR.join(fields).encode("utf-8")).hexdigest()


def year_digest(entries: Iterable[data.Transaction]) -> str:
    """One SHA-256 over the sealed fields of every entry, in order.

    The fast check that nothing changed: one hash for the year, no digest per entry.
    """
    copy_keys: dict[tuple[str, ...], tuple[str, ...]] = {}
    separator = _SEPARATOR
    lines = [separator.join(entry_fields(entry, copy_keys)) + "\n" for entry in entries]
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def field_digests(fields: Sequence[str]) -> tuple[str, ...]:
    """A short digest of each sealed field: enough to say which one changed."""
    return tuple(
        hashlib.sha256(field.encode("utf-8")).hexdigest()[:_FIELD_DIGEST_LENGTH] for field in fields
    )


def _all_fields(digests: tuple[str, ...]) -> tuple[str, ...]:
    """Field digests of every one of `FIELDS`: no tags or links when the last is not given."""
    if len(digests) == len(FIELDS) - 1:
        return (*digests, _NO_TAGS)
    return digests if len(digests) == len(FIELDS) else ("",) * len(FIELDS)


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def copy_digests(
    entry: data.Transaction, finder: DocumentFinder, cache: dict[str, str] | None = None
) -> tuple[tuple[str, str], ...]:
    """Each copy an entry links, by key, with the SHA-256 of its content (`-` if not on file).

    A copy outside the books' folders (rule `document-outside`) is never read. `cache` keeps
    the digests of files already read (several entries may link one file).
    """
    filename = entry.meta.get("filename", "")
    cache = {} if cache is None else cache
    found = []
    for key, value in sorted(voucher_copies(entry.meta).items()):
        path = finder.locate(value, filename)
        digest = NO_SEAL
        if path is not None and finder.is_inside(path):
            digest = cache.get(path, "")
            if not digest:
                try:
                    digest = cache[path] = file_sha256(path)
                except OSError:
                    digest = NO_SEAL
        found.append((key, digest))
    return tuple(found)


def sealed_transactions(
    entries: Sequence[data.Directive], years: Iterable[Year]
) -> dict[Year, list[data.Transaction]]:
    """The transactions of each of `years` (Beancount's padding left out), in ledger order."""
    wanted = set(years)
    found: dict[Year, list[data.Transaction]] = {year: [] for year in wanted}
    transaction = data.Transaction
    padding = flags.FLAG_PADDING
    pads: frozenset[Place] | None = None
    for entry in entries:
        if type(entry) is not transaction or entry.date.year not in wanted:
            continue
        if entry.flag == padding:
            if pads is None:
                pads = pad_places(entries)
            if made_by_pad(entry, pads):
                continue
        found[entry.date.year].append(entry)
    return found


# -- Seal files -----------------------------------------------------------------------------


def _clean(text: str) -> str:
    """A value for a tab-separated line."""
    return " ".join(str(text).split()) or NO_SEAL


def seal_text(
    year: Year,
    previous: str,
    figures: Mapping[str, data.Amount],
    entries: Sequence[data.Transaction],
    finder: DocumentFinder,
) -> str:
    """The seal file of `year`: its figures and a digest of each of its transactions.

    Args:
        year: the closed year.
        previous: the seal of the year before (`-` for the first sealed year).
        figures: the closing figures the `grant-close` records.
        entries: the year's transactions.
        finder: finds the voucher copies, whose contents are hashed.
    """
    lines = [
        f"# mch-ledger seal of fiscal year {year}: one line per transaction of the year.",
        f"# The grant-close of {year} records this file's SHA-256: never edit it.",
        f"version\t{VERSION}",
        f"year\t{year}",
        f"previous\t{previous}",
        f"entries\t{len(entries)}\t{year_digest(entries)}",
    ]
    for key, amount in figures.items():
        lines.append(f"figure\t{key}\t{amount.number:.2f} {amount.currency}")
    read: dict[str, str] = {}
    for entry in entries:
        fields = entry_fields(entry)
        voucher = entry.meta.get("voucher")
        copies = ";".join(f"{key}={digest}" for key, digest in copy_digests(entry, finder, read))
        lines.append(
            "\t".join(
                [
                    "entry",
                    _clean(voucher) if voucher is not None else NO_SEAL,
                    fields[0],
                    digest_of(fields),
                    ",".join(field_digests(fields)),
                    copies or NO_SEAL,
                ]
            )
        )
    return "\n".join(lines) + "\n"


def parse_seal(text: str, with_entries: bool = True) -> SealFile:
    """Read a seal file.

    Args:
        text: the file's text.
        with_entries: read the entry lines too (else only the head, up to the first entry).

    Raises:
        SealFileError: a line does not read, or the version, year or previous seal is missing.
    """
    header: dict[str, str] = {}
    figures: dict[str, str] = {}
    entries: list[SealedEntry] = []
    # A year has thousands of entry lines: tuple.__new__ skips NamedTuple's Python constructor.
    new, sealed_entry = tuple.__new__, SealedEntry
    for number, line in enumerate(text.split("\n"), start=1):
        cells = line.split("\t")
        kind = cells[0]
        if kind == "entry" and len(cells) == 6:
            if not with_entries:
                break
            entries.append(new(sealed_entry, (*cells[1:], number)))
        elif kind in ("version", "year", "previous") and len(cells) == 2:
            header[kind] = cells[1]
        elif kind == "entries" and len(cells) == 3:
            header[kind] = cells[2]
        elif kind == "figure" and len(cells) == 3:
            figures[cells[1]] = cells[2]
        elif line.strip() and not line.startswith("#"):
            raise SealFileError(number, f"unknown line {line[:40]!r}")
    if header.get("version") != VERSION:
        raise SealFileError(1, f"not a seal file of version {VERSION}")
    if not header.get("year", "").isdigit() or "previous" not in header:
        raise SealFileError(1, "the year or the previous seal is missing")
    return SealFile(
        int(header["year"]), header["previous"], figures, entries, header.get("entries", "")
    )


def seal_path(close: Close) -> Path | None:
    """The seal file a sealed close names, relative to the file holding the close."""
    if close.seal_file is None:
        return None
    base = Path(str(close.entry.meta.get("filename", ""))).parent
    return base / close.seal_file


def default_seal_path(options_map: Mapping[str, object], year: Year) -> Path:
    """Where `mch-ledger close` writes the seal file of `year` for the ledger of `options_map`.

    `seals/YEAR.tsv` in the ledger's first documents folder, else beside its main file.
    """
    folders = document_dirs(options_map)
    base = folders[0] if folders else os.path.dirname(str(options_map.get("filename") or ""))
    return Path(base) / SEALS_FOLDER / f"{year}.tsv"


def previous_seal(closes: Mapping[Year, Close], year: Year) -> str | None:
    """The seal that the seal of `year` follows in the chain.

    Returns:
        The seal of the year before; `-` when that year has no close; None when it is closed
        but not sealed (it must be sealed first).
    """
    before = closes.get(year - 1)
    if before is None:
        return NO_SEAL
    return before.seal


# -- Comparing the books with their seals ----------------------------------------------------


class Changes(NamedTuple):
    """How a closed year's transactions differ from its seal."""

    matched: list[tuple[data.Transaction, SealedEntry]]
    """Unchanged entries, with their records."""
    changed: list[tuple[data.Transaction, SealedEntry, list[str]]]
    """Changed entries, with their records and the names of the fields that changed."""
    appeared: list[data.Transaction]
    vanished: list[SealedEntry]


def compare(sealed: Sequence[SealedEntry], entries: Sequence[data.Transaction]) -> Changes:
    """Pair the year's transactions with their sealed records.

    An entry whose digest is sealed is unchanged. The others are paired with a record left over
    that shares their voucher, else their payee and narration, else their postings, else their
    date and copies: such a pair is a changed entry. What is left is an entry that appeared, or
    a record whose entry vanished.
    """
    waiting: dict[str, list[SealedEntry]] = defaultdict(list)
    for record in sealed:
        waiting[record.digest].append(record)
    matched = []
    unmatched: list[tuple[data.Transaction, tuple[str, ...]]] = []
    for entry in entries:
        fields = entry_fields(entry)
        records = waiting.get(digest_of(fields))
        if records:
            matched.append((entry, records.pop(0)))
        else:
            unmatched.append((entry, fields))
    left = [record for records in waiting.values() for record in records]
    left.sort(key=lambda record: record.line)
    if not unmatched:
        return Changes(matched, [], [], left)

    taken: set[int] = set()
    changed = []
    pending = [(entry, _all_fields(field_digests(fields))) for entry, fields in unmatched]
    for indexes in _PAIRING:
        index: dict[tuple[str, ...], list[SealedEntry]] = defaultdict(list)
        for record in left:
            if record.line not in taken:
                index[tuple(record.fields[i] for i in indexes)].append(record)
        still = []
        for entry, digests in pending:
            candidates = index.get(tuple(digests[i] for i in indexes))
            if candidates:
                record = candidates.pop(0)
                taken.add(record.line)
                names = [FIELDS[i] for i in range(len(FIELDS)) if digests[i] != record.fields[i]]
                changed.append((entry, record, names))
            else:
                still.append((entry, digests))
        pending = still
    changed.sort(key=lambda item: item[0].meta.get("lineno", 0))
    return Changes(
        matched,
        changed,
        [entry for entry, _ in pending],
        [record for record in left if record.line not in taken],
    )


class YearSeal:
    """A sealed year as the books stand: the seal file, and how the entries compare with it.

    Args:
        close: the year's `grant-close`.
        path: its seal file.
        problems: what is wrong with the seal itself (missing, altered, chain, figures).
        text: the seal file's text, when it reads.
        head: the seal file's head, when it reads.
        entries: the year's transactions.
        outside: the seal file lies outside the books, and is not read.
    """

    def __init__(
        self,
        close: Close,
        path: Path,
        problems: list[GrantError],
        text: str | None = None,
        head: SealFile | None = None,
        entries: Sequence[data.Transaction] = (),
        outside: bool = False,
    ) -> None:
        self.close, self.path, self.problems = close, path, problems
        #: The seal file lies outside the books (rule `document-outside`): it is not read.
        self.outside = outside
        self.head = head
        self._text = text
        self._entries = entries
        #: Whether every entry is as sealed: one digest over the year, no digest per entry.
        self.unchanged = head is not None and head.entries_digest == year_digest(entries)

    @cached_property
    def seal(self) -> SealFile | None:
        """The whole seal file, entries included (read on first use)."""
        if self._text is None:
            return None
        return parse_seal(self._text)

    @cached_property
    def changes(self) -> Changes | None:
        """How the year's entries compare with their records (worked out on first use)."""
        seal = self.seal
        return compare(seal.entries, self._entries) if seal is not None else None


def year_seals(grant: GrantLedger) -> dict[Year, YearSeal]:
    """Every sealed close of the books, compared with the books; made once per load."""
    return grant.memo(("seals",), lambda: _year_seals(grant))


class _ProblemList:
    """Adds a finding on a close about its seal to a list."""

    def __init__(self, msg: Catalogue, close: Close, problems: list[GrantError]) -> None:
        self.msg, self.close, self.problems = msg, close, problems

    def __call__(self, situation: str, **fields: object) -> None:
        close = self.close
        message = self.msg.finding(RULE, situation, year=close.year, **fields)
        self.problems.append(
            GrantError(close.entry.meta, message, close.entry, RULE, year=close.year)
        )


def _year_seals(grant: GrantLedger) -> dict[Year, YearSeal]:
    closes = grant.config.closes
    sealed = {year: close for year, close in closes.items() if close.seal is not None}
    if not sealed:
        return {}
    msg = grant.messages
    transactions = sealed_transactions(grant.entries, sealed)
    found = {}
    for year, close in sealed.items():
        path = seal_path(close)
        assert path is not None  # a sealed close names its file
        problems: list[GrantError] = []
        if not grant.documents.is_inside(str(path)):
            # `seal-file: "/etc/hostname"`: never read (rule document-outside says so).
            found[year] = YearSeal(close, path, problems, outside=True)
            continue
        problem = _ProblemList(msg, close, problems)
        try:
            content = path.read_bytes()
        except OSError as error:
            problem("seal-missing", file=str(path), reason=error.strerror or str(error))
            found[year] = YearSeal(close, path, problems)
            continue
        actual = hashlib.sha256(content).hexdigest()
        if actual != close.seal:
            problem("seal-altered", file=str(path), recorded=close.seal, actual=actual)
            found[year] = YearSeal(close, path, problems)
            continue
        try:
            text = content.decode("utf-8")
            head = parse_seal(text, with_entries=False)
        except (SealFileError, UnicodeDecodeError) as error:
            problem("seal-unreadable", file=str(path), reason=str(error))
            found[year] = YearSeal(close, path, problems)
            continue
        expected = previous_seal(closes, year)
        if head.year != year or (expected is not None and head.previous != expected):
            problem(
                "seal-chain",
                file=str(path),
                previous_year=year - 1,
                expected=expected or NO_SEAL,
                found=head.previous if head.year == year else f"{head.year}",
            )
        elif expected is None:
            # The close before is there but carries no seal: `close` seals a year only after
            # the one before it, so that close's seal lines have been taken out.
            problem(
                "seal-chain-unsealed", file=str(path), previous_year=year - 1, found=head.previous
            )
        recorded = {
            key: f"{amount.number:.2f} {amount.currency}" for key, amount in close.figures.items()
        }
        moved = sorted(set(recorded.items()) ^ set(head.figures.items()))
        if moved:
            problem("seal-figures", figures=msg.join(dict.fromkeys(key for key, _ in moved)))
        found[year] = YearSeal(close, path, problems, text, head, transactions[year])
    return found


#: Why a close carries no seal although the books say it should have one.
UNSEALED = "unsealed"
"""Another close of the ledger is sealed (`mch-ledger close --seal` seals this one)."""
SEAL_NOT_NAMED = "seal-not-named"
"""A seal file lies where `close` writes the year's, but the close does not name it."""


def unsealed_closes(grant: GrantLedger) -> list[tuple[str, GrantError]]:
    """Closes without their seal, as (why, finding on the close); made once per load.

    Every close is sealed since closes are: a close without `seal:` and `seal-file:` while
    another close of the ledger is sealed (`UNSEALED`), or while a seal file lies where
    `close` writes the year's (`SEAL_NOT_NAMED`), has had its seal lines taken out, or is an
    old close still to seal. A close whose seal lines are malformed is a `config` finding.
    """
    return grant.memo(("unsealed",), lambda: _unsealed_closes(grant))


def _unsealed_closes(grant: GrantLedger) -> list[tuple[str, GrantError]]:
    closes = grant.config.closes
    sealed = [year for year, close in closes.items() if close.seal is not None]
    msg = grant.messages
    found = []
    for year, close in closes.items():
        meta = close.entry.meta
        if close.seal is not None or SEAL_KEY in meta or SEAL_FILE_KEY in meta:
            continue
        path = default_seal_path(grant.options_map, year)
        if path.is_file():
            situation, fields = SEAL_NOT_NAMED, {"file": str(path)}
        elif sealed:
            other = min(sealed, key=lambda sealed_year: (abs(sealed_year - year), sealed_year))
            situation, fields = UNSEALED, {"sealed_year": other}
        else:
            continue
        message = msg.finding(RULE, situation, year=year, **fields)
        found.append((situation, GrantError(meta, message, close.entry, RULE, year=year)))
    return found


def _describe(entry: data.Transaction) -> str:
    voucher = entry.meta.get("voucher")
    return f"{voucher} ({entry.date})" if voucher is not None else str(entry.date)


def seal_findings(grant: GrantLedger) -> list[GrantError]:
    """What the seals say of the books, without reading the copies: for the plugin's rule.

    A seal file missing, altered, unreadable, out of its chain or with other figures than its
    close, and a close without its seal (`unsealed_closes`), is a finding on the close; an
    entry changed since the close or added to the closed year is a finding on the entry; an
    entry gone is a finding on the close, naming it.
    """
    msg = grant.messages
    errors = [error for _, error in unsealed_closes(grant)]
    for year, sealed in year_seals(grant).items():
        errors.extend(sealed.problems)
        if sealed.unchanged:
            continue
        try:
            changes = sealed.changes
        except SealFileError as error:
            message = msg.finding(
                RULE, "seal-unreadable", year=year, file=str(sealed.path), reason=str(error)
            )
            close = sealed.close
            errors.append(GrantError(close.entry.meta, message, close.entry, RULE, year=year))
            continue
        if changes is None:
            continue
        for entry, record, names in changes.changed:
            fields = msg.join(msg.word(f"field-{name}") for name in names)
            message = msg.finding(
                RULE, "entry-changed", year=year, fields=fields, voucher=record.voucher
            )
            errors.append(GrantError(entry.meta, message, entry, RULE, year=year))
        for entry in changes.appeared:
            message = msg.finding(RULE, "entry-added", year=year, entry=_describe(entry))
            errors.append(GrantError(entry.meta, message, entry, RULE, year=year))
        close = sealed.close
        for record in changes.vanished:
            message = msg.finding(
                RULE, "entry-removed", year=year, voucher=record.voucher, date=record.date
            )
            errors.append(GrantError(close.entry.meta, message, close.entry, RULE, year=year))
    return errors


def copy_findings(grant: GrantLedger, years: Iterable[Year] | None = None) -> list[GrantError]:
    """Voucher copies of sealed years whose content changed (or went) since the seal.

    This reads every copy of the sealed years: `validate`, `close` and `verify-pack` call it,
    the plugin does not.

    Args:
        grant: the load's grant ledger.
        years: only these years (default: every sealed year).
    """
    msg = grant.messages
    finder = grant.documents
    wanted = set(years) if years is not None else None
    errors = []
    for year, sealed in year_seals(grant).items():
        if sealed.head is None or (wanted is not None and year not in wanted):
            continue
        try:
            changes = sealed.changes
        except SealFileError:
            continue  # the rule reports the seal file
        if changes is None:
            continue
        pairs = [*changes.matched, *((e, r) for e, r, _ in changes.changed)]
        read: dict[str, str] = {}
        pairs.sort(key=lambda pair: pair[0].meta.get("lineno", 0))
        for entry, record in pairs:
            if not record.copies and not voucher_copies(entry.meta):
                continue
            now = dict(copy_digests(entry, finder, read))
            links = voucher_copies(entry.meta)
            for key, digest in record.copies:
                if key in now and now[key] != digest:
                    message = msg.finding(
                        RULE,
                        "copy-changed",
                        year=year,
                        voucher=record.voucher,
                        key=key,
                        path=links.get(key, key),
                    )
                    errors.append(GrantError(entry.meta, message, entry, RULE, year=year))
    return errors


def sealed_copy_digests(seal: SealFile) -> Counter[str]:
    """The content digests of every copy a seal file lists."""
    return Counter(
        digest for record in seal.entries for _, digest in record.copies if digest != NO_SEAL
    )
