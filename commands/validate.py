"""`mch-ledger validate`: the grant rules' and Beancount's findings, as a table or JSON.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the ledger cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ledger.findings import Finding, display_path, for_year, ledger_findings, summary
from ledger.i18n import Catalogue
from ledger.loading import UnreadableLedgerError, load_ledger

EXIT_ERRORS = 1
EXIT_UNREADABLE = 2


class UnreadableLedger(click.ClickException):
    """The ledger cannot be read: exit status 2."""

    exit_code = EXIT_UNREADABLE


def format_table(findings: list[Finding]) -> str:
    """Findings as an aligned text table: where, date, severity, rule, message."""
    rows = [
        (
            f"{display_path(f.file)}:{f.line}" if f.file else "-",
            f.date.isoformat() if f.date else "-",
            f.severity,
            f.rule,
            f.text,
        )
        for f in findings
    ]
    header = ("FILE:LINE", "DATE", "SEVERITY", "RULE", "MESSAGE")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = [
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)), row[4]]
        )
        for row in [header, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


@click.command("validate")
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a readable table; json: an array of findings.",
)
@click.option("--year", type=int, help="Only findings about this fiscal year.")
def validate_command(ledger: Path, output_format: str, year: int | None) -> None:
    """Check LEDGER against the grant's rules and Beancount's own checks."""
    try:
        loaded = load_ledger(ledger)
    except UnreadableLedgerError as error:
        raise UnreadableLedger(str(error)) from error
    findings = for_year(ledger_findings(loaded, hash_copies=True), year)
    errors, warnings = summary(findings)
    if output_format == "json":
        click.echo(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        messages = Catalogue(loaded.grant.config.language)
        name = display_path(str(loaded.path))
        if findings:
            click.echo(format_table(findings))
            click.echo()
            click.echo(messages("validate.summary", errors=errors, warnings=warnings, ledger=name))
        else:
            click.echo(messages("validate.clean", ledger=name))
    if errors:
        raise SystemExit(EXIT_ERRORS)
