"""The grant plugin's cost: load time with and without it, and `validate` against bean-check.

For generated grant ledgers of 10k, 100k and 500k transactions, one run prints side by side:
Beancount's load without the plugin, with it, their ratio, the plugin's own time (its function
called on the loaded entries, as on a new load), and `mch-ledger validate` against
`bean-check --no-cache` as commands. Goals: the plugin's own time at most 8% of Beancount's
load at 100k, growing linearly (constant time per transaction); `validate` at most 1.05x
`bean-check -C`.

A second table does the same for a 20k ledger where every payment links a copy of its own in a
folder per year, as ledgers kept by hand do (median of 5 loads each). Goal: the whole load with
the plugin at most 1.10x the load without.

A third table sets the plugin's own time on the generated ledger beside the same ledger whose
relief payments name their women (`grant-beneficiaries`: a register of 600 women a year, a
roster now and then, standards), the register and rosters read afresh each run as a command
reads them: what the beneficiary rules add (median of 5, interleaved).

    python -m benchmarks grant            # all sizes
    BENCH_SIZES=10000,100000 python -m benchmarks grant
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from beancount import loader

from benchmarks.generate import write_ledger
from ledger import tables
from ledger.beneficiaries.register import forget_readings
from ledger.grant import enforce_grant_rules
from ledger.grant_ledger import SLOT

DOCUMENTS_SIZE = int(os.environ.get("BENCH_DOCUMENTS_SIZE", "20000"))
SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "10000,100000,500000").split(","))
BIN = Path(sys.executable).parent


def timings(runs: int, action: Callable[[], object]) -> list[float]:
    """`runs` timings of `action`, in seconds."""
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        found.append(time.perf_counter() - start)
    return found


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `action`, in seconds."""
    return min(timings(runs, action))


def load(path: Path) -> tuple:
    """Load like Fava and validate do: no pickle cache."""
    return loader._load([(str(path), True)], None, None, None)


def fresh_plugin_run(entries: list, options_map: dict) -> tuple:
    """The plugin on loaded entries, as on a new load: without the grant ledger of a run before."""
    options_map.pop(SLOT, None)
    return enforce_grant_rules(entries, options_map)


def command(*args: str) -> Callable[[], object]:
    """A command to time; its exit status is checked (the ledgers are clean)."""
    return lambda: subprocess.run(args, check=True, capture_output=True)


def main() -> None:
    """Print the table."""
    header = (
        f"{'transactions':>12}  {'load':>8}  {'+plugin':>8}  {'ratio':>6}  "
        f"{'plugin':>7}  {'plugin/load':>11}  {'µs/txn':>7}  "
        f"{'bean-check':>10}  {'validate':>8}  {'ratio':>6}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            runs = 3 if size <= 100_000 else 1
            plain = write_ledger(Path(folder), size, with_plugin=False)
            grant = write_ledger(Path(folder), size, with_plugin=True)
            bare = best_of(runs, partial(load, plain))
            with_plugin = best_of(runs, partial(load, grant))
            entries, errors, options_map = load(plain)
            assert not errors, errors[:3]
            plugin = best_of(runs, partial(fresh_plugin_run, entries, options_map))
            _, findings = fresh_plugin_run(entries, options_map)
            assert not findings, findings[:3]
            bean_check = best_of(runs, command(str(BIN / "bean-check"), "--no-cache", str(grant)))
            validate = best_of(runs, command(str(BIN / "mch-ledger"), "validate", str(grant)))
            print(
                f"{size:>12,}  {bare:>7.2f}s  {with_plugin:>7.2f}s  {with_plugin / bare:>6.3f}  "
                f"{plugin:>6.2f}s  {plugin / bare:>10.1%}  {plugin / size * 1e6:>7.1f}  "
                f"{bean_check:>9.2f}s  {validate:>7.2f}s  {validate / bean_check:>6.3f}",
                flush=True,
            )
            plain.unlink()
            grant.unlink()
    documents_table()
    beneficiaries_table()


def median_of(runs: int, action: Callable[[], object]) -> float:
    """The median of `runs` timings of `action`, in seconds."""
    return statistics.median(timings(runs, action))


def documents_table() -> None:
    """The load with and without the plugin when every payment has a copy of its own."""
    size = DOCUMENTS_SIZE
    print()
    print(f"{size:,} transactions, a copy of its own for every payment (median of 5):")
    print(f"{'load':>8}  {'+plugin':>8}  {'ratio':>6}  {'plugin':>7}  {'µs/txn':>7}")
    with tempfile.TemporaryDirectory() as folder:
        plain = write_ledger(Path(folder), size, with_plugin=False, distinct_documents=True)
        grant = write_ledger(Path(folder), size, with_plugin=True, distinct_documents=True)
        bare_runs, plugin_runs = [], []
        for _ in range(5):  # interleaved, so a busy moment hurts both alike
            bare_runs.append(median_of(1, partial(load, plain)))
            plugin_runs.append(median_of(1, partial(load, grant)))
        bare, with_plugin = statistics.median(bare_runs), statistics.median(plugin_runs)
        entries, errors, options_map = load(plain)
        assert not errors, errors[:3]
        plugin = median_of(5, partial(fresh_plugin_run, entries, options_map))
        _, findings = fresh_plugin_run(entries, options_map)
        assert not findings, findings[:3]
        print(
            f"{bare:>7.2f}s  {with_plugin:>7.2f}s  {with_plugin / bare:>6.3f}  "
            f"{plugin:>6.2f}s  {plugin / size * 1e6:>7.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()


def beneficiaries_table() -> None:
    """The plugin's own time without and with the beneficiary rules at work."""
    print()
    print("the plugin's own time, without and with relief payments naming women (median of 5):")
    print(f"{'transactions':>12}  {'plugin':>7}  {'µs/txn':>7}  {'+benef.':>7}  {'µs/txn':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (size for size in SIZES if size <= 100_000):
            plain = write_ledger(Path(folder), size, with_plugin=False)
            relief = write_ledger(Path(folder), size, with_plugin=False, beneficiaries=True)
            loaded = {path: load(path) for path in (plain, relief)}
            runs: dict[Path, list[float]] = {plain: [], relief: []}
            for _ in range(5):  # interleaved, so a busy moment hurts both alike
                for path, (entries, errors, options_map) in loaded.items():
                    assert not errors, errors[:3]
                    forget_readings()
                    tables.forget(path.with_name("register.csv"))
                    runs[path] += timings(1, partial(fresh_plugin_run, entries, options_map))
            for entries, _, options_map in loaded.values():
                _, findings = fresh_plugin_run(entries, options_map)
                assert not findings, findings[:3]
            without, with_ = statistics.median(runs[plain]), statistics.median(runs[relief])
            print(
                f"{size:>12,}  {without:>6.2f}s  {without / size * 1e6:>7.1f}  "
                f"{with_:>6.2f}s  {with_ / size * 1e6:>7.1f}",
                flush=True,
            )
            plain.unlink()
            relief.unlink()
