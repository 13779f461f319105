"""How often a finding shows: once per load, however many of our plugin lines a ledger names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from beancount import loader
from fava.core import FavaLedger
from grant_ledgers import PREAMBLE, funding

from ledger.errors import GrantError
from ledger.findings import ledger_findings
from ledger.loading import load_ledger


def loaded_errors(path: Path) -> list:
    """The loader's errors, as bean-check prints them and Fava's Errors page lists them."""
    _, errors, _ = loader._load([(str(path), True)], None, None, None)
    return errors


def grant_errors(path: Path) -> Counter:
    """The grant findings among the loader's errors, each (rule, line), with how often."""
    return Counter(
        (error.rule, error.source["lineno"])
        for error in loaded_errors(path)
        if isinstance(error, GrantError)
    )


def validated(path: Path) -> Counter:
    """What `validate` finds: each (rule, line), with how often."""
    return Counter(
        (f.rule, f.line) for f in ledger_findings(load_ledger(path)) if f.rule != "beancount"
    )


TWO_RULES = """
2024-03-01 pad Assets:Bank:Grant-Account Equity:Returned
2024-03-02 balance Assets:Bank:Grant-Account  200000.00 CNY

2024-03-03 * "Shop" "office party"
  voucher: "V-1"
  Expenses:Other  300.00 CNY
  Assets:Bank:Grant-Account

2024-03-04 * "Trainer" "course"
  voucher: "V-2"
  document: "copy.pdf"
  Expenses:Program:Training  31000.00 CNY
  Assets:Bank:Grant-Account
"""


def test_two_single_rule_plugins_list_each_finding_once(write_ledger):
    preamble = PREAMBLE.replace(
        'plugin "ledger.grant"\n',
        'plugin "ledger.rules.over_budget"\nplugin "ledger.rules.earmark"\n',
    )
    path = write_ledger(funding(2024), TWO_RULES, preamble=preamble)
    found = grant_errors(path)
    assert set(found.values()) == {1}
    assert {rule for rule, _ in found} == {"config", "over-budget", "earmark"}


def test_the_plugin_named_twice_lists_each_finding_once(write_ledger):
    preamble = PREAMBLE.replace('plugin "ledger.grant"\n', 'plugin "ledger.grant"\n' * 2)
    path = write_ledger(funding(2024), TWO_RULES, preamble=preamble)
    found = grant_errors(path)
    assert set(found.values()) == {1}
    assert found == validated(path)
    # Fava's Errors page lists the load's errors: each finding once there too.
    shown = Counter(
        (error.rule, error.source["lineno"])
        for error in FavaLedger(str(path)).errors
        if isinstance(error, GrantError)
    )
    assert shown == found
