"""Rule `dedicated-account`: the project's money goes in and out through the dedicated account.

The program keeps its funds in one dedicated bank account (专户管理): a grant source's money
must be received into it, and a category's expense must be paid from it, or through a payable
declared with `grant-allowed` that it settles.

    2024-03-01 * "县财政局" "配套资金"      ; error: received into the institute's basic account
      Income:Grant:County      -50000.00 CNY
      Assets:Bank:Basic

    2024-03-01 * "县财政局" "配套资金"      ; fine
      Income:Grant:County      -50000.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from typing import Any

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.model import label_of
from ledger.rules.base import plugin_of

__plugins__ = ("validate_dedicated_account",)

RULE = "dedicated-account"


def check(grant: GrantLedger) -> list[GrantError]:
    """Receipts from a source not into the dedicated account; expenses not paid from it."""
    msg = grant.messages
    config = grant.config
    dedicated = msg.join(config.dedicated)
    errors = []
    for flow in grant.activity.flows:
        if not flow.others and not flow.sources:
            continue  # only the dedicated account, categories and allowed accounts: fine
        fields: dict[str, Any] | None = None
        received_from = [account for account, number in flow.sources.items() if number < 0]
        if received_from:
            elsewhere = [
                account
                for account, number in (*flow.categories.items(), *flow.others.items())
                if number > 0
            ]
            if elsewhere:
                key, account = "receipt", received_from[0]
                fields = {"source": account, "accounts": msg.join(elsewhere)}
        paid = [account for account, number in flow.categories.items() if number > 0]
        if fields is None and paid:
            payers = [
                account
                for account, number in (*flow.sources.items(), *flow.others.items())
                if number < 0
            ]
            if payers:
                key, account = "payment", paid[0]
                fields = {
                    "category": account,
                    "label": label_of(config, account),
                    "accounts": msg.join(payers),
                }
        if fields is not None:
            errors.append(
                GrantError(
                    flow.entry.meta,
                    msg.finding(RULE, key, dedicated=dedicated, **fields),
                    flow.entry,
                    RULE,
                    account=account,
                    year=flow.year,
                )
            )
    return errors


validate_dedicated_account = plugin_of(check)
