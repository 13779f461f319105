"""Thresholds per account and date: the most specific account's directive in force that day."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from ledger.assets.schedules import Schedules

D = datetime.date


class Rule(NamedTuple):
    """A dated threshold: its date and a name to tell it by."""

    date: datetime.date
    name: str


SCHEDULES = Schedules(
    {
        "Expenses:MCH:Equipment": [Rule(D(2026, 1, 1), "1,000"), Rule(D(2026, 7, 1), "1,200")],
        "Expenses:MCH:Equipment:Specialist": [Rule(D(2026, 3, 1), "1,500")],
    }
)


def name_on(account: str, day: datetime.date) -> str | None:
    found = SCHEDULES.in_force(account, day)
    return found.name if found is not None else None


def test_the_most_specific_account_in_force_that_day():
    specialist = "Expenses:MCH:Equipment:Specialist:Neonatal"
    # Asked out of date order too: each answer is the day's.
    assert [
        name_on(specialist, day)
        for day in (D(2026, 8, 1), D(2025, 12, 31), D(2026, 2, 1), D(2026, 3, 1), D(2026, 7, 1))
    ] == ["1,500", None, "1,000", "1,500", "1,500"]
    assert [
        name_on("Expenses:MCH:Equipment:Monitors", day)
        for day in (D(2026, 6, 30), D(2026, 7, 1), D(2026, 1, 1), D(2025, 6, 1))
    ] == ["1,000", "1,200", "1,000", None]


def test_what_a_schedule_covers():
    assert SCHEDULES.covers("Expenses:MCH:Equipment:Monitors")
    assert not SCHEDULES.covers("Expenses:MCH:Training")
    assert not SCHEDULES.covers("Expenses:MCH")
    assert not Schedules({})
