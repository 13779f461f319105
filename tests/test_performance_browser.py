"""The grant page's performance section in a real browser (Debian's Chromium, Playwright).

The accountant opens the grant page in November of the open year and sees which indicators
are at risk; then the closed 2025 with its missed and explained target. The browser must show
the `performance` report's figures. Screenshots go to `artifacts/`, for a person to look at.
"""

from __future__ import annotations

from decimal import Decimal

import test_fava_browser
from playwright.sync_api import expect
from test_fava_browser import ARTIFACTS, DEMO, choose_year, open_grant_page, screenshot, shown_rows

from ledger.loading import load_ledger
from ledger.performance.scoring import rounded
from reports.build import build_report

# The browser, a Chinese-speaking tab and `mch-ledger serve`, as the grant page's own tests.
browser = test_fava_browser.browser
page = test_fava_browser.page
serve = test_fava_browser.serve


def assert_shows_indicators(page, year: int) -> None:
    """The section shows the report's completion and score of every indicator of the year."""
    table = build_report("performance", load_ledger(DEMO), year, "zh").tables[-1]
    shown = shown_rows(page, "performance")
    assert len(shown) == len(table.rows)
    for row in table.rows:
        cells = shown[row.get("indicator")]
        score = row.get("score")
        assert Decimal(cells["score"]) == rounded(score)
        completion = row.get("completion")
        if completion is not None:
            assert cells["completion"] == f"{completion * 100:.2f}%"


def test_the_open_year_shows_what_is_at_risk(page, serve):
    server = serve(DEMO, "--read-only")
    open_grant_page(page, server)
    section = page.locator('section[data-section="performance"]')
    expect(section.locator("h3")).to_have_text("2026年度绩效目标完成情况")
    assert_shows_indicators(page, 2026)
    training = section.locator('tr[data-key="培训基层妇幼保健人员"]')
    expect(training.locator('td[data-key="progress"]')).to_have_text("进度滞后")
    expect(training.locator('td[data-key="completion"]')).to_have_class("num near")
    expect(section.locator("p.note").first).to_contain_text("进度滞后 4 项")
    section.scroll_into_view_if_needed()
    screenshot(page, "grant-page-performance-2026.png")
    section.screenshot(path=str(page_artifact("grant-page-performance-2026-section.png")))


def test_a_closed_year_shows_its_score_grade_and_the_explained_miss(page, serve):
    server = serve(DEMO, "--read-only")
    open_grant_page(page, server)
    choose_year(page, 2025)
    section = page.locator('section[data-section="performance"]')
    assert_shows_indicators(page, 2025)
    missed = section.locator('tr[data-key="孕产妇系统管理率"]')
    expect(missed.locator('td[data-key="progress"]')).to_have_text("未达标")
    expect(missed.locator('td[data-key="reason"]')).to_contain_text("两名专职保健人员外出进修")
    expect(section.locator("p.note").first).to_have_text("总分 99.27（满分 100），自评等级：优。")
    section.screenshot(path=str(page_artifact("grant-page-performance-2025-section.png")))


def page_artifact(name: str):
    """Where a screenshot of one section goes (artifacts/, beside the page's)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
