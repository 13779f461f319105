"""What a sealed year costs the plugin, and what reading the copies costs `validate`.

A generated ledger of 10,000 transactions over two fiscal years, the first closed and sealed
(`mch-ledger close --seal`): the plugin's time without and with the seals' check, the difference
per sealed transaction, and the copies' hashing that only `validate`, `close` and `verify-pack`
do (`ledger.seals.copy_findings`).

    python -m benchmarks seal
"""

from __future__ import annotations

import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from beancount.core import data
from click.testing import CliRunner

import benchmarks.generate as generate
from commands.main import main as command
from ledger.grant import enforce_grant_rules
from ledger.grant_ledger import SLOT, GrantLedger
from ledger.loading import load_ledger
from ledger.rules import closed_year_changed
from ledger.seals import copy_findings, seal_findings

TRANSACTIONS = 10_000
RUNS = 9


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The least CPU time of `runs` runs of `action`, in seconds (the machine may be busy)."""
    timings = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        action()
        timings.append(time.process_time() - start)
    return min(timings)


def plugin_time(path: Path) -> tuple[float, float]:
    """The plugin's time on the loaded ledger (built afresh each run), with and without seals.

    Alternately on the same load, so that a busy machine weighs on both alike.
    """
    loaded = load_ledger(path)

    def run() -> None:
        loaded.options_map.pop(SLOT, None)
        _, errors = enforce_grant_rules(loaded.entries, loaded.options_map)
        assert not errors, errors[:3]

    with_seals, without = [], []
    for _ in range(3):
        with_seals.append(best_of(RUNS, run))
        closed_year_changed.seal_findings = lambda grant: []
        try:
            without.append(best_of(RUNS, run))
        finally:
            closed_year_changed.seal_findings = seal_findings
    return min(with_seals), min(without)


def main() -> None:
    """Print the table."""
    per_year, generate.PER_YEAR = generate.PER_YEAR, TRANSACTIONS // 2
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = generate.write_ledger(Path(folder), TRANSACTIONS)
            result = CliRunner().invoke(command, ["close", "1990", str(path), "--seal"])
            assert result.exit_code == 0, result.output
            loaded = load_ledger(path)
            transactions = [e for e in loaded.entries if isinstance(e, data.Transaction)]
            sealed = sum(1 for e in transactions if e.date.year == 1990)
            with_seals, without = plugin_time(path)
            copies = best_of(
                3, lambda: copy_findings(GrantLedger(loaded.entries, loaded.options_map))
            )
    finally:
        generate.PER_YEAR = per_year
    count = len(transactions)
    print(f"{'transactions':>12}  {'sealed':>6}  {'plugin':>8}  {'+seals':>8}  {'µs/txn':>7}  "
          f"{'µs/sealed txn':>13}  {'copies (validate)':>17}")  # fmt: skip
    print(
        f"{count:>12,}  {sealed:>6,}  {without * 1e3:>6.1f}ms  {with_seals * 1e3:>6.1f}ms  "
        f"{without / count * 1e6:>7.2f}  {(with_seals - without) / sealed * 1e6:>13.2f}  "
        f"{copies * 1e3:>15.1f}ms"
    )


if __name__ == "__main__":
    main()
