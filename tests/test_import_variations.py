"""The ways banks print the same statement: all read to the same entries, or refused exactly.

One statement of three rows (opening balance 1,000.00; hand-worked balances 800.00, 1,300.00,
1,220.00) is written in every encoding, as CSV, tab-separated text, .xlsx with numbers or text
and .xls, newest first or oldest first: each import must give the same three amounts and the
closing balance assertion 1,220.00 on the day after the last row.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from import_helpers import R, amounts, extract, golden_entries, with_balances
from statements.make_samples import csv_text, qxrcb_table, write_xls, write_xlsx

from importers.cells import clean, header_key, parse_amount, parse_date
from importers.errors import CellError

ROWS = with_balances(
    Decimal("1000.00"),
    [
        R("2025-03-02 09:00", "-200.00", "清溪县宾馆", "召开项目会议会务费", "转账", "QX1"),
        R("2025-03-05 10:00", "500.00", "清溪县财政局", "2025年县级配套资金", "拨款", "QX2"),
        R("2025-03-09 11:00", "-80.00", "王丽华", "报销督导检查差旅费", "转账", "QX3"),
    ],
)
EXPECTED = [Decimal("-200.00"), Decimal("500.00"), Decimal("-80.00")]
TABLE = qxrcb_table("201000155550001", "项目专户", "2025-03-01", "2025-03-31", ROWS)


def _check(path):
    entries = extract(path, golden_entries())
    assert amounts(entries) == EXPECTED
    closing = entries[-1]
    assert (closing.date, str(closing.amount)) == (datetime.date(2025, 3, 10), "1220.00 CNY")
    assert closing.tolerance == Decimal("0.00")


@pytest.mark.parametrize(
    "encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_every_encoding_reads_alike(tmp_path, encoding):
    path = tmp_path / "s.csv"
    path.write_bytes(csv_text(TABLE).encode(encoding))
    _check(path)


def test_tab_separated_text(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes(csv_text(TABLE, "\t").encode("utf-16"))
    _check(path)


@pytest.mark.parametrize("numbers", [True, False], ids=["numbers", "numbers-as-text"])
def test_xlsx(tmp_path, numbers):
    path = tmp_path / "s.xlsx"
    write_xlsx(path, TABLE, numbers=numbers)
    _check(path)


def test_xls_with_numbers_as_text(tmp_path):
    path = tmp_path / "s.xls"
    write_xls(path, TABLE)
    _check(path)


def test_newest_first(tmp_path):
    path = tmp_path / "s.csv"
    body = TABLE[6 : 6 + len(ROWS)]
    path.write_bytes(csv_text([*TABLE[:6], *body[::-1], *TABLE[6 + len(ROWS) :]]).encode("gbk"))
    _check(path)


def test_a_single_day_newest_first_is_ordered_by_the_running_balance(tmp_path):
    same_day = with_balances(
        Decimal("1000.00"),
        [
            R("2025-03-09 09:00", "-200.00", "清溪县宾馆", "会务费", "转账", "D1"),  # 800
            R("2025-03-09 10:00", "500.00", "清溪县财政局", "配套资金", "拨款", "D2"),  # 1300
        ],
    )
    # Printed the next morning, so the closing balance (1,300.00) is asserted.
    table = qxrcb_table(
        "201000155550001", "项目专户", "2025-03-09", "2025-03-09", same_day, "2025-03-10 08:00"
    )
    table[6], table[7] = table[7], table[6]
    path = tmp_path / "s.csv"
    path.write_bytes(csv_text(table).encode("gbk"))
    entries = extract(path, golden_entries())
    assert amounts(entries) == [Decimal("-200.00"), Decimal("500.00")]
    assert str(entries[-1].amount) == "1300.00 CNY"


def test_an_excel_number_that_is_not_an_exact_amount_is_refused(tmp_path):
    table = [list(row) for row in TABLE]
    table[6][4] = "0.30000000000000004"  # what 0.1 + 0.2 computed in a sheet gives
    path = tmp_path / "s.xlsx"
    write_xlsx(path, table, numbers=False)
    with pytest.raises(CellError) as error:
        extract(path, golden_entries())
    assert (error.value.row, error.value.column) == (7, "借方发生额")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,080.00", "1080.00"),
        ("-1,080.00", "-1080.00"),
        ("(1,080.00)", "-1080.00"),
        ("（1,080.00）", "-1080.00"),
        ("+1080.5", "1080.50"),
        ("¥1,080", "1080.00"),
        ("１，０８０．００", "1080.00"),
        ("1234567.89", "1234567.89"),
    ],
)
def test_amounts_read_exactly(text, number):
    assert parse_amount(text) == Decimal(number)
    assert str(parse_amount(text)) == number


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("2024-03-18", datetime.date(2024, 3, 18), None),
        ("2024/3/18", datetime.date(2024, 3, 18), None),
        ("20240318", datetime.date(2024, 3, 18), None),
        ("2024年3月18日", datetime.date(2024, 3, 18), None),
        ("2024-03-18 10:22:31", datetime.date(2024, 3, 18), "10:22:31"),
        ("20240318 09:05", datetime.date(2024, 3, 18), "09:05:00"),
        ("20240318102231", datetime.date(2024, 3, 18), "10:22:31"),
    ],
)
def test_dates_with_or_without_time(text, day, time):
    assert parse_date(text) == (day, time)


@pytest.mark.parametrize("text", ["-", "--", "------", "（空）", "(空)", " \t ", "—"])
def test_placeholders_are_empty(text):
    assert clean(text) == ""


def test_padding_and_excel_wrapping_are_removed():
    assert clean('\t ="201000187654321" ') == "201000187654321"
    assert clean("  王丽华\t") == "王丽华"
    assert header_key("日 志 号") == header_key("日志号")
    assert header_key("贷方发生额（收入）") == header_key("贷方发生额(收入)")


def test_a_single_day_newest_first_with_times_is_ordered_by_them(tmp_path):
    # +50 then -50: both orders keep the running balance, only the times tell the last row.
    same_day = with_balances(
        Decimal("1000.00"),
        [
            R("2025-03-09 09:00", "50.00", "张敏", "退回补助", "转账", "T1"),  # 1,050.00
            R("2025-03-09 15:30", "-50.00", "张敏", "补助", "转账", "T2"),  # 1,000.00
        ],
    )
    table = qxrcb_table(
        "201000155550001", "项目专户", "2025-03-09", "2025-03-09", same_day, "2025-03-10 08:00"
    )
    table[6], table[7] = table[7], table[6]
    path = tmp_path / "s.csv"
    path.write_bytes(csv_text(table).encode("gbk"))
    entries = extract(path, golden_entries())
    assert [e.meta["bank-ref"] for e in entries[:2]] == ["T1", "T2"]
    assert str(entries[-1].amount) == "1000.00 CNY"
