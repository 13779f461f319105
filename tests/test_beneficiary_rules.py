"""The beneficiary rules on named test ledgers: each finding at the line its marks work out.

Every ledger here is the `beneficiary_helpers.PREAMBLE` grant (2025 closed, the register from
2026-01-01 on, standards: 10,000.00 a woman a year on the relief category, 8,000.00 a
pregnancy on Relief:Rescue, 300.00 a visit and 5 visits a pregnancy on Relief:Checkups) and a
register of women who are eligible and noticed (1-11 January 2026) unless a test says otherwise.
The findings must be exactly the ledger's and register's `expect:` marks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from beneficiary_helpers import (
    PREAMBLE,
    assert_marked_findings,
    findings_at,
    iso7064_check,
    marks_of,
    payment,
    person_id,
    woman,
    write_books,
    write_roster,
)
from click.testing import CliRunner

from commands.main import main
from ledger.findings import ledger_findings
from ledger.loading import load_ledger

PLANTED = Path(__file__).parent / "beneficiary_ledgers"
ANNA = person_id("19950412", "024")  # a woman of 30 in 2026
BEA = person_id("19900101", "046")


def test_the_planted_ledger_fires_each_rule_once_where_its_header_says(tmp_path):
    folder = tmp_path / "books"
    shutil.copytree(PLANTED, folder)
    ledger = folder / "planted_one_of_each.beancount"
    register = folder / "registers" / "救助对象.csv"
    findings = assert_marked_findings(ledger, register)
    # The header's own table, worked out by hand, says the same.
    header = [line for line in ledger.read_text(encoding="utf-8").splitlines() if line[:1] == ";"]
    claimed = set()
    for line in header:
        words = line[1:].split()
        if len(words) >= 3 and words[0] == "line" and words[1].isdigit():
            claimed.add((words[2], str(ledger), int(words[1])))
        elif words and words[0].startswith("registers/救助对象.csv:"):
            claimed.add((words[1], str(register), int(words[0].rsplit(":", 1)[1])))
    assert claimed == {(f.rule, f.file, f.line) for f in findings}
    assert sorted(f.rule for f in findings) == sorted(
        [
            "beneficiary-missing",
            "beneficiary-unknown",
            "beneficiary-id-invalid",
            "beneficiary-duplicate",
            "beneficiary-ineligible",
            "beneficiary-not-noticed",
            "beneficiary-over-standard",
            "roster-mismatch",
        ]
    )


def test_the_planted_ledger_as_committed_gives_its_headers_findings_and_nothing_else():
    # As a user runs it, in place: its voucher copy is on disk beside it.
    ledger = PLANTED / "planted_one_of_each.beancount"
    result = CliRunner().invoke(main, ["validate", str(ledger), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.output)
    assert sorted(f["rule"] for f in findings) == sorted(
        [
            "beneficiary-over-standard",
            "beneficiary-missing",
            "beneficiary-unknown",
            "roster-mismatch",
            "beneficiary-not-noticed",
            "beneficiary-ineligible",
            "beneficiary-id-invalid",
            "beneficiary-duplicate",
        ]
    )
    header = ledger.read_text(encoding="utf-8").split("\noption", 1)[0]
    assert "reports these 8 findings and nothing else" in " ".join(header.split())


def test_the_plugin_line_does_not_change_the_findings(tmp_path):
    folder = tmp_path / "books"
    shutil.copytree(PLANTED, folder)
    ledger = folder / "planted_one_of_each.beancount"
    with_plugin = {(f.rule, f.file, f.line) for f in findings_at(ledger)}
    ledger.write_text(
        ledger.read_text(encoding="utf-8").replace('plugin "ledger.grant"', ""), encoding="utf-8"
    )
    assert {(f.rule, f.file, f.line) for f in findings_at(ledger)} == with_plugin


def test_bean_check_reports_the_register_rows_too(tmp_path):
    folder = tmp_path / "books"
    shutil.copytree(PLANTED, folder)
    bean_check = Path(sys.executable).with_name("bean-check")
    ledger = folder / "planted_one_of_each.beancount"
    result = subprocess.run(
        [str(bean_check), "--no-cache", str(ledger)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert f"{folder / 'registers' / '救助对象.csv'}:10:" in result.stdout + result.stderr


def test_a_ledger_adopting_the_register_midway_gets_nothing_for_earlier_payments(tmp_path):
    # 2025 is closed, before the directive (2026-01-01): naming nobody there is no finding.
    early = payment("2025-03-01", "R-2025-1", "500.00")
    preamble = PREAMBLE.replace("2025-12-31 custom", early + "2025-12-31 custom")
    body = payment("2026-02-01", "R-1", "500.00", beneficiary='"A-1"')
    path = write_books(tmp_path, body, [woman("A-1", ANNA)], preamble)
    assert_marked_findings(path, tmp_path / "register.csv")


def test_missing_unknown_and_refunds(tmp_path):
    body = (
        payment("2026-02-01", "R-1", "500.00", mark="beneficiary-missing")
        + payment("2026-02-02", "R-2", "500.00", mark="beneficiary-unknown", beneficiary='"Z-9"')
        + payment("2026-02-03", "R-3", "700.00", beneficiary='"A-1"')
        # A refund names her too; it needs no notice or evidence and lowers her total.
        + payment("2026-02-04", "R-4", "-200.00", beneficiary='"A-1"')
        # Other categories pay no one: nothing to name.
        + payment("2026-02-05", "R-5", "900.00", "Expenses:Work:Admin")
    )
    path = write_books(tmp_path, body, [woman("A-1", ANNA)])
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    missing = next(f for f in findings if f.rule == "beneficiary-missing")
    assert missing.amount == 500 and missing.account == "Expenses:Work:Relief:Rescue"
    assert load_ledger(path).grant.beneficiaries.positions_of("A-1")[0].total == 500


def test_identity_numbers_judged_on_the_register_row_and_ages_on_the_payment(tmp_path):
    young = person_id("20120301", "024")  # 13 on 2026-02-01, 14 on 2026-03-01
    old = person_id("19761001", "024")  # 49 until 2026-10-01
    man = person_id("19950412", "031")
    wrong = ANNA[:-1] + ("0" if ANNA[-1] != "0" else "1")
    rows = [
        woman("A-1", young),
        woman("A-2", old),
        woman("A-3", man, note="expect: beneficiary-id-invalid"),
        woman("A-4", wrong, note="expect: beneficiary-id-invalid"),
        woman("A-5", "", note="expect: beneficiary-id-invalid"),
        woman("A-6", ANNA[:17], note="expect: beneficiary-id-invalid"),
        woman("A-7", person_id("19950230", "024"), note="expect: beneficiary-id-invalid"),
    ]
    body = (
        payment("2026-02-01", "R-1", "100.00", mark="beneficiary-id-invalid", beneficiary='"A-1"')
        + payment("2026-09-30", "R-2", "100.00", beneficiary='"A-2"')
        + payment("2026-10-01", "R-3", "100.00", mark="beneficiary-id-invalid", beneficiary='"A-2"')
        # A man's number is judged once, on its row, however often he is paid.
        + payment("2026-02-01", "R-4", "100.00", beneficiary='"A-3"')
        + payment("2026-02-02", "R-5", "100.00", beneficiary='"A-3"')
    )
    path = write_books(tmp_path, body, rows)
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    too_young = next(f for f in findings if f.file == str(path) and f.date.month == 2)
    assert "was 13 on 2026-02-01" in too_young.message
    wrong_row = next(f for f in findings if f.file.endswith("register.csv") and f.line == 6)
    assert f"{wrong[:6]}********{wrong[-4:]}" in wrong_row.message
    assert f"GB 11643 gives {iso7064_check(wrong[:17])}" in wrong_row.message


def test_the_ledger_sets_the_child_bearing_ages(tmp_path):
    preamble = PREAMBLE + '2026-01-01 custom "grant-beneficiary-ages" 18 45\n\n'
    body = payment(
        "2026-03-01", "R-1", "100.00", mark="beneficiary-id-invalid", beneficiary='"A-1"'
    ) + payment("2026-03-02", "R-2", "100.00", beneficiary='"A-2"')
    rows = [woman("A-1", person_id("20090101", "024")), woman("A-2", person_id("19820101"))]
    path = write_books(tmp_path, body, rows, preamble)
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    assert "18–45" in findings[0].message


def test_one_woman_under_two_numbers(tmp_path):
    rows = [
        woman("A-1", ANNA, pregnancy=("2025-09-01", "2026-06-08")),
        # Overlapping pregnancies: the later row is the duplicate.
        woman(
            "A-2",
            ANNA,
            pregnancy=("2026-01-10", "2026-10-17"),
            note="expect: beneficiary-duplicate",
        ),
        # A later pregnancy of the same woman is a new register number, rightly.
        woman("A-3", ANNA, pregnancy=("2026-11-20", "2027-08-27")),
        # Without dates the register cannot tell two pregnancies apart.
        woman("B-1", BEA, pregnancy=("", "")),
        woman("B-2", BEA, pregnancy=("", ""), note="expect: beneficiary-duplicate"),
    ]
    path = write_books(tmp_path, payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'), rows)
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    assert {f.year for f in findings} == {2026}


def test_eligibility_evidence_and_public_notice(tmp_path):
    rows = [
        woman("A-1", ANNA, basis=""),
        woman("A-2", BEA, evidence=""),
        woman("A-3", person_id("19920202", "026"), evidence_date=""),
        woman("A-4", person_id("19930303", "028"), evidence_date="2026-02-02"),
        woman("A-5", person_id("19940404", "040"), notice=("", "")),
        woman("A-6", person_id("19960606", "042"), notice=("2026-01-26", "2026-02-01")),
    ]
    body = (
        payment("2026-02-01", "R-1", "100.00", mark="beneficiary-ineligible", beneficiary='"A-1"')
        + payment("2026-02-01", "R-2", "100.00", mark="beneficiary-ineligible", beneficiary='"A-2"')
        + payment("2026-02-01", "R-3", "100.00", mark="beneficiary-ineligible", beneficiary='"A-3"')
        + payment("2026-02-01", "R-4", "100.00", mark="beneficiary-ineligible", beneficiary='"A-4"')
        # Evidence dated the day of the payment is in time.
        + payment("2026-02-02", "R-5", "100.00", beneficiary='"A-4"')
        + payment(
            "2026-02-01", "R-6", "100.00", mark="beneficiary-not-noticed", beneficiary='"A-5"'
        )
        # Paid on the notice's last day: too early; the day after: in order.
        + payment(
            "2026-02-01", "R-7", "100.00", mark="beneficiary-not-noticed", beneficiary='"A-6"'
        )
        + payment("2026-02-02", "R-8", "100.00", beneficiary='"A-6"')
    )
    path = write_books(tmp_path, body, rows)
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    situations = [f.message for f in findings if f.rule == "beneficiary-ineligible"]
    assert "basis of eligibility" in situations[0]
    assert "no evidence" in situations[1] or "names no evidence" in situations[1]
    assert "has no date" in situations[2]
    assert "dated 2026-02-02" in situations[3]


def test_standards_per_pregnancy_per_year_and_per_visit(tmp_path):
    second = person_id("19920202", "026")
    rows = [
        woman("A-1", ANNA, pregnancy=("2025-06-01", "2026-03-01")),
        # Her next pregnancy, the same year: per pregnancy apart, per year together.
        woman("A-2", ANNA, pregnancy=("2026-04-01", "2027-01-05")),
        woman("B-1", BEA),
        woman("C-1", second),
    ]
    body = (
        # Rescue per pregnancy: 5,000 + 3,000 = 8,000 is the limit; 100 more is over.
        payment("2026-02-01", "R-1", "5000.00", beneficiary='"A-1"')
        + payment("2026-02-15", "R-2", "3000.00", beneficiary='"A-1"')
        + payment(
            "2026-02-20", "R-3", "100.00", mark="beneficiary-over-standard", beneficiary='"A-1"'
        )
        # A refund of 100 brings her back to 8,000; then 1 more is over again.
        + payment("2026-02-21", "R-4", "-100.00", beneficiary='"A-1"')
        + payment(
            "2026-02-22", "R-5", "1.00", mark="beneficiary-over-standard", beneficiary='"A-1"'
        )
        # Her next pregnancy: a new 8,000 for rescue, but 10,000 a year in all: 8,001 + 1,999
        # = 10,000 is the limit, 1 more is over the year's.
        + payment("2026-05-01", "R-6", "1999.00", beneficiary='"A-2"')
        + payment(
            "2026-05-02", "R-7", "1.00", mark="beneficiary-over-standard", beneficiary='"A-2"'
        )
        # Check-ups at 300 a visit, 5 visits a pregnancy: 600 for 2 visits is in order.
        + payment(
            "2026-03-01",
            "C-1",
            "600.00",
            "Expenses:Work:Relief:Checkups",
            beneficiary='"B-1"',
            visits="2",
        )
        # 700 for 2 visits is above 300 a visit.
        + payment(
            "2026-03-02",
            "C-2",
            "700.00",
            "Expenses:Work:Relief:Checkups",
            mark="beneficiary-over-standard",
            beneficiary='"B-1"',
            visits="2",
        )
        # 2 + 2 + 2 = 6 visits: above the 5 a pregnancy.
        + payment(
            "2026-03-03",
            "C-3",
            "400.00",
            "Expenses:Work:Relief:Checkups",
            mark="beneficiary-over-standard",
            beneficiary='"B-1"',
            visits="2",
        )
        # Without a visit count, only the pregnancy's 5 x 300 = 1,500 holds: 1,500 is in order,
        # 1 more is over.
        + payment(
            "2026-03-01", "C-4", "1500.00", "Expenses:Work:Relief:Checkups", beneficiary='"C-1"'
        )
        + payment(
            "2026-03-02",
            "C-5",
            "1.00",
            "Expenses:Work:Relief:Checkups",
            mark="beneficiary-over-standard",
            beneficiary='"C-1"',
        )
    )
    path = write_books(tmp_path, body, rows)
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    messages = [f.message for f in findings]
    assert "8,100.00 CNY" in messages[0] and "8,000.00 CNY" in messages[0]
    assert "10,001.00 CNY" in messages[2] and "a year" in messages[2]
    assert "300.00 CNY a visit" in messages[3]
    assert "6 visits" in messages[4]
    assert "5 visits x 300.00 CNY = 1,500.00 CNY" in messages[5]


def test_a_standard_changes_from_its_date(tmp_path):
    preamble = PREAMBLE + (
        '2026-06-01 custom "grant-standard" Expenses:Work:Relief:Rescue 9000.00 CNY '
        '"per-pregnancy"\n\n'
    )
    body = (
        payment("2026-02-01", "R-1", "8000.00", beneficiary='"A-1"')
        + payment(
            "2026-05-01", "R-2", "500.00", mark="beneficiary-over-standard", beneficiary='"A-1"'
        )
        # From 1 June the limit is 9,000: 8,500 + 500 = 9,000 is in order.
        + payment("2026-06-01", "R-3", "500.00", beneficiary='"A-1"')
    )
    path = write_books(tmp_path, body, [woman("A-1", ANNA)], preamble)
    assert_marked_findings(path, tmp_path / "register.csv")


def test_rosters_add_up_to_the_payment_row_for_row(tmp_path):
    rows = [woman("A-1", ANNA), woman("B-1", BEA)]
    write_roster(
        tmp_path / "rosters" / "ok.csv",
        [("A-1", "300.00", 1), ("B-1", "600.00", 2), ("合计", "900.00", 3)],
    )
    write_roster(tmp_path / "rosters" / "short.csv", [("A-1", "300.00", 1), ("B-1", "500.00", 2)])
    write_roster(
        tmp_path / "rosters" / "stranger.csv", [("A-1", "300.00", 1), ("Z-9", "300.00", 1)]
    )
    write_roster(tmp_path / "rosters" / "twice.csv", [("A-1", "300.00", 1), ("A-1", "300.00", 1)])
    write_roster(tmp_path / "rosters" / "split.csv", [("A-1", "300.00", 1), ("B-1", "300.00", 1)])
    checkups = "Expenses:Work:Relief:Checkups"
    body = (
        payment("2026-02-01", "R-1", "900.00", checkups, roster='"rosters/ok.csv"')
        + payment(
            "2026-02-02",
            "R-2",
            "900.00",
            checkups,
            mark="roster-mismatch",
            roster='"rosters/short.csv"',
        )
        + payment(
            "2026-02-03",
            "R-3",
            "600.00",
            checkups,
            mark="roster-mismatch",
            roster='"rosters/stranger.csv"',
        )
        + payment(
            "2026-02-04",
            "R-4",
            "600.00",
            checkups,
            mark="roster-mismatch",
            roster='"rosters/twice.csv"',
        )
        + '2026-02-05 * "Clinic" "two subsidies in one"  ; expect: roster-mismatch\n'
        '  voucher: "R-5"\n  document: "copy.pdf"\n  roster: "rosters/split.csv"\n'
        "  Expenses:Work:Relief:Checkups  300.00 CNY\n  Expenses:Work:Relief:Rescue  300.00 CNY\n"
        "  Assets:Bank:Special\n\n"
    )
    path = write_books(tmp_path, body, rows)
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    messages = [f.message for f in findings]
    assert "800.00 CNY (2 rows)" in messages[0] and "900.00 CNY" in messages[0]
    assert "row 3: Z-9" in messages[1]
    assert "row 3, lists A-1" in messages[2]
    assert "Expenses:Work:Relief:Checkups, Expenses:Work:Relief:Rescue" in messages[3]
    books = load_ledger(path)
    assert str(tmp_path / "rosters" / "ok.csv") in books.files


def test_a_payment_names_one_or_a_roster_and_a_roster_must_read(tmp_path):
    rows = [woman("A-1", ANNA)]
    bad = tmp_path / "rosters" / "bad.csv"
    write_roster(bad, [("A-1", "1.080,00", 1)])
    body = (
        payment("2026-02-01", "R-1", "100.00", mark="config", beneficiary='"A-1"', roster='"x.csv"')
        + payment("2026-02-02", "R-2", "100.00", mark="config", roster='"rosters/none.csv"')
        + payment("2026-02-03", "R-3", "100.00", mark="config", beneficiary='"A-1"', visits="0")
        + payment("2026-02-04", "R-4", "100.00", roster='"rosters/bad.csv"')
    )
    path = write_books(tmp_path, body, rows)
    findings = findings_at(path)
    expected = marks_of(path) | {("config", str(bad), 2)}
    assert {(f.rule, f.file, f.line) for f in findings} == expected
    unreadable = next(f for f in findings if f.file == str(bad))
    assert "row 2, column 金额" in unreadable.message and "1.080,00" in unreadable.message


@pytest.mark.parametrize(
    ("directive", "words"),
    [
        (
            '2026-01-01 custom "grant-beneficiaries" Expenses:Other "register.csv"',
            "not a category",
        ),
        (
            '2026-01-01 custom "grant-standard" Expenses:Work:Admin 100.00 CNY "per-year"',
            "not under the beneficiaries account",
        ),
        (
            '2026-01-01 custom "grant-standard" Expenses:Work:Relief 100.00 CNY "per-visit"',
            "visits",
        ),
        (
            '2026-01-01 custom "grant-standard" Expenses:Work:Relief 100.00 CNY "per-month"',
            '"grant-standard" takes',
        ),
        ('2026-01-01 custom "grant-beneficiary-ages" 49 15', "not a range"),
        ('2026-01-01 custom "grant-beneficiaries" Expenses:Work:Relief "other.csv"', "already"),
        (
            '2026-01-01 custom "grant-beneficiaries" Expenses:Work:Relief 12',
            '"grant-beneficiaries" takes',
        ),
    ],
    ids=[
        "not-category",
        "standard-outside",
        "no-visits",
        "basis",
        "ages",
        "twice",
        "no-path",
    ],
)
def test_malformed_directives_are_config_findings(tmp_path, directive, words):
    preamble = PREAMBLE
    if "grant-beneficiaries" in directive and words != "already":
        # In place of the preamble's own: a ledger has one.
        preamble = "\n".join(
            line for line in PREAMBLE.splitlines() if "grant-beneficiaries" not in line
        )
    path = write_books(
        tmp_path,
        f"\n{directive}  ; expect: config\n\n"
        + payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'),
        [woman("A-1", ANNA)],
        preamble,
    )
    findings = assert_marked_findings(path, tmp_path / "register.csv")
    assert words in findings[0].message


def test_a_register_that_does_not_read_is_a_config_finding_at_its_row(tmp_path):
    path = write_books(
        tmp_path,
        payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'),
        [woman("A-1", ANNA), woman("A-1", BEA)],
    )
    (finding,) = ledger_findings(load_ledger(path))
    assert (finding.rule, finding.file, finding.line) == (
        "config",
        str(tmp_path / "register.csv"),
        4,
    )
    assert "A-1 is already the key of row 3" in finding.message


def test_a_register_cell_quoted_in_a_finding_is_masked(tmp_path):
    rows = [woman("A-1", ANNA, evidence_date=ANNA)]  # the number typed into the date column
    path = write_books(tmp_path, payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'), rows)
    (finding,) = ledger_findings(load_ledger(path))
    assert finding.rule == "config" and finding.line == 3
    assert ANNA not in finding.message
    assert f"{ANNA[:6]}********{ANNA[-4:]}" in finding.message


def test_a_missing_register_points_at_its_directive(tmp_path):
    path = write_books(tmp_path, payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'), [])
    (tmp_path / "register.csv").unlink()
    (finding,) = ledger_findings(load_ledger(path))
    assert finding.rule == "config" and finding.file == str(path)
    assert "register.csv does not exist" in finding.message


def test_a_register_fava_would_serve_is_a_config_finding(tmp_path):
    preamble = PREAMBLE.replace('"register.csv"', '"documents/register.csv"').replace(
        'plugin "ledger.grant"', 'plugin "ledger.grant"\noption "documents" "documents"'
    )
    path = write_books(
        tmp_path,
        payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"'),
        [woman("A-1", ANNA)],
        preamble,
    )
    (tmp_path / "documents").mkdir()
    (tmp_path / "register.csv").rename(tmp_path / "documents" / "register.csv")
    (finding,) = ledger_findings(load_ledger(path))
    assert finding.rule == "config" and "Fava serves" in finding.message


def test_a_standard_without_a_register_is_a_config_finding(tmp_path):
    preamble = "\n".join(
        line
        for line in PREAMBLE.splitlines()
        if not any(word in line for word in ("grant-beneficiaries", "grant-standard", "visits"))
    )
    body = (
        '\n2026-01-01 custom "grant-standard" Expenses:Work:Relief 100.00 CNY "per-year"'
        "  ; expect: config\n\n" + payment("2026-02-01", "R-1", "100.00")
        # Without grant-beneficiaries nobody needs naming.
    )
    path = write_books(tmp_path, body, [], preamble)
    findings = assert_marked_findings(path)
    assert "needs a beneficiary register" in findings[0].message


def test_an_identity_number_where_a_register_number_name_or_roster_key_belongs(tmp_path):
    cara = person_id("19920202", "026")
    old = "990303" + "940404" + "040"  # an old 15-digit number
    rows = [
        woman("A-1", ANNA),
        woman(BEA, BEA, note="expect: config"),  # her identity number as her register number
        # Name and identity number swapped: the number in the name column, the name judged.
        woman("A-3", "某某", name=cara, note="expect: config, beneficiary-id-invalid"),
        woman(old, person_id("19940404", "040"), note="expect: config"),
    ]
    roster = write_roster(
        tmp_path / "rosters" / "R.csv",
        # Her identity number, and one the register takes for a register number (BEA's).
        [
            (ANNA, "100.00", 1, "expect: config"),
            ("A-1", "150.00", 1, ""),
            (BEA, "50.00", 1, "expect: config"),
        ],
    )
    body = (
        # Her identity number where her register number belongs: the value is in the ledger.
        payment("2026-02-01", "R-1", "100.00", mark="config", beneficiary=f'"{cara}"')
        # A register number that is an identity number pays her still, but is in the ledger's
        # text: the entry is a finding as well as the register's row.
        + payment("2026-02-02", "R-2", "100.00", mark="config", beneficiary=f'"{BEA}"')
        + payment(
            "2026-02-03", "R-3", "300.00", "Expenses:Work:Relief:Checkups", roster='"rosters/R.csv"'
        )
    )
    path = write_books(tmp_path, body, rows)
    findings = assert_marked_findings(path, tmp_path / "register.csv", roster)
    for finding in findings:
        for number in (ANNA, BEA, cara, old):
            assert number[6:14] not in finding.message, finding.message
    by_place = {(Path(f.file).name, f.rule, f.line): f.message for f in findings}
    masked = {
        number: f"{number[:6]}{'*' * (len(number) - 10)}{number[-4:]}"
        for number in (BEA, cara, old, ANNA)
    }
    assert (
        f"row 4: its 登记号 {masked[BEA]} looks like an identity number"
        in (by_place["register.csv", "config", 4])
    )
    assert f"row 6: its 登记号 {masked[old]} looks like" in by_place["register.csv", "config", 6]
    assert f"row 5: its 姓名 {masked[cara]} looks like" in by_place["register.csv", "config", 5]
    assert "swapped" in by_place["register.csv", "config", 5]
    assert f"row 2: its 登记号 {masked[ANNA]} looks like" in by_place["R.csv", "config", 2]
    first, second = sorted(key for key in by_place if key[:2] == ("books.beancount", "config"))
    assert f"`beneficiary` {masked[cara]} looks like" in by_place[first]
    assert f"`beneficiary` {masked[BEA]} looks like" in by_place[second]
    # Paid still, as the register has it: 100.00 by her `beneficiary`, 50.00 in the roster.
    year = next(
        p for p in load_ledger(path).grant.beneficiaries.positions_of(BEA) if p.period == 2026
    )
    assert year.total == 150


def test_a_roster_amount_beyond_bounds_refuses_the_roster_at_its_row(tmp_path):
    rows = [woman("A-1", ANNA), woman("B-1", BEA)]
    # Her identity number typed into the amount column: read as 990,303,… it is no amount.
    typed = write_roster(tmp_path / "rosters" / "typed.csv", [("A-1", BEA, 1), ("B-1", "50.00", 1)])
    # One woman's part more than the whole payment: another number in the column.
    larger = write_roster(
        tmp_path / "rosters" / "larger.csv", [("A-1", "50.00", 1), ("B-1", "2026.00", 1)]
    )
    checkups = "Expenses:Work:Relief:Checkups"
    body = payment("2026-02-01", "R-1", "100.00", checkups, roster='"rosters/typed.csv"')
    body += payment("2026-02-02", "R-2", "100.00", checkups, roster='"rosters/larger.csv"')
    path = write_books(tmp_path, body, rows)
    findings = findings_at(path)
    # Only the refusals: no standard or total judged on a figure that is no amount.
    assert {(f.rule, f.file, f.line) for f in findings} == {
        ("config", str(typed), 2),
        ("config", str(larger), 3),
    }
    first, second = sorted(findings, key=lambda f: f.file, reverse=True)
    assert "row 2, column 金额" in first.message and "1,000,000,000.00 or more" in first.message
    assert BEA[6:14] not in first.message
    assert "row 3: its 金额 2,026.00 CNY is more than the whole payment of 100.00 CNY" in (
        second.message
    )
    assert load_ledger(path).grant.beneficiaries.positions_of("A-1") == []


def test_a_register_or_roster_included_as_ledger_text_is_a_config_finding(tmp_path):
    write_roster(tmp_path / "rosters" / "R.csv", [("A-1", "100.00", 1)])
    body = payment(
        "2026-02-01", "R-1", "100.00", "Expenses:Work:Relief:Checkups", roster='"rosters/R.csv"'
    )
    path = write_books(tmp_path, body, [woman("A-1", ANNA)])
    with path.open("a", encoding="utf-8") as ledger:
        ledger.write('\ninclude "register.csv"\ninclude "rosters/R.csv"\n')
    findings = findings_at(path)
    config = sorted(f.message for f in findings if f.rule == "config")
    assert len(config) == 2
    assert config[0].startswith("[config] the beneficiary register register.csv is included")
    assert "Remove the `include` line" in config[0]
    assert "the roster rosters/R.csv is included in the ledger" in config[1]
    # Beancount's own errors about the register's lines: its numbers masked.
    quoted = [
        f for f in findings if f.rule == "beancount" and f.file == str(tmp_path / "register.csv")
    ]
    assert quoted and all(ANNA[6:14] not in f.message for f in quoted)
    assert any(f"{ANNA[:6]}********{ANNA[-4:]}" in f.message for f in quoted)


def test_a_roster_outside_the_books_is_never_read(tmp_path):
    books = tmp_path / "books"
    outside = tmp_path / "elsewhere" / "secret.csv"
    outside.parent.mkdir()
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (books / "rosters").mkdir(parents=True)
    (books / "rosters" / "link.csv").symlink_to(outside)  # a link inside, pointing out
    checkups = "Expenses:Work:Relief:Checkups"
    body = payment(
        "2026-02-01", "R-1", "100.00", checkups, mark="config", roster='"../elsewhere/secret.csv"'
    )
    body += payment("2026-02-02", "R-2", "100.00", checkups, mark="config", roster=f'"{outside}"')
    body += payment(
        "2026-02-03", "R-3", "100.00", checkups, mark="config", roster='"rosters/link.csv"'
    )
    path = write_books(books, body, [woman("A-1", ANNA)])
    findings = assert_marked_findings(path, books / "register.csv")
    for finding in findings:
        assert "lies outside the books" in finding.message and "root:" not in finding.message
    loaded = load_ledger(path)
    assert not any(str(outside.parent) in file for file in loaded.files)
    assert str(books / "rosters" / "link.csv") not in loaded.files


def test_a_register_outside_the_books_is_never_read_nor_packed(tmp_path):
    books, elsewhere = tmp_path / "books", tmp_path / "elsewhere"
    preamble = PREAMBLE.replace('"register.csv"', '"../elsewhere/register.csv"')
    body = payment("2026-02-01", "R-1", "100.00", beneficiary='"A-1"')
    path = write_books(books, body, [woman("A-1", ANNA, basis="")], preamble)
    elsewhere.mkdir()
    (books / "register.csv").rename(elsewhere / "register.csv")
    (finding,) = findings_at(path)  # the rules wait for a register they may read
    assert (finding.rule, finding.file) == ("config", str(path))
    assert "register ../elsewhere/register.csv lies outside the books" in finding.message
    loaded = load_ledger(path)
    assert loaded.grant.beneficiaries.register is None
    assert not any("elsewhere" in file for file in loaded.files)
    result = CliRunner().invoke(
        main,
        [
            *("report", "pack", str(path), "--output", str(tmp_path / "p.zip")),
            *("--recipient", "x", "--full-register"),
        ],
    )
    assert result.exit_code != 0 and not (tmp_path / "p.zip").exists()
    assert "lies outside the books' folders and never goes into a pack" in result.output
