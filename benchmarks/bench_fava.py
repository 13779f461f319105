"""The grant page against Fava's income statement, per request, on a 100,000-transaction ledger.

One run loads a generated grant ledger (`benchmarks.generate`, the grant page turned on) in
Fava, then times requests through Flask's test client, best of N after the first, side by
side:

- the page as the browser first loads it: the grant page (`extension/GrantPage/`) against the
  income statement's page plus the data its script fetches (`income_statement/` and
  `api/income_statement`);
- moving to it inside Fava (the router fetches the grant page with `?partial=true`, the income
  statement's data only);

each without a time filter and with the ledger's last year as the filter. Also printed: the
load and the grant page's share of it (its books, built once per load), and each first request
after it (the grant page's first request of a year builds that year's reports; later ones reuse
them until the next load). Goal: the grant page costs at most 1.5x the income statement.

    python -m benchmarks fava
    BENCH_FAVA_SIZE=10000 BENCH_RUNS=5 python -m benchmarks fava
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fava.application import create_app

from benchmarks.bench_grant import best_of
from benchmarks.generate import FIRST_YEAR, PER_YEAR, write_ledger
from ledger.loading import loaded_ledger

SIZE = int(os.environ.get("BENCH_FAVA_SIZE", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
GOAL = 1.5
EXTENSION = '\n{year}-01-01 custom "fava-extension" "reports.fava_grant"\n'


def timed(action: Callable[[], object]) -> float:
    """One timing of `action`, in seconds."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    """Print the table."""
    with tempfile.TemporaryDirectory() as folder:
        last_year = FIRST_YEAR + max(1, -(-SIZE // PER_YEAR)) - 1

        path = write_ledger(Path(folder), SIZE, with_plugin=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(EXTENSION.format(year=FIRST_YEAR))
        start = time.perf_counter()
        app = create_app([str(path)], load=True)
        load = time.perf_counter() - start
        client = app.test_client()
        slug = client.get("/").headers["Location"].strip("/").split("/")[0]
        # What the grant page adds to each load (its after_load_file hook): the grant's books
        # built from Fava's entries.
        fava_ledger = app.config["LEDGERS"].ledgers[0]
        per_load = best_of(
            3,
            lambda: loaded_ledger(
                path, fava_ledger.all_entries, fava_ledger.load_errors, fava_ledger.options
            ),
        )

        def get(url: str, **args: str) -> Callable[[], object]:
            def request() -> None:
                response = client.get(f"/{slug}/{url}", query_string=args)
                assert response.status_code == 200, (url, response.status_code)

            return request

        print(
            f"{SIZE:,} transactions; Fava's load {load:.2f}s, of which the grant page's books "
            f"{per_load:.2f}s; best of {RUNS} requests, in ms"
        )
        print(
            f"{'time filter':<12}  {'view':<10}  {'grant page':>10}  {'income st.':>10}  "
            f"{'ratio':>6}  {'first grant':>11}  {'first inc.':>10}"
        )
        worst = 0.0
        for time_filter in ("", str(last_year)):
            args = {"time": time_filter} if time_filter else {}
            grant_full = get("extension/GrantPage/", **args)
            grant_partial = get("extension/GrantPage/", partial="true", **args)
            income_page = get("income_statement/", **args)
            income_data = get("api/income_statement", **args)

            def income_full(page=income_page, data=income_data) -> None:
                page()
                data()

            # The first requests after the load (the grant page's year and Fava's filtered
            # ledger are computed then), then the steady state.
            first_grant = timed(grant_full)
            first_income = timed(income_full)
            rows = (
                ("page", grant_full, income_full),
                ("navigate", grant_partial, income_data),
            )
            for view, grant, income in rows:
                grant_ms = best_of(RUNS, grant) * 1000
                income_ms = best_of(RUNS, income) * 1000
                ratio = grant_ms / income_ms
                worst = max(worst, ratio)
                firsts = (
                    f"{first_grant * 1000:>11.1f}  {first_income * 1000:>10.1f}"
                    if view == "page"
                    else ""
                )
                print(
                    f"{time_filter or '(none)':<12}  {view:<10}  {grant_ms:>10.1f}  "
                    f"{income_ms:>10.1f}  {ratio:>6.2f}  {firsts}",
                    flush=True,
                )
        verdict = "met" if worst <= GOAL else "NOT met"
        print(f"worst ratio {worst:.2f} (goal: at most {GOAL}x): {verdict}")


if __name__ == "__main__":
    main()
