"""The named performance ledgers (tests/performance_ledgers/): every score worked out by hand.

Each ledger's header computes its figures; the tests hold the self-evaluation, the findings and
the `performance` report to them, and read the report beside `report budget` and `report
funding` of the same ledger.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from grant_ledgers import assert_findings
from named_ledgers import CARRYFORWARD, load_named

from ledger.loading import LoadedLedger, load_ledger
from reports.build import build_report

FOLDER = Path(__file__).parent / "performance_ledgers"
CLOSED = "closed_year_scored"
OPEN = "open_year_progress"
REPORTED = "closed_year_reported"
UNGRADED = "weights_not_100"
DECIMALS = "scores_two_decimals"
D = Decimal


def copy_performance_ledger(tmp_path: Path, name: str) -> Path:
    """Copy a named performance ledger beside the copy `copy.pdf` its entries link."""
    (tmp_path / "copy.pdf").write_bytes(b"%PDF-1.4 copy\n")
    target = tmp_path / f"{name}.beancount"
    shutil.copyfile(FOLDER / f"{name}.beancount", target)
    return target


@pytest.fixture
def closed(tmp_path) -> LoadedLedger:
    return load_ledger(copy_performance_ledger(tmp_path, CLOSED))


@pytest.fixture
def progress(tmp_path) -> LoadedLedger:
    return load_ledger(copy_performance_ledger(tmp_path, OPEN))


@pytest.fixture
def reported(tmp_path) -> LoadedLedger:
    return load_ledger(copy_performance_ledger(tmp_path, REPORTED))


def scores(evaluation) -> dict[str, tuple]:
    """Indicator name -> (actual, score, status, reason) of a year's evaluation."""
    return {
        line.target.name: (line.actual, line.score, line.status, line.reason)
        for line in evaluation.indicators
    }


@pytest.mark.parametrize("name", [CLOSED, OPEN, REPORTED, UNGRADED, DECIMALS])
def test_findings_are_the_marked_ones(tmp_path, name):
    assert_findings(copy_performance_ledger(tmp_path, name))


def test_a_closed_year_is_scored_as_its_header_works_out(closed):
    evaluation = closed.grant.performance.of_year(2025)
    assert evaluation.closed
    assert evaluation.execution.rate == D("0.9")
    assert evaluation.execution.score == D(9)
    assert scores(evaluation) == {
        "培训人次": (D(85), D("25.5"), "missed", "两期培训班合并举办，参训人数少于计划"),
        "人均培训成本": (D(320), D("18.75"), "missed", None),
        "孕产妇死亡率": (D(0), D(20), "met", None),
        "配套资金到位率": (D(60), D(6), "missed", "县财政上半年资金调度困难，配套资金于8月补足"),
        "项目工作会议": (D(3), D(5), "missed", None),
    }
    assert evaluation.weights == D(100)
    assert evaluation.total == D("84.25")
    assert evaluation.grade == "good"


def test_a_reason_alone_keeps_the_latest_value_reported(reported):
    # 孕产妇死亡率: 28, corrected to 25, then a grant-actual with only a reason.
    evaluation = reported.grant.performance.of_year(2025)
    line = next(line for line in evaluation.indicators if line.target.name == "孕产妇死亡率")
    assert (line.actual, line.completion, line.score) == (D(25), D("0.8"), D(20))
    assert line.reason == "两例死亡均为外县转入的危重孕产妇，已加强转诊评审"
    assert (line.reported.value, str(line.reported.entry.date)) == (D(25), "2026-01-10")


def test_a_closed_years_reported_values_score_as_its_header_works_out(reported):
    evaluation = reported.grant.performance.of_year(2025)
    assert evaluation.execution.score == D(8)
    figures = {
        name: (actual, points) for name, (actual, points, _, _) in scores(evaluation).items()
    }
    assert figures == {
        "孕产妇死亡率": (D(25), D(20)),
        "服务对象满意度": (D(95), D(25)),
        "住院分娩率": (D("96.9"), D(20)),
        "孕产妇系统管理率": (None, D(0)),
    }
    assert (evaluation.weights, evaluation.total, evaluation.grade) == (D(100), D(73), "fair")


def test_an_indicator_without_a_value_at_the_close_is_missed(reported):
    evaluation = reported.grant.performance.of_year(2025)
    statuses = {name: status for name, (_, _, status, _) in scores(evaluation).items()}
    assert statuses == {
        "孕产妇死亡率": "missed",
        "服务对象满意度": "met",
        "住院分娩率": "met",
        "孕产妇系统管理率": "missed",  # nothing reported by the close
    }
    report = build_report("performance", reported, 2025, "zh")
    row = next(r for r in report.tables[-1].rows if r.get("indicator") == "孕产妇系统管理率")
    assert (row.get("actual"), row.get("progress")) == (None, "未达标")
    (warning,) = [f for f in reported.findings if f.rule == "target-missed"]
    assert 'is closed and indicator "孕产妇系统管理率" has no value' in warning.message


def test_an_open_year_shows_progress_against_the_time_gone_by(progress):
    evaluation = progress.grant.performance.of_year(2026)
    assert not evaluation.closed
    assert str(evaluation.as_of) == "2026-06-30"
    assert evaluation.elapsed == D(181) / D(365)
    assert evaluation.set_year == 2025  # repeats 2025's targets
    assert (evaluation.execution.rate, evaluation.execution.status) == (D("0.4"), "at-risk")
    assert scores(evaluation) == {
        "培训人次": (D(60), D(24), "on-track", None),
        "督导检查次数": (D(1), D(5), "at-risk", None),
        "服务对象满意度": (None, D(0), "pending", None),
    }
    assert evaluation.total == D(33)
    # 2026's own grade bounds (grant-scoring from 2026): 33 is below 中's 60.
    assert (evaluation.scoring.excellent, evaluation.grade) == (D(85), "poor")


def test_the_years_before_and_with_their_own_targets(progress):
    before = progress.grant.performance.of_year(2024)
    assert before.set_year is None and not before.has_targets
    assert before.total == D(4)  # execution only: 10 x 40 %
    own = progress.grant.performance.of_year(2025)
    assert own.set_year == 2025
    assert own.execution.score == D("9.5")
    assert [line.status for line in own.indicators] == ["met", "met", "met"]
    assert own.total == D("99.5")
    assert own.grade == "excellent"  # the default bounds: grant-scoring starts in 2026


def test_the_report_shows_each_indicator_as_scored(closed):
    report = build_report("performance", closed, 2025, "en")
    indicators = report.tables[-1]
    rows = {row.get("indicator"): row for row in indicators.rows}
    assert rows["Budget execution rate"].get("score") == D(9)
    cost = rows["人均培训成本"]
    assert (cost.get("direction"), cost.get("target"), cost.get("unit")) == (
        "at most",
        D(300),
        "元",
    )
    assert (cost.get("actual"), cost.get("completion"), cost.get("score")) == (
        D(320),
        D("0.9375"),
        D("18.75"),
    )
    assert cost.get("basis") == "reported: copy.pdf (2026-01-10)"
    assert rows["配套资金到位率"].get("basis") == "books: match by 06-30"
    total = rows["Total score 2025"]
    assert total.role == "subtotal"
    assert (total.get("weight"), total.get("score"), total.get("grade")) == (
        D(100),
        D("84.25"),
        "good",
    )


def test_the_funds_agree_with_the_budget_and_funding_reports(closed, progress):
    for ledger, years in ((closed, [2025]), (progress, [2024, 2025, 2026])):
        for year in years:
            funds = build_report("performance", ledger, year, "en").tables[1]
            budget = build_report("budget", ledger, year, "en").tables[0]
            sources = build_report("funding", ledger, year, "en").tables[0]
            (total,) = [row for row in funds.rows if row.role == "subtotal"]
            (budget_total,) = [row for row in budget.rows if row.role == "subtotal"]
            assert total.get("budget_year") == budget_total.get("available")
            assert total.get("executed") == budget_total.get("spent")
            assert total.get("execution") == budget_total.get("execution")
            by_account = {row.get("account"): row for row in funds.entries if row.get("account")}
            for source in sources.entries:
                mine = by_account[source.get("account")]
                assert mine.get("budget_year") == source.get("planned")
                assert mine.get("in_place") == source.get("received")
            carried = sum((row.get("carried_in") for row in budget.entries), D(0))
            assert total.get("in_place") == carried + sum(
                (row.get("received") for row in sources.entries), D(0)
            )


def test_the_closed_years_funds_by_hand(closed):
    funds = build_report("performance", closed, 2025, "en").tables[1]
    values = [
        (row.get("item"), row.get("budget_year"), row.get("in_place"), row.get("executed"))
        for row in funds.rows
    ]
    assert values == [
        ("of which: province", D(50000), D(50000), None),
        ("of which: county", D(50000), D(50000), None),
        ("of which: carried from last year", D(0), D(0), None),
        ("Funds of 2025", D(100000), D(100000), D(90000)),
    ]


def test_a_ledger_without_targets_is_left_alone(tmp_path):
    # No grant-target at all: no performance finding; the self-evaluation scores the execution
    # only. Its header: 2024 spent 35,000 + 45,000 of 40,000 + 60,000: 80 %, 10 x 0.8 = 8.
    ledger = load_named(tmp_path, CARRYFORWARD)
    assert not ledger.grant.targets.declares_targets
    assert [f for f in ledger.findings if f.rule.startswith("target-")] == []
    evaluation = ledger.grant.performance.of_year(2024)
    assert not evaluation.has_targets and evaluation.set_year is None
    assert evaluation.total == evaluation.execution.score == D(8)


@pytest.mark.parametrize(
    ("language", "missing", "none", "on_file"),
    [
        (
            "en",
            "reported (2026-01-10): evidence survey.pdf missing, not on file in the books' folders",
            "reported (2026-01-10): no evidence, no document linked",
            "reported: copy.pdf (2026-01-10)",
        ),
        (
            "zh",
            "填报（2026-01-10）：佐证材料 survey.pdf 缺失，未在账簿文件夹中找到",
            "填报（2026-01-10）：缺少佐证材料，未注明 document",
            "填报：copy.pdf（2026-01-10）",
        ),
    ],
)
def test_a_value_without_its_evidence_scores_and_its_source_says_so(
    reported, language, missing, none, on_file
):
    # 服务对象满意度's survey.pdf is not on file, 住院分娩率 links none: both config errors, both
    # still scored (25.00 and 20.00), and the source column says what is missing.
    report = build_report("performance", reported, 2025, language)
    rows = {row.get("indicator"): row for row in report.tables[-1].rows}
    assert (rows["服务对象满意度"].get("score"), rows["服务对象满意度"].get("basis")) == (
        D(25),
        missing,
    )
    assert (rows["住院分娩率"].get("score"), rows["住院分娩率"].get("basis")) == (D(20), none)
    assert rows["孕产妇死亡率"].get("basis") == on_file
