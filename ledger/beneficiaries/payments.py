"""The payments of the beneficiaries account, each resolved to the women it pays.

A payment (a transaction posting to the `grant-beneficiaries` account or a sub-account, dated
on or after the directive) names one woman or a roster:

    2026-03-27 * "清溪县人民医院" "危重贫困孕产妇抢救经费补助"
      voucher: "记-2026-007"
      beneficiary: "JZ-2026-001"            ; her register number
      Expenses:MCH:PovertyRelief:Rescue  5710.00 CNY
      Assets:Bank:MCH-Special

    2026-04-03 * "城关镇卫生院" "贫困孕产妇孕期检查经费补助（3人次）"
      voucher: "记-2026-009"
      roster: "rosters/记-2026-009.csv"     ; register numbers, amounts, visits
      Expenses:MCH:PovertyRelief:Checkups  970.00 CNY
      Assets:Bank:MCH-Special

Each payment becomes `Share`s, one per woman and account, with the problems of naming found on
the way: nobody named (`beneficiary-missing`), a number not in the register
(`beneficiary-unknown`), a roster whose total is not the payment or whose rows are not in the
register (`roster-mismatch`), and the `config` problems of a roster that does not read, and of
an identity number written where a register number belongs (`beneficiary:`, a roster's key).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from beancount.core import data

from ledger.activity import ZERO, Flow
from ledger.beneficiaries.identity import SHORTEST, looks_like_identity, mask
from ledger.beneficiaries.problems import Problem, at_row
from ledger.beneficiaries.register import (
    Beneficiary,
    BeneficiaryRegister,
    UnreadableError,
    read_roster,
)
from ledger.beneficiaries.settings import BeneficiarySetup
from ledger.documents import inside
from ledger.i18n import Catalogue, money

BENEFICIARY_KEY = "beneficiary"
ROSTER_KEY = "roster"
VISITS_KEY = "visits"

MISSING = "beneficiary-missing"
UNKNOWN = "beneficiary-unknown"
ROSTER = "roster-mismatch"
CONFIG = "config"

new_share = tuple.__new__


class Share(NamedTuple):
    """One woman's part of a payment, on one account."""

    number: str
    """Her register number, as the payment or its roster writes it."""
    account: str
    amount: Decimal
    visits: int | None
    """The visits paid for (`visits:` on the payment, or the roster's column)."""
    roster_line: int | None
    """The roster's row, when the payment has a roster."""
    beneficiary: Beneficiary | None
    """Her register row; None when the number is not in the register."""


class Payment(NamedTuple):
    """A payment of the beneficiaries account, and the shares it pays."""

    entry: data.Transaction
    year: int
    accounts: Mapping[str, Decimal]
    """Net amount per beneficiaries account (sub-accounts apart)."""
    amount: Decimal
    roster: str | None
    """The roster's absolute path, when the payment names one."""
    shares: tuple[Share, ...]


def _problem(
    rule: str,
    situation: str,
    entry: data.Transaction,
    amount: Decimal | None = None,
    account: str | None = None,
    source: dict | None = None,
    number: str | None = None,
    **fields: object,
) -> Problem:
    if number is not None:
        fields["number"] = number
    return Problem(
        rule,
        situation,
        fields,
        source if source is not None else entry.meta,
        entry,
        entry.date.year,
        account,
        amount,
        number,
    )


def _whole(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return None
    return int(value) if value == int(value) and value >= 1 else None


class PaymentReader:
    """Resolves the payments of one load against the register (None when it does not read)."""

    def __init__(
        self,
        setup: BeneficiarySetup,
        register: BeneficiaryRegister | None,
        currency: str | None,
        language: str = "en",
        included: frozenset[str] = frozenset(),
        roots: Sequence[str] | None = None,
    ) -> None:
        self.setup = setup
        self.register = register
        self.currency = currency
        self.messages = Catalogue(language)
        self.included = included
        """The files Beancount read as ledger text, real paths: a roster must not be one."""
        self.roots = roots
        """The books' folders (`ledger.documents.book_roots`): a roster outside is never read."""
        self._outside: dict[str, bool] = {}
        self.problems: list[Problem] = []
        self.rosters: list[str] = []
        """Every roster file the payments name (absolute paths): part of the books."""

    def read(self, flows: Iterable[Flow], category: str) -> list[Payment]:
        """The payments among `flows` (of the category holding the beneficiaries account)."""
        root = self.setup.account
        prefix = root + ":"
        start = self.setup.date
        payments = []
        for flow in [flow for flow in flows if category in flow.categories]:
            entry = flow.entry
            if entry.date < start:
                continue
            accounts: dict[str, Decimal] = {}
            for posting in entry.postings:
                account = posting.account
                if account == root or account.startswith(prefix):
                    accounts[account] = accounts.get(account, ZERO) + posting.units.number
            if accounts:
                payments.append(self._payment(flow, accounts))
        return payments

    def _payment(self, flow: Flow, accounts: dict[str, Decimal]) -> Payment:
        entry = flow.entry
        meta = entry.meta
        if len(accounts) == 1:
            ((account, amount),) = accounts.items()
        else:
            account, amount = self.setup.account, sum(accounts.values(), ZERO)
        named = meta.get(BENEFICIARY_KEY)
        roster = meta.get(ROSTER_KEY)
        named = (named if type(named) is str else str(named)).strip() if named is not None else ""
        roster = str(roster).strip() if roster is not None else ""
        if named and roster:
            self.problems.append(_problem(CONFIG, "beneficiary-and-roster", entry))
            return Payment(entry, flow.year, accounts, amount, None, ())
        if not named and not roster:
            self.problems.append(
                _problem(
                    MISSING,
                    "posting",
                    entry,
                    amount,
                    account,
                    amount_text=money(amount, self.currency),
                    account_name=account,
                )
            )
            return Payment(entry, flow.year, accounts, amount, None, ())
        if named:
            visits = self._visits(entry) if VISITS_KEY in meta else None
            found = self.register.rows.get(named) if self.register is not None else None
            if len(named) >= SHORTEST and looks_like_identity(named):
                # An identity number in the ledger's text, which Fava shows to every reader,
                # even where the register takes it for a register number (its row is a finding
                # too). A register number is shorter: one length test on the hot path.
                self.problems.append(
                    _problem(CONFIG, "beneficiary-identity", entry, value=mask(named))
                )
            elif found is None and self.register is not None:
                self.problems.append(
                    _problem(
                        UNKNOWN,
                        "posting",
                        entry,
                        amount,
                        account,
                        number=named,
                        register=self.setup.written,
                    )
                )
            # tuple.__new__ skips NamedTuple's Python-level constructor: the hot path.
            shares = tuple(
                new_share(Share, (named, posted_to, posted, visits, None, found))
                for posted_to, posted in accounts.items()
            )
            return new_share(Payment, (entry, flow.year, accounts, amount, None, shares))
        return self._roster_payment(flow, accounts, amount, account, roster)

    def _visits(self, entry: data.Transaction) -> int | None:
        value = entry.meta.get(VISITS_KEY)
        if value is None:
            return None
        visits = _whole(value)
        if visits is None:
            self.problems.append(_problem(CONFIG, "bad-visits", entry, value=value))
        return visits

    def _roster_payment(
        self,
        flow: Flow,
        accounts: dict[str, Decimal],
        amount: Decimal,
        account: str,
        written: str,
    ) -> Payment:
        entry = flow.entry
        folder = os.path.dirname(str(entry.meta.get("filename") or ""))
        path = os.path.normpath(os.path.join(folder, written))
        outside = self._outside.get(path)
        if outside is None:
            outside = self._outside[path] = self.roots is not None and not inside(path, self.roots)
        if outside:
            # As `document-outside` judges a copy: never read, never stamped, never shown.
            self.problems.append(_problem(CONFIG, "roster-outside", entry, roster=written))
            return Payment(entry, flow.year, accounts, amount, None, ())
        if path not in self.rosters:
            self.rosters.append(path)
            if self.included and os.path.normcase(os.path.realpath(path)) in self.included:
                self.problems.append(_problem(CONFIG, "roster-included", entry, roster=written))
        try:
            roster = read_roster(path)
        except UnreadableError as error:
            if not os.path.exists(path):
                self.problems.append(
                    _problem(CONFIG, "roster-not-found", entry, roster=written, base=folder)
                )
            else:
                source = at_row(path, error.row) if error.row else None
                self.problems.append(
                    _problem(
                        CONFIG,
                        "roster-unreadable",
                        entry,
                        source=source,
                        roster=written,
                        message=error.say(self.messages),
                    )
                )
            return Payment(entry, flow.year, accounts, amount, path, ())
        lines = roster.lines
        larger = next((line for line in lines if abs(line.amount) > abs(amount)), None)
        if larger is not None:
            # One woman's part cannot be more than the whole payment: the column holds
            # something else. The roster is refused, as one that does not read.
            self.problems.append(
                _problem(
                    CONFIG,
                    "roster-amount-over-payment",
                    entry,
                    source=at_row(path, larger.line),
                    roster=written,
                    row=larger.line,
                    column=roster.headings.get("amount", "-"),
                    value=money(larger.amount, self.currency),
                    amount_text=money(amount, self.currency),
                )
            )
            return Payment(entry, flow.year, accounts, amount, path, ())
        if len(accounts) > 1:
            self.problems.append(
                _problem(
                    ROSTER,
                    "accounts",
                    entry,
                    amount,
                    roster=written,
                    accounts=", ".join(accounts),
                )
            )
        total = sum((line.amount for line in lines), ZERO)
        if total != amount:
            self.problems.append(
                _problem(
                    ROSTER,
                    "total",
                    entry,
                    amount - total,
                    account,
                    roster=written,
                    total=money(total, self.currency),
                    amount_text=money(amount, self.currency),
                    rows=len(lines),
                )
            )
        shares = []
        first: dict[str, int] = {}
        rows = self.register.rows if self.register is not None else None
        for line in lines:
            found = rows.get(line.number) if rows is not None else None
            if len(line.number) >= SHORTEST and looks_like_identity(line.number):
                # Even one the register takes for a register number (its row is a finding too).
                self.problems.append(
                    _problem(
                        CONFIG,
                        "roster-identity",
                        entry,
                        source=at_row(path, line.line),
                        roster=written,
                        row=line.line,
                        column=roster.headings.get("number", "-"),
                        value=mask(line.number),
                    )
                )
            elif rows is not None and found is None:
                self.problems.append(
                    _problem(
                        ROSTER,
                        "unknown",
                        entry,
                        line.amount,
                        account,
                        number=line.number,
                        roster=written,
                        row=line.line,
                        register=self.setup.written,
                    )
                )
            if line.number in first and found is not None:
                self.problems.append(
                    _problem(
                        ROSTER,
                        "repeated",
                        entry,
                        line.amount,
                        account,
                        number=line.number,
                        roster=written,
                        row=line.line,
                        first=first[line.number],
                        id=found.identity.masked or "-",
                    )
                )
            first.setdefault(line.number, line.line)
            shares.append(Share(line.number, account, line.amount, line.visits, line.line, found))
        return Payment(entry, flow.year, accounts, amount, path, tuple(shares))
