"""Rule `beneficiary-over-standard`: a woman gets no more than the standard.

`grant-standard` caps what one woman gets from an account: per pregnancy, per fiscal year, or
per visit (with `visits: N` a pregnancy). Each payment is held to the standard in force on its
date with her total so far (`ledger.beneficiaries.standards`).

    2026-01-01 custom "grant-standard" Expenses:MCH:PovertyRelief:Rescue 8000.00 CNY "per-pregnancy"
    2026-08-16 * "清溪县人民医院" "危重贫困孕产妇抢救经费补助"
      beneficiary: "JZ-2026-003"      ; error: 5,710.00 + 3,000.00 is above 8,000.00
      Expenses:MCH:PovertyRelief:Rescue  3000.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_over_standard",)

RULE = "beneficiary-over-standard"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments that leave a woman above a standard in force on their date."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_over_standard = plugin_of(check)
