"""Which cards each payment names: the per-posting reading behind the asset rules.

A posting to an account a `grant-assets` covers names the cards it pays for in `asset`
metadata (`asset-2`, `asset-3` … for more), on the posting or, for the postings that name
none of their own, on the transaction; or it says why it buys no fixed asset
(`asset-exempt: "耗材"`). A payment naming several cards is split between them by the cards'
values, so the deposit and the final payment of one purchase, each naming the same two cards,
pay each card its share:

    2026-04-24 * "华康医疗设备有限公司" "购置多普勒胎心监护仪（2台）"
      voucher: "记-2026-012"
      asset: "ZC-2026-002"                 ; 6,085.00 of the card's 6,085.00
      asset-2: "ZC-2026-003"               ; 6,085.00
      Expenses:MCH:Equipment  12170.00 CNY
      Assets:Bank:MCH-Special

For a purchase booked to a payable, the entry that posts to the category (the purchase) names
the cards, not the settlement of the payable, which posts to no category.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, NamedTuple

from beancount.core import data

from ledger.assets.register import Card
from ledger.model import AssetThreshold, Year

CARD_KEY = re.compile(r"^asset(?:-\d+)?$")
"""The keys naming a card: `asset`, `asset-2`, `asset-3` …"""
EXEMPT_KEY = "asset-exempt"
#: The keys a quick look for cards or an exemption checks (`asset` … `asset-99`): metadata
#: without any of them names none, and is not read key by key.
LIKELY_KEYS = frozenset({"asset", EXEMPT_KEY, *(f"asset-{n}" for n in range(2, 100))})
CONTRACT_KEY = "contract"
CENT = Decimal("0.01")
ZERO = Decimal(0)


class AssetPayment(NamedTuple):
    """What one entry pays to an account a `grant-assets` covers, and the cards it names.

    Postings of one entry that name no card of their own and take the entry's are one payment.
    """

    entry: data.Transaction
    account: str
    amount: Decimal
    cards: tuple[str, ...]
    exempt: str | None
    """Why the payment buys no fixed asset (`asset-exempt`), if it says."""
    contract: str | None
    threshold: AssetThreshold | None
    """The `grant-assets` in force on the entry's date; None before the rules apply."""

    @property
    def year(self) -> Year:
        """The fiscal year of the payment."""
        return self.entry.date.year

    @property
    def meta(self) -> dict[str, Any]:
        """Where the payment is: the entry's file and line."""
        return self.entry.meta


def named(
    meta: Mapping[str, object] | None,
) -> tuple[list[str], str | None, list[tuple[str, object]]]:
    """The cards and the exemption a posting's or an entry's metadata names.

    Returns:
        The cards, the exemption, and the keys whose value is not text, as (key, value).
    """
    cards: list[str] = []
    exempt = None
    bad: list[tuple[str, object]] = []
    if not meta or LIKELY_KEYS.isdisjoint(meta):
        return cards, exempt, bad
    for key, value in meta.items():
        if not key.startswith("asset"):
            continue
        if key == EXEMPT_KEY:
            if type(value) is str and value.strip():
                exempt = value.strip()
            else:
                bad.append((key, value))
        elif CARD_KEY.match(key):
            if type(value) is str and value.strip():
                cards.append(value.strip())
            else:
                bad.append((key, value))
    return cards, exempt, bad


def split(amount: Decimal, cards: Sequence[str], known: Mapping[str, Card]) -> list[Decimal]:
    """`amount` split between `cards` by their values, to the cent, adding up exactly.

    Cards the register does not hold (or cards worth nothing) get equal shares instead. The
    last card takes the rounding.
    """
    if len(cards) == 1:
        return [amount]
    values = [known[card].value if card in known else None for card in cards]
    total = sum((value for value in values if value is not None), ZERO)
    if None in values or not total:
        weights = [Decimal(1)] * len(cards)
        total = Decimal(len(cards))
    else:
        weights = values  # type: ignore[assignment]
    shares = [(amount * weight / total).quantize(CENT, ROUND_HALF_EVEN) for weight in weights[:-1]]
    shares.append(amount - sum(shares, ZERO))
    return shares
