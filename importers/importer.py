"""The beangulp importer of one bank profile, for the command line and Fava's Import page.

One `StatementImporter` per profile, named `mch-ledger.<profile>`, so identification stays
strict (the file's header is that profile's header) and beangulp's `identify` finds at most one.
`extract(filepath, existing)` reads everything ledger-specific from `existing` (the account
number on `open`, the `import-rule` and `import-holding` directives, the vouchers), which is what
Fava hands it: the command line and Fava import the same statement to the same entries.

`extract` pauses Python's cyclic garbage collector, as the grant analysis does: it allocates a
few objects per row and none form cycles, and each collection would walk the whole ledger.

Duplicates are found in `extract`, not in `deduplicate`: voucher numbers are given to the new
rows only, so a duplicate must be known before numbering. `deduplicate` therefore leaves the
marks `extract` set (`__duplicate__`, which Fava shows and the command line leaves out) and
never runs beangulp's similarity heuristic.

`account()` needs the ledger before any `extract`, since beangulp and Fava call it to show and
file a statement: the importer is given a callable returning the loaded ledger (the command
line's; in Fava, the ledger of the current request). The import setup is read once per load and
kept with the load's grant ledger (`GrantLedger.memo`), whose config it takes. A statement's
account is the one opened with the number it shows; for a statement showing none, the account
the command line names (`--account`), else the one whose `open` names the profile
(`statement-profile:`).

The balance asserted is the statement's closing balance only when its last day was over when it
was printed (`balance_point`). Errors raised to Fava speak the ledger's language (`speaking`).
Fava keeps its importers by a name fixed before any ledger is loaded, so the ledger's own
profiles (`import-profiles`) reach it through one importer, `OwnProfilesImporter`.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import beangulp
from beancount.core import data, flags

from importers import tables
from importers.dedup import LedgerIndex, row_key
from importers.errors import AccountError, ImportConfigError, StatementError
from importers.profiles import Profile
from importers.rules import HOLDING, STATEMENT_PROFILE, ImportSetup, import_setup
from importers.statement import (
    Row,
    Statement,
    match,
    parse_statement,
    peek_account_number,
    unknown_layout,
)
from importers.tables import SUFFIXES
from ledger.grant_ledger import gc_paused
from ledger.i18n import DEFAULT_LANGUAGE
from ledger.linking import CopyIndex, link_value, next_document_key
from ledger.loading import LoadedLedger
from ledger.vouchers import VoucherNumbering

DUPLICATE = "__duplicate__"
"""The metadata key beangulp and Fava read as "already in the ledger"."""

LedgerSource = Callable[[], LoadedLedger]

ZERO_TOLERANCE = Decimal("0.00")

#: Fava's name of the importer of the ledger's own profiles (see `OwnProfilesImporter`).
OWN_PROFILES = "mch-ledger.import-profiles"


def voucher_uses(entries: Sequence[data.Directive]) -> list[tuple[str, datetime.date]]:
    """The voucher numbers of `entries`' transactions, with their dates."""
    transaction = data.Transaction
    uses = []
    for entry in entries:
        if type(entry) is transaction:
            voucher = entry.meta.get("voucher")
            if type(voucher) is str and voucher.strip():
                uses.append((voucher.strip(), entry.date))
    return uses


def ledger_setup(ledger: LedgerSource | None) -> ImportSetup:
    """The import setup of the ledger `ledger` returns, read once per load of it.

    Raises:
        ImportConfigError: there is no ledger, or its import setup is malformed.
    """
    if ledger is None:
        raise ImportConfigError("<ledger>", "import.no-ledger")
    loaded = ledger()
    grant = loaded.grant
    return grant.memo(
        ImportSetup, lambda: import_setup(loaded.entries, grant.config, grant.config_errors)
    )


def ledger_language(ledger: LedgerSource | None) -> str:
    """The language of the ledger `ledger` returns (English without one)."""
    if ledger is None:
        return DEFAULT_LANGUAGE
    try:
        return ledger().grant.config.language
    except StatementError:
        return DEFAULT_LANGUAGE


@contextlib.contextmanager
def speaking(ledger: LedgerSource | None) -> Iterator[None]:
    """Errors raised in the block speak the ledger's language (Fava shows them as they are)."""
    try:
        yield
    except StatementError as error:
        raise error.in_language(ledger_language(ledger)) from None


class BalancePoint(NamedTuple):
    """What a statement's balance assertion asserts, and why there."""

    date: datetime.date
    number: Decimal
    line: int
    """The row whose balance it is (for the closing balance) or precedes (a day's opening)."""
    closing: bool
    """True: the closing balance, the day after the last row. False: the opening balance of the
    last row's day, because later rows of that day may still come."""


def balance_point(statement: Statement) -> BalancePoint:
    """The balance a statement asserts for certain.

    The closing balance, on the day after the last row, when the statement was printed after
    that day; otherwise the balance at the start of the last row's day, which rows printed later
    that day cannot change.
    """
    if statement.last_day_complete:
        day = statement.last_date + datetime.timedelta(days=1)
        return BalancePoint(day, statement.closing_balance, statement.rows[-1].line, True)
    first, opening = statement.last_day_opening
    return BalancePoint(statement.last_date, opening, first.line, False)


class StatementImporter(beangulp.Importer):
    """Imports the statements of one bank layout (profile) into the ledger's bank account.

    Args:
        profile: the bank layout.
        ledger: returns the loaded ledger, for `account()` and the import setup.
        list_broken: for Fava's list of files: `account`, `date` and `filename` of a statement
            that does not read give what they can instead of an error, so that one broken file
            does not hide the others; extracting it then shows the error. Never for `archive`,
            which would file a statement under a wrong date.
        account: the account the statements are, as the command line's `--account` says; a
            statement showing an account number must still show this account's.
    """

    def __init__(
        self,
        profile: Profile,
        ledger: LedgerSource | None = None,
        list_broken: bool = False,
        account: str | None = None,
    ) -> None:
        self.profile = profile
        self.ledger = ledger
        self.list_broken = list_broken
        self.given_account = account
        self._parsed: dict[tuple[str, int, int], Statement] = {}

    @property
    def name(self) -> str:
        """`mch-ledger.<profile>`."""
        return f"mch-ledger.{self.profile.id}"

    def identify(self, filepath: str) -> bool:
        """Whether the file is a statement of this profile: the header matches exactly."""
        if not filepath.lower().endswith(SUFFIXES):
            return False
        try:
            return match(filepath, self.profile) is not None
        except StatementError:
            return False

    def statement(self, filepath: str) -> Statement:
        """The statement read and checked (cached while the file is unchanged).

        Raises:
            StatementError: the statement cannot be read.
        """
        stat = Path(filepath).stat()
        key = (str(filepath), stat.st_size, stat.st_mtime_ns)
        found = self._parsed.get(key)
        if found is None:
            with gc_paused():
                found = parse_statement(filepath, self.profile)
            self._parsed = {key: found}
            tables.forget(filepath)  # a 100,000-row file's cells: ~100 MiB kept for nothing
        return found

    def setup(self) -> ImportSetup:
        """The ledger's import setup, read once per load of the ledger.

        Raises:
            ImportConfigError: the importer was given no ledger, or its setup is malformed.
        """
        return ledger_setup(self.ledger)

    def account_of(self, statement: Statement, setup: ImportSetup) -> str:
        """The ledger account of a statement.

        The account opened with the number the statement shows; for a statement showing none,
        the account given (`--account`), else the one account whose `open` names the profile
        in `statement-profile:`. A given account must be the one the shown number says.

        Raises:
            AccountError: no account of the ledger has the number shown, the given account is
                not opened or is not the number's, or a statement without a number has no
                account to go to (or several).
        """
        given = self.given_account
        if given is not None and given not in setup.opened:
            raise AccountError(statement.path, "import.account.not-opened", account=given)
        number = statement.account_number
        if number:
            account = setup.accounts.get(number)
            if account is None:
                known = ", ".join(f"{a} ({n})" for n, a in sorted(setup.accounts.items()))
                raise AccountError(
                    statement.path,
                    "import.account.unknown-number",
                    number=number,
                    known=known or "-",
                )
            if given is not None and given != account:
                raise AccountError(
                    statement.path,
                    "import.account.other-number",
                    number=number,
                    account=account,
                    given=given,
                )
            return account
        if given is not None:
            return given
        named = setup.profile_accounts.get(self.profile.id, ())
        if len(named) == 1:
            return named[0]
        if named:
            raise AccountError(
                statement.path,
                "import.account.several-named",
                profile=self.profile.id,
                accounts=", ".join(named),
                key=STATEMENT_PROFILE,
            )
        raise AccountError(
            statement.path,
            "import.account.none-shown",
            profile=self.profile.id,
            key=STATEMENT_PROFILE,
        )

    def account(self, filepath: str) -> data.Account:
        """The ledger account of the statement (never from the file name)."""
        try:
            with speaking(self.ledger):
                return self.account_of(self.statement(filepath), self.setup())
        except StatementError:
            if not self.list_broken:
                raise
        return self._listed_account(filepath)

    def _listed_account(self, filepath: str) -> data.Account:
        """For Fava's list: the account a statement that does not read would go to, or ""."""
        try:
            setup = self.setup()
            number = peek_account_number(filepath, self.profile)
        except StatementError:
            return ""
        if number:
            return setup.accounts.get(number, "")
        named = setup.profile_accounts.get(self.profile.id, ())
        return named[0] if len(named) == 1 else ""

    def date(self, filepath: str) -> datetime.date | None:
        """The date of the statement's last row: where `archive` files it."""
        try:
            with speaking(self.ledger):
                return self.statement(filepath).last_date
        except StatementError:
            if self.list_broken:
                return None
            raise

    def filename(self, filepath: str) -> str | None:
        """`<profile>.<first day>-<last day><suffix>`, e.g. `qxrcb.20240312-20241221.csv`."""
        try:
            with speaking(self.ledger):
                statement = self.statement(filepath)
        except StatementError:
            if self.list_broken:
                return None
            raise
        first, last = statement.first_date, statement.last_date
        return f"{self.profile.id}.{first:%Y%m%d}-{last:%Y%m%d}{Path(filepath).suffix.lower()}"

    def extract(self, filepath: str, existing: data.Entries) -> data.Entries:
        """The statement's rows as transactions, duplicates marked, and a balance assertion.

        Args:
            filepath: the statement.
            existing: the ledger's entries (and those imported earlier in the same run).

        Returns:
            A transaction per row (rows already in `existing` marked `__duplicate__`), numbered
            with the next vouchers of their periods and linked to the copies on file whose
            names carry those numbers (`document:`), and a `balance` assertion `~ 0.00` of the
            balance the statement gives for certain (`balance_point`).

        Raises:
            StatementError: the statement cannot be read, is for an account the ledger does not
                open, or has a row no rule matches in a ledger without `import-holding`.
        """
        with speaking(self.ledger), gc_paused():
            return self._extract(filepath, existing)

    def _extract(self, filepath: str, existing: data.Entries) -> data.Entries:
        statement = self.statement(filepath)
        setup = self.setup()
        account = self.account_of(statement, setup)
        index = LedgerIndex(existing, frozenset({account}))
        # Numbered after every voucher of `existing`: the ledger's and those extracted before
        # in the same run.
        vouchers = VoucherNumbering(voucher_uses(existing), setup.voucher_period)
        currency = statement.currency
        link_copies = self._copy_linker()
        entries: list[data.Directive] = []
        for row in statement.rows:
            duplicate = index.take(row_key(account, row))
            entry = self._transaction(statement, row, account, setup, vouchers, duplicate)
            if not duplicate:
                link_copies(entry)
            entries.append(entry)
        for row in statement.repeats:
            entries.append(self._transaction(statement, row, account, setup, vouchers, True))
        point = balance_point(statement)
        meta = data.new_metadata(str(filepath), point.line)
        balance = data.Balance(
            meta, point.date, account, data.Amount(point.number, currency), ZERO_TOLERANCE, None
        )
        if index.has_balance(account, point.date, point.number):
            meta[DUPLICATE] = True
        entries.append(balance)
        return entries

    def _copy_linker(self) -> Callable[[data.Transaction], None]:
        """Adds to a new entry the copies on file named for its voucher (`ledger.linking`)."""
        loaded = self.ledger() if self.ledger is not None else None
        if loaded is None:
            return lambda entry: None
        grant = loaded.grant
        copies = grant.memo(
            CopyIndex, lambda: CopyIndex.of_ledger(loaded.entries, grant.config, grant.documents)
        )
        main_file = str(loaded.path)

        def link(entry: data.Transaction) -> None:
            for copy in copies.unlinked(entry.meta["voucher"], entry.date):
                key = next_document_key(entry.meta)
                entry.meta[key] = link_value(copy, grant.documents, main_file)

        return link

    def _transaction(
        self,
        statement: Statement,
        row: Row,
        account: str,
        setup: ImportSetup,
        vouchers: VoucherNumbering,
        duplicate: bool,
    ) -> data.Transaction:
        classified = setup.classify(row)
        if classified is None:
            if setup.holding is None:
                raise ImportConfigError(
                    statement.path, "import.no-rule-no-holding", row=row.line, type=HOLDING
                )
            other, flag, grant_year = setup.holding, flags.FLAG_WARNING, None
        else:
            other, flag, grant_year = classified.account, classified.flag, classified.grant_year
        currency = statement.currency
        meta = data.new_metadata(str(statement.path), row.line)
        if duplicate:
            meta[DUPLICATE] = True
        else:
            meta["voucher"] = vouchers.take(row.date)
        if row.ref:
            meta["bank-ref"] = row.ref
        else:
            # Text, not an amount: Fava's Import page saves text metadata but drops amounts.
            meta["bank-balance"] = f"{row.balance:.2f}"
        if row.counterparty_account:
            meta["counterparty-account"] = row.counterparty_account
        narration = row.purpose or row.memo
        if row.purpose and row.memo:
            meta["memo"] = row.memo
        if grant_year is not None:
            meta["grant-year"] = Decimal(grant_year)
        units = data.Amount(row.amount, currency)
        postings = [
            data.Posting(other, -units, None, None, None, None),
            data.Posting(account, units, None, None, None, None),
        ]
        return data.Transaction(
            meta,
            row.date,
            flag,
            row.counterparty or None,
            narration,
            data.EMPTY_SET,
            data.EMPTY_SET,
            postings,
        )

    def deduplicate(self, entries: data.Entries, existing: data.Entries) -> None:
        """Keep the marks `extract` set: duplicates are found by bank reference there."""

    def sort(self, entries: data.Entries, reverse: bool = False) -> None:
        """Keep the statement's order, oldest first: vouchers then read in order."""
        if reverse:
            entries.reverse()


class OwnProfilesImporter(beangulp.Importer):
    """Fava's importer of statements in the ledger's own layouts (`import-profiles`).

    Fava reads its import configuration once, before any ledger is at hand, and keeps its
    importers by name; the ledger's own profiles are known only from the ledger of a request.
    This one importer stands for them all: each call finds the ledger's profile whose header
    the file has and hands over to that profile's `StatementImporter`. While the ledger's
    import setup is broken it claims the files no shipped profile reads, so that extracting one
    says what is wrong.

    Args:
        ledger: returns the ledger of the current request.
        shipped: the shipped profiles (whose importers Fava has already).
    """

    def __init__(self, ledger: LedgerSource, shipped: Sequence[Profile]) -> None:
        self.ledger = ledger
        self.shipped = tuple(shipped)
        self._importers: dict[Path, StatementImporter] = {}

    @property
    def name(self) -> str:
        """`mch-ledger.import-profiles`."""
        return OWN_PROFILES

    def _importer(self, filepath: str) -> StatementImporter | None:
        """The importer of the ledger's profile that reads the file, None if none does.

        Raises:
            StatementError: the ledger's import setup is malformed.
        """
        for profile in ledger_setup(self.ledger).own_profiles:
            if match(filepath, profile) is not None:
                found = self._importers.get(profile.path)
                if found is None or found.profile != profile:
                    found = StatementImporter(profile, self.ledger, list_broken=True)
                    self._importers[profile.path] = found
                return found
        return None

    def identify(self, filepath: str) -> bool:
        """Whether one of the ledger's own profiles reads the file."""
        if not filepath.lower().endswith(SUFFIXES):
            return False
        try:
            return self._importer(filepath) is not None
        except ImportConfigError:
            return not any(_reads(profile, filepath) for profile in self.shipped)
        except StatementError:
            return False

    def _delegate(self, filepath: str) -> StatementImporter | None:
        try:
            return self._importer(filepath)
        except StatementError:
            return None

    def account(self, filepath: str) -> data.Account:
        """The account of the statement, "" if it cannot be told yet."""
        found = self._delegate(filepath)
        return found.account(filepath) if found is not None else ""

    def date(self, filepath: str) -> datetime.date | None:
        """The date of the statement's last row, None if it does not read."""
        found = self._delegate(filepath)
        return found.date(filepath) if found is not None else None

    def filename(self, filepath: str) -> str | None:
        """The archive name the profile's importer gives."""
        found = self._delegate(filepath)
        return found.filename(filepath) if found is not None else None

    def extract(self, filepath: str, existing: data.Entries) -> data.Entries:
        """What the importer of the ledger's profile reading the file extracts.

        Raises:
            StatementError: the import setup is broken, no profile of the ledger reads the
                file, or the statement cannot be imported.
        """
        with speaking(self.ledger):
            found = self._importer(filepath)
            if found is None:
                raise unknown_layout(filepath, ledger_setup(self.ledger).own_profiles)
        return found.extract(filepath, existing)

    def deduplicate(self, entries: data.Entries, existing: data.Entries) -> None:
        """Keep the marks `extract` set: duplicates are found by bank reference there."""

    def sort(self, entries: data.Entries, reverse: bool = False) -> None:
        """Keep the statement's order, oldest first."""
        if reverse:
            entries.reverse()


def _reads(profile: Profile, filepath: str) -> bool:
    try:
        return match(filepath, profile) is not None
    except StatementError:
        return False
