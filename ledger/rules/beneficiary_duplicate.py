"""Rule `beneficiary-duplicate`: one woman, one pregnancy, one register number.

A register row is one woman's one pregnancy. The same identity number under two register
numbers whose pregnancies overlap (or whose dates the register does not give) is one woman
registered twice: the way one woman is paid twice. The finding points at the later row.

    登记号,身份证号,...,末次月经,分娩日期
    JZ-2026-004,990101199208150026,...,2025-09-01,2026-06-10
    JZ-2026-017,990101199208150026,...,2025-10-01,        ; error: overlaps JZ-2026-004
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_beneficiary_duplicate",)

RULE = "beneficiary-duplicate"


def check(grant: GrantLedger) -> list[GrantError]:
    """Register rows whose woman is already registered for an overlapping pregnancy."""
    return grant.beneficiaries.errors(RULE, grant.messages, grant.config.currency)


validate_beneficiary_duplicate = plugin_of(check)
