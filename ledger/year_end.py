"""The year-end close (年终结账): check a fiscal year, write its `grant-close` and seal it.

A year is closed once its books are clean and complete: no error finding about it (including
the ones the close itself would raise, such as a county match that is short), every earlier
year closed and sealed, a date no later than today, and books that reach the year's end (the
dedicated account's last balance assertion, or without one its last entry, no more than
`grant-close-margin` days before 31 December) unless a reason is given, which the close
records. The `grant-close` records the year's closing figures (`ledger.closing`) and its seal
(`ledger.seals`), which the `closed-year-changed` rule then holds the books to.

Closes made before seals existed get theirs with `prepare_seal`, allowed only while the books
still give the figures the close recorded.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from beancount.core import data
from beancount.parser.grammar import ValueType

from ledger.closing import closing_figures
from ledger.directives import SEAL_FILE_KEY, SEAL_KEY
from ledger.documents import document_dirs
from ledger.findings import Finding, display_path, finding_of
from ledger.grant_ledger import GrantLedger
from ledger.i18n import Catalogue
from ledger.loading import LoadedLedger
from ledger.model import Close, GrantConfig, Year, year_end
from ledger.roles import AccountRoles, Role
from ledger.seals import RULE as SEAL_RULE
from ledger.seals import (
    SEAL_NOT_NAMED,
    SEALS_FOLDER,
    UNSEALED,
    previous_seal,
    seal_text,
    sealed_transactions,
    unsealed_closes,
)

REASON_KEY = "reason"


class CloseRefusedError(Exception):
    """The year cannot be closed (or sealed); the message says why and what to do."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


class SealPlan(NamedTuple):
    """A seal file to write: where, and its text; `digest` is its SHA-256."""

    path: Path
    text: str
    digest: str


class ClosePlan(NamedTuple):
    """What a close writes: the `grant-close` to append to the ledger, and the year's seal."""

    year: Year
    text: str
    seal: SealPlan


class SealInsertion(NamedTuple):
    """What sealing an earlier close writes: its seal, and two lines after the close's line."""

    year: Year
    file: Path
    """The file holding the `grant-close`."""
    line: int
    """The close's line in it (the new metadata goes right after it)."""
    lines: str
    seal: SealPlan


class BooksEnd(NamedTuple):
    """How far the books of a year reach, and what says so."""

    day: datetime.date | None
    evidence: str
    """`balance`, `entry`, or `none`."""


def close_directive(year: Year, day: datetime.date, meta: dict | None = None) -> data.Custom:
    """A `grant-close` directive for `year` dated `day`."""
    return data.Custom(
        data.new_metadata("<close>", 0, meta), day, "grant-close", [ValueType(year, int)]
    )


def quoted(text: str) -> str:
    """`text` as a Beancount string: on one line, quotes and backslashes escaped."""
    one_line = " ".join(text.split())
    return '"' + one_line.replace("\\", "\\\\").replace('"', '\\"') + '"'


def seal_lines(seal_file: str, digest: str) -> list[str]:
    """The metadata lines that seal a close."""
    return [f"  {SEAL_FILE_KEY}: {quoted(seal_file)}", f"  {SEAL_KEY}: {quoted(digest)}"]


def format_close(
    year: Year,
    day: datetime.date,
    figures: Mapping[str, data.Amount],
    reason: str | None = None,
    seal: tuple[str, str] | None = None,
) -> str:
    """The `grant-close` directive as ledger text, with its figures, reason and seal."""
    lines = [f'{day.isoformat()} custom "grant-close" {year}']
    lines.extend(
        f"  {key}: {amount.number:.2f} {amount.currency}" for key, amount in figures.items()
    )
    if reason:
        lines.append(f"  {REASON_KEY}: {quoted(reason)}")
    if seal is not None:
        lines.extend(seal_lines(*seal))
    return "\n".join(lines) + "\n"


def _where(entry: data.Directive) -> str:
    return f"{entry.meta['filename']}:{entry.meta['lineno']}"


def books_end(entries: list[data.Directive], config: GrantConfig, year: Year) -> BooksEnd:
    """How far the books of `year` reach on the dedicated account.

    Only what is in the books counts: the year's last balance assertion of the account (which
    checks the balance at the start of its day, so the day before is covered; every imported
    statement ends with one), or without one the last transaction on the account. A statement
    merely filed under the documents folder proves nothing: its rows may not be in the books.
    """
    roles = AccountRoles(config)
    first, last = datetime.date(year, 1, 1), year_end(year)
    day_after = last + datetime.timedelta(days=1)
    asserted: datetime.date | None = None
    last_entry: datetime.date | None = None
    for entry in entries:
        if not first <= entry.date <= day_after:
            continue
        if isinstance(entry, data.Balance):
            covered = entry.date - datetime.timedelta(days=1)
            if covered >= first and roles.of(entry.account)[0] is Role.DEDICATED:
                asserted = covered if asserted is None else max(asserted, covered)
        elif (
            isinstance(entry, data.Transaction)
            and entry.date <= last
            and any(roles.of(p.account)[0] is Role.DEDICATED for p in entry.postings)
        ):
            last_entry = entry.date
    if asserted is not None:
        return BooksEnd(asserted, "balance")
    return BooksEnd(last_entry, "entry" if last_entry else "none")


def _check_can_close(
    ledger: LoadedLedger,
    msg: Catalogue,
    year: Year,
    day: datetime.date,
    today: datetime.date,
    reason: str | None,
) -> None:
    """Refuse a close that is premature, duplicated or out of order."""
    config = ledger.grant.config
    if not config.is_grant_ledger:
        raise CloseRefusedError(msg("no-grant", ledger=display_path(str(ledger.path))))
    if config.currency is None:
        raise CloseRefusedError(msg("close.no-amounts"))
    if year in config.closes:
        raise CloseRefusedError(
            msg("close.already-closed", year=year, where=_where(config.closes[year].entry))
        )
    if day < year_end(year):
        raise CloseRefusedError(msg("close.too-early", year=year, end=year_end(year), day=day))
    if day > today:
        raise CloseRefusedError(msg("close.after-today", day=day, today=today))
    books = ledger.grant.books
    if year not in books:
        raise CloseRefusedError(
            msg(
                "close.not-covered",
                year=year,
                first=min(books) if books else "-",
                last=max(books) if books else "-",
            )
        )
    still_open = [earlier for earlier in books if earlier < year and not books[earlier].closed]
    if still_open:
        raise CloseRefusedError(msg("close.earlier-open", year=year, earlier=still_open[0]))
    if previous_seal(config.closes, year) is None:
        raise CloseRefusedError(msg("close.previous-unsealed", year=year, previous=year - 1))
    end = books_end(ledger.entries, config, year)
    short = (year_end(year) - end.day).days if end.day is not None else None
    if (short is None or short > config.close_margin) and not (reason and reason.strip()):
        evidence = msg(f"close.evidence-{end.evidence}", day=end.day)
        raise CloseRefusedError(
            msg(
                "close.books-short",
                year=year,
                evidence=evidence,
                days=short if short is not None else "-",
                margin=config.close_margin,
            )
        )


def _blocking(
    ledger: LoadedLedger, grant: GrantLedger, year: Year, situations: tuple[str, ...] = ()
) -> list[Finding]:
    """The error findings that keep `year` from being closed or sealed.

    Args:
        ledger: the loaded ledger (its Beancount errors).
        grant: the grant ledger whose findings count.
        year: the year to close or seal.
        situations: the kinds of `unsealed_closes` finding on the close of `year` that the
            close or seal being made answers, and so do not keep it from being made.
    """
    answered = {id(error) for why, error in unsealed_closes(grant) if why in situations}
    errors = [error for error in grant.findings if id(error) not in answered]
    return [
        finding
        for finding in map(finding_of, [*ledger.beancount_errors, *errors])
        if finding.is_error and (finding.rule == "beancount" or finding.year in (year, None))
    ]


def _seal_plan(
    ledger: LoadedLedger, year: Year, previous: str, figures: Mapping[str, data.Amount]
) -> SealPlan:
    entries = sealed_transactions(ledger.entries, [year])[year]
    text = seal_text(year, previous, figures, entries, ledger.grant.documents)
    path = seal_folder(ledger) / f"{year}.tsv"
    return SealPlan(path, text, hashlib.sha256(text.encode("utf-8")).hexdigest())


def seal_folder(ledger: LoadedLedger) -> Path:
    """Where new seal files go: `seals/` in the ledger's documents folder, else beside it.

    With the voucher copies they seal, whoever copies the books' documents takes the seals
    along; a ledger that names no documents folder keeps them beside its main file.
    """
    folders = document_dirs(ledger.options_map)
    return Path(folders[0] if folders else ledger.path.parent) / SEALS_FOLDER


def _relative(path: Path, start: Path) -> str:
    """`path` relative to the folder `start`, with forward slashes (as Beancount writes)."""
    return Path(os.path.relpath(path, start)).as_posix()


def prepare_close(
    ledger: LoadedLedger,
    year: Year,
    day: datetime.date,
    today: datetime.date | None = None,
    reason: str | None = None,
) -> ClosePlan:
    """Check that `year` can be closed on `day`; the `grant-close` and seal to write.

    Args:
        ledger: the loaded ledger.
        year: the fiscal year to close.
        day: the date of the close.
        today: the day the close is made (default: today).
        reason: why the year is closed although its books stop short of the year end.

    Returns:
        The directive, with the year's closing figures and seal, and the seal file.

    Raises:
        CloseRefusedError: the year is already closed, an earlier year is open or not sealed,
            the date is before the year ends or after today, the books stop short of the year
            end without a reason, or the year has error findings.
    """
    msg = Catalogue(ledger.grant.config.language)
    _check_can_close(ledger, msg, year, day, today or datetime.date.today(), reason)
    config = ledger.grant.config
    # The books as they will be once closed: the close's own findings (a short match) count.
    # A close adds no transaction: the load's scan of the transactions is reused.
    closed = ledger.grant.with_directive(close_directive(year, day))
    # The close about to be written carries its seal.
    blocking = _blocking(ledger, closed, year, (UNSEALED, SEAL_NOT_NAMED))
    if blocking:
        raise CloseRefusedError(msg("close.has-errors", year=year, count=len(blocking)), blocking)
    figures = closing_figures(closed.books[year], str(config.currency))
    previous = previous_seal(config.closes, year) or "-"
    seal = _seal_plan(ledger, year, previous, figures)
    seal_file = _relative(seal.path, ledger.path.parent)
    text = format_close(year, day, figures, reason, (seal_file, seal.digest))
    return ClosePlan(year, text, seal)


def prepare_seal(ledger: LoadedLedger, year: Year) -> SealInsertion:
    """Check that the close of `year`, made before seals existed, can be sealed now.

    Args:
        ledger: the loaded ledger.
        year: the closed fiscal year.

    Returns:
        The seal file and the lines to add to the `grant-close`.

    Raises:
        CloseRefusedError: the year is not closed or already sealed, the year before is not
            sealed, or the books no longer give the close's figures (or have other errors).
    """
    config = ledger.grant.config
    msg = Catalogue(config.language)
    close: Close | None = config.closes.get(year)
    if close is None:
        raise CloseRefusedError(msg("close.seal-not-closed", year=year))
    if close.seal is not None:
        raise CloseRefusedError(msg("close.seal-already", year=year, where=_where(close.entry)))
    previous = previous_seal(config.closes, year)
    if previous is None:
        raise CloseRefusedError(msg("close.previous-unsealed", year=year, previous=year - 1))
    # Sealing answers "another close is sealed, this one is not"; a seal file already lying
    # where this one would go is not overwritten (its close's seal lines are to be restored).
    blocking = _blocking(ledger, ledger.grant, year, (UNSEALED,))
    if blocking:
        moved = any(finding.rule == SEAL_RULE for finding in blocking)
        key = "close.seal-figures-moved" if moved else "close.has-errors"
        raise CloseRefusedError(msg(key, year=year, count=len(blocking)), blocking)
    seal = _seal_plan(ledger, year, previous, close.figures)
    holder = Path(str(close.entry.meta["filename"]))
    lines = "\n".join(seal_lines(_relative(seal.path, holder.parent), seal.digest)) + "\n"
    return SealInsertion(year, holder, int(close.entry.meta["lineno"]), lines, seal)


def insert_after_line(text: str, line: int, lines: str) -> str:
    """`text` with `lines` inserted after its line number `line` (counted from 1)."""
    kept = text.splitlines(keepends=True)
    if line < 1 or line > len(kept):
        raise ValueError(f"line {line} is not in the file")
    head = kept[:line]
    if head and not head[-1].endswith("\n"):
        head[-1] += "\n"
    return "".join([*head, lines, *kept[line:]])
