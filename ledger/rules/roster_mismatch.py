"""Rule `roster-mismatch`: a roster (花名册) is the payment, row for row.

A township health centre is often paid one sum for a list of women (孕期检查经费补助（11人次）):
the roster file the payment names lists each woman's register number and amount. Its total
must be the payment, every row must be a woman of the register, a woman is listed once, and
the payment posts to one account (which subsidy it is).

    2026-10-22 * "白沙镇卫生院" "贫困孕产妇孕期检查经费补助（11人次）"
      roster: "rosters/记-2026-039.csv"   ; error: the roster adds up to 1,130.00
      Expenses:MCH:PovertyRelief:Checkups  1230.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_roster_mismatch",)

RULE = "roster-mismatch"


def check(grant: GrantLedger) -> list[GrantError]:
    """Rosters whose total is not the payment, or whose rows are not in the register."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_roster_mismatch = plugin_of(check)
