"""The performance targets a ledger declares (绩效目标), as plain data.

    2026-01-01 custom "grant-target" "培训基层妇幼人员" 120 "人次"
      kind: "产出-数量"
      direction: "≥"
      weight: 20
      measure: "sum participants Expenses:MCH:Training"
    2027-01-15 custom "grant-actual" "孕产妇死亡率" 12.5
      grant-year: 2026
      document: "performance/2026年妇幼卫生统计年报.pdf"
    2026-01-01 custom "grant-scoring" 10
      excellent: 90
    2026-01-01 custom "grant-project" "母婴健康工程"
      department: "清溪县卫生健康局"
      implementer: "清溪县妇幼保健所"
      goal: "培训基层妇幼保健人员120人次，救助贫困孕产妇20人……"

`ledger.performance.targets.parse_targets` turns them into a `PerformanceConfig`; the functions
here answer the dated questions (which targets a year has, which scoring applies to it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Literal, NamedTuple

from beancount.core import data

from ledger.model import Year

Direction = Literal["at-least", "at-most", "exactly"]
"""How an actual value is held to its target: at least it, at most it, or exactly it."""

DIRECTIONS: tuple[Direction, ...] = ("at-least", "at-most", "exactly")

#: The indicator kinds of the self-evaluation form: kind -> (一级指标, 二级指标) catalogue keys.
KINDS: dict[str, tuple[str, str]] = {
    "quantity": ("kind-output", "kind-quantity"),
    "quality": ("kind-output", "kind-quality"),
    "timeliness": ("kind-output", "kind-timeliness"),
    "cost": ("kind-output", "kind-cost"),
    "outcome": ("kind-outcome", "kind-outcome-any"),
    "social": ("kind-outcome", "kind-social"),
    "economic": ("kind-outcome", "kind-economic"),
    "ecological": ("kind-outcome", "kind-ecological"),
    "sustainable": ("kind-outcome", "kind-sustainable"),
    "satisfaction": ("kind-satisfaction", "kind-satisfaction-of"),
}

EXCELLENT = "excellent"
GOOD = "good"
FAIR = "fair"
POOR = "poor"
GRADES = (EXCELLENT, GOOD, FAIR, POOR)
"""The grades, best first: 优, 良, 中, 差."""


class MeasureArgs(NamedTuple):
    """What a `measure:` names besides the measure: an account, a metadata key, days, a date."""

    account: str | None = None
    key: str | None = None
    days: int | None = None
    by: tuple[int, int] | None = None
    """A day of the fiscal year as (month, day): `by 06-30`."""


class MeasureUse(NamedTuple):
    """A parsed `measure:`: the measure's name and its arguments, as written."""

    name: str
    args: MeasureArgs
    text: str


class Target(NamedTuple):
    """A `grant-target`: one indicator of the targets set in `year` (年度绩效指标)."""

    year: Year
    """The fiscal year the directive is dated in: the set it belongs to."""
    name: str
    value: Decimal
    unit: str
    kind: str
    direction: Direction
    weight: Decimal
    measure: MeasureUse
    reason: str | None
    """Why it was missed (偏差原因), for its own year."""
    entry: data.Custom


class Actual(NamedTuple):
    """A year's `grant-actual`s of one indicator: the value reported, its evidence, the reason.

    The latest value counts, with its `document` and its `entry`; a `grant-actual` without a
    value adds its reason to it (the latest reason written counts). Without any value, `entry`
    is the latest `grant-actual` giving a reason.
    """

    year: Year
    name: str
    value: Decimal | None
    document: str | None
    reason: str | None
    entry: data.Custom
    on_file: bool = False
    """Whether the value's `document` is on file inside the books (judged once per load, for an
    indicator measured by `reported`): a value without it still scores, its source says so."""


class Scoring(NamedTuple):
    """A `grant-scoring`: the budget execution's weight and the grade bounds."""

    year: Year | None
    """The fiscal year it applies from; None for the defaults."""
    execution_weight: Decimal
    excellent: Decimal
    good: Decimal
    fair: Decimal
    entry: data.Custom | None


class Project(NamedTuple):
    """A `grant-project`: the self-evaluation form's header, from the fiscal year of its date.

    The project's name (项目名称), its department (主管部门), the implementing unit (实施单位)
    and the year's overall goal (年度总体目标). A key left out keeps what an earlier
    `grant-project` gave it (None: never given).
    """

    year: Year
    name: str | None
    department: str | None
    implementer: str | None
    goal: str | None
    entry: data.Custom | None


NO_PROJECT = Project(0, None, None, None, None, None)
"""The header of a ledger without `grant-project`: nothing given."""

#: The keys of a `grant-project`, as its metadata names them, besides the name it gives.
PROJECT_KEYS = ("department", "implementer", "goal")


DEFAULT_SCORING = Scoring(None, Decimal(10), Decimal(90), Decimal(80), Decimal(60), None)
"""The self-evaluation's defaults: execution weighs 10; 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below."""


class PerformanceConfig(NamedTuple):
    """Every target, actual and scoring the ledger declares."""

    targets: Mapping[Year, Sequence[Target]]
    """The sets of targets, by the year they are dated in, each in ledger order."""
    actuals: Mapping[tuple[Year, str], Actual]
    """Each fiscal year's and indicator's `grant-actual`s: the latest value, the latest reason."""
    scorings: Mapping[Year, Scoring]
    projects: Mapping[Year, Project] = MappingProxyType({})
    """The `grant-project` directives, by the fiscal year they are dated in."""

    @property
    def declares_targets(self) -> bool:
        """Whether the ledger sets any performance target at all."""
        return bool(self.targets)

    def set_year_of(self, year: Year) -> Year | None:
        """The year whose set of targets applies to `year`: its own, else the latest before it."""
        years = [own for own in self.targets if own <= year]
        return max(years) if years else None

    def targets_of(self, year: Year) -> Sequence[Target]:
        """The targets of fiscal `year` (a year without its own repeats the latest before it)."""
        own = self.set_year_of(year)
        return self.targets[own] if own is not None else ()

    def scoring_of(self, year: Year) -> Scoring:
        """The scoring in force for fiscal `year`: the latest `grant-scoring` up to it."""
        years = [own for own in self.scorings if own <= year]
        return self.scorings[max(years)] if years else DEFAULT_SCORING

    def project_of(self, year: Year) -> Project:
        """The form's header for fiscal `year`: each key as the latest `grant-project` gave it."""
        header = NO_PROJECT
        for own in sorted(own for own in self.projects if own <= year):
            project = self.projects[own]
            header = Project(
                own,
                *(
                    mine if mine is not None else before
                    for mine, before in zip(project[1:5], header[1:5], strict=True)
                ),
                project.entry,
            )
        return header

    def actual_of(self, year: Year, name: str) -> Actual | None:
        """The `grant-actual` of indicator `name` for fiscal `year`, if one was written."""
        return self.actuals.get((year, name))


EMPTY_CONFIG = PerformanceConfig({}, {}, {})
