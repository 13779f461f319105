"""Beancount's own padding: the transactions its `pad` makes, told apart from a ledger's own.

Beancount's `pad` runs after every plugin and adds, for each `pad` directive that a `balance`
needs, a transaction flagged `P` with the pad's metadata and the narration "(Padding inserted
for Balance of ...". The grant plugin never sees those; a front end reading the final entries
does. They are left out of the grant's books (a `pad` on a grant account is a `config` finding
instead), so both see the same grant postings. A transaction the ledger itself writes with the
flag `P` is no padding: it counts like any other.

    2024-02-01 pad Assets:Cash Equity:Opening            ; Beancount's padding: left out
    2024-01-22 P "Shop" "written by hand, flag P"         ; counts
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from beancount.core import data, flags

PADDING_NARRATION = "(Padding inserted for Balance of "
"""How the narration of every transaction Beancount's `pad` makes begins."""

Place = tuple[object, object]
"""A directive's place: its file and line."""


def pad_places(entries: Iterable[data.Directive]) -> frozenset[Place]:
    """The places (file, line) of the ledger's `pad` directives."""
    return frozenset(
        (entry.meta.get("filename"), entry.meta.get("lineno"))
        for entry in entries
        if type(entry) is data.Pad
    )


def made_by_pad(entry: data.Transaction, pads: Container[Place]) -> bool:
    """Whether `entry` is padding made by Beancount's `pad` for one of the `pads`.

    Args:
        entry: a transaction.
        pads: the places of the ledger's `pad` directives (`pad_places`).
    """
    meta = entry.meta
    return (
        entry.flag == flags.FLAG_PADDING
        and entry.payee is None
        and entry.narration.startswith(PADDING_NARRATION)
        and (meta.get("filename"), meta.get("lineno")) in pads
    )
