"""The carry-forward and surplus table (结转结余表): where each year's money went.

Per fiscal year: opening balance + received − spent − returned + other income and payments, net
+ the increase of payables = closing balance, checked against the dedicated account's balance
as Beancount books it. Then what the year left unspent: carried forward (结转) and lapsed
(结余), and how much of the lapsed funds has been returned to finance (结余上缴).

Returns of lapsed funds are applied to the oldest lapsed funds first: the 2024 surplus returned
in February 2025 is 2024's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from decimal import Decimal

from beancount.core import account_types, data

from ledger.activity import ZERO, Flow
from ledger.model import GrantConfig, Year
from ledger.roles import AccountRoles, Role
from reports.context import ReportContext
from reports.table import Equation, Row, Table

_COMPONENTS = ("received", "spent", "returned", "other", "payables")

#: What a year's figures add up to: the closing balance, its difference from the bank's, and
#: the lapsed funds still to return.
EQUATIONS = (
    Equation(
        "closing",
        (
            (1, "opening"),
            (1, "received"),
            (-1, "spent"),
            (-1, "returned"),
            (1, "other"),
            (1, "payables"),
        ),
    ),
    Equation("difference", ((1, "closing"), (-1, "bank"))),
    Equation("lapsed_outstanding", ((1, "lapsed"), (-1, "lapsed_returned"))),
)


def components(flow: Flow, config: GrantConfig) -> dict[str, Decimal]:
    """How one entry moves the dedicated account, by kind of counter account.

    Each counter posting moves the dedicated account by its opposite, so the components of an
    entry add up to its change of the dedicated account (zero for an expense booked to a
    payable: spent, and the payable increased by as much).
    """
    parts = dict.fromkeys(_COMPONENTS, ZERO)
    parts["received"] = -sum(flow.sources.values(), ZERO)
    parts["spent"] = sum(flow.categories.values(), ZERO)
    for account, number in flow.allowed.items():
        if account in config.returns:
            parts["returned"] += number
        elif account_types.get_account_type(account) == "Liabilities":
            parts["payables"] -= number
        else:
            parts["other"] -= number
    parts["other"] -= sum(flow.others.values(), ZERO)
    return parts


def bank_balances(entries: Iterable[data.Directive], config: GrantConfig) -> dict[Year, Decimal]:
    """The dedicated account's change per year, summed from its postings as Beancount has them.

    An independent count of what the books hold, to check the table's arithmetic against.
    """
    roles = AccountRoles(config)
    by_year: dict[Year, Decimal] = {}
    for entry in entries:
        if not isinstance(entry, data.Transaction):
            continue
        for posting in entry.postings:
            if posting.units.currency != config.currency:
                continue
            if roles.of(posting.account)[0] is Role.DEDICATED:
                year = entry.date.year
                by_year[year] = by_year.get(year, ZERO) + posting.units.number
    return by_year


def lapsed_returned(lapsed: dict[Year, Decimal], returns: list[Decimal]) -> dict[Year, Decimal]:
    """How much of each closed year's lapsed funds the returns paid back, oldest first."""
    owed = deque((year, amount) for year, amount in sorted(lapsed.items()) if amount > 0)
    paid = dict.fromkeys(lapsed, ZERO)
    for amount in returns:
        while amount > 0 and owed:
            year, due = owed[0]
            used = min(due, amount)
            paid[year] += used
            amount -= used
            if used == due:
                owed.popleft()
            else:
                owed[0] = (year, due - used)
    return paid


def balances_table(ctx: ReportContext) -> Table:
    """The carry-forward and surplus table of the context's years."""
    t = ctx.labels
    config = ctx.config
    flows_by_year: dict[Year, dict[str, Decimal]] = {}
    returns: list[Decimal] = []
    for flow in ctx.ledger.grant.activity.flows:
        parts = components(flow, config)
        totals = flows_by_year.setdefault(flow.year, dict.fromkeys(_COMPONENTS, ZERO))
        for key, number in parts.items():
            totals[key] += number
        if parts["returned"]:
            returns.append(parts["returned"])
    lapsed = {
        year: sum((c.lapsed for c in books.categories.values()), ZERO)
        for year, books in ctx.books.items()
        if books.closed
    }
    paid_back = lapsed_returned(lapsed, returns)
    bank_changes = bank_balances(ctx.ledger.entries, config)

    rows = []
    opening = ZERO
    bank = ZERO
    for year, books in ctx.books.items():
        parts = flows_by_year.get(year, dict.fromkeys(_COMPONENTS, ZERO))
        closing = (
            opening
            + parts["received"]
            - parts["spent"]
            - parts["returned"]
            + parts["other"]
            + parts["payables"]
        )
        bank += bank_changes.get(year, ZERO)
        if year in ctx.years:
            values: dict[str, object] = {
                "year": year,
                "opening": opening,
                **parts,
                "closing": closing,
                "bank": bank,
                "difference": closing - bank,
                "closed": books.closed,
            }
            if books.closed:
                carried = sum((c.carried_out for c in books.categories.values()), ZERO)
                values |= {
                    "carried_out": carried,
                    "lapsed": lapsed[year],
                    "lapsed_returned": paid_back[year],
                    "lapsed_outstanding": lapsed[year] - paid_back[year],
                }
            rows.append(Row(values))
        opening = closing
    columns = t.columns(
        ("year", "year"),
        ("opening", "money"),
        ("received", "money"),
        ("spent", "money"),
        ("returned", "money"),
        ("other", "money"),
        ("payables", "money"),
        ("closing", "money"),
        ("bank", "money"),
        ("difference", "money"),
        ("carried_out", "money"),
        ("lapsed", "money"),
        ("lapsed_returned", "money"),
        ("lapsed_outstanding", "money"),
        ("closed", "flag"),
    )
    notes = [t("note-balances"), t("note-returned")]
    notes += [t("note-open-year", year=year) for year in ctx.years if not ctx.books[year].closed]
    title = t.year_title("title-balances", ctx.year, ctx.years)
    return Table("rows", title, columns, rows, notes, t("title-balances"), EQUATIONS)


def build(ctx: ReportContext) -> list[Table]:
    """The `balances` report's tables."""
    return [balances_table(ctx)]
