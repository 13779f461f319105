"""Rule `asset-disposal-unapproved`: a card's change of state has its date and approval.

A fixed asset bought with public money leaves the institute (调拨, transferred) or the books
(报废, scrapped) only with an approval (审批文号), kept on its card with the date of the change.
The finding points at the card's row in the register. Changes dated before the `grant-assets`
naming the register get none.

    卡片编号     资产名称        状态  变动日期    审批文号
    ZC-2024-004  新生儿复苏囊    报废  2026-05-10               <- error: no approval
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_asset_disposal_unapproved",)

RULE = "asset-disposal-unapproved"


def check(grant: GrantLedger) -> list[GrantError]:
    """Cards whose state changed (transferred, scrapped) without an approval or a date."""
    if not grant.config.assets:
        return []
    msg = grant.messages
    errors = []
    for card, situation in grant.assets.disposals:
        errors.append(
            GrantError(
                card.source,
                msg.finding(
                    RULE,
                    situation,
                    card=card.number,
                    name=card.name or "",
                    state=card.state,
                    changed=card.changed,
                ),
                None,
                RULE,
                year=card.changed.year if card.changed is not None else None,
            )
        )
    return errors


validate_asset_disposal_unapproved = plugin_of(check)
