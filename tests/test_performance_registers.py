"""The measures read from the registers: women paid, relief paid in time, devices received.

The ledger below (beneficiary_helpers' relief grant, plus an equipment category with an asset
register) works out by hand:

- beneficiaries: JZ-1 and JZ-2 are one woman (one identity number, two pregnancies), JZ-3 and
  JZ-4 two more; JZ-9 is in no register and counts nobody: 3 women in 2026.
- paid-within: she is eligible from the later of her evidence's date and her notice's end.
  JZ-1: eligible 2026-01-11 (notice ends after the evidence of 2025-12-01), first paid
  2026-01-20, 9 days; JZ-3: eligible 2026-02-01 (evidence after the notice), first paid
  2026-03-15, 42 days; JZ-4: no evidence date, never in time. Within 30 days: 1 of 3, 33.33 %;
  within 45 days: 2 of 3, 66.67 %.
- assets: ZC-1 accepted 2026-02-10 and ZC-4 accepted 2026-05-01 are named by equipment
  payments; ZC-2 (accepted 2025) counts for 2025, not 2026; ZC-3 is named by no payment: 2.

With refunds (`test_a_woman_refunded_in_full_was_not_paid`): JZ-5, eligible 2026-01-11, is
paid 700.00 on 2026-01-25 (14 days: in time) and refunded 700.00 on 2026-02-10: net 0, she
counts nobody. JZ-6, eligible 2026-01-11, is paid 500.00 on 2026-01-30 (19 days: in time) and
refunded 200.00: net 300.00, she counts. Women paid: JZ-1/JZ-2, JZ-3, JZ-4 and JZ-6: 4; within
30 days: JZ-1 and JZ-6, 2 of 4, 50 % (had JZ-5 counted: 5 women, 3 in time, 60 %).
"""

from __future__ import annotations

from decimal import Decimal

from beneficiary_helpers import payment, person_id, woman, write_books
from grant_ledgers import assert_findings, expected_marks, funding
from test_performance_config import VALID_TARGETS

from ledger.loading import load_ledger
from ledger.performance.measures import MeasureQuery, cards_received
from ledger.performance.scoring import rounded

MOTHER = person_id("19950310", "026")
EQUIPMENT = """
2025-01-01 open Expenses:Work:Equipment CNY
2025-01-01 custom "grant-category" Expenses:Work:Equipment "equipment"
2025-01-01 custom "grant-budget" Expenses:Work:Equipment 50000.00 CNY
2026-01-01 custom "grant-assets" Expenses:Work:Equipment 1000.00 CNY "cards.csv"
"""
CARDS = """\
卡片编号,资产名称,规格型号,数量,单价,供应商,验收日期,验收单号,保管人,存放地点,状态
ZC-1,monitor,M-1,1,1500.00,Medic Co,2026-02-10,YS-1,Li,Ward A,在用
ZC-2,doppler,D-2,1,2000.00,Medic Co,2025-12-20,YS-2,Li,Ward A,在用
ZC-3,scale,S-3,1,1200.00,Medic Co,2026-04-01,YS-3,Wang,Ward B,在用
ZC-4,incubator,I-4,1,3000.00,Medic Co,2026-05-01,YS-4,Wang,Ward B,在用
"""
TARGETS = """
2026-01-01 custom "grant-target" "women paid" 3 "人"
  kind: "产出-数量"
  weight: 30
  measure: "beneficiaries Expenses:Work:Relief"
2026-01-01 custom "grant-target" "paid in time" 100 "%"
  kind: "产出-时效"
  weight: 30
  measure: "paid-within 30 Expenses:Work:Relief"
2026-01-01 custom "grant-target" "paid within 45 days" 100 "%"
  kind: "产出-时效"
  weight: 10
  measure: "paid-within 45"
2026-01-01 custom "grant-target" "devices" 2 "台"
  kind: "产出-数量"
  weight: 20
  measure: "assets Expenses:Work:Equipment"
"""


def equipment(day: str, voucher: str, amount: str, card: str) -> str:
    return (
        f'{day} * "Medic Co" "device"\n  voucher: "{voucher}"\n  document: "copy.pdf"\n'
        f'  asset: "{card}"\n  Expenses:Work:Equipment  {amount} CNY\n  Assets:Bank:Special\n\n'
    )


def books(tmp_path, more_rows=(), more_payments=()):
    rows = [
        woman("JZ-1", MOTHER),
        woman("JZ-2", MOTHER, pregnancy=("2026-08-01", "2027-05-08")),
        woman("JZ-3", person_id("19970405", "028"), evidence_date="2026-02-01",
              notice=("2026-01-20", "2026-01-26")),
        woman("JZ-4", person_id("19980506", "046"), evidence_date=""),
        *more_rows,
    ]  # fmt: skip
    body = "".join(
        [
            EQUIPMENT,
            TARGETS,
            payment("2026-01-20", "R-1", "300.00", beneficiary='"JZ-1"'),
            payment("2026-02-01", "R-2", "300.00", beneficiary='"JZ-4"'),
            payment("2026-02-02", "R-3", "300.00", beneficiary='"JZ-9"'),
            payment("2026-03-01", "R-4", "300.00", beneficiary='"JZ-2"'),
            payment("2026-03-15", "R-5", "300.00", beneficiary='"JZ-3"'),
            equipment("2026-02-05", "E-1", "1500.00", "ZC-1"),
            equipment("2026-03-05", "E-2", "2000.00", "ZC-2"),
            equipment("2026-05-03", "E-3", "3000.00", "ZC-4"),
            *more_payments,
        ]
    )
    path = write_books(tmp_path, body, rows)
    (tmp_path / "cards.csv").write_text(CARDS, encoding="utf-8")
    return load_ledger(path)


def test_the_register_measures_read_women_timeliness_and_cards(tmp_path):
    performance = books(tmp_path).grant.performance
    actual = {
        line.target.name: rounded(line.actual)
        for line in performance.of_year(2026).indicators
        if line.actual is not None
    }
    assert actual == {
        "women paid": Decimal(3),
        "paid in time": Decimal("33.33"),
        "paid within 45 days": Decimal("66.67"),
        "devices": Decimal(2),
    }


def test_a_card_counts_in_the_year_of_its_acceptance(tmp_path):
    grant = books(tmp_path).grant
    (target,) = [t for t in grant.targets.targets[2026] if t.name == "devices"]
    args = target.measure.args
    counted = {
        year: cards_received(MeasureQuery(grant, year, target, args)) for year in (2025, 2026)
    }
    assert counted == {2025: Decimal(1), 2026: Decimal(2)}


def test_a_woman_refunded_in_full_was_not_paid(tmp_path):
    rows = [
        woman("JZ-5", person_id("19960607", "064")),
        woman("JZ-6", person_id("19930303", "082")),
    ]
    payments = [
        payment("2026-01-25", "R-6", "700.00", beneficiary='"JZ-5"'),
        payment("2026-02-10", "R-7", "-700.00", beneficiary='"JZ-5"'),
        payment("2026-01-30", "R-8", "500.00", beneficiary='"JZ-6"'),
        payment("2026-02-12", "R-9", "-200.00", beneficiary='"JZ-6"'),
    ]
    performance = books(tmp_path, rows, payments).grant.performance
    actual = {
        line.target.name: rounded(line.actual)
        for line in performance.of_year(2026).indicators
        if line.target.name in ("women paid", "paid in time")
    }
    assert actual == {"women paid": Decimal(4), "paid in time": Decimal(50)}


#: Targets whose measures name an account their register does not cover: each a finding at
#: its line (the relief account is Expenses:Work:Relief, the asset account
#: Expenses:Work:Equipment); an account inside or above them is fine.
MISNAMED = """
2026-01-01 custom "grant-target" "women trained" 3 "人"   ; expect: config
  kind: "产出-数量"
  weight: 5
  measure: "beneficiaries Expenses:Work:Equipment"
2026-01-01 custom "grant-target" "paid in time at the desk" 100 "%"   ; expect: config
  kind: "产出-时效"
  weight: 5
  measure: "paid-within 30 Expenses:Work:Admin"
2026-01-01 custom "grant-target" "relief devices" 2 "台"   ; expect: config
  kind: "产出-数量"
  weight: 5
  measure: "assets Expenses:Work:Relief"
2026-01-01 custom "grant-target" "rescued women" 1 "人"
  kind: "产出-数量"
  weight: 5
  measure: "beneficiaries Expenses:Work:Relief:Rescue"
2026-01-01 custom "grant-target" "all devices" 2 "台"
  kind: "产出-数量"
  weight: 5
  measure: "assets Expenses:Work"
"""


def test_a_register_measure_names_an_account_of_its_register(tmp_path):
    ledger = books(tmp_path, more_payments=[MISNAMED])
    marked = {line for rule, line in expected_marks(ledger.path.read_text(encoding="utf-8"))}
    by_line = {
        finding.source["lineno"]: finding.message
        for finding in ledger.findings
        if finding.rule == "config" and "measure" in finding.message
    }
    assert set(by_line) == marked and len(marked) == 3
    assert any(
        "names Expenses:Work:Equipment, which is not the grant-beneficiaries account" in message
        for message in by_line.values()
    )
    assert any(
        "names Expenses:Work:Relief, which is not a grant-assets account" in message
        for message in by_line.values()
    )
    kept = {target.name for target in ledger.grant.targets.targets[2026]}
    assert {"rescued women", "all devices"} <= kept
    assert not {"women trained", "paid in time at the desk", "relief devices"} & kept


def test_a_register_measure_needs_its_register(write_ledger):
    path = write_ledger(
        funding(2025),
        VALID_TARGETS,
        """
        2025-01-01 custom "grant-target" "women paid" 3 "人"   ; expect: config
          kind: "产出-数量"
          weight: 5
          measure: "beneficiaries"
        2025-01-01 custom "grant-target" "devices" 2 "台"   ; expect: config
          kind: "产出-数量"
          weight: 5
          measure: "assets"
        """,
    )
    messages = [finding.message for finding in assert_findings(path)]
    assert any("the ledger has no grant-beneficiaries" in m for m in messages)
    assert any("the ledger has no grant-assets" in m for m in messages)
