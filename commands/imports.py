"""`mch-ledger import identify|extract|archive`: bank statements into the ledger.

beangulp's own commands (`beangulp.Ingest`) do not fit as they are: `extract` loads the ledger
through Beancount's pickle cache, prints duplicates instead of leaving them out, truncates its
`-o` target, and skips files it does not identify (or over 8 MiB) without an error. So these
commands are thin click wrappers over beangulp's machinery (`identify.identify`,
`extract.print_extracted_entries`, `archive.filepath` and `archive.move`) with our importers:
the ledger is loaded uncached, an unknown layout is an error listing the columns seen and the
profiles tried, and `--append` writes only once every statement was read without error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
from beancount.core import data
from beancount.parser import printer
from beangulp import archive as beangulp_archive
from beangulp import extract as beangulp_extract
from beangulp import identify as beangulp_identify
from beangulp.exceptions import Error as BeangulpError

from importers.errors import StatementError
from importers.importer import DUPLICATE, StatementImporter
from importers.profiles import PROFILES_DIR, load_profiles
from importers.statement import unknown_layout
from ledger.atomic import append_atomically
from ledger.loading import LoadedLedger, UnreadableLedgerError, load_ledger

STATEMENTS = click.argument(
    "statements", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False)
)
PROFILES = click.option(
    "--profiles",
    "profiles_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=PROFILES_DIR,
    show_default=True,
    help="Folder of bank profiles (*.toml).",
)


def ledger_option(help_text: str, required: bool = True) -> Callable:
    """The `--ledger LEDGER` option, with what the command reads from the ledger."""
    return click.option(
        "--ledger",
        required=required,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=help_text,
    )


class LedgerUnreadable(click.ClickException):
    """The ledger cannot be read: exit 2."""

    exit_code = 2


def _load(ledger: Path) -> LoadedLedger:
    try:
        return load_ledger(ledger)
    except UnreadableLedgerError as error:
        raise LedgerUnreadable(str(error)) from None


def _importers(profiles_dir: Path, loaded: LoadedLedger | None) -> list[StatementImporter]:
    try:
        profiles = load_profiles(profiles_dir)
    except StatementError as error:
        raise click.ClickException(str(error)) from None
    source = (lambda: loaded) if loaded is not None else None
    return [StatementImporter(profile, source) for profile in profiles]


def _identify(importers: list[StatementImporter], path: str) -> StatementImporter:
    """The one importer of the statement at `path`.

    Raises:
        StatementError: no profile reads the file (listing the columns seen and the profiles),
            or the file cannot be read.
    """
    try:
        importer = beangulp_identify.identify(importers, path)
    except BeangulpError as error:
        raise StatementError(path, " ".join(str(arg) for arg in error.args)) from None
    if importer is None:
        raise unknown_layout(path, [importer.profile for importer in importers])
    return importer


def _report(errors: list[str]) -> None:
    for message in errors:
        click.secho(f"error: {message}", fg="red", err=True)


@click.group("import")
def import_group() -> None:
    """Import the dedicated account's bank statements (CSV, .xls, .xlsx)."""


@import_group.command("identify")
@STATEMENTS
@ledger_option("The ledger, to show the account each statement belongs to.", required=False)
@PROFILES
def identify_command(statements: tuple[str, ...], ledger: Path | None, profiles_dir: Path) -> None:
    """Say which bank profile reads each STATEMENT (and its account, with --ledger)."""
    importers = _importers(profiles_dir, _load(ledger) if ledger else None)
    errors = []
    for path in statements:
        try:
            importer = _identify(importers, path)
            statement = importer.statement(path)
            account = importer.account(path) if ledger else "(no --ledger)"
        except StatementError as error:
            errors.append(str(error))
            continue
        click.echo(
            f"{path}: {importer.name} ({importer.profile.bank} {importer.profile.name}), "
            f"account {statement.account_number} -> {account}, "
            f"{len(statement.rows)} rows {statement.first_date} to {statement.last_date}"
        )
    _report(errors)
    if errors:
        sys.exit(1)


@import_group.command("extract")
@STATEMENTS
@ledger_option("The ledger: accounts, import rules, vouchers and duplicates come from it.")
@click.option(
    "--append",
    "append_to",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Add the new entries to this file (the ledger or one it includes), atomically.",
)
@PROFILES
def extract_command(
    statements: tuple[str, ...], ledger: Path, append_to: Path | None, profiles_dir: Path
) -> None:
    """Extract the new entries of each STATEMENT: print them, or add them with --append.

    Rows already in the ledger (same bank reference; without one, same date, amount,
    counterparty and running balance) are left out; with several statements, a row in two of
    them is taken once. Nothing is written unless every statement reads without error.
    """
    loaded = _load(ledger)
    importers = _importers(profiles_dir, loaded)
    errors = []
    found = []
    for path in statements:
        try:
            importer = _identify(importers, path)
            found.append((importer.statement(path), path, importer))
        except StatementError as error:
            errors.append(str(error))
    # Oldest statement first, so voucher numbers follow the dates across statements.
    found.sort(key=lambda item: (item[0].first_date, item[0].last_date, item[1]))
    existing = list(loaded.entries)
    extracted = []
    for _, path, importer in found:
        try:
            new = importer.extract(path, existing)
            importer.sort(new)
            account = importer.account(path)
        except StatementError as error:
            errors.append(str(error))
            continue
        existing.extend(entry for entry in new if DUPLICATE not in entry.meta)
        extracted.append((path, new, account, importer))
    if errors:
        _report(errors)
        click.echo("nothing written: correct the statements above and run again", err=True)
        sys.exit(1)
    for path, new, _, _ in extracted:
        fresh = sum(1 for e in new if DUPLICATE not in e.meta and isinstance(e, data.Transaction))
        known = sum(1 for e in new if DUPLICATE in e.meta and isinstance(e, data.Transaction))
        click.echo(f"{path}: {fresh} new, {known} already in the ledger", err=True)
    if append_to is None:
        beangulp_extract.print_extracted_entries(extracted, sys.stdout)
        return
    text = _appendable(extracted)
    if not text:
        click.echo(f"{append_to}: nothing new to add", err=True)
        return
    backup = append_atomically(append_to, text)
    click.echo(f"{append_to}: entries added (previous version kept as {backup})", err=True)


def _appendable(extracted: list) -> str:
    """The new entries as ledger text, a comment naming each statement, duplicates left out."""
    parts = []
    for path, new, _, _ in extracted:
        fresh = [entry for entry in new if DUPLICATE not in entry.meta]
        if fresh:
            body = "\n".join(printer.format_entry(entry) for entry in fresh)
            parts.append(f"; imported from {Path(path).name} (mch-ledger import)\n{body}")
    return "\n".join(parts)


@import_group.command("archive")
@STATEMENTS
@ledger_option("The ledger: the statement's account and the documents folder come from it.")
@click.option(
    "--destination",
    type=click.Path(file_okay=False, path_type=Path),
    help="Documents folder to file under (default: the ledger's `documents` option).",
)
@click.option("--dry-run", "-n", is_flag=True, help="Only print where each file would go.")
@click.option("--overwrite", is_flag=True, help="Replace a file already filed under that name.")
@PROFILES
def archive_command(
    statements: tuple[str, ...],
    ledger: Path,
    destination: Path | None,
    dry_run: bool,
    overwrite: bool,
    profiles_dir: Path,
) -> None:
    """File each STATEMENT under DOCUMENTS/<account>/<last day>.<profile>.<period>.<ext>.

    Beancount's documents plugin (and Fava's account page) then list the statement with the
    account. Nothing moves unless every statement is identified and has a free place.
    """
    loaded = _load(ledger)
    if destination is None:
        folders = loaded.options_map.get("documents") or []
        if not folders:
            raise click.ClickException(
                f'{ledger} sets no `option "documents"`: give --destination DIR'
            )
        destination = (ledger.resolve().parent / folders[0]).resolve()
    importers = _importers(profiles_dir, loaded)
    errors = []
    moves: list[tuple[str, Path]] = []
    for path in statements:
        try:
            importer = _identify(importers, path)
            target = destination / beangulp_archive.filepath(importer, path)
        except (StatementError, BeangulpError) as error:
            errors.append(str(error))
            continue
        if any(target == other for _, other in moves):
            errors.append(f"{path}: would be filed as {target} like another statement")
        elif target.exists() and not overwrite:
            errors.append(f"{path}: {target} exists already (use --overwrite to replace it)")
        else:
            moves.append((path, target))
    if errors:
        _report(errors)
        click.echo("nothing moved", err=True)
        sys.exit(1)
    for path, target in moves:
        click.echo(f"{path} -> {target}")
        if not dry_run:
            beangulp_archive.move(path, str(target))
