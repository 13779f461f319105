"""Rule `needs-review`: nothing on the dedicated account stays flagged `!` or unclassified.

The statement importer books a row that no classification rule matched to the holding account
the ledger names with `import-holding`, and a receipt whose memo names another year with that
`grant-year`, both flagged `!`. They stay findings until the accountant checks them, books them
to the right account and marks them `*`; an entry marked `*` but still on the holding account
is reported too, so nothing unclassified passes silently. One finding per entry.

    2024-01-01 custom "import-holding" Assets:Suspense "待查明款项"   ; the dedicated account may
                                                                     ; pay it: earmark stays quiet

    2024-07-02 ! "某某商贸有限公司" "货款"      ; error until reclassified and marked *
      voucher: "记-2024-033"
      Assets:Suspense          680.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from collections.abc import Collection

from beancount.core import data, flags

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_needs_review",)

RULE = "needs-review"


def _on_holding(entry: data.Transaction, holding: Collection[str]) -> list[str]:
    return [
        posting.account
        for posting in entry.postings
        if any(posting.account == h or posting.account.startswith(h + ":") for h in holding)
    ]


def check(grant: GrantLedger) -> list[GrantError]:
    """Entries on the dedicated account flagged `!` (to review), or still on a holding account."""
    msg = grant.messages
    holding = grant.config.holding
    errors = []
    for flow in grant.activity.flows:
        entry = flow.entry
        if not flow.dedicated:
            continue
        # A holding account is an allowed one: only then are the postings looked at.
        on_holding = bool(holding) and not holding.keys().isdisjoint(flow.allowed)
        if not on_holding and entry.flag != flags.FLAG_WARNING:
            continue
        parked = _on_holding(entry, holding) if on_holding else []
        if entry.flag == flags.FLAG_WARNING:
            if parked or flow.others:
                why = msg.word("holding", account=msg.join(parked or flow.others))
            elif "grant-year" in entry.meta:
                why = msg.word("grant-year", year=flow.grant_year)
            else:
                why = ""
            message = msg.finding(RULE, "flagged", why=why)
        elif parked:
            message = msg.finding(RULE, "holding", account=msg.join(parked))
        else:
            continue
        errors.append(GrantError(entry.meta, message, entry, RULE, year=flow.year))
    return errors


validate_needs_review = plugin_of(check)
