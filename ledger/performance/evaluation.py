"""A fiscal year's self-evaluation from the books: each indicator's actual, score and progress.

For a closed year this is the 项目支出绩效自评: every indicator met or missed, the total and its
grade. For an open year it is the progress so far, as of the year's last grant transaction: the
budget execution, and an indicator held to at least its target whose measure grows during the
year (`Measure.cumulative`: a sum, a count, a rate of execution or of funds in place, the women
paid, the cards received), is on track while its completion keeps up with the share of the
year gone by, and at risk when it falls behind; any other indicator not yet met is at risk. An
indicator without a value is pending while the year is open and missed once it is closed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from ledger.activity import ZERO
from ledger.books import execution_rate
from ledger.model import Year, year_end
from ledger.performance.measures import (
    HUNDRED,
    MEASURES,
    MeasureQuery,
    flows_of_year,
    value_of,
)
from ledger.performance.model import Actual, PerformanceConfig, Scoring, Target
from ledger.performance.scoring import ONE, completion, grade, score

if TYPE_CHECKING:  # pragma: no cover
    from ledger.grant_ledger import GrantLedger

MET = "met"
ON_TRACK = "on-track"
AT_RISK = "at-risk"
MISSED = "missed"
PENDING = "pending"
STATUSES = (MET, ON_TRACK, AT_RISK, MISSED, PENDING)
"""An indicator's progress: met; on track or at risk (open year); missed (closed year, a value
short of the target or none); no value yet (open year)."""


class ExecutionLine(NamedTuple):
    """The budget execution's line: its rate (spent ÷ available) scored with its own weight."""

    weight: Decimal
    rate: Decimal | None
    score: Decimal
    status: str


class IndicatorLine(NamedTuple):
    """One indicator of a year: its actual value, completion, score, progress and reason."""

    target: Target
    actual: Decimal | None
    completion: Decimal | None
    """actual against target as a share (1 is met); None without an actual."""
    score: Decimal
    status: str
    reason: str | None
    reported: Actual | None
    """The year's `grant-actual` of the indicator (its value and evidence, or a reason)."""
    cumulative: bool


class YearEvaluation(NamedTuple):
    """The self-evaluation of one fiscal year (or its progress, while the year is open)."""

    year: Year
    closed: bool
    as_of: datetime.date
    """The day the figures are as of: the year's end when closed, else its last transaction."""
    elapsed: Decimal
    """The share of the year gone by on `as_of` (1 when closed)."""
    set_year: Year | None
    """The year whose targets apply (the year itself, or the latest before it); None: none."""
    scoring: Scoring
    execution: ExecutionLine
    indicators: Sequence[IndicatorLine]
    total: Decimal
    grade: str | None
    """The total's grade; None when the year has no targets, or when the weights of its
    execution and indicators do not add up to 100 (a `config` finding): a total out of another
    number gets no grade."""

    @property
    def weights(self) -> Decimal:
        """The weights of the execution and every indicator (100 when the targets are right)."""
        return self.execution.weight + sum((line.target.weight for line in self.indicators), ZERO)

    @property
    def has_targets(self) -> bool:
        """Whether the year has performance targets."""
        return bool(self.indicators)


def progress_point(grant: GrantLedger, year: Year) -> tuple[datetime.date, Decimal]:
    """The day an open year's figures are as of, and the share of the year gone by then."""
    end = year_end(year)
    books = grant.books.get(year)
    if books is not None and books.closed:
        return end, ONE
    first = datetime.date(year, 1, 1)
    as_of = max((flow.entry.date for flow in flows_of_year(grant, year)), default=first)
    days = Decimal((end - first).days + 1)
    return as_of, Decimal((as_of - first).days + 1) / days


def status_of(
    share: Decimal | None, closed: bool, cumulative: bool, at_least: bool, elapsed: Decimal
) -> str:
    """An indicator's progress from its completion `share` (see the module's docstring).

    Without a value it is pending while the year is open, and missed once it is closed.
    """
    if share is None:
        return MISSED if closed else PENDING
    if share >= ONE:
        return MET
    if closed:
        return MISSED
    if cumulative and at_least and share >= elapsed:
        return ON_TRACK
    return AT_RISK


def execution_line(
    grant: GrantLedger, year: Year, scoring: Scoring, elapsed: Decimal
) -> ExecutionLine:
    """The year's budget execution scored with its weight."""
    books = grant.books[year]
    categories = books.categories.values()
    rate = execution_rate(
        sum((c.spent for c in categories), ZERO), sum((c.available for c in categories), ZERO)
    )
    weight = scoring.execution_weight
    points = score(weight, rate) if rate is not None else ZERO
    return ExecutionLine(weight, rate, points, status_of(rate, books.closed, True, True, elapsed))


def indicator_line(
    grant: GrantLedger, year: Year, target: Target, closed: bool, elapsed: Decimal
) -> IndicatorLine:
    """One indicator's actual, completion, score and progress in `year`."""
    measure = MEASURES[target.measure.name]
    actual = value_of(MeasureQuery(grant, year, target, target.measure.args))
    share = completion(target.direction, target.value, actual) if actual is not None else None
    points = score(target.weight, share) if share is not None else ZERO
    reported = grant.targets.actual_of(year, target.name)
    reason = reported.reason if reported is not None and reported.reason else None
    if reason is None and target.year == year:
        reason = target.reason
    cumulative = measure.cumulative
    status = status_of(share, closed, cumulative, target.direction == "at-least", elapsed)
    return IndicatorLine(target, actual, share, points, status, reason, reported, cumulative)


def evaluate(grant: GrantLedger, year: Year) -> YearEvaluation:
    """The self-evaluation of fiscal `year`, which the books must cover."""
    config: PerformanceConfig = grant.targets
    books = grant.books[year]
    as_of, elapsed = progress_point(grant, year)
    scoring = config.scoring_of(year)
    execution = execution_line(grant, year, scoring, elapsed)
    indicators = [
        indicator_line(grant, year, target, books.closed, elapsed)
        for target in config.targets_of(year)
    ]
    total = execution.score + sum((line.score for line in indicators), ZERO)
    weights = execution.weight + sum((line.target.weight for line in indicators), ZERO)
    graded = bool(indicators) and weights == HUNDRED
    return YearEvaluation(
        year,
        books.closed,
        as_of,
        elapsed,
        config.set_year_of(year),
        scoring,
        execution,
        indicators,
        total,
        grade(total, scoring) if graded else None,
    )


class Performance:
    """The self-evaluations of one load, each year's worked out once, on first use."""

    def __init__(self, grant: GrantLedger) -> None:
        self.grant = grant

    @property
    def config(self) -> PerformanceConfig:
        """The targets, actuals and scorings the ledger declares."""
        return self.grant.targets

    def of_year(self, year: Year) -> YearEvaluation:
        """The self-evaluation of fiscal `year`, which the books must cover."""
        return self.grant.memo(("performance", year), lambda: evaluate(self.grant, year))
