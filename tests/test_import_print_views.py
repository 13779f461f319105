"""Print views exported page by page, and headers printed on two rows.

Corporate online banking often exports its print view: every page repeats the title and the
header and ends with a page line (第2页 共3页), sometimes with the print time. Those rows are
skipped only when they are exactly that; a data row is never skipped, whatever its text, and a
row that is almost furniture is refused naming it. A header on two rows (发生额 over 借方 and 贷方,
the other columns merged down) is described in a profile as a group. The goldens
(`qxrcb-paged.csv`, `qxvb.xlsx`, `qxvb-paged.csv`) show whole statements; these tests each
change one thing.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from import_helpers import R, amounts, extract, golden_entries, profiles, with_balances
from statements.make_samples import csv_text, paged, qxrcb_table

from importers.errors import CellError, ImportConfigError, StatementError, UnknownLayoutError
from importers.profiles import parse_profile
from importers.statement import parse_statement

ROWS = with_balances(
    Decimal("1000.00"),
    [
        R("2025-03-02 09:00", "-200.00", "清溪县宾馆", "召开项目会议会务费", "转账", "P1"),  # 800
        R(
            "2025-03-05 10:00", "500.00", "清溪县财政局", "2025年县级配套资金", "拨款", "P2"
        ),  # 1,300
        R("2025-03-09 11:00", "-80.00", "王丽华", "报销督导检查差旅费", "转账", "P3"),  # 1,220
        R("2025-03-12 11:00", "-20.00", "王丽华", "第2页 共3页", "转账", "P4"),  # 1,200
    ],
)


def _print_view(rows=ROWS, per_page=2, page_line="第 {page} 页 共 {pages} 页"):
    """A qxrcb print view of `rows`: title and header on every page, then the page line."""
    full = qxrcb_table("201000155550001", "项目专户", "2025-03-01", "2025-03-31", rows)
    body = full[6 : 6 + len(rows)]
    return paged(full[:5], [full[5]], body, per_page, [], page_line, full[6 + len(rows) :])


def _qxrcb():
    return profiles()["qxrcb"]


def _write(tmp_path, table, name="s.csv"):
    path = tmp_path / name
    path.write_bytes(csv_text(table).encode("gbk"))
    return path


def test_every_pages_title_header_and_page_line_are_skipped(tmp_path):
    entries = extract(_write(tmp_path, _print_view()), golden_entries())
    assert amounts(entries) == [Decimal(a) for a in ("-200.00", "500.00", "-80.00", "-20.00")]
    # A row whose purpose reads like a page line is a data row: it has its date.
    assert entries[3].narration == "第2页 共3页"
    assert str(entries[-1].amount) == "1200.00 CNY"


@pytest.mark.parametrize(
    "page_line", ["第{page}页/共{pages}页", "共 {pages} 页 第 {page} 页", "Page {page} of {pages}"]
)
def test_page_lines_as_banks_print_them(tmp_path, page_line):
    path = _write(tmp_path, _print_view(page_line=page_line))
    assert len(parse_statement(path, _qxrcb()).rows) == 4


def test_a_row_that_is_almost_a_page_line_is_refused_naming_it(tmp_path):
    table = _print_view()
    at = next(i for i, row in enumerate(table) if "第 1 页 共 2 页" in row)
    table[at] = [
        cell.replace("第 1 页 共 2 页", "第 1 页 共 2 页 制表：张三") for cell in table[at]
    ]
    with pytest.raises(CellError) as error:
        parse_statement(_write(tmp_path, table), _qxrcb())
    assert (error.value.row, error.value.column) == (at + 1, "交易日期")


def test_a_header_repeated_with_a_column_changed_is_not_skipped(tmp_path):
    table = _print_view()
    second = [i for i, row in enumerate(table) if row[:1] == ["交易日期"]][1]
    table[second] = ["交易日期", "交易时间", "流水号", *table[second][3:]]
    with pytest.raises(CellError) as error:
        parse_statement(_write(tmp_path, table), _qxrcb())
    assert error.value.row == second + 1


def test_a_lost_page_is_refused(tmp_path):
    rows = with_balances(
        Decimal("1000.00"),
        [
            R(f"2025-03-{day:02d} 09:00", "-10.00", "王丽华", "差旅费", "转账", f"L{day}")
            for day in range(1, 7)
        ],
    )
    table = _print_view(rows)
    # Page 2 (its title, header, two rows and page line) goes missing in the export; the
    # running balance then breaks too, but the page line says it first.
    start = next(i for i, row in enumerate(table) if "第 1 页 共 3 页" in row) + 1
    end = next(i for i, row in enumerate(table) if "第 2 页 共 3 页" in row) + 1
    del table[start:end]
    path = _write(tmp_path, table)
    with pytest.raises(StatementError) as error:
        parse_statement(path, _qxrcb())
    assert "the page line of page 3 of 3 does not follow the page before it" in str(error.value)


def test_a_footer_ends_the_rows_only_after_the_last_repeated_header(tmp_path):
    table = _print_view()
    # 打印时间 (a footer of the profile) at the foot of page 1 only: the rows go on after it.
    at = next(i for i, row in enumerate(table) if "第 1 页 共 2 页" in row)
    table.insert(at, ["打印时间：2025-03-31 16:20:05"])
    assert len(parse_statement(_write(tmp_path, table), _qxrcb()).rows) == 4


# -- headers on two rows -------------------------------------------------------------------

GROUPED = {
    "bank": "某行",
    "header": ["交易日期", {"group": "发生额", "columns": ["借方", "贷方"]}, "余额", "摘要"],
    "columns": {
        "date": "交易日期",
        "debit": "借方",
        "credit": "贷方",
        "balance": "余额",
        "memo": "摘要",
    },
}
TOP = ["交易日期", "发生额", "", "余额", "摘要"]
BELOW = ["", "借方", "贷方", "", ""]
DATA = [
    ["2025-03-02", "200.00", "", "800.00", "会务费"],
    ["2025-03-05", "", "500.00", "1,300.00", "配套资金"],
]


def _grouped(tmp_path, table):
    path = tmp_path / "s.csv"
    path.write_bytes(csv_text([["某行交易明细"], *table]).encode("utf-8"))
    return parse_statement(path, parse_profile(tmp_path / "grouped.toml", GROUPED))


def test_a_two_row_header_is_read_from_its_group(tmp_path):
    statement = _grouped(tmp_path, [TOP, BELOW, *DATA])
    assert [row.amount for row in statement.rows] == [Decimal("-200.00"), Decimal("500.00")]
    assert statement.profile.column_name("credit") == "贷方"


def test_merged_cells_may_repeat_their_text(tmp_path):
    top = ["交易日期", "发生额", "发生额", "余额", "摘要"]
    below = ["交易日期", "借方", "贷方", "余额", "摘要"]
    assert len(_grouped(tmp_path, [top, below, *DATA]).rows) == 2


def test_a_two_row_header_must_have_both_rows(tmp_path):
    with pytest.raises(UnknownLayoutError):
        _grouped(tmp_path, [TOP, *DATA])
    with pytest.raises(UnknownLayoutError):
        _grouped(tmp_path, [["交易日期", "借方", "贷方", "余额", "摘要"], *DATA])


def test_a_two_row_header_repeated_on_a_page_is_skipped_whole(tmp_path):
    table = [TOP, BELOW, DATA[0], ["", "", "第1页 共2页"], TOP, BELOW, DATA[1]]
    assert len(_grouped(tmp_path, table).rows) == 2
    # Its second row alone is not the header: refused as a row without a date.
    with pytest.raises(CellError) as error:
        _grouped(tmp_path, [TOP, BELOW, DATA[0], BELOW, DATA[1]])
    assert (error.value.row, error.value.column) == (5, "交易日期")


@pytest.mark.parametrize(
    "entry",
    [
        {"group": "发生额", "columns": ["借方"]},
        {"group": "发生额"},
        {"group": "发生额", "columns": ["借方", 2]},
        {"title": "发生额", "columns": ["借方", "贷方"]},
    ],
)
def test_a_malformed_group_is_refused_naming_the_profile(tmp_path, entry):
    raw = {**GROUPED, "header": ["交易日期", entry, "余额", "摘要"]}
    with pytest.raises(ImportConfigError) as error:
        parse_profile(tmp_path / "grouped.toml", raw)
    assert str(error.value).startswith(f"{tmp_path / 'grouped.toml'}: bad profile: header: ")
