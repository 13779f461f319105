"""Property: any overlapping split of a statement, imported in any order, gives each row once.

A statement of a few rows (across a fiscal year's end, some rows without a bank reference or
with an all-zero one) is cut into overlapping parts, each of whole days as a bank's statement of
a period is (its closing balance is the balance at the end of its last day, which a part cut
inside a day would not show). The parts are imported in a random order,
each import's new entries appended to the ledger file and the ledger loaded again, as a user
would with `mch-ledger import extract --append`. Then, whatever the split and the order:

- the ledger holds every row exactly once (date, amount, counterparty, reference);
- every balance assertion of every part holds, and the ledger loads without an error;
- voucher numbers are 1, 2, 3... within each fiscal year, none used twice;
- importing the whole statement once more adds nothing.

Rows without a reference are told apart by date, amount, counterparty and running balance, so
the statements generated keep those distinct (two such rows with all four equal are one row to
the importer, by design).
"""

from __future__ import annotations

import datetime
import itertools
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

from beancount import loader
from beancount.core import data
from beancount.ops.balance import BalanceError
from beancount.parser import printer
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from import_helpers import ACCOUNT, GOLDEN_LEDGER, R, extract, new_transactions, with_balances
from import_helpers import write_statement as write

from ledger.vouchers import parse_voucher

START = datetime.date(2024, 12, 24)
OPENING = Decimal("10000.00")
PEOPLE = ["王丽华", "陈建国", "清溪县宾馆"]


@st.composite
def statements(draw):
    count = draw(st.integers(min_value=2, max_value=8))
    days = sorted(draw(st.lists(st.integers(0, 16), min_size=count, max_size=count)))
    rows = []
    for index, day in enumerate(days):
        cents = draw(st.integers(1, 300000)) * draw(st.sampled_from([1, -1]))
        kind = draw(st.sampled_from(["ref", "ref", "none", "zeros"]))
        ref = {"ref": f"P{index:04d}", "none": "", "zeros": "00000000"}[kind]
        when = datetime.datetime.combine(START + datetime.timedelta(days=day), datetime.time(9))
        who = draw(st.sampled_from(PEOPLE))
        rows.append(
            R(when.isoformat(), f"{Decimal(cents) / 100:.2f}", who, "督导差旅费", "转账", ref)
        )
    rows = with_balances(OPENING, rows)
    # A statement covers whole days: parts start and end where the day changes.
    day_starts = [i for i in range(1, count) if days[i] != days[i - 1]]
    cuts = sorted(draw(st.sets(st.sampled_from(day_starts), max_size=3))) if day_starts else []
    bounds = [0, *cuts, count]
    parts = []
    for start, end in itertools.pairwise(bounds):
        earlier = [b for b in [0, *day_starts] if b <= start]
        parts.append((draw(st.sampled_from(earlier)), end))  # overlapping the earlier parts
    order = draw(st.permutations(range(len(parts))))
    return rows, [parts[i] for i in order]


def _key(row):
    ref = "" if set(row["ref"]) <= {"0"} else row["ref"]
    return (row["when"].date(), row["amount"], row["counterparty"], ref)


def _load(path, final=False):
    """The ledger's entries, loaded as Beancount does.

    Until every part is in, a later part's closing balance may fail: the ledger then truly
    misses the earlier rows, which is what the assertion is for.
    """
    entries, errors, _ = loader.load_file(str(path))
    assert [e for e in errors if final or not isinstance(e, BalanceError)] == [], errors
    return entries


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements())
def test_overlapping_parts_in_any_order_import_each_row_once(case):
    rows, parts = case
    plain = Counter(
        (r["when"].date(), r["amount"], r["counterparty"], r["balance"])
        for r in rows
        if set(r["ref"]) <= {"0"}
    )
    assume(all(n == 1 for n in plain.values()))
    with tempfile.TemporaryDirectory() as folder:
        ledger = Path(folder) / "ledger.beancount"
        opening = f'\n2024-12-01 * "期初"\n  {ACCOUNT}  {OPENING} CNY\n  Income:Grant:County\n'
        ledger.write_text(GOLDEN_LEDGER.read_text(encoding="utf-8") + opening, encoding="utf-8")
        for number, (start, end) in enumerate(parts):
            part = write(Path(folder) / f"part{number}.csv", rows[start:end])
            new = [e for e in extract(part, _load(ledger)) if "__duplicate__" not in e.meta]
            with ledger.open("a", encoding="utf-8") as file:
                file.writelines("\n" + printer.format_entry(entry) for entry in new)
        entries = _load(ledger, final=True)  # every balance assertion holds
        whole = write(Path(folder) / "whole.csv", rows)
        assert new_transactions(extract(whole, entries)) == []

    imported = [e for e in entries if isinstance(e, data.Transaction) and "voucher" in e.meta]
    found = Counter(
        (
            e.date,
            sum(p.units.number for p in e.postings if p.account == ACCOUNT),
            e.payee,
            e.meta.get("bank-ref", ""),
        )
        for e in imported
    )
    assert found == Counter(_key(row) for row in rows)
    for year in {e.date.year for e in imported}:
        numbers = sorted(
            parse_voucher(e.meta["voucher"]).sequence for e in imported if e.date.year == year
        )
        assert numbers == list(range(1, len(numbers) + 1))
