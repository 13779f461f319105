"""Build a report of any kind from a ledger: the registry of kinds and the shared framing.

A ledger that cannot be loaded at all still gets its findings report (the reason it cannot be
read); any other kind of report needs the books.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ledger.errors import ERROR
from ledger.findings import Finding, for_year, ledger_findings, summary
from ledger.loading import LoadedLedger, UnreadableLedgerError
from ledger.model import Year
from reports import (
    assets,
    balances,
    beneficiaries,
    budget,
    findings,
    funding,
    ledgers,
    performance,
    vouchers,
)
from reports.context import ReportContext, make_context
from reports.labels import Labels
from reports.stamp import make_stamp
from reports.table import Report, Table

Builder = Callable[[ReportContext], list[Table]]

#: Every report kind, in the order the inspection pack holds them.
KINDS: dict[str, Builder] = {
    "budget": budget.build,
    "funding": funding.build,
    "balances": balances.build,
    "performance": performance.build,
    "ledger": ledgers.build,
    "vouchers": vouchers.build,
    "assets": assets.build,
    "beneficiaries": beneficiaries.build,
    "findings": findings.build,
}

_TITLES = {
    "budget": "title-budget",
    "funding": "title-funding",
    "balances": "title-balances",
    "performance": "title-performance",
    "ledger": "title-ledger",
    "vouchers": "title-vouchers",
    "assets": "title-assets",
    "findings": "title-findings",
    "beneficiaries": "title-beneficiaries",
    "pack": "title-pack",
}


def report_title(labels: Labels, kind: str, year: Year | None, years: list[Year]) -> str:
    """The title of a report of `kind` with the year(s) it covers."""
    return labels.year_title(_TITLES[kind], year, years)


def build_report(kind: str, ledger: LoadedLedger, year: Year | None, language: str) -> Report:
    """The report of `kind` on a loaded ledger for `year` (None: every year).

    Raises:
        KeyError: `kind` is not a report kind.
        reports.context.NoDataForYearError: the books do not cover `year`.
    """
    builder = KINDS[kind]
    labels = Labels(language)
    ctx = make_context(ledger, labels, year)
    notes = []
    if kind != "findings":
        errors, warnings = summary(for_year(ledger_findings(ledger), year))
        if errors:
            notes.append(labels("note-findings", errors=errors, warnings=warnings))
    return Report(
        kind,
        report_title(labels, kind, year, ctx.years),
        language,
        builder(ctx),
        make_stamp(ledger.path, ledger.files),
        ctx.currency,
        year,
        notes,
    )


def unreadable_findings_report(error: UnreadableLedgerError, language: str) -> Report:
    """The findings report of a ledger that cannot be read: the one finding that says why."""
    labels = Labels(language)
    finding = Finding("beancount", ERROR, str(error.path), error.line, None, str(error))
    title = report_title(labels, "findings", None, [])
    return Report(
        "findings",
        title,
        language,
        [findings.findings_table(labels, [finding], title)],
        make_stamp(error.path, [Path(error.path)]),
        "CNY",
        None,
    )
