"""Rule `target-missed` (a warning): at the close, an indicator under target says why.

The self-evaluation asks for the reason of every deviation (偏差原因分析). Once a year is closed,
each of its indicators short of its target (or with no value reported) needs a `reason:`: on
its `grant-target` for the target's own year, on the year's `grant-actual` otherwise. The
warning points at the `grant-actual` when there is one, else at the `grant-target`.

    2025-01-01 custom "grant-target" "孕产妇系统管理率" 90 "%"
      kind: "产出-质量"
      weight: 20
    2026-01-15 custom "grant-actual" "孕产妇系统管理率" 88.5   ; warning: under target, no reason
      grant-year: 2025
      document: "performance/2025年妇幼卫生年报.pdf"
      reason: "下半年两名专职人员离岗进修，随访不及时"      ; now explained
"""

from __future__ import annotations

from ledger.errors import WARNING, GrantError
from ledger.grant_ledger import GrantLedger
from ledger.performance.evaluation import MET
from ledger.performance.scoring import rounded
from ledger.performance.targets import shown
from ledger.rules.base import plugin_of

__plugins__ = ("validate_target_missed",)

RULE = "target-missed"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each indicator of a closed year short of its target without a `reason:`."""
    if not grant.targets.declares_targets:
        return []
    msg = grant.messages
    errors = []
    for year, books in grant.books.items():
        if not books.closed:
            continue
        for line in grant.performance.of_year(year).indicators:
            if line.status == MET or line.reason:
                continue
            target = line.target
            place = line.reported.entry if line.reported is not None else target.entry
            fields = {"year": year, "name": target.name, "unit": target.unit}
            if line.actual is None:
                message = msg.finding(RULE, "not-reported", **fields)
            else:
                message = msg.finding(
                    RULE,
                    "missed",
                    **fields,
                    actual=shown(rounded(line.actual)) if line.actual is not None else "",
                    direction=msg(f"direction-{target.direction}"),
                    target=shown(target.value),
                    score=f"{rounded(line.score):.2f}",
                    weight=shown(target.weight),
                )
            errors.append(GrantError(place.meta, message, place, RULE, severity=WARNING, year=year))
    return errors


validate_target_missed = plugin_of(check)
