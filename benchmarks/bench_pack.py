"""The inspection pack's cost against loading the ledger alone, on a 100,000-transaction ledger.

One run prints side by side: the load (`ledger.loading.load_ledger`, uncached, with the grant
rules: what every report starts with), then the pack of the last fiscal year on top of it (all
six reports built, the workbook, the HTML page, the year's voucher copies zipped), their ratio,
and the parts of the pack. Goal: the pack costs at most 1x the load on top of it.

    python -m benchmarks pack
    BENCH_SIZES=10000,100000 python -m benchmarks pack
"""

from __future__ import annotations

import os
import tempfile
import time
from functools import partial
from pathlib import Path

from benchmarks.bench_grant import best_of
from benchmarks.generate import write_ledger
from ledger.loading import load_ledger
from reports.build import KINDS, build_report
from reports.pack import write_pack
from reports.render.as_html import render_html
from reports.render.as_xlsx import render_xlsx

SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "100000").split(","))


def main() -> None:
    """Print the table."""
    print(
        f"{'transactions':>12}  {'load':>7}  {'pack':>7}  {'pack/load':>9}  "
        f"{'reports':>7}  {'xlsx':>6}  {'html':>6}  {'zip+copies':>10}  {'rows':>7}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = write_ledger(Path(folder), size)
            load = best_of(3, partial(load_ledger, path))
            ledger = load_ledger(path)
            year = max(ledger.grant.books)
            target = Path(folder) / "pack.zip"
            pack = best_of(3, partial(write_pack, ledger, year, "zh", "yuan", target))

            start = time.perf_counter()
            reports = [build_report(kind, ledger, year, "zh") for kind in KINDS]
            built = time.perf_counter()
            render_xlsx(reports, "yuan")
            workbook = time.perf_counter()
            render_html(reports, "yuan")
            page = time.perf_counter()
            rows = sum(len(table.rows) for report in reports for table in report.tables)
            rest = pack - (page - start)
            print(
                f"{size:>12,}  {load:>6.2f}s  {pack:>6.2f}s  {pack / load:>9.2f}  "
                f"{built - start:>6.2f}s  {workbook - built:>5.2f}s  {page - workbook:>5.2f}s  "
                f"{rest:>9.2f}s  {rows:>7,}",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
