"""The grant model: what the ledger's `grant-*` directives say, as plain data.

A grant ledger declares its rules as dated `custom` directives (see the README):

    2024-01-01 custom "grant-account" Assets:Bank:MCH-Special "母婴健康工程"
    2024-01-01 custom "grant-category" Expenses:MCH:Training "人才培养"
    2024-01-01 custom "grant-budget" Expenses:MCH:Training 30000.00 CNY
    2024-01-01 custom "grant-carryforward" Expenses:MCH:PovertyRelief 1
    2024-01-01 custom "grant-source" Income:Grant:Provincial 100000.00 CNY "省级补助"
    2024-01-01 custom "grant-match" Income:Grant:County Income:Grant:Provincial 1
    2024-01-01 custom "grant-allowed" Expenses:Bank:Fees "银行手续费"
    2024-01-01 custom "grant-return" Liabilities:Payable:Finance "结余资金上缴"
    2024-01-01 custom "import-holding" Assets:Suspense              ; unclassified imported rows
    2024-01-01 custom "grant-voucher-period" "month"                ; 记字第N号 restarts monthly
    2025-01-20 custom "grant-close" 2024
    2026-01-01 custom "grant-assets" Expenses:MCH:Equipment 1000.00 CNY "registers/固定资产.xlsx"
    2026-01-01 custom "grant-procurement" Expenses:MCH:Equipment 20000.00 CNY 90
    2026-01-01 custom "grant-beneficiaries" Expenses:MCH:PovertyRelief "registers/救助对象.csv"
    2026-01-01 custom "grant-standard" Expenses:MCH:PovertyRelief 10000.00 CNY "per-year"
    2026-01-01 custom "grant-beneficiary-ages" 15 49

`ledger.directives.parse_grant_config` turns them into a `GrantConfig`; the functions here
answer the dated questions (which budget is in force on a day, which ratio applies to a year).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from beancount.core import data

from ledger.beneficiaries.settings import AgeRange, BeneficiarySetup, Standard

Year = int
"""A fiscal year, which is the calendar year."""

#: The years a directive or `grant-year` may name; others are `config` findings.
FIRST_YEAR, LAST_YEAR = 1900, 2999
#: Budgets and allocations are below this (a thousand billion); larger ones are typos.
MAX_AMOUNT = Decimal("1000000000000")
#: A `grant-match` ratio is above zero and at most this.
MAX_RATIO = Decimal(100)
#: A `grant-carryforward` lapses after 1 to this many years.
MAX_CARRY_YEARS = 100
#: How many days before 31 December the books may stop and a close still go ahead without a
#: reason (`custom "grant-close-margin" DAYS` changes it).
DEFAULT_CLOSE_MARGIN = 15
MAX_CLOSE_MARGIN = 366
#: A `grant-procurement` adds up a payee's purchases within at most this many days: a fiscal
#: year (a longer window is a typo, and a date that far back does not exist).
MAX_PROCUREMENT_WINDOW = 366


class Labelled(NamedTuple):
    """A declared account and its label (the dedicated account, a category)."""

    account: str
    label: str
    entry: data.Custom


class DatedAmount(NamedTuple):
    """An amount in force from a date on: a category's budget, a source's planned allocation."""

    date: datetime.date
    number: Decimal
    currency: str
    entry: data.Custom


class CarryForward(NamedTuple):
    """A `grant-carryforward`: unspent budget carries on, lapsing after `years` if given."""

    date: datetime.date
    years: int | None
    entry: data.Custom


class Match(NamedTuple):
    """A `grant-match`: `account` must bring `ratio` times what `base` brought, each year."""

    date: datetime.date
    account: str
    base: str
    ratio: Decimal
    entry: data.Custom


class Close(NamedTuple):
    """A `grant-close`: the year is closed; `figures` are the closing figures it records."""

    year: Year
    entry: data.Custom
    figures: Mapping[str, data.Amount]
    seal: str | None = None
    """The SHA-256 of the year's seal file (`ledger.seals`), when the close is sealed."""
    seal_file: str | None = None
    """The seal file, as written: relative to the file holding the close."""


class AssetThreshold(NamedTuple):
    """A `grant-assets`: from `date`, what `account` pays from `threshold` on has its cards.

    A posting to `account` (or below it) of at least `threshold` buys fixed assets, each with
    its card in the register at `register`.
    """

    date: datetime.date
    account: str
    threshold: Decimal
    currency: str
    register: str
    """The card register's absolute path."""
    entry: data.Custom


class ProcurementThreshold(NamedTuple):
    """A `grant-procurement`: from `date`, purchases from `threshold` on need their record.

    A purchase posted to `account` (or below it) of at least `threshold` needs a procurement
    record; purchases from one payee within `window` days are added up.
    """

    date: datetime.date
    account: str
    threshold: Decimal
    currency: str
    window: int
    entry: data.Custom


_NONE: Mapping = MappingProxyType({})


class GrantConfig(NamedTuple):
    """Everything the grant directives of a ledger declare."""

    dedicated: Mapping[str, Labelled]
    categories: Mapping[str, Labelled]
    budgets: Mapping[str, Sequence[DatedAmount]]
    carryforwards: Mapping[str, Sequence[CarryForward]]
    sources: Mapping[str, Sequence[DatedAmount]]
    matches: Sequence[Match]
    allowed: Mapping[str, Labelled]
    """Accounts the dedicated account may pay besides the categories (returns included)."""
    returns: Mapping[str, Labelled]
    """Allowed accounts through which lapsed funds are returned (结余上缴)."""
    holding: Mapping[str, Labelled]
    """Allowed accounts the statement importer books unclassified rows to (`import-holding`)."""
    closes: Mapping[Year, Close]
    labels: Mapping[str, str]
    """The label each declared account is given (directives with a "LABEL")."""
    currency: str | None
    language: str
    first_date: datetime.date | None
    voucher_period: str = "year"
    """Vouchers are numbered per fiscal year (`year`) or per month (`month`)."""
    close_margin: int = DEFAULT_CLOSE_MARGIN
    """Days before 31 December the books may stop for a close to go ahead without a reason."""
    register_files: tuple[str, ...] = ()
    """The registers the grant directives name (absolute paths): part of the books."""
    profile_folders: Sequence[data.Custom] = ()
    """The `import-profiles` directives: folders of the ledger's own bank profiles."""
    assets: Mapping[str, Sequence[AssetThreshold]] = _NONE
    """The `grant-assets` thresholds by account, each account's sorted by date."""
    procurement: Mapping[str, Sequence[ProcurementThreshold]] = _NONE
    """The `grant-procurement` thresholds by account, each account's sorted by date."""
    beneficiaries: BeneficiarySetup | None = None
    """The account that pays people and its register (`grant-beneficiaries`), if any."""
    standards: tuple[Standard, ...] = ()
    """The relief standards (`grant-standard`), by date."""
    ages: tuple[AgeRange, ...] = ()
    """The child-bearing ages (`grant-beneficiary-ages`), by date; default 15–49."""
    bare: tuple[data.Custom, ...] = ()
    """The `grant-*` and `import-*` directives written without any value (a `config` finding
    each): Beancount gives them None for values, on which its `pad` and Fava's views fail."""

    @property
    def is_grant_ledger(self) -> bool:
        """Whether the ledger declares a grant at all."""
        return bool(self.dedicated or self.categories or self.sources)


def year_end(year: Year) -> datetime.date:
    """The last day of a fiscal year."""
    return datetime.date(year, 12, 31)


def in_force(dated: Sequence[DatedAmount], day: datetime.date) -> DatedAmount | None:
    """The last of `dated` (sorted by date) dated on or before `day`."""
    found = None
    for item in dated:
        if item.date > day:
            break
        found = item
    return found


def amount_in_force(dated: Sequence[DatedAmount], day: datetime.date) -> Decimal:
    """The amount in force on `day`; zero before the first one."""
    item = in_force(dated, day)
    return item.number if item is not None else Decimal(0)


def carryforward_in_force(config: GrantConfig, account: str, year: Year) -> CarryForward | None:
    """The `grant-carryforward` of a category in force at the end of `year`, if any."""
    found = None
    for item in config.carryforwards.get(account, ()):
        if item.date > year_end(year):
            break
        found = item
    return found


def matches_in_force(config: GrantConfig, year: Year) -> list[Match]:
    """The `grant-match` rules in force at the end of `year`, the last one per pair of sources."""
    latest: dict[tuple[str, str], Match] = {}
    for match in config.matches:
        if match.date <= year_end(year):
            latest[match.account, match.base] = match
    return list(latest.values())


def label_of(config: GrantConfig, account: str) -> str:
    """The label a directive gives an account, else the account's name."""
    return config.labels.get(account) or account
