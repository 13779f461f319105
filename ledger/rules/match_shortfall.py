"""Rule `match-shortfall`: at the close, the county's match is fully in place (足额到位).

`grant-match A B RATIO` asks source A to bring RATIO times what source B brought for each fiscal
year. Receipts count for the year in their `grant-year`, else the year of their date, up to the
year's `grant-close`; the finding points at that close.

    2024-01-01 custom "grant-match" Income:Grant:County Income:Grant:Provincial 1
    ; the province brought 100,000.00 for 2024, the county 60,000.00
    2025-01-20 custom "grant-close" 2024        ; error: 40,000.00 short

    2025-01-10 * "县财政局" "2024年县级配套资金（第二批）"
      grant-year: 2024                           ; a late tranche: now fine
      Income:Grant:County      -40000.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.rules.base import plugin_of

__plugins__ = ("validate_match_shortfall",)

RULE = "match-shortfall"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each closed year in which a matching source brought less than its share."""
    msg = grant.messages
    currency = grant.config.currency
    errors = []
    for year, books in grant.books.items():
        if books.close is None:
            continue
        for match in books.matches:
            if match.met:
                continue
            entry = books.close.entry
            errors.append(
                GrantError(
                    entry.meta,
                    msg.finding(
                        RULE,
                        "close",
                        year=year,
                        account=match.account,
                        base=match.base,
                        ratio=match.ratio,
                        received=money(match.received, currency),
                        base_received=money(match.base_received, currency),
                        required=money(match.required, currency),
                        shortfall=money(match.shortfall, currency),
                    ),
                    entry,
                    RULE,
                    account=match.account,
                    amount=match.shortfall,
                    currency=currency,
                    year=year,
                )
            )
    return errors


validate_match_shortfall = plugin_of(check)
