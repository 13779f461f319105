"""The named asset ledgers of `tests/asset_ledgers/`, copied with their registers.

Each ledger names its register (`NAME.csv`, UTF-8) beside it; `copy_asset_ledger` can hand it
over as the same table in GBK or in an Excel workbook instead (the directive then names it).
A ledger naming further registers keeps them beside it as `NAME-*.csv`, copied as they are.
"""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import openpyxl

from ledger.registers import parse_amount, parse_date

FOLDER = Path(__file__).parent / "asset_ledgers"
EACH_RULE = "each_rule"
INSTALMENTS = "instalments_and_payable"
ONE_REGISTER_UNREAD = "one_register_unread"


def register_rows(name: str) -> list[list[str]]:
    """The rows of a named ledger's register, as its CSV file has them."""
    text = (FOLDER / f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def _typed(cell: str) -> object:
    """A cell as Excel would hold it: dates as dates, amounts as numbers, the rest as text."""
    day = parse_date(cell) if cell[:1].isdigit() else None
    if day is not None:
        return datetime.datetime.combine(day, datetime.time())
    amount = parse_amount(cell) if cell[:1].isdigit() and "-" not in cell else None
    if amount is not None:
        return int(amount) if amount == amount.to_integral_value() else float(amount)
    return cell or None


def write_register(path: Path, rows: list[list[str]], form: str = "csv") -> Path:
    """Write register rows as UTF-8 CSV (`csv`), GBK CSV (`gbk`) or a workbook (`xlsx`)."""
    if form == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            sheet.append([_typed(cell) for cell in row])
        book.save(path)
        return path
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("gbk" if form == "gbk" else "utf-8"))
    return path


def copy_asset_ledger(
    tmp_path: Path, name: str, form: str = "csv", rows: list[list[str]] | None = None
) -> Path:
    """Copy the named ledger into `tmp_path` beside `copy.pdf` and its registers.

    Args:
        tmp_path: the test's folder.
        name: the ledger's name.
        form: the register as `csv` (UTF-8), `gbk` (CSV in GBK) or `xlsx`.
        rows: the register's rows instead of the named ledger's own.
    """
    (tmp_path / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    suffix = ".xlsx" if form == "xlsx" else ".csv"
    register = tmp_path / f"{name}{suffix}"
    write_register(register, rows if rows is not None else register_rows(name), form)
    for further in FOLDER.glob(f"{name}-*.csv"):
        (tmp_path / further.name).write_bytes(further.read_bytes())
    text = (FOLDER / f"{name}.beancount").read_text(encoding="utf-8")
    target = tmp_path / f"{name}.beancount"
    target.write_text(text.replace(f'"{name}.csv"', f'"{register.name}"'), encoding="utf-8")
    return target
