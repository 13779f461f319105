"""Rule `beneficiary-id-invalid`: the identity number can be a woman of child-bearing age.

Auditors cross-match identity numbers (身份证号): a number that cannot exist, or cannot be a
woman's, or a woman too young or too old to be pregnant on the day she is paid, is a sign of a
false claim (虚报冒领) or a typing error. A register row is judged once (GB 11643 check
character, date of birth, the sex digit: odd for a man), pointing at the row; each payment
checks her age on its date against the child-bearing ages (15–49 unless the ledger sets
`custom "grant-beneficiary-ages" LOWEST HIGHEST`), pointing at the payment.

    登记号,姓名,身份证号,...
    JZ-2026-003,某某,990101199003152021,...     ; error: the check character should be 9
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_id_invalid",)

RULE = "beneficiary-id-invalid"


def check(grant: GrantLedger) -> list[GrantError]:
    """Register rows whose identity number cannot be a woman's, and payments outside her ages."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_id_invalid = plugin_of(check)
