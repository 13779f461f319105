"""How an indicator's actual value is obtained: the `measure:` registry.

A `measure:` is a measure's name and its arguments, separated by spaces:

    measure: "sum participants Expenses:MCH:Training"     ; the sum of a metadata key
    measure: "count supervision Expenses:MCH:Management"  ; the entries carrying a key
    measure: "execution Expenses:MCH:Equipment"           ; a budget execution rate, in %
    measure: "funds Income:Grant:Provincial by 06-30"     ; funds in place by a date, in %
    measure: "match by 06-30"                             ; the match in place by a date, in %
    measure: "reported"                                   ; a `grant-actual` (the default)

Each measure is one small function registered by name with `@measure(NAME, SLOTS, ...)`: the
slots say which arguments it takes (`KEY`, `ACCOUNT`, `DAYS`, `BY`; `?` for optional ones),
and the function reads the load's books for a fiscal year:

    measure: "beneficiaries Expenses:MCH:PovertyRelief"          ; women paid (救助人数)
    measure: "paid-within 30 Expenses:MCH:PovertyRelief"          ; paid in time, in %
    measure: "assets Expenses:MCH:Equipment"                      ; asset cards received

Adding one is a function and its tests:

    @measure("beneficiaries", ("ACCOUNT?",), accounts=BENEFICIARIES)
    def women_paid(query: MeasureQuery) -> Decimal | None:
        ...
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from beancount.core import account as account_lib
from beancount.core import data

from ledger.activity import ZERO, Flow, Tranche
from ledger.books import execution_rate
from ledger.model import GrantConfig, Year
from ledger.performance.model import MeasureArgs, MeasureUse, Target

if TYPE_CHECKING:  # pragma: no cover
    from ledger.grant_ledger import GrantLedger

HUNDRED = Decimal(100)
REPORTED = "reported"


class MeasureQuery(NamedTuple):
    """What a measure is asked: the indicator's value in one fiscal year of a load's books."""

    grant: GrantLedger
    year: Year
    target: Target
    args: MeasureArgs


Compute = Callable[[MeasureQuery], Decimal | None]
"""A measure: the actual value (None when there is none yet)."""

AccountCheck = Callable[[GrantConfig, str], bool]


class AccountRule(NamedTuple):
    """Which accounts a measure may name, and the catalogue's word for them."""

    check: AccountCheck
    word: str
    directive: str | None = None
    """The directive declaring what the measure reads (`grant-beneficiaries`), if it needs one."""
    declared: Callable[[GrantConfig], bool] | None = None
    """Whether the ledger has that directive."""


class Measure(NamedTuple):
    """A registered measure."""

    name: str
    slots: tuple[str, ...]
    compute: Compute
    percent: bool
    """Its values are percentages: the target's unit must be `%`."""
    cumulative: bool
    """Its value grows during the year: an open year's progress is judged against time."""
    accounts: AccountRule | None

    @property
    def signature(self) -> str:
        """How it is written, for messages: `sum KEY ACCOUNT`, `funds [ACCOUNT] [by MM-DD]`."""
        parts = [self.name]
        for slot in self.slots:
            word = "by MM-DD" if slot.rstrip("?") == "BY" else slot.rstrip("?")
            parts.append(f"[{word}]" if slot.endswith("?") else word)
        return " ".join(parts)


MEASURES: dict[str, Measure] = {}
"""Every measure by name, in the order the README documents them."""


def _within_categories(config: GrantConfig, account: str) -> bool:
    """A category, an account inside one, or an account holding categories."""
    return any(
        account == category
        or account.startswith(category + ":")
        or category.startswith(account + ":")
        for category in config.categories
    )


def _related(account: str, declared: str) -> bool:
    """Whether `account` is `declared`, an account inside it, or an account holding it."""
    return (
        account == declared
        or account.startswith(declared + ":")
        or declared.startswith(account + ":")
    )


def _paying_people(config: GrantConfig, account: str) -> bool:
    """The `grant-beneficiaries` account, an account inside it, or one holding it."""
    setup = config.beneficiaries
    return setup is not None and _related(account, setup.account)


def _buying_assets(config: GrantConfig, account: str) -> bool:
    """A `grant-assets` account, an account inside one, or one holding one."""
    return any(_related(account, declared) for declared in config.assets)


SPENDING = AccountRule(_within_categories, "spending")
BENEFICIARIES = AccountRule(
    _paying_people,
    "beneficiaries",
    "grant-beneficiaries",
    lambda config: config.beneficiaries is not None,
)
"""The account a measure of the beneficiary register names: the relief account and its own."""
ASSETS = AccountRule(_buying_assets, "assets", "grant-assets", lambda config: bool(config.assets))
"""The account a measure of the asset register names: a `grant-assets` account and its own."""
CATEGORY = AccountRule(lambda config, account: account in config.categories, "category")
SOURCE = AccountRule(lambda config, account: account in config.sources, "source")
MATCHING = AccountRule(
    lambda config, account: any(match.account == account for match in config.matches), "matching"
)


def measure(
    name: str,
    slots: tuple[str, ...],
    *,
    percent: bool = False,
    cumulative: bool = True,
    accounts: AccountRule | None = None,
) -> Callable[[Compute], Compute]:
    """Register a measure under `name`.

    Args:
        name: the word a `measure:` starts with.
        slots: the arguments it takes, in order: `KEY` (a metadata key), `ACCOUNT`, `DAYS`
            (a whole number), `BY` (`by MM-DD`); a trailing `?` makes one optional.
        percent: whether it gives a percentage (the target must be in `%`).
        cumulative: whether its value grows during the year (progress is judged against time).
        accounts: which accounts its `ACCOUNT` may name.
    """

    def register(compute: Compute) -> Compute:
        MEASURES[name] = Measure(name, slots, compute, percent, cumulative, accounts)
        return compute

    return register


class MeasureSyntaxError(ValueError):
    """A `measure:` that does not read: unknown, or its arguments do not fit its slots."""

    def __init__(self, text: str, known: Measure | None) -> None:
        super().__init__(text)
        self.text = text
        self.known = known


def _slot_value(slot: str, tokens: Sequence[str]) -> tuple[dict[str, object], int] | None:
    """The argument `slot` reads at the start of `tokens`, and how many tokens it takes."""
    if not tokens:
        return None
    token = tokens[0]
    if slot == "KEY":
        plain = token.replace("-", "").replace("_", "")
        is_key = token[:1].islower() and plain.isascii() and plain.isalnum()
        return ({"key": token}, 1) if is_key else None
    if slot == "ACCOUNT":
        return ({"account": token}, 1) if account_lib.is_valid(token) else None
    if slot == "DAYS":
        return ({"days": int(token)}, 1) if token.isdigit() else None
    if slot == "BY":
        if token != "by" or len(tokens) < 2:
            return None
        try:
            day = datetime.datetime.strptime(f"2000-{tokens[1]}", "%Y-%m-%d").date()
        except ValueError:
            return None
        return {"by": (day.month, day.day)}, 2
    raise ValueError(f"unknown measure slot {slot!r}")


def parse_measure(text: str) -> MeasureUse:
    """Read a `measure:` value.

    Raises:
        MeasureSyntaxError: the measure is unknown or its arguments do not fit it.
    """
    tokens = text.split()
    found = MEASURES.get(tokens[0]) if tokens else None
    if found is None:
        raise MeasureSyntaxError(text, None)
    values: dict[str, object] = {}
    rest = tokens[1:]
    for slot in found.slots:
        read = _slot_value(slot.rstrip("?"), rest)
        if read is None:
            if slot.endswith("?"):
                continue
            raise MeasureSyntaxError(text, found)
        values.update(read[0])
        rest = rest[read[1] :]
    if rest:
        raise MeasureSyntaxError(text, found)
    return MeasureUse(found.name, MeasureArgs(**values), " ".join(tokens))  # type: ignore[arg-type]


def cumulative_measures(cumulative: bool = True) -> list[str]:
    """The measures whose value grows during the year (or, with False, the others), in order."""
    return [name for name, found in MEASURES.items() if found.cumulative is cumulative]


def value_of(query: MeasureQuery) -> Decimal | None:
    """The actual value the indicator's measure gives for the query's year."""
    return MEASURES[query.target.measure.name].compute(query)


# -- What the measures read ---------------------------------------------------------------


def flows_of_year(grant: GrantLedger, year: Year) -> Sequence[Flow]:
    """The grant's transactions dated in fiscal `year` (grouped once per load)."""

    def group() -> dict[Year, list[Flow]]:
        by_year: dict[Year, list[Flow]] = {}
        for flow in grant.activity.flows:
            by_year.setdefault(flow.year, []).append(flow)
        return by_year

    return grant.memo(("performance", "flows-by-year"), group).get(year, ())


def posts_to(entry: data.Transaction, account: str) -> bool:
    """Whether `entry` posts to `account` or to an account inside it."""
    prefix = account + ":"
    return any(p.account == account or p.account.startswith(prefix) for p in entry.postings)


def metadata_number(value: object) -> Decimal | None:
    """A metadata value as a number, if it is one (`participants: 25`)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return None
    number = Decimal(value)
    return number if number.is_finite() else None


def entries_with_key(grant: GrantLedger, year: Year, key: str, account: str) -> list[object]:
    """The `key` values of the year's entries on `account` that carry it."""
    return [
        flow.entry.meta[key]
        for flow in flows_of_year(grant, year)
        if key in flow.entry.meta and posts_to(flow.entry, account)
    ]


def by_date(year: Year, by: tuple[int, int] | None) -> datetime.date | None:
    """The day `by MM-DD` names in fiscal `year` (29 February is the 28th in other years)."""
    if by is None:
        return None
    month, day = by
    if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28
    return datetime.date(year, month, day)


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part` as a percentage of `whole`; None when `whole` is zero."""
    return part / whole * HUNDRED if whole else None


# -- The measures ---------------------------------------------------------------------------


@measure("sum", ("KEY", "ACCOUNT"), accounts=SPENDING)
def sum_of_key(query: MeasureQuery) -> Decimal | None:
    """The sum of `KEY` on the year's entries on `ACCOUNT` (`participants: 25` gives 培训人次)."""
    args = query.args
    values = entries_with_key(query.grant, query.year, args.key or "", args.account or "")
    numbers = (metadata_number(value) for value in values)
    return sum((number for number in numbers if number is not None), ZERO)


@measure("count", ("KEY", "ACCOUNT"), accounts=SPENDING)
def count_of_key(query: MeasureQuery) -> Decimal | None:
    """The number of the year's entries on `ACCOUNT` that carry `KEY`."""
    args = query.args
    values = entries_with_key(query.grant, query.year, args.key or "", args.account or "")
    return Decimal(len(values))


@measure("execution", ("ACCOUNT?",), percent=True, accounts=CATEGORY)
def budget_execution(query: MeasureQuery) -> Decimal | None:
    """The budget execution rate in % (spent ÷ available), of one category or of them all."""
    books = query.grant.books.get(query.year)
    if books is None:
        return None
    account = query.args.account
    categories = [c for a, c in books.categories.items() if account in (None, a)]
    rate = execution_rate(
        sum((c.spent for c in categories), ZERO), sum((c.available for c in categories), ZERO)
    )
    return rate * HUNDRED if rate is not None else None


def _received_by(
    tranches: Sequence[Tranche], close: datetime.date | None, by: datetime.date | None
) -> Decimal:
    """What `tranches` brought up to the close and, with `by`, up to that day."""
    return sum(
        (
            t.amount
            for t in tranches
            if (close is None or t.date <= close) and (by is None or t.date <= by)
        ),
        ZERO,
    )


@measure("funds", ("ACCOUNT?", "BY?"), percent=True, accounts=SOURCE)
def funds_in_place(query: MeasureQuery) -> Decimal | None:
    """The funds in place in % (资金到位率): received for the year ÷ planned, by a day if given."""
    books = query.grant.books.get(query.year)
    if books is None:
        return None
    close = books.close.entry.date if books.close else None
    by = by_date(query.year, query.args.by)
    sources = [s for a, s in books.sources.items() if query.args.account in (None, a)]
    received = sum((_received_by(s.tranches, close, by) for s in sources), ZERO)
    return percent_of(received, sum((s.planned for s in sources), ZERO))


@measure("match", ("ACCOUNT?", "BY?"), percent=True, accounts=MATCHING)
def match_in_place(query: MeasureQuery) -> Decimal | None:
    """The match in place in % (配套资金到位率): received ÷ required, by a day if given."""
    books = query.grant.books.get(query.year)
    if books is None:
        return None
    close = books.close.entry.date if books.close else None
    by = by_date(query.year, query.args.by)
    matches = [m for m in books.matches if query.args.account in (None, m.account)]
    received = ZERO
    for match in matches:
        source = books.sources.get(match.account)
        if source is not None:
            received += _received_by(source.tranches, close, by)
    return percent_of(received, sum((m.required for m in matches), ZERO))


@measure(REPORTED, (), cumulative=False)
def reported(query: MeasureQuery) -> Decimal | None:
    """The value of the year's `grant-actual` (a health statistic, a survey), if written."""
    actual = query.grant.targets.actual_of(query.year, query.target.name)
    return actual.value if actual is not None else None


def _within(account: str, root: str | None) -> bool:
    """Whether `account` is `root` or inside it (any account when `root` is None)."""
    return root is None or account == root or account.startswith(root + ":")


def _women_paid_first(query: MeasureQuery) -> dict[str, datetime.date] | None:
    """The women the year's relief payments paid (by who she is), each with her first payment.

    A woman counts when her payments in the year, refunds taken off, are above zero: one paid
    and refunded in full was not paid. Her first payment ever, not the year's: for timeliness
    (a refund is no payment). None without a beneficiary register.
    """
    analysis = query.grant.beneficiaries
    if analysis.setup is None or analysis.register is None:
        return None
    account = query.args.account
    first: dict[str, datetime.date] = {}
    net_in_year: dict[str, Decimal] = {}
    for payment in analysis.payments:
        for share in payment.shares:
            woman = share.beneficiary
            if woman is None or not _within(share.account, account):
                continue
            who = woman.woman or woman.number
            day = payment.entry.date
            if share.amount > 0 and (who not in first or day < first[who]):
                first[who] = day
            if payment.year == query.year:
                net_in_year[who] = net_in_year.get(who, ZERO) + share.amount
    return {who: first[who] for who, net in net_in_year.items() if net > 0 and who in first}


@measure("beneficiaries", ("ACCOUNT?",), accounts=BENEFICIARIES)
def women_paid(query: MeasureQuery) -> Decimal | None:
    """The number of women the year's relief paid (救助人数), each once, from the register.

    A woman is who her identity number says (two pregnancies are one woman); a payment naming a
    number the register does not hold counts nobody; a woman whose payments of the year are
    refunded in full (net zero or less) counts nobody either.
    """
    women = _women_paid_first(query)
    return Decimal(len(women)) if women is not None else None


@measure(
    "paid-within", ("DAYS", "ACCOUNT?"), percent=True, cumulative=False, accounts=BENEFICIARIES
)
def paid_in_time(query: MeasureQuery) -> Decimal | None:
    """The share in % of the year's women whose first relief came within DAYS days of eligibility.

    She is eligible from the later of her evidence's date (证明日期) and the end of her public
    notice (公示结束); a woman without an evidence date was not paid in time.
    """
    women = _women_paid_first(query)
    if not women:  # no register, or nobody paid yet: no value yet
        return None
    register = query.grant.beneficiaries.register
    assert register is not None  # _women_paid_first has read it
    rows = {row.woman or row.number: row for row in register.rows.values()}
    days = query.args.days or 0
    in_time = 0
    for who, first in women.items():
        row = rows.get(who)
        if row is None or row.evidence_date is None:
            continue
        eligible = max(d for d in (row.evidence_date, row.notice_end) if d is not None)
        if (first - eligible).days <= days:
            in_time += 1
    return percent_of(Decimal(in_time), Decimal(len(women)))


@measure("assets", ("ACCOUNT?",), accounts=ASSETS)
def cards_received(query: MeasureQuery) -> Decimal | None:
    """The number of asset cards received (验收) in the year that payments on ACCOUNT name.

    Counted from the asset register: a card is counted in the year of its acceptance date.
    """
    analysis = query.grant.assets
    if not analysis.thresholds or not analysis.registers_read:
        return None
    account = query.args.account
    received = 0
    for card_account in analysis.accounts.values():
        card = card_account.card
        if card is None or card.received is None or card.received.year != query.year:
            continue
        if any(_within(payment.account, account) for payment, _ in card_account.payments):
            received += 1
    return Decimal(received)


def measured_keys(targets: Mapping[Year, Sequence[Target]]) -> set[tuple[str, str]]:
    """The (key, account) pairs the targets' `sum` and `count` measures read."""
    return {
        (target.measure.args.key, target.measure.args.account)
        for targets_of_year in targets.values()
        for target in targets_of_year
        if target.measure.args.key is not None and target.measure.args.account is not None
    }
