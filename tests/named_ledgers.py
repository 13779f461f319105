"""The named report ledgers of `tests/report_ledgers/`, copied to a test's folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from ledger.loading import LoadedLedger, load_ledger
from reports.build import build_report
from reports.table import Report

FOLDER = Path(__file__).parent / "report_ledgers"
CARRYFORWARD = "carryforward_two_closed_years"
LATE_TRANCHE = "late_tranche_and_shortfall"


def copy_named(tmp_path: Path, name: str) -> Path:
    """Copy the named ledger into `tmp_path`, beside a voucher copy `copy.pdf`."""
    (tmp_path / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    target = tmp_path / f"{name}.beancount"
    shutil.copyfile(FOLDER / f"{name}.beancount", target)
    return target


def load_named(tmp_path: Path, name: str) -> LoadedLedger:
    """Copy and load the named ledger."""
    return load_ledger(copy_named(tmp_path, name))


def report_of(ledger: LoadedLedger, kind: str, year: int | None = None, lang: str = "en") -> Report:
    """The report of `kind` on a loaded ledger."""
    return build_report(kind, ledger, year, lang)


def entry_values(report: Report, table: int = 0) -> list[dict]:
    """The values of a report table's entry rows."""
    return [dict(row.values) for row in report.tables[table].entries]
