"""`mch-ledger close YEAR LEDGER`: the year-end close, appended safely to the ledger."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from commands.validate import UnreadableLedger, format_table
from ledger.atomic import append_atomically, replace_atomically
from ledger.findings import display_path, ledger_findings
from ledger.loading import UnreadableLedgerError, load_ledger
from ledger.year_end import CloseRefusedError, prepare_close


class CloseRefused(click.ClickException):
    """The year cannot be closed yet."""


@click.command("close")
@click.argument("year", type=int)
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the close (default: today), on or after the year's last day.",
)
def close_command(year: int, ledger: Path, day: datetime.datetime | None) -> None:
    """Close fiscal YEAR of LEDGER: append its grant-close with the year's closing figures.

    Refuses while the year has error findings. The ledger is written beside and renamed; its
    previous version is kept as LEDGER.bak.
    """
    close_day = day.date() if day else datetime.date.today()
    try:
        loaded = load_ledger(ledger)
    except UnreadableLedgerError as error:
        raise UnreadableLedger(str(error)) from error
    try:
        text = prepare_close(loaded, year, close_day)
    except CloseRefusedError as refused:
        if refused.findings:
            click.echo(format_table(refused.findings), err=True)
        raise CloseRefused(str(refused)) from refused

    backup = append_atomically(loaded.path, text)
    # The books must now hold to the figures just written; if not, put the ledger back.
    reloaded = load_ledger(loaded.path)
    broken = [f for f in ledger_findings(reloaded) if f.is_error and f.year == year]
    if broken:
        replace_atomically(loaded.path, backup.read_text(encoding="utf-8"))
        click.echo(format_table(broken), err=True)
        raise CloseRefused(f"the close of {year} did not hold; the ledger was left unchanged")
    click.echo(text, nl=False)
    click.echo(
        f"closed {year}: appended to {display_path(str(loaded.path))} "
        f"(previous version: {display_path(str(backup))})"
    )
