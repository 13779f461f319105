"""Voucher numbers (凭证号) and the voucher register: the one judgement of numbers and copies.

Vouchers are numbered within a period, as accounting software numbers 记字第N号: the fiscal
year by default, the month when the ledger says `custom "grant-voucher-period" "month"`. A
number may carry its year (记-2024-015, 付字2025第0041号) or not (记-015); the next number
continues the ledger's own format.

`VoucherRegister` is built once per load (`ledger.grant_ledger.GrantLedger.vouchers`): the
numbers in use, the entries without one, the numbers used twice in a period, the gaps, and
whether each entry's voucher copies are linked and on file. The rules `voucher-missing`,
`voucher-duplicate` and `document-missing` report its judgement, and the voucher register
report (凭证登记簿) shows the same judgement, so the two never disagree.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import cached_property
from typing import Any, NamedTuple

from beancount.core import data

from ledger.activity import Flow
from ledger.documents import DOCUMENT_PREFIX, MISSING, OUTSIDE, DocumentFinder
from ledger.model import Year

VOUCHER_PATTERN = re.compile(
    r"^(?P<prefix>.*?)(?:(?P<year>\d{4})(?P<sep>\D+))?(?P<seq>\d+)(?P<suffix>\D*)$"
)

#: The format used when the ledger has no voucher yet: 记 for 记账凭证 (general voucher).
DEFAULT_FORMAT = ("记-", "-", 3)

YEAR_PERIOD = "year"
MONTH_PERIOD = "month"
PERIODS = (YEAR_PERIOD, MONTH_PERIOD)

Period = tuple[int, int]
"""A numbering period: (year, month), month 0 for a whole fiscal year."""


class VoucherNumber(NamedTuple):
    """A parsed voucher number: PREFIX [YEAR SEPARATOR] SEQUENCE [SUFFIX]."""

    prefix: str
    year: Year | None
    separator: str
    sequence: int
    width: int
    suffix: str = ""

    def __str__(self) -> str:
        number = f"{self.sequence:0{self.width}d}"
        year = f"{self.year}{self.separator}" if self.year is not None else ""
        return f"{self.prefix}{year}{number}{self.suffix}"

    @property
    def series(self) -> VoucherNumber:
        """The number's series: the number without its sequence (one sequence per series)."""
        return self._replace(sequence=0, width=0)


def parse_voucher(text: str) -> VoucherNumber | None:
    """Parse `text` as PREFIX [YEAR SEPARATOR] SEQUENCE [SUFFIX]; None if it has another form."""
    found = VOUCHER_PATTERN.match(text.strip())
    if found is None:
        return None
    seq = found["seq"]
    year = int(found["year"]) if found["year"] else None
    if year is None and len(seq) == 4 and 1900 <= int(seq) < 2200:
        # A year with no sequence after it (F-2024-P): not a number to count on from.
        return None
    return VoucherNumber(
        found["prefix"], year, found["sep"] or "", int(seq), len(seq), found["suffix"]
    )


def period_of(day: datetime.date, mode: str) -> Period:
    """The numbering period of an entry dated `day`."""
    return (day.year, day.month if mode == MONTH_PERIOD else 0)


def period_text(period: Period) -> str:
    """A period as people write it: 2024, or 2024-03."""
    year, month = period
    return f"{year}-{month:02d}" if month else str(year)


class VoucherNumbering:
    """Hands out the next free voucher numbers of each period, in the ledger's own format.

    The next number of a period is its highest number plus one; a period without numbers yet
    starts at 1 in the format of the latest voucher (its year replaced by the period's); a
    ledger without vouchers starts at 记-YEAR-001.

    Args:
        used: the numbers in use, with their entries' dates.
        mode: number per fiscal year (`year`) or per month (`month`).
        unnumbered: the flows on the dedicated account without a voucher number (from the
            scan: `Activity.unnumbered`).
    """

    def __init__(self, used: Iterable[tuple[str, datetime.date]], mode: str = YEAR_PERIOD) -> None:
        self.mode = mode
        self._highest: dict[Period, VoucherNumber] = {}
        latest: tuple[datetime.date, VoucherNumber] | None = None
        for text, day in used:
            parsed = parse_voucher(text)
            if parsed is None:
                continue
            period = period_of(day, mode)
            best = self._highest.get(period)
            if best is None or parsed.sequence > best.sequence:
                self._highest[period] = parsed
            if latest is None or day >= latest[0]:
                latest = (day, parsed)
        self._template = latest[1] if latest is not None else None
        self._next: dict[Period, VoucherNumber] = {}

    def _following(self, day: datetime.date) -> VoucherNumber:
        period = period_of(day, self.mode)
        found = self._next.get(period)
        if found is not None:
            return found
        best = self._highest.get(period)
        if best is not None:
            return best._replace(sequence=best.sequence + 1)
        if self._template is not None:
            year = day.year if self._template.year is not None else None
            return self._template._replace(year=year, sequence=1)
        prefix, separator, width = DEFAULT_FORMAT
        return VoucherNumber(prefix, day.year, separator, 1, width)

    def peek(self, day: datetime.date) -> str:
        """The number `take` would hand out for an entry dated `day`, without taking it."""
        return str(self._following(day))

    def take(self, day: datetime.date) -> str:
        """The next free number for an entry dated `day`, which is then used."""
        current = self._following(day)
        self._next[period_of(day, self.mode)] = current._replace(sequence=current.sequence + 1)
        return str(current)


def declared_attachments(meta: Mapping[str, Any]) -> tuple[int | None, bool]:
    """The number of copies an entry's voucher declares (`attachments: N`, 附件张数).

    Returns:
        The number (None when the entry declares none or declares something that is not a
        whole number of zero or more), and whether the declaration is malformed.
    """
    declared = meta.get("attachments")
    if declared is None:
        return None, False
    if isinstance(declared, str) and declared.strip().isdigit():
        return int(declared.strip()), False
    if isinstance(declared, bool) or not isinstance(declared, int | Decimal):
        return None, True
    if isinstance(declared, Decimal) and not declared.is_finite():
        return None, True
    if declared < 0 or declared != int(declared):
        return None, True
    return int(declared), False


class VoucherUse(NamedTuple):
    """One entry's voucher number."""

    number: str
    """The number as written, without surrounding blanks."""
    entry: data.Transaction
    period: Period


class CopyCheck(NamedTuple):
    """An entry's voucher copies: linked, on file, declared, and the judgement."""

    copies: dict[str, str]
    """The `document*` keys and their values."""
    not_found: tuple[str, str] | None
    """The first copy (key, value) not on file."""
    declared: int | None
    malformed_attachments: bool
    problem: str | None
    """None when complete; else `none`, `not-found`, `outside` or `too-few`."""
    outside: tuple[tuple[str, str], ...] = ()
    """The copies (key, value) on file outside the books' folders (rule `document-outside`)."""

    @property
    def complete(self) -> bool:
        """Whether every copy the voucher needs is linked and on file."""
        return self.problem is None

    @property
    def copy_missing(self) -> bool:
        """Whether rule `document-missing` finds a copy missing.

        None linked, one not on file, or fewer than `attachments`; a copy outside the books is
        rule `document-outside`'s.
        """
        return self.problem in COPY_MISSING


#: The problems of a copy check that are rule `document-missing`'s.
COPY_MISSING = frozenset({"none", "not-found", "too-few"})

#: What the rules find about an entry's number and copies, in the order the register says it.
JUDGEMENTS = ("no-number", "not-text", "duplicate", "no-copy", "outside", "bad-attachments")


#: A run of missing numbers longer than this is one gap, written "first … last".
MAX_LISTED_GAP = 100


class VoucherRegister:
    """Every voucher number of the books and the judgement of numbering and copies.

    Args:
        flows: the grant's flows (`ledger.activity.Activity.flows`).
        vouchers: every transaction with `voucher` metadata, in ledger order.
        finder: finds voucher copies.
        mode: number per fiscal year (`year`) or per month (`month`).
    """

    def __init__(
        self,
        flows: Sequence[Flow],
        vouchers: Sequence[data.Transaction],
        finder: DocumentFinder,
        mode: str = YEAR_PERIOD,
        unnumbered: Sequence[Flow] = (),
    ) -> None:
        self.mode = mode
        self.finder = finder
        self._vouchers = vouchers
        self._flows = flows
        #: Entries whose `voucher` is not text (`voucher: 9`): each a `config` finding.
        self.not_text: list[tuple[object, data.Transaction]] = []
        # The plugin's hot path: the first use of each number per period, in nested dicts keyed
        # by plain ints and strings, and the repeats; no object per voucher that lives on.
        month = mode == MONTH_PERIOD
        first_uses: dict[int, dict[str, data.Transaction]] = {}
        repeats: list[tuple[int, str, data.Transaction]] = []
        for entry in vouchers:
            value = entry.meta["voucher"]
            if type(value) is not str:
                if value is None:  # `voucher:` written without a value: no number
                    continue
                # A number that is not text is its own finding, not also a missing one.
                self.not_text.append((value, entry))
                continue
            number = value.strip()
            if not number:
                continue
            day = entry.date
            period = day.year * 100 + (day.month if month else 0)
            numbers = first_uses.get(period)
            if numbers is None:
                numbers = first_uses[period] = {}
            if numbers.setdefault(number, entry) is not entry:
                repeats.append((period, number, entry))
        self._first_uses = first_uses
        self._repeats = repeats
        #: Flows on the dedicated account without a voucher number (none, or blank).
        self.missing: list[Flow] = list(unnumbered)
        self._copies: dict[int, CopyCheck] = {}
        self._numbering: VoucherNumbering | None = None

    @cached_property
    def uses(self) -> list[VoucherUse]:
        """Every voucher number in use, in ledger order."""
        month = self.mode == MONTH_PERIOD
        uses = []
        for entry in self._vouchers:
            value = entry.meta["voucher"]
            if type(value) is str and value.strip():
                day = entry.date
                uses.append(VoucherUse(value.strip(), entry, (day.year, day.month if month else 0)))
        return uses

    @cached_property
    def by_number(self) -> dict[tuple[Period, str], list[VoucherUse]]:
        """The uses of each number in each period."""
        found: dict[tuple[Period, str], list[VoucherUse]] = defaultdict(list)
        for use in self.uses:
            found[use.period, use.number].append(use)
        return dict(found)

    def duplicates(self) -> list[tuple[VoucherUse, VoucherUse]]:
        """Each later use of a number already used in its period, with the first use."""
        found = []
        for period, number, entry in self._repeats:
            first = self._first_uses[period][number]
            pair = (_period(period), number)
            found.append((VoucherUse(number, entry, pair[0]), VoucherUse(number, first, pair[0])))
        return found

    @cached_property
    def judgements(self) -> dict[int, tuple[str, ...]]:
        """What the rules find about each entry's number and copies, by the entry's `id`.

        Exactly the findings of the rules that read this register, in the order of
        `JUDGEMENTS`: `no-number` (`voucher-missing`), `not-text` (`config`: `voucher: 9`),
        `duplicate` (`voucher-duplicate`: a later use of a number, never its first),
        `no-copy` (`document-missing`), `outside` (`document-outside`) and `bad-attachments`
        (`config`: an `attachments` that is not a whole number). An entry the rules find
        nothing about is not in it.
        """
        found: dict[int, set[str]] = defaultdict(set)
        for flow in self.missing:
            found[id(flow.entry)].add("no-number")
        for _, entry in self.not_text:
            found[id(entry)].add("not-text")
        for use, _ in self.duplicates():
            found[id(use.entry)].add("duplicate")
        for flow, check in self.copy_problems():
            if check.copy_missing:
                found[id(flow.entry)].add("no-copy")
            if check.malformed_attachments:
                found[id(flow.entry)].add("bad-attachments")
        for entry, _, _ in self.outside_copies():
            found[id(entry)].add("outside")
        return {
            key: tuple(judgement for judgement in JUDGEMENTS if judgement in judged)
            for key, judged in found.items()
        }

    def judgement(self, entry: data.Transaction) -> tuple[str, ...]:
        """What the rules find about `entry`'s number and copies (empty: nothing)."""
        return self.judgements.get(id(entry), ())

    def gaps(self, periods: Iterable[Period] | None = None) -> list[tuple[Period, str]]:
        """The numbers missing from each period's sequences (缺号), per series.

        A series (prefix, year, separator, suffix) runs from 1 to its highest number in the
        period, so 记-2024-001 … 记-2024-049 with 记-2024-017 unused gives one gap.
        """
        wanted = set(periods) if periods is not None else None
        sequences: dict[tuple[Period, VoucherNumber], set[int]] = defaultdict(set)
        widths: dict[tuple[Period, VoucherNumber], int] = {}
        for (period, number), _ in self.by_number.items():
            if wanted is not None and period not in wanted:
                continue
            parsed = parse_voucher(number)
            if parsed is not None:
                key = (period, parsed.series)
                sequences[key].add(parsed.sequence)
                widths[key] = max(widths.get(key, 0), parsed.width)
        gaps = []
        for (period, series), used in sorted(sequences.items(), key=_series_order):
            width = widths[period, series]

            def written(sequence: int, series: VoucherNumber = series, width: int = width) -> str:
                return str(series._replace(sequence=sequence, width=width))

            previous = 0
            for sequence in sorted(used):
                first, last = previous + 1, sequence - 1
                if last - first + 1 > MAX_LISTED_GAP:
                    # A mistyped number (记-2026-99999999999) leaves a gap too long to list.
                    gaps.append((period, f"{written(first)} … {written(last)}"))
                else:
                    gaps.extend((period, written(missing)) for missing in range(first, last + 1))
                previous = sequence
        return gaps

    @property
    def numbering(self) -> VoucherNumbering:
        """The next free numbers after the books' own (made on first use)."""
        if self._numbering is None:
            self._numbering = VoucherNumbering(
                ((use.number, use.entry.date) for use in self.uses), self.mode
            )
        return self._numbering

    def peek_next(self, day: datetime.date) -> str:
        """The next free voucher number for an entry dated `day`, in the ledger's format."""
        return self.numbering.peek(day)

    @cached_property
    def _category_flows(self) -> list[Flow]:
        return [flow for flow in self._flows if flow.categories]

    @cached_property
    def _needs_copy(self) -> set[int]:
        return {id(flow.entry) for flow in self._category_flows}

    def needs_copy(self, entry: data.Transaction) -> bool:
        """Whether the entry posts to a category, so must keep a copy of its voucher."""
        return id(entry) in self._needs_copy

    def copy_problems(self) -> list[tuple[Flow, CopyCheck]]:
        """The entries posting to a category whose copies are not complete, with their checks.

        An entry whose `attachments` is malformed is listed too. This is the
        `document-missing` rule's work.
        """
        return self._copies_judged[0]

    def outside_copies(self) -> list[tuple[data.Transaction, str, str]]:
        """Each copy (entry, key, value) on file outside the books' folders.

        Every grant transaction and every numbered entry is looked at, not only the category
        entries that must keep a copy: whatever an entry links may end up in a pack. This is
        the `document-outside` rule's work.
        """
        return self._copies_judged[1]

    @cached_property
    def _copies_judged(
        self,
    ) -> tuple[list[tuple[Flow, CopyCheck]], list[tuple[data.Transaction, str, str]]]:
        """One pass over every entry's copies for both copy rules (the plugin's hot path).

        A copy found in folders that all lie inside the books is on file and inside with one
        set test; only the others are looked at more closely. Entries mostly share the same
        metadata keys in the same order: the keys naming copies are found once per sequence.
        """
        finder = self.finder
        surely_inside = finder.surely_inside
        exists = finder.exists
        judge = finder.judge
        needs_copy = self._needs_copy
        problems: list[tuple[tuple[int, Flow], CopyCheck]] = []
        outside: list[tuple[data.Transaction, str, str]] = []
        copy_keys: dict[tuple[str, ...], tuple[str, ...]] = {}
        safe_names: dict[tuple[str, str], frozenset[str]] = {}
        # Each category entry's flow and its place in ledger order (the findings' order), made
        # when a first problem is found.
        flows_by_entry: dict[int, tuple[int, Flow]] | None = None
        for entry in _chained(self._flows, self._vouchers):
            meta = entry.meta
            keys = tuple(meta)
            names = copy_keys.get(keys)
            if names is None:
                names = copy_keys[keys] = tuple(k for k in keys if k.startswith(DOCUMENT_PREFIX))
            required = id(entry) in needs_copy
            if not names and not required:
                continue
            filename = meta["filename"]
            linked = 0
            complete = "attachments" not in meta
            for name in names:
                value = meta[name]
                if type(value) is not str or not value:
                    continue
                linked += 1
                head, slash, base = value.rpartition("/")
                if slash and not head:
                    head = "/"
                safe = safe_names.get((filename, head))
                if safe is None:
                    safe = safe_names[filename, head] = surely_inside(filename, head)
                if base in safe:
                    continue
                if judge(value, filename) == OUTSIDE:
                    outside.append((entry, name, value))
                elif complete and not exists(value, filename):
                    complete = False
            if not required or (complete and linked):
                continue
            check = self.copies_of(entry, required=True)
            if check.problem is not None or check.malformed_attachments:
                if flows_by_entry is None:
                    flows_by_entry = {
                        id(flow.entry): (i, flow) for i, flow in enumerate(self._category_flows)
                    }
                problems.append((flows_by_entry[id(entry)], check))
        problems.sort(key=lambda found: found[0][0])
        return [(flow, check) for (_, flow), check in problems], outside

    def copy_checks(self) -> list[tuple[Flow, CopyCheck]]:
        """The copy check of every entry posting to a category (which must keep a copy)."""
        return [(flow, self.copies_of(flow.entry, required=True)) for flow in self._category_flows]

    def copies_of(self, entry: data.Transaction, required: bool | None = None) -> CopyCheck:
        """The copy check of one entry; `required`: whether it must keep a copy.

        Every entry posting to a category must keep a copy of its original voucher; another
        entry's copies are checked only for being on file.
        """
        key = id(entry)
        found = self._copies.get(key)
        if found is not None:
            return found
        if required is None:
            required = self.needs_copy(entry)
        meta = entry.meta
        filename = meta.get("filename", "")
        judge = self.finder.judge
        copies: dict[str, str] = {}
        not_found = None
        outside: list[tuple[str, str]] = []
        for name, value in meta.items():
            if not name.startswith(DOCUMENT_PREFIX) or type(value) is not str or not value:
                continue
            copies[name] = value
            judged = judge(value, filename)
            if judged == MISSING:
                if not_found is None:
                    not_found = (name, value)
            elif judged == OUTSIDE:
                outside.append((name, value))
        declared, malformed = declared_attachments(meta)
        problem = None
        if not_found is not None:
            problem = "not-found"
        elif outside:
            problem = "outside"
        elif required and not copies:
            problem = "none"
        elif declared is not None and len(copies) < declared:
            problem = "too-few"
        found = self._copies[key] = CopyCheck(
            copies, not_found, declared, malformed, problem, tuple(outside)
        )
        return found


def _chained(
    flows: Sequence[Flow], vouchers: Sequence[data.Transaction]
) -> Iterable[data.Transaction]:
    """Every entry with a voucher, then the grant's other entries (each entry once)."""
    yield from vouchers
    for flow in flows:
        if "voucher" not in flow.entry.meta:
            yield flow.entry


def _period(code: int) -> Period:
    """A period from its code, year x 100 + month (0 for the fiscal year)."""
    return divmod(code, 100)


def _series_order(item: tuple[tuple[Period, VoucherNumber], set[int]]) -> tuple:
    (period, series), _ = item
    return (period, series.prefix, series.year or 0, series.separator, series.suffix)
