"""The grant plugin's cost: load time with and without it, and `validate` against bean-check.

For generated grant ledgers of 10k, 100k and 500k transactions, one run prints side by side:
Beancount's load without the plugin, with it, their ratio, the plugin's own time (its function
called on the loaded entries), and `mch-ledger validate` against `bean-check --no-cache` as
commands. Goal: the plugin costs at most 10% over Beancount's own load at 100k, and its cost
grows linearly (constant time per 1,000 transactions). The last two columns are the plugin's
own time on the same ledger whose relief payments name their women (`grant-beneficiaries`,
a register of 600 women a year, standards): what the beneficiary rules add.

    python -m benchmarks grant            # all sizes
    BENCH_SIZES=10000,100000 python -m benchmarks grant
"""

from __future__ import annotations

import os
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

SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "10000,100000,500000").split(","))
BIN = Path(sys.executable).parent


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `action`, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def load(path: Path) -> tuple:
    """Load like Fava and validate do: no pickle cache."""
    return loader._load([(str(path), True)], None, None, None)


def command(*args: str) -> Callable[[], object]:
    """A command to time; its exit status is checked (the ledgers are clean)."""
    return lambda: subprocess.run(args, check=True, capture_output=True)


def plugin_time(runs: int, path: Path) -> float:
    """The plugin's own time on the loaded entries of `path` (a ledger without the plugin line).

    Each run gets a fresh copy of the options map (the grant ledger of a run is kept there, and
    the next run would only find it again) and reads the register and rosters afresh, as a
    command does.
    """
    entries, errors, options_map = load(path)
    assert not errors, errors[:3]
    _, findings = enforce_grant_rules(entries, dict(options_map))
    assert not findings, findings[:3]

    def run() -> None:
        forget_readings()
        tables.forget(path.with_name("register.csv"))
        enforce_grant_rules(entries, dict(options_map))

    return best_of(runs, run)


def main() -> None:
    """Print the table."""
    header = (
        f"{'transactions':>12}  {'load':>8}  {'+plugin':>8}  {'ratio':>6}  "
        f"{'plugin':>7}  {'plugin/load':>11}  {'µs/txn':>7}  "
        f"{'bean-check':>10}  {'validate':>8}  {'ratio':>6}  "
        f"{'+benef.':>7}  {'µs/txn':>7}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            runs = 3 if size <= 100_000 else 1
            plain = write_ledger(Path(folder), size, with_plugin=False)
            grant = write_ledger(Path(folder), size, with_plugin=True)
            relief = write_ledger(Path(folder), size, with_plugin=False, beneficiaries=True)
            bare = best_of(runs, partial(load, plain))
            with_plugin = best_of(runs, partial(load, grant))
            plugin = plugin_time(runs, plain)
            with_beneficiaries = plugin_time(runs, relief)
            bean_check = best_of(runs, command(str(BIN / "bean-check"), "--no-cache", str(grant)))
            validate = best_of(runs, command(str(BIN / "mch-ledger"), "validate", str(grant)))
            print(
                f"{size:>12,}  {bare:>7.2f}s  {with_plugin:>7.2f}s  {with_plugin / bare:>6.3f}  "
                f"{plugin:>6.2f}s  {plugin / bare:>10.1%}  {plugin / size * 1e6:>7.1f}  "
                f"{bean_check:>9.2f}s  {validate:>7.2f}s  {validate / bean_check:>6.3f}  "
                f"{with_beneficiaries:>6.2f}s  {with_beneficiaries / size * 1e6:>7.1f}",
                flush=True,
            )
            plain.unlink()
            grant.unlink()
            relief.unlink()


if __name__ == "__main__":
    main()
