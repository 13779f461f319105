"""The grant's books per fiscal year: budget execution, carry-forward, funds received, matching.

This is the one computation behind the plugin's rules, the reports and the Fava page, so they
can never disagree. Pure functions over a `GrantConfig` and an `Activity`.

Carry-forward (结转): what a `grant-carryforward` category leaves unspent in a closed year is
added to its next year's budget; spending uses the oldest money first, and with YEARS a carried
amount still unspent YEARS years after the year it came from lapses. Every other category's
unspent budget lapses (结余) at the close. Nothing carries out of a year that is not closed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from ledger.activity import ZERO, Activity, Tranche
from ledger.model import (
    Close,
    GrantConfig,
    Year,
    amount_in_force,
    carryforward_in_force,
    label_of,
    matches_in_force,
    year_end,
)

CENT = Decimal("0.01")


def execution_rate(spent: Decimal, available: Decimal) -> Decimal | None:
    """Spent as a share of what was available (执行率); None when nothing was available.

    The one definition of the rate: a category's (`CategoryYear.execution`), a year's total in
    the budget report, the grant page's bars, and the performance self-evaluation read it.
    """
    return spent / available if available else None


class CategoryYear(NamedTuple):
    """Budget execution of one category in one fiscal year (预算执行)."""

    year: Year
    account: str
    label: str
    budget: Decimal
    carried_in: Decimal
    available: Decimal
    spent: Decimal
    remaining: Decimal
    carried_out: Decimal
    lapsed: Decimal
    closed: bool

    @property
    def execution(self) -> Decimal | None:
        """Spent as a share of what was available (执行率), None when nothing was."""
        return execution_rate(self.spent, self.available)


class SourceYear(NamedTuple):
    """Funds in place from one source for one allocation year (资金到位)."""

    year: Year
    account: str
    planned: Decimal
    received: Decimal
    tranches: list[Tranche]
    late: Decimal
    """Received for this year after its close: not counted in `received`."""


class MatchYear(NamedTuple):
    """Whether a matching source brought its share for a year (配套资金足额到位)."""

    year: Year
    account: str
    base: str
    ratio: Decimal
    base_received: Decimal
    required: Decimal
    received: Decimal
    shortfall: Decimal

    @property
    def met(self) -> bool:
        """Whether the match is fully in place."""
        return self.shortfall <= 0


class YearBooks(NamedTuple):
    """Everything the grant's books say about one fiscal year."""

    year: Year
    close: Close | None
    categories: dict[str, CategoryYear]
    sources: dict[str, SourceYear]
    matches: list[MatchYear]
    balance: Decimal
    """The dedicated account's balance at the end of the year."""

    @property
    def closed(self) -> bool:
        """Whether the year has a `grant-close`."""
        return self.close is not None


class CarriedTranche(NamedTuple):
    """Unspent budget carried forward, remembered by the year it came from."""

    origin: Year
    amount: Decimal


def fiscal_years(config: GrantConfig, activity: Activity) -> list[Year]:
    """The fiscal years the grant's books cover: from its first to its last year with activity.

    A year counts from its first receipt, payment or close; a budget approved in December for
    the next year does not open a fiscal year of its own.
    """
    years = set(activity.dedicated_by_year)
    years.update(year for year, _ in activity.spent)
    years.update(tranche.date.year for tranche in activity.tranches)
    years.update(config.closes)
    years.update(close.entry.date.year for close in config.closes.values())
    if not years and config.first_date is not None:
        years.add(config.first_date.year)
    if not years:
        return []
    return list(range(min(years), max(years) + 1))


def _spend_oldest_first(pool: list[CarriedTranche], spent: Decimal) -> list[CarriedTranche]:
    """What is left of the pool of money after spending `spent`, oldest money first.

    A net refund (negative spending) returns money to the newest tranche.
    """
    if spent < 0:
        *older, newest = pool
        return [*older, newest._replace(amount=newest.amount - spent)]
    left = []
    for tranche in sorted(pool):
        used = min(tranche.amount, spent)
        spent -= used
        if tranche.amount - used > 0:
            left.append(tranche._replace(amount=tranche.amount - used))
    return left


def _sources_of_year(
    config: GrantConfig,
    tranches_by_year: Mapping[Year, list[Tranche]],
    year: Year,
    close: Close | None,
) -> dict[str, SourceYear]:
    result = {}
    for account, plans in config.sources.items():
        mine = [t for t in tranches_by_year.get(year, ()) if t.source == account]
        counted = [t for t in mine if close is None or t.date <= close.entry.date]
        received = sum((t.amount for t in counted), ZERO)
        late = sum((t.amount for t in mine), ZERO) - received
        planned = amount_in_force(plans, year_end(year))
        result[account] = SourceYear(year, account, planned, received, mine, late)
    return result


def _matches_of_year(
    config: GrantConfig, sources: Mapping[str, SourceYear], year: Year
) -> list[MatchYear]:
    result = []
    for match in matches_in_force(config, year):
        base_received = sources[match.base].received if match.base in sources else ZERO
        received = sources[match.account].received if match.account in sources else ZERO
        required = (base_received * match.ratio).quantize(CENT)
        shortfall = max(required - received, ZERO)
        result.append(
            MatchYear(
                year,
                match.account,
                match.base,
                match.ratio,
                base_received,
                required,
                received,
                shortfall,
            )
        )
    return result


def calculate_books(
    config: GrantConfig,
    activity: Activity,
    closes: Mapping[Year, Close] | None = None,
) -> dict[Year, YearBooks]:
    """The grant's books for every fiscal year.

    Args:
        config: the grant configuration.
        activity: the grant's transactions, from `ledger.activity.scan`.
        closes: the closed years; defaults to the ledger's own `grant-close` directives.
            `mch-ledger close` passes one more, to compute the figures a close will record.

    Returns:
        The books of each year, in order.
    """
    closes = config.closes if closes is None else closes
    tranches_by_year: dict[Year, list[Tranche]] = {}
    for tranche in activity.tranches:
        tranches_by_year.setdefault(tranche.grant_year, []).append(tranche)

    carried: dict[str, list[CarriedTranche]] = {}
    balance = ZERO
    books: dict[Year, YearBooks] = {}
    for year in fiscal_years(config, activity):
        close = closes.get(year)
        balance += activity.dedicated_by_year.get(year, ZERO)
        categories = {}
        for account in config.categories:
            budget = amount_in_force(config.budgets.get(account, ()), year_end(year))
            carried_in_tranches = carried.pop(account, [])
            carried_in = sum((t.amount for t in carried_in_tranches), ZERO)
            available = budget + carried_in
            spent = activity.spent.get((year, account), ZERO)
            remaining = available - spent
            carried_out = lapsed = ZERO
            if close is not None:
                rule = carryforward_in_force(config, account, year)
                if rule is None:
                    lapsed = max(remaining, ZERO)
                else:
                    pool = [*carried_in_tranches, CarriedTranche(year, budget)]
                    left = _spend_oldest_first(pool, spent)
                    keep = [t for t in left if rule.years is None or year - t.origin < rule.years]
                    lapsed = sum((t.amount for t in left), ZERO) - sum(
                        (t.amount for t in keep), ZERO
                    )
                    carried_out = sum((t.amount for t in keep), ZERO)
                    if keep:
                        carried[account] = keep
            categories[account] = CategoryYear(
                year,
                account,
                label_of(config, account),
                budget,
                carried_in,
                available,
                spent,
                remaining,
                carried_out,
                lapsed,
                close is not None,
            )
        sources = _sources_of_year(config, tranches_by_year, year, close)
        books[year] = YearBooks(
            year,
            close,
            categories,
            sources,
            _matches_of_year(config, sources, year),
            balance,
        )
    return books
