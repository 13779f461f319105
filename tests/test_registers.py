"""Registers beside the ledger read alike from CSV (UTF-8, GBK) and Excel, or are refused."""

from __future__ import annotations

import datetime
from decimal import Decimal

import openpyxl
import pytest

from ledger.registers import RegisterColumn, RegisterError, RegisterSpec, read_register

SPEC = RegisterSpec(
    "登记册",
    (
        RegisterColumn("number", ("登记号", "编号")),
        RegisterColumn("name", ("姓名",)),
        RegisterColumn("date", ("日期",), "date"),
        RegisterColumn("amount", ("金额", "金额（元）"), "amount"),
        RegisterColumn("note", ("备注",), required=False),
    ),
    key="number",
)
HEADER = ["编 号", "姓名", "日期", "金额（元）"]
ROWS = [
    ["某县救助对象登记册", "", "", ""],
    HEADER,
    ["JZ-001", "甲", "2025年3月18日", "1,080.00"],
    ["", "", "", ""],
    ["JZ-002", "乙", "2025/4/1", "500"],
]


def _csv(path, rows, encoding):
    path.write_bytes("\n".join(",".join(f'"{c}"' for c in row) for row in rows).encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_csv_register_reads_with_its_title_row_and_aliases(tmp_path, encoding):
    register = read_register(_csv(tmp_path / "r.csv", ROWS, encoding), SPEC)
    assert [row.line for row in register.rows] == [3, 5]
    first, second = register.rows
    assert first.values == {
        "number": "JZ-001",
        "name": "甲",
        "date": datetime.date(2025, 3, 18),
        "amount": Decimal("1080.00"),
    }
    assert second.get("date") == datetime.date(2025, 4, 1)
    assert second.get("note") is None
    assert len(register.sha256) == 64
    assert "甲" not in repr(register)


def test_an_xlsx_register_reads_like_the_csv(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ROWS[1:]:
        sheet.append(row)
    sheet["C2"] = datetime.datetime(2025, 3, 18)
    sheet["D2"] = 1080
    book.save(tmp_path / "r.xlsx")
    register = read_register(tmp_path / "r.xlsx", SPEC)
    assert register.rows[0].values["date"] == datetime.date(2025, 3, 18)
    assert register.rows[0].values["amount"] == Decimal(1080)


@pytest.mark.parametrize(
    ("rows", "row", "column", "words"),
    [
        ([HEADER, ["JZ-1", "甲", "2025-02-30", "1"]], 2, "日期", "not a date"),
        ([HEADER, ["JZ-1", "甲", "2025-02-01", "1.080,00"]], 2, "金额（元）", "not an amount"),
        ([HEADER, ["JZ-1", "甲", "", ""], ["JZ-1", "乙", "", ""]], 3, "编 号", "row 2"),
        ([HEADER, ["", "甲", "", ""]], 2, "编 号", "no value"),
        ([["编号", "姓名", "金额"]], 1, "日期", "no column 日期"),
    ],
    ids=["bad-date", "bad-amount", "repeated-key", "empty-key", "missing-column"],
)
def test_a_register_that_does_not_read_is_refused_naming_row_and_column(
    tmp_path, rows, row, column, words
):
    path = _csv(tmp_path / "登记册.csv", rows, "utf-8")
    with pytest.raises(RegisterError) as error:
        read_register(path, SPEC)
    assert (error.value.row, error.value.column) == (row, column)
    assert str(path) in str(error.value)
    assert words in str(error.value)


def test_a_column_of_the_fields_own_name_is_taken_before_its_other_names(tmp_path):
    # 编号 (a row count here) stands before 登记号: the column headed 登记号 is the number.
    rows = [["编号", "登记号", "姓名", "日期", "金额"], ["1", "JZ-001", "甲", "2025-03-18", "5"]]
    register = read_register(_csv(tmp_path / "r.csv", rows, "utf-8"), SPEC)
    assert register.rows[0].get("number") == "JZ-001"
    assert register.headings["number"] == "登记号"
    # Its own name counts as written: spaces and full-width forms apart.
    rows = [
        ["编号", "登 记 号", "姓名", "日期", "金额", "金额（元）"],
        ["1", "JZ-1", "甲", "", "5", "6"],
    ]
    register = read_register(_csv(tmp_path / "s.csv", rows, "utf-8"), SPEC)
    assert (register.rows[0].get("number"), register.rows[0].get("amount")) == ("JZ-1", 5)


@pytest.mark.parametrize(
    ("header", "first", "second", "name"),
    [
        (["编号", "姓名", "日期", "金额（元）", "编 号"], "编号", "编 号", "登记号"),
        (["登记号", "姓名", "日期", "金额", "金额"], "金额", "金额", "金额"),
        (["登记号", "姓名", "日期", "金额（元）", "金额(元)"], "金额（元）", "金额(元)", "金额"),
    ],
    ids=["two-other-names", "own-name-twice", "same-other-name"],
)
def test_two_columns_one_field_could_be_are_refused_naming_both(
    tmp_path, header, first, second, name
):
    path = _csv(
        tmp_path / "登记册.csv", [["某县登记册"], header, ["JZ-1", "甲", "", "1", "2"]], "utf-8"
    )
    with pytest.raises(RegisterError) as error:
        read_register(path, SPEC)
    assert (error.value.row, error.value.column) == (2, first)
    assert f"the columns {first} and {second} could both be the {name} column of a 登记册" in str(
        error.value
    )
