"""The closing figures a `grant-close` records, and how they are named in its metadata.

`mch-ledger close` writes them; the `closed-year-changed` rule holds the books to them:

    2025-01-20 custom "grant-close" 2024
      balance: 52300.00 CNY
      received-Income_Grant_Provincial: 100000.00 CNY
      spent-Expenses_MCH_Training: 28500.00 CNY
      carried-Expenses_MCH_PovertyRelief: 3000.00 CNY
      lapsed-Expenses_MCH_Training: 1500.00 CNY   ; carried and lapsed only when not zero

Beancount metadata keys cannot hold a colon, so an account's `:` becomes `_` (which account
names never contain) and any other character a key cannot hold becomes `__` and six hex digits:
distinct accounts always get distinct keys.
"""

from __future__ import annotations

import re

from beancount.core import data

from ledger.books import CENT, YearBooks

BALANCE = "balance"
FIGURE_KINDS = ("received", "spent", "carried", "lapsed")
_KEY_SAFE = re.compile(r"[A-Za-z0-9\-]")


def figure_key(kind: str, account: str) -> str:
    """The metadata key of figure `kind` for `account`, e.g. `spent-Expenses_MCH_Training`."""
    encoded = "".join(
        "_" if char == ":" else char if _KEY_SAFE.fullmatch(char) else f"__{ord(char):06x}"
        for char in account
    )
    return f"{kind}-{encoded}"


def closing_figures(books: YearBooks, currency: str) -> dict[str, data.Amount]:
    """The figures that close a year.

    They are the dedicated account's balance at year end; per source, what it brought for the
    year; per category, what was spent, carried forward and lapsed.
    """
    figures = {BALANCE: books.balance}
    for account, source in books.sources.items():
        figures[figure_key("received", account)] = source.received
    for account, category in books.categories.items():
        figures[figure_key("spent", account)] = category.spent
        # Carried and lapsed are written only when not zero: a missing figure counts as zero.
        if category.carried_out:
            figures[figure_key("carried", account)] = category.carried_out
        if category.lapsed:
            figures[figure_key("lapsed", account)] = category.lapsed
    return {key: data.Amount(number.quantize(CENT), currency) for key, number in figures.items()}


def figure_accounts(books: YearBooks) -> dict[str, tuple[str, str | None]]:
    """Each figure key of a year, with its kind and account (None for the balance)."""
    named: dict[str, tuple[str, str | None]] = {BALANCE: (BALANCE, None)}
    for account in books.sources:
        named[figure_key("received", account)] = ("received", account)
    for account in books.categories:
        for kind in ("spent", "carried", "lapsed"):
            named[figure_key(kind, account)] = (kind, account)
    return named
