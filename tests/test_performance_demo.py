"""The demo's performance targets: clean, the README's scores, and the grant page's section.

Hand-computed from main.beancount:
- 2024 (targets set that year): execution 185,510.00 / 200,000.00 = 92.755 %, 9.2755; the
  five indicators met, 90: 99.2755, shown 99.28, 优.
- 2025 (repeats 2024's): execution 198,130.00 / 206,300.00, 9.6040…; 孕产妇系统管理率 88.5 of
  90: 20 × 88.5 / 90 = 19.666…, missed with its reason; the rest met, 70: 99.27, 优.
- 2026 (its own nine, open): as of 2026-11-14, day 318 of 365 (87.12 %). Execution 154,150.00
  / 204,500.00 = 75.38 %, 7.5379…, at risk; participants 1 + 38 + 52 + 1 + 1 = 93 of 120,
  77.5 %: 7.75, at risk; two courses of 2, met, 10; the register's women JZ-2026-001 … 018
  paid, 18 of 20, 90 % ahead of the year's 87.12 %: 9, on track; paid within 60 days of being
  eligible (the later of the evidence's date and the end of the notice): all but JZ-2026-008,
  009, 010 (67 days) and 011 (98 days), 14 of 18 = 77.78 % of 80 %: 9.7222…, at risk; the
  five cards ZC-2026-001 … 005 accepted in 2026, met, 10; the county's 100,000 by 28 April of
  100,000 required, met, 10; 孕产妇系统管理率 89.2 at mid-year: 10 × 89.2 / 90 = 9.9111…, at
  risk; 孕产妇死亡率 and satisfaction not reported yet, 0: 73.92, 中 so far.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fava.application import create_app
from named_ledgers import CARRYFORWARD
from test_demo import readme_demo_table
from test_fava_grant_page import named

from ledger.loading import load_ledger
from ledger.performance.scoring import rounded
from reports.build import build_report

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"
D = Decimal


@pytest.fixture(scope="module")
def demo():
    return load_ledger(DEMO)


def test_the_demos_targets_are_clean(demo):
    assert [f for f in demo.findings if f.rule.startswith("target-") or f.rule == "config"] == []
    assert sorted(demo.grant.targets.targets) == [2024, 2026]


def test_the_readmes_self_evaluation_row(demo):
    cells = readme_demo_table()["self-evaluation total (绩效自评)"]
    grades = {"excellent": "优", "good": "良", "fair": "中", "poor": "差"}
    for year, cell in zip((2024, 2025, 2026), cells, strict=True):
        evaluation = demo.grant.performance.of_year(year)
        total, grade = cell.split()[:2]
        assert rounded(evaluation.total) == D(total), year
        assert grades[evaluation.grade] == grade, year


def test_the_demos_scores_by_hand(demo):
    performance = demo.grant.performance
    assert rounded(performance.of_year(2024).total) == D("99.28")
    y2025 = performance.of_year(2025)
    assert y2025.set_year == 2024
    missed = [line for line in y2025.indicators if line.status == "missed"]
    assert [(line.target.name, line.actual, rounded(line.score)) for line in missed] == [
        ("孕产妇系统管理率", D("88.5"), D("19.67"))
    ]
    assert missed[0].reason.startswith("下半年两名专职保健人员外出进修")
    assert rounded(y2025.total) == D("99.27")
    y2026 = performance.of_year(2026)
    assert (str(y2026.as_of), rounded(y2026.elapsed * 100)) == ("2026-11-14", D("87.12"))
    assert y2026.execution.status == "at-risk"
    progress = {line.target.name: (line.actual, line.status) for line in y2026.indicators}
    assert {
        name: (rounded(actual) if actual else actual, status)
        for name, (actual, status) in progress.items()
    } == {
        "培训基层妇幼保健人员": (D(93), "at-risk"),
        "举办适宜技术培训班": (D(2), "met"),
        "救助贫困孕产妇": (D(18), "on-track"),
        "救助资金60日内发放率": (D("77.78"), "at-risk"),
        "新增新生儿急救及保健设备": (D(5), "met"),
        "县级配套资金6月底前到位率": (D(100), "met"),
        "孕产妇系统管理率": (D("89.2"), "at-risk"),
        "孕产妇死亡率": (None, "pending"),
        "服务对象满意度": (None, "pending"),
    }
    assert (rounded(y2026.total), y2026.grade) == (D("73.92"), "fair")


def test_the_grant_page_shows_the_years_indicators_and_what_is_at_risk(tmp_path):
    shutil.copytree(DEMO.parent / "documents", tmp_path / "documents")
    for name in ("registers", "rosters"):  # the beneficiary register, the rosters
        shutil.copytree(DEMO.parent / name, tmp_path / name)
    shutil.copyfile(DEMO, tmp_path / "main.beancount")
    app = create_app([str(tmp_path / "main.beancount")], load=True)
    client = app.test_client()
    slug = client.get("/").headers["Location"].strip("/").split("/")[0]
    html = client.get(f"/{slug}/extension/GrantPage/").data
    section = BeautifulSoup(html, "html.parser").select_one('section[data-section="performance"]')
    assert section.h3.get_text() == "2026年度绩效目标完成情况"
    rows = {
        row["data-key"]: {cell["data-key"]: cell for cell in row("td")}
        for row in section.select("tbody tr")
    }
    training = rows["培训基层妇幼保健人员"]
    assert training["target"].get_text(strip=True) == "不低于 120人次"
    assert training["actual"].get_text(strip=True) == "93人次"
    assert training["completion"].get_text(strip=True) == "77.50%"
    assert "near" in training["completion"]["class"]  # an amber bar: at risk
    assert training["progress"].get_text(strip=True) == "进度滞后"
    assert "at-risk" in training["progress"]["class"]
    assert rows["举办适宜技术培训班"]["progress"].get_text(strip=True) == "达标"
    assert rows["孕产妇死亡率"]["progress"].get_text(strip=True) == "无实际值"
    assert rows["2026年度总分"]["score"].get_text(strip=True) == "73.92"
    notes = [note.get_text() for note in section.select("p.note")]
    assert notes[0] == "进度滞后 4 项，无实际值 2 项；按目前进度估算总分 73.92（中）。"
    data = client.get(f"/{slug}/extension/GrantPage/data", query_string={"year": "2025"})
    (total,) = data.get_json()["performance"]["indicators_totals"]
    assert (total["score"], total["grade"]) == ("99.27", "优")


def test_a_ledger_without_targets_shows_no_performance_section(tmp_path):

    page = named(tmp_path, CARRYFORWARD).page()
    assert page.select_one('section[data-section="performance"]') is None


def test_the_register_indicators_agree_with_the_beneficiary_and_asset_reports(demo):
    # The same books read three ways: the performance report's actual values, and the
    # registers' own reports of 2026, side by side.
    performance = build_report("performance", demo, 2026, "en").tables[-1].entries
    actual = {row.values["indicator"]: row.values["actual"] for row in performance}
    beneficiaries = build_report("beneficiaries", demo, 2026, "en").tables[0].entries
    women = {row.values["id_masked"] for row in beneficiaries if row.values.get("id_masked")}
    assert actual["救助贫困孕产妇"] == len(women) == 18
    cards = build_report("assets", demo, 2026, "en").tables[0].entries
    received = [row for row in cards if row.values["received"].year == 2026]
    assert actual["新增新生儿急救及保健设备"] == len(received) == 5
    budget = build_report("budget", demo, 2026, "en").tables[0]
    (total,) = [row for row in budget.rows if row.role == "subtotal"]
    assert rounded(actual["Budget execution rate"]) == rounded(total.values["execution"] * 100)
