"""Rule `procurement-missing`: a purchase at or above the threshold has its procurement record.

From its date, a `grant-procurement` asks each purchase posted to its account (and the accounts
below it) of at least its threshold to name its procurement record (询价、比选或招标记录) in
`procurement:` on one of its entries: a file found like a voucher copy. A purchase is every
payment of one contract (`contract:`), or one entry without a contract; the finding points at
the payment that takes it to the threshold. A record named but not on file is the finding
instead, at the entry naming it: one finding per cause.

    2026-01-01 custom "grant-procurement" Expenses:MCH:Equipment 20000.00 CNY 90

    2026-05-08 * "华康医疗设备有限公司" "购置电动产床（首付）"
      contract: "HK-2026-07"
      Expenses:MCH:Equipment  12000.00 CNY
      Assets:Bank:MCH-Special
    2026-06-08 * "华康医疗设备有限公司" "购置电动产床（尾款）"   ; error: 24,000.00, no record
      contract: "HK-2026-07"
      Expenses:MCH:Equipment  12000.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

import os

from ledger.assets.analysis import category_label
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_procurement_missing",)

RULE = "procurement-missing"


def check(grant: GrantLedger) -> list[GrantError]:
    """Records named but not on file; purchases at or above their threshold naming none."""
    if not grant.config.procurement:
        return []
    msg = grant.messages
    currency = grant.config.currency
    errors = []
    for entry, value in grant.assets.records_not_found:
        base = os.path.dirname(entry.meta.get("filename", ""))
        errors.append(
            GrantError(
                entry.meta,
                msg.finding(RULE, "not-found", path=value, base=base),
                entry,
                RULE,
                year=entry.date.year,
            )
        )
    for purchase in grant.assets.unrecorded:
        if purchase.records:
            # It names a record, not on file: that finding (above) is the one to fix.
            continue
        payment = purchase.reaching()
        threshold = purchase.threshold
        fields = {
            "label": category_label(grant.config, threshold.account),
            "total": money(purchase.total, currency),
            "threshold": money(threshold.threshold, threshold.currency),
        }
        if purchase.contract is None:
            message = msg.finding(RULE, "purchase", **fields)
        else:
            message = msg.finding(RULE, "contract", contract=purchase.contract, **fields)
        errors.append(
            GrantError(
                payment.entry.meta,
                message,
                payment.entry,
                RULE,
                account=threshold.account,
                amount=purchase.total,
                currency=currency,
                year=payment.entry.date.year,
            )
        )
    errors.sort(key=lambda error: (error.entry.date, error.source.get("lineno", 0)))
    return errors


validate_procurement_missing = plugin_of(check)
