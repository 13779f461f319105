"""The voucher register (凭证登记簿): every voucher number, its entry and its copy, and the gaps.

An inspector samples vouchers and asks for the copy of the original: the register lists each
voucher with its entry (where it is in the ledger), how many copies are linked and declared
(附件张数), and whether they are on file. A second table lists the numbering's problems: the
numbers missing in a year's sequence (缺号) and the numbers used more than once (重号).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from beancount.core import data

from ledger.activity import ZERO
from ledger.findings import display_path
from ledger.rules.documents import declared_attachments, document_finder, voucher_copies
from ledger.vouchers import VoucherNumber, parse_voucher
from reports.context import ReportContext
from reports.table import Row, Table


def entry_amount(entry: data.Transaction) -> Decimal:
    """The amount of an entry: the sum of its positive postings (its debits)."""
    return sum(
        (p.units.number for p in entry.postings if p.units.number and p.units.number > 0), ZERO
    )


def where(entry: data.Directive) -> str:
    """An entry's place in the ledger, as FILE:LINE."""
    meta = entry.meta
    return f"{display_path(meta.get('filename'))}:{meta.get('lineno')}"


def _sort_key(item: tuple[str, data.Transaction]) -> tuple:
    text, entry = item
    parsed = parse_voucher(text)
    if parsed is None:
        return (entry.date.year, 1, text, 0, entry.date)
    return (parsed.year, 0, f"{parsed.prefix}{parsed.separator}", parsed.sequence, entry.date)


def register_tables(ctx: ReportContext) -> list[Table]:
    """The register of vouchers and the table of numbering problems."""
    t = ctx.labels
    years = set(ctx.years)
    analysis = ctx.ledger.analysis
    finder = document_finder(analysis)
    needs_copy = {id(flow.entry) for flow in analysis.activity.flows if flow.categories}
    vouchers = sorted(
        (item for item in analysis.activity.vouchers if item[1].date.year in years), key=_sort_key
    )
    uses: dict[str, list[data.Transaction]] = defaultdict(list)
    for text, entry in vouchers:
        uses[text].append(entry)

    rows = []
    for text, entry in vouchers:
        copies = voucher_copies(entry.meta)
        filename = entry.meta.get("filename", "")
        on_file = all(finder.exists(value, filename) for value in copies.values())
        declared = declared_attachments(entry.meta)
        required = id(entry) in needs_copy
        complete = bool(copies) and on_file and len(copies) >= (declared or 0)
        status = (
            "status-duplicate"
            if len(uses[text]) > 1
            else "status-no-copy"
            if required and not complete
            else "status-ok"
        )
        rows.append(
            Row(
                {
                    "year": entry.date.year,
                    "voucher": text,
                    "date": entry.date,
                    "payee": entry.payee,
                    "narration": entry.narration,
                    "amount": entry_amount(entry),
                    "where": where(entry),
                    "copies": len(copies),
                    "attachments": declared,
                    "on_file": complete if required else on_file if copies else None,
                    "status": t(status),
                }
            )
        )
    register = Table(
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
    numbering = Table(
        "numbering",
        t.year_title("title-numbering", ctx.year, ctx.years),
        t.columns(("year", "year"), ("voucher", "text"), ("problem", "text"), ("where", "text")),
        numbering_problems(ctx, uses),
        name=t("title-numbering"),
    )
    return [register, numbering]


def numbering_problems(ctx: ReportContext, uses: dict[str, list[data.Transaction]]) -> list[Row]:
    """The numbers missing from each year's sequence, and the numbers used more than once.

    A year's sequence runs from 1 to its highest number, per voucher format (prefix and
    separator), so 记-2024-001 … 记-2024-049 with 记-2024-017 unused gives one gap.
    """
    t = ctx.labels
    sequences: dict[VoucherNumber, set[int]] = defaultdict(set)
    for text in uses:
        parsed = parse_voucher(text)
        if parsed is not None:
            # Numbers of one format and year form one sequence: the format is the number
            # without its sequence.
            sequences[parsed._replace(sequence=0)].add(parsed.sequence)
    problems = []
    for number_format, used in sorted(sequences.items()):
        year = number_format.year
        for missing in sorted(set(range(1, max(used) + 1)) - used):
            number = number_format._replace(sequence=missing)
            problems.append(
                Row({"year": year, "voucher": str(number), "problem": t("problem-gap")})
            )
    for text, entries in uses.items():
        if len(entries) > 1:
            problems.append(
                Row(
                    {
                        "year": entries[0].date.year,
                        "voucher": text,
                        "problem": t("problem-duplicate", count=len(entries)),
                        "where": t.join(where(entry) for entry in entries),
                    }
                )
            )
    problems.sort(key=lambda row: (row.values["year"], row.values["voucher"]))
    return problems


def build(ctx: ReportContext) -> list[Table]:
    """The `vouchers` report's tables."""
    return register_tables(ctx)
