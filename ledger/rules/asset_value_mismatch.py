"""Rule `asset-value-mismatch`: a card's value is what the payments naming it add up to.

Once the fiscal year of the last payment naming a card is closed, the card's value (its
quantity times its unit price) must equal what the payments naming it add up to, each payment
naming several cards counting for each card its share by the cards' values. A deposit and a
final payment across a year end are judged together at the close of the final payment's year;
a part still owed at a close belongs on a payable (the purchase names the cards).

    ; the register: ZC-2026-004 婴儿培养箱, 1 x 12,620.00
    2026-04-29 * "华康医疗设备有限公司" "购置婴儿培养箱"
      asset: "ZC-2026-004"          ; error at the close of 2026: 12,260.00 paid
      Expenses:MCH:Equipment  12260.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_asset_value_mismatch",)

RULE = "asset-value-mismatch"


def check(grant: GrantLedger) -> list[GrantError]:
    """Cards whose last payment's year is closed and whose value is not what was paid."""
    if not grant.config.assets:
        return []
    msg = grant.messages
    currency = grant.config.currency
    errors = []
    for account in grant.assets.mismatches:
        card = account.card
        assert card is not None
        last = account.last
        vouchers = msg.join(
            str(payment.entry.meta.get("voucher") or payment.entry.date)
            for payment, _ in account.payments
        )
        errors.append(
            GrantError(
                last.meta,
                msg.finding(
                    RULE,
                    "card",
                    card=card.number,
                    name=card.name or "",
                    value=money(card.value, currency),
                    quantity=card.quantity,
                    unit_price=money(card.unit_price, currency),
                    paid=money(account.paid, currency),
                    vouchers=vouchers,
                    year=account.year,
                ),
                last.entry,
                RULE,
                account=last.account,
                amount=account.paid - card.value,
                currency=currency,
                year=account.year,
            )
        )
    return errors


validate_asset_value_mismatch = plugin_of(check)
