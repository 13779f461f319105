"""Scoring as the self-evaluation (项目支出绩效自评) does it: pure functions over Decimals.

- Budget execution has its own weight (10 by default) and scores weight × its rate, at most
  the weight.
- An indicator "at least" its target scores weight × actual ÷ target, at most the weight.
- "At most": full marks at or under the target (an actual of 0 included), weight × target ÷
  actual above it.
- "Exactly": full marks when met, else weight × (1 − |actual − target| ÷ target), not below 0.
- The total is out of 100; its grade is 优 from 90, 良 from 80, 中 from 60, 差 below (the
  ledger's `grant-scoring` may set other bounds).

Nothing is rounded here: scores are exact Decimals, rounded to two places only when shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ledger.performance.model import EXCELLENT, FAIR, GOOD, POOR, Direction, Scoring

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")


def rounded(value: Decimal) -> Decimal:
    """A score or value as shown: two decimal places, halves rounded up (四舍五入)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def completion(direction: Direction, target: Decimal, actual: Decimal) -> Decimal:
    """How far `actual` goes towards `target`, as a share (1 is met; at least may exceed it).

    Args:
        direction: at least, at most or exactly the target.
        target: the target value (0 or more).
        actual: the actual value.
    """
    if direction == "at-least":
        if target == 0:
            return ONE if actual >= 0 else ZERO
        return max(actual, ZERO) / target
    if direction == "at-most":
        return ONE if actual <= target else target / actual
    if actual == target:
        return ONE
    if target == 0:
        return ZERO
    return max(ONE - abs(actual - target) / target, ZERO)


def score(weight: Decimal, share: Decimal) -> Decimal:
    """The score of a weight at a completion `share`: weight × share, between 0 and the weight."""
    return weight * min(max(share, ZERO), ONE)


def grade(total: Decimal, scoring: Scoring) -> str:
    """The grade of a total score: excellent (优), good (良), fair (中) or poor (差)."""
    if total >= scoring.excellent:
        return EXCELLENT
    if total >= scoring.good:
        return GOOD
    if total >= scoring.fair:
        return FAIR
    return POOR
