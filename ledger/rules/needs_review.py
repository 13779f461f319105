"""Rule `needs-review`: nothing on the dedicated account stays flagged `!`.

The statement importer books a row that no classification rule matched to a holding account,
and a receipt whose memo names another year with that `grant-year`, both flagged `!`. They stay
findings until the accountant checks them, books them to the right account and marks them `*`.

    2024-07-02 ! "某某商贸有限公司" "货款"      ; error until reclassified and marked *
      voucher: "记-2024-033"
      Expenses:Unclassified    680.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

from beancount.core import flags

from ledger.analysis import GrantAnalysis, plugin_of
from ledger.errors import GrantError

__plugins__ = ("validate_needs_review",)

RULE = "needs-review"


def check(analysis: GrantAnalysis) -> list[GrantError]:
    """Entries on the dedicated account still flagged `!` (to review)."""
    msg = analysis.messages
    errors = []
    for flow in analysis.activity.flows:
        entry = flow.entry
        if not flow.dedicated or entry.flag != flags.FLAG_WARNING:
            continue
        if flow.others:
            why = msg.word("holding", account=msg.join(flow.others))
        elif "grant-year" in entry.meta:
            why = msg.word("grant-year", year=flow.grant_year)
        else:
            why = ""
        errors.append(
            GrantError(
                entry.meta, msg.render(RULE, "flagged", why=why), entry, RULE, year=flow.year
            )
        )
    return errors


validate_needs_review = plugin_of(check)
