"""The general ledger (总账) of the dedicated account and the ledgers (明细账) of categories.

Each is a table of entries: date, voucher, payee, narration, the counter account, debit, credit,
the running balance and the voucher copy. The dedicated account's balance runs on from year to
year (an opening line each year); a category's is the year's spending so far, so it starts
afresh each year. Each year ends with its totals.
"""

from __future__ import annotations

from decimal import Decimal

from ledger.activity import ZERO, Flow
from ledger.documents import voucher_copies
from reports.context import ReportContext
from reports.table import Column, Equation, Row, Table


def _counter_accounts(ctx: ReportContext, flow: Flow, own: str) -> str:
    """The other grant accounts of an entry, by label."""
    names = [
        ctx.label(account)
        for group in (flow.dedicated, flow.categories, flow.sources, flow.allowed, flow.others)
        for account in group
        if account != own
    ]
    return ctx.labels.join(names)


#: The balance runs on: each entry's is the one before it plus its debit less its credit.
RUNNING_BALANCE = (Equation("balance", ((1, "debit"), (-1, "credit")), running=True),)


def _entry_row(ctx: ReportContext, flow: Flow, own: str, change: Decimal, balance: Decimal) -> Row:
    entry = flow.entry
    return Row(
        {
            "year": flow.year,
            "account": own,
            "date": entry.date,
            "voucher": entry.meta.get("voucher"),
            "payee": entry.payee,
            "narration": entry.narration,
            "counter_account": _counter_accounts(ctx, flow, own),
            "debit": change if change > 0 else None,
            "credit": -change if change < 0 else None,
            "balance": balance,
            "document": "; ".join(voucher_copies(entry.meta).values()) or None,
        }
    )


def _columns(ctx: ReportContext) -> list[Column]:
    return ctx.labels.columns(
        ("date", "date"),
        ("voucher", "text"),
        ("payee", "text"),
        ("narration", "text"),
        ("counter_account", "text"),
        ("debit", "money"),
        ("credit", "money"),
        ("balance", "money"),
        ("document", "text"),
    )


def _year_total(
    ctx: ReportContext, year: int, account: str, rows: list[Row], balance: Decimal
) -> Row:
    return Row(
        {
            "year": year,
            "account": account,
            "narration": ctx.labels("subtotal", year=year),
            "debit": sum((row.values["debit"] or ZERO for row in rows), ZERO),
            "credit": sum((row.values["credit"] or ZERO for row in rows), ZERO),
            "balance": balance,
        },
        "subtotal",
    )


def account_ledger(ctx: ReportContext, account: str, *, runs_on: bool) -> list[Row]:
    """The rows of one account's ledger over the context's years.

    Args:
        ctx: the report's context.
        account: a declared account (the dedicated account or a category).
        runs_on: whether the balance runs on from year to year (the dedicated account) or
            starts afresh each year (a category's spending).
    """
    years = set(ctx.years)
    first = min(years, default=0)
    by_year: dict[int, list[tuple[Flow, Decimal]]] = {}
    running = ZERO
    for flow in ctx.ledger.grant.activity.flows:
        change = flow.dedicated.get(account) if runs_on else flow.categories.get(account)
        if change is None:
            continue
        if flow.year in years:
            by_year.setdefault(flow.year, []).append((flow, change))
        elif flow.year < first:
            running += change
    rows: list[Row] = []
    for year in ctx.years:
        balance = running if runs_on else ZERO
        if runs_on:
            rows.append(
                Row(
                    {
                        "year": year,
                        "account": account,
                        "date": None,
                        "narration": ctx.labels("brought-forward"),
                        "balance": balance,
                    },
                    "opening",
                )
            )
        year_rows = []
        for flow, change in by_year.get(year, ()):
            balance += change
            year_rows.append(_entry_row(ctx, flow, account, change, balance))
        rows.extend(year_rows)
        rows.append(_year_total(ctx, year, account, year_rows, balance))
        running = balance
    return rows


def _coded(ctx: ReportContext, account: str) -> str:
    """An account's label, after its accounting code when its `open` gives one."""
    code = ctx.code(account)
    return f"{code} {ctx.label(account)}" if code else ctx.label(account)


def ledger_tables(ctx: ReportContext) -> list[Table]:
    """The general ledger of each dedicated account, then each category's subsidiary ledger."""
    t = ctx.labels
    columns = _columns(ctx)
    tables = [
        Table(
            "rows",
            t.year_title("title-general-ledger", ctx.year, ctx.years, account=_coded(ctx, account)),
            columns,
            account_ledger(ctx, account, runs_on=True),
            name=t("sheet-general-ledger")
            + (f" {ctx.label(account)}" if len(ctx.config.dedicated) > 1 else ""),
            equations=RUNNING_BALANCE,
        )
        for account in ctx.config.dedicated
    ]
    tables.extend(
        Table(
            "rows",
            t.year_title(
                "title-subsidiary-ledger", ctx.year, ctx.years, label=_coded(ctx, account)
            ),
            columns,
            account_ledger(ctx, account, runs_on=False),
            name=t("sheet-subsidiary-ledger", label=ctx.label(account)),
            equations=RUNNING_BALANCE,
        )
        for account in ctx.config.categories
    )
    return tables


def build(ctx: ReportContext) -> list[Table]:
    """The `ledger` report's tables."""
    return ledger_tables(ctx)
