"""Rule `closed-year-changed`: a closed year's books are still the ones that were closed.

`mch-ledger close` records the year's closing figures on its `grant-close` and seals the year
(`ledger.seals`): a digest of every transaction of the year, in a seal file whose SHA-256 the
close records. If the books no longer give a recorded figure, the finding points at the
`grant-close` and names the figure. If an entry of a sealed year changed, the finding points at
the entry and names what changed (date, payee, narration, postings, voucher, copies); an entry
added to the year points at itself, an entry gone at the close. A seal file missing or altered
is a finding too.

    2025-01-20 custom "grant-close" 2024
      spent-Expenses_MCH_Training: 28500.00 CNY   ; error if 2024's training now sums otherwise
      seal-file: "seals/2024.tsv"
      seal: "3f5c…"                               ; error on each entry changed since
"""

from __future__ import annotations

from decimal import Decimal

from ledger.closing import BALANCE, closing_figures, figure_accounts
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.model import label_of
from ledger.rules.base import plugin_of
from ledger.seals import seal_findings

__plugins__ = ("validate_closed_year_changed",)

RULE = "closed-year-changed"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each recorded closing figure the books no longer give, and each sealed entry changed."""
    config = grant.config
    msg = grant.messages
    currency = config.currency
    errors = []
    for year, books in grant.books.items():
        close = books.close
        if close is None or not close.figures or currency is None:
            continue
        current = closing_figures(books, currency)
        named = figure_accounts(books)
        for key in [*current, *(key for key in close.figures if key not in current)]:
            recorded = close.figures.get(key)
            now = current.get(key)
            recorded_number = recorded.number if recorded is not None else Decimal(0)
            now_number = now.number if now is not None else Decimal(0)
            same_currency = recorded is None or recorded.currency == currency
            if recorded_number == now_number and same_currency:
                continue
            kind, account = named.get(key, (key, None))
            if account is None:
                figure = msg.word("balance") if kind == BALANCE else key
            else:
                figure = msg.word(kind, account=f"{label_of(config, account)} ({account})")
            errors.append(
                GrantError(
                    close.entry.meta,
                    msg.finding(
                        RULE,
                        "figure",
                        year=year,
                        figure=figure,
                        recorded=money(
                            recorded_number, recorded.currency if recorded else currency
                        ),
                        current=money(now_number, currency),
                    ),
                    close.entry,
                    RULE,
                    account=account,
                    amount=now_number - recorded_number,
                    currency=currency,
                    year=year,
                )
            )
    errors.extend(seal_findings(grant))
    return errors


validate_closed_year_changed = plugin_of(check)
