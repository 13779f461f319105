"""Statement import: ours against a plain beangulp `csvbase` importer of the same file.

A generated 清溪农商银行 statement of N rows is imported against a generated grant ledger of N
transactions whose last N/2 are the statement's first N/2 rows (by bank reference). One run
prints, side by side, time (best of 3) and peak memory (tracemalloc, in a separate run) of:

- `csvbase`: a plain beangulp `csvbase.Importer` for the layout (date, payee, narration,
  debit/credit amount, balance), its `extract` only: no checks, no classification, one
  posting per row, no duplicates found;
- `ours`: `mch-ledger.qxrcb`'s `extract` (read, strict checks and running balance, rules,
  duplicates by hashed bank reference, vouchers, balance assertion), then its `deduplicate`.

Goal: ours at most 1.5x the plain `csvbase` extract's time at 100,000, and linear: the time per
1,000 rows stays flat from one size to the next, duplicate detection included. A second table
shows why beangulp's default `deduplicate` (the pairwise heuristic of issue 179) is not used:
on rows crowded into a few days its time grows with the square of their number.

    python -m benchmarks import
    BENCH_IMPORT_SIZES=20000,100000 python -m benchmarks import
"""

from __future__ import annotations

import datetime
import gc
import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from itertools import takewhile
from pathlib import Path

from beancount import loader
from beangulp.importers import csvbase

from benchmarks.generate_statement import ledger_dates, write_ledger, write_statement
from importers.dedup import LedgerIndex, row_key
from importers.importer import StatementImporter
from importers.profiles import load_profiles
from ledger import tables as ledger_tables
from ledger.loading import loaded_ledger

SIZES = tuple(int(size) for size in os.environ.get("BENCH_IMPORT_SIZES", "50000,100000").split(","))
#: beangulp's pairwise deduplication is slow: it is timed on small crowded statements.
DEDUP_ROWS = tuple(
    int(size) for size in os.environ.get("BENCH_DEDUP_ROWS", "500,1000,2000").split(",")
)
RUNS = 3
ACCOUNT = "Assets:Bank:Grant"


class DebitCredit(csvbase.Column):
    """The signed amount of a row from its 借方 and 贷方 columns."""

    def parse(self, debit: str, credit: str) -> Decimal:
        """Credit positive, debit negative."""
        if credit.strip():
            return Decimal(credit.replace(",", ""))
        return -Decimal(debit.replace(",", ""))


class PlainImporter(csvbase.Importer):
    """A plain csvbase importer of the qxrcb layout, as beangulp's examples write one."""

    encoding = "gbk"
    skiplines = 5
    date = csvbase.Date("交易日期", "%Y-%m-%d")
    payee = csvbase.Column("对方户名")
    narration = csvbase.Column("用途")
    amount = DebitCredit("借方发生额", "贷方发生额")
    balance = csvbase.Amount("余额", subs={",": ""})

    def identify(self, filepath: str) -> bool:
        """Every file: the benchmark hands it only its statement."""
        return True

    def read(self, filepath: str):
        """The rows up to the footer (合计), which csvbase would try to parse."""
        return takewhile(
            lambda row: not (row and row[0].startswith("合计")), super().read(filepath)
        )


def _best(runs: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        ledger_tables._CACHE.clear()
        gc.collect()
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def _peak(action: Callable[[], object]) -> float:
    ledger_tables._CACHE.clear()
    gc.collect()
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _sizes(profile, folder: Path) -> None:
    header = (
        f"{'rows':>8} {'ledger':>8} | {'csvbase s':>9} {'MiB':>5} | {'ours s':>7} {'MiB':>5} "
        f"{'ratio':>5} | {'ours ms/1k rows':>15} | {'ours dedup ms/1k':>16}"
    )
    print(header)
    print("-" * len(header))
    for size in SIZES:
        overlap = size // 2
        ledger = write_ledger(folder / f"ledger-{size}.beancount", size, overlap)
        dates = ledger_dates(ledger)
        statement = write_statement(folder / f"statement-{size}.csv", size, size - overlap, dates)
        existing, errors, options_map = loader._load([(str(ledger), True)], None, None, None)
        assert not errors, errors[:3]
        loaded = loaded_ledger(ledger, existing, errors, options_map)

        def ours(statement=statement, existing=existing, loaded=loaded):
            found = StatementImporter(profile, lambda: loaded)
            entries = found.extract(str(statement), existing)
            found.deduplicate(entries, existing)
            return entries

        def plain(statement=statement, existing=existing):
            return PlainImporter(ACCOUNT, "CNY").extract(str(statement), existing)

        fresh = [e for e in ours() if "__duplicate__" not in e.meta]
        assert len(fresh) == size - overlap + 1, len(fresh)  # and the balance assertion
        assert len(plain()) == size + 1
        parsed = StatementImporter(profile).statement(str(statement))

        def dedup(rows=parsed.rows, existing=existing):
            index = LedgerIndex(existing, frozenset({ACCOUNT}))
            return sum(index.take(row_key(ACCOUNT, row)) for row in rows)

        assert dedup() == overlap
        plain_s, ours_s, dedup_s = _best(RUNS, plain), _best(RUNS, ours), _best(RUNS, dedup)
        plain_mib, ours_mib = _peak(plain), _peak(ours)
        print(
            f"{size:>8,} {len(existing):>8,} | {plain_s:>9.2f} {plain_mib:>5.0f} | "
            f"{ours_s:>7.2f} {ours_mib:>5.0f} {ours_s / plain_s:>5.2f} | "
            f"{ours_s / size * 1e6:>15.1f} | {dedup_s / size * 1e6:>16.2f}",
            flush=True,
        )


def _pairwise(profile, folder: Path) -> None:
    """Duplicates among rows crowded in a few days: beangulp's default against ours."""
    print()
    print("duplicates of N rows over 5 days against a ledger of the same N rows (all duplicates):")
    header = f"{'N':>6} | {'beangulp default s':>18} | {'ours s':>8}"
    print(header)
    print("-" * len(header))
    for rows in DEDUP_ROWS:
        ledger = write_ledger(folder / f"dense-{rows}.beancount", rows, rows)
        day = datetime.date(1990, 1, 3)
        dates = [day + datetime.timedelta(days=i * 5 // rows) for i in range(rows)]
        statement = write_statement(folder / f"dense-{rows}.csv", rows, 0, dates)
        existing, _, _ = loader.load_file(str(ledger))
        extracted = PlainImporter(ACCOUNT, "CNY").extract(str(statement), existing)
        plain = PlainImporter(ACCOUNT, "CNY")
        pairwise = _best(1, lambda e=extracted, x=existing, p=plain: p.deduplicate(list(e), x))
        parsed = StatementImporter(profile).statement(str(statement))

        def dedup(rows=parsed.rows, existing=existing):
            index = LedgerIndex(existing, frozenset({ACCOUNT}))
            return sum(index.take(row_key(ACCOUNT, row)) for row in rows)

        ours_s = _best(RUNS, dedup)
        print(f"{rows:>6,} | {pairwise:>18.2f} | {ours_s:>8.4f}", flush=True)


def main() -> None:
    """Print the timings side by side."""
    (profile,) = [p for p in load_profiles() if p.id == "qxrcb"]
    with tempfile.TemporaryDirectory() as folder:
        _sizes(profile, Path(folder))
        _pairwise(profile, Path(folder))
