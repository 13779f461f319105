"""What the beneficiary directives set: the register, the standards, the child-bearing ages.

    2026-01-01 custom "grant-beneficiaries" Expenses:MCH:PovertyRelief "registers/救助对象.csv"
      mask-names: TRUE                     ; optional: names masked in every report too
    2026-01-01 custom "grant-standard" Expenses:MCH:PovertyRelief 10000.00 CNY "per-year"
    2026-01-01 custom "grant-standard" Expenses:MCH:PovertyRelief:Rescue 8000.00 CNY "per-pregnancy"
    2026-01-01 custom "grant-standard" Expenses:MCH:PovertyRelief:Checkups 350.00 CNY "per-visit"
      visits: 5
    2026-01-01 custom "grant-beneficiary-ages" 15 49

`ledger.directives` parses them into these records, kept on the `GrantConfig`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal, NamedTuple

from beancount.core import data

Basis = Literal["per-visit", "per-pregnancy", "per-year"]
BASES: tuple[Basis, ...] = ("per-visit", "per-pregnancy", "per-year")

DEFAULT_AGES = (15, 49)
"""Child-bearing ages (育龄), inclusive, unless the ledger sets others."""


class BeneficiarySetup(NamedTuple):
    """A `grant-beneficiaries`: the account that pays people, and its register."""

    account: str
    path: str
    """The register's absolute path (relative paths are read from the directive's file)."""
    written: str
    """The path as the directive writes it, for messages."""
    mask_names: bool
    entry: data.Custom

    @property
    def date(self) -> datetime.date:
        """The rules apply to payments dated on or after this day."""
        return self.entry.date

    def covers(self, account: str) -> bool:
        """Whether `account` is the beneficiaries account or one of its sub-accounts."""
        return account == self.account or account.startswith(self.account + ":")


class Standard(NamedTuple):
    """A `grant-standard`: the most a woman may get from an account, from a date on."""

    date: datetime.date
    account: str
    number: Decimal
    """The amount per visit, per pregnancy or per year."""
    currency: str
    basis: Basis
    visits: int | None
    """For `per-visit`: the visits one pregnancy may be paid for."""
    entry: data.Custom

    @property
    def limit(self) -> Decimal:
        """The most one woman may get in the standard's period (per visit: times the visits)."""
        return self.number * self.visits if self.visits else self.number

    def applies_to(self, account: str) -> bool:
        """Whether a payment to `account` counts against this standard."""
        return account == self.account or account.startswith(self.account + ":")


class AgeRange(NamedTuple):
    """A `grant-beneficiary-ages`: the child-bearing ages, inclusive, from a date on."""

    date: datetime.date
    low: int
    high: int
    entry: data.Custom


def ages_on(ranges: Sequence[AgeRange], day: datetime.date) -> tuple[int, int]:
    """The child-bearing ages in force on `day` (`ranges` sorted by date)."""
    found = DEFAULT_AGES
    for item in ranges:
        if item.date > day:
            break
        found = (item.low, item.high)
    return found


def standard_in_force(standards: Sequence[Standard], day: datetime.date) -> Standard | None:
    """The last of `standards` (one account and basis, sorted by date) in force on `day`."""
    found = None
    for item in standards:
        if item.date > day:
            break
        found = item
    return found
