"""The findings report (检查发现问题): what `mch-ledger validate` finds, as a table."""

from __future__ import annotations

from collections.abc import Iterable

from ledger.findings import Finding, display_path, for_year, ledger_findings
from reports.context import ReportContext
from reports.labels import Labels
from reports.table import Row, Table


def findings_table(labels: Labels, findings: Iterable[Finding], title: str) -> Table:
    """The findings as a table: severity, rule, where, date, year, account, amount, message."""
    rows = [
        Row(
            {
                "severity": labels(finding.severity),
                "rule": finding.rule,
                "where": f"{display_path(finding.file)}:{finding.line}" if finding.file else None,
                "date": finding.date,
                "year": finding.year,
                "account": finding.account,
                "amount": finding.amount,
                "message": finding.text,
            }
        )
        for finding in findings
    ]
    columns = labels.columns(
        ("severity", "text"),
        ("rule", "text"),
        ("where", "text"),
        ("date", "date"),
        ("year", "year"),
        ("account", "text"),
        ("amount", "money"),
        ("message", "text"),
    )
    notes = [] if rows else [labels("note-no-findings")]
    return Table("rows", title, columns, rows, notes, labels("title-findings"))


def build(ctx: ReportContext) -> list[Table]:
    """The `findings` report's table."""
    findings = for_year(ledger_findings(ctx.ledger), ctx.year)
    title = ctx.labels.year_title("title-findings", ctx.year, ctx.years)
    return [findings_table(ctx.labels, findings, title)]
