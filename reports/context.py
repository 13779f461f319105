"""What every report kind reads: the loaded ledger, the years asked for, the accounts' codes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from beancount.core import data

from ledger.books import YearBooks
from ledger.grant_ledger import GrantLedger
from ledger.loading import LoadedLedger
from ledger.model import GrantConfig, Year, label_of
from reports.labels import Labels


class NoDataForYearError(Exception):
    """The books have nothing for the fiscal year asked for."""

    def __init__(self, year: Year, years: list[Year]) -> None:
        covered = f"{years[0]}–{years[-1]}" if years else "no fiscal year"
        super().__init__(f"the books have no data for {year}: they cover {covered}")
        self.year = year


class AccountDetails(NamedTuple):
    """What an account's `open` directive says of it beyond its name."""

    code: str | None
    """The government accounting chart's code (`code: "4001"`)."""
    name: str | None
    """Its name in words (`name: "县级配套资金"`)."""


def account_details(entries: list[data.Directive]) -> dict[str, AccountDetails]:
    """The `code` and `name` metadata of every opened account."""
    details = {}
    for entry in entries:
        if isinstance(entry, data.Open):
            code = entry.meta.get("code")
            name = entry.meta.get("name")
            details[entry.account] = AccountDetails(
                str(code) if code is not None else None, str(name) if name is not None else None
            )
    return details


class ReportContext(NamedTuple):
    """A loaded ledger and what a report of it is asked for."""

    ledger: LoadedLedger
    labels: Labels
    year: Year | None
    """The fiscal year asked for; None for every year."""
    accounts: Mapping[str, AccountDetails]

    @property
    def grant(self) -> GrantLedger:
        """The grant ledger of the load."""
        return self.ledger.grant

    @property
    def config(self) -> GrantConfig:
        """The grant's configuration."""
        return self.ledger.grant.config

    @property
    def books(self) -> dict[Year, YearBooks]:
        """The grant's books of every fiscal year."""
        return self.ledger.grant.books

    @property
    def currency(self) -> str:
        """The grant's currency."""
        return self.config.currency or "CNY"

    @property
    def years(self) -> list[Year]:
        """The fiscal years the report covers."""
        return [self.year] if self.year is not None else list(self.books)

    def code(self, account: str) -> str | None:
        """The account's code, from its `open` directive."""
        details = self.accounts.get(account)
        return details.code if details else None

    def label(self, account: str) -> str:
        """What to call an account: its directive's label, its `open` name, or its name."""
        label = label_of(self.config, account)
        if label != account:
            return label
        details = self.accounts.get(account)
        return details.name if details and details.name else account


def make_context(ledger: LoadedLedger, labels: Labels, year: Year | None) -> ReportContext:
    """The context of a report on `ledger` for `year` (None: every year).

    Raises:
        NoDataForYearError: the books do not cover `year`.
    """
    books = ledger.grant.books
    if year is not None and year not in books:
        raise NoDataForYearError(year, list(books))
    return ReportContext(ledger, labels, year, account_details(ledger.entries))
