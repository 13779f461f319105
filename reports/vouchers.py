"""The voucher register (凭证登记簿): every voucher number, its entry and its copy, and the gaps.

An inspector samples vouchers and asks for the copy of the original: the register lists each
voucher with its entry (where it is in the ledger), how many copies are linked and declared
(附件张数), and whether they are on file. A second table lists the numbering's problems: the
numbers missing in a year's sequence (缺号) and the numbers used more than once (重号).
"""

from __future__ import annotations

from beancount.core import data

from ledger.describe import entry_amount
from ledger.findings import display_path
from ledger.vouchers import (
    MONTH_PERIOD,
    VoucherRegister,
    VoucherUse,
    parse_voucher,
    period_text,
)
from reports.context import ReportContext
from reports.table import Row, Table


def where(entry: data.Directive) -> str:
    """An entry's place in the ledger, as FILE:LINE."""
    meta = entry.meta
    return f"{display_path(meta.get('filename'))}:{meta.get('lineno')}"


def _sort_key(use: VoucherUse) -> tuple:
    parsed = parse_voucher(use.number)
    if parsed is None:
        return (use.period, 1, use.number, 0, use.entry.date)
    series = parsed.series
    return (use.period, 0, f"{series.prefix}{series.year}{series.separator}", parsed.sequence)


def register_tables(ctx: ReportContext) -> list[Table]:
    """The register of vouchers and the table of numbering problems."""
    t = ctx.labels
    years = set(ctx.years)
    register = ctx.grant.vouchers
    uses = sorted((use for use in register.uses if use.entry.date.year in years), key=_sort_key)
    rows = [_row(ctx, use.number, use.entry, register) for use in uses]
    # A number that is not text (`voucher: 9`) is listed as written, with the rule's judgement.
    rows.extend(
        _row(ctx, str(value), entry, register)
        for value, entry in register.not_text
        if entry.date.year in years
    )
    rows.extend(
        _row(ctx, None, flow.entry, register) for flow in register.missing if flow.year in years
    )
    table = Table(
        "rows",
        t.year_title("title-vouchers", ctx.year, ctx.years),
        t.columns(
            ("voucher", "text"),
            ("date", "date"),
            ("payee", "text"),
            ("narration", "text"),
            ("amount", "money"),
            ("where", "text"),
            ("copies", "count"),
            ("attachments", "count"),
            ("on_file", "flag"),
            ("status", "text"),
        ),
        rows,
        name=t("title-vouchers"),
    )
    # Numbered per month, a number recurs in each month of a year: the problem names its month.
    monthly = (("period", "text"),) if register.mode == MONTH_PERIOD else ()
    numbering = Table(
        "numbering",
        t.year_title("title-numbering", ctx.year, ctx.years),
        t.columns(
            ("year", "year"), *monthly, ("voucher", "text"), ("problem", "text"), ("where", "text")
        ),
        numbering_problems(ctx),
        name=t("title-numbering"),
    )
    return [table, numbering]


def _row(
    ctx: ReportContext, number: str | None, entry: data.Transaction, register: VoucherRegister
) -> Row:
    """One line of the register: the rules' judgement of the entry's number and copies.

    The status says exactly what the rules find about the entry (`VoucherRegister.judgement`),
    each judgement named (a later use of a number that is also short of copies: both), or ok.
    """
    t = ctx.labels
    required = register.needs_copy(entry)
    copies = register.copies_of(entry, required)
    judged = register.judgement(entry)
    status = t.join(t(f"status-{judgement}") for judgement in judged) if judged else t("status-ok")
    on_file = copies.not_found is None
    return Row(
        {
            "year": entry.date.year,
            "voucher": number,
            "date": entry.date,
            "payee": entry.payee,
            "narration": entry.narration,
            "amount": entry_amount(entry),
            "where": where(entry),
            "copies": len(copies.copies),
            "attachments": copies.declared,
            "on_file": copies.complete if required else on_file if copies.copies else None,
            "status": status,
        }
    )


def numbering_problems(ctx: ReportContext) -> list[Row]:
    """The numbers missing from each period's sequences, and the numbers used more than once.

    A period (the fiscal year, or the month with `grant-voucher-period "month"`) numbers from 1
    to its highest number, per series (prefix, year, separator), so 记-2024-001 … 记-2024-049
    with 记-2024-017 unused gives one gap; 记-001 used in 2023 and again in 2024 is no duplicate.
    """
    t = ctx.labels
    register = ctx.grant.vouchers
    years = set(ctx.years)
    periods = {use.period for use in register.uses if use.period[0] in years}
    problems = [
        Row(
            {
                "year": period[0],
                "period": period_text(period),
                "voucher": number,
                "problem": t("problem-gap"),
            }
        )
        for period, number in register.gaps(periods)
    ]
    for (period, number), uses in register.by_number.items():
        if len(uses) > 1 and period in periods:
            problems.append(
                Row(
                    {
                        "year": period[0],
                        "period": period_text(period),
                        "voucher": number,
                        "problem": t("problem-duplicate", count=len(uses)),
                        "where": t.join(where(use.entry) for use in uses),
                    }
                )
            )
    problems.sort(key=lambda row: (row.values["period"], row.values["voucher"]))
    return problems


def build(ctx: ReportContext) -> list[Table]:
    """The `vouchers` report's tables."""
    return register_tables(ctx)
