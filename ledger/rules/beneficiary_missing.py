"""Rule `beneficiary-missing`: every payment of the beneficiaries account names who it is for.

The relief category pays people: an auditor asks who each payment went to. From the date of
`grant-beneficiaries` on, each payment of its account (or a sub-account) names one woman by
her register number, or a roster (花名册) of register numbers and amounts.

    2026-03-27 * "清溪县人民医院" "危重贫困孕产妇抢救经费补助"   ; error: who was rescued?
      voucher: "记-2026-007"
      document: "2026-03-27.记-2026-007.pdf"
      Expenses:MCH:PovertyRelief:Rescue  5710.00 CNY
      Assets:Bank:MCH-Special

Add `beneficiary: "JZ-2026-001"` (her register number), or `roster: "rosters/FILE.csv"`.
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_missing",)

RULE = "beneficiary-missing"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments of the beneficiaries account that name nobody."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_missing = plugin_of(check)
