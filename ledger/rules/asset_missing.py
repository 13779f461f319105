"""Rule `asset-missing`: a payment for an item at or above the threshold names its card.

Under the rules for public institutions, equipment at or above a unit price (1,000 CNY in
general, 1,500 for specialist equipment; set by the province) is a fixed asset with one card
per item (一物一卡), and auditors check that the books and the cards agree. From its date, a
`grant-assets` asks each posting to its account (and the accounts below it) of at least the
threshold, or of a contract whose payments reach it, to name its cards or to say why it buys
no fixed asset:

    2026-01-01 custom "grant-assets" Expenses:MCH:Equipment 1000.00 CNY "registers/固定资产.xlsx"

    2026-03-27 * "宁州医疗器械有限公司" "购置新生儿监护仪"   ; error: no card
      Expenses:MCH:Equipment  19330.00 CNY
      Assets:Bank:MCH-Special

    2026-03-27 * "宁州医疗器械有限公司" "购置新生儿监护仪"
      asset: "ZC-2026-001"                                    ; fine
      Expenses:MCH:Equipment  19330.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.assets.analysis import category_label
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_asset_missing",)

RULE = "asset-missing"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments at or above their threshold naming no card and no exemption."""
    if not grant.config.assets:
        return []
    msg = grant.messages
    currency = grant.config.currency
    errors = []
    for missing in grant.assets.missing:
        payment = missing.payment
        threshold = payment.threshold
        assert threshold is not None
        fields = {
            "label": category_label(grant.config, threshold.account),
            "account": payment.account,
            "amount": money(payment.amount, currency),
            "threshold": money(threshold.threshold, threshold.currency),
        }
        if missing.contract_total is None:
            message = msg.finding(RULE, "payment", **fields)
        else:
            message = msg.finding(
                RULE,
                "contract",
                contract=payment.contract,
                total=money(missing.contract_total, currency),
                **fields,
            )
        errors.append(
            GrantError(
                payment.meta,
                message,
                payment.entry,
                RULE,
                account=payment.account,
                amount=payment.amount,
                currency=currency,
                year=payment.year,
            )
        )
    return errors


validate_asset_missing = plugin_of(check)
