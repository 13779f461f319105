"""Printable asset labels (资产标签): one per card, with a QR code of the card number.

A label goes on the device: whoever takes stock scans the code (or reads the number) and finds
the card. The page is self-contained HTML on A4 (three labels across, eight down), each label
holding the institute, the card number as a QR code (segno, drawn as inline SVG; a standard QR
code, never a Micro QR that phones do not read) and as text, what the item is, where it is and
who keeps it. The cards are the register's as the load read it (`GrantLedger.assets`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import jinja2
import segno
from markupsafe import Markup

from ledger.assets.analysis import AssetAnalysis
from ledger.assets.register import IN_USE, Card
from ledger.i18n import Catalogue
from ledger.model import year_end

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("reports", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


class UnknownCardsError(Exception):
    """Cards asked for that no register holds."""

    def __init__(self, cards: Sequence[str]) -> None:
        super().__init__(", ".join(cards))
        self.cards = list(cards)


def qr_svg(text: str) -> Markup:
    """`text` as a QR code, an inline SVG element (medium error correction, a quiet zone)."""
    code = segno.make(text, error="m", micro=False)
    return Markup(code.svg_inline(scale=3, border=2, omitsize=True))


def labelled_cards(
    analysis: AssetAnalysis, year: int | None = None, numbers: Iterable[str] = ()
) -> list[Card]:
    """The cards to label: by number, else of `year`, else every card in use.

    A label is for an item in use at the end of the period: without a year, every card the
    register has in use; with one, the cards paid, received or changed in it that were held
    at its end, as they stood then (where and with whom, as the year's stocktake sheet).

    Raises:
        UnknownCardsError: a number asked for is in no register.
    """
    numbers = list(numbers)
    if numbers:
        unknown = [number for number in numbers if number not in analysis.cards]
        if unknown:
            raise UnknownCardsError(unknown)
        return [analysis.cards[number] for number in numbers]
    cards = [card for cards in analysis.registers.values() for card in cards]
    if year is None:
        return [card for card in cards if card.state == IN_USE]
    paid = {
        number
        for number, account in analysis.accounts.items()
        if any(payment.year == year for payment, _ in account.payments)
    }
    end = year_end(year)
    return [
        card.as_on(end)
        for card in cards
        if (
            card.number in paid
            or any(day is not None and day.year == year for day in (card.received, card.changed))
        )
        and card.held_on(end)
    ]


def render_labels(cards: Sequence[Card], owner: str, language: str) -> str:
    """The labels of `cards` as one printable HTML page; `owner` heads each label."""
    messages = Catalogue(language)
    return _ENVIRONMENT.get_template("labels.html").render(
        language=language,
        title=messages("assets-labels-title", owner=owner),
        owner=owner,
        t=messages,
        labels=[(card, qr_svg(card.number)) for card in cards],
    )
