"""Funds in place (资金到位情况): per allocation year and source, and whether the match is met.

Receipts count for the allocation year their `grant-year` names, else for the year of their
date, up to the year's close (what arrives after it is shown, and not counted): the same figures
the `match-shortfall` rule holds the books to.
"""

from __future__ import annotations

from ledger.activity import ZERO
from ledger.books import MatchYear, SourceYear
from reports.context import ReportContext
from reports.table import Equation, Row, Table


def source_row(ctx: ReportContext, source: SourceYear, match: MatchYear | None) -> Row:
    """One source's funds for one allocation year, with its match when it is a matching one."""
    values = {
        "year": source.year,
        "code": ctx.code(source.account),
        "label": ctx.label(source.account),
        "account": source.account,
        "planned": source.planned,
        "received": source.received,
        "late": source.late,
        "tranches": len(source.tranches),
    }
    if match is not None:
        values |= {
            "matches": ctx.label(match.base),
            "ratio": match.ratio,
            "required": match.required,
            "shortfall": match.shortfall,
            "met": match.met,
        }
    return Row(values)


def funding_tables(ctx: ReportContext) -> list[Table]:
    """The sources table (with matching) and the tranches received."""
    t = ctx.labels
    rows: list[Row] = []
    tranche_rows: list[Row] = []
    for year in ctx.years:
        books = ctx.books[year]
        matches = {match.account: match for match in books.matches}
        year_rows = [
            source_row(ctx, source, matches.get(account))
            for account, source in books.sources.items()
        ]
        rows.extend(year_rows)
        rows.append(
            Row(
                {
                    "year": year,
                    "label": t("subtotal", year=year),
                    **{
                        key: sum((row.values[key] for row in year_rows), ZERO)
                        for key in ("planned", "received", "late")
                    },
                    "tranches": sum(row.values["tranches"] for row in year_rows),
                },
                "subtotal",
            )
        )
        close_date = books.close.entry.date if books.close else None
        for source in books.sources.values():
            for tranche in source.tranches:
                entry = tranche.entry
                tranche_rows.append(
                    Row(
                        {
                            "grant_year": tranche.grant_year,
                            "label": ctx.label(source.account),
                            "account": source.account,
                            "date": tranche.date,
                            "voucher": entry.meta.get("voucher"),
                            "payee": entry.payee,
                            "narration": entry.narration,
                            "amount": tranche.amount,
                            "late": close_date is not None and tranche.date > close_date,
                        }
                    )
                )
    tranche_rows.sort(key=lambda row: (row.values["grant_year"], row.values["date"]))
    sources = Table(
        "rows",
        t.year_title("title-funding", ctx.year, ctx.years),
        t.columns(
            ("year", "year"),
            ("code", "text"),
            ("label", "text"),
            ("account", "text"),
            ("planned", "money"),
            ("received", "money"),
            ("late", "money"),
            ("tranches", "count"),
            ("matches", "text"),
            ("ratio", "text"),
            ("required", "money"),
            ("shortfall", "money"),
            ("met", "flag"),
        ),
        rows,
        [t("note-late")],
        t("title-funding"),
        # A match short: what is required less what came.
        (Equation("shortfall", ((1, "required"), (-1, "received"))),),
    )
    tranches = Table(
        "tranches",
        t.year_title("title-tranches", ctx.year, ctx.years),
        t.columns(
            ("grant_year", "year"),
            ("label", "text"),
            ("date", "date"),
            ("voucher", "text"),
            ("payee", "text"),
            ("narration", "text"),
            ("amount", "money"),
            ("late", "flag"),
        ),
        tranche_rows,
        name=t("title-tranches"),
    )
    return [sources, tranches]


def build(ctx: ReportContext) -> list[Table]:
    """The `funding` report's tables."""
    return funding_tables(ctx)
