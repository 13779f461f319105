"""One pass over a ledger's transactions: what each does to the grant's accounts.

Every rule and report reads the `Activity` this builds, so the ledger is walked once however
many rules run. Amounts are posting weights in the grant's currency (what a posting with a
price `@` costs in it).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from beancount.core import data, flags

from ledger.errors import GrantError
from ledger.i18n import Catalogue, money
from ledger.model import FIRST_YEAR, LAST_YEAR, GrantConfig, Year
from ledger.padding import Place, made_by_pad, pad_places
from ledger.roles import AccountRoles, Role

ZERO = Decimal(0)

_EMPTY: Mapping[str, Decimal] = MappingProxyType({})
"""The empty net amounts of a role a transaction does not touch (shared, read-only)."""

#: Roles as indexes into a transaction's buckets, in this order.
_ROLE_INDEX = {
    Role.DEDICATED: 0,
    Role.CATEGORY: 1,
    Role.SOURCE: 2,
    Role.ALLOWED: 3,
    Role.OTHER: 4,
}
_ALLOWED = _ROLE_INDEX[Role.ALLOWED]


class Flow(NamedTuple):
    """What one transaction does to the grant's accounts (net per declared account)."""

    entry: data.Transaction
    year: Year
    dedicated: Mapping[str, Decimal]
    categories: Mapping[str, Decimal]
    sources: Mapping[str, Decimal]
    allowed: Mapping[str, Decimal]
    others: Mapping[str, Decimal]
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
    vouchers: list[data.Transaction]
    """Every transaction with a `voucher` (as written, maybe not text), in ledger order."""
    errors: list[GrantError]
    paid: dict[tuple[Year, str], Decimal]
    """Per year and category, its payments without its refunds: the most its spending can
    reach at any point of the year (the over-budget rule passes a category at or under it)."""
    overdrawn: bool
    """Whether a payment ever leaves a dedicated account below zero (else no overdraft)."""
    unnumbered: list[Flow]
    """The flows on the dedicated account without a voucher number (none, or blank)."""

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


def _grant_year(entry: data.Transaction, msg: Catalogue) -> tuple[Year, GrantError | None]:
    """The allocation year a receipt belongs to: its `grant-year`, else its date's year."""
    value = entry.meta.get("grant-year")
    if value is None:
        return entry.date.year, None
    text = str(value).strip()
    if text.isdigit() and len(text) == 4 and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text), None
    error = GrantError(
        entry.meta,
        msg.finding("config", "bad-grant-year", value=msg.written(value), year=entry.date.year),
        entry,
        "config",
    )
    return entry.date.year, error


def scan(entries: Sequence[data.Directive], config: GrantConfig) -> Activity:
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
    msg = Catalogue(config.language)
    currency = config.currency
    flows: list[Flow] = []
    spent: dict[tuple[Year, str], Decimal] = defaultdict(Decimal)
    tranches: list[Tranche] = []
    dedicated_by_year: dict[Year, Decimal] = defaultdict(Decimal)
    first_entry_of_year: dict[Year, data.Transaction] = {}
    vouchers: list[data.Transaction] = []
    errors: list[GrantError] = []
    # The hot loop: plain ints for roles and one cache lookup per posting.
    role_cache: dict[str, tuple[int, str]] = {}
    transaction = data.Transaction
    padding = flags.FLAG_PADDING
    # tuple.__new__ skips NamedTuple's Python-level constructor: one call per grant transaction.
    new_flow = tuple.__new__
    last_year = None

    # The running totals of the year being scanned (the entries come in date order).
    spent_in_year: dict[str, Decimal] = {}
    paid_in_year: dict[str, Decimal] = {}
    paid: dict[tuple[Year, str], Decimal] = {}
    dedicated_in_year: Decimal | None = None
    balances: dict[str, Decimal] = {}
    overdrawn = False
    unnumbered: list[Flow] = []

    # The places of the ledger's `pad` directives: looked for at the first transaction flagged P.
    pads: frozenset[Place] | None = None

    for entry in entries:
        if type(entry) is not transaction:
            continue
        if entry.flag == padding:
            # Beancount's `pad` makes its padding after the plugin has run: it is left out so
            # that the plugin and every front end see the same grant postings (a pad on a grant
            # account is a `config` finding instead). A transaction written with flag P counts.
            if pads is None:
                pads = pad_places(entries)
            if made_by_pad(entry, pads):
                continue
        year = entry.date.year
        if year != last_year:
            if year not in first_entry_of_year:
                first_entry_of_year[year] = entry
            if last_year is not None:
                _close_year(last_year, spent_in_year, dedicated_in_year, spent, dedicated_by_year)
                paid.update(((last_year, c), number) for c, number in paid_in_year.items())
            spent_in_year = {}
            paid_in_year = {}
            dedicated_in_year = None
        last_year = year
        voucher = entry.meta.get("voucher")
        if voucher is not None:
            vouchers.append(entry)

        buckets: list[dict[str, Decimal] | None] | None = None
        for posting in entry.postings:
            account = posting.account
            found = role_cache.get(account)
            if found is None:
                role, root = roles.of(account)
                found = role_cache[account] = (_ROLE_INDEX[role], root)
            role_index, root = found
            if posting.cost is None and posting.price is None:
                units = posting.units
                number, weight_currency = units.number, units.currency
            else:
                number, weight_currency = _weight(posting)
            if role_index < _ALLOWED and currency is not None and weight_currency != currency:
                errors.append(
                    _foreign_currency(entry, posting, number, weight_currency, currency, msg)
                )
                continue
            if buckets is None:
                buckets = [None, None, None, None, None]
            bucket = buckets[role_index]
            if bucket is None:
                buckets[role_index] = {root: number}
            else:
                bucket[root] = bucket.get(root, ZERO) + number
        if buckets is None:
            continue
        dedicated, categories, sources, allowed, others = buckets
        if dedicated is None and categories is None and sources is None:
            continue

        grant_year = year
        if sources is not None:
            grant_year, error = _grant_year(entry, msg)
            if error is not None:
                errors.append(error)
            for source, number in sources.items():
                tranches.append(Tranche(entry.date, source, -number, grant_year, entry))
        if categories is not None:
            for category, number in categories.items():
                spent_in_year[category] = spent_in_year.get(category, ZERO) + number
                if number > 0:
                    paid_in_year[category] = paid_in_year.get(category, ZERO) + number
        if dedicated is not None:
            for account, number in dedicated.items():
                dedicated_in_year = (
                    number if dedicated_in_year is None else dedicated_in_year + number
                )
                balance = balances[account] = balances.get(account, ZERO) + number
                if number < 0 and balance < 0:
                    overdrawn = True
        flow = new_flow(
            Flow,
            (
                entry,
                year,
                dedicated or _EMPTY,
                categories or _EMPTY,
                sources or _EMPTY,
                allowed or _EMPTY,
                others or _EMPTY,
                grant_year,
            ),
        )
        flows.append(flow)
        if dedicated is not None and (
            voucher is None or (type(voucher) is str and not voucher.strip())
        ):
            unnumbered.append(flow)

    if last_year is not None:
        _close_year(last_year, spent_in_year, dedicated_in_year, spent, dedicated_by_year)
        paid.update(((last_year, c), number) for c, number in paid_in_year.items())
    return Activity(
        flows,
        dict(spent),
        tranches,
        dict(dedicated_by_year),
        first_entry_of_year,
        vouchers,
        errors,
        paid,
        overdrawn,
        unnumbered,
    )


def _close_year(
    year: Year,
    spent_in_year: Mapping[str, Decimal],
    dedicated_in_year: Decimal | None,
    spent: dict[tuple[Year, str], Decimal],
    dedicated_by_year: dict[Year, Decimal],
) -> None:
    """Add a year's running totals to the totals by year (only what the year touched)."""
    if dedicated_in_year is not None:
        dedicated_by_year[year] += dedicated_in_year
    for category, number in spent_in_year.items():
        spent[year, category] += number


def _foreign_currency(
    entry: data.Transaction,
    posting: data.Posting,
    number: Decimal,
    weight_currency: str,
    currency: str,
    msg: Catalogue,
) -> GrantError:
    """A `config` error: a grant account gets an amount in another currency than the grant's."""
    return GrantError(
        entry.meta,
        msg.finding(
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
