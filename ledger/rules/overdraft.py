"""Rule `overdraft`: the dedicated account never goes below zero.

The dedicated account can only pay what the funding sources put in it. The balance is followed
entry by entry in ledger order; the finding points at each entry that leaves it negative.

    2024-01-05 * "县妇幼保健所" "召开项目启动会"   ; error: nothing has been received yet
      voucher: "记-2024-001"
      Expenses:MCH:Management    1200.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from decimal import Decimal

from ledger.activity import ZERO
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_overdraft",)

RULE = "overdraft"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each entry that takes or keeps a dedicated account below zero while paying."""
    if not grant.activity.overdrawn:
        return []  # the scan saw no payment leave a dedicated account below zero
    msg = grant.messages
    currency = grant.config.currency
    balances: dict[str, Decimal] = {}
    errors = []
    for flow in grant.activity.flows:
        for account, number in flow.dedicated.items():
            balance = balances[account] = balances.get(account, ZERO) + number
            if number < 0 and balance < 0:
                errors.append(
                    GrantError(
                        flow.entry.meta,
                        msg.finding(
                            RULE, "posting", dedicated=account, balance=money(balance, currency)
                        ),
                        flow.entry,
                        RULE,
                        account=account,
                        amount=balance,
                        currency=currency,
                        year=flow.year,
                    )
                )
    return errors


validate_overdraft = plugin_of(check)
