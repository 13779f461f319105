"""`mch-ledger import identify|extract|archive`: bank statements into the ledger.

beangulp's own commands (`beangulp.Ingest`) do not fit as they are: `extract` loads the ledger
through Beancount's pickle cache, prints duplicates instead of leaving them out, truncates its
`-o` target, and skips files it does not identify (or over 8 MiB) without an error. So these
commands are thin click wrappers over beangulp's machinery (`extract.print_extracted_entries`,
`archive.filepath` and `archive.move`) with our importers: the ledger is loaded uncached, an
unknown layout is an error listing the columns seen and the profiles tried, and `--append`
writes only once every statement was read without error.

`--append` holds the ledger's lock (`ledger.locking`) from reading the ledger to writing it, so
two imports at once (or an import and a close) never number from the same voucher nor add a
row twice: the second one reads the books as the first left them. It writes the file a symlink
points to, and a file that cannot be written is one line naming it, exit 2.

Every message is the catalogue's (`ledger/i18n/imports.py`), in the ledger's language unless
`--lang` says otherwise.
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
from beangulp.exceptions import Error as BeangulpError

from commands.errors import Refusal, speak
from importers.errors import StatementError
from importers.importer import DUPLICATE, StatementImporter, balance_point, ledger_setup
from importers.profiles import load_profiles
from importers.statement import Statement, unknown_layout
from ledger.atomic import append_atomically
from ledger.i18n import DEFAULT_LANGUAGE, LANGUAGES, Catalogue, choose_language, money
from ledger.loading import LoadedLedger, UnreadableLedgerError, load_ledger
from ledger.locking import DEFAULT_TIMEOUT, LedgerBusyError, ledger_lock, lock_path

#: How long `--append` waits for another writer of the books, in seconds.
LOCK_TIMEOUT = DEFAULT_TIMEOUT

STATEMENTS = click.argument(
    "statements", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False)
)
ACCOUNT = click.option(
    "--account",
    help="The ledger account the statements belong to, for statements that print no account "
    "number (one that prints it must print this account's).",
)
LANG = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Messages in Chinese or English (default: the ledger's language).",
)
# `--profiles DIR` replaced the shipped profiles and only the command line knew it: the ledger
# names its own profiles now (`import-profiles`), for the command line and Fava alike.
PROFILES_GONE = click.option("--profiles", "profiles_gone", hidden=True)


def ledger_option(help_text: str, required: bool = True) -> Callable:
    """The `--ledger LEDGER` option, with what the command reads from the ledger."""
    return click.option(
        "--ledger",
        required=required,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=help_text,
    )


class LedgerUnreadable(Refusal):
    """The ledger cannot be read: exit 2."""

    exit_code = 2


class ProfilesGone(Refusal):
    """The old `--profiles DIR` option: a usage error (exit 2) saying to use the directive."""

    exit_code = 2


class LedgerNotWritten(click.ClickException):
    """The ledger cannot be written (read-only, full disk, locked by another writer): exit 2."""

    exit_code = 2

    def __init__(self, message: str, messages: Catalogue) -> None:
        super().__init__(message)
        self.messages = messages

    def show(self, file: object = None) -> None:
        """One line, as the importer's other errors: `error: …` in the ledger's language."""
        click.secho(self.messages("import.cli.error", message=self.message), fg="red", err=True)


def _load(ledger: Path) -> LoadedLedger:
    try:
        return load_ledger(ledger)
    except UnreadableLedgerError as error:
        raise LedgerUnreadable(str(error)) from None


def _start(
    ledger: Path | None, lang: str | None, profiles_gone: str | None
) -> tuple[LoadedLedger | None, Catalogue]:
    """The loaded ledger (if any) and the catalogue in the language to speak."""
    loaded = _load(ledger) if ledger is not None else None
    language = loaded.grant.config.language if loaded is not None else DEFAULT_LANGUAGE
    messages = Catalogue(choose_language(language, lang))
    speak(messages.language)
    if profiles_gone is not None:
        raise ProfilesGone(messages("import.cli.profiles-gone"))
    return loaded, messages


def _report(errors: list[StatementError | str], messages: Catalogue) -> None:
    for error in errors:
        text = error.say(messages) if isinstance(error, StatementError) else error
        click.secho(messages("import.cli.error", message=text), fg="red", err=True)


def _importers(
    loaded: LoadedLedger | None, account: str | None, messages: Catalogue
) -> list[StatementImporter]:
    """One importer per profile: the shipped ones, and the ledger's own with a ledger."""
    try:
        if loaded is None:
            return [StatementImporter(profile) for profile in load_profiles()]
        profiles = ledger_setup(lambda: loaded).profiles
    except StatementError as error:
        _report([error], messages)
        sys.exit(1)
    return [StatementImporter(profile, lambda: loaded, account=account) for profile in profiles]


def _identify(importers: list[StatementImporter], path: str) -> StatementImporter:
    """The one importer of the statement at `path`.

    Raises:
        StatementError: no profile reads the file (listing the columns seen and the profiles),
            several do, or the file cannot be read.
    """
    found = [importer for importer in importers if importer.identify(path)]
    if len(found) > 1:
        names = ", ".join(importer.name for importer in found)
        raise StatementError(path, "import.several-profiles", profiles=names)
    if not found:
        raise unknown_layout(path, [importer.profile for importer in importers])
    return found[0]


@click.group("import")
def import_group() -> None:
    """Import the dedicated account's bank statements (CSV, .xls, .xlsx)."""


@import_group.command("identify")
@STATEMENTS
@ledger_option("The ledger, to show the account each statement belongs to.", required=False)
@ACCOUNT
@LANG
@PROFILES_GONE
def identify_command(
    statements: tuple[str, ...],
    ledger: Path | None,
    account: str | None,
    lang: str | None,
    profiles_gone: str | None,
) -> None:
    """Say which bank profile reads each STATEMENT (and its account, with --ledger)."""
    loaded, messages = _start(ledger, lang, profiles_gone)
    importers = _importers(loaded, account, messages)
    errors: list[StatementError | str] = []
    for path in statements:
        try:
            importer = _identify(importers, path)
            statement = importer.statement(path)
            target = importer.account(path) if loaded else messages("import.cli.no-ledger")
        except StatementError as error:
            errors.append(error)
            continue
        profile = importer.profile
        click.echo(
            messages(
                "import.cli.identified",
                path=path,
                importer=importer.name,
                bank=profile.bank,
                name=profile.name,
                number=statement.account_number or messages("import.cli.no-number"),
                account=target,
                rows=len(statement.rows),
                first=statement.first_date,
                last=statement.last_date,
            )
        )
    _report(errors, messages)
    if errors:
        sys.exit(1)


@import_group.command("extract")
@STATEMENTS
@ledger_option("The ledger: accounts, import rules, vouchers and duplicates come from it.")
@click.option(
    "--append",
    "append_to",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Add the new entries to this file (the ledger or one it includes), atomically, "
    "holding the ledger's lock.",
)
@ACCOUNT
@LANG
@PROFILES_GONE
def extract_command(
    statements: tuple[str, ...],
    ledger: Path,
    append_to: Path | None,
    account: str | None,
    lang: str | None,
    profiles_gone: str | None,
) -> None:
    """Extract the new entries of each STATEMENT: print them, or add them with --append.

    Rows already in the ledger (same bank reference; without one, same date, amount,
    counterparty and running balance) are left out; with several statements, a row in two of
    them is taken once. Nothing is written unless every statement reads without error.
    """
    if append_to is None:
        loaded, messages = _start(ledger, lang, profiles_gone)
        extracted = _extract(loaded, statements, account, messages)
        beangulp_extract.print_extracted_entries(
            [(path, new, target, importer) for path, new, target, importer, _ in extracted],
            sys.stdout,
        )
        return
    messages = Catalogue(choose_language(DEFAULT_LANGUAGE, lang))
    target = append_to.resolve()  # a symlink stays a link: its target is written
    try:
        # Read the books, find duplicates, number vouchers and write, all under the lock: a
        # second import waits, then reads what this one wrote.
        with ledger_lock(ledger, timeout=LOCK_TIMEOUT):
            loaded, messages = _start(ledger, lang, profiles_gone)
            extracted = _extract(loaded, statements, account, messages)
            text = _appendable(extracted, messages)
            if not text:
                click.echo(messages("import.cli.nothing-new", path=append_to), err=True)
                return
            backup = append_atomically(target, text)
    except LedgerBusyError:
        busy = messages(
            "import.cli.busy", path=ledger, lock=lock_path(ledger), seconds=f"{LOCK_TIMEOUT:.0f}"
        )
        raise LedgerNotWritten(busy, messages) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        failed = messages("import.cli.cannot-write", path=append_to, reason=reason)
        raise LedgerNotWritten(failed, messages) from None
    click.echo(messages("import.cli.appended", path=append_to, backup=backup), err=True)


Extracted = tuple[str, list[data.Directive], str, StatementImporter, Statement]


def _extract(
    loaded: LoadedLedger | None,
    statements: tuple[str, ...],
    account: str | None,
    messages: Catalogue,
) -> list[Extracted]:
    """Each statement's entries against the ledger, oldest statement first; exit 1 on errors."""
    assert loaded is not None
    importers = _importers(loaded, account, messages)
    errors: list[StatementError | str] = []
    found = []
    for path in statements:
        try:
            importer = _identify(importers, path)
            found.append((importer.statement(path), path, importer))
        except StatementError as error:
            errors.append(error)
    # Oldest statement first, so voucher numbers follow the dates across statements.
    found.sort(key=lambda item: (item[0].first_date, item[0].last_date, item[1]))
    existing = list(loaded.entries)
    extracted: list[Extracted] = []
    for statement, path, importer in found:
        try:
            new = importer.extract(path, existing)
            importer.sort(new)
            target = importer.account(path)
        except StatementError as error:
            errors.append(error)
            continue
        existing.extend(entry for entry in new if DUPLICATE not in entry.meta)
        extracted.append((path, new, target, importer, statement))
    if errors:
        _report(errors, messages)
        click.echo(messages("import.cli.nothing-written"), err=True)
        sys.exit(1)
    for path, new, _, _, statement in extracted:
        fresh = sum(1 for e in new if DUPLICATE not in e.meta and isinstance(e, data.Transaction))
        known = sum(1 for e in new if DUPLICATE in e.meta and isinstance(e, data.Transaction))
        click.echo(messages("import.cli.summary", path=path, fresh=fresh, known=known), err=True)
        _say_balance(path, statement, messages)
    return extracted


def _say_balance(path: str, statement: Statement, messages: Catalogue) -> None:
    """Say so when the closing balance is not asserted because the last day may go on."""
    point = balance_point(statement)
    if point.closing:
        return
    if statement.printed is not None:
        why = messages("import.cli.printed-same-day", printed=statement.printed)
    else:
        why = messages("import.cli.not-printed", date=statement.last_date)
    click.echo(
        messages(
            "import.cli.day-start",
            path=path,
            amount=money(point.number, statement.currency),
            date=point.date,
            why=why,
        ),
        err=True,
    )


def _appendable(extracted: list[Extracted], messages: Catalogue) -> str:
    """The new entries as ledger text, a comment naming each statement, duplicates left out."""
    parts = []
    for path, new, _, _, _ in extracted:
        fresh = [entry for entry in new if DUPLICATE not in entry.meta]
        if fresh:
            body = "\n".join(printer.format_entry(entry) for entry in fresh)
            parts.append(messages("import.cli.comment", name=Path(path).name) + "\n" + body)
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
@ACCOUNT
@LANG
@PROFILES_GONE
def archive_command(
    statements: tuple[str, ...],
    ledger: Path,
    destination: Path | None,
    dry_run: bool,
    overwrite: bool,
    account: str | None,
    lang: str | None,
    profiles_gone: str | None,
) -> None:
    """File each STATEMENT under DOCUMENTS/<account>/<last day>.<profile>.<period>.<ext>.

    Beancount's documents plugin (and Fava's account page) then list the statement with the
    account. Nothing moves unless every statement is identified and has a free place.
    """
    loaded, messages = _start(ledger, lang, profiles_gone)
    assert loaded is not None
    if destination is None:
        folders = loaded.options_map.get("documents") or []
        if not folders:
            raise Refusal(messages("import.cli.no-documents", ledger=ledger))
        destination = (ledger.resolve().parent / folders[0]).resolve()
    importers = _importers(loaded, account, messages)
    errors: list[StatementError | str] = []
    moves: list[tuple[str, Path]] = []
    for path in statements:
        try:
            importer = _identify(importers, path)
            target = destination / beangulp_archive.filepath(importer, path)
        except StatementError as error:
            errors.append(error)
            continue
        except BeangulpError as error:
            reason = " ".join(str(arg) for arg in error.args)
            errors.append(messages("import.cli.archive-error", path=path, error=reason))
            continue
        if any(target == other for _, other in moves):
            errors.append(messages("import.cli.same-place", path=path, target=target))
        elif target.exists() and not overwrite:
            errors.append(messages("import.cli.exists", path=path, target=target))
        else:
            moves.append((path, target))
    if errors:
        _report(errors, messages)
        click.echo(messages("import.cli.nothing-moved"), err=True)
        sys.exit(1)
    for path, target in moves:
        click.echo(f"{path} -> {target}")
        if dry_run:
            continue
        try:
            beangulp_archive.move(path, str(target))
        except OSError as error:
            reason = error.strerror or type(error).__name__
            failed = messages("import.cli.cannot-move", path=path, target=target, reason=reason)
            raise LedgerNotWritten(failed, messages) from None
