"""Each woman's payments against the relief standards in force (救助标准).

A `grant-standard` caps what one woman gets from an account (and its sub-accounts):

- `per-pregnancy`: in one pregnancy (one register number);
- `per-year`: in one fiscal year (one identity number, whatever her register numbers);
- `per-visit` with `visits: N`: AMOUNT a visit, N visits a pregnancy, so AMOUNT x N in all;
  a payment that says how many visits it pays for (`visits:` or the roster's column) is also
  held to AMOUNT a visit.

Like a budget, a standard is dated: each payment is held to the standard in force on its date,
with her total up to and including it. A refund lowers her total. Every payment that leaves her
above the standard is an excess (`beneficiary-over-standard`), once per standard.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

from ledger.activity import ZERO
from ledger.beneficiaries.payments import Payment, Share
from ledger.beneficiaries.settings import Basis, Standard, standard_in_force

GroupKey = tuple[str, Basis]
"""A standard's account and basis: a later directive with both replaces an earlier one."""


class Position(NamedTuple):
    """A woman's total against one standard over one period: a pregnancy or a fiscal year."""

    group: GroupKey
    woman: str
    """Her register number (per pregnancy, per visit), or per year the first register number
    of her identity number (`Beneficiary.woman`)."""
    period: str | int
    """The register number, or the fiscal year."""
    total: Decimal
    visits: int
    """The visits paid for, as far as the payments say."""
    standard: Standard | None
    """The standard in force at her last payment."""
    over: bool
    """Whether a payment left her above the standard in force on its date."""


class Excess(NamedTuple):
    """A payment that leaves a woman above a standard."""

    payment: Payment
    share: Share
    standard: Standard
    situation: str
    """`per-pregnancy`, `per-year`, `per-visit` (this payment's rate), `visits` (too many
    visits) or `per-visit-total` (more than AMOUNT x N in the pregnancy)."""
    total: Decimal
    visits: int


class Tally(NamedTuple):
    """The positions of every woman and standard, and the excesses, in ledger order."""

    positions: dict[tuple[GroupKey, str, str | int], Position]
    excesses: list[Excess]


def _groups(standards: Iterable[Standard]) -> dict[GroupKey, list[Standard]]:
    groups: dict[GroupKey, list[Standard]] = defaultdict(list)
    for standard in standards:
        groups[standard.account, standard.basis].append(standard)
    return dict(groups)


def _situation(standard: Standard, share: Share, total: Decimal, visits: int) -> str | None:
    """Which excess, if any, the share makes against the standard (one per share)."""
    if standard.basis != "per-visit":
        return standard.basis if total > standard.number else None
    if share.visits and share.amount > standard.number * share.visits:
        return "per-visit"
    if standard.visits is not None and visits > standard.visits:
        return "visits"
    return "per-visit-total" if total > standard.limit else None


def tally(payments: Sequence[Payment], standards: Sequence[Standard]) -> Tally:
    """Every woman's totals against the standards, and the payments that exceed them.

    Args:
        payments: the payments in ledger (date) order.
        standards: the `grant-standard` directives, sorted by date.
    """
    groups = _groups(standards)
    excesses: list[Excess] = []
    if not groups:
        return Tally({}, excesses)
    applicable: dict[str, list[tuple[GroupKey, bool, list[Standard]]]] = {}
    # Running [total, visits, standard, over] per (group, woman, period), made into Positions
    # at the end: one list update per share and standard on the hot path.
    running: dict[tuple[GroupKey, str, str | int], list] = {}
    for payment in payments:
        day = payment.entry.date
        year = payment.year
        for share in payment.shares:
            beneficiary = share.beneficiary
            if beneficiary is None:
                continue
            keys = applicable.get(share.account)
            if keys is None:
                keys = applicable[share.account] = [
                    (key, key[1] == "per-year", items)
                    for key, items in groups.items()
                    if items[0].applies_to(share.account)
                ]
            amount = share.amount
            for key, per_year, items in keys:
                if per_year:
                    place = (key, beneficiary.woman, year)
                else:
                    place = (key, beneficiary.number, beneficiary.number)
                state = running.get(place)
                if state is None:
                    state = running[place] = [ZERO, 0, None, False]
                state[0] += amount
                state[1] += share.visits or 0
                standard = items[0] if len(items) == 1 and items[0].date <= day else None
                if standard is None:
                    standard = standard_in_force(items, day)
                if standard is None:
                    continue
                state[2] = standard
                if amount > 0:
                    situation = _situation(standard, share, state[0], state[1])
                    if situation is not None:
                        state[3] = True
                        excesses.append(
                            Excess(payment, share, standard, situation, state[0], state[1])
                        )
    positions = {
        place: Position(place[0], place[1], place[2], *state) for place, state in running.items()
    }
    return Tally(positions, excesses)
