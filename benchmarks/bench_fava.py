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
load and the grant page's share of it (its books and its latest year, built once per load), and
each page's first request on a fresh load (the grant page builds a year's reports on its first
request for it and reuses them until the next load; Fava filters the ledger on the first
request with a new time filter). Goal: the grant page costs at most 1.5x the income statement.

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
from flask import Flask
from flask.testing import FlaskClient

from benchmarks.bench_grant import best_of
from benchmarks.generate import FIRST_YEAR, PER_YEAR, write_ledger
from ledger.loading import loaded_ledger
from reports.fava_grant.view import GrantFigures

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

        def fresh() -> tuple[FlaskClient, str, Flask]:
            """A test client of a Fava that has just loaded the ledger, and its slug."""
            app = create_app([str(path)], load=True)
            client = app.test_client()
            return client, client.get("/").headers["Location"].strip("/").split("/")[0], app

        start = time.perf_counter()
        client, slug, app = fresh()
        load = time.perf_counter() - start
        # What the grant page adds to each load (its after_load_file hook): its figures of the
        # latest year, from the grant ledger the plugin built during Fava's load.
        fava_ledger = app.config["LEDGERS"].ledgers[0]
        loaded = loaded_ledger(
            path, fava_ledger.all_entries, fava_ledger.load_errors, fava_ledger.options
        )
        per_load = best_of(
            3,
            lambda: GrantFigures(loaded, loaded.grant.config.language).of_year(last_year),
        )

        def get(url: str, on: tuple[FlaskClient, str] | None = None, **args: str) -> Callable:
            def request() -> None:
                on_client, on_slug = on or (client, slug)
                response = on_client.get(f"/{on_slug}/{url}", query_string=args)
                assert response.status_code == 200, (url, response.status_code)

            return request

        def first(urls: tuple[str, ...], **args: str) -> float:
            """The first request(s) of a page on a Fava that has just loaded the ledger."""
            fresh_client, fresh_slug, _ = fresh()
            return sum(timed(get(url, (fresh_client, fresh_slug), **args)) for url in urls)

        print(
            f"{SIZE:,} transactions; Fava's load {load:.2f}s, of which the grant page's figures "
            f"{per_load:.2f}s; best of {RUNS} requests, in ms"
        )
        print(
            f"{'time filter':<12}  {'view':<10}  {'grant page':>10}  {'income st.':>10}  "
            f"{'ratio':>6}  {'first grant':>11}  {'first inc.':>10}  {'ratio':>6}"
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

            first_grant = first(("extension/GrantPage/",), **args)
            first_income = first(("income_statement/", "api/income_statement"), **args)
            rows = (
                ("page", grant_full, income_full),
                ("navigate", grant_partial, income_data),
            )
            for view, grant, income in rows:
                grant_ms = best_of(RUNS, grant) * 1000
                income_ms = best_of(RUNS, income) * 1000
                ratio = grant_ms / income_ms
                worst = max(worst, ratio)
                firsts = ""
                if view == "page":
                    first_ratio = first_grant / first_income
                    worst = max(worst, first_ratio)
                    firsts = (
                        f"{first_grant * 1000:>11.1f}  {first_income * 1000:>10.1f}  "
                        f"{first_ratio:>6.2f}"
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
