"""The Beancount plugin `ledger.grant`: the program's rules, from the ledger's own directives.

One line turns every rule on, so bean-check, Fava's Errors page and `mch-ledger validate`
report the same findings, each pointing at the entry at fault:

    plugin "ledger.grant"

    2024-01-01 custom "grant-account" Assets:Bank:MCH-Special "母婴健康工程"
    2024-01-01 custom "grant-category" Expenses:MCH:Training "人才培养"
    2024-01-01 custom "grant-budget" Expenses:MCH:Training 30000.00 CNY
    ...

The rules live one per module in `ledger.rules`; this plugin computes the grant's books once
and runs them all over it. It also emits Fava budgets (`ledger.fava_budgets`). A ledger with no
grant directives is left alone.
"""

from __future__ import annotations

from typing import Any

from beancount.core import data

from ledger.analysis import GrantAnalysis, analyse, gc_paused
from ledger.errors import GrantError, global_meta
from ledger.fava_budgets import fava_budget_entries
from ledger.messages import Messages
from ledger.rules import CHECKS

__plugins__ = ("enforce_grant_rules",)

UTF8_BOM = b"\xef\xbb\xbf"


def _bom_errors(options_map: dict[str, Any], messages: Messages) -> list[GrantError]:
    """A BOM makes Beancount drop a file's first directive without a word: say so."""
    errors = []
    for filename in options_map.get("include", []):
        try:
            with open(filename, "rb") as file:
                head = file.read(len(UTF8_BOM))
        except OSError:
            continue
        if head == UTF8_BOM:
            meta = data.new_metadata(filename, 1)
            errors.append(
                GrantError(meta, messages.render("config", "bom", file=filename), None, "config")
            )
    return errors


def run_rules(analysis: GrantAnalysis) -> list[GrantError]:
    """Every rule's findings over one analysis."""
    errors: list[GrantError] = []
    for check in CHECKS:
        errors.extend(check(analysis))
    return errors


def grant_findings(
    analysis: GrantAnalysis, config_errors: list[GrantError], plugin_config: str | None = None
) -> list[GrantError]:
    """All findings of the grant rules: config errors, a BOM, and every rule's findings.

    Args:
        analysis: the ledger's analysis, from `ledger.analysis.analyse`.
        config_errors: the errors `analyse` returned with it.
        plugin_config: the plugin's configuration string, which must be empty.

    Returns:
        The findings, config errors first.
    """
    messages = analysis.messages
    errors = [*config_errors, *_bom_errors(analysis.options_map, messages)]
    if plugin_config:
        message = messages.render("config", "plugin-config", value=plugin_config)
        errors.append(GrantError(global_meta(), message, None, "config"))
    if analysis.config.is_grant_ledger:
        errors.extend(run_rules(analysis))
    return errors


def enforce_grant_rules(
    entries: list[data.Directive], options_map: dict[str, Any], config: str | None = None
) -> tuple[list[data.Directive], list[Any]]:
    """Check the ledger against the grant's rules and add Fava budgets.

    Args:
        entries: the ledger's directives, sorted by date.
        options_map: the ledger's options.
        config: must be empty: the rules come from the ledger's directives.

    Returns:
        The entries with the generated Fava budgets added, and the findings.
    """
    with gc_paused():
        analysis, config_errors = analyse(entries, options_map)
        errors = grant_findings(analysis, config_errors, config)
        result = entries
        if analysis.config.is_grant_ledger:
            result = [*entries, *fava_budget_entries(analysis.config, analysis.books)]
        # Freed now by reference counting, the analysis's many objects are gone before the
        # collector is back; left to it, its first pass would walk them all (0.15 s at 100k).
        del analysis, config_errors
    return result, errors
