"""The grant page in a real browser: Debian's Chromium, driven by Playwright, on `mch-ledger serve`.

Each test starts the real command on a free port of this machine, opens the page as the
accountant does (from Fava's sidebar, choosing the year with Fava's time filter), and checks
what the browser shows against the reports built from the same ledger. Screenshots go to
`artifacts/` (not committed), for a person to look at.

Playwright's own browser download does not work here: the tests use /usr/bin/chromium, which
`.ci/run` installs. Without it they fail, they are not skipped.
"""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect, sync_playwright

from ledger.loading import load_ledger
from reports.build import build_report

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "main.beancount"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MCH_LEDGER = Path(sys.executable).with_name("mch-ledger")
START_TIMEOUT = 120
#: A deliberate error: a payment over the equipment budget, with no copy of its voucher.
OVER_BUDGET = """
2026-11-20 * "华康医疗设备有限公司" "购置新生儿转运暖箱"
  voucher: "记-2026-045"
  Expenses:MCH:Equipment  25000.00 CNY
  Assets:Bank:MCH-Special
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A Chinese-speaking browser tab; any script error on a page fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="zh-CN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    yield tab
    context.close()
    assert errors == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mch-ledger serve LEDGER` running on a free port, until stopped."""

    def __init__(self, ledger: Path, *args: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(MCH_LEDGER), "serve", str(ledger), "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    self.home = response.url
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    output = self.process.stdout.read().decode() if self.process.stdout else ""
                    raise AssertionError(f"mch-ledger serve did not start:\n{output}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server this test started."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def serve() -> Iterator:
    servers: list[Server] = []

    def start(ledger: Path, *args: str) -> Server:
        servers.append(Server(ledger, *args))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def open_grant_page(page: Page, server: Server) -> None:
    """Open Fava, then the grant page from its sidebar, as the accountant does."""
    page.goto(server.home)
    page.get_by_role("link", name="专项资金").click()
    expect(page.locator(".grant-page")).to_be_visible()


def choose_year(page: Page, year: int, shown: int | None = None) -> None:
    """Type the year into Fava's time filter; wait for the page of the year `shown`."""
    time_filter = page.get_by_placeholder("时间")
    time_filter.fill(str(year))
    time_filter.press("Enter")
    shown = year if shown is None else shown
    expect(page.locator(".grant-page")).to_have_attribute("data-year", str(shown or ""))


def shown_rows(page: Page, section: str) -> dict[str, dict[str, str]]:
    """A section's rows as the browser shows them: row key -> cell key -> text."""
    return page.eval_on_selector_all(
        f'section[data-section="{section}"] tbody tr',
        """rows => Object.fromEntries(rows.map(row => [row.dataset.key,
             Object.fromEntries([...row.cells].map(c => [c.dataset.key, c.innerText.trim()]))]))""",
    )


def amount(text: str) -> Decimal | None:
    return Decimal(text.replace(",", "")) if text else None


def assert_shows_report(rows: dict[str, dict[str, str]], report_rows, key_of) -> None:
    """Every amount the page shows in `rows` equals the report's value."""
    assert len(rows) == len(report_rows)
    for report_row in report_rows:
        shown = rows[key_of(report_row)]
        for key, text in shown.items():
            value = report_row.values.get(key)
            if isinstance(value, Decimal) and key != "execution":
                assert amount(text) == value, (key_of(report_row), key, text, value)
            elif isinstance(value, str) and key in ("label", "voucher", "payee", "narration"):
                assert text == value


def assert_shows_budget_and_funding(page: Page, year: int) -> None:
    ledger = load_ledger(DEMO)
    budget = build_report("budget", ledger, year, "zh").tables[0]
    sources, tranches = build_report("funding", ledger, year, "zh").tables
    by_account = lambda row: row.get("account") or str(row.get("year"))  # noqa: E731
    assert_shows_report(shown_rows(page, "budget"), budget.rows, by_account)
    assert_shows_report(shown_rows(page, "funding"), sources.rows, by_account)
    assert_shows_report(shown_rows(page, "tranches"), tranches.rows, lambda row: row.get("voucher"))


def test_grant_page_shows_the_budget_and_funding_reports_of_the_year(page, serve):
    server = serve(DEMO, "--read-only")
    open_grant_page(page, server)
    expect(page.locator(".grant-page")).to_have_attribute("data-year", "2026")
    assert_shows_budget_and_funding(page, 2026)
    screenshot(page, "grant-page-2026.png")

    choose_year(page, 2025)
    assert_shows_budget_and_funding(page, 2025)
    relief = shown_rows(page, "budget")["Expenses:MCH:PovertyRelief"]
    assert (relief["carried_out"], relief["lapsed"]) == ("4,500.00", "0.00")
    screenshot(page, "grant-page-2025.png")

    choose_year(page, 2019, shown=0)
    expect(page.locator("#grant-message")).to_contain_text("2024—2026")
    screenshot(page, "grant-page-no-data.png")


def test_a_finding_links_to_its_entry_in_favas_editor(page, serve, tmp_path):
    for folder in ("documents", "registers", "rosters"):  # the copies, the beneficiaries
        shutil.copytree(ROOT / folder, tmp_path / folder)
    ledger = tmp_path / "main.beancount"
    ledger.write_text(DEMO.read_text(encoding="utf-8") + OVER_BUDGET, encoding="utf-8")
    line = ledger.read_text(encoding="utf-8").splitlines().index(OVER_BUDGET.splitlines()[1]) + 1
    server = serve(ledger, "--no-auto-commit")
    open_grant_page(page, server)
    findings = page.locator('section[data-section="findings"] tr.finding')
    # over-budget and document-missing; and, for a 25,000.00 device without card or
    # procurement record, asset-missing and procurement-missing.
    expect(findings).to_have_count(4)
    over = page.locator('section[data-section="budget"] tr[data-key="Expenses:MCH:Equipment"]')
    expect(over.locator('td[data-key="execution"]')).to_have_class("num over")
    screenshot(page, "grant-page-findings.png")

    page.locator('tr.finding[data-rule="over-budget"] a.source').click()
    page.wait_for_url("**/editor/?**")
    active = page.locator(".cm-activeLine")
    expect(active).to_contain_text('2026-11-20 * "华康医疗设备有限公司" "购置新生儿转运暖箱"')
    assert f"line={line}" in page.url
    screenshot(page, "editor-at-finding.png")


def test_the_inspection_pack_downloads_from_the_page(page, serve, tmp_path):
    server = serve(DEMO, "--read-only")
    open_grant_page(page, server)
    choose_year(page, 2025)
    files = {}
    for text in ("Excel 工作簿", "HTML 打印版", "全套资料（zip，含凭证复印件）"):
        with page.expect_download() as download:
            page.get_by_role("link", name=text).click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        files[target.suffix] = target
    assert sorted(path.name for path in files.values()) == [
        "2025年度专项检查资料.html",
        "2025年度专项检查资料.xlsx",
        "2025年度专项检查资料.zip",
    ]
    workbook = openpyxl.load_workbook(files[".xlsx"])
    assert workbook.sheetnames[0] == "预算执行情况表"
    title = BeautifulSoup(files[".html"].read_text(encoding="utf-8"), "html.parser").title
    assert title.get_text() == "2025年度专项检查资料"
    names = zipfile.ZipFile(io.BytesIO(files[".zip"].read_bytes())).namelist()
    assert "SHA256SUMS" in names
    assert any(name.startswith("vouchers/记-2025-") for name in names)
