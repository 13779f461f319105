"""Where `plugin "ledger.grant"` stands cannot change the answer, nor how often a finding shows.

A plugin named after ours that changes the entries (`auto_accounts` opens accounts, another
adds a transaction) is run by the grant plugin on the entries it was given, so the findings,
bean-check's and Fava's (the loader's errors) as `validate`'s, are those of the final entries:
the same as with the plugin line last, or without it. Each finding shows once per load, however
many of our plugin lines the ledger names.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

import pytest
from beancount import loader
from fava.core import FavaLedger
from grant_ledgers import PREAMBLE, funding

import ledger.later_plugins
from ledger.errors import GrantError
from ledger.findings import ledger_findings
from ledger.later_plugins import later_plugins
from ledger.loading import load_ledger

#: A grant whose accounts no `open` names: `auto_accounts` opens those the postings use.
UNOPENED = """\
2024-01-01 custom "grant-account" Assets:Bank:Grant-Account "dedicated"
2024-01-01 custom "grant-source" Income:Funding:Province 100000.00 CNY
2024-01-01 custom "grant-category" Expenses:Program:Training "training"
2024-01-01 custom "grant-budget" Expenses:Program:Training 30000.00 CNY
2024-01-01 custom "grant-allowed" Expenses:Fees

2024-01-02 * "Province" "allocation"
  voucher: "F-1"
  Income:Funding:Province  -100000.00 CNY
  Assets:Bank:Grant-Account

2024-03-01 * "Trainer" "course"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Training  1000.00 CNY
  Assets:Bank:Grant-Account
"""

#: A plugin that adds a payment on the dedicated account (as a recurring-entries plugin does)
#: and reports one error of its own.
ADDS_A_PAYMENT = '''\
"""Adds a 40,000.00 training payment on the dedicated account, without voucher or copy."""
import collections
import datetime
from decimal import Decimal

from beancount.core import amount, data

__plugins__ = ("add_payment",)

OwnError = collections.namedtuple("OwnError", "source message entry")


def add_payment(entries, options_map):
    meta = data.new_metadata(options_map["filename"], 900)
    posting = lambda account, number: data.Posting(
        account, amount.Amount(Decimal(number), "CNY"), None, None, None, None
    )
    payment = data.Transaction(
        meta, datetime.date(2024, 6, 1), "*", "Trainer", "generated", frozenset(), frozenset(),
        [posting("Expenses:Program:Training", "40000.00"),
         posting("Assets:Bank:Grant-Account", "-40000.00")],
    )
    error = OwnError(meta, "add_payment says hello", None)
    return sorted([*entries, payment], key=data.entry_sortkey), [error]
'''

RAISES = """\
__plugins__ = ("explode",)


def explode(entries, options_map):
    raise RuntimeError("boom")
"""

ORDERS = ("first", "last", "none")
"""The grant plugin's line before the other plugin's, after it, or not at all."""


def plugin_lines(order: str, other: str) -> str:
    """Two lines naming the grant plugin and `other`: grant `first`, `last`, or `none`.

    The same two lines in every order, so each finding keeps its line number.
    """
    grant, named = 'plugin "ledger.grant"', f'plugin "{other}"'
    if order == "first":
        return f"{grant}\n{named}\n"
    if order == "last":
        return f"{named}\n{grant}\n"
    return f"{named}\n; (no grant plugin)\n"


def write(folder: Path, order: str, other: str, body: str) -> Path:
    (folder / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    path = folder / f"{order}.beancount"
    text = 'option "operating_currency" "CNY"\n' + plugin_lines(order, other) + body
    path.write_text(text, encoding="utf-8")
    return path


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


@pytest.fixture
def local_plugin(tmp_path, monkeypatch):
    """Write a plugin module beside the test's ledgers, importable for this test only."""
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(name: str, source: str) -> str:
        (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
        monkeypatch.delitem(sys.modules, name, raising=False)
        return name

    return make


def test_auto_accounts_named_after_the_grant_plugin_opens_the_grant_accounts_first(tmp_path):
    # Named before auto_accounts, the plugin used to see no `open` and report every grant
    # account as never opened; now it judges the entries as auto_accounts leaves them.
    other = "beancount.plugins.auto_accounts"
    first, last, none = (
        write(tmp_path, order, other, UNOPENED) for order in ("first", "last", "none")
    )
    # The one account no posting uses stays unopened, whatever the order.
    expected = Counter({("config", 8): 1})
    assert validated(first) == validated(last) == validated(none) == expected
    assert grant_errors(first) == grant_errors(last) == expected


def test_a_payment_a_later_plugin_adds_is_judged(tmp_path, local_plugin):
    # Named before a plugin that adds a payment, the plugin used to pass the books silently.
    other = local_plugin("grant_test_adds_a_payment", ADDS_A_PAYMENT)
    body = PREAMBLE.replace('plugin "ledger.grant"\n', "") + funding(2024)
    first, last, none = (write(tmp_path, order, other, body) for order in ("first", "last", "none"))
    expected = Counter(
        {("over-budget", 900): 1, ("voucher-missing", 900): 1, ("document-missing", 900): 1}
    )
    assert validated(first) == validated(last) == validated(none) == expected
    assert grant_errors(first) == grant_errors(last) == expected
    # The grant plugin hands Beancount back what it was given: the payment is added once, by
    # the plugin itself, and its own error is listed once.
    loaded = load_ledger(first)
    assert [e.narration for e in loaded.entries if getattr(e, "narration", "") == "generated"] == [
        "generated"
    ]
    own = [e for e in loaded_errors(first) if "add_payment says hello" in e.message]
    assert len(own) == 1


def test_a_later_plugin_that_fails_is_reported_once_by_beancount(tmp_path, local_plugin):
    other = local_plugin("grant_test_raises", RAISES)
    body = PREAMBLE.replace('plugin "ledger.grant"\n', "") + funding(2024)
    first, none = (write(tmp_path, order, other, body) for order in ("first", "none"))
    failures = [e for e in loaded_errors(first) if "boom" in e.message]
    assert len(failures) == 1
    assert validated(first) == validated(none) == Counter()


def test_the_plugins_after_ours_follow_the_loaders_order_and_mode(monkeypatch):
    named = [
        ("beancount.plugins.implicit_prices", None),
        ("ledger.rules.over_budget", None),
        ("beancount.plugins.auto_accounts", None),
        ("ledger.grant", None),
        ("some.plugin", "its config"),
    ]
    monkeypatch.setattr(loader, "PLUGINS_AUTO", [("beancount.plugins.auto", None)])
    later = [("beancount.plugins.auto_accounts", None), ("some.plugin", "its config")]
    default = {"plugin": named, "plugin_processing_mode": "default"}
    raw = {"plugin": named, "plugin_processing_mode": "raw"}
    # In the default mode the loader runs its auto plugins (`bean-check --auto`) after ours.
    assert later_plugins(default) == [*later, ("beancount.plugins.auto", None)]
    assert later_plugins(raw) == later
    # Called by a front end or a benchmark, with no plugin of ours named: nothing runs.
    assert later_plugins({"plugin": named[:1], "plugin_processing_mode": "default"}) == []


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


def test_a_ledger_naming_the_plugin_last_runs_no_other_plugin_again(write_ledger, monkeypatch):
    # The plugin's cost is unchanged for a ledger whose plugin line is last: nothing is run.
    path = write_ledger(
        funding(2024), preamble='plugin "beancount.plugins.auto_accounts"\n' + PREAMBLE
    )
    imported: list[str] = []

    class Importer:
        @staticmethod
        def import_module(name: str):
            imported.append(name)
            return importlib.import_module(name)

    monkeypatch.setattr(ledger.later_plugins, "importlib", Importer)
    assert validated(path) == Counter()
    assert imported == []
