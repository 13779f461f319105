"""Each output format shows the report's figures: Excel read back cell by cell, HTML parsed."""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from bs4 import BeautifulSoup
from named_ledgers import CARRYFORWARD, LATE_TRANCHE, load_named, report_of

from reports.render import render


@pytest.fixture
def carryforward(tmp_path):
    return load_named(tmp_path, CARRYFORWARD)


def workbook_of(report, unit="yuan"):
    return openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], unit)))


def test_excel_budget_sheet_looks_hand_made(carryforward):
    book = workbook_of(report_of(carryforward, "budget", 2025, lang="zh"))
    assert book.sheetnames == ["预算执行情况表"]
    sheet = book["预算执行情况表"]
    assert sheet["A1"].value == "2025年度预算执行情况表"
    assert sheet["A1"].font.bold
    assert "元" in sheet["A2"].value
    header = [cell.value for cell in sheet[4]]
    assert header[:6] == ["年度", "科目编码", "项目", "科目", "年度预算", "上年结转"]
    assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("DDEBF7") for cell in sheet[4])
    assert sheet.freeze_panes == "A5"
    assert sheet.auto_filter.ref == "A4:M7"
    # Row 5 is admin, row 6 aid, row 7 the year's total.
    column = {name: index for index, name in enumerate(header, start=1)}
    aid = {name: sheet.cell(6, index) for name, index in column.items()}
    assert aid["项目"].value == "aid"
    assert aid["年度预算"].value == 60000
    assert aid["上年结转"].value == 15000
    assert aid["结转下年"].value == 25000
    assert aid["年度预算"].number_format == "#,##0.00"
    assert aid["执行率"].number_format == "0.00%"
    assert aid["执行率"].value == pytest.approx(50000 / 75000)
    total = {name: sheet.cell(7, index) for name, index in column.items()}
    assert total["项目"].value == "2025年合计"
    assert total["本年支出"].value == 90000
    assert total["本年支出"].font.bold
    # Columns are fitted: the account column is wider than the year column.
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$4:$4"


def test_excel_in_wan_divides_by_ten_thousand(carryforward):
    sheet = workbook_of(report_of(carryforward, "budget", 2025), unit="wan").active
    header = [cell.value for cell in sheet[4]]
    assert sheet.cell(6, header.index("Budget") + 1).value == 6
    assert "10,000 yuan" in sheet["A2"].value


def test_excel_ledger_has_a_sheet_per_account_with_dates(carryforward):
    book = workbook_of(report_of(carryforward, "ledger", 2024))
    assert book.sheetnames == [
        "General ledger",
        "Ledger admin",
        "Ledger aid",
    ]
    sheet = book["Ledger aid"]
    assert sheet.cell(5, 1).value == datetime.datetime(2024, 4, 1)
    assert sheet.cell(5, 1).number_format == "yyyy-mm-dd"
    assert sheet.cell(5, 2).value == "V-2024-004"


def test_excel_sheet_carries_the_stamp(carryforward):
    report = report_of(carryforward, "balances")
    sheet = workbook_of(report).active
    texts = [cell.value for cell in sheet["A"] if isinstance(cell.value, str)]
    assert any(report.stamp.sha256 in text for text in texts)


def test_html_budget_table_and_chart(carryforward):
    report = report_of(carryforward, "budget", 2026, lang="zh")
    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    assert page.title.string == "2026年度预算执行情况表"
    table = page.find("table", attrs={"data-table": "rows"})
    keys = [th["data-key"] for th in table.find_all("th")]
    rows = [
        {td["data-key"]: td.get_text() for td in tr.find_all("td")}
        for tr in table.tbody.find_all("tr")
    ]
    assert keys[:4] == ["year", "code", "label", "account"]
    aid = next(row for row in rows if row["label"] == "aid")
    assert (aid["available"], aid["spent"], aid["lapsed"]) == ("85,000.00", "20,000.00", "5,000.00")
    assert aid["execution"] == "23.53%"
    subtotal = table.tbody.find("tr", class_="subtotal")
    assert subtotal.find("td", attrs={"data-key": "label"}).text == "2026年合计"
    chart = page.find("figure", attrs={"data-chart": "budget"})
    assert chart.find("svg") is not None
    assert "20,000.00 / 85,000.00" in chart.get_text()
    assert report.stamp.sha256 in page.get_text()
    # Self-contained: nothing is fetched from elsewhere.
    assert not page.find_all(["link", "script"])
    assert "@page" in page.style.string and "A4" in page.style.string


def test_html_funding_chart_marks_a_short_match(tmp_path):
    report = report_of(load_named(tmp_path, LATE_TRANCHE), "funding", 2024)
    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    chart = page.find("figure", attrs={"data-chart": "funding"})
    assert "90,000.00 / 100,000.00" in chart.get_text()
    assert chart.find("rect", attrs={"fill": "#c0392b"}) is not None


def test_html_escapes_what_the_ledger_says(tmp_path):
    path = tmp_path / f"{LATE_TRANCHE}.beancount"
    load_named(tmp_path, LATE_TRANCHE)
    text = path.read_text(encoding="utf-8").replace('"County" "match 2025"', '"<b>County</b>" "x"')
    path.write_text(text, encoding="utf-8")
    from ledger.loading import load_ledger

    page = render("html", [report_of(load_ledger(path), "funding")], "yuan")
    assert "<b>County</b>" not in page
    assert "&lt;b&gt;County&lt;/b&gt;" in page


def test_json_budget_rows_have_the_documented_keys(carryforward):
    data = json.loads(render("json", [report_of(carryforward, "budget", 2025)], "wan"))
    assert data["report"] == "budget"
    assert data["unit"] == "yuan"
    keys = {"year", "account", "label", "budget", "carried_in", "available", "spent"}
    keys |= {"remaining", "carried_out", "lapsed", "closed"}
    aid = next(row for row in data["rows"] if row["account"] == "Expenses:Work:Aid")
    assert keys <= set(aid)
    assert aid["budget"] == "60000.00"
    assert aid["carried_in"] == "15000.00"
    assert aid["closed"] is True
    assert data["totals"][0]["type"] == "subtotal"
    assert data["totals"][0]["spent"] == "90000.00"
    assert data["stamp"]["sha256"]


def test_csv_opens_as_numbers_in_excel(carryforward):
    text = render("csv", [report_of(carryforward, "budget", 2025)], "yuan")
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next(i for i, row in enumerate(rows) if row[:2] == ["Year", "Code"])
    header = rows[header_at]
    aid = next(row for row in rows[header_at:] if len(row) > 3 and row[2] == "aid")
    assert Decimal(aid[header.index("Available")]) == Decimal(75000)
    assert rows[-1][0] == "Made"


def test_text_aligns_chinese_columns(carryforward):
    text = render("text", [report_of(carryforward, "budget", 2025, lang="zh")], "yuan")
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("年度"))
    rule = lines[lines.index(header) + 1]
    from reports.render.as_text import width

    assert width(header) == len(rule)
    assert any("75,000.00" in line for line in lines)
