"""What a rule is, and how a rule becomes a Beancount plugin of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from beancount.core import data

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger, gc_paused, grant_ledger

Check = Callable[[GrantLedger], list[GrantError]]
"""A rule: reads the grant ledger, returns its findings."""

Plugin = Callable[..., tuple[list[data.Directive], list[Any]]]


def plugin_of(check: Check) -> Plugin:
    """A Beancount plugin that runs the single rule `check`, for ledgers that want only it.

    Several such plugins in one ledger share one grant ledger (`ledger.grant_ledger`), and
    each finding is returned once per load: two rules' plugins list the `config` findings of
    the directives once.
    """

    def plugin(
        entries: list[data.Directive], options_map: dict[str, Any], config: str | None = None
    ) -> tuple[list[data.Directive], list[Any]]:
        # Imported here: `ledger.rules` imports the rule modules, which import this one.
        from ledger.rules import rule_findings

        with gc_paused():
            grant = grant_ledger(entries, options_map)
            # The entries it was given, bare directives given values (`GrantLedger.returned`).
            kept = grant.returned(entries)
            if not grant.is_grant_ledger:
                return kept, []
            found = [*grant.config_errors, *rule_findings(grant, check)]
            return kept, grant.not_yet_returned(found)

    plugin.__doc__ = check.__doc__
    return plugin
