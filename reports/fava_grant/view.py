"""The grant page's figures for one fiscal year, picked from the reports and formatted.

The page shows what `mch-ledger report budget`, `funding` and `balances` and `validate` show
for the same year, formatted by the same function (`reports.render.cells.format_cell`): this
module only picks the columns and rows a page needs and adds what a page shows besides the
figures: the execution bars and their colours, whether a match is met, where a finding is.
Nothing here depends on Fava; the extension adds the links.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ledger.beneficiaries.identity import mask_in_text
from ledger.findings import Finding, display_path, for_year, ledger_findings, summary
from ledger.loading import LoadedLedger
from ledger.model import Year
from ledger.registers import RegisterError
from reports.beneficiaries import roster_table
from reports.build import build_report
from reports.context import make_context
from reports.labels import Labels
from reports.render.cells import format_cell, format_number, format_score
from reports.render.charts import budget_status
from reports.table import Column, ColumnKind, Report, Row, RowRole, Table

UNIT = "yuan"

#: Columns each section shows, by key, from its report table. Carried out and lapsed are only
#: known once a year is closed: the budget section shows them for closed years only.
BUDGET_KEYS = ("label", "budget", "carried_in", "available", "spent", "remaining", "execution")
BUDGET_CLOSED_KEYS = ("carried_out", "lapsed")
FUNDING_KEYS = (
    "label",
    "planned",
    "received",
    "late",
    "tranches",
    "matches",
    "required",
    "shortfall",
    "met",
)
TRANCHE_KEYS = ("date", "voucher", "label", "payee", "narration", "amount", "grant_year", "late")
CARRY_KEYS = ("year", "budget", "carried_in", "available", "spent", "carried_out", "lapsed")
BENEFICIARY_KEYS = (
    "register_no",
    "beneficiary",
    "id_masked",
    "township",
    "eligibility",
    "date",
    "voucher",
    "subsidy",
    "visits",
    "amount",
    "rules_broken",
)
LAPSED_KEYS = ("year", "carried_out", "lapsed", "lapsed_returned", "lapsed_outstanding", "closed")
PERFORMANCE_KEYS = ("completion", "weight", "score", "progress", "reason")
"""The performance section's columns taken as they are from the report; before them the
page shows each indicator's kind, name, target and actual, its unit written beside the value."""
#: How the completion bar of an indicator is marked, by its progress (ledger.performance).
PROGRESS_MARKS = {"at-risk": "near", "missed": "over"}
#: The cards of the year's purchases (the 固定资产登记表's cards of the year).
ASSET_KEYS = (
    "card",
    "name",
    "model",
    "value",
    "paid",
    "vouchers",
    "received",
    "custodian",
    "location",
    "state",
    "status",
)


class Cell(NamedTuple):
    """One cell of a section's table, as the page shows it."""

    key: str
    kind: ColumnKind
    text: str
    status: str = ""
    """How the page marks it: `near` or `over` the budget, a match `met` or `short`, a
    finding's `error` or `warning`; empty for nothing to mark."""
    bar: float | None = None
    """The length of the execution bar, in percent of its track (at most 100)."""


class Line(NamedTuple):
    """A row of a section's table."""

    role: RowRole
    key: str
    """What the row is about (an account, a year, a finding's place), for the page's markup."""
    cells: Sequence[Cell]
    source: tuple[str, int] | None = None
    """The entry the row shows (file, line), which the extension links to Fava's editor."""


class Section(NamedTuple):
    """A titled table of the page, with the notes under it."""

    key: str
    title: str
    columns: Sequence[Column]
    lines: Sequence[Line]
    notes: Sequence[str] = ()


class FindingLine(NamedTuple):
    """A finding as the page lists it; the extension links `file` and `line` to the editor."""

    severity: str
    severity_text: str
    rule: str
    where: str
    file: str | None
    line: int | None
    date: str
    message: str


class YearFigures(NamedTuple):
    """Everything the page shows for one fiscal year."""

    year: Year
    years: list[Year]
    closed: bool
    notes: Sequence[str]
    """About the whole year: the books' error findings, that the year is open."""
    sections: Sequence[Section]
    findings: Sequence[FindingLine]
    errors: int
    warnings: int


def _cell(table: Table, row: Row, key: str, labels: Labels) -> Cell:
    column = next(column for column in table.columns if column.key == key)
    text = format_cell(row.get(key), column, labels, UNIT)
    if key == "execution" and row.get("available") is not None:
        spent, available = row.get("spent"), row.get("available")
        execution = row.get("execution")
        bar = min(float(execution), 1.0) * 100 if isinstance(execution, Decimal) else None
        return Cell(key, column.kind, text, budget_status(spent, available), bar)
    if key == "remaining" and isinstance(row.get(key), Decimal) and row.get(key) < 0:
        return Cell(key, column.kind, text, "over")
    if key == "met" and row.get("met") is not None:
        return Cell(key, column.kind, text, "met" if row.get("met") else "short")
    if key == "completion" and isinstance(row.get(key), Decimal):
        bar = min(float(row.get(key)), 1.0) * 100
        return Cell(key, column.kind, text, PROGRESS_MARKS.get(str(row.get("status")), ""), bar)
    if key == "progress" and row.get("status"):
        return Cell(key, column.kind, text, str(row.get("status")))
    if key == "rules_broken" and text:
        return Cell(key, column.kind, text, "error")
    return Cell(key, column.kind, text)


def section(
    key: str,
    title: str,
    table: Table,
    keys: Sequence[str],
    labels: Labels,
    rows: Sequence[Row] | None = None,
    line_key: Callable[[Row], object] = lambda row: row.get("account") or row.get("year"),
    notes: Sequence[str] | None = None,
) -> Section:
    """A section showing the columns `keys` of `table`'s rows (or of the `rows` given).

    A row whose values say where its entry is (`file`, `line`) links to it on the page.
    """
    columns = [column for key_ in keys for column in table.columns if column.key == key_]
    lines = [
        Line(
            row.role,
            # A row's key is written into the page as its cells are: masked like them.
            mask_in_text(str(line_key(row))),
            [_cell(table, row, k, labels) for k in keys],
            _source(row),
        )
        for row in (table.rows if rows is None else rows)
    ]
    return Section(key, title, columns, lines, table.notes if notes is None else notes)


def _with_unit(value: object, unit: object) -> str:
    """An indicator's value with its unit beside it, as the form writes it (`120人次`)."""
    return f"{format_number(value)}{unit or ''}" if isinstance(value, Decimal) else ""


def _indicator_cells(row: Row) -> list[Cell]:
    """An indicator's kind, name, target (with its direction) and actual, as the page shows."""
    unit = row.get("unit")
    target = _with_unit(row.get("target"), unit)
    return [
        Cell("level2", "text", str(row.get("level2") or row.get("level1") or "")),
        Cell("indicator", "text", str(row.get("indicator") or "")),
        Cell("target", "number", f"{row.get('direction')} {target}" if target else ""),
        Cell("actual", "number", _with_unit(row.get("actual"), unit)),
    ]


def _source(row: Row) -> tuple[str, int] | None:
    file, line = row.get("file"), row.get("line")
    return (file, line) if isinstance(file, str) and isinstance(line, int) else None


def _finding_line(finding: Finding, labels: Labels, base: Path) -> FindingLine:
    where = f"{display_path(finding.file, base)}:{finding.line}" if finding.file else "—"
    return FindingLine(
        finding.severity,
        labels(finding.severity),
        finding.rule,
        where,
        finding.file,
        finding.line,
        finding.date.isoformat() if isinstance(finding.date, datetime.date) else "",
        finding.text,
    )


def _history(report: Report, year: Year) -> list[Row]:
    """The entry rows of an every-year report up to `year`."""
    return [row for row in report.tables[0].rows if row.role == "entry" and row.get("year") <= year]


class GrantFigures:
    """The grant page's figures of one loaded ledger, each computed once, on first use."""

    def __init__(self, ledger: LoadedLedger, language: str) -> None:
        self.ledger = ledger
        self.labels = Labels(language)
        self.language = language
        self.years: list[Year] = list(ledger.grant.books)
        self._years: dict[Year, YearFigures] = {}
        self._reports: dict[tuple[str, Year | None], Report] = {}
        self._findings: list[Finding] | None = None

    def report(self, kind: str, year: Year | None) -> Report:
        """The report of `kind` for `year` (None: every year), in the page's language."""
        report = self._reports.get((kind, year))
        if report is None:
            report = self._reports[kind, year] = build_report(
                kind, self.ledger, year, self.language
            )
        return report

    def findings(self, year: Year) -> list[Finding]:
        """The findings about fiscal `year` (and those about no year in particular)."""
        if self._findings is None:
            self._findings = ledger_findings(self.ledger)
        return for_year(self._findings, year)

    def _beneficiaries(self, year: Year) -> Section | None:
        """The year's beneficiaries (救助对象花名册), from the year of `grant-beneficiaries` on."""
        setup = self.ledger.grant.beneficiaries.setup
        if setup is None or year < setup.date.year:
            return None
        t = self.labels
        # The report's table without its stamp: the page is not a report handed out.
        table = roster_table(make_context(self.ledger, t, year), year)
        return section(
            "beneficiaries",
            t("fava-beneficiaries"),
            table,
            BENEFICIARY_KEYS,
            t,
            line_key=lambda row: row.get("register_no"),
        )

    def of_year(self, year: Year) -> YearFigures:
        """The page's figures for fiscal `year`, which the books must cover."""
        figures = self._years.get(year)
        if figures is None:
            figures = self._years[year] = self._compute(year)
        return figures

    def _performance(self, year: Year) -> list[Section]:
        """The year's indicators with their progress, for a ledger that sets targets."""
        if not self.ledger.grant.targets.declares_targets:
            return []
        evaluation = self.ledger.grant.performance.of_year(year)
        if not evaluation.has_targets:
            return []
        t = self.labels
        indicators = next(
            table for table in self.report("performance", year).tables if table.key == "indicators"
        )
        total = format_score(evaluation.total)
        grade = t(f"grade-{evaluation.grade}" if evaluation.grade else "grade-none")
        if evaluation.closed and evaluation.grade is None:
            # Weights that do not add up to 100: the total is out of another number, no grade
            # (during the year the progress below says so, and the notes why).
            summary = t(
                "fava-performance-ungraded", total=total, weights=format_number(evaluation.weights)
            )
        elif evaluation.closed:
            summary = t(
                "fava-performance-total",
                total=total,
                weights=format_number(evaluation.weights),
                grade=grade,
            )
        else:
            statuses = [line.status for line in evaluation.indicators]
            summary = t(
                "fava-performance-progress",
                at_risk=statuses.count("at-risk") + (evaluation.execution.status == "at-risk"),
                pending=statuses.count("pending"),
                total=total,
                grade=grade,
            )
        shown = section("performance", "", indicators, PERFORMANCE_KEYS, t)
        heading = {column.key: column.heading for column in indicators.columns}
        columns = [
            Column(key, kind, heading[key])
            for key, kind in (
                ("level2", "text"),
                ("indicator", "text"),
                ("target", "number"),
                ("actual", "number"),
            )
        ]
        lines = [
            Line(line.role, str(row.get("indicator")), [*_indicator_cells(row), *line.cells])
            for row, line in zip(indicators.rows, shown.lines, strict=True)
        ]
        return [
            Section(
                "performance",
                t("fava-performance", year=year),
                [*columns, *shown.columns],
                lines,
                [summary, *indicators.notes],
            )
        ]

    def _compute(self, year: Year) -> YearFigures:
        t = self.labels
        budget = self.report("budget", year)
        funding = self.report("funding", year)
        history_budget = self.report("budget", None)
        history_balances = self.report("balances", None)
        closed = self.ledger.grant.books[year].closed
        budget_table = budget.tables[0]
        keys = BUDGET_KEYS + (BUDGET_CLOSED_KEYS if closed else ())
        sections = [section("budget", budget_table.title, budget_table, keys, t)]
        sections.extend(self._performance(year))
        sources, tranches = funding.tables
        sections.append(section("funding", sources.title, sources, FUNDING_KEYS, t))
        sections.append(
            section(
                "tranches",
                tranches.title,
                tranches,
                TRANCHE_KEYS,
                t,
                line_key=lambda row: row.get("voucher") or row.get("date"),
            )
        )
        config = self.ledger.grant.config
        history = _history(history_budget, year)
        # Carried out and lapsed are blank for a year not yet closed: say why under the history.
        books = self.ledger.grant.books
        open_years = [
            t("note-open-year", year=y) for y in self.years if y <= year and not books[y].closed
        ]
        for account in config.carryforwards:
            if account not in config.categories:
                continue
            rows = [row for row in history if row.get("account") == account]
            label = rows[0].get("label") if rows else account
            sections.append(
                section(
                    f"carryforward-{account}",
                    t("fava-carryforward", label=label),
                    history_budget.tables[0],
                    CARRY_KEYS,
                    t,
                    rows,
                    line_key=lambda row: row.get("year"),
                    notes=open_years,
                )
            )
        balances = history_balances.tables[0]
        sections.append(
            section(
                "lapsed",
                t("fava-lapsed"),
                balances,
                LAPSED_KEYS,
                t,
                _history(history_balances, year),
                notes=[t("note-returned"), *open_years],
            )
        )
        notes = list(budget.notes)
        if self.ledger.grant.config.assets:
            try:
                assets = self.report("assets", year)
            except RegisterError as error:
                notes.append(t("assets-refused", error=error.say(t)))
            else:
                cards = assets.tables[0]
                sections.append(
                    section(
                        "assets",
                        cards.title,
                        cards,
                        ASSET_KEYS,
                        t,
                        cards.entries,
                        line_key=lambda row: row.get("card"),
                    )
                )
        beneficiaries = self._beneficiaries(year)
        if beneficiaries is not None:
            sections.append(beneficiaries)
        found = self.findings(year)
        errors, warnings = summary(found)
        base = self.ledger.path.parent
        return YearFigures(
            year,
            self.years,
            closed,
            notes,
            sections,
            [_finding_line(finding, t, base) for finding in found],
            errors,
            warnings,
        )
