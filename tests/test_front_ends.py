"""bean-check, Fava and `mch-ledger validate` report the same findings at the same lines."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

from fava.core import FavaLedger
from grant_ledgers import funding

from ledger.errors import GrantError
from ledger.findings import ledger_findings
from ledger.loading import load_ledger

BROKEN = """
2024-03-01 * "Shop" "office party"
  voucher: "V-1"
  Expenses:Other  300.00 CNY
  Assets:Bank:Grant-Account

2024-03-02 * "Trainer" "course"
  voucher: "V-1"
  Expenses:Program:Training  31000.00 CNY
  Assets:Bank:Grant-Account

2025-01-20 custom "grant-close" 2024
"""

BEAN_CHECK = Path(sys.executable).with_name("bean-check")
ERROR_LINE = re.compile(r"^(?P<file>/[^:]+):(?P<line>\d+): (?P<message>\[[\w-]+\] .*)$")


def validate_view(path: Path) -> set[tuple[int, str]]:
    return {(f.line, f.message) for f in ledger_findings(load_ledger(path))}


def test_bean_check_reports_what_validate_reports(write_ledger):
    path = write_ledger(funding(2024), BROKEN)
    result = subprocess.run(
        [str(BEAN_CHECK), "--no-cache", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    reported = {
        (int(found["line"]), found["message"])
        for found in map(ERROR_LINE.match, result.stdout.splitlines() + result.stderr.splitlines())
        if found
    }
    assert reported == validate_view(path)
    assert {message.split("]")[0] for _, message in reported} == {
        "[earmark",
        "[voucher-duplicate",
        "[over-budget",
        "[document-missing",
    }


def test_favas_errors_page_reports_what_validate_reports(write_ledger):
    path = write_ledger(funding(2024), BROKEN)
    fava = FavaLedger(str(path))
    shown = {
        (error.source["lineno"], error.message)
        for error in fava.errors
        if isinstance(error, GrantError)
    }
    assert shown == validate_view(path)


def test_fava_shows_no_budget_the_grant_does_not_set(write_ledger):
    # Fava prorates a budget by day over its monthly interval, so a yearly lump would show red
    # months the grant never raises: the grant page is the budget view, Fava gets no budgets.
    path = write_ledger(
        funding(2024),
        """
        2024-03-01 * "Hospital" "relief"
          voucher: "V-1"
          document: "copy.pdf"
          Expenses:Program:Relief  34000.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    fava = FavaLedger(str(path))
    year = (datetime.date(2024, 1, 1), datetime.date(2025, 1, 1))
    march = (datetime.date(2024, 3, 1), datetime.date(2024, 4, 1))
    for account in ("Expenses:Program:Relief", "Expenses:Program:Admin"):
        assert fava.budgets.calculate(account, *year) == {}
        assert fava.budgets.calculate(account, *march) == {}
