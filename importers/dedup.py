"""Duplicates: rows already in the ledger, or already earlier in the same import.

beangulp's default (`Importer.deduplicate`) compares every new entry with every existing one
dated within two days, and calls two payments of similar amounts duplicates (beangulp issue
179): a second 1,400.00 travel refund the same week would silently vanish. Here a row is a
duplicate only when it is the same bank transaction:

- by its bank reference (`bank-ref`), on the same account;
- for a row without one (interest rows often print all zeros), by date, amount, counterparty
  and running balance, which the importer keeps as `bank-balance` for that purpose.

Each existing entry matches at most one row (the keys are counted, not just present), so two
real rows with equal keys are not both taken for one. Keys are hashed: building the index is
one pass over the ledger and each row is one lookup, linear where the pairwise comparison is
quadratic in a busy window.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Hashable, Sequence
from decimal import Decimal

from beancount.core import data

from importers.statement import Row

Key = Hashable


def row_key(account: str, row: Row) -> Key:
    """The key that identifies a statement row as one bank transaction."""
    if row.ref:
        return (account, row.ref)
    return (account, row.date, row.amount, row.counterparty, row.balance)


def _entry_keys(entry: data.Transaction, accounts: frozenset[str]) -> list[Key]:
    ref = entry.meta.get("bank-ref")
    balance = entry.meta.get("bank-balance")
    keys: list[Key] = []
    for posting in entry.postings:
        if posting.account not in accounts or posting.units is None:
            continue
        if ref is not None:
            keys.append((posting.account, str(ref)))
        elif balance is not None:
            number = _number(balance)
            if number is not None:
                keys.append(
                    (posting.account, entry.date, posting.units.number, entry.payee or "", number)
                )
    return keys


def _number(balance: object) -> Decimal | None:
    """The number of a `bank-balance`: an amount, or its text as Fava saves it."""
    if isinstance(balance, data.Amount):
        return balance.number
    try:
        return Decimal(str(balance).split()[0])
    except (ArithmeticError, IndexError):
        return None


class LedgerIndex:
    """The bank transactions and balance assertions a ledger already has, hashed."""

    def __init__(self, entries: Sequence[data.Directive], accounts: frozenset[str]) -> None:
        self.counts: Counter[Key] = Counter()
        self.balances: set[tuple[str, datetime.date, Decimal]] = set()
        transaction, balance = data.Transaction, data.Balance
        for entry in entries:
            kind = type(entry)
            if kind is transaction:
                meta = entry.meta
                if "bank-ref" in meta or "bank-balance" in meta:
                    self.counts.update(_entry_keys(entry, accounts))
            elif kind is balance and entry.account in accounts:
                self.balances.add((entry.account, entry.date, entry.amount.number))

    def take(self, key: Key) -> bool:
        """Whether an entry with `key` is there still unmatched; if so it is matched now."""
        count = self.counts.get(key, 0)
        if count:
            self.counts[key] = count - 1
            return True
        return False

    def has_balance(self, account: str, date: datetime.date, number: Decimal) -> bool:
        """Whether the ledger already asserts this balance."""
        return (account, date, number) in self.balances
