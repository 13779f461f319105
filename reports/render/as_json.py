"""A report as JSON, for other tools: amounts as strings with two decimals, always in yuan.

    {"report": "budget", "title": "...", "year": 2025, "currency": "CNY", "unit": "yuan",
     "stamp": {...}, "notes": [...],
     "rows": [{"year": 2025, "account": "Expenses:MCH:Training", "budget": "30000.00", ...}],
     "totals": [{"type": "subtotal", "year": 2025, "budget": "200000.00", ...}]}

Entry rows of the tables that share a key are one list under it; their openings, subtotals and
totals go under `totals` (for the key `rows`) or `KEY_totals`, each with its `type`.
"""

from __future__ import annotations

from typing import Any

from reports.render.cells import json_value
from reports.table import Report, Row, Table


def _row(table: Table, row: Row) -> dict[str, Any]:
    values = {column.key: json_value(row.get(column.key), column) for column in table.columns}
    # Identifying keys a table does not show as a column (a ledger's account, a header's
    # field) stay in.
    for key in ("year", "account", "field"):
        if key in row.values and key not in values:
            values[key] = row.values[key]
    return values


def report_json(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready object."""
    result: dict[str, Any] = {
        "report": report.kind,
        "title": report.title,
        "year": report.year,
        "currency": report.currency,
        "unit": "yuan",
        "stamp": report.stamp.as_json(),
        "notes": list(report.notes),
    }
    for table in report.tables:
        totals_key = "totals" if table.key == "rows" else f"{table.key}_totals"
        entries = result.setdefault(table.key, [])
        for row in table.rows:
            if row.role == "entry":
                entries.append(_row(table, row))
            else:
                result.setdefault(totals_key, []).append({"type": row.role, **_row(table, row)})
    result.update(report.extra)
    return result
