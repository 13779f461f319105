"""Rules `voucher-missing` and `voucher-duplicate`: every entry on the account has its own number.

Each entry that touches the dedicated account carries its voucher number (凭证号), so an
inspector can ask for the voucher; a number is used once.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      voucher: "记-2024-015"          ; without it: voucher-missing
      ...
    2024-03-19 * "县人民医院" "监护仪配件"
      voucher: "记-2024-015"          ; voucher-duplicate: use 记-2024-016
      ...
"""

from __future__ import annotations

import os

from beancount.core import data, flags

from ledger.analysis import GrantAnalysis, plugin_of
from ledger.errors import GrantError
from ledger.vouchers import next_voucher

__plugins__ = ("validate_vouchers",)

MISSING = "voucher-missing"
DUPLICATE = "voucher-duplicate"


def _where(entry: data.Directive) -> str:
    return f"{os.path.basename(entry.meta['filename'])}:{entry.meta['lineno']} ({entry.date})"


def check(analysis: GrantAnalysis) -> list[GrantError]:
    """Entries on the dedicated account without a voucher number, and numbers used twice."""
    msg = analysis.messages
    errors = []
    for flow in analysis.activity.flows:
        if not flow.dedicated:
            continue
        entry = flow.entry
        voucher = entry.meta.get("voucher")
        if voucher is not None and (
            voucher.strip() if type(voucher) is str else str(voucher).strip()
        ):
            continue
        if entry.flag == flags.FLAG_PADDING:
            continue
        errors.append(
            GrantError(
                entry.meta,
                msg.render(
                    MISSING,
                    "posting",
                    example=next_voucher(
                        (number for number, _ in analysis.activity.vouchers), flow.year
                    ),
                ),
                entry,
                MISSING,
                year=flow.year,
            )
        )
    first_use: dict[str, data.Transaction] = {}
    for number, entry in analysis.activity.vouchers:
        key = number.strip()
        if first_use.setdefault(key, entry) is entry:
            continue
        errors.append(
            GrantError(
                entry.meta,
                msg.render(DUPLICATE, "posting", voucher=key, where=_where(first_use[key])),
                entry,
                DUPLICATE,
                year=entry.date.year,
            )
        )
    return errors


validate_vouchers = plugin_of(check)
