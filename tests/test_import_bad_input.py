"""The bad-input corpus: each way a statement can be wrong, refused with file, row and column.

Each case starts from a good 清溪农商银行 statement and breaks one thing. The importer must
raise an error naming the file, the row (the line of the file, counted from 1) and the column as
the bank prints it; `mch-ledger import extract --append` must exit non-zero and leave the ledger
as it was.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from click.testing import CliRunner
from import_helpers import (
    GOLDEN_LEDGER,
    STATEMENTS,
    R,
    golden_entries,
    importer,
    statement_text,
    with_balances,
)

from commands.imports import import_group
from importers.errors import (
    AccountError,
    BalanceBreakError,
    CellError,
    StatementError,
    UnknownLayoutError,
    UnreadableStatementError,
)

# Preamble rows 1-4, a blank row 5, the header on row 6: the first data row is row 7.
ROWS = with_balances(
    Decimal("1000.00"),
    [
        R("2025-03-02 09:00", "-200.00", "清溪县宾馆", "召开项目会议会务费", "转账", "QX1"),
        R("2025-03-05 10:00", "500.00", "清溪县财政局", "2025年县级配套资金", "拨款", "QX2"),
        R("2025-03-09 11:00", "-80.00", "王丽华", "报销督导检查差旅费", "转账", "QX3"),
    ],
)
FIRST_ROW = 7


def _extract(path):
    entries = golden_entries()
    return importer("qxrcb", entries).extract(str(path), entries)


def _write(tmp_path, text, encoding="gbk", name="statement.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def _edit_row(text, row, column, value):
    lines = text.split("\r\n")
    cells = lines[row - 1].split(",")
    cells[column] = value
    lines[row - 1] = ",".join(cells)
    return "\r\n".join(lines)


def test_good_statement_reads(tmp_path):
    # The corpus' starting point imports: three rows and the closing balance 1,220.00.
    entries = _extract(_write(tmp_path, statement_text(ROWS)))
    assert len(entries) == 4
    assert str(entries[-1].amount) == "1220.00 CNY"


def test_unreadable_encoding(tmp_path):
    raw = statement_text(ROWS).encode("gbk").replace("王丽华".encode("gbk"), b"\xff\xfe\xff")
    with pytest.raises(UnreadableStatementError) as error:
        _extract(_write(tmp_path, raw))
    assert error.value.row == FIRST_ROW + 2
    assert "cannot be decoded as UTF-8, GB18030" in str(error.value)
    assert str(tmp_path / "statement.csv") in str(error.value)


def test_unknown_layout_lists_columns_and_profiles(tmp_path):
    text = statement_text(ROWS).replace("对方户名", "收款人名称")
    with pytest.raises(UnknownLayoutError) as error:
        importer("qxrcb", golden_entries()).statement(str(_write(tmp_path, text)))
    message = str(error.value)
    assert "Columns seen: 交易日期, 交易时间, 日 志 号" in message
    assert "收款人名称" in message
    assert "qxrcb (清溪农商银行: missing 对方户名; unexpected 收款人名称)" in message


def test_a_file_no_profile_identifies_is_refused_by_the_command(tmp_path):
    path = _write(tmp_path, statement_text(ROWS).replace("余额", "账户余额"))
    result = CliRunner().invoke(
        import_group, ["extract", str(path), "--ledger", str(GOLDEN_LEDGER)]
    )
    assert result.exit_code == 1
    assert "unknown statement layout" in result.output
    for profile in ("abc", "boc", "ccb", "icbc", "qxrcb"):
        assert f"{profile} (" in result.output


def test_missing_required_column_is_named(tmp_path):
    lines = statement_text(ROWS).split("\r\n")
    without_balance = [
        ",".join(c for i, c in enumerate(line.split(",")) if i != 6) for line in lines
    ]
    path = _write(tmp_path, "\r\n".join(without_balance))
    with pytest.raises(UnknownLayoutError) as error:
        importer().statement(str(path))
    assert error.value.row == 6
    assert "missing 余额" in str(error.value)


def test_malformed_date(tmp_path):
    path = _write(tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW + 1, 0, "2025-02-30"))
    with pytest.raises(CellError) as error:
        _extract(path)
    assert (error.value.row, error.value.column) == (FIRST_ROW + 1, "交易日期")
    assert "not a real date" in str(error.value)


@pytest.mark.parametrize(
    "amount",
    ['"1.080,00"', '"1,08,0.00"', "80.001", "(80.00", "80元", "-(80.00)"],
    ids=[
        "european",
        "misplaced-separator",
        "three-decimals",
        "half-parenthesis",
        "unit",
        "two-signs",
    ],
)
def test_malformed_amount(tmp_path, amount):
    path = _write(tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW + 2, 4, amount))
    with pytest.raises(CellError) as error:
        _extract(path)
    assert (error.value.row, error.value.column) == (FIRST_ROW + 2, "借方发生额")
    assert "is not an amount" in str(error.value) or "both parentheses and a sign" in str(
        error.value
    )


def test_both_debit_and_credit_filled(tmp_path):
    path = _write(tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW, 5, "200.00"))
    with pytest.raises(CellError) as error:
        _extract(path)
    assert error.value.row == FIRST_ROW
    assert "both 借方发生额 (200.00) and 贷方发生额 (200.00) are filled" in str(error.value)


def test_neither_debit_nor_credit(tmp_path):
    path = _write(tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW, 4, ""))
    with pytest.raises(CellError) as error:
        _extract(path)
    assert (error.value.row, error.value.column) == (FIRST_ROW, "借方发生额")


@pytest.mark.parametrize("content", [b"", b"  \r\n\r\n"], ids=["zero-bytes", "blank-lines"])
def test_empty_file(tmp_path, content):
    with pytest.raises(UnreadableStatementError) as error:
        _extract(_write(tmp_path, content))
    assert "is empty" in str(error.value)


def test_statement_without_rows(tmp_path):
    with pytest.raises(UnreadableStatementError) as error:
        _extract(_write(tmp_path, statement_text([])))
    assert "no transaction rows" in str(error.value)


def test_truncated_in_the_middle_of_a_row(tmp_path):
    text = statement_text(ROWS)
    cut = text[: text.index("王丽华")]
    with pytest.raises(UnreadableStatementError) as error:
        _extract(_write(tmp_path, cut))
    assert error.value.row == FIRST_ROW + 2
    assert "looks truncated" in str(error.value)


def test_truncated_between_rows(tmp_path):
    text = statement_text(ROWS)
    cut = text[: text.index("合计")]
    with pytest.raises(UnreadableStatementError) as error:
        _extract(_write(tmp_path, cut))
    assert "ends without its footer" in str(error.value)


@pytest.mark.parametrize("sample", ["qxrcb.xlsx", "ccb.xls"])
def test_truncated_workbook(tmp_path, sample):
    raw = (STATEMENTS / sample).read_bytes()
    path = _write(tmp_path, raw[: len(raw) // 2], name=sample)
    found = importer(sample.split(".")[0], golden_entries())
    assert not found.identify(str(path))  # a broken workbook is nobody's statement
    with pytest.raises(UnreadableStatementError) as error:
        found.statement(str(path))
    assert "workbook" in str(error.value) and "truncated" in str(error.value)


def test_statement_for_another_account_number(tmp_path):
    path = _write(tmp_path, statement_text(ROWS, number="622848001234567"))
    with pytest.raises(AccountError) as error:
        _extract(path)
    assert "account number 622848001234567" in str(error.value)
    assert "201000155550001" in str(error.value)  # the accounts the ledger knows


def test_statement_without_account_number(tmp_path):
    text = statement_text(ROWS).replace("账号：201000155550001", "户名：某县妇幼保健所")
    with pytest.raises(AccountError) as error:
        _extract(_write(tmp_path, text))
    assert "shows no account number" in str(error.value)


def test_running_balance_break_names_the_row(tmp_path):
    lines = statement_text(ROWS).split("\r\n")
    del lines[FIRST_ROW]  # the bank's export lost the second row
    with pytest.raises(BalanceBreakError) as error:
        _extract(_write(tmp_path, "\r\n".join(lines)))
    # The third row (now on line 8) shows 1,220.00, but 800.00 - 80.00 is 720.00.
    assert (error.value.row, error.value.column) == (FIRST_ROW + 1, "余额")
    assert "720.00" in str(error.value)


def test_rows_out_of_order(tmp_path):
    path = _write(tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW + 1, 0, "2025-03-01"))
    with pytest.raises(StatementError) as error:
        _extract(path)
    assert error.value.row == FIRST_ROW + 1
    assert "neither oldest first nor newest first" in str(error.value)


def test_same_reference_on_different_rows(tmp_path):
    path = _write(tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW + 2, 2, "QX1"))
    with pytest.raises(StatementError) as error:
        _extract(path)
    assert (error.value.row, error.value.column) == (FIRST_ROW + 2, "日志号")


def test_nothing_is_written_when_one_statement_is_bad(tmp_path):
    ledger = tmp_path / "ledger.beancount"
    shutil.copy(GOLDEN_LEDGER, ledger)
    before = ledger.read_bytes()
    good = shutil.copy(STATEMENTS / "qxrcb.csv", tmp_path / "good.csv")
    bad = _write(
        tmp_path, _edit_row(statement_text(ROWS), FIRST_ROW, 0, "2025/13/01"), name="bad.csv"
    )
    result = CliRunner().invoke(
        import_group,
        ["extract", str(good), str(bad), "--ledger", str(ledger), "--append", str(ledger)],
    )
    assert result.exit_code == 1
    assert f"{bad}: row {FIRST_ROW}, column 交易日期" in result.output
    assert "nothing written" in result.output
    assert ledger.read_bytes() == before
    assert not (tmp_path / "ledger.beancount.bak").exists()


def test_a_row_without_its_trailing_empty_cells_reads(tmp_path):
    # Some exports leave out a row's empty cells at the end; only a short last row is truncated.
    lines = statement_text(ROWS).split("\r\n")
    lines[FIRST_ROW - 1] = lines[FIRST_ROW - 1].rsplit(",", 2)[0]  # no 对方开户行, no 用途
    entries = _extract(_write(tmp_path, "\r\n".join(lines)))
    assert entries[0].narration == "转账"  # the memo, for want of a purpose
    assert str(entries[-1].amount) == "1220.00 CNY"
