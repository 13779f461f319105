"""No input raises: the grant directives and metadata, fuzzed (issue 10.5).

Whatever values a `grant-*` or `import-*` directive carries and whatever metadata an entry has,
the grant's analysis (configuration, books, every rule, the closing figures, every report)
answers with findings, never an exception.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from beancount import loader
from beancount.core import account as account_lib
from beancount.core import data
from beancount.parser.grammar import ValueType
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ledger.closing import closing_figures
from ledger.directives import OTHER_TYPES, SIGNATURES
from ledger.grant_ledger import GrantLedger
from ledger.loading import LoadedLedger
from reports.build import KINDS, build_report

OPENED = (
    "Assets:Bank:Grant",
    "Income:Grant:State",
    "Income:Grant:Local",
    "Expenses:Program:Admin",
    "Expenses:Program:Relief",
    "Expenses:Fees",
)
ACCOUNTS = (*OPENED, "Expenses:Program", "Assets:Never-Opened", "Income")
TYPES = (
    *SIGNATURES,
    *OTHER_TYPES,
    "fava-option",
    "grant-budjet",
    "import-rules",
    "grant-",
    "grant-close ",
)

#: Numbers at the edges: years out of range, amounts beyond any precision, not numbers at all.
EDGES = [
    Decimal(text)
    for text in ("0", "-1", "1", "0.5", "2024", "99999", "1e30", "1E+2", "NaN", "Infinity", "-0")
]
numbers = st.one_of(
    st.sampled_from(EDGES),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40).map(Decimal),
)
amounts = st.builds(data.Amount, numbers, st.sampled_from(["CNY", "USD"]))
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
raw_values = st.one_of(
    numbers, amounts, st.text(max_size=12), st.booleans(), dates, st.integers(), st.none()
)
accounts = st.sampled_from(ACCOUNTS).map(lambda name: ValueType(name, account_lib.TYPE))
values = st.one_of(
    accounts,
    numbers.map(lambda number: ValueType(number, Decimal)),
    amounts.map(lambda amount: ValueType(amount, data.Amount)),
    st.text(max_size=12).map(lambda text: ValueType(text, str)),
    st.sampled_from(["year", "month"]).map(lambda text: ValueType(text, str)),
    st.booleans().map(lambda flag: ValueType(flag, bool)),
    dates.map(lambda day: ValueType(day, datetime.date)),
)
#: Values shaped like a directive's signature (an account, then a number or an amount), so that
#: the parser gets past its arity checks to the values themselves.
shaped = st.tuples(
    accounts,
    st.one_of(
        numbers.map(lambda number: ValueType(number, Decimal)),
        amounts.map(lambda amount: ValueType(amount, data.Amount)),
        accounts,
    ),
    st.lists(values, max_size=2),
).map(lambda parts: [parts[0], parts[1], *parts[2]])
lone_number = numbers.map(lambda number: [ValueType(number, Decimal)])
grant_dates = st.dates(min_value=datetime.date(2023, 1, 1), max_value=datetime.date(2026, 12, 31))
customs = st.builds(
    lambda lineno, day, kind, vals, meta: data.Custom(
        {"filename": "fuzz.beancount", "lineno": lineno, **meta}, day, kind, vals
    ),
    st.integers(min_value=1, max_value=10_000),
    grant_dates,
    st.sampled_from(TYPES),
    # None: a directive written without values (`custom "grant-budget"`), as Beancount gives it.
    st.one_of(st.lists(values, max_size=4), shaped, lone_number, st.none()),
    st.dictionaries(
        st.sampled_from(["seal", "seal-file", "balance", "reason"]), raw_values, max_size=3
    ),
)
transaction_meta = st.dictionaries(
    st.sampled_from(["voucher", "attachments", "grant-year", "document", "document-2"]),
    raw_values,
    max_size=4,
)

#: A sane grant the fuzzed directives are added to, so that every rule has work to do.
BASE = f"""
option "operating_currency" "CNY"
{chr(10).join(f"2023-01-01 open {name}" for name in OPENED)}
2023-01-01 custom "grant-account" Assets:Bank:Grant "grant"
2023-01-01 custom "grant-source" Income:Grant:State 1000.00 CNY
2023-01-01 custom "grant-source" Income:Grant:Local 1000.00 CNY
2023-01-01 custom "grant-match" Income:Grant:Local Income:Grant:State 1
2023-01-01 custom "grant-category" Expenses:Program:Admin "admin"
2023-01-01 custom "grant-category" Expenses:Program:Relief "relief"
2023-01-01 custom "grant-budget" Expenses:Program:Admin 800.00 CNY
2023-01-01 custom "grant-budget" Expenses:Program:Relief 1200.00 CNY
2023-01-01 custom "grant-carryforward" Expenses:Program:Relief 1
2024-01-02 * "State" "allocation"
  voucher: "R-1"
  Income:Grant:State  -1000.00 CNY
  Assets:Bank:Grant
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  Expenses:Program:Admin  300.00 CNY
  Assets:Bank:Grant
2025-01-20 custom "grant-close" 2024
"""
BASE_ENTRIES, BASE_ERRORS, BASE_OPTIONS = loader.load_string(BASE)
assert not BASE_ERRORS, BASE_ERRORS


def analyse(entries: list[data.Directive]) -> None:
    """Everything a load does with the grant, and every report of it."""
    entries = sorted(entries, key=data.entry_sortkey)
    options = dict(BASE_OPTIONS, filename=str(Path.cwd() / "fuzz.beancount"))
    grant = GrantLedger(entries, options)
    findings = grant.findings
    assert all(isinstance(finding.message, str) for finding in findings)
    for books in grant.books.values():
        closing_figures(books, grant.config.currency or "CNY")
    loaded = LoadedLedger(Path("fuzz.beancount"), entries, options, [], grant, findings)
    for kind in KINDS:
        build_report(kind, loaded, None, "zh")


# No example database: the tests write nothing into the repository.
FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def custom(kind: str, *values: ValueType) -> data.Custom:
    """A directive as the parser makes it."""
    return data.Custom(
        {"filename": "fuzz.beancount", "lineno": 1}, datetime.date(2025, 2, 1), kind, list(values)
    )


def number(text: str) -> ValueType:
    return ValueType(Decimal(text), Decimal)


def account(name: str) -> ValueType:
    return ValueType(name, account_lib.TYPE)


@FUZZ
@given(st.lists(customs, max_size=6))
# The cases, always tried: a close of year 0 or 99999, a budget of 10^30.
@example([custom("grant-close", number("0"))])
@example([custom("grant-close", number("99999"))])
@example(
    [
        custom(
            "grant-budget",
            account("Expenses:Program:Admin"),
            ValueType(data.Amount(Decimal("1e30"), "CNY"), data.Amount),
        )
    ]
)
# Found by this test: Beancount's Amount raises when compared with a string.
@example([custom("grant-voucher-period", ValueType(data.Amount(Decimal(0), "CNY"), data.Amount))])
@example(
    [
        custom(
            "fava-option",
            ValueType(data.Amount(Decimal(0), "CNY"), data.Amount),
            ValueType("zh", str),
        )
    ]
)
# Found by this test: a `fava-option` written without values (None) broke the language's check.
@example([data.Custom({"filename": "fuzz.beancount", "lineno": 1}, datetime.date(2023, 1, 1),
                      "fava-option", None)])  # fmt: skip
def test_no_directive_raises(extra):
    analyse([*BASE_ENTRIES, *extra])


@FUZZ
@given(transaction_meta, st.sampled_from(["Expenses:Program:Admin", "Income:Grant:Local"]))
@example({"grant-year": Decimal("0000")}, "Income:Grant:Local")
@example({"attachments": Decimal("-1"), "voucher": Decimal("9")}, "Expenses:Program:Admin")
def test_no_metadata_raises(meta, posted):
    payment = data.Transaction(
        {"filename": "fuzz.beancount", "lineno": 9000, **meta},
        datetime.date(2024, 6, 1),
        "*",
        "Payee",
        "narration",
        frozenset(),
        frozenset(),
        [
            data.Posting(posted, data.Amount(Decimal("10.00"), "CNY"), None, None, None, None),
            data.Posting(
                "Assets:Bank:Grant", data.Amount(Decimal("-10.00"), "CNY"), None, None, None, None
            ),
        ],
    )
    analyse([*BASE_ENTRIES, payment])


@settings(max_examples=40, deadline=None, database=None)
@given(
    st.sampled_from(TYPES),
    st.lists(
        st.one_of(
            st.sampled_from(ACCOUNTS),
            st.sampled_from(["0", "99999", "2024", "-5", "1.5", "1" + "0" * 30 + ".00 CNY"]),
            st.sampled_from(['"year"', '"x"', "TRUE", "2024-01-01", "12.00 CNY"]),
        ),
        max_size=4,
    ),
)
def test_no_directive_text_raises(kind, tokens):
    text = BASE + f'2024-06-01 custom "{kind}" {" ".join(tokens) or "0"}\n'
    entries, _, _ = loader.load_string(text)
    analyse(entries)
