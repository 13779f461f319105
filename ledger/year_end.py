"""The year-end close (年终结账): check a fiscal year and write its `grant-close`.

A year is closed once its books are clean: no error finding about it (including the ones the
close itself would raise, such as a county match that is short), and every earlier year closed.
The `grant-close` records the year's closing figures (`ledger.closing`), which the
`closed-year-changed` rule then holds the books to.
"""

from __future__ import annotations

import datetime

from beancount.core import data
from beancount.parser.grammar import ValueType

from ledger.closing import closing_figures
from ledger.findings import Finding, finding_of
from ledger.grant_ledger import GrantLedger
from ledger.loading import LoadedLedger
from ledger.model import Year, year_end


class CloseRefusedError(Exception):
    """The year cannot be closed; the message says why and what to do."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = findings or []


def close_directive(year: Year, day: datetime.date, meta: dict | None = None) -> data.Custom:
    """A `grant-close` directive for `year` dated `day`."""
    return data.Custom(
        data.new_metadata("<close>", 0, meta), day, "grant-close", [ValueType(year, int)]
    )


def format_close(year: Year, day: datetime.date, figures: dict[str, data.Amount]) -> str:
    """The `grant-close` directive as ledger text, with its figures as metadata."""
    lines = [f'{day.isoformat()} custom "grant-close" {year}']
    lines.extend(
        f"  {key}: {amount.number:.2f} {amount.currency}" for key, amount in figures.items()
    )
    return "\n".join(lines) + "\n"


def prepare_close(ledger: LoadedLedger, year: Year, day: datetime.date) -> str:
    """Check that `year` can be closed on `day` and return the `grant-close` text to append.

    Args:
        ledger: the loaded ledger.
        year: the fiscal year to close.
        day: the date of the close.

    Returns:
        The directive, with the year's closing figures.

    Raises:
        CloseRefusedError: the year is already closed, an earlier year is open, the date is
            before the year ends, or the year has error findings.
    """
    config = ledger.grant.config
    if not config.is_grant_ledger or config.currency is None:
        raise CloseRefusedError(
            "the ledger declares no grant (grant-account, grant-category, grant-budget): "
            "nothing to close"
        )
    if year in config.closes:
        meta = config.closes[year].entry.meta
        raise CloseRefusedError(f"{year} is already closed at {meta['filename']}:{meta['lineno']}")
    if day < year_end(year):
        raise CloseRefusedError(
            f"a close of {year} must be dated on or after {year_end(year)}, not {day}: pass --date"
        )
    books = ledger.grant.books
    if year not in books:
        raise CloseRefusedError(
            f"the ledger's books do not cover {year} (they cover "
            f"{min(books) if books else '-'}–{max(books) if books else '-'})"
        )
    still_open = [earlier for earlier in books if earlier < year and not books[earlier].closed]
    if still_open:
        raise CloseRefusedError(f"close {still_open[0]} first: years are closed in order")

    # The books as they will be once closed: the close's own findings (a short match) count.
    close = close_directive(year, day)
    entries = sorted([*ledger.grant.entries, close], key=data.entry_sortkey)
    closed = GrantLedger(entries, ledger.options_map)
    blocking = [
        finding
        for finding in map(finding_of, [*ledger.beancount_errors, *closed.findings])
        if finding.is_error and (finding.rule == "beancount" or finding.year in (year, None))
    ]
    if blocking:
        raise CloseRefusedError(
            f"{year} cannot be closed while it has {len(blocking)} error finding(s): "
            "correct them, then close again",
            blocking,
        )
    return format_close(year, day, closing_figures(closed.books[year], config.currency))
