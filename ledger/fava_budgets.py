"""Fava budgets from grant budgets, so Fava's own budget views agree with the grant's books.

Fava's `custom "budget"` is prorated by day and stays in force until the next one; a grant
budget is a whole year's amount. For each category and fiscal year the plugin emits one Fava
budget dated January 1st, `yearly`, for the year's budget plus what was carried into it:

    2025-01-01 custom "budget" Expenses:MCH:PovertyRelief "yearly" 43000.00 CNY
      generated: "ledger.grant"

Its file and line are those of the `grant-budget` it comes from, so Fava links there.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from beancount.core import account as account_lib
from beancount.core import data
from beancount.parser.grammar import ValueType

from ledger.books import YearBooks
from ledger.model import GrantConfig, Year, in_force, year_end

GENERATED = "ledger.grant"


def fava_budget_entries(config: GrantConfig, books: Mapping[Year, YearBooks]) -> list[data.Custom]:
    """One Fava `yearly` budget per category and fiscal year: the budget plus carry-in."""
    entries = []
    for year, year_books in books.items():
        for account, category in year_books.categories.items():
            budget = in_force(config.budgets.get(account, ()), year_end(year))
            if budget is None:
                continue
            meta = data.new_metadata(
                budget.entry.meta["filename"],
                budget.entry.meta["lineno"],
                {"generated": GENERATED},
            )
            values = [
                ValueType(account, account_lib.TYPE),
                ValueType("yearly", str),
                ValueType(data.Amount(category.available, budget.currency), data.Amount),
            ]
            entries.append(data.Custom(meta, datetime.date(year, 1, 1), "budget", values))
    return entries
