"""The grant page in Fava (reports.fava_grant) through Flask's test client.

The page must show the reports' figures for the year of Fava's time filter: each test compares
what the page shows with `build_report` on the same ledger, or with the hand-computed figures
in the header of a named ledger (tests/report_ledgers/).
"""

from __future__ import annotations

import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from bs4 import BeautifulSoup
from fava.application import create_app
from grant_ledgers import funding
from named_ledgers import CARRYFORWARD, LATE_TRANCHE, copy_named

import ledger.grant_ledger
from ledger.loading import load_ledger
from reports.build import build_report
from reports.fava_grant.years import asked_year, choose_year
from reports.labels import Labels

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"
EXTENSION = '2024-01-01 custom "fava-extension" "reports.fava_grant"\n'
PAGE = "extension/GrantPage/"


class Fava:
    """A Fava application on one ledger, and requests to its grant page."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.app = create_app([str(path)], load=True)
        self.client = self.app.test_client()
        self.slug = self.client.get("/").headers["Location"].strip("/").split("/")[0]

    @property
    def ledger(self):
        """Fava's ledger."""
        return self.app.config["LEDGERS"].ledgers[0]

    def get(self, path: str, **args: str):
        """GET a path under the ledger's URL."""
        return self.client.get(f"/{self.slug}/{path}", query_string=args)

    def page(self, **args: str) -> BeautifulSoup:
        """The grant page's content, parsed."""
        response = self.get(PAGE, **args)
        assert response.status_code == 200, response.data[:2000]
        return BeautifulSoup(response.data, "html.parser").select_one(".grant-page")


def with_extension(path: Path) -> Path:
    """Turn the grant page on in the ledger at `path`."""
    with path.open("a", encoding="utf-8") as file:
        file.write("\n" + EXTENSION)
    return path


def named(tmp_path: Path, name: str) -> Fava:
    return Fava(with_extension(copy_named(tmp_path, name)))


def demo_copy(tmp_path: Path) -> Path:
    """The demo ledger and its voucher copies, copied into `tmp_path`."""
    shutil.copytree(DEMO.parent / "documents", tmp_path / "documents")
    for name in ("registers", "rosters"):  # the beneficiary register, the rosters
        shutil.copytree(DEMO.parent / name, tmp_path / name)
    shutil.copyfile(DEMO, tmp_path / "main.beancount")
    return tmp_path / "main.beancount"


def amount(text: str) -> Decimal | None:
    """An amount as the page writes it (`12,345.60`); None for an empty cell."""
    return Decimal(text.replace(",", "")) if text else None


def rows_of(page: BeautifulSoup, section: str) -> dict[str, dict[str, str]]:
    """The rows of a section's table: row key -> cell key -> the text shown."""
    table = page.select_one(f'section[data-section="{section}"] table')
    assert table is not None, f"no section {section}"
    return {
        row["data-key"]: {cell["data-key"]: cell.get_text(" ", strip=True) for cell in row("td")}
        for row in table.select("tbody tr")
    }


def report_values(path: Path, kind: str, year: int | None, table: int = 0) -> list[dict]:
    """The values of a report's rows, built from the ledger on disk."""
    report = build_report(kind, load_ledger(path), year, "zh")
    return [dict(row.values) for row in report.tables[table].rows]


MONEY = ("budget", "carried_in", "available", "spent", "remaining")


def test_demo_page_shows_the_budget_report_of_the_latest_year(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    page = fava.page()
    assert page["data-year"] == "2026"
    shown = rows_of(page, "budget")
    expected = report_values(fava.path, "budget", 2026)
    assert len(shown) == len(expected) == 6
    for values in expected:
        row = shown[values.get("account") or str(values["year"])]
        assert row["label"] == values["label"]
        for key in MONEY:
            assert amount(row[key]) == values[key], (values["label"], key)
        assert row["execution"] == f"{values['execution'] * 100:.2f}%"
    # The README's demo table: 医疗设备 62,800.00 of 85,000 after the July adjustment.
    assert shown["Expenses:MCH:Equipment"]["spent"] == "62,800.00"
    assert shown["Expenses:MCH:Equipment"]["budget"] == "85,000.00"
    # The year is open: what carries out and lapses is not shown yet.
    assert "carried_out" not in shown["Expenses:MCH:Equipment"]


def test_time_filter_picks_the_year_and_a_closed_year_shows_carried_and_lapsed(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    page = fava.page(time="2025")
    assert page["data-year"] == "2025"
    shown = rows_of(page, "budget")
    for values in report_values(fava.path, "budget", 2025):
        row = shown[values.get("account") or str(values["year"])]
        for key in (*MONEY, "carried_out", "lapsed"):
            assert amount(row[key]) == values[key], (values["label"], key)
    # README: relief carried 4,500.00 out of 2025; 3,670.00 lapsed in all.
    assert shown["Expenses:MCH:PovertyRelief"]["carried_out"] == "4,500.00"
    assert shown["2025"]["lapsed"] == "3,670.00"
    # The year links set Fava's time filter; the year shown is not a link.
    links = {a.get_text(): a["href"] for a in page.select(".headerline a")}
    assert set(links) == {"2024", "2026"}
    assert parse_qs(urlsplit(links["2024"]).query)["time"] == ["2024"]


def test_funds_in_place_show_tranches_late_money_and_a_short_match(tmp_path):
    # Hand-computed in the ledger's header: 2024 county received 90,000 of the 100,000
    # required (10,000 more arrived after the close), shortfall 10,000, not met.
    fava = named(tmp_path, LATE_TRANCHE)
    page = fava.page(time="2024")
    sources = rows_of(page, "funding")
    county = sources["Income:Gov:County"]
    assert (amount(county["received"]), amount(county["late"])) == (90000, 10000)
    assert (amount(county["required"]), amount(county["shortfall"])) == (100000, 10000)
    assert county["met"] == "no"
    met_cell = page.select_one('tr[data-key="Income:Gov:County"] td[data-key="met"]')
    assert "short" in met_cell["class"]
    tranches = rows_of(page, "tranches")
    assert {row["date"]: amount(row["amount"]) for row in tranches.values()} == {
        "2024-04-01": 60000,
        "2024-03-01": 100000,
        "2025-01-10": 30000,
        "2025-02-15": 10000,
    }
    assert tranches["V-2025-003"]["late"] == "yes"
    for values in report_values(fava.path, "funding", 2024, table=1):
        assert amount(tranches[values["voucher"]]["amount"]) == values["amount"]
    # 2025's match is met.
    assert rows_of(fava.page(time="2025"), "funding")["Income:Gov:County"]["met"] == "yes"


def test_carry_forward_across_the_years_and_the_lapsed_funds(tmp_path):
    # Hand-computed in the ledger's header: aid carries 15,000 out of 2024 and 25,000 out of
    # 2025; in 2026 5,000 of 2025's lapse and 60,000 carry out. Lapsed: 5,000, 0, 35,000, of
    # which 30,000 of 2026's were returned in 2027.
    fava = named(tmp_path, CARRYFORWARD)
    page = fava.page(time="2026")
    carried = rows_of(page, "carryforward-Expenses:Work:Aid")
    assert {year: amount(row["carried_out"]) for year, row in carried.items()} == {
        "2024": 15000,
        "2025": 25000,
        "2026": 60000,
    }
    assert amount(carried["2026"]["carried_in"]) == 25000
    assert amount(carried["2026"]["lapsed"]) == 5000
    lapsed = rows_of(page, "lapsed")
    assert {year: amount(row["lapsed"]) for year, row in lapsed.items()} == {
        "2024": 5000,
        "2025": 0,
        "2026": 35000,
    }
    assert amount(lapsed["2026"]["lapsed_returned"]) == 30000
    assert amount(lapsed["2026"]["lapsed_outstanding"]) == 5000
    # A year shows the history up to itself only.
    assert set(rows_of(fava.page(time="2025"), "lapsed")) == {"2024", "2025"}


def test_bars_turn_amber_near_the_limit_and_red_over_it(write_ledger):
    # Admin 19,000 of 20,000 (95%: amber); training 33,000 of 30,000 (110%: red); relief 10%.
    path = write_ledger(
        funding(2024),
        """
        2024-03-01 * "Hall" "meetings"
          voucher: "V-1"
          document: "copy.pdf"
          Expenses:Program:Admin  19000.00 CNY
          Assets:Bank:Grant-Account

        2024-04-01 * "Trainer" "courses"
          voucher: "V-2"
          document: "copy.pdf"
          Expenses:Program:Training  33000.00 CNY
          Assets:Bank:Grant-Account

        2024-05-01 * "Hospital" "relief"
          voucher: "V-3"
          document: "copy.pdf"
          Expenses:Program:Relief  4000.00 CNY
          Assets:Bank:Grant-Account
        """,
        EXTENSION,
    )
    page = Fava(path).page()

    def execution(account: str):
        cell = page.select_one(f'tr[data-key="{account}"] td[data-key="execution"]')
        bar = cell.select_one(".bar span")
        return set(cell["class"]) - {"num"}, bar["style"], cell.get_text(strip=True)

    assert execution("Expenses:Program:Admin") == ({"near"}, "width: 95.0%", "95.00%")
    assert execution("Expenses:Program:Training") == ({"over"}, "width: 100.0%", "110.00%")
    assert execution("Expenses:Program:Relief") == (set(), "width: 10.0%", "10.00%")


def test_a_ledger_with_errors_lists_its_findings_linked_to_the_editor(write_ledger):
    path = write_ledger(
        funding(2024),
        """
        2024-03-01 * "Trainer" "courses"
          voucher: "V-1"
          Expenses:Program:Training  31000.00 CNY
          Assets:Bank:Grant-Account

        2024-12-31 balance Assets:Bank:Grant-Account  1.00 CNY
        """,
        EXTENSION,
    )
    fava = Fava(path)
    page = fava.page()
    rows = page.select('section[data-section="findings"] tr.finding')
    found = {(row["data-rule"], row.select("td")[2].get_text(strip=True)) for row in rows}
    lines = path.read_text(encoding="utf-8").splitlines()
    payment = lines.index('2024-03-01 * "Trainer" "courses"') + 1
    balance = lines.index("2024-12-31 balance Assets:Bank:Grant-Account  1.00 CNY") + 1
    assert found == {
        ("beancount", f"{path.name}:{balance}"),
        ("over-budget", f"{path.name}:{payment}"),
        ("document-missing", f"{path.name}:{payment}"),
    }
    for row in rows:
        link = urlsplit(row.select_one("a.source")["href"])
        assert link.path == f"/{fava.slug}/editor/"
        query = parse_qs(link.query)
        assert query["file_path"] == [str(path)]
        assert query["line"][0] in {str(payment), str(balance)}
    # The page says the books have errors, before the figures.
    assert "3 error(s)" in page.select_one("p.message").get_text()
    # The link opens Fava's editor (which loads that file's source by the same parameters).
    assert fava.client.get(row.select_one("a.source")["href"]).status_code == 200
    source = fava.get("api/source", filename=query["file_path"][0]).get_json()["data"]
    assert source["file_path"] == str(path)


def test_a_year_without_data_and_a_filter_across_years_get_a_message(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    page = fava.page(time="2019")
    assert "2019" in page.select_one("#grant-message").get_text()
    assert "2024—2026" in page.select_one("#grant-message").get_text()
    assert not page.select("section")
    page = fava.page(time="2024 - 2025")
    assert "跨越多个年度" in page.select_one("#grant-message").get_text()
    assert not page.select("section")
    # Part of a year: the whole year is shown, and the page says so.
    page = fava.page(time="2025-03")
    assert page["data-year"] == "2025"
    assert "2025-03-01 至 2025-03-31" in page.select_one("#grant-message").get_text()
    assert rows_of(page, "budget")["2025"]["spent"] == "198,130.00"


def test_a_ledger_without_a_grant_gets_a_message(tmp_path):
    path = tmp_path / "plain.beancount"
    path.write_text(
        'option "operating_currency" "CNY"\n'
        "2024-01-01 open Assets:Cash CNY\n"
        "2024-01-01 open Expenses:Food CNY\n"
        '2024-02-01 * "Shop" "bread"\n  Expenses:Food  3.00 CNY\n  Assets:Cash\n' + EXTENSION,
        encoding="utf-8",
    )
    fava = Fava(path)
    page = fava.page()
    # The message `validate` gives, with its example of how to declare a grant.
    message = page.select_one("#grant-message").get_text()
    assert "plain.beancount declares no grant" in message
    assert '2024-01-01 custom "grant-account" Assets:Bank:Special' in message
    for asked in ({}, {"year": "2024"}, {"year": "abc"}):
        response = fava.get(f"{PAGE}data", **asked)
        assert response.status_code == 404
        assert response.get_json()["error"] == message


def test_a_ledger_without_a_grant_is_told_so_in_its_language(tmp_path):
    path = tmp_path / "plain.beancount"
    path.write_text(
        '2024-01-01 custom "fava-option" "language" "zh"\n'
        "2024-01-01 open Assets:Cash CNY\n" + EXTENSION,
        encoding="utf-8",
    )
    fava = Fava(path)
    message = fava.page().select_one("#grant-message").get_text()
    assert "plain.beancount 没有声明专项资金" in message
    assert fava.get(f"{PAGE}data", year="2024").get_json()["error"] == message


def test_books_without_a_year_get_a_message_not_a_crash():
    # A grant always has a year (its first directive's at least); the choice of a year still
    # answers for books without one rather than failing on an empty list.
    labels = Labels("en")
    for choice in (choose_year(None, None, [], labels), asked_year("2024", [], labels)):
        assert choice.year is None and choice.missing
        assert "no grant receipt or payment yet" in (choice.message or "")


def test_page_is_in_the_ledgers_language(write_ledger):
    # The test ledgers set no Fava language: the page, like the findings, is in English.
    fava = Fava(write_ledger(funding(2024), EXTENSION))
    page = fava.page()
    assert page.select_one('section[data-section="budget"] th').get_text() == "Item"
    details = {e.name: e.report_title for e in fava.ledger.extensions.extension_details}
    assert details["GrantPage"] == "Grant"
    assert {e.name: e.report_title for e in Fava(DEMO).ledger.extensions.extension_details}[
        "GrantPage"
    ] == "专项资金"


def test_data_endpoint_gives_the_reports_figures_as_json(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    response = fava.get(f"{PAGE}data", year="2025")
    assert response.status_code == 200
    data = response.get_json()
    assert (data["year"], data["years"], data["closed"]) == (2025, [2024, 2025, 2026], True)
    budget = {row["account"]: row for row in data["budget"]["rows"]}
    for values in report_values(fava.path, "budget", 2025):
        if "account" in values:
            assert Decimal(budget[values["account"]]["spent"]) == values["spent"]
    county = next(r for r in data["funding"]["rows"] if r["account"] == "Income:Grant:County")
    assert (county["received"], county["met"]) == ("100000.00", True)
    assert data["findings"] == []
    # Without ?year= it follows the time filter, like the page.
    assert fava.get(f"{PAGE}data", time="2024").get_json()["year"] == 2024


def test_downloads_are_the_years_inspection_pack(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    page = fava.page(time="2025")
    links = [urlsplit(a["href"]) for a in page.select(".downloads a")]
    assert [link.path.rsplit("/", 1)[1] for link in links] == ["excel", "html", "pack"]
    assert all(parse_qs(link.query)["year"] == ["2025"] for link in links)

    workbook = fava.get(f"{PAGE}excel", year="2025")
    assert workbook.status_code == 200
    assert "2025%E5%B9%B4%E5%BA%A6" in workbook.headers["Content-Disposition"]  # 2025年度
    sheets = openpyxl.load_workbook(io.BytesIO(workbook.data)).sheetnames
    assert sheets[:2] == ["预算执行情况表", "资金到位情况表"]

    html = fava.get(f"{PAGE}html", year="2025")
    title = BeautifulSoup(html.data, "html.parser").title.get_text()
    assert title == "2025年度专项检查资料"

    pack = fava.get(f"{PAGE}pack", year="2025")
    names = zipfile.ZipFile(io.BytesIO(pack.data)).namelist()
    assert {"2025年度专项检查资料.xlsx", "2025年度专项检查资料.html", "SHA256SUMS"} <= set(names)
    assert any(name.startswith("vouchers/记-2025-") for name in names)
    # A download gives nothing out on the record: no copy register beside the ledger.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "documents",
        "main.beancount",
        "registers",
        "rosters",
    ]


def test_a_year_the_books_do_not_cover_is_404_and_not_a_year_is_400_in_json(tmp_path):
    # Issue 11.6: these were HTTP 500 with an HTML error page.
    fava = Fava(demo_copy(tmp_path))
    for endpoint in ("data", "excel", "html", "pack"):
        for year, status in (("2023", 404), ("2019", 404), ("abc", 400), ("last", 400)):
            response = fava.get(f"{PAGE}{endpoint}", year=year)
            assert response.status_code == status, (endpoint, year, response.data[:300])
            # In the ledger's language (the demo's is Chinese), naming the years it covers.
            assert response.get_json() == {
                "error": f"年度参数无效：{year}。请给出账簿涵盖的年度（2024—2026年度）。"
            }


def test_a_time_filter_without_one_year_of_the_books_is_refused_in_json(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    several = fava.get(f"{PAGE}data", time="2024 - 2025")
    assert several.status_code == 400
    assert "跨越多个年度" in several.get_json()["error"]
    uncovered = fava.get(f"{PAGE}excel", time="2023")
    assert uncovered.status_code == 404
    assert uncovered.get_json()["error"].startswith("账簿没有2023年度的专项资金数据")
    unreadable = fava.get(f"{PAGE}pack", time="not a time")
    assert unreadable.status_code == 400
    assert unreadable.get_json()["error"].startswith("筛选条件无法识别：not a time。")


def test_figures_are_computed_once_per_load_and_follow_edits(tmp_path, monkeypatch):
    loads = []
    real = ledger.grant_ledger.scan

    def counting(*args, **kwargs):
        loads.append(args[0])
        return real(*args, **kwargs)

    # One grant analysis per load of the ledger, the plugin's, which the page reads.
    monkeypatch.setattr(ledger.grant_ledger, "scan", counting)
    fava = Fava(demo_copy(tmp_path))
    assert len(loads) == 1  # at Fava's load, before any request
    for _ in range(3):
        fava.page()
        fava.get(f"{PAGE}data")
    assert len(loads) == 1

    # An edit: Fava reloads the ledger, and the page shows the new figures.
    with fava.path.open("a", encoding="utf-8") as file:
        file.write(
            '\n2026-11-20 * "清溪县印刷厂" "印制宣传册"\n  voucher: "记-2026-045"\n'
            '  document: "2026-11-14.记-2026-044.pdf"\n'
            "  Expenses:MCH:Education  1000.00 CNY\n  Assets:Bank:MCH-Special\n"
        )
    fava.ledger.load_file()
    assert len(loads) == 2
    assert rows_of(fava.page(), "budget")["Expenses:MCH:Education"]["spent"] == "20,750.00"


@pytest.mark.parametrize("external", [False, True])
def test_external_editor_links_use_the_beancount_scheme(write_ledger, external):
    option = '2024-01-01 custom "fava-option" "use-external-editor" "true"\n' if external else ""
    path = write_ledger(
        funding(2024),
        """
        2024-03-01 * "Shop" "party"
          voucher: "V-1"
          Expenses:Other  300.00 CNY
          Assets:Bank:Grant-Account
        """,
        option + EXTENSION,
    )
    page = Fava(path).page()
    href = page.select_one("tr.finding a.source")["href"]
    line = path.read_text(encoding="utf-8").splitlines().index('2024-03-01 * "Shop" "party"') + 1
    if external:
        assert href == f"beancount://{path}?lineno={line}"
    else:
        assert parse_qs(urlsplit(href).query)["line"] == [str(line)]
