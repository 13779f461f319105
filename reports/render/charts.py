"""Charts for the HTML report, as inline SVG drawn from the report's own tables.

Where people would rather look than read: each category's spending against what it had
available, per year; and per year what each source brought, the matching source's requirement
marked. Drawn from the rows the tables show, so a chart can never disagree with its table.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import NamedTuple

from ledger.books import execution_rate
from reports.labels import Labels
from reports.render.cells import Unit, format_money
from reports.table import Row, Table

BAR_HEIGHT = 16
GAP = 10
LABEL_WIDTH = 130
PLOT_WIDTH = 420
VALUE_WIDTH = 190
#: Spending at or above this share of what is available is drawn amber; above all of it, red.
NEAR_LIMIT = Decimal("0.9")

COLOURS = {
    "available": "#d9e2ec",
    "spent": "#3b73b9",
    "near": "#d98b00",
    "over": "#c0392b",
    "required": "#222222",
}


class Chart(NamedTuple):
    """An SVG chart: its title, its drawing, and its legend as (label, colour) pairs."""

    title: str
    svg: str
    legend: Sequence[tuple[str, str]]


def _svg(height: int, body: list[str], label: str) -> str:
    total = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total} {height}" '
        f'width="{total}" height="{height}" role="img" aria-label="{escape(label)}" '
        'font-size="11" font-family="inherit">' + "".join(body) + "</svg>"
    )


def _scale(value: Decimal, largest: Decimal) -> float:
    return float(value / largest * PLOT_WIDTH) if largest > 0 else 0.0


def budget_status(spent: Decimal, available: Decimal) -> str:
    """`over` the budget available, `near` it (at least `NEAR_LIMIT` of it), or ``."""
    if spent > available:
        return "over"
    rate = execution_rate(spent, available)
    if rate is not None and rate >= NEAR_LIMIT:
        return "near"
    return ""


def _colour(spent: Decimal, available: Decimal) -> str:
    return COLOURS[budget_status(spent, available) or "spent"]


def budget_charts(table: Table, unit: Unit, labels: Labels) -> list[Chart]:
    """Per year: each category's spending over what it had available."""
    title = labels("chart-budget")
    legend = [
        (labels("legend-available"), COLOURS["available"]),
        (labels("legend-spent"), COLOURS["spent"]),
        (labels("legend-near"), COLOURS["near"]),
        (labels("legend-over"), COLOURS["over"]),
    ]
    by_year: dict[int, list[Row]] = {}
    for row in table.entries:
        by_year.setdefault(row.values["year"], []).append(row)
    charts = []
    for year, rows in by_year.items():
        largest = max((max(r.values["available"], r.values["spent"]) for r in rows), default=0)
        body = []
        for index, row in enumerate(rows):
            y = index * (BAR_HEIGHT + GAP) + 4
            available, spent = row.values["available"], row.values["spent"]
            rate = row.values.get("execution")
            share = f" ({rate:.0%})" if isinstance(rate, Decimal) else ""
            body += [
                f'<text x="{LABEL_WIDTH - 6}" y="{y + 12}" text-anchor="end">'
                f"{escape(str(row.values['label']))}</text>",
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{_scale(available, largest):.1f}" '
                f'height="{BAR_HEIGHT}" fill="{COLOURS["available"]}"/>',
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{_scale(spent, largest):.1f}" '
                f'height="{BAR_HEIGHT - 6}" fill="{_colour(spent, available)}"/>',
                f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{y + 12}">'
                f"{format_money(spent, unit)} / {format_money(available, unit)}{share}</text>",
            ]
        height = len(rows) * (BAR_HEIGHT + GAP) + 4
        caption = f"{year} · {title}"
        charts.append(Chart(caption, _svg(height, body, caption), legend))
    return charts


def funding_chart(table: Table, unit: Unit, labels: Labels) -> list[Chart]:
    """Per year, what each source brought; a matching source's requirement is marked."""
    title = labels("chart-funding")
    legend = [
        (labels("legend-received"), COLOURS["spent"]),
        (labels("legend-short"), COLOURS["over"]),
        (labels("legend-required"), COLOURS["required"]),
    ]
    rows: Sequence[Row] = table.entries
    if not rows:
        return []
    largest = max(max(r.values["received"], r.values.get("required") or Decimal(0)) for r in rows)
    body = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + GAP) + 4
        values = row.values
        received = values["received"]
        required = values.get("required")
        short = required is not None and received < required
        colour = COLOURS["over"] if short else COLOURS["spent"]
        body += [
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 12}" text-anchor="end">'
            f"{values['year']} {escape(str(values['label']))}</text>",
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{_scale(received, largest):.1f}" '
            f'height="{BAR_HEIGHT - 6}" fill="{colour}"/>',
        ]
        text = format_money(received, unit)
        if required is not None:
            x = LABEL_WIDTH + _scale(required, largest)
            body.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + BAR_HEIGHT}" '
                f'stroke="{COLOURS["required"]}" stroke-width="2"/>'
            )
            text += f" / {format_money(required, unit)}"
        body.append(f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{y + 12}">{text}</text>')
    height = len(rows) * (BAR_HEIGHT + GAP) + 4
    return [Chart(title, _svg(height, body, title), legend)]
