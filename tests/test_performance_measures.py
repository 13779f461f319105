"""Each measure reads the books of its fiscal year, worked out by hand.

The ledger below (on the test preamble: budgets admin 20,000, training 30,000, relief 40,000;
province and county 100,000 each, matched 1:1) has, in 2025:

- training: a course on Training:Courses (3,000.00, participants 30, course "A"), a trip on
  Training:Travel (500.00, participants 2); an admin payment with participants 7 (another
  category); a 2024 course with participants 50 (another year);
- admin spent 5,000.00 of 20,000: 25 %; all categories 8,500.00 of 130,000 (relief carries
  forward: its 40,000 of 2024, unspent at the close, is available in 2025 too): 6.538… %;
- the province 60,000 on 2025-02-28 and 40,000 on 2025-07-01: by 02-29 (28 February in 2025)
  60 %, all of it 100 %; with the county's 100,000, funds in place 200,000 / 200,000 = 100 %;
- the county 30,000 on 2025-03-01 and 70,000 on 2025-09-01, of 100,000 required: 30 % by
  06-30, 100 % by the close;
- the reported value 80, corrected to 85 by a later grant-actual.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.loading import load_ledger
from ledger.performance.measures import MEASURES, MeasureSyntaxError, parse_measure
from ledger.performance.model import MeasureArgs

D = Decimal

TARGETS = [
    ("courses", "2", "count course Expenses:Program:Training", "期"),
    ("trained", "100", "sum participants Expenses:Program:Training", "persons"),
    ("admin rate", "90", "execution Expenses:Program:Admin", "%"),
    ("all rate", "90", "execution", "%"),
    ("province early", "100", "funds Income:Funding:Province by 02-29", "%"),
    ("all funds", "100", "funds", "%"),
    ("match early", "100", "match by 06-30", "%"),
    ("match", "100", "match Income:Funding:County", "%"),
    ("reported", "90", "reported", "%"),
]

BOOKS = """
2024-02-01 * "Province" "2024"
  voucher: "V-2024-1"
  Income:Funding:Province  -10000.00 CNY
  Assets:Bank:Grant-Account
2024-02-01 * "County" "2024"
  voucher: "V-2024-2"
  Income:Funding:County  -10000.00 CNY
  Assets:Bank:Grant-Account
2024-05-01 * "School" "course of 2024"
  voucher: "V-2024-3"
  document: "copy.pdf"
  participants: 50
  course: "old"
  Expenses:Program:Training  1000.00 CNY
  Assets:Bank:Grant-Account
2025-01-10 custom "grant-close" 2024
2025-02-28 * "Province" "2025, first"
  voucher: "V-2025-1"
  Income:Funding:Province  -60000.00 CNY
  Assets:Bank:Grant-Account
2025-03-01 * "County" "2025, first"
  voucher: "V-2025-2"
  Income:Funding:County  -30000.00 CNY
  Assets:Bank:Grant-Account
2025-03-10 * "School" "course A"
  voucher: "V-2025-3"
  document: "copy.pdf"
  participants: 30
  course: "A"
  Expenses:Program:Training:Courses  3000.00 CNY
  Assets:Bank:Grant-Account
2025-04-10 * "Bus" "trip to the course"
  voucher: "V-2025-4"
  document: "copy.pdf"
  participants: 2
  Expenses:Program:Training:Travel  500.00 CNY
  Assets:Bank:Grant-Account
2025-05-10 * "Hotel" "meeting"
  voucher: "V-2025-5"
  document: "copy.pdf"
  participants: 7
  Expenses:Program:Admin  5000.00 CNY
  Assets:Bank:Grant-Account
2025-07-01 * "Province" "2025, second"
  voucher: "V-2025-6"
  Income:Funding:Province  -40000.00 CNY
  Assets:Bank:Grant-Account
2025-09-01 * "County" "2025, second"
  voucher: "V-2025-7"
  Income:Funding:County  -70000.00 CNY
  Assets:Bank:Grant-Account
2026-01-05 custom "grant-actual" "reported" 80
  grant-year: 2025
  document: "copy.pdf"
2026-02-01 custom "grant-actual" "reported" 85
  grant-year: 2025
  document: "copy.pdf"
"""


def targets_text() -> str:
    return "".join(
        f'2025-01-01 custom "grant-target" "{name}" {value} "{unit}"\n'
        f'  kind: "数量"\n  weight: 10\n  measure: "{measure}"\n'
        for name, value, measure, unit in TARGETS
    )


@pytest.fixture
def actuals(write_ledger):
    path = write_ledger(targets_text(), BOOKS)
    loaded = load_ledger(path)
    assert [f for f in loaded.findings if f.rule == "config"] == []
    evaluation = loaded.grant.performance.of_year(2025)
    return {line.target.name: line.actual for line in evaluation.indicators}


def test_each_measure_gives_the_figure_worked_out_by_hand(actuals):
    assert actuals == {
        "courses": D(1),
        "trained": D(32),
        "admin rate": D(25),
        "all rate": D(8500) / D(130000) * 100,
        "province early": D(60),
        "all funds": D(100),
        "match early": D(30),
        "match": D(100),
        "reported": D(85),
    }


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("sum participants Expenses:A", "sum", MeasureArgs("Expenses:A", "participants")),
        ("count course  Expenses:A ", "count", MeasureArgs("Expenses:A", "course")),
        ("execution", "execution", MeasureArgs()),
        ("funds by 06-30", "funds", MeasureArgs(by=(6, 30))),
        ("match Income:B by 12-31", "match", MeasureArgs("Income:B", by=(12, 31))),
        ("reported", "reported", MeasureArgs()),
    ],
)
def test_the_measure_grammar(text, name, args):
    use = parse_measure(text)
    assert (use.name, use.args) == (name, args)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "average participants Expenses:A",
        "sum Expenses:A participants",
        "sum participants",
        "execution Expenses:A Expenses:B",
        "funds by 13-01",
        "funds by",
        "reported now",
    ],
)
def test_what_the_grammar_refuses(text):
    with pytest.raises(MeasureSyntaxError):
        parse_measure(text)


def test_the_registry_documents_each_measures_signature():
    assert [measure.signature for measure in MEASURES.values()] == [
        "sum KEY ACCOUNT",
        "count KEY ACCOUNT",
        "execution [ACCOUNT]",
        "funds [ACCOUNT] [by MM-DD]",
        "match [ACCOUNT] [by MM-DD]",
        "reported",
        "beneficiaries [ACCOUNT]",
        "paid-within DAYS [ACCOUNT]",
        "assets [ACCOUNT]",
    ]
