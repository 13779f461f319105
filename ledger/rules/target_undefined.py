"""Rule `target-undefined` (a warning): a year spends the grant without performance targets.

Every special transfer carries performance targets (绩效目标), and the year-end self-evaluation
scores the year against them. Once a ledger sets targets (`grant-target`), a later year without
its own repeats the latest ones, so the years this finds are those with spending before the
first targets. The warning points at the year's first payment from a category.

    2025-03-02 * "县妇幼保健院" "新生儿复苏培训"     ; warning: 2025 has no targets
      Expenses:MCH:Training  3200.00 CNY
      Assets:Bank:MCH-Special
    2026-01-01 custom "grant-target" "培训基层妇幼人员" 120 "人次"
      ...

A ledger that sets no targets at all keeps its self-evaluation elsewhere: the rule leaves it
alone, so turning performance on is a choice and not a flood of warnings on old books.
"""

from __future__ import annotations

from ledger.activity import ZERO
from ledger.errors import WARNING, GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_target_undefined",)

RULE = "target-undefined"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each fiscal year with spending and no targets, in a ledger that sets targets."""
    targets = grant.targets
    if not targets.declares_targets:
        return []
    first_payment = {}
    for flow in grant.activity.flows:
        if flow.categories and flow.year not in first_payment:
            first_payment[flow.year] = flow.entry
    errors = []
    currency = grant.config.currency
    for year, books in grant.books.items():
        spent = sum((category.spent for category in books.categories.values()), ZERO)
        if targets.targets_of(year) or not spent or year not in first_payment:
            continue
        entry = first_payment[year]
        message = grant.messages.finding(RULE, "year", year=year, spent=money(spent, currency))
        errors.append(
            GrantError(
                entry.meta,
                message,
                entry,
                RULE,
                severity=WARNING,
                amount=spent,
                currency=currency,
                year=year,
            )
        )
    return errors


validate_target_undefined = plugin_of(check)
