"""The asset register and the procurement records of one load, judged once.

Built once per load (`ledger.grant_ledger.GrantLedger.assets`) from the grant's flows, the
`grant-assets` and `grant-procurement` directives and the card registers they name. The rules
(`asset-*`, `procurement-*`) report its judgement, and the 固定资产登记表 report and the Fava
page show the same judgement, so they never disagree.

The rules hold from each directive's date: a payment before the `grant-assets` in force for
its account is not asked for cards, and a year closed before it gets no finding.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from beancount.core import data

from ledger.activity import Flow
from ledger.assets.payments import CONTRACT_KEY, LIKELY_KEYS, ZERO, AssetPayment, named, split
from ledger.assets.procurement import (
    Purchase,
    PurchasePayment,
    Split,
    purchases_of,
    splits_of,
)
from ledger.assets.register import IN_USE, Card, read_cards
from ledger.assets.schedules import Schedules
from ledger.errors import GrantError
from ledger.i18n import Catalogue
from ledger.model import AssetThreshold, GrantConfig, ProcurementThreshold, Year, label_of
from ledger.registers import RegisterError

Exists = Callable[[str, str], bool]
"""Whether a file named in an entry of a ledger file is on file (`DocumentFinder.exists`)."""


class CardAccount(NamedTuple):
    """A card the books name: the payments naming it, each with its share."""

    number: str
    card: Card | None
    """The register's card; None when the register holds no such card."""
    payments: Sequence[tuple[AssetPayment, Decimal]]
    """In ledger order."""

    @property
    def paid(self) -> Decimal:
        """What the payments naming the card add up to."""
        return sum((share for _, share in self.payments), ZERO)

    @property
    def last(self) -> AssetPayment:
        """The last payment naming the card."""
        return self.payments[-1][0]

    @property
    def year(self) -> Year:
        """The fiscal year of the last payment naming the card: the card is judged at its close."""
        return self.last.year


class Missing(NamedTuple):
    """A payment at or above its threshold that names no card and no exemption."""

    payment: AssetPayment
    contract_total: Decimal | None
    """When the payment's contract reaches the threshold though the payment does not, what the
    contract's payments add up to."""


def _covered_roots(config: GrantConfig, accounts: Iterable[str]) -> set[str]:
    """The categories holding `accounts` (each a category or inside one)."""
    roots = set()
    for account in accounts:
        for category in config.categories:
            if account == category or account.startswith(category + ":"):
                roots.add(category)
    return roots


def category_label(config: GrantConfig, account: str) -> str:
    """The label of the category holding `account` (its name when it has none)."""
    for category in config.categories:
        if account == category or account.startswith(category + ":"):
            return label_of(config, category)
    return label_of(config, account)


def _weight(posting: data.Posting) -> Decimal:
    cost = posting.cost
    if cost is not None and cost.number is not None:
        return posting.units.number * cost.number
    price = posting.price
    if price is not None and price.number is not None:
        return posting.units.number * price.number
    return posting.units.number


class AssetAnalysis:
    """The cards, the payments naming them, the purchases, and the judgement of each rule.

    Args:
        config: the grant's configuration.
        flows: the grant's flows, in ledger order.
        exists: tells whether a procurement record is on file.
    """

    def __init__(self, config: GrantConfig, flows: Sequence[Flow], exists: Exists) -> None:
        self.config = config
        self.messages = Catalogue(config.language)
        self.thresholds: Schedules[AssetThreshold] = Schedules(config.assets)
        self.procurement: Schedules[ProcurementThreshold] = Schedules(config.procurement)
        self._exists = exists
        #: The `config` findings of the registers, of the card keys and of the contracts.
        self.config_errors: list[GrantError] = []
        #: The registers that do not read, each refused with its file, row and column.
        self.register_errors: list[RegisterError] = []
        #: The paths of the registers that do not read: the payments of the accounts naming
        #: them are not checked against any card (the others are).
        self.unread: set[str] = set()
        #: Each register that reads, by path: its cards in the register's order.
        self.registers: dict[str, tuple[Card, ...]] = {}
        #: Every card of the registers by number.
        self.cards: dict[str, Card] = {}
        self._read_registers()
        #: The payments to accounts a `grant-assets` covers (before its date too) that name
        #: cards or an exemption, are at or above their threshold, or belong to a contract.
        self.payments: list[AssetPayment] = []
        purchase_payments: list[tuple[PurchasePayment, str | None]] = []
        if self.thresholds or self.procurement:
            self._scan(flows, purchase_payments)
        #: The cards the payments name, by number, in the order they are first named.
        self.accounts: dict[str, CardAccount] = self._card_accounts()
        #: The purchases of the accounts a `grant-procurement` covers, from its date.
        self.purchases: list[Purchase] = purchases_of(purchase_payments)

    @property
    def active(self) -> bool:
        """Whether the ledger names an asset register or a procurement threshold at all."""
        return bool(self.thresholds or self.procurement)

    @property
    def registers_read(self) -> bool:
        """Whether every register named reads (the reports need them all)."""
        return not self.register_errors

    def checks_cards(self, payment: AssetPayment) -> bool:
        """Whether the payment's cards are checked: its account's register reads.

        A payment before its account's `grant-assets` is not checked either.
        """
        threshold = payment.threshold
        return threshold is not None and threshold.register not in self.unread

    # -- reading -------------------------------------------------------------------------

    def _read_registers(self) -> None:
        first_named: dict[str, AssetThreshold] = {}
        for schedule in self.config.assets.values():
            for threshold in schedule:
                first_named.setdefault(threshold.register, threshold)
        msg = self.messages
        for path in first_named:
            try:
                cards = read_cards(path)
            except RegisterError as error:
                self.register_errors.append(error)
                self.unread.add(path)
                situation = "assets-register-column" if error.column else "assets-register"
                reason = error.reason.say(msg)
                message = msg.finding(
                    "config", situation, reason=reason, column=error.column, path=path
                )
                if error.row is None:
                    # No row to point at (a missing file, a broken workbook): the directive
                    # naming the register is where to look.
                    directive = first_named[path].entry
                    finding = GrantError(directive.meta, message, directive, "config")
                else:
                    meta = {"filename": error.path, "lineno": error.row}
                    finding = GrantError(meta, message, None, "config")
                self.config_errors.append(finding)
                continue
            self.registers[path] = cards
            for card in cards:
                other = self.cards.get(card.number)
                if other is not None:
                    message = msg.finding(
                        "config",
                        "assets-card-twice",
                        card=card.number,
                        where=f"{other.path}:{other.line}",
                    )
                    self.config_errors.append(GrantError(card.source, message, None, "config"))
                    continue
                self.cards[card.number] = card

    def _scan(
        self, flows: Sequence[Flow], purchases: list[tuple[PurchasePayment, str | None]]
    ) -> None:
        """One pass over the category flows: the asset payments and the purchase payments."""
        roots = _covered_roots(self.config, [*self.config.assets, *self.config.procurement])
        thresholds, procurement = self.thresholds, self.procurement
        covered: dict[str, tuple[bool, bool]] = {}
        neither = (False, False)
        new = tuple.__new__  # one purchase payment per entry: skip NamedTuple's Python __new__
        for flow in flows:
            categories = flow.categories
            if not categories or roots.isdisjoint(categories):
                continue
            entry = flow.entry
            day = entry.date
            contract = entry.meta.get(CONTRACT_KEY)
            if contract is not None:
                contract = str(contract).strip() or None
            shared: list[tuple[str, Decimal, AssetThreshold | None]] = []
            bought = ZERO
            buying: ProcurementThreshold | None = None
            for posting in entry.postings:
                account = posting.account
                found = covered.get(account)
                if found is None:
                    found = covered[account] = (
                        thresholds.covers(account),
                        procurement.covers(account),
                    )
                if found == neither:
                    continue
                if posting.cost is None and posting.price is None:
                    amount = posting.units.number
                else:
                    amount = _weight(posting)
                if found[1]:
                    rule = procurement.in_force(account, day)
                    if rule is not None:
                        bought += amount
                        buying = buying or rule
                if not found[0]:
                    continue
                threshold = thresholds.in_force(account, day)
                meta = posting.meta
                if meta and not LIKELY_KEYS.isdisjoint(meta):
                    cards, exempt, bad = named(meta)
                    self._bad_keys(entry, bad)
                    if cards or exempt:
                        self.payments.append(
                            self._payment(
                                entry, account, amount, cards, exempt, threshold, contract
                            )
                        )
                        continue
                shared.append((account, amount, threshold))
            if shared:
                if LIKELY_KEYS.isdisjoint(entry.meta):
                    # No card and no exemption: only a payment a rule asks about is kept.
                    for account, amount, threshold in shared:
                        if contract is not None or (
                            threshold is not None and amount >= threshold.threshold
                        ):
                            self.payments.append(
                                AssetPayment(entry, account, amount, (), None, contract, threshold)
                            )
                else:
                    self._shared(entry, shared, contract)
            if buying is not None:
                purchases.append((new(PurchasePayment, (entry, bought, buying)), contract))

    def _shared(
        self,
        entry: data.Transaction,
        shared: list[tuple[str, Decimal, AssetThreshold | None]],
        contract: str | None,
    ) -> None:
        """The payments of an entry's postings that name no cards of their own."""
        cards, exempt, bad = named(entry.meta)
        self._bad_keys(entry, bad)
        if cards or exempt:
            # The entry's keys name the cards of these postings: one payment, split between
            # the cards.
            account, _, threshold = shared[0]
            total = sum((amount for _, amount, _ in shared), ZERO)
            self.payments.append(
                self._payment(entry, account, total, cards, exempt, threshold, contract)
            )
            return
        for account, amount, threshold in shared:
            # A payment naming nothing matters to no rule unless it is at or above its
            # threshold or part of a contract: the others are not kept.
            if contract is not None or (threshold is not None and amount >= threshold.threshold):
                self.payments.append(
                    AssetPayment(entry, account, amount, (), None, contract, threshold)
                )

    def _payment(
        self,
        entry: data.Transaction,
        account: str,
        amount: Decimal,
        cards: list[str],
        exempt: str | None,
        threshold: AssetThreshold | None,
        contract: str | None,
    ) -> AssetPayment:
        if cards and exempt:
            message = self.messages.finding("config", "assets-card-and-exempt", account=account)
            self.config_errors.append(GrantError(entry.meta, message, entry, "config"))
        return AssetPayment(entry, account, amount, tuple(cards), exempt, contract, threshold)

    def _bad_keys(self, entry: data.Transaction, bad: list[tuple[str, object]]) -> None:
        for key, value in bad:
            message = self.messages.finding("config", "assets-key-not-text", key=key, value=value)
            self.config_errors.append(GrantError(entry.meta, message, entry, "config"))

    def _card_accounts(self) -> dict[str, CardAccount]:
        naming: dict[str, list[tuple[AssetPayment, Decimal]]] = defaultdict(list)
        for payment in self.payments:
            if not payment.cards:
                continue
            shares = split(payment.amount, payment.cards, self.cards)
            for card, share in zip(payment.cards, shares, strict=True):
                naming[card].append((payment, share))
        return {
            number: CardAccount(number, self.cards.get(number), payments)
            for number, payments in naming.items()
        }

    # -- the judgement -------------------------------------------------------------------

    def closed_on(self, year: Year) -> datetime.date | None:
        """The date of the `grant-close` of `year`; None while the year is open."""
        close = self.config.closes.get(year)
        return close.entry.date if close is not None else None

    @cached_property
    def missing(self) -> list[Missing]:
        """Payments naming no card and no exemption, at or above their threshold.

        A payment of a contract whose payments reach the threshold counts too; payments before
        the threshold's date do not.
        """
        contracts: dict[str, Decimal] = defaultdict(Decimal)
        for payment in self.payments:
            if payment.contract is not None and payment.threshold is not None:
                contracts[payment.contract] += payment.amount
        found = []
        for payment in self.payments:
            threshold = payment.threshold
            if threshold is None or payment.cards or payment.exempt:
                continue
            if payment.amount >= threshold.threshold:
                found.append(Missing(payment, None))
            elif payment.contract is not None and payment.amount > 0:
                total = contracts[payment.contract]
                if total >= threshold.threshold:
                    found.append(Missing(payment, total))
        return found

    @cached_property
    def unknown(self) -> list[tuple[AssetPayment, str]]:
        """Each card a payment names that no register holds.

        Only payments whose account's register reads: a register that does not read may hold
        the card (its `config` finding says so), and the other registers are checked as usual.
        """
        return [
            (payment, card)
            for payment in self.payments
            if payment.cards and self.checks_cards(payment)
            for card in payment.cards
            if card not in self.cards
        ]

    @cached_property
    def judged(self) -> list[tuple[CardAccount, Card, datetime.date]]:
        """The cards whose last payment's year is closed, from the threshold's date.

        Each with its register card and the date of that close. A card named by a payment of
        an account whose register does not read is not judged: that register may hold it.
        """
        found = []
        unread = self.unread
        for account in self.accounts.values():
            card = account.card
            if card is None or account.last.threshold is None:
                continue
            if unread and any(
                payment.threshold is not None and payment.threshold.register in unread
                for payment, _ in account.payments
            ):
                continue
            closed = self.closed_on(account.year)
            if closed is not None:
                found.append((account, card, closed))
        return found

    @cached_property
    def mismatches(self) -> list[CardAccount]:
        """Cards judged (their last payment's year closed) whose value is not what was paid."""
        return [account for account, card, _ in self.judged if account.paid != card.value]

    @cached_property
    def not_accepted(self) -> list[tuple[CardAccount, str]]:
        """Cards judged without an acceptance date or record, or accepted after the close.

        Each with its situation: `no-date`, `no-record` or `after-close`.
        """
        found = []
        for account, card, closed in self.judged:
            if card.received is None:
                found.append((account, "no-date"))
            elif card.acceptance is None:
                found.append((account, "no-record"))
            elif card.received > closed:
                found.append((account, "after-close"))
        return found

    def register_start(self, card: Card) -> datetime.date:
        """From when the rules hold for a card: the first `grant-assets` naming its register."""
        return min(
            threshold.date
            for schedule in self.config.assets.values()
            for threshold in schedule
            if threshold.register == card.path
        )

    @cached_property
    def disposals(self) -> list[tuple[Card, str]]:
        """Cards whose state changed without an approval or a date, from the rules' date.

        Each with its situation: `no-approval` or `no-date`.
        """
        found = []
        for cards in self.registers.values():
            for card in cards:
                if card.state == IN_USE:
                    continue
                if card.changed is not None and card.changed < self.register_start(card):
                    continue
                if card.approval is None:
                    found.append((card, "no-approval"))
                elif card.changed is None:
                    found.append((card, "no-date"))
        return found

    def recorded(self, purchase: Purchase) -> bool:
        """Whether one of the purchase's entries names a procurement record that is on file."""
        return any(
            self._exists(value, entry.meta.get("filename", "")) for entry, value in purchase.records
        )

    @cached_property
    def records_not_found(self) -> list[tuple[data.Transaction, str]]:
        """Procurement records named on an entry that are not on file: (entry, value)."""
        return [
            (entry, value)
            for purchase in self.purchases
            for entry, value in purchase.records
            if not self._exists(value, entry.meta.get("filename", ""))
        ]

    @cached_property
    def unrecorded(self) -> list[Purchase]:
        """Purchases at or above their threshold with no procurement record on file."""
        return [
            purchase
            for purchase in self.purchases
            if purchase.needs_record and not self.recorded(purchase)
        ]

    @cached_property
    def splits(self) -> list[Split]:
        """Purchases below the threshold that, with earlier ones of their window, pass it."""
        return splits_of(self.purchases, self.recorded)
