"""Rule `beneficiary-ineligible`: a woman is paid only once her eligibility is on record.

Relief is for poor pregnant women: the register gives each woman's basis of eligibility
(认定依据: 低保, 特困, 建档立卡, …), its evidence (证明材料) and the evidence's date. A payment to a
woman without them, or before the evidence's date, is paid to someone not shown eligible.

    2026-04-03 * "城关镇卫生院" "孕期检查经费补助"
      beneficiary: "JZ-2026-006"      ; error: her 低保 certificate is dated 2026-05-10
      ...
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_ineligible",)

RULE = "beneficiary-ineligible"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments to a woman without eligibility evidence, or before its date."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_ineligible = plugin_of(check)
