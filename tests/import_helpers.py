"""Helpers of the import tests: statements written from rows, and extraction against a ledger.

Statements are written in the 清溪农商银行 (qxrcb) layout by the same code that writes the
shipped samples (`tests/statements/make_samples.py`), so a test states its rows and amounts and
the expected entries are worked out by hand in the test.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from beancount import loader
from beancount.core import data
from beancount.parser import options
from statements.make_samples import R, csv_text, qxrcb_table, with_balances

from importers.importer import DUPLICATE, StatementImporter
from importers.profiles import load_profiles
from ledger.loading import LoadedLedger, loaded_ledger

STATEMENTS = Path(__file__).resolve().parent / "statements"
GOLDEN_LEDGER = STATEMENTS / "ledger.beancount"
ACCOUNT = "Assets:Bank:QXRCB"
NUMBER = "201000155550001"

__all__ = ["R", "with_balances"]


def profiles() -> dict:
    """The shipped profiles by id."""
    return {profile.id: profile for profile in load_profiles()}


def loaded_of(entries: Sequence[data.Directive]) -> LoadedLedger:
    """A loaded ledger of `entries` (with Beancount's default options), as the importer reads it."""
    options_map = copy.deepcopy(options.OPTIONS_DEFAULTS)
    return loaded_ledger(Path("<test>"), list(entries), [], options_map)


def importer(profile_id: str = "qxrcb", ledger: Sequence[data.Directive] = ()) -> StatementImporter:
    """The importer of a shipped profile, reading the ledger of `ledger`'s entries."""
    loaded = loaded_of(ledger)
    return StatementImporter(profiles()[profile_id], lambda: loaded)


def golden_entries() -> list[data.Directive]:
    """The entries of the ledger the sample statements are imported against."""
    entries, errors, _ = loader.load_file(str(GOLDEN_LEDGER))
    assert not errors, errors
    return entries


def write_statement(
    path: Path,
    rows: list[dict],
    number: str = NUMBER,
    encoding: str = "gbk",
    start: str = "2025-01-01",
    end: str = "2025-12-31",
) -> Path:
    """A qxrcb statement of `rows` (made with `R` and `with_balances`) at `path`."""
    table = qxrcb_table(number, "某县妇幼保健所项目专户", start, end, rows)
    path.write_bytes(csv_text(table).encode(encoding))
    return path


def statement_text(rows: list[dict], number: str = NUMBER) -> str:
    """The text of a qxrcb statement of `rows`, to edit into a broken one."""
    return csv_text(qxrcb_table(number, "某县妇幼保健所项目专户", "2025-01-01", "2025-12-31", rows))


def extract(path: Path, existing: Sequence[data.Directive], profile_id: str = "qxrcb") -> list:
    """What the importer extracts from `path` against `existing`, as beangulp runs it."""
    found = importer(profile_id, existing)
    entries = found.extract(str(path), list(existing))
    found.sort(entries)
    found.deduplicate(entries, list(existing))
    return entries


def new_transactions(entries: Sequence[data.Directive]) -> list[data.Transaction]:
    """The extracted transactions not marked as duplicates."""
    return [e for e in entries if isinstance(e, data.Transaction) and DUPLICATE not in e.meta]


def amounts(entries: Sequence[data.Directive], account: str = ACCOUNT) -> list[Decimal]:
    """The amount each transaction moves on `account`, in order."""
    return [
        sum(p.units.number for p in e.postings if p.account == account)
        for e in entries
        if isinstance(e, data.Transaction)
    ]
