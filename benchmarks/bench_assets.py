"""The asset and procurement rules' cost: the plugin with and without an asset register.

For generated grant ledgers (10k and 100k transactions by default), one line each: Beancount's
load, the plugin's own time per transaction on the ledger without and with the `grant-assets`
and `grant-procurement` directives (one payment in 200 a device naming its card, a register of
every card), both as a share of the load, and the register's first read. Each timing builds
the grant ledger afresh (a plugin run on the same entries otherwise reuses the load's).

    python -m benchmarks assets
    BENCH_SIZES=10000 python -m benchmarks assets
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from beancount import loader

from benchmarks.generate import REGISTER, write_ledger
from ledger.assets import register
from ledger.grant import enforce_grant_rules
from ledger.grant_ledger import SLOT

SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "10000,100000").split(","))


def plugin_time(path: Path, runs: int) -> tuple[float, float, int]:
    """Beancount's load of `path`, the plugin's best time on its entries, and their number."""
    start = time.perf_counter()
    entries, errors, options_map = loader._load([(str(path), True)], None, None, None)
    load = time.perf_counter() - start
    assert not errors, errors[:3]
    best = float("inf")
    for _ in range(runs):
        options_map.pop(SLOT, None)  # a fresh grant ledger: the plugin's whole work
        start = time.perf_counter()
        _, findings = enforce_grant_rules(entries, options_map)
        best = min(best, time.perf_counter() - start)
        assert not findings, findings[:3]
    return load, best, len(entries)


def main() -> None:
    """Print the table."""
    print(
        f"{'transactions':>12}  {'load':>7}  {'µs/txn':>7}  {'/load':>6}  "
        f"{'µs/txn+assets':>13}  {'/load':>6}  {'register read':>13}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            runs = 3 if size <= 100_000 else 1
            plain = write_ledger(Path(folder), size, with_plugin=False)
            assets = write_ledger(Path(folder), size, with_plugin=False, assets=True)
            load, bare, _ = plugin_time(plain, runs)
            load_assets, with_assets, _ = plugin_time(assets, runs)
            register._CACHE.clear()
            start = time.perf_counter()
            register.read_cards(Path(folder) / REGISTER)
            read = time.perf_counter() - start
            print(
                f"{size:>12,}  {load:>6.2f}s  {bare / size * 1e6:>7.1f}  {bare / load:>6.1%}  "
                f"{with_assets / size * 1e6:>13.1f}  {with_assets / load_assets:>6.1%}  "
                f"{read * 1e3:>11.1f}ms",
                flush=True,
            )
            plain.unlink()
            assets.unlink()


if __name__ == "__main__":
    main()
