"""Fava's own views, as the accountant sees them in Chromium: no alarm the grant does not raise.

Fava 1.30 prorates a budget by day and shows it only on account pages, on a monthly interval
by default: a yearly lump became red "over budget" months. The grant page is therefore the
budget view (the plugin gives Fava no budgets), Fava opens on it (`default-page`), it links each
category to its account page on the yearly interval, and `invert-income-liabilities-equity`
shows income, liabilities and equity as positive amounts. Screenshots go to `artifacts/`.

The demo's 2026 figures, from its entries: spent 154,150.00 (医疗设备 62,800.00); received
200,000.00 plus interest 96.87 + 114.18 + 131.06 = 342.11; fees 20 + 25 + 15 = 60.00; so the
income statement's 净利润 (what the year received less what it spent) is 46,132.11, and the
equity on the balance sheet equals the dedicated account's 51,269.88.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from playwright.sync_api import Page, expect
from test_fava_browser import DEMO, ROOT, Server, browser, page, screenshot, serve

from commands.imports import import_group

__all__ = ["browser", "page", "serve"]  # the fixtures this module uses
# Each test asks for `serve` before `page`: the tab closes before its server stops, so a request
# Fava's page still has in flight is not cut off (a console error, which fails the test).

GRANT_PAGE = "/extension/GrantPage/"
STATEMENT_2026 = next((ROOT / "documents" / "Assets" / "Bank" / "MCH-Special").glob("2026-*"))
#: What the grant page shows as each category's 2026 spending.
SPENT_2026 = {
    "Education": "19,750.00",
    "Equipment": "62,800.00",
    "Management": "15,400.00",
    "PovertyRelief": "34,900.00",
    "Training": "21,300.00",
}


def books_url(server: Server) -> str:
    """The ledger's base URL: Fava opens on the grant page (`default-page`)."""
    assert server.home.endswith(GRANT_PAGE), server.home
    return server.home[: -len(GRANT_PAGE)]


def tree_rows(page: Page) -> dict[str, list[str]]:
    """The changes table of an account page: account name -> the texts of its cells."""
    rows = page.eval_on_selector_all(
        ".tree-table-new li > p",
        "rows => rows.map(row => [...row.children].map(cell => cell.innerText.trim()))",
    )
    return {cells[0].lstrip("▾▸ ").strip(): cells[1:] for cells in rows if cells}


def test_the_account_page_by_month_shows_no_budget_and_by_year_the_grant_pages_spending(
    serve, page
):
    server = serve(DEMO, "--read-only")
    base = books_url(server)
    page.goto(f"{base}/account/Expenses:MCH/?time=2026&r=changes")
    expect(page.locator(".tree-table-new")).to_be_visible()
    header = page.locator(".tree-table-new").first.inner_text()
    assert "2026-11" in header and "2026-03" in header
    monthly = tree_rows(page)
    assert monthly["Equipment"][1] == "15,240.00 CNY"  # November: 2,650.00 + 12,590.00
    # A budget would show as (+x) or a red (-x) beside a month's figure: there is none.
    assert not re.search(r"\([+-][\d,.]+", page.locator(".tree-table-new").first.inner_text())
    screenshot(page, "account-page-2026-monthly.png")

    page.goto(f"{base}/account/Expenses:MCH/?time=2026&interval=year&r=changes")
    expect(page.locator(".tree-table-new")).to_be_visible()
    yearly = tree_rows(page)
    for account, spent in SPENT_2026.items():
        assert yearly[account] == [f"{spent} CNY"], account
    assert yearly["MCH"] == ["154,150.00 CNY"]
    screenshot(page, "account-page-2026-yearly.png")


def test_the_grant_page_links_each_category_to_its_year_in_fava(serve, page):
    server = serve(DEMO, "--read-only")
    page.goto(server.home)
    expect(page.locator(".grant-page")).to_have_attribute("data-year", "2026")
    row = page.locator('section[data-section="budget"] tr[data-key="Expenses:MCH:Equipment"]')
    row.locator('td[data-key="spent"] a').click()
    page.wait_for_url("**/account/Expenses:MCH:Equipment/**")
    assert "interval=year" in page.url and "time=2026" in page.url
    expect(page.locator(".tree-table-new")).to_contain_text("62,800.00 CNY")
    page.wait_for_load_state("networkidle")


def test_the_income_statement_and_balance_sheet_read_positive(serve, page):
    server = serve(DEMO, "--read-only")
    base = books_url(server)
    page.goto(f"{base}/income_statement/?time=2026")
    tables = page.locator(".tree-table-new")
    expect(tables.first).to_be_visible()
    text = page.locator("article").inner_text()
    assert re.search(r"Income\s+200,342\.11", text)
    assert re.search(r"净利润\s+46,132\.11", text)
    assert "-46,132.11" not in text and "-200,342.11" not in text
    screenshot(page, "income-statement-2026.png")

    page.goto(f"{base}/balance_sheet/")
    expect(page.locator(".tree-table-new").first).to_be_visible()
    text = page.locator("article").inner_text()
    assert re.search(r"Equity\s+51,269\.88", text)
    assert re.search(r"MCH-Special\s+51,269\.88", text)
    screenshot(page, "balance-sheet.png")


def test_the_errors_page_after_an_import(serve, page, tmp_path):
    """2026 imported anew beside its scans, one of them not yet on file: one finding, named.

    (Besides the relief payments' women, whom the accountant names after an import.)
    """
    shutil.copytree(ROOT / "documents", tmp_path / "documents")
    for name in ("registers", "rosters"):  # the beneficiary register, the rosters
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "documents/Expenses/MCH/Training/2026-03-23.记-2026-005.pdf").unlink()
    ledger = tmp_path / "main.beancount"
    paragraphs = re.split(r"\n(?=\S)", DEMO.read_text(encoding="utf-8"))
    kept = [
        # Without the asset register, the devices received are reported, not counted from it.
        p.replace('measure: "assets Expenses:MCH:Equipment"', 'measure: "reported"')
        for p in paragraphs
        if not (p.startswith("2026") and ("bank-ref:" in p or " balance " in p))
        # Nor the asset rules: imported payments do not name their cards yet.
        and '"grant-assets"' not in p
        and '"grant-procurement"' not in p
    ]
    ledger.write_text("\n".join(kept), encoding="utf-8")
    arguments = [str(STATEMENT_2026), "--ledger", str(ledger), "--append", str(ledger)]
    assert CliRunner().invoke(import_group, ["extract", *arguments]).exit_code == 0

    server = serve(ledger, "--read-only")
    page.goto(f"{books_url(server)}/errors/")
    rows = page.locator("table tbody tr")
    # And whom each of the 11 relief payments paid, which no bank row says (beneficiary-missing).
    expect(rows).to_have_count(12)
    expect(rows.filter(has_text="[beneficiary-missing]")).to_have_count(11)
    message = rows.filter(has_text="[document-missing]").first.inner_text()
    assert "[document-missing] 凭证 记-2026-005（2026-03-23，宁州市妇幼保健院，" in message
    assert "在 Fava 的日记账中找到这笔分录，把扫描件拖到该行上" in message
    screenshot(page, "errors-after-import.png")
    assert Path(ledger).read_text(encoding="utf-8").count("document") > 30
