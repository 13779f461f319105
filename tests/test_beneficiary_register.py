"""The beneficiary register read alike from CSV (UTF-8, GBK) and Excel, or refused with its row."""

from __future__ import annotations

import datetime
import os

import openpyxl
import pytest
from beneficiary_helpers import HEADER, person_id, register_text, woman

from ledger.beneficiaries.register import UnreadableError, read_beneficiaries, read_roster

ANNA = person_id("19950412", "024")
BEA = person_id("19900101", "046")
ROWS = [
    woman("JZ-1", ANNA, name="王秀英", township="城关镇", basis="低保"),
    woman("JZ-2", BEA, name="李梅", basis="特困", pregnancy=("2025-10-01", "")),
]


def check_rows(register) -> None:
    first, second = register.rows["JZ-1"], register.rows["JZ-2"]
    assert (first.line, second.line) == (3, 4)
    assert (first.name, first.identity.text, first.identity.problem) == ("王秀英", ANNA, None)
    assert first.identity.birth == datetime.date(1995, 4, 12)
    assert (first.township, first.basis, first.evidence) == ("城关镇", "低保", "低保证 001号")
    assert first.evidence_date == datetime.date(2025, 12, 1)
    assert (first.notice_start, first.notice_end) == (
        datetime.date(2026, 1, 5),
        datetime.date(2026, 1, 11),
    )
    # Only a start: the pregnancy is taken to last 300 days.
    assert second.pregnancy == (datetime.date(2025, 10, 1), datetime.date(2026, 7, 28))
    assert "王秀英" not in repr(register) and ANNA not in repr(register)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_csv_register_in_any_encoding(tmp_path, encoding):
    path = tmp_path / "救助对象.csv"
    path.write_bytes(register_text(ROWS).encode(encoding))
    check_rows(read_beneficiaries(str(path)))


def test_an_excel_register_with_other_column_names(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["清溪县贫困孕产妇救助对象登记册"])
    other_names = {
        "身份证号": "公民身份号码",
        "公示结束": "公示截止日期",
        "证明材料": "证明文件",
        "末次月经": "孕期开始",
    }
    sheet.append([other_names.get(column, column) for column in HEADER])
    for row in ROWS:
        values: list[object] = [row[column] for column in HEADER]
        # Dates as Excel dates, the identity number as text (as it must be typed in Excel).
        for index, column in enumerate(HEADER):
            if "日期" in column or column in ("公示开始", "公示结束", "末次月经", "预产期"):
                values[index] = (
                    datetime.datetime.fromisoformat(values[index]) if values[index] else None
                )
        sheet.append(values)
    path = tmp_path / "救助对象.xlsx"
    book.save(path)
    check_rows(read_beneficiaries(str(path)))


def test_a_register_is_read_once_per_version(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(register_text(ROWS), encoding="utf-8")
    first = read_beneficiaries(str(path))
    assert read_beneficiaries(str(path)) is first
    path.write_text(register_text(ROWS[:1]), encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert list(read_beneficiaries(str(path)).rows) == ["JZ-1"]


@pytest.mark.parametrize(
    ("change", "row", "words"),
    [
        (lambda text: text.replace("公示结束", "备用"), 2, "公示结束"),
        (lambda text: text.replace("2025-12-01", "2025-13-01", 1), 3, "not a date"),
        (lambda text: text.replace("JZ-2", "JZ-1"), 4, "already the key of row 3"),
    ],
    ids=["missing-column", "bad-date", "repeated-number"],
)
def test_a_register_that_does_not_read_is_refused_naming_the_row(tmp_path, change, row, words):
    path = tmp_path / "救助对象.csv"
    path.write_text(change(register_text(ROWS)), encoding="utf-8")
    with pytest.raises(UnreadableError) as refused:
        read_beneficiaries(str(path))
    assert refused.value.row == row
    assert words in str(refused.value) and str(path) in str(refused.value)


def test_a_roster_reads_numbers_amounts_and_visits_without_its_total_row(tmp_path):
    path = tmp_path / "花名册.csv"
    path.write_text(
        "城关镇卫生院孕期检查补助花名册\n登记号,姓名,检查次数,金额（元）\n"
        "JZ-1,王秀英,1,320.00\nJZ-2,李梅,2,650\n合  计,,3,970.00\n",
        encoding="gbk",
    )
    assert [tuple(line) for line in read_roster(str(path)).lines] == [
        (3, "JZ-1", 320, 1),
        (4, "JZ-2", 650, 2),
    ]


def test_the_register_number_column_is_the_one_so_named_before_an_other_name(tmp_path):
    # A serial 编号 column before 登记号 (the register's own first column, say).
    header = ("编号", *HEADER)
    rows = [{"编号": str(index), **row} for index, row in enumerate(ROWS, start=1)]
    path = tmp_path / "救助对象.csv"
    path.write_text(register_text(rows, header), encoding="utf-8")
    check_rows(read_beneficiaries(str(path)))
    # A roster numbering its rows the same way.
    roster = tmp_path / "花名册.csv"
    roster.write_text("编号,登记号,姓名,人次,金额\n1,JZ-1,王秀英,1,320.00\n", encoding="utf-8")
    assert [tuple(line) for line in read_roster(str(roster)).lines] == [(2, "JZ-1", 320, 1)]


def test_two_columns_that_could_be_the_register_number_are_refused(tmp_path):
    header = tuple("救助编号" if column == "登记号" else column for column in HEADER)
    rows = [{"救助编号": row["登记号"], **row} for row in ROWS]
    path = tmp_path / "救助对象.csv"
    path.write_text(register_text(rows, ("编号", *header)), encoding="utf-8")
    with pytest.raises(UnreadableError) as refused:
        read_beneficiaries(str(path))
    assert (refused.value.row, refused.value.error.column) == (2, "编号")
    assert "the columns 编号 and 救助编号 could both be the 登记号 column" in str(refused.value)
    roster = tmp_path / "花名册.csv"
    roster.write_text(
        "补助金额,姓名,发放金额,登记号\n320.00,王秀英,320.00,JZ-1\n", encoding="utf-8"
    )
    with pytest.raises(UnreadableError) as refused:
        read_roster(str(roster))
    assert "the columns 补助金额 and 发放金额 could both be the 金额 column" in str(refused.value)
