"""Rule `over-budget`: a category's spending in a fiscal year stays within what is available.

What is available on a day is the category's whole-year budget in force that day (the last
`grant-budget` dated on or before it; never prorated) plus, for a `grant-carryforward`
category, what was carried in from the closed year before. Refunds count net. The finding
points at each payment that leaves the year's spending above that amount.

    2024-01-01 custom "grant-budget" Expenses:MCH:Training 30000.00 CNY
    2024-06-10 * "省妇幼保健院" "临床进修费"   ; error: 31,200.00 spent of 30,000.00
      voucher: "记-2024-041"
      Expenses:MCH:Training   31200.00 CNY
      Assets:Bank:MCH-Special

    2024-06-01 custom "grant-budget" Expenses:MCH:Training 32000.00 CNY   ; 预算调整: now fine
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ledger.activity import ZERO
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.i18n import money
from ledger.model import amount_in_force, label_of, year_end
from ledger.rules.base import plugin_of

__plugins__ = ("validate_over_budget",)

RULE = "over-budget"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each payment that takes a category's spending in its year above what is available."""
    config = grant.config
    msg = grant.messages
    currency = config.currency
    carried_in = {
        (year, account): category.carried_in
        for year, books in grant.books.items()
        for account, category in books.categories.items()
    }
    if not _may_overspend(grant, carried_in):
        return []
    # Flows come in date order: follow each category's budget schedule with a cursor, and
    # keep what is available until the year or the budget in force changes.
    schedules = config.budgets
    cursor = dict.fromkeys(schedules, 0)
    budget_now = dict.fromkeys(schedules, ZERO)
    # The next day each category's budget changes (None when it never does again).
    changes = {account: schedule[0].date for account, schedule in schedules.items() if schedule}
    # Each category's spending so far, and what is available, in the year being read.
    spent: dict[str, Decimal] = {}
    available_now: dict[str, Decimal] = {}
    spent_year = None
    errors = []
    for flow in grant.activity.flows:
        categories = flow.categories
        if not categories:
            continue
        if flow.year != spent_year:
            spent, available_now, spent_year = {}, {}, flow.year
        day = flow.entry.date
        for account, number in categories.items():
            total = spent[account] = spent.get(account, ZERO) + number
            if number <= 0:
                continue
            change = changes.get(account)
            if change is not None and change <= day:
                schedule = schedules[account]
                position = cursor[account]
                while position < len(schedule) and schedule[position].date <= day:
                    budget_now[account] = schedule[position].number
                    position += 1
                cursor[account] = position
                changes[account] = schedule[position].date if position < len(schedule) else None
                available_now.pop(account, None)
            available = available_now.get(account)
            if available is None:
                if account not in budget_now:
                    continue  # a category without a budget: its own config finding
                carried = carried_in.get((flow.year, account), ZERO)
                available = available_now[account] = budget_now[account] + carried
            if total <= available:
                continue
            budget = budget_now[account]
            carried = carried_in.get((flow.year, account), ZERO)
            errors.append(
                GrantError(
                    flow.entry.meta,
                    msg.finding(
                        RULE,
                        "posting",
                        label=label_of(config, account),
                        account=account,
                        year=flow.year,
                        spent=money(total, currency),
                        over=money(total - available, currency),
                        available=money(available, currency),
                        budget=money(budget, currency),
                        carried=money(carried, currency),
                        date=day,
                    ),
                    flow.entry,
                    RULE,
                    account=account,
                    amount=total - available,
                    currency=currency,
                    year=flow.year,
                )
            )
    return errors


def _may_overspend(grant: GrantLedger, carried_in: dict[tuple[int, str], Decimal]) -> bool:
    """Whether a category's spending may pass what is available at some day of some year.

    Its spending never passes its payments of the year (refunds only lower it): a category
    whose payments stay within the least available on any day of the year cannot be over.
    """
    budgets = grant.config.budgets
    for (year, account), paid in grant.activity.paid.items():
        schedule = budgets.get(account, ())
        start = datetime.date(year, 1, 1)
        in_year = [item.number for item in schedule if start < item.date <= year_end(year)]
        least = min([amount_in_force(schedule, start), *in_year])
        if paid > least + carried_in.get((year, account), ZERO):
            return True
    return False


validate_over_budget = plugin_of(check)
