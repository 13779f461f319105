"""Which fiscal year the grant page shows: the one Fava's time filter picks, else the latest.

The grant is accounted per fiscal year (the calendar year), so the page always shows a whole
year: a filter within one year (`2026-03`) shows that year, with a note; a filter spanning
several years, or a year the books do not cover, gets a message instead of figures.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from ledger.model import Year
from reports.labels import Labels


class YearChoice(NamedTuple):
    """The year to show, or why there is none."""

    year: Year | None
    """The fiscal year to show; None when there is none to show."""
    message: str | None = None
    """Why no year is shown (`year` None), or what the filter means for the year shown."""
    missing: bool = False
    """With no year: whether the books lack the year asked for (else the asking is at fault:
    not a year, or several years)."""


def span_of(labels: Labels, years: list[Year]) -> str:
    """The years the books cover, as a phrase (`2024—2026年度`)."""
    if not years:
        return labels("of-year", year="—")
    if len(years) == 1:
        return labels("of-year", year=years[0])
    return labels("all-years", first=years[0], last=years[-1])


def choose_year(
    begin: datetime.date | None,
    end: datetime.date | None,
    years: list[Year],
    labels: Labels,
) -> YearChoice:
    """The fiscal year a time filter from `begin` to `end` (exclusive) picks among `years`.

    Args:
        begin: the first day of the time filter; None without a time filter.
        end: the day after its last day.
        years: the fiscal years the books cover, in order.
        labels: the page's words.

    Returns:
        The latest year without a filter; the year holding the filter's days when they all fall
        in one (with a note when they are not the whole year); else no year and a message (books
        without a grant transaction yet have no year at all).
    """
    if not years:
        return YearChoice(None, labels("fava-no-years"), missing=True)
    if begin is None or end is None:
        return YearChoice(years[-1])
    last = end - datetime.timedelta(days=1)
    if begin.year != last.year:
        return YearChoice(None, labels("fava-several-years", begin=begin, end=last))
    year = begin.year
    if year not in years:
        message = labels("fava-no-data", year=year, span=span_of(labels, years))
        return YearChoice(None, message, missing=True)
    whole = begin == datetime.date(year, 1, 1) and last == datetime.date(year, 12, 31)
    if whole:
        return YearChoice(year)
    return YearChoice(year, labels("fava-part-of-year", begin=begin, end=last, year=year))


def asked_year(value: str, years: list[Year], labels: Labels) -> YearChoice:
    """The fiscal year a `?year=` names, or why there is none: not a year, or not in the books."""
    if not years:
        return YearChoice(None, labels("fava-no-years"), missing=True)
    message = labels("fava-bad-year", value=value, span=span_of(labels, years))
    try:
        year = int(value.strip())
    except ValueError:
        return YearChoice(None, message)
    if year not in years:
        return YearChoice(None, message, missing=True)
    return YearChoice(year)
