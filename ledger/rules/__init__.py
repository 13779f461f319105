"""The grant rules, one module each, all reading one `GrantLedger` per load.

Each module's `check(grant)` returns its findings; each also offers itself as a Beancount
plugin of its own (`plugin "ledger.rules.over_budget"`) for a ledger that wants only that rule.
"""

from __future__ import annotations

from ledger.describe import with_entries_in_words
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules import (
    asset_disposal_unapproved,
    asset_missing,
    asset_not_accepted,
    asset_unknown,
    asset_value_mismatch,
    beneficiary_duplicate,
    beneficiary_id_invalid,
    beneficiary_ineligible,
    beneficiary_missing,
    beneficiary_not_noticed,
    beneficiary_over_standard,
    beneficiary_unknown,
    closed_year_changed,
    dedicated_account,
    document_outside,
    documents,
    earmark,
    match_shortfall,
    needs_review,
    over_budget,
    overdraft,
    procurement_missing,
    procurement_split,
    roster_mismatch,
    target_missed,
    target_undefined,
    vouchers,
    year_not_closed,
)
from ledger.rules.base import Check

#: Every rule, in the order findings are reported.
CHECKS: tuple[Check, ...] = (
    dedicated_account.check,
    earmark.check,
    over_budget.check,
    match_shortfall.check,
    overdraft.check,
    vouchers.check,
    documents.check,
    document_outside.check,
    needs_review.check,
    year_not_closed.check,
    closed_year_changed.check,
    target_missed.check,
    target_undefined.check,
    asset_missing.check,
    asset_unknown.check,
    asset_value_mismatch.check,
    asset_not_accepted.check,
    asset_disposal_unapproved.check,
    procurement_missing.check,
    procurement_split.check,
    beneficiary_missing.check,
    beneficiary_unknown.check,
    beneficiary_id_invalid.check,
    beneficiary_duplicate.check,
    beneficiary_ineligible.check,
    beneficiary_not_noticed.check,
    beneficiary_over_standard.check,
    roster_mismatch.check,
)


def rule_findings(grant: GrantLedger, check: Check) -> list[GrantError]:
    """One rule's findings over a grant ledger, made once per load.

    The plugin `ledger.grant` and a single-rule plugin of the same load then return the very
    same findings, so a front end can tell them apart from a plugin line's own. Every finding
    about a transaction names it in words (voucher, date, payee, amount): `ledger.describe`.
    """
    return grant.memo(("rule", check), lambda: with_entries_in_words(check(grant), grant.messages))


def run_rules(grant: GrantLedger) -> list[GrantError]:
    """Every rule's findings over one grant ledger."""
    errors: list[GrantError] = []
    for check in CHECKS:
        errors.extend(rule_findings(grant, check))
    return errors
