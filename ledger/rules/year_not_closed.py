"""Rule `year-not-closed` (a warning): the books go on past a year that was never closed.

Each fiscal year is closed (年终结账) with `mch-ledger close YEAR`, which appends its
`grant-close`; until then its carry-forward and matching are not final and nothing carries
into the next year. The warning points at the first entry dated after the open year.

    2024-12-28 * ...
    2025-01-08 * "省财政厅" "2025年省级补助资金"   ; warning: 2024 is not closed
"""

from __future__ import annotations

from ledger.errors import WARNING, GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_year_not_closed",)

RULE = "year-not-closed"


def check(grant: GrantLedger) -> list[GrantError]:
    """For each year without a `grant-close`, the first entry dated after it."""
    msg = grant.messages
    entry_years = grant.activity.years
    errors = []
    for year, books in grant.books.items():
        if books.closed:
            continue
        later = [other for other in entry_years if other > year]
        if not later:
            continue
        entry = grant.activity.first_entry_of_year[later[0]]
        errors.append(
            GrantError(
                entry.meta,
                msg.finding(RULE, "first-entry", year=year, next_year=later[0]),
                entry,
                RULE,
                severity=WARNING,
                year=year,
            )
        )
    return errors


validate_year_not_closed = plugin_of(check)
