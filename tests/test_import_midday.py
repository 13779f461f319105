"""A statement exported in the middle of a day: its closing balance is asserted only if certain.

A statement printed on the day of its last row may lack that day's later rows; the next
statement brings them, and a closing balance asserted from the first would then be false. So the
closing balance (the day after the last row) is asserted only when the statement says it was
printed after that day (the profile's `printed-at`); otherwise the balance asserted is the one at
the start of the last row's day, which later rows cannot change, and the command line says why.

The account below opens at 1,000.00. On 10 March: -200.00 at 09:00 (800.00), -50.00 at 15:00
(750.00). On 11 March: +300.00 (1,050.00).
"""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal

from beancount import loader
from beancount.core import data
from beancount.ops.balance import BalanceError
from click.testing import CliRunner
from import_helpers import GOLDEN_LEDGER, NUMBER, R, with_balances
from statements.make_samples import csv_text, qxrcb_table

from commands.main import main

DAY = with_balances(
    Decimal("1000.00"),
    [
        R("2025-03-10 09:00", "-200.00", "清溪县宾馆", "召开项目会议会务费", "转账", "M1"),
        R("2025-03-10 15:00", "-50.00", "王丽华", "报销督导差旅费", "转账", "M2"),
        R("2025-03-11 10:00", "300.00", "清溪县财政局", "2025年县级配套资金", "拨款", "M3"),
    ],
)


def _statement(tmp_path, name, rows, printed):
    table = qxrcb_table(NUMBER, "项目专户", "2025-03-01", "2025-03-31", rows, printed)
    path = tmp_path / name
    path.write_bytes(csv_text(table).encode("gbk"))
    return path


def _ledger(tmp_path):
    path = tmp_path / "ledger.beancount"
    shutil.copy(GOLDEN_LEDGER, path)
    with path.open("a", encoding="utf-8") as file:
        file.write('\n2025-03-01 * "期初余额"\n  Assets:Bank:QXRCB  1000.00 CNY\n')
        file.write("  Income:Grant:Provincial\n")
    return path


def _append(statement, ledger):
    result = CliRunner().invoke(
        main,
        ["import", "extract", str(statement), "--ledger", str(ledger), "--append", str(ledger)],
    )
    assert result.exit_code == 0, result.output
    return result


def _balances(ledger):
    entries, errors, _ = loader.load_file(str(ledger))
    assert [e for e in errors if isinstance(e, BalanceError)] == []
    return [(e.date, e.amount.number) for e in entries if isinstance(e, data.Balance)]


def test_a_mid_day_export_asserts_the_days_opening_and_the_rest_of_the_day_imports(tmp_path):
    ledger = _ledger(tmp_path)
    # Exported at 11:30 on 10 March: the 15:00 payment is not in it yet.
    morning = _statement(tmp_path, "morning.csv", DAY[:1], "2025-03-10 11:30:00")
    result = _append(morning, ledger)
    assert (
        f"{morning}: the balance asserted is 1,000.00 CNY at the start of 2025-03-10, not the "
        "closing balance: the statement was printed on 2025-03-10, the day of its last row, "
        "whose later rows may still come"
    ) in result.stderr
    assert _balances(ledger) == [(datetime.date(2025, 3, 10), Decimal("1000.00"))]
    # The next statement brings the afternoon's row: every assertion still holds.
    later = _statement(tmp_path, "later.csv", DAY, "2025-03-12 08:00:00")
    result = _append(later, ledger)
    assert f"{later}: 2 new, 1 already in the ledger" in result.stderr
    assert "balance asserted is" not in result.stderr
    assert _balances(ledger) == [
        (datetime.date(2025, 3, 10), Decimal("1000.00")),
        (datetime.date(2025, 3, 12), Decimal("1050.00")),
    ]


def test_a_statement_printed_after_its_last_day_asserts_its_closing_balance(tmp_path):
    ledger = _ledger(tmp_path)
    result = _append(_statement(tmp_path, "s.csv", DAY[:2], "2025-03-11 08:00:00"), ledger)
    assert "balance asserted is" not in result.stderr
    assert _balances(ledger) == [(datetime.date(2025, 3, 11), Decimal("750.00"))]


def test_a_statement_that_does_not_say_when_it_was_printed_asserts_the_days_opening(tmp_path):
    ledger = _ledger(tmp_path)
    table = qxrcb_table(NUMBER, "项目专户", "2025-03-01", "2025-03-31", DAY[:2])
    table[-1] = ["打印柜员：0231"]  # the footer without the print time
    statement = tmp_path / "s.csv"
    statement.write_bytes(csv_text(table).encode("gbk"))
    result = _append(statement, ledger)
    assert "the statement does not say when it was printed, so its last day (2025-03-10)" in (
        result.stderr
    )
    assert _balances(ledger) == [(datetime.date(2025, 3, 10), Decimal("1000.00"))]
