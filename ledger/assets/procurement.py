"""Purchases, their procurement records (采购记录), and purchases split in parts (化整为零).

A purchase is every payment of one contract (`contract:` on the entries), or one entry without
a contract, posted to accounts a `grant-procurement` covers. A purchase of at least the
threshold in force on its first payment names its procurement record (`procurement:`, a file
found like a voucher copy) on one of its entries. Purchases below the threshold from one payee,
posted under the same directive's account within its window of days, are added up: together
at or above the threshold, they look like one purchase split in parts.

    2026-01-01 custom "grant-procurement" Expenses:MCH:Equipment 20000.00 CNY 90

    2026-04-24 * "华康医疗设备有限公司" "购置多普勒胎心监护仪（合同首付）"
      contract: "QXFY-CG-2026-02"
      procurement: "2026-04-15.QXFY-CG-2026-02.询价记录.pdf"
      Expenses:MCH:Equipment  12170.00 CNY
      Assets:Bank:MCH-Special
    2026-04-29 * "华康医疗设备有限公司" "购置婴儿培养箱"
      contract: "QXFY-CG-2026-02"                 ; one purchase of 24,790.00, recorded
      Expenses:MCH:Equipment  12620.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import NamedTuple

from beancount.core import data

from ledger.model import ProcurementThreshold

PROCUREMENT_KEY = "procurement"
ZERO = Decimal(0)


class PurchasePayment(NamedTuple):
    """One entry's postings to accounts a `grant-procurement` covers, in force on its date."""

    entry: data.Transaction
    amount: Decimal
    threshold: ProcurementThreshold


class Purchase(NamedTuple):
    """All payments of one contract, or one entry without a contract."""

    contract: str | None
    payments: Sequence[PurchasePayment]
    """In ledger order."""

    @property
    def first(self) -> PurchasePayment:
        """The first payment: its threshold and its date hold for the purchase."""
        return self.payments[0]

    @property
    def threshold(self) -> ProcurementThreshold:
        """The `grant-procurement` in force on the first payment."""
        return self.payments[0].threshold

    @property
    def date(self) -> datetime.date:
        """The date of the first payment."""
        return self.payments[0].entry.date

    @property
    def payee(self) -> str | None:
        """Who is paid, as the first entry names them (compared without width differences)."""
        payee = self.payments[0].entry.payee
        return unicodedata.normalize("NFKC", payee).strip() or None if payee else None

    @property
    def total(self) -> Decimal:
        """What the purchase adds up to."""
        return sum((payment.amount for payment in self.payments), ZERO)

    @property
    def needs_record(self) -> bool:
        """Whether the purchase is at or above its threshold."""
        return self.total >= self.threshold.threshold

    def records(self) -> list[tuple[data.Transaction, str]]:
        """The procurement records the purchase's entries name: (entry, value)."""
        found = []
        for payment in self.payments:
            value = payment.entry.meta.get(PROCUREMENT_KEY)
            if type(value) is str and value.strip():
                found.append((payment.entry, value.strip()))
        return found

    def reaching(self) -> PurchasePayment:
        """The payment that takes the purchase to its threshold (the last one if none does)."""
        running = ZERO
        for payment in self.payments:
            running += payment.amount
            if running >= self.threshold.threshold:
                return payment
        return self.payments[-1]


class Split(NamedTuple):
    """A purchase that passes the threshold with the earlier ones of its payee and window."""

    purchase: Purchase
    earlier: Sequence[Purchase]

    @property
    def total(self) -> Decimal:
        """What the purchases of the window add up to."""
        return self.purchase.total + sum((p.total for p in self.earlier), ZERO)


def purchases_of(payments: Sequence[tuple[PurchasePayment, str | None]]) -> list[Purchase]:
    """The purchases of the payments (each with its contract), in the order they start."""
    groups: dict[object, list[PurchasePayment]] = {}
    contracts: dict[object, str | None] = {}
    for payment, contract in payments:
        key: object = contract if contract is not None else id(payment.entry)
        group = groups.get(key)
        if group is None:
            group = groups[key] = []
            contracts[key] = contract
        group.append(payment)
    return [Purchase(contracts[key], group) for key, group in groups.items()]


def splits_of(purchases: Sequence[Purchase], recorded: Callable[[Purchase], bool]) -> list[Split]:
    """The purchases that, added to the earlier ones of their window, pass the threshold.

    Only purchases below their threshold and without a procurement record take part; they are
    grouped by the account of their directive and by payee, and a purchase's window holds the
    earlier ones dated at most its directive's window of days before it.
    """
    groups: dict[tuple[str, str], list[Purchase]] = defaultdict(list)
    for purchase in purchases:
        payee = purchase.payee
        if payee is None or purchase.needs_record or recorded(purchase):
            continue
        groups[purchase.threshold.account, payee].append(purchase)
    found = []
    for group in groups.values():
        group.sort(key=lambda purchase: purchase.date)
        window: deque[Purchase] = deque()
        running = ZERO
        for purchase in group:
            threshold = purchase.threshold
            start = purchase.date - datetime.timedelta(days=threshold.window)
            while window and window[0].date < start:
                running -= window.popleft().total
            if window and running + purchase.total >= threshold.threshold:
                found.append(Split(purchase, tuple(window)))
            window.append(purchase)
            running += purchase.total
    found.sort(key=lambda split: (split.purchase.date, split.purchase.first.entry.meta["lineno"]))
    return found
