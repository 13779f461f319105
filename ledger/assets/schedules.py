"""Thresholds per account and date: which `grant-assets` or `grant-procurement` applies.

A threshold directive names an account and holds for it and the accounts below it, from its
date until a later directive of the same account takes over. A posting is held to the most
specific account's threshold in force on its date, so a sub-account for specialist equipment
can carry 1,500 while its category carries 1,000:

    2026-01-01 custom "grant-assets" Expenses:MCH:Equipment 1000.00 CNY "registers/固定资产.xlsx"
    2026-01-01 custom "grant-assets" Expenses:MCH:Equipment:Specialist 1500.00 CNY "..."
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Mapping, Sequence
from typing import Generic, Protocol, TypeVar


class Dated(Protocol):
    """A threshold directive: its date (the schedule's sort key)."""

    @property
    def date(self) -> datetime.date:
        """From when it holds."""
        ...


T = TypeVar("T", bound=Dated)


class Schedules(Generic[T]):
    """The thresholds of several accounts, each a schedule sorted by date.

    Args:
        schedules: account -> its directives, sorted by date.
    """

    def __init__(self, schedules: Mapping[str, Sequence[T]]) -> None:
        self._schedules = {
            account: (list(items), [item.date for item in items])
            for account, items in schedules.items()
        }
        self._chains: dict[str, list[tuple[list[T], list[datetime.date]]]] = {}
        self._spans: dict[str, tuple[datetime.date, datetime.date, T | None]] = {}

    def __bool__(self) -> bool:
        return bool(self._schedules)

    def _chain(self, account: str) -> list[tuple[list[T], list[datetime.date]]]:
        """The schedules of `account` and of the accounts above it, the most specific first."""
        chain = self._chains.get(account)
        if chain is None:
            chain = []
            name = account
            while name:
                found = self._schedules.get(name)
                if found is not None:
                    chain.append(found)
                name = name.rpartition(":")[0]
            self._chains[account] = chain
        return chain

    def covers(self, account: str) -> bool:
        """Whether any directive (of any date) holds for `account`."""
        return bool(self._chain(account))

    def in_force(self, account: str, day: datetime.date) -> T | None:
        """The directive that holds for `account` on `day`; None before any.

        It is the last one dated on or before `day` of the most specific account that has one.
        """
        # Postings come in date order: the answer holds until the next directive's date.
        span = self._spans.get(account)
        if span is not None and span[0] <= day < span[1]:
            return span[2]
        found = None
        since = datetime.date.min
        until = datetime.date.max
        for items, dates in self._chain(account):
            index = bisect.bisect_right(dates, day)
            if index < len(dates) and dates[index] < until:
                until = dates[index]
            if index and found is None:
                found = items[index - 1]
                since = dates[index - 1]
        self._spans[account] = (since, until, found)
        return found
