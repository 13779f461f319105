"""Rules `voucher-missing` and `voucher-duplicate`: every entry on the account has its own number.

Each entry that touches the dedicated account carries its voucher number (凭证号), so an
inspector can ask for the voucher; a number is used once in its period (the fiscal year, or
the month with `custom "grant-voucher-period" "month"`). The judgement is the voucher
register's (`ledger.vouchers.VoucherRegister`), which the 凭证登记簿 report shows too.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      voucher: "记-2024-015"          ; without it: voucher-missing
      ...
    2024-03-19 * "县人民医院" "监护仪配件"
      voucher: "记-2024-015"          ; voucher-duplicate: use 记-2024-016
      ...
"""

from __future__ import annotations

import os

from beancount.core import data

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of
from ledger.vouchers import period_text

__plugins__ = ("validate_vouchers",)

MISSING = "voucher-missing"
DUPLICATE = "voucher-duplicate"


def _where(entry: data.Directive) -> str:
    return f"{os.path.basename(entry.meta['filename'])}:{entry.meta['lineno']} ({entry.date})"


def check(grant: GrantLedger) -> list[GrantError]:
    """Entries on the dedicated account without a voucher number, and numbers used twice."""
    msg = grant.messages
    register = grant.vouchers
    errors = []
    for value, entry in register.not_text:
        errors.append(
            GrantError(
                entry.meta,
                msg.finding("config", "voucher-not-text", value=value),
                entry,
                "config",
                year=entry.date.year,
            )
        )
    for flow in register.missing:
        entry = flow.entry
        errors.append(
            GrantError(
                entry.meta,
                msg.finding(MISSING, "posting", example=register.peek_next(entry.date)),
                entry,
                MISSING,
                year=flow.year,
            )
        )
    for use, first in register.duplicates():
        errors.append(
            GrantError(
                use.entry.meta,
                msg.finding(
                    DUPLICATE,
                    "posting",
                    voucher=use.number,
                    where=_where(first.entry),
                    period=period_text(use.period),
                    example=register.peek_next(use.entry.date),
                ),
                use.entry,
                DUPLICATE,
                year=use.entry.date.year,
            )
        )
    return errors


validate_vouchers = plugin_of(check)
