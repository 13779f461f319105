"""`mch-ledger verify-pack PACK LEDGER`: does an inspection pack match the books?

Exit status: 0 the pack matches the books, 1 it does not (each difference is named), 2 the pack
or the ledger cannot be read.
"""

from __future__ import annotations

from pathlib import Path

import click

from commands.errors import Refusal, speak
from commands.validate import UnreadableLedger, format_table
from ledger.i18n import LANGUAGES, Catalogue, choose_language
from ledger.loading import UnreadableLedgerError, load_ledger
from reports.verify_pack import UnreadablePackError, verify_pack

EXIT_MISMATCH = 1
EXIT_UNREADABLE = 2


class UnreadablePack(Refusal):
    """The pack cannot be read: exit status 2."""

    exit_code = EXIT_UNREADABLE


@click.command("verify-pack")
@click.argument("pack", type=click.Path(exists=True, path_type=Path))
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Messages in Chinese or English (default: the ledger's language).",
)
def verify_pack_command(pack: Path, ledger: Path, lang: str | None) -> None:
    """Check the inspection PACK (a .zip or a folder) against the books of LEDGER.

    The pack must be intact (its SHA256SUMS), its year closed and sealed with the seal the
    pack carries, the books still as sealed, its voucher copies the sealed ones, and the year's
    self-evaluation in the books the one the pack carries.
    """
    try:
        loaded = load_ledger(ledger)
    except UnreadableLedgerError as error:
        raise UnreadableLedger(str(error)) from error
    language = choose_language(loaded.grant.config.language, lang)
    msg = Catalogue(language)
    speak(language)
    try:
        verdict = verify_pack(pack, loaded, language)
    except UnreadablePackError as error:
        raise UnreadablePack(str(error)) from error
    if verdict.findings:
        click.echo(format_table(verdict.findings, msg))
    for problem in verdict.problems:
        click.echo(f"- {problem}")
    for note in verdict.notes:
        click.echo(f"({note})")
    if verdict.matches:
        click.echo(msg("verify.matches", pack=pack, year=verdict.year, seal=verdict.seal))
        return
    click.echo(msg("verify.differs", pack=pack, year=verdict.year))
    raise SystemExit(EXIT_MISMATCH)
