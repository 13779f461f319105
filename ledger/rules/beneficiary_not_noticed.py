"""Rule `beneficiary-not-noticed`: a woman is paid after her public notice (公示) has ended.

Relief lists are posted publicly before payment, so that neighbours can object to a false
claim. The register gives each woman's notice period; a payment dated on or before its last
day (or to a woman with no notice) is paid before the public could object.

    2026-04-03 * "城关镇卫生院" "孕期检查经费补助"
      beneficiary: "JZ-2026-006"      ; error: her notice runs to 2026-04-05
      ...
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_not_noticed",)

RULE = "beneficiary-not-noticed"


def check(grant: GrantLedger) -> list[GrantError]:
    """Payments made before the woman's public notice ended, or with none."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_not_noticed = plugin_of(check)
