"""`mch-ledger close YEAR LEDGER`: the year-end close, appended safely to the ledger, and sealed.

Under the ledger's lock (`ledger.locking`), so no import or other close interleaves: the ledger
is read, the close checked, the year's seal file written and the `grant-close` appended, then
the ledger read again; if the close does not hold, both are put back. Exit status: 0 closed,
1 refused (the message says why), 2 the ledger cannot be read or written (a read-only folder, a
full disk, another writer holding the lock): one line naming the file, nothing changed.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from pathlib import Path

import click

from commands.validate import UnreadableLedger, format_table
from ledger.atomic import append_atomically, replace_atomically, write_atomically
from ledger.findings import display_path, ledger_findings
from ledger.i18n import Catalogue
from ledger.loading import LoadedLedger, UnreadableLedgerError, load_ledger
from ledger.locking import LedgerBusyError, ledger_lock, lock_path
from ledger.model import FIRST_YEAR, LAST_YEAR
from ledger.year_end import (
    CloseRefusedError,
    SealPlan,
    insert_after_line,
    prepare_close,
    prepare_seal,
)

EXIT_UNWRITABLE = 2


class CloseRefused(click.ClickException):
    """The year cannot be closed yet."""


class CannotWrite(click.ClickException):
    """The ledger or its seal cannot be written: exit status 2, nothing changed."""

    exit_code = EXIT_UNWRITABLE


def _write_failed(msg: Catalogue, path: Path, error: OSError) -> CannotWrite:
    reason = error.strerror or str(error)
    return CannotWrite(msg("write.failed", file=display_path(str(path)), reason=reason))


def _restore(path: Path, previous: bytes | None) -> None:
    """Put a file back as it was (`None`: it did not exist, nor maybe its folder)."""
    if previous is None:
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only if the close made it: a folder with files stays
    else:
        write_atomically(path, previous)


def _written_with_seal(
    msg: Catalogue, ledger: Path, seal: SealPlan, change: Callable[[], Path]
) -> tuple[Path, bytes | None]:
    """Write the seal file, then change the ledger; both or neither.

    Returns:
        The ledger's backup, and the seal file's previous content (None if it is new).
    """
    previous = seal.path.read_bytes() if seal.path.is_file() else None
    try:
        seal.path.parent.mkdir(exist_ok=True)
        write_atomically(seal.path, seal.text.encode("utf-8"))
    except OSError as error:
        raise _write_failed(msg, seal.path, error) from error
    try:
        backup = change()
    except OSError as error:
        _restore(seal.path, previous)
        raise _write_failed(msg, ledger, error) from error
    except BaseException:
        _restore(seal.path, previous)
        raise
    return backup, previous


def _held(
    msg: Catalogue,
    loaded: LoadedLedger,
    year: int,
    written: Path,
    backup: Path,
    seal: SealPlan,
    old: bytes | None,
) -> None:
    """Read the ledger again: if the year now has errors, put the file written and seal back."""
    reloaded = load_ledger(loaded.path)
    broken = [f for f in ledger_findings(reloaded) if f.is_error and f.year == year]
    if broken:
        replace_atomically(written, backup.read_text(encoding="utf-8"))
        _restore(seal.path, old)
        click.echo(format_table(broken, msg), err=True)
        raise CloseRefused(msg("close.did-not-hold", year=year))


def _close(
    loaded: LoadedLedger,
    msg: Catalogue,
    year: int,
    day: datetime.date,
    reason: str | None,
) -> None:
    plan = prepare_close(loaded, year, day, reason=reason)
    backup, old = _written_with_seal(
        msg, loaded.path, plan.seal, lambda: append_atomically(loaded.path, plan.text)
    )
    _held(msg, loaded, year, loaded.path, backup, plan.seal, old)
    click.echo(plan.text, nl=False)
    click.echo(
        msg(
            "close.done",
            year=year,
            ledger=display_path(str(loaded.path)),
            backup=display_path(str(backup)),
            seal_file=display_path(str(plan.seal.path)),
            seal=plan.seal.digest,
        )
    )


def _seal(loaded: LoadedLedger, msg: Catalogue, year: int) -> None:
    plan = prepare_seal(loaded, year)

    def insert() -> Path:
        text = plan.file.read_text(encoding="utf-8")
        return replace_atomically(plan.file, insert_after_line(text, plan.line, plan.lines))

    backup, old = _written_with_seal(msg, plan.file, plan.seal, insert)
    _held(msg, loaded, year, plan.file, backup, plan.seal, old)
    click.echo(
        msg(
            "close.sealed",
            year=year,
            seal_file=display_path(str(plan.seal.path)),
            seal=plan.seal.digest,
            ledger=display_path(str(plan.file)),
            backup=display_path(str(backup)),
        )
    )


@click.command("close")
@click.argument("year", type=click.IntRange(FIRST_YEAR, LAST_YEAR))
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the close (default: today), from the year's last day up to today.",
)
@click.option(
    "--reason",
    help="Close although the books stop short of the year end; the close records why.",
)
@click.option(
    "--seal",
    "seal_only",
    is_flag=True,
    help="Seal YEAR's existing close, made before closes were sealed (figures must still hold).",
)
def close_command(
    year: int, ledger: Path, day: datetime.datetime | None, reason: str | None, seal_only: bool
) -> None:
    """Close fiscal YEAR of LEDGER: append its grant-close with the year's figures and seal.

    Refuses while the year has error findings, an earlier year is open, the date is after
    today, or the books stop short of the year end (unless --reason says why). The seal file
    goes to seals/YEAR.tsv in the documents folder (else beside the ledger); the ledger is
    written beside and renamed, its previous version kept as LEDGER.bak.
    """
    try:
        with ledger_lock(ledger):
            try:
                loaded = load_ledger(ledger)
            except UnreadableLedgerError as error:
                raise UnreadableLedger(str(error)) from error
            msg = Catalogue(loaded.grant.config.language)
            try:
                if seal_only:
                    if day is not None or reason is not None:
                        raise CloseRefusedError(msg("close.seal-with-options"))
                    _seal(loaded, msg, year)
                else:
                    _close(loaded, msg, year, day.date() if day else datetime.date.today(), reason)
            except CloseRefusedError as refused:
                if refused.findings:
                    click.echo(format_table(refused.findings, msg), err=True)
                raise CloseRefused(str(refused)) from refused
    except LedgerBusyError as error:
        raise CannotWrite(str(error)) from error
    except OSError as error:
        # The lock file itself cannot be made (a read-only folder, a full disk).
        path = Path(error.filename) if error.filename else lock_path(ledger)
        raise _write_failed(Catalogue("en"), path, error) from error
