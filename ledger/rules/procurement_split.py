"""Rule `procurement-split` (a warning): purchases split to stay below the threshold (化整为零).

Purchases from one payee posted under the same `grant-procurement` account within its window
of days are added up: each below the threshold, together at or above it, they look like one
purchase split in parts to avoid procurement, a classic finding of an audit. The warning points
at the purchase that takes the window's total to the threshold. Deposits and final payments of
one purchase are one purchase when they name their `contract:`.

    2026-01-01 custom "grant-procurement" Expenses:MCH:Equipment 20000.00 CNY 30

    2026-09-02 * "宁州医疗器械有限公司" "购置新生儿监护仪"
      Expenses:MCH:Equipment  11000.00 CNY
      Assets:Bank:MCH-Special
    2026-09-20 * "宁州医疗器械有限公司" "购置新生儿监护仪"   ; warning: 22,000.00 in 18 days
      Expenses:MCH:Equipment  11000.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.assets.analysis import category_label
from ledger.errors import WARNING, GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_procurement_split",)

RULE = "procurement-split"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each purchase that, with earlier ones of its window, passes the threshold."""
    if not grant.config.procurement:
        return []
    msg = grant.messages
    currency = grant.config.currency
    errors = []
    for split in grant.assets.splits:
        purchase = split.purchase
        entry = purchase.first.entry
        threshold = purchase.threshold
        earlier = msg.join(
            f"{other.date} {other.first.entry.meta.get('voucher') or ''} "
            f"{money(other.total, currency)}".replace("  ", " ")
            for other in split.earlier
        )
        errors.append(
            GrantError(
                entry.meta,
                msg.finding(
                    RULE,
                    "window",
                    payee=purchase.payee,
                    label=category_label(grant.config, threshold.account),
                    total=money(split.total, currency),
                    count=len(split.earlier) + 1,
                    days=threshold.window,
                    threshold=money(threshold.threshold, threshold.currency),
                    amount=money(purchase.total, currency),
                    earlier=earlier,
                ),
                entry,
                RULE,
                severity=WARNING,
                account=threshold.account,
                amount=split.total,
                currency=currency,
                year=entry.date.year,
            )
        )
    return errors


validate_procurement_split = plugin_of(check)
