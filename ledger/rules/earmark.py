"""Rule `earmark`: the dedicated account pays only the categories and allowed accounts.

The money is earmarked (专款专用): the dedicated account may pay a spending category, an
account declared with `grant-allowed` (bank fees, the return of lapsed funds, a payable it
settles), or give money back to a funding source. Anything else, another expense account or a
transfer to another bank account, is a misuse.

    2024-05-06 * "县妇幼保健所" "调往基本户"   ; error: a transfer to another bank account
      Assets:Bank:Basic          8000.00 CNY
      Assets:Bank:MCH-Special

    2024-05-06 * "县妇幼保健所" "调往基本户"   ; fine, once the program allows it:
      Assets:Bank:Basic          8000.00 CNY   ;   custom "grant-allowed" Assets:Bank:Basic
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_earmark",)

RULE = "earmark"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments from the dedicated account to anything but a category or an allowed account."""
    msg = grant.messages
    currency = grant.config.currency
    errors = []
    for flow in grant.activity.flows:
        if not flow.others or not any(number < 0 for number in flow.dedicated.values()):
            continue
        paid = {account: number for account, number in flow.others.items() if number > 0}
        if not paid:
            continue
        total = sum(paid.values())
        errors.append(
            GrantError(
                flow.entry.meta,
                msg.finding(
                    RULE,
                    "payment",
                    dedicated=msg.join(flow.dedicated),
                    amount=money(total, currency),
                    accounts=msg.join(paid),
                ),
                flow.entry,
                RULE,
                account=next(iter(paid)),
                amount=total,
                currency=currency,
                year=flow.year,
            )
        )
    return errors


validate_earmark = plugin_of(check)
