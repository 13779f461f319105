"""The Beancount plugin `ledger.grant`: the program's rules, from the ledger's own directives.

One line turns every rule on, so bean-check, Fava's Errors page and `mch-ledger validate`
report the same findings, each pointing at the entry at fault:

    plugin "ledger.grant"

    2024-01-01 custom "grant-account" Assets:Bank:MCH-Special "母婴健康工程"
    2024-01-01 custom "grant-category" Expenses:MCH:Training "人才培养"
    2024-01-01 custom "grant-budget" Expenses:MCH:Training 30000.00 CNY
    ...

The plugin builds the load's `GrantLedger` (`ledger.grant_ledger`) from the entries as they
end up, after the plugins the ledger names after this one (`ledger.later_plugins`), and returns
its findings, each once per load; the rules live one per module in `ledger.rules`. It returns
the entries it was given, unchanged: the grant page is the budget view (Fava's own budgets are
prorated by day). A ledger with no grant directives is left alone.
"""

from __future__ import annotations

from typing import Any

from beancount.core import data

from ledger.errors import GrantError, global_meta
from ledger.grant_ledger import gc_paused, grant_ledger

__plugins__ = ("enforce_grant_rules",)


def enforce_grant_rules(
    entries: list[data.Directive], options_map: dict[str, Any], config: str | None = None
) -> tuple[list[data.Directive], list[Any]]:
    """Check the ledger against the grant's rules.

    Args:
        entries: the ledger's directives, sorted by date.
        options_map: the ledger's options; the grant ledger is kept there for the front ends.
        config: must be empty: the rules come from the ledger's directives.

    Returns:
        The entries it was given, unchanged but for a `grant-*` or `import-*` directive written
        without values, which gets an empty list of them (`GrantLedger.returned`), and the
        findings no plugin of this load has returned yet.
    """
    with gc_paused():
        grant = grant_ledger(entries, options_map)
        errors: list[Any] = grant.not_yet_returned(grant.findings)
    if config:
        message = grant.messages.finding(
            "config", "plugin-config", value=grant.messages.written(config)
        )
        errors.append(GrantError(global_meta(), message, None, "config"))
    return grant.returned(entries), errors
