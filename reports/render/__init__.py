"""Renderers: a report as text, CSV, JSON, an Excel workbook or an HTML page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reports.render.cells import Unit
from reports.table import Report


def _text(reports: Sequence[Report], unit: Unit) -> str:
    from reports.render.as_text import render_text

    return "\n".join(render_text(report, unit) for report in reports)


def _csv(reports: Sequence[Report], unit: Unit) -> str:
    from reports.render.as_csv import render_csv

    return "\r\n".join(render_csv(report, unit) for report in reports)


def _json(reports: Sequence[Report], unit: Unit) -> str:
    import json

    from reports.render.as_json import report_json

    data = [report_json(report) for report in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"


def _xlsx(reports: Sequence[Report], unit: Unit) -> bytes:
    from reports.render.as_xlsx import render_xlsx

    return render_xlsx(reports, unit)


def _html(reports: Sequence[Report], unit: Unit) -> str:
    from reports.render.as_html import render_html

    return render_html(reports, unit)


#: Output format -> renderer of one or more reports (imported on use: openpyxl is slow to load).
FORMATS: dict[str, Callable[[Sequence[Report], Unit], str | bytes]] = {
    "text": _text,
    "csv": _csv,
    "json": _json,
    "xlsx": _xlsx,
    "html": _html,
}


def render(output_format: str, reports: Sequence[Report], unit: Unit) -> str | bytes:
    """The reports in `output_format`."""
    return FORMATS[output_format](reports, unit)
