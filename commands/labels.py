"""`mch-ledger labels LEDGER`: printable asset labels with a QR code of each card number.

The page is written whole or not at all (through a temporary file renamed into place), else
printed to standard output. Exit status 0 when the labels were made, 1 when refused (no
register, a register that does not read, a card number in no register), 2 when the ledger
cannot be read or the page cannot be written (one line naming the file), 3 when it declares no
grant (as `validate`).
"""

from __future__ import annotations

from pathlib import Path

import click

from commands.errors import Refusal, speak
from commands.validate import NoGrant
from ledger.atomic import write_atomically
from ledger.findings import display_path
from ledger.i18n import LANGUAGES, Catalogue, choose_language
from ledger.loading import UnreadableLedgerError, load_ledger

EXIT_UNREADABLE = 2
EXIT_UNWRITABLE = 2


class UnwritableOutput(Refusal):
    """The page cannot be written where asked (a missing or read-only folder, a full disk)."""

    exit_code = EXIT_UNWRITABLE


@click.command("labels")
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--year",
    type=int,
    help="Only the cards paid, received or changed in this fiscal year and in use at its end.",
)
@click.option(
    "--card", "cards", multiple=True, help="Only this card number (repeat for more cards)."
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML page to this file instead of standard output.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Words in Chinese or English (default: the ledger's language).",
)
def labels_command(
    ledger: Path, year: int | None, cards: tuple[str, ...], output: Path | None, lang: str | None
) -> None:
    """Print labels (资产标签) for the cards of LEDGER's asset register, with QR codes.

    Without --year or --card: every card in use; with --year: the year's cards in use at its
    end. Open the page in a browser and print it on A4.
    """
    from reports.asset_labels import UnknownCardsError, labelled_cards, render_labels

    try:
        loaded = load_ledger(ledger)
    except UnreadableLedgerError as error:
        click.echo(f"Error: {error}", err=True)
        raise SystemExit(EXIT_UNREADABLE) from error
    messages = Catalogue(choose_language(loaded.grant.config.language, lang))
    speak(messages.language)
    if not loaded.grant.is_grant_ledger:
        raise NoGrant(messages("no-grant", ledger=display_path(str(loaded.path))))
    analysis = loaded.grant.assets
    if not loaded.grant.config.assets:
        raise Refusal(messages("assets-no-register"))
    if analysis.register_errors:
        error = analysis.register_errors[0]
        raise Refusal(messages("assets-refused", error=error.say(messages)))
    try:
        chosen = labelled_cards(analysis, year, cards)
    except UnknownCardsError as error:
        raise Refusal(messages("assets-labels-unknown", cards=", ".join(error.cards))) from error
    owner = str(loaded.options_map.get("title") or loaded.path.stem)
    page = render_labels(chosen, owner, messages.language)
    if output is None:
        click.echo(page, nl=False)
        return
    try:
        write_atomically(output, page.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise UnwritableOutput(
            messages("report.cannot-write", output=output, reason=reason)
        ) from error
    click.echo(messages("assets-labels-written", count=len(chosen), path=output))
