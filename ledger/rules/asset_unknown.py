"""Rule `asset-unknown`: every card a payment names is in the asset register.

A card number the register does not hold is a typo or a card never made: either way the books
and the cards no longer agree. (While a register does not read, its `config` finding says so
and the payments of the accounts naming it are not checked; the other accounts are.)

    2026-04-29 * "华康医疗设备有限公司" "购置婴儿培养箱"
      asset: "ZC-2026-040"          ; error: the register has ZC-2026-004, not ZC-2026-040
      Expenses:MCH:Equipment  12620.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_asset_unknown",)

RULE = "asset-unknown"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each card named by a payment (from its threshold's date) that no register holds."""
    if not grant.config.assets:
        return []
    msg = grant.messages
    errors = []
    for payment, card in grant.assets.unknown:
        assert payment.threshold is not None
        errors.append(
            GrantError(
                payment.meta,
                msg.finding(RULE, "card", card=card, register=payment.threshold.register),
                payment.entry,
                RULE,
                account=payment.account,
                year=payment.year,
            )
        )
    return errors


validate_asset_unknown = plugin_of(check)
