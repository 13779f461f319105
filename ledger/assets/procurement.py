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
from collections import deque
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
    total: Decimal
    """What the purchase adds up to."""
    payee: str | None
    """Who is paid, as the first entry names them (compared without width differences)."""
    records: Sequence[tuple[data.Transaction, str]]
    """The procurement records the purchase's entries name: (entry, value)."""
    date: datetime.date
    """The date of the first payment."""
    threshold: ProcurementThreshold
    """The `grant-procurement` in force on the first payment: it holds for the purchase."""

    @property
    def first(self) -> PurchasePayment:
        """The first payment."""
        return self.payments[0]

    @property
    def needs_record(self) -> bool:
        """Whether the purchase is at or above its threshold."""
        return self.total >= self.threshold.threshold

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


def _record(entry: data.Transaction) -> str | None:
    value = entry.meta.get(PROCUREMENT_KEY)
    return value.strip() or None if type(value) is str else None


def purchases_of(payments: Sequence[tuple[PurchasePayment, str | None]]) -> list[Purchase]:
    """The purchases of the payments (each with its contract), in the order they start.

    The payments come in date order, and so do the purchases (by their first payment).
    """
    payees: dict[str | None, str | None] = {None: None}

    def purchase(contract: str | None, group: list[PurchasePayment]) -> Purchase:
        first = group[0]
        entry = first.entry
        raw = entry.payee
        payee = payees.get(raw, payees)
        if payee is payees:
            payee = payees[raw] = unicodedata.normalize("NFKC", raw).strip() or None
        if len(group) == 1:
            record = _record(entry)
            records: tuple = ((entry, record),) if record else ()
            total = first.amount
        else:
            total = sum((payment.amount for payment in group), ZERO)
            records = tuple(
                (payment.entry, record)
                for payment in group
                if (record := _record(payment.entry)) is not None
            )
        # tuple.__new__: most purchases are one payment, made here by the thousand.
        return tuple.__new__(
            Purchase, (contract, group, total, payee, records, entry.date, first.threshold)
        )

    # A contract's purchase takes the place of its first payment, filled in at the end.
    slots: list[Purchase | str] = []
    contracts: dict[str, list[PurchasePayment]] = {}
    new = tuple.__new__
    for payment, contract in payments:
        if contract is None:
            # One entry's purchase, by the thousand: made inline.
            entry = payment.entry
            raw = entry.payee
            payee = payees.get(raw, payees)
            if payee is payees:
                payee = payees[raw] = unicodedata.normalize("NFKC", raw).strip() or None
            record = _record(entry) if PROCUREMENT_KEY in entry.meta else None
            slots.append(
                new(
                    Purchase,
                    (
                        None,
                        (payment,),
                        payment.amount,
                        payee,
                        ((entry, record),) if record else (),
                        entry.date,
                        payment.threshold,
                    ),
                )
            )
        elif contract in contracts:
            contracts[contract].append(payment)
        else:
            contracts[contract] = [payment]
            slots.append(contract)
    return [
        purchase(slot, contracts[slot]) if type(slot) is str else slot  # type: ignore[misc]
        for slot in slots
    ]


def splits_of(purchases: Sequence[Purchase], recorded: Callable[[Purchase], bool]) -> list[Split]:
    """The purchases that, added to the earlier ones of their window, pass the threshold.

    Only purchases below their threshold and without a procurement record take part; they are
    grouped by the account of their directive and by payee, and a purchase's window holds the
    earlier ones dated at most its directive's window of days before it.
    """
    # Purchases come in date order: one pass, a window per account and payee.
    windows: dict[tuple[str, str], tuple[deque[Purchase], list[Decimal]]] = {}
    spans: dict[int, datetime.timedelta] = {}
    found = []
    for purchase in purchases:
        payee = purchase.payee
        threshold = purchase.threshold
        limit = threshold.threshold
        total = purchase.total
        if payee is None or total >= limit or (purchase.records and recorded(purchase)):
            continue
        key = (threshold.account, payee)
        window_of = windows.get(key)
        if window_of is None:
            window_of = windows[key] = (deque(), [ZERO])
        window, running = window_of
        if window:
            span = spans.get(threshold.window)
            if span is None:
                span = spans[threshold.window] = datetime.timedelta(days=threshold.window)
            start = purchase.date - span
            while window and window[0].date < start:
                running[0] -= window.popleft().total
            if window and running[0] + total >= limit:
                found.append(Split(purchase, tuple(window)))
        window.append(purchase)
        running[0] += total
    return found
