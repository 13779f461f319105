"""Malformed performance directives: each a `config` finding at its line, parsing going on.

Each test ledger marks the lines where a finding is expected (`; expect: RULE`);
`assert_findings` checks exactly those, with and without the plugin line.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from grant_ledgers import assert_findings, findings_of, funding

from ledger.loading import load_ledger
from reports.build import build_report

#: Two well-formed targets of 2025 weighing 90 with the execution's default 10.
VALID_TARGETS = """
2025-01-01 custom "grant-target" "trained" 100 "persons"
  kind: "产出-数量"
  weight: 40
  measure: "sum participants Expenses:Program:Training"
2025-01-01 custom "grant-target" "management rate" 95 "%"
  kind: "output-quality"
  direction: "不少于"
  weight: 25
2025-01-01 custom "grant-target" "satisfaction" 90 "%"
  kind: "满意度指标"
  direction: ">="
  weight: 25
  measure: "reported"
"""

COURSE = """
2025-03-01 * "School" "course"
  voucher: "T-2025-001"
  document: "copy.pdf"
  participants: {participants}
  Expenses:Program:Training  3000.00 CNY
  Assets:Bank:Grant-Account
"""


def test_each_malformed_target_is_a_config_finding_at_its_line(write_ledger):
    path = write_ledger(
        funding(2025),
        VALID_TARGETS,
        """
        2025-01-01 custom "grant-target" "negative" -5 "persons"   ; expect: config
          kind: "数量"
          weight: 5
        2025-01-01 custom "grant-target" "no kind" 5 "persons"   ; expect: config
          weight: 5
        2025-01-01 custom "grant-target" "vague kind" 5 "persons"   ; expect: config
          kind: "产出"
          weight: 5
        2025-01-01 custom "grant-target" "which way" 5 "persons"   ; expect: config
          kind: "数量"
          direction: "about"
          weight: 5
        2025-01-01 custom "grant-target" "weight in words" 5 "persons"   ; expect: config
          kind: "数量"
          weight: "5分"
        2025-01-01 custom "grant-target" "weightless" 5 "persons"   ; expect: config
          kind: "数量"
          weight: 0
        2025-01-01 custom "grant-target" "unknown measure" 5 "persons"   ; expect: config
          kind: "数量"
          weight: 5
          measure: "average participants Expenses:Program:Training"
        2025-01-01 custom "grant-target" "no account" 5 "persons"   ; expect: config
          kind: "数量"
          weight: 5
          measure: "sum participants"
        2025-01-01 custom "grant-target" "unopened" 5 "persons"   ; expect: config
          kind: "数量"
          weight: 5
          measure: "sum participants Expenses:Nowhere"
        2025-01-01 custom "grant-target" "not a category" 95 "%"   ; expect: config
          kind: "成本"
          weight: 5
          measure: "execution Expenses:Fees"
        2025-01-01 custom "grant-target" "rate in persons" 95 "persons"   ; expect: config
          kind: "成本"
          weight: 5
          measure: "execution"
        2025-01-01 custom "grant-target" "trained" 120 "persons"   ; expect: config
          kind: "数量"
          weight: 5
        2025-01-01 custom "grant-target" "reason in numbers" 5 "persons"   ; expect: config
          kind: "数量"
          weight: 5
          reason: 5
        2025-01-01 custom "grant-target" 5   ; expect: config
        2025-01-01 custom "grant-target" "two units" 5 "persons" "days"   ; expect: config
        """,
    )
    findings = assert_findings(path)
    assert all(finding.rule == "config" for finding in findings)
    # The well-formed targets are kept, and with the execution's 10 they weigh 100.
    grant = load_ledger(path).grant
    assert [t.name for t in grant.targets.targets_of(2025)] == [
        "trained",
        "management rate",
        "satisfaction",
    ]
    assert grant.performance.of_year(2025).weights == Decimal(100)


def test_messages_say_what_to_write(write_ledger):
    path = write_ledger(
        funding(2025),
        VALID_TARGETS,
        """
        2025-01-01 custom "grant-target" "rate in persons" 95 "persons"
          kind: "成本"
          weight: 5
          measure: "execution"
        2025-01-01 custom "grant-target" "no account" 5 "persons"
          kind: "数量"
          weight: 5
          measure: "sum participants"
        """,
    )
    messages = [finding.message for finding in findings_of(path)]
    assert any('write the target as a percentage with the unit "%"' in m for m in messages)
    assert any("write it as `sum KEY ACCOUNT`" in m for m in messages)


#: 2025 is closed in January 2026, which makes 2026 a fiscal year of the books too.
CLOSE_2025 = """
2026-01-20 custom "grant-close" 2025
"""


def line_of(path, text):
    """The number of the first line of the ledger at `path` holding `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def config_findings(path):
    """The ledger's `config` findings (closing 2025 also asks for its targets' reasons)."""
    return [finding for finding in findings_of(path) if finding.rule == "config"]


def test_weights_must_add_up_to_100_with_the_executions(write_ledger):
    path = write_ledger(
        funding(2025),
        CLOSE_2025,
        """
        2025-01-01 custom "grant-target" "trained" 100 "persons"   ; expect: config
          kind: "数量"
          weight: 80
          measure: "sum participants Expenses:Program:Training"
        2025-01-01 custom "grant-target" "satisfaction" 90 "%"
          kind: "满意度"
          weight: 5
        """,
    )
    (finding,) = config_findings(path)
    # 2025 and 2026 (which repeats 2025's targets) weigh 80 + 5 + 10 = 95: one finding.
    assert "in 2025, 2026" in finding.message and "add up to 95, not 100" in finding.message
    assert finding.line == line_of(path, '"grant-target" "trained"')
    assert load_ledger(path).grant.performance.of_year(2026).weights == Decimal(95)


def test_a_scoring_that_changes_the_execution_weight_breaks_the_repeated_weights(write_ledger):
    path = write_ledger(
        funding(2025),
        CLOSE_2025,
        VALID_TARGETS,
        """
        2026-01-01 custom "grant-scoring" 15
        """,
    )
    # 2025 weighs 90 + 10; 2026 repeats its targets with the execution at 15: 105.
    (finding,) = config_findings(path)
    assert "in 2026," in finding.message and "add up to 105, not 100" in finding.message
    assert finding.line == line_of(path, '"grant-target" "trained"')  # the set's first


def test_malformed_actuals_and_scorings(write_ledger):
    path = write_ledger(
        funding(2025),
        VALID_TARGETS,
        """
        2026-01-10 custom "grant-actual" "nobody" 3   ; expect: config
          grant-year: 2025
          document: "copy.pdf"
        2026-01-10 custom "grant-actual" "management rate" 96   ; expect: config
          grant-year: 2025
        2026-01-10 custom "grant-actual" "satisfaction" 80   ; expect: config
          grant-year: 2025
          document: "nowhere.pdf"
        2026-01-10 custom "grant-actual" "trained" 80   ; expect: config
          grant-year: 2025
          document: "copy.pdf"
        2026-01-10 custom "grant-actual" "trained" 80   ; expect: config
          grant-year: "last year"
        2026-01-10 custom "grant-actual" "satisfaction"   ; expect: config
          grant-year: 2025
        2026-01-10 custom "grant-actual" "satisfaction" "high"   ; expect: config
          grant-year: 2025
        2026-01-10 custom "grant-actual" "satisfaction" 91 "%" 3   ; expect: config
          grant-year: 2025
        2025-01-01 custom "grant-scoring" 120   ; expect: config
        2025-01-01 custom "grant-scoring" 10   ; expect: config
          excellent: "九十"
        2025-01-01 custom "grant-scoring" 10   ; expect: config
          excellent: 80
          good: 85
        2027-01-01 custom "grant-scoring" 10
        2027-06-01 custom "grant-scoring" 10   ; expect: config
        """,
    )
    assert {finding.rule for finding in assert_findings(path)} == {"config"}


def test_a_sum_reads_numbers_only(write_ledger):
    path = write_ledger(
        funding(2025),
        VALID_TARGETS,
        COURSE.format(participants='"25人"').replace('"course"', '"course"   ; expect: config'),
        COURSE.format(participants="30").replace("T-2025-001", "T-2025-002"),
    )
    (finding,) = assert_findings(path)
    assert "participants: 25" in finding.message
    trained = load_ledger(path).grant.performance.of_year(2025).indicators[0]
    assert trained.actual == Decimal(30)


#: Values the ledger writes that Python would show as reprs: Decimal('0'), None, 'more'.
PLAIN_VALUES = """
2025-01-01 custom "grant-target" "weightless" 5 "persons"
  kind: "数量"
  weight: 0
2025-01-01 custom "grant-target" "heavy" 5 "persons"
  kind: "数量"
  weight: 101
2025-01-01 custom "grant-target" "no weight" 5 "persons"
  kind: "数量"
2025-01-01 custom "grant-target" "no kind" 5 "persons"
  weight: 5
2025-01-01 custom "grant-target" "which way" 5 "persons"
  kind: "数量"
  direction: "more"
  weight: 5
2025-01-01 custom "grant-target" "rate in persons" 95 "persons"
  kind: "成本"
  weight: 5
  measure: "execution"
2025-01-01 custom "grant-target" "reason in numbers" 5 "persons"
  kind: "数量"
  weight: 5
  reason: 5
2026-01-10 custom "grant-actual" "trained" 80
  grant-year: 2025.5
2025-01-01 custom "grant-scoring" 10
  excellent: "九十"
"""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                'indicator "weightless" has weight 0:',
                'indicator "heavy" has weight 101:',
                'indicator "no weight" has no weight:',
                'indicator "no kind" has no kind:',
                'indicator "which way" has direction "more":',
                'but its unit is "persons":',
                "reason must be text, not 5:",
                "grant-year is 2025.5:",
                '"grant-scoring" has excellent "九十":',
            ],
        ),
        (
            "zh",
            [
                "指标「weightless」的分值 weight 为 0：",
                "指标「heavy」的分值 weight 为 101：",
                "指标「no weight」没有写分值 weight：",
                "指标「no kind」没有写类别 kind：",
                '指标「which way」的方向 direction 为 "more"：',
                '单位却是 "persons"：',
                "reason 应为文字，而不是 5：",
                "grant-year 的值 2025.5 无效",
                '“grant-scoring”的 excellent 为 "九十"：',
            ],
        ),
    ],
)
def test_config_messages_show_values_as_written_never_reprs(write_ledger, language, expected):
    path = write_ledger(
        f'2024-01-01 custom "fava-option" "language" "{language}"\n',
        funding(2025),
        VALID_TARGETS,
        PLAIN_VALUES,
    )
    messages = [f.message for f in findings_of(path) if f.rule == "config"]
    for text in expected:
        assert any(text in message for message in messages), text
    for message in messages:
        assert not any(repr_ in message for repr_ in ("Decimal(", "None", "'")), message


def header(ledger, year):
    """The `performance` report's header rows of `year`: field -> value."""
    report = build_report("performance", ledger, year, "en")
    table = next(table for table in report.tables if table.key == "project")
    return {row.get("field"): row.get("value") for row in table.rows}


def test_the_forms_header_comes_from_grant_project_a_key_at_a_time(write_ledger):
    path = write_ledger(
        funding(2025, 2026),
        CLOSE_2025,
        VALID_TARGETS,
        """
        2025-01-01 custom "grant-project" "Maternal health project"
          department: "County health bureau"
          implementer: "County MCH institute"
          goal: "train 100"
        2026-01-01 custom "grant-project" "Maternal health project"
          goal: "train 120"
        """,
    )
    ledger = load_ledger(path)
    assert [f for f in ledger.findings if f.rule == "config"] == []
    assert header(ledger, 2025) == {
        "name": "Maternal health project",
        "department": "County health bureau",
        "implementer": "County MCH institute",
        "goal": "train 100",
    }
    # 2026's own directive gives only the goal: the department and the unit stay.
    assert header(ledger, 2026) == {
        "name": "Maternal health project",
        "department": "County health bureau",
        "implementer": "County MCH institute",
        "goal": "train 120",
    }


def test_without_grant_project_the_name_is_the_ledgers_title(write_ledger):
    untitled = load_ledger(write_ledger(funding(2025), VALID_TARGETS, name="untitled.beancount"))
    # No title: the dedicated account's label (grant_ledgers' PREAMBLE calls it "dedicated").
    assert header(untitled, 2025) == {
        "name": "dedicated",
        "department": None,
        "implementer": None,
        "goal": None,
    }
    titled = load_ledger(
        write_ledger('option "title" "County grant books"\n', funding(2025), VALID_TARGETS)
    )
    assert header(titled, 2025)["name"] == "County grant books"


def test_a_malformed_grant_project_is_a_config_finding(write_ledger):
    path = write_ledger(
        funding(2025),
        VALID_TARGETS,
        """
        2025-01-01 custom "grant-project" 5   ; expect: config
        2025-01-01 custom "grant-project" "two" "names"   ; expect: config
        2025-01-01 custom "grant-project" "project"   ; expect: config
          department: 5
        2025-01-01 custom "grant-project" "project"
          goal: "train 100"
        2025-06-01 custom "grant-project" "project"   ; expect: config
          goal: "train 120"
        """,
    )
    assert {finding.rule for finding in assert_findings(path)} == {"config"}
    assert header(load_ledger(path), 2025)["goal"] == "train 100"
