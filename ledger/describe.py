"""An entry in words, at the head of every finding about it: voucher, date, payee, amount.

Fava's Errors page and `validate` list findings by file and line; an accountant looks for an
entry by its voucher number, its date, who was paid and how much. So every finding about a
transaction goes through `with_entry_words` (the rules' findings in `ledger.rules.rule_findings`,
the transactions' `config` findings in `GrantLedger`), and reads, for instance:

    [document-missing] 凭证 记-2026-005（2026-03-23，宁州市妇幼保健院，5,190.00 CNY）：本笔支出……

A rule added later gets this for free; its message says what is wrong and what to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from beancount.core import data

from ledger.beneficiaries.identity import mask_in_text
from ledger.errors import GrantError
from ledger.i18n import Catalogue, money

ZERO = Decimal(0)


def entry_amount(entry: data.Transaction) -> Decimal:
    """The amount of an entry: the sum of its positive postings (its debits)."""
    return sum(
        (p.units.number for p in entry.postings if p.units.number and p.units.number > 0), ZERO
    )


def entry_currency(entry: data.Transaction) -> str | None:
    """The currency of the entry's first posting with an amount."""
    for posting in entry.postings:
        if posting.units is not None and posting.units.currency:
            return posting.units.currency
    return None


def describe_entry(entry: data.Transaction, messages: Catalogue) -> str:
    """The entry as an accountant names it: voucher, date, payee (or narration), amount."""
    voucher = entry.meta.get("voucher")
    who = entry.payee or entry.narration or ""
    fields = {
        "date": entry.date.isoformat(),
        "payee": who,
        "amount": money(entry_amount(entry), entry_currency(entry)),
    }
    if type(voucher) is str and voucher.strip():
        key = "entry" if who else "entry-no-payee"
        return messages.word(key, voucher=voucher.strip(), **fields)
    return messages.word("entry-unnumbered" if who else "entry-unnumbered-no-payee", **fields)


#: The keys of a finding's source that say where it is: kept as they are.
PLACE_KEYS = frozenset({"filename", "lineno"})


def masked_source(source: object) -> object:
    """A finding's source with its values that hold an identity number masked.

    Fava's Errors page, and the error list every Fava page carries, show a finding's source
    whole: the entry's metadata. A `beneficiary:` typed as an identity number (a finding in
    itself) is shown there masked; the file and line are left as they are.
    """
    if not isinstance(source, dict):
        return source
    masked = None
    for key, value in source.items():
        if type(value) is str and key not in PLACE_KEYS:
            shown = mask_in_text(value)
            if shown is not value:
                masked = masked if masked is not None else dict(source)
                masked[key] = shown
    return masked if masked is not None else source


def with_entry_words(error: GrantError, messages: Catalogue) -> GrantError:
    """The finding with its transaction named in words after the `[rule]` prefix.

    Its source (the entry's metadata) has identity numbers masked (`masked_source`). A finding
    about no entry, or about a directive that is not a transaction, is returned as it is.
    """
    entry = error.entry
    if not isinstance(entry, data.Transaction):
        return error
    prefix = f"[{error.rule}] "
    body = error.message[len(prefix) :] if error.message.startswith(prefix) else error.message
    # The payee or narration may quote anything: masked as the message is (`Catalogue.finding`).
    words = mask_in_text(describe_entry(entry, messages))
    return error._replace(
        message=f"{prefix}{words}{messages.word('colon')}{body}",
        source=masked_source(error.source),
    )


def with_entries_in_words(errors: Iterable[GrantError], messages: Catalogue) -> list[GrantError]:
    """Each finding with its transaction named in words (see `with_entry_words`)."""
    return [with_entry_words(error, messages) for error in errors]
