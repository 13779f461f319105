"""Rule `asset-not-accepted`: equipment paid for in a closed year was received and accepted.

Goods bought with the grant are paid once received and accepted (验收), and the card keeps the
date and the acceptance record (验收单号). Once the fiscal year of the last payment naming a
card is closed, the card must show both, dated no later than that close: a device accepted
after the books of its year were closed was paid for before anyone checked it.

    ; the register: ZC-2026-001 新生儿监护仪, 验收日期 2027-02-10, 验收单号 YS-2027-02
    2026-03-27 * "宁州医疗器械有限公司" "购置新生儿监护仪"
      asset: "ZC-2026-001"     ; error once 2026 is closed on 2027-01-20: accepted after it
      Expenses:MCH:Equipment  19330.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_asset_not_accepted",)

RULE = "asset-not-accepted"


def check(grant: GrantLedger) -> list[GrantError]:
    """Cards of a closed year without acceptance date or record, or accepted after the close."""
    if not grant.config.assets:
        return []
    msg = grant.messages
    errors = []
    for account, situation in grant.assets.not_accepted:
        card = account.card
        assert card is not None
        last = account.last
        closed = grant.assets.closed_on(account.year)
        errors.append(
            GrantError(
                last.meta,
                msg.finding(
                    RULE,
                    situation,
                    card=card.number,
                    name=card.name or "",
                    year=account.year,
                    closed=closed,
                    received=card.received,
                    where=f"{card.path}:{card.line}",
                ),
                last.entry,
                RULE,
                account=last.account,
                year=account.year,
            )
        )
    return errors


validate_asset_not_accepted = plugin_of(check)
