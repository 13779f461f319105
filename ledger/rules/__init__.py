"""The grant rules, one module each. `ledger.grant` runs them all over one shared analysis.

Each module's `check(analysis)` returns its findings; each also offers itself as a Beancount
plugin of its own (`plugin "ledger.rules.over_budget"`) for a ledger that wants only that rule.
"""

from __future__ import annotations

from ledger.analysis import Check
from ledger.rules import (
    closed_year_changed,
    dedicated_account,
    documents,
    earmark,
    match_shortfall,
    needs_review,
    over_budget,
    overdraft,
    vouchers,
    year_not_closed,
)

#: Every rule, in the order findings are reported.
CHECKS: tuple[Check, ...] = (
    dedicated_account.check,
    earmark.check,
    over_budget.check,
    match_shortfall.check,
    overdraft.check,
    vouchers.check,
    documents.check,
    needs_review.check,
    year_not_closed.check,
    closed_year_changed.check,
)
