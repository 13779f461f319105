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
kept with the load's grant ledger (`GrantLedger.memo`), whose config it takes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import beangulp
from beancount.core import data, flags

from importers import tables
from importers.dedup import LedgerIndex, row_key
from importers.errors import AccountError, ImportConfigError, StatementError
from importers.profiles import Profile
from importers.rules import HOLDING, ImportSetup, import_setup
from importers.statement import Row, Statement, match, parse_statement, peek_account_number
from importers.tables import SUFFIXES
from ledger.grant_ledger import gc_paused
from ledger.linking import CopyIndex, link_value, next_document_key
from ledger.loading import LoadedLedger
from ledger.vouchers import VoucherNumbering

DUPLICATE = "__duplicate__"
"""The metadata key beangulp and Fava read as "already in the ledger"."""

LedgerSource = Callable[[], LoadedLedger]

ZERO_TOLERANCE = Decimal("0.00")


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


class StatementImporter(beangulp.Importer):
    """Imports the statements of one bank layout (profile) into the ledger's bank account.

    Args:
        profile: the bank layout.
        ledger: returns the loaded ledger, for `account()` and the import setup.
        list_broken: for Fava's list of files: `account`, `date` and `filename` of a statement
            that does not read give what they can instead of an error, so that one broken file
            does not hide the others; extracting it then shows the error. Never for `archive`,
            which would file a statement under a wrong date.
    """

    def __init__(
        self, profile: Profile, ledger: LedgerSource | None = None, list_broken: bool = False
    ) -> None:
        self.profile = profile
        self.ledger = ledger
        self.list_broken = list_broken
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
        if self.ledger is None:
            raise ImportConfigError("<ledger>", "the importer was given no ledger")
        loaded = self.ledger()
        grant = loaded.grant
        return grant.memo(
            ImportSetup, lambda: import_setup(loaded.entries, grant.config, grant.config_errors)
        )

    def account_of(self, statement: Statement, setup: ImportSetup) -> str:
        """The ledger account opened with the statement's account number.

        Raises:
            AccountError: no account of the ledger has that number.
        """
        account = setup.accounts.get(statement.account_number)
        if account is None:
            known = ", ".join(f"{a} ({n})" for n, a in sorted(setup.accounts.items())) or "none"
            raise AccountError(
                statement.path,
                f"the statement is for account number {statement.account_number}, which no "
                f'account of the ledger is opened with (account-number: "..."; known: {known})',
            )
        return account

    def account(self, filepath: str) -> data.Account:
        """The ledger account of the statement's account number (never from the file name)."""
        if self.ledger is None:
            raise ImportConfigError(filepath, "the importer was given no ledger for the account")
        try:
            return self.account_of(self.statement(filepath), self.setup())
        except StatementError:
            if not self.list_broken:
                raise
        try:
            accounts = self.setup().accounts
        except StatementError:
            return ""
        return accounts.get(peek_account_number(filepath, self.profile), "")

    def date(self, filepath: str) -> datetime.date | None:
        """The date of the statement's last row: where `archive` files it."""
        try:
            return self.statement(filepath).last_date
        except StatementError:
            if self.list_broken:
                return None
            raise

    def filename(self, filepath: str) -> str | None:
        """`<profile>.<first day>-<last day><suffix>`, e.g. `qxrcb.20240312-20241221.csv`."""
        try:
            statement = self.statement(filepath)
        except StatementError:
            if self.list_broken:
                return None
            raise
        first, last = statement.first_date, statement.last_date
        return f"{self.profile.id}.{first:%Y%m%d}-{last:%Y%m%d}{Path(filepath).suffix.lower()}"

    def extract(self, filepath: str, existing: data.Entries) -> data.Entries:
        """The statement's rows as transactions, duplicates marked, and its closing balance.

        Args:
            filepath: the statement.
            existing: the ledger's entries (and those imported earlier in the same run).

        Returns:
            A transaction per row (rows already in `existing` marked `__duplicate__`), numbered
            with the next vouchers of their periods and linked to the copies on file whose
            names carry those numbers (`document:`), and a `balance` assertion `~ 0.00` of the
            closing balance the day after the last row.

        Raises:
            StatementError: the statement cannot be read, is for an account the ledger does not
                open, or has a row no rule matches in a ledger without `import-holding`.
        """
        with gc_paused():
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
        closing = statement.closing_balance
        day = statement.last_date + datetime.timedelta(days=1)
        meta = data.new_metadata(str(filepath), statement.rows[-1].line)
        balance = data.Balance(
            meta, day, account, data.Amount(closing, currency), ZERO_TOLERANCE, None
        )
        if index.has_balance(account, day, closing):
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
                    statement.path,
                    "no import-rule matches this row and the ledger names no holding account: "
                    f'add `custom "{HOLDING}" ACCOUNT` (and rules) to the ledger',
                    row=row.line,
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
