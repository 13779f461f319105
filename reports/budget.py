"""The budget execution table (预算执行情况表): per fiscal year and category.

For each category: its year's budget, what was carried in, what is available, spent and
remaining, the execution rate, and at the close what was carried out and what lapsed; a total
per year. The figures are the grant's books (`ledger.books.CategoryYear`), the same the
`over-budget` rule and Fava's budgets read.
"""

from __future__ import annotations

from ledger.activity import ZERO
from ledger.books import CategoryYear, execution_rate
from reports.context import ReportContext
from reports.table import Equation, Row, Table

_AMOUNTS = ("budget", "carried_in", "available", "spent", "remaining", "carried_out", "lapsed")

#: What a row's figures add up to: available, remaining, and (closed) carried out and lapsed.
EQUATIONS = (
    Equation("available", ((1, "budget"), (1, "carried_in"))),
    Equation("remaining", ((1, "available"), (-1, "spent"))),
    Equation("remaining", ((1, "carried_out"), (1, "lapsed"))),
)


def category_row(ctx: ReportContext, category: CategoryYear) -> Row:
    """One category's budget execution in one year."""
    values = {
        "year": category.year,
        "code": ctx.code(category.account),
        "account": category.account,
        "label": category.label,
        **{key: getattr(category, key) for key in _AMOUNTS},
        "execution": category.execution,
        "closed": category.closed,
    }
    if not category.closed:
        # What carries out and what lapses is settled at the close: nothing to show before.
        values |= {"carried_out": None, "lapsed": None}
    return Row(values)


def year_total(ctx: ReportContext, year: int, rows: list[Row]) -> Row:
    """The total of a year's categories."""
    sums = {key: sum((row.values[key] or ZERO for row in rows), ZERO) for key in _AMOUNTS}
    if not ctx.books[year].closed:
        sums |= {"carried_out": None, "lapsed": None}
    return Row(
        {
            "year": year,
            "label": ctx.labels("subtotal", year=year),
            **sums,
            "execution": execution_rate(sums["spent"], sums["available"]),
            "closed": ctx.books[year].closed,
        },
        "subtotal",
    )


def budget_table(ctx: ReportContext) -> Table:
    """The budget execution table of the context's years."""
    t = ctx.labels
    columns = t.columns(
        ("year", "year"),
        ("code", "text"),
        ("label", "text"),
        ("account", "text"),
        *((key, "money") for key in _AMOUNTS[:5]),
        ("execution", "percent"),
        ("carried_out", "money"),
        ("lapsed", "money"),
        ("closed", "flag"),
    )
    rows: list[Row] = []
    notes = []
    for year in ctx.years:
        books = ctx.books[year]
        year_rows = [category_row(ctx, category) for category in books.categories.values()]
        rows.extend(year_rows)
        rows.append(year_total(ctx, year, year_rows))
        if not books.closed:
            notes.append(t("note-open-year", year=year))
    title = t.year_title("title-budget", ctx.year, ctx.years)
    return Table("rows", title, columns, rows, notes, t("title-budget"), EQUATIONS)


def build(ctx: ReportContext) -> list[Table]:
    """The `budget` report's tables."""
    return [budget_table(ctx)]
