"""The demo account's statements (清溪农商银行, under documents/) re-create the demo's bank side.

`documents/Assets/Bank/MCH-Special/` holds the bank's statements of 2024 (CSV, GBK), 2025
(.xls) and 2026 (.xlsx), filed where `mch-ledger import archive` puts them. Imported against the
demo with its 147 bank transactions removed, they give those transactions back: same dates,
amounts, bank references, counterparties, and the same accounts, by the demo's own import rules.
Imported against the full demo, they add nothing: not even the closing balances, which the
demo asserts already.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from beancount import loader
from beancount.core import data
from beancount.ops.balance import BalanceError
from click.testing import CliRunner
from import_helpers import loaded_of

from commands.imports import import_group
from importers.importer import DUPLICATE, StatementImporter
from importers.profiles import load_profiles
from ledger.loading import load_ledger

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "main.beancount"
BANK = "Assets:Bank:MCH-Special"
STATEMENTS = sorted((ROOT / "documents" / "Assets" / "Bank" / "MCH-Special").iterdir())


def _bank_side(entries):
    """(date, bank-ref, amount, counterparty, other accounts) of each bank transaction."""
    side = set()
    for entry in entries:
        if isinstance(entry, data.Transaction) and "bank-ref" in entry.meta:
            amount = sum(p.units.number for p in entry.postings if p.account == BANK)
            others = tuple(sorted(p.account for p in entry.postings if p.account != BANK))
            side.add((entry.date, entry.meta["bank-ref"], amount, entry.payee, others))
    return side


@pytest.fixture(scope="module")
def demo_entries():
    return load_ledger(DEMO).entries


def test_the_statements_are_three_years_in_three_formats():
    assert [path.suffix for path in STATEMENTS] == [".csv", ".xls", ".xlsx"]


def test_statements_recreate_the_demo_bank_transactions(tmp_path, demo_entries):
    text = DEMO.read_text(encoding="utf-8")
    paragraphs = re.split(r"\n(?=\S)", text)
    stripped = tmp_path / "main.beancount"
    stripped.write_text("\n".join(p for p in paragraphs if "bank-ref:" not in p), encoding="utf-8")
    arguments = [*map(str, STATEMENTS), "--ledger", str(stripped), "--append", str(stripped)]
    result = CliRunner().invoke(import_group, ["extract", *arguments])
    assert result.exit_code == 0, result.output
    entries, errors, _ = loader.load_file(str(stripped))
    assert [e for e in errors if isinstance(e, BalanceError)] == []
    expected = _bank_side(demo_entries)
    assert len(expected) == 147
    assert _bank_side(entries) == expected
    balances = [(e.date.isoformat(), str(e.amount)) for e in entries if isinstance(e, data.Balance)]
    # The README's year-end figures: 4,818.56 and 8,807.77; 51,269.88 on 14 November 2026.
    assert balances == [
        ("2024-12-22", "4818.56 CNY"),
        ("2025-12-22", "8807.77 CNY"),
        ("2026-11-15", "51269.88 CNY"),
    ]


def test_statements_add_nothing_to_the_full_demo(tmp_path, demo_entries):
    loaded = loaded_of(demo_entries)
    importers = [StatementImporter(p, lambda: loaded) for p in load_profiles()]
    new = []
    for path in STATEMENTS:
        (importer,) = [i for i in importers if i.identify(str(path))]
        assert importer.account(str(path)) == BANK
        entries = importer.extract(str(path), demo_entries)
        new += [e for e in entries if DUPLICATE not in e.meta]
    # The demo already asserts each statement's closing balance, as an import leaves it.
    assert new == []
