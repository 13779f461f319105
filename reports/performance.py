"""The performance self-evaluation (项目支出绩效自评表), laid out like the provincial form.

Three tables per fiscal year, as the form has three blocks:

- 项目基本情况: the form's header: the project's name (项目名称), its department (主管部门), the
  implementing unit (实施单位) and the year's overall goal (年度总体目标), as the latest
  `grant-project` up to the year gives them; the name defaults to the ledger's title.
- 项目资金: the year's budget at its start and for the whole year (carried-in money included),
  the funds in place per source and carried from last year, what was spent, the execution rate,
  and the execution's weight and score. The figures are the budget and funding reports' (the
  same `ledger.books`), so they agree to the cent.
- 绩效指标: the execution rate, then each indicator with its kind (一级、二级指标), target,
  actual, completion, weight, score, progress and the reason for a deviation, and where its
  figure comes from; the total out of 100 and its grade.

The scoring is `ledger.performance`; this module only lays it out.
"""

from __future__ import annotations

import datetime

from beancount.parser.options import OPTIONS_DEFAULTS

from ledger.activity import ZERO
from ledger.books import YearBooks
from ledger.model import Year, amount_in_force
from ledger.performance.evaluation import MISSED, IndicatorLine, YearEvaluation
from ledger.performance.measures import HUNDRED, REPORTED, cumulative_measures
from ledger.performance.model import KINDS
from ledger.performance.targets import shown
from reports.context import ReportContext
from reports.table import Row, Table

#: The header's rows: its field (as JSON names it) and its label.
PROJECT_FIELDS = (
    ("name", "perf-project-name"),
    ("department", "perf-project-department"),
    ("implementer", "perf-project-implementer"),
    ("goal", "perf-project-goal"),
)


def project_name(ctx: ReportContext, given: str | None) -> str | None:
    """The project's name: its `grant-project`'s, else the ledger's title, else its account's."""
    if given:
        return given
    title = ctx.ledger.options_map.get("title")
    if title and title != OPTIONS_DEFAULTS["title"]:
        return str(title)
    labels = [labelled.label for labelled in ctx.config.dedicated.values() if labelled.label]
    return labels[0] if labels else None


def project_rows(ctx: ReportContext, year: Year) -> list[Row]:
    """The form's header for `year`: the project, its department, its unit and the year's goal."""
    t = ctx.labels
    project = ctx.grant.targets.project_of(year)
    values = {
        "name": project_name(ctx, project.name),
        "department": project.department,
        "implementer": project.implementer,
        "goal": project.goal,
    }
    return [
        Row({"year": year, "field": field, "item": t(label), "value": values[field]})
        for field, label in PROJECT_FIELDS
    ]


def funds_rows(ctx: ReportContext, books: YearBooks, evaluation: YearEvaluation) -> list[Row]:
    """The year's funds: each source and the carried-in money, then the year's total."""
    t = ctx.labels
    year = books.year
    start = datetime.date(year, 1, 1)
    rows = []
    for account, source in books.sources.items():
        rows.append(
            Row(
                {
                    "year": year,
                    "item": t("perf-of-which", label=ctx.label(account)),
                    "account": account,
                    "budget_start": amount_in_force(ctx.config.sources[account], start),
                    "budget_year": source.planned,
                    "in_place": source.received,
                }
            )
        )
    categories = books.categories.values()
    carried = sum((c.carried_in for c in categories), ZERO)
    rows.append(
        Row(
            {
                "year": year,
                "item": t("perf-of-which", label=t("perf-carried")),
                "budget_start": carried,
                "budget_year": carried,
                "in_place": carried,
            }
        )
    )
    budget_start = carried + sum(
        (amount_in_force(ctx.config.budgets.get(c.account, ()), start) for c in categories), ZERO
    )
    execution = evaluation.execution
    rows.append(
        Row(
            {
                "year": year,
                "item": t("perf-total-funds", year=year),
                "budget_start": budget_start,
                "budget_year": sum((c.available for c in categories), ZERO),
                "in_place": carried + sum((s.received for s in books.sources.values()), ZERO),
                "executed": sum((c.spent for c in categories), ZERO),
                "execution": execution.rate,
                "weight": execution.weight,
                "score": execution.score,
            },
            "subtotal",
        )
    )
    return rows


def _basis(ctx: ReportContext, line: IndicatorLine) -> str:
    """Where an indicator's figure comes from: the books' measure, or the report filed."""
    t = ctx.labels
    measure = line.target.measure
    if measure.name != REPORTED:
        return t("perf-basis-books", measure=measure.text)
    reported = line.reported
    if reported is None or reported.value is None:
        return t("perf-basis-not-reported")
    date = reported.entry.date
    if reported.document is None:
        return t("perf-basis-no-evidence", date=date)
    if not reported.on_file:
        return t("perf-basis-evidence-missing", document=reported.document, date=date)
    return t("perf-basis-reported", document=reported.document, date=date)


def indicator_rows(ctx: ReportContext, evaluation: YearEvaluation) -> list[Row]:
    """The execution's line, each indicator's, and the total with its grade."""
    t = ctx.labels
    year = evaluation.year
    execution = evaluation.execution
    # Execution has no target of its own: below 100 % it only scores less once the year is
    # closed, and its progress is shown while the year runs.
    status = None if evaluation.closed and execution.status == MISSED else execution.status
    rows = [
        Row(
            {
                "year": year,
                "level1": t("kind-execution"),
                "indicator": t("perf-execution"),
                "direction": t("direction-at-least"),
                "target": HUNDRED,
                "unit": "%",
                "actual": execution.rate * HUNDRED if execution.rate is not None else None,
                "completion": execution.rate,
                "weight": execution.weight,
                "score": execution.score,
                "progress": t(f"progress-{status}") if status else None,
                "status": status,
                "basis": t("perf-basis-execution"),
            }
        )
    ]
    for line in evaluation.indicators:
        target = line.target
        level1, level2 = KINDS[target.kind]
        rows.append(
            Row(
                {
                    "year": year,
                    "level1": t(level1),
                    "level2": t(level2),
                    "indicator": target.name,
                    "direction": t(f"direction-{target.direction}"),
                    "target": target.value,
                    "unit": target.unit,
                    "actual": line.actual,
                    "completion": line.completion,
                    "weight": target.weight,
                    "score": line.score,
                    "progress": t(f"progress-{line.status}"),
                    "status": line.status,
                    "reason": line.reason,
                    "basis": _basis(ctx, line),
                }
            )
        )
    rows.append(
        Row(
            {
                "year": year,
                "indicator": t("perf-total", year=year),
                "weight": evaluation.weights,
                "score": evaluation.total,
                "grade": grade_word(ctx, evaluation),
            },
            "subtotal",
        )
    )
    return rows


def grade_word(ctx: ReportContext, evaluation: YearEvaluation) -> str | None:
    """The total's grade as the form shows it: 优 … 差, 不评等级 when the weights are not 100.

    None for a year without targets (only the execution is scored: there is nothing to grade).
    """
    if not evaluation.has_targets:
        return None
    if evaluation.grade is None:
        return ctx.labels("grade-none")
    return ctx.labels(f"grade-{evaluation.grade}")


def year_notes(ctx: ReportContext, evaluation: YearEvaluation) -> list[str]:
    """What the reader must know of a year's scores: open, repeated targets, weights, grades."""
    t = ctx.labels
    year = evaluation.year
    notes = []
    if not evaluation.closed:
        notes.append(
            t(
                "perf-note-open",
                year=year,
                as_of=evaluation.as_of,
                elapsed=f"{evaluation.elapsed * 100:.2f}%",
                measures=t.join(cumulative_measures()),
                others=t.join(cumulative_measures(False)),
            )
        )
    if evaluation.set_year is None:
        notes.append(t("perf-note-no-targets", year=year))
    elif evaluation.set_year != year:
        notes.append(t("perf-note-repeated", year=year, own=evaluation.set_year))
    if evaluation.has_targets and evaluation.weights != HUNDRED:
        notes.append(t("perf-note-weights", year=year, weights=shown(evaluation.weights)))
    scoring = evaluation.scoring
    if evaluation.grade is not None:
        notes.append(
            t(
                "perf-note-grades",
                year=year,
                excellent=shown(scoring.excellent),
                good=shown(scoring.good),
                fair=shown(scoring.fair),
            )
        )
    return notes


def evaluation_of(ctx: ReportContext, year: Year) -> YearEvaluation:
    """The load's self-evaluation of `year`."""
    return ctx.grant.performance.of_year(year)


def performance_tables(ctx: ReportContext) -> list[Table]:
    """The header, the funds table and the indicators table of the context's years."""
    t = ctx.labels
    project: list[Row] = []
    funds: list[Row] = []
    indicators: list[Row] = []
    notes: list[str] = []
    for year in ctx.years:
        evaluation = evaluation_of(ctx, year)
        project.extend(project_rows(ctx, year))
        funds.extend(funds_rows(ctx, ctx.books[year], evaluation))
        indicators.extend(indicator_rows(ctx, evaluation))
        notes.extend(year_notes(ctx, evaluation))
    project_table = Table(
        "project",
        t.year_title("title-performance-project", ctx.year, ctx.years),
        t.columns(("year", "year"), ("item", "text"), ("value", "text")),
        project,
        [t("perf-note-project")],
        t("title-performance-project"),
    )
    funds_table = Table(
        "funds",
        t.year_title("title-performance-funds", ctx.year, ctx.years),
        t.columns(
            ("year", "year"),
            ("item", "text"),
            ("budget_start", "money"),
            ("budget_year", "money"),
            ("in_place", "money"),
            ("executed", "money"),
            ("execution", "percent"),
            ("weight", "number"),
            ("score", "score"),
        ),
        funds,
        [t("perf-note-execution")],
        t("title-performance-funds"),
    )
    indicators_table = Table(
        "indicators",
        t.year_title("title-performance-indicators", ctx.year, ctx.years),
        t.columns(
            ("year", "year"),
            ("level1", "text"),
            ("level2", "text"),
            ("indicator", "text"),
            ("direction", "text"),
            ("target", "number"),
            ("unit", "text"),
            ("actual", "number"),
            ("completion", "percent"),
            ("weight", "number"),
            ("score", "score"),
            ("progress", "text"),
            ("grade", "text"),
            ("reason", "text"),
            ("basis", "text"),
        ),
        indicators,
        [*notes, t("perf-note-rounding")],
        t("title-performance-indicators"),
    )
    return [project_table, funds_table, indicators_table]


def build(ctx: ReportContext) -> list[Table]:
    """The `performance` report's tables."""
    return performance_tables(ctx)
