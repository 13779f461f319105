"""One pass over a ledger's transactions: what each does to the grant's accounts.

Every rule and report reads the `Activity` this builds, so the ledger is walked once however
many rules run. Amounts are posting weights in the grant's currency (what a posting with a
price `@` costs in it).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import NamedTuple

from beancount.core import data

from ledger.errors import GrantError
from ledger.messages import Messages, money
from ledger.model import GrantConfig, Year
from ledger.roles import AccountRoles, Role

ZERO = Decimal(0)


class Flow(NamedTuple):
    """What one transaction does to the grant's accounts (net per declared account)."""

    entry: data.Transaction
    year: Year
    dedicated: dict[str, Decimal]
    categories: dict[str, Decimal]
    sources: dict[str, Decimal]
    allowed: dict[str, Decimal]
    others: dict[str, Decimal]
    grant_year: Year

    @property
    def dedicated_change(self) -> Decimal:
        """Net change of the dedicated account(s)."""
        return sum(self.dedicated.values(), ZERO)


class Tranche(NamedTuple):
    """Money received from a funding source: one receipt."""

    date: datetime.date
    source: str
    amount: Decimal
    grant_year: Year
    entry: data.Transaction


class Activity(NamedTuple):
    """The grant's transactions, in ledger order, with the totals every rule needs."""

    flows: list[Flow]
    spent: dict[tuple[Year, str], Decimal]
    tranches: list[Tranche]
    dedicated_by_year: dict[Year, Decimal]
    first_entry_of_year: dict[Year, data.Transaction]
    vouchers: list[tuple[str, data.Transaction]]
    errors: list[GrantError]

    @property
    def years(self) -> list[Year]:
        """The years that have transactions."""
        return sorted(self.first_entry_of_year)


def _weight(posting: data.Posting) -> tuple[Decimal, str]:
    """The posting's weight: its cost or price in the other currency, else its units."""
    units = posting.units
    cost = posting.cost
    if cost is not None and cost.number is not None:
        return units.number * cost.number, cost.currency
    price = posting.price
    if price is not None and price.number is not None:
        return units.number * price.number, price.currency
    return units.number, units.currency


def _grant_year(entry: data.Transaction, msg: Messages) -> tuple[Year, GrantError | None]:
    """The allocation year a receipt belongs to: its `grant-year`, else its date's year."""
    value = entry.meta.get("grant-year")
    if value is None:
        return entry.date.year, None
    text = str(value).strip()
    if text.isdigit() and len(text) == 4:
        return int(text), None
    error = GrantError(
        entry.meta,
        msg.render("config", "bad-grant-year", value=value, year=entry.date.year),
        entry,
        "config",
    )
    return entry.date.year, error


def scan(entries: list[data.Directive], config: GrantConfig) -> Activity:
    """Walk the ledger's transactions once and collect the grant's activity.

    Args:
        entries: the ledger's directives, sorted by date.
        config: the grant configuration parsed from them.

    Returns:
        The flows of every transaction touching the dedicated account, a category or a source,
        with spending per year and category, the tranches received, and the `config` errors
        found on transactions (a posting in a foreign currency, a malformed `grant-year`).
    """
    roles = AccountRoles(config)
    msg = Messages(config.language)
    currency = config.currency
    grant_roles = {Role.DEDICATED, Role.CATEGORY, Role.SOURCE}
    flows: list[Flow] = []
    spent: dict[tuple[Year, str], Decimal] = defaultdict(Decimal)
    tranches: list[Tranche] = []
    dedicated_by_year: dict[Year, Decimal] = defaultdict(Decimal)
    first_entry_of_year: dict[Year, data.Transaction] = {}
    vouchers: list[tuple[str, data.Transaction]] = []
    errors: list[GrantError] = []
    role_of = roles.of

    for entry in entries:
        if not isinstance(entry, data.Transaction):
            continue
        year = entry.date.year
        if year not in first_entry_of_year:
            first_entry_of_year[year] = entry
        voucher = entry.meta.get("voucher")
        if voucher is not None:
            vouchers.append((str(voucher), entry))

        by_role: dict[Role, dict[str, Decimal]] | None = None
        for posting in entry.postings:
            role, account = role_of(posting.account)
            number, weight_currency = _weight(posting)
            if role in grant_roles and currency is not None and weight_currency != currency:
                errors.append(
                    GrantError(
                        entry.meta,
                        msg.render(
                            "config",
                            "foreign-currency",
                            account=posting.account,
                            amount=money(number, weight_currency),
                            currency=currency,
                        ),
                        entry,
                        "config",
                        account=posting.account,
                    )
                )
                continue
            if by_role is None:
                by_role = {role: {} for role in Role}
            bucket = by_role[role]
            bucket[account] = bucket.get(account, ZERO) + number
        if by_role is None or not (
            by_role[Role.DEDICATED] or by_role[Role.CATEGORY] or by_role[Role.SOURCE]
        ):
            continue

        grant_year = year
        if by_role[Role.SOURCE]:
            grant_year, error = _grant_year(entry, msg)
            if error is not None:
                errors.append(error)
            for source, number in by_role[Role.SOURCE].items():
                tranches.append(Tranche(entry.date, source, -number, grant_year, entry))
        for category, number in by_role[Role.CATEGORY].items():
            spent[year, category] += number
        for number in by_role[Role.DEDICATED].values():
            dedicated_by_year[year] += number
        flows.append(
            Flow(
                entry,
                year,
                by_role[Role.DEDICATED],
                by_role[Role.CATEGORY],
                by_role[Role.SOURCE],
                by_role[Role.ALLOWED],
                by_role[Role.OTHER],
                grant_year,
            )
        )

    return Activity(
        flows,
        dict(spent),
        tranches,
        dict(dedicated_by_year),
        first_entry_of_year,
        vouchers,
        errors,
    )
