"""`mch-ledger validate`: the grant rules' and Beancount's findings, as a table or JSON.

Exit status: 0 when no finding is an error; 1 when one is, or when `--year` names a year the
books do not cover; 2 when the ledger cannot be read; 3 when it declares no grant (nothing was
checked against the grant's rules, so the books have not passed). With `--format json` such a
ledger gets an object, not the array of findings a tool would take for clean books:
`{"grant": false, "error": WHY, "findings": [Beancount's own findings]}`.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import click

from commands.errors import Refusal, speak
from ledger.findings import Finding, display_path, for_year, ledger_findings, summary
from ledger.i18n import Catalogue
from ledger.loading import LoadedLedger, UnreadableLedgerError, load_ledger

EXIT_ERRORS = 1
EXIT_UNREADABLE = 2
EXIT_NO_GRANT = 3

#: The table's columns (catalogue keys `validate.column-KEY`).
COLUMNS = ("where", "date", "severity", "rule", "message")


class UnreadableLedger(Refusal):
    """The ledger cannot be read: exit status 2."""

    exit_code = EXIT_UNREADABLE


class NoGrant(Refusal):
    """The ledger declares no grant: nothing to check it against, exit status 3."""

    exit_code = EXIT_NO_GRANT


class YearNotCovered(Refusal):
    """`--year` names a fiscal year the books do not cover: exit status 1."""

    exit_code = EXIT_ERRORS


def _width(text: str) -> int:
    """Terminal columns `text` takes: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def format_table(findings: list[Finding], messages: Catalogue) -> str:
    """Findings as an aligned text table: where, date, severity, rule, message.

    `validate`, `close` and `verify-pack` print their findings with it, in the words of the
    ledger's language.

    Args:
        findings: the findings to list.
        messages: the words of the header and the severities.
    """
    t = messages
    rows = [
        (
            display_path(f.file) + (f":{f.line}" if f.line else "") if f.file else "-",
            f.date.isoformat() if f.date else "-",
            t(f.severity),
            f.rule,
            f.text,
        )
        for f in findings
    ]
    header = tuple(t(f"validate.column-{key}") for key in COLUMNS)
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = [
        "  ".join(
            [
                *(
                    cell + " " * (width - _width(cell))
                    for cell, width in zip(row[:4], widths, strict=True)
                ),
                row[4],
            ]
        )
        for row in [header, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


def span_text(messages: Catalogue, years: list[int]) -> str:
    """The fiscal years the books cover, as a phrase (2024—2026年度)."""
    if not years:
        return messages("validate.no-years")
    if len(years) == 1:
        return messages("of-year", year=years[0])
    return messages("all-years", first=years[0], last=years[-1])


def check_grant_and_year(loaded: LoadedLedger, year: int | None, messages: Catalogue) -> None:
    """Refuse a ledger that declares no grant, and a year its books do not cover.

    Raises:
        NoGrant: the ledger declares no grant.
        YearNotCovered: the books do not cover `year`.
    """
    if not loaded.grant.is_grant_ledger:
        raise NoGrant(messages("no-grant", ledger=display_path(str(loaded.path))))
    years = list(loaded.grant.books)
    if year is not None and year not in years:
        raise YearNotCovered(
            messages("validate.no-year", year=year, span=span_text(messages, years))
        )


@click.command("validate")
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a readable table; json: an array of findings (for a ledger that declares no "
    'grant, an object: {"grant": false, "error": ..., "findings": [...]}).',
)
@click.option("--year", type=int, help="Only findings about this fiscal year.")
def validate_command(ledger: Path, output_format: str, year: int | None) -> None:
    """Check LEDGER against the grant's rules and Beancount's own checks."""
    try:
        loaded = load_ledger(ledger)
    except UnreadableLedgerError as error:
        raise UnreadableLedger(str(error)) from error
    messages = loaded.grant.messages
    speak(messages.language)
    findings = ledger_findings(loaded, hash_copies=True)
    if not loaded.grant.is_grant_ledger:
        # Beancount's own findings are still worth showing; then say why nothing else was.
        if output_format == "json":
            _show_no_grant_json(findings, messages, loaded)
        elif findings:
            _show(findings, output_format, messages, loaded, None)
    check_grant_and_year(loaded, year, messages)
    errors, _ = _show(for_year(findings, year), output_format, messages, loaded, year)
    if errors:
        raise SystemExit(EXIT_ERRORS)


def _show_no_grant_json(findings: list[Finding], messages: Catalogue, loaded: LoadedLedger) -> None:
    """What JSON says of a ledger that declares no grant: an object, never a (clean) array."""
    report = {
        "grant": False,
        "error": messages("no-grant", ledger=display_path(str(loaded.path))),
        "findings": [f.as_json() for f in findings],
    }
    click.echo(json.dumps(report, ensure_ascii=False, indent=2))


def _show(
    findings: list[Finding],
    output_format: str,
    messages: Catalogue,
    loaded: LoadedLedger,
    year: int | None,
) -> tuple[int, int]:
    """Print the findings as JSON or as a table with a summary naming the year checked."""
    errors, warnings = summary(findings)
    if output_format == "json":
        click.echo(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
        return errors, warnings
    name = display_path(str(loaded.path))
    scope = messages("of-year", year=year) if year is not None else messages("validate.all-years")
    if findings:
        click.echo(format_table(findings, messages))
        click.echo()
        click.echo(
            messages("validate.summary", errors=errors, warnings=warnings, ledger=name, scope=scope)
        )
    else:
        click.echo(messages("validate.clean", ledger=name, scope=scope))
    return errors, warnings
