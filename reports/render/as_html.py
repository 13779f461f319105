"""Reports as one self-contained HTML page: tables, charts, the stamp; prints cleanly on A4.

Nothing is fetched: styles and charts (inline SVG) are in the page, so it can be mailed,
archived and opened offline. Jinja2 escapes every value from the ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jinja2
from markupsafe import Markup, escape

from reports.labels import Labels
from reports.render.cells import Unit, empty_line, format_cell, stamp_lines, table_notes, unit_note
from reports.render.charts import Chart, budget_charts, funding_chart
from reports.table import Report, Table

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("reports", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _charts(report: Report, labels: Labels, unit: Unit) -> list[Chart]:
    if report.kind == "budget":
        return budget_charts(report.tables[0], unit, labels)
    if report.kind == "funding":
        return funding_chart(report.tables[0], unit, labels)
    return []


def _table(table: Table, labels: Labels, unit: Unit) -> dict[str, Any]:
    # A pack's page holds a quarter of a million cells: each row's cells are made here in one
    # go (every value escaped), so the template lays out rows, not cells.
    columns = table.columns
    opening = [f'<td class="{c.kind}" data-key="{c.key}">' for c in columns]
    return {
        "key": table.key,
        "title": table.title,
        "columns": columns,
        "notes": table_notes(table, labels, unit),
        "empty": empty_line(labels),
        "rows": [
            (
                row.role,
                Markup(
                    "".join(
                        f"{tag}{escape(format_cell(row.values.get(c.key), c, labels, unit))}</td>"
                        for tag, c in zip(opening, columns, strict=True)
                    )
                ),
            )
            for row in table.rows
        ],
    }


def render_html(reports: Sequence[Report], unit: Unit, title: str | None = None) -> str:
    """The reports as one HTML page (`title` defaults to the first report's)."""
    first = reports[0]
    labels = Labels(first.language)
    return _ENVIRONMENT.get_template("report.html").render(
        language=first.language,
        title=title or first.title,
        unit_note=unit_note(labels, unit, first.currency),
        contents=labels("contents"),
        stamp=first.stamp,
        stamp_lines=stamp_lines(first.stamp, labels),
        reports=[
            {
                "kind": report.kind,
                "anchor": f"report-{report.kind}",
                "title": report.title,
                "notes": report.notes,
                "charts": _charts(report, labels, unit),
                "tables": [_table(table, labels, unit) for table in report.tables],
            }
            for report in reports
        ],
    )
