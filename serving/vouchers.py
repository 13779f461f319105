"""Voucher numbers for entries added through Fava (its entry form and its import page).

Every entry on the dedicated account carries a voucher number (凭证号). An entry added in Fava
without one gets the next free number of its period, worked out from the books on disk while
the ledger lock is held, so an import appending at the same moment cannot hand out the same
number: whichever writes second numbers after the first. An added entry whose own number the
books already use in its period (a number an import took since the page was opened) is refused,
with nothing saved, rather than written as a duplicate.

The request's entries are Fava's JSON (`PUT /<ledger>/api/add_entries`): `{"entries": [{"t":
"Transaction", "date": "2026-11-20", "meta": {...}, "postings": [{"account": ...}], ...}]}`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, NamedTuple

from ledger.grant_ledger import GrantLedger
from ledger.i18n import Catalogue
from ledger.vouchers import VoucherNumbering, period_of, period_text

VOUCHER_KEY = "voucher"


class Filled(NamedTuple):
    """The outcome of numbering a request's entries."""

    numbers: list[str]
    """The numbers given, in the order given."""
    clash: str | None = None
    """Why the request is refused (a number already in use); None when it may be saved."""


def _date(entry: Mapping[str, Any]) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(entry.get("date", "")))
    except ValueError:
        return None


def _own_number(entry: Mapping[str, Any]) -> str | None:
    meta = entry.get("meta")
    value = meta.get(VOUCHER_KEY) if isinstance(meta, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _on_dedicated(entry: Mapping[str, Any], dedicated: Mapping[str, object]) -> bool:
    postings = entry.get("postings")
    if entry.get("t") != "Transaction" or not isinstance(postings, list):
        return False
    return any(isinstance(p, dict) and p.get("account") in dedicated for p in postings)


def fill_vouchers(entries: list[Any], grant: GrantLedger, messages: Catalogue) -> Filled:
    """Give each entry on the dedicated account without a voucher the next free number.

    Args:
        entries: the request's entries as Fava's JSON; changed in place.
        grant: the grant ledger of the load that matches the books on disk now.
        messages: the words of a refusal, in the ledger's language.

    Returns:
        The numbers given, or the refusal when an entry's own number is already in use.
    """
    register = grant.vouchers
    mode = register.mode
    dedicated = grant.config.dedicated
    wanted = [
        (day, entry)
        for entry in entries
        if isinstance(entry, dict)
        and _on_dedicated(entry, dedicated)
        and (day := _date(entry)) is not None
    ]
    own = [(number, day) for day, entry in wanted if (number := _own_number(entry))]
    for number, day in own:
        uses = register.by_number.get((period_of(day, mode), number))
        if uses:
            first = uses[0].entry
            return Filled(
                [],
                messages(
                    "serve.voucher-in-use",
                    number=number,
                    period=period_text(period_of(day, mode)),
                    date=first.date,
                    payee=first.payee or first.narration or "",
                    place=f"{first.meta.get('filename', '')}:{first.meta.get('lineno', '')}",
                ),
            )
    numbering = VoucherNumbering(
        [*((use.number, use.entry.date) for use in register.uses), *own], mode
    )
    numbers = []
    # In date order, as Fava writes them: earlier entries get the lower numbers.
    for day, entry in sorted(wanted, key=lambda item: item[0]):
        if _own_number(entry) is None:
            number = numbering.take(day)
            meta = entry.get("meta")
            entry["meta"] = {**(meta if isinstance(meta, dict) else {}), VOUCHER_KEY: number}
            numbers.append(number)
    return Filled(numbers)
