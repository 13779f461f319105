"""`mch-ledger report performance` (项目支出绩效自评表) in every format, and on the demo.

The figures are the closed ledger's header (tests/performance_ledgers/closed_year_scored):
execution 90 % scoring 9, 人均培训成本 320 元 against at most 300 scoring 18.75 (93.75 %), the
total 84.25, 良.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from test_fava_grant_page import Fava, with_extension
from test_performance_ledgers import (
    CLOSED,
    DECIMALS,
    OPEN,
    UNGRADED,
    copy_performance_ledger,
)

from commands.main import main
from ledger.loading import load_ledger
from ledger.performance.measures import MEASURES
from reports.build import build_report
from reports.pack import write_pack
from reports.render import render

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


@pytest.fixture
def report(tmp_path):
    return build_report(
        "performance", load_ledger(copy_performance_ledger(tmp_path, CLOSED)), 2025, "zh"
    )


def test_text_is_the_form_with_its_total_and_grade(report):
    text = render("text", [report], "yuan")
    assert text.startswith("2025年度项目支出绩效自评表\n")
    assert "2025年度项目资金情况" in text and "2025年度绩效指标完成情况" in text
    cost = next(line for line in text.splitlines() if "人均培训成本" in line)
    assert cost.split()[1:] == [
        "产出指标",
        "成本指标",
        "人均培训成本",
        "不高于",
        "300",
        "元",
        "320",
        "93.75%",
        "20",
        "18.75",
        "未达标",
        "填报：copy.pdf（2026-01-10）",
    ]
    total = next(line for line in text.splitlines() if "2025年度总分" in line)
    assert total.split()[-3:] == ["100", "84.25", "良"]


def test_csv_rows_carry_the_scores(report):
    rows = list(csv.reader(io.StringIO(render("csv", [report], "yuan"))))
    header = next(row for row in rows if "三级指标" in row)
    cost = next(row for row in rows if "人均培训成本" in row)
    values = dict(zip(header, cost, strict=True))
    assert (values["实际完成值"], values["得分"], values["完成率"]) == ("320", "18.75", "93.75%")
    funds_header = next(row for row in rows if "全年执行数" in row)
    funds_total = next(row for row in rows if "2025年度资金总额" in row)
    funds = dict(zip(funds_header, funds_total, strict=True))
    assert (funds["全年预算数"], funds["全年执行数"], funds["得分"]) == (
        "100000.00",
        "90000.00",
        "9.00",
    )


def test_json_has_the_funds_the_indicators_and_the_grade(report):
    data = json.loads(render("json", [report], "yuan"))
    assert data["report"] == "performance"
    cost = next(row for row in data["indicators"] if row["indicator"] == "人均培训成本")
    assert {key: cost[key] for key in ("target", "actual", "completion", "weight", "score")} == {
        "target": "300.00",
        "actual": "320.00",
        "completion": "93.75",
        "weight": "20.00",
        "score": "18.75",
    }
    assert cost["direction"] == "不高于" and cost["unit"] == "元" and cost["year"] == 2025
    (total,) = data["indicators_totals"]
    assert (total["score"], total["grade"], total["weight"]) == ("84.25", "良", "100.00")
    (funds,) = data["funds_totals"]
    assert (funds["budget_year"], funds["executed"], funds["execution"]) == (
        "100000.00",
        "90000.00",
        "90.00",
    )


def test_excel_sheets_keep_numbers_as_numbers(report):
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], "wan")))
    assert book.sheetnames == ["项目基本情况", "项目资金情况", "绩效指标完成情况"]
    sheet = book["绩效指标完成情况"]
    header = [cell.value for cell in sheet[4]]
    column = {name: index for index, name in enumerate(header, start=1)}
    rows = {sheet.cell(r, column["三级指标"]).value: r for r in range(5, sheet.max_row + 1)}
    cost = rows["人均培训成本"]
    assert sheet.cell(cost, column["得分"]).value == 18.75
    assert sheet.cell(cost, column["完成率"]).value == pytest.approx(0.9375)
    assert sheet.cell(rows["2025年度总分"], column["得分"]).value == 84.25
    assert sheet.cell(rows["2025年度总分"], column["得分"]).font.bold
    funds = book["项目资金情况"]
    header = [cell.value for cell in funds[4]]
    total_row = next(
        r for r in range(5, funds.max_row + 1) if funds.cell(r, 2).value.endswith("总额")
    )
    # In 万元 the amounts are scaled; the weight and the score are not amounts.
    assert funds.cell(total_row, header.index("全年执行数") + 1).value == 9
    assert funds.cell(total_row, header.index("得分") + 1).value == 9


def test_html_page_lays_out_both_tables(report):
    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    (section,) = page.select('section[data-kind="performance"]')
    titles = [heading.get_text() for heading in section.find_all(["h2", "h3"])]
    assert "2025年度绩效指标完成情况" in " ".join(titles)
    scores = [cell.get_text() for cell in section.select('td[data-key="score"]')]
    assert scores[-1] == "84.25"
    assert "18.75" in scores


def test_the_command_line_makes_the_demos_self_evaluation():
    result = CliRunner().invoke(
        main, ["report", "performance", str(DEMO), "--year", "2025", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (total,) = data["indicators_totals"]
    assert (total["score"], total["grade"]) == ("99.27", "优")
    missed = [row for row in data["indicators"] if row["progress"] == "未达标"]
    assert [row["indicator"] for row in missed] == ["孕产妇系统管理率"]
    assert missed[0]["reason"].startswith("下半年两名专职保健人员外出进修")
    assert missed[0]["actual"] == "88.50" and missed[0]["score"] == "19.67"
    assert Decimal(total["score"]) == Decimal("99.27")


def test_the_readme_and_the_footnote_name_the_measures_that_add_up(tmp_path):
    # The code judges an open year's progress against time for the measures that grow over the
    # year (women paid and cards received among them); the README and the report say the same.
    adds_up = [name for name, found in MEASURES.items() if found.cumulative]
    others = [name for name, found in MEASURES.items() if not found.cumulative]
    assert adds_up == ["sum", "count", "execution", "funds", "match", "beneficiaries", "assets"]
    assert others == ["reported", "paid-within"]
    readme = (DEMO.parent / "README.md").read_text(encoding="utf-8")
    rule = readme[readme.index("**During the year**") : readme.index("rule `target-missed` asks")]
    growing, _, rest = rule.partition("Any other indicator not yet met is at risk")
    assert all(f"`{name}`" in growing for name in adds_up)
    assert all(f"`{name}`" not in growing and f"`{name}`" in rest for name in others)
    ledger = load_ledger(copy_performance_ledger(tmp_path, OPEN))
    for language in ("zh", "en"):
        notes = build_report("performance", ledger, 2026, language).tables[-1].notes
        (note,) = [n for n in notes if "2026-06-30" in n]
        growing, _, rest = note.partition("；" if language == "zh" else "; ")
        joiner = "、" if language == "zh" else ", "
        assert joiner.join(adds_up) in growing and joiner.join(others) in rest


@pytest.mark.parametrize(
    ("language", "word", "note"),
    [
        ("zh", "— 不评等级", "2025年度各项分值合计 110，不是 100：总分不是百分制，不评等级"),
        ("en", "— not graded", "the weights of 2025 add up to 110, not 100"),
    ],
)
def test_weights_not_adding_up_to_100_give_no_grade_in_any_format(tmp_path, language, word, note):
    # tests/performance_ledgers/weights_not_100: 109 out of 110, which out of 100 would be 优.
    ledger = load_ledger(copy_performance_ledger(tmp_path, UNGRADED))
    evaluation = ledger.grant.performance.of_year(2025)
    assert (evaluation.weights, evaluation.total, evaluation.grade) == (
        Decimal(110),
        Decimal(109),
        None,
    )
    report = build_report("performance", ledger, 2025, language)
    grades = {"优", "良", "中", "差"} if language == "zh" else {"excellent", "good", "fair", "poor"}

    text = render("text", [report], "yuan")
    total = next(line for line in text.splitlines() if "110" in line and "109" in line)
    assert total.endswith(word) and note in text
    assert not any(grade in total.split() for grade in grades)

    rows = list(csv.reader(io.StringIO(render("csv", [report], "yuan"))))
    header = next(row for row in rows if "Grade" in row or "自评等级" in row)
    total = next(row for row in rows if "109.00" in row or "109" in row)
    assert (
        dict(zip(header, total, strict=True))["自评等级" if language == "zh" else "Grade"] == word
    )
    assert any(note in row[0] for row in rows if row)

    data = json.loads(render("json", [report], "yuan"))
    (total,) = data["indicators_totals"]
    assert total["grade"] == word

    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    assert page.select('td[data-key="grade"]')[-1].get_text() == word
    assert any(note in p.get_text() for p in page.select("p.note"))

    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], "yuan")))
    sheet = book.worksheets[-1]
    heading = [cell.value for cell in sheet[4]]
    column = heading.index("自评等级" if language == "zh" else "Grade") + 1
    values = [sheet.cell(r, column).value for r in range(5, sheet.max_row + 1)]
    assert word in values and not grades & set(values)


def test_the_grant_page_gives_no_grade_when_the_weights_are_not_100(tmp_path):
    fava = Fava(with_extension(copy_performance_ledger(tmp_path, UNGRADED)))
    section = fava.page(time="2025").select_one('section[data-section="performance"]')
    notes = [note.get_text() for note in section.select("p.note")]
    assert notes[0] == "Total 109.00, with weights adding up to 110, not 100: not graded."
    assert "excellent" not in section.get_text()


def test_every_score_and_the_total_show_two_decimals_in_every_format(tmp_path):
    # tests/performance_ledgers/scores_two_decimals: 9.996, 70.4 and 9.6 make 89.996, 良.
    ledger = load_ledger(copy_performance_ledger(tmp_path, DECIMALS))
    evaluation = ledger.grant.performance.of_year(2025)
    assert (evaluation.total, evaluation.grade) == (Decimal("89.996"), "good")
    report = build_report("performance", ledger, 2025, "zh")
    shown = {"预算执行率": "10.00", "培训人次": "70.40", "服务对象满意度": "9.60"}

    text = render("text", [report], "yuan")
    for name, score in shown.items():
        line = next(line for line in text.splitlines() if name in line and line[:4] == "2025")
        assert score in line.split(), line
    total = next(line for line in text.splitlines() if "2025年度总分" in line)
    assert total.split()[-2:] == ["90.00", "良"]
    funds = next(line for line in text.splitlines() if "2025年度资金总额" in line)
    assert funds.split()[-2:] == ["10", "10.00"]  # the weight as written, the score in cents

    rows = list(csv.reader(io.StringIO(render("csv", [report], "yuan"))))
    header = next(row for row in rows if "三级指标" in row)
    by_name = {
        row[3]: dict(zip(header, row, strict=True)) for row in rows if len(row) == len(header)
    }
    assert {name: by_name[name]["得分"] for name in shown} == shown
    assert (by_name["2025年度总分"]["得分"], by_name["2025年度总分"]["自评等级"]) == ("90.00", "良")

    data = json.loads(render("json", [report], "yuan"))
    assert {row["indicator"]: row["score"] for row in data["indicators"]} == shown
    assert data["indicators_totals"][0]["score"] == "90.00"

    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    scores = [cell.get_text() for cell in page.select('td[data-key="score"]')]
    assert [score for score in scores if score] == ["10.00", "10.00", "70.40", "9.60", "90.00"]

    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], "yuan")))
    for sheet in book.worksheets:
        heading = [cell.value for cell in sheet[4]]
        if "得分" not in heading:
            continue
        column = heading.index("得分") + 1
        cells = [sheet.cell(r, column) for r in range(5, sheet.max_row + 1)]
        cells = [cell for cell in cells if cell.value is not None]
        assert cells and all(isinstance(cell.value, int | float) for cell in cells)
        assert all(cell.number_format == "0.00" for cell in cells)
    sheet = book["绩效指标完成情况"]
    column = [cell.value for cell in sheet[4]].index("得分") + 1
    assert [sheet.cell(r, column).value for r in range(5, 9)] == [10.0, 70.4, 9.6, 90.0]


def test_the_grant_page_shows_scores_with_two_decimals(tmp_path):
    fava = Fava(with_extension(copy_performance_ledger(tmp_path, DECIMALS)))
    section = fava.page(time="2025").select_one('section[data-section="performance"]')
    scores = [cell.get_text(strip=True) for cell in section.select('td[data-key="score"]')]
    assert scores == ["10.00", "70.40", "9.60", "90.00"]
    notes = [note.get_text() for note in section.select("p.note")]
    assert notes[0] == "总分 90.00（满分 100），自评等级：良。"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh", {"培训人次": "不低于", "人均培训成本": "不高于", "项目工作会议": "等于"}),
        ("en", {"培训人次": "at least", "人均培训成本": "at most", "项目工作会议": "exactly"}),
    ],
)
def test_directions_are_words_in_every_format(tmp_path, language, words):
    # The closed ledger's targets: at least 100 人次, at most 300 元, exactly 2 meetings.
    report = build_report(
        "performance", load_ledger(copy_performance_ledger(tmp_path, CLOSED)), 2025, language
    )
    heading = "方向" if language == "zh" else "Direction"
    symbols = {"≥", "≤", "=", "'=", "'＝"}

    rows = list(csv.reader(io.StringIO(render("csv", [report], "yuan"))))
    header = next(row for row in rows if heading in row)
    column = header.index(heading)
    shown = {row[3]: row[column] for row in rows if row[3:4] and row[3] in words}
    assert shown == words
    assert not any(cell in symbols for row in rows for cell in row)

    data = json.loads(render("json", [report], "yuan"))
    shown = {row["indicator"]: row["direction"] for row in data["indicators"]}
    assert {name: shown[name] for name in words} == words

    text = render("text", [report], "yuan")
    for name, word in words.items():
        line = next(line for line in text.splitlines() if name in line and line[:4] == "2025")
        assert f" {word} " in line and not symbols & set(line.split())

    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    cells = {cell.get_text() for cell in page.select('td[data-key="direction"]')}
    assert set(words.values()) <= cells and not cells & symbols

    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], "yuan")))
    sheet = book.worksheets[-1]
    column = [cell.value for cell in sheet[4]].index(heading) + 1
    values = {sheet.cell(r, column).value for r in range(5, sheet.max_row + 1)}
    assert set(words.values()) <= values and not values & symbols


def test_the_grant_page_writes_directions_as_words(tmp_path):
    fava = Fava(with_extension(copy_performance_ledger(tmp_path, CLOSED)))
    section = fava.page(time="2025").select_one('section[data-section="performance"]')
    targets = {
        row["data-key"]: row.select_one('td[data-key="target"]').get_text(strip=True)
        for row in section.select("tbody tr")
    }
    assert targets["人均培训成本"] == "at most 300元"
    assert targets["项目工作会议"] == "exactly 2次"


#: The demo's header of 2026: its grant-project of 2024 and 2026's own goal.
DEMO_HEADER = {
    "项目名称": "清溪县母婴健康工程",
    "主管部门": "清溪县卫生健康局",
    "实施单位": "清溪县妇幼保健所",
    "年度总体目标": "培训基层妇幼保健人员120人次、举办适宜技术培训班2期；",
}


def header_shown(pairs):
    """(label, value) pairs shown -> the demo header's labels with the start of their value."""
    return {
        label: value[: len(DEMO_HEADER[label])]
        for label, value in pairs
        if label in DEMO_HEADER and value
    }


def test_the_forms_header_is_in_every_format_and_in_the_pack(tmp_path):
    ledger = load_ledger(DEMO)
    report = build_report("performance", ledger, 2026, "zh")

    text = render("text", [report], "yuan")
    lines = [line.split(None, 2)[1:] for line in text.splitlines() if line.startswith("2026  ")]
    assert header_shown(pair for pair in lines if len(pair) == 2) == DEMO_HEADER
    assert text.index("2026年度项目基本情况") < text.index("2026年度项目资金情况")

    rows = list(csv.reader(io.StringIO(render("csv", [report], "yuan"))))
    assert header_shown(row[1:3] for row in rows if len(row) == 3) == DEMO_HEADER

    data = json.loads(render("json", [report], "yuan"))
    assert header_shown((row["item"], row["value"]) for row in data["project"]) == DEMO_HEADER
    assert [row["field"] for row in data["project"]] == [
        "name",
        "department",
        "implementer",
        "goal",
    ]

    def html_pairs(page):
        table = page.select_one('table[data-table="project"]')
        return [
            (
                row.select_one('td[data-key="item"]').get_text(),
                row.select_one('td[data-key="value"]').get_text(),
            )
            for row in table.select("tbody tr")
        ]

    page = BeautifulSoup(render("html", [report], "yuan"), "html.parser")
    assert header_shown(html_pairs(page)) == DEMO_HEADER

    def xlsx_pairs(book):
        sheet = book["项目基本情况"]
        return [(sheet.cell(r, 2).value, sheet.cell(r, 3).value) for r in range(5, 9)]

    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", [report], "yuan")))
    assert header_shown(xlsx_pairs(book)) == DEMO_HEADER

    target = write_pack(ledger, 2026, "zh", "yuan", tmp_path / "pack.zip")
    with zipfile.ZipFile(target) as archive:
        workbook = archive.read("2026年度专项检查资料.xlsx")
        html = archive.read("2026年度专项检查资料.html")
    assert header_shown(xlsx_pairs(openpyxl.load_workbook(io.BytesIO(workbook)))) == DEMO_HEADER
    assert header_shown(html_pairs(BeautifulSoup(html, "html.parser"))) == DEMO_HEADER


def test_the_grant_page_gives_an_open_year_with_other_weights_no_grade_either(tmp_path):
    # A target dated 2026 gives the named open ledger's 2026 a set of its own: that target's
    # 20 and the execution's weight, not 100. The progress says 不评等级, not a grade.
    path = copy_performance_ledger(tmp_path, OPEN)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + '\n2026-01-01 custom "grant-target" "extra" 1 "次"\n  kind: "数量"\n  weight: 20\n',
        encoding="utf-8",
    )
    evaluation = load_ledger(path).grant.performance.of_year(2026)
    assert evaluation.grade is None and evaluation.weights != 100
    section = (
        Fava(with_extension(path))
        .page(time="2026")
        .select_one('section[data-section="performance"]')
    )
    notes = [note.get_text() for note in section.select("p.note")]
    assert notes[0].endswith("(— not graded).")
    assert any("not out of 100 and gets no grade" in note for note in notes)
