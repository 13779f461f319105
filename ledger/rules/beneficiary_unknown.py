"""Rule `beneficiary-unknown`: the woman a payment names is in the beneficiary register.

A payment's `beneficiary` is a register number (登记号) of the register named by
`grant-beneficiaries`: a number that is not there is a woman nobody has checked.

    2026-07-20 * "清溪县中医院" "危重贫困孕产妇抢救经费补助"
      beneficiary: "JZ-2026-099"        ; error: no such row in registers/救助对象.csv
      ...
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_unknown",)

RULE = "beneficiary-unknown"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments naming a register number the register does not have."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_unknown = plugin_of(check)
