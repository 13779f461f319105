"""Generate a large bank statement, and a grant ledger that already holds part of it.

The statement is in the 清溪农商银行 (qxrcb) layout, GBK, with its preamble and footer, as the
shipped profile reads it. The ledger is `benchmarks.generate`'s grant ledger with the import
setup added (the dedicated account's number, rules, a holding account) and a bank reference on
every transaction: its last `overlap` transactions are the statement's first rows, so the
importer finds that many duplicates and books the rest.
"""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

from benchmarks.generate import generate

ACCOUNT_NUMBER = "201000199990001"

IMPORT_SETUP = """
1990-01-01 open Assets:Suspense CNY
1990-01-01 custom "grant-allowed" Assets:Suspense
1990-01-01 custom "import-holding" Assets:Suspense
1990-01-01 custom "import-rule" Expenses:Bank:Charges
  text: "手续费"
1990-01-01 custom "import-rule" Income:Grant:State
  direction: "receipt"
  counterparty: "省财政厅"
1990-01-01 custom "import-rule" Expenses:Program:Training
  text: "进修|培训"
1990-01-01 custom "import-rule" Expenses:Program:Admin
  text: "办公用品|会务|差旅"
"""

HEADER = (
    "交易日期,交易时间,日 志 号,摘要,借方发生额,贷方发生额,余额,对方账号,对方户名,对方开户行,用途"
)


def reference(index: int) -> str:
    """The bank reference of the ledger's (and statement's) transaction number `index`."""
    return f"QX{index:09d}"


def write_ledger(path: Path, transactions: int, overlap: int) -> Path:
    """A grant ledger of `transactions` transactions with the import setup.

    Each transaction gets `reference(n)` in ledger order, so the last `overlap` of them are the
    statement's first rows when it starts at `reference(transactions - overlap)`.
    """
    text = generate(transactions)
    text = text.replace(
        "open Assets:Bank:Grant CNY",
        f'open Assets:Bank:Grant CNY\n  account-number: "{ACCOUNT_NUMBER}"',
        1,
    )
    counter = iter(range(10**9))
    text = re.sub(
        r'(  voucher: "[^"]*"\n)',
        lambda m: f'{m[1]}  bank-ref: "{reference(next(counter))}"\n',
        text,
    )
    path.write_text(text + IMPORT_SETUP, encoding="utf-8")
    (path.parent / "voucher.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    return path


def ledger_dates(path: Path) -> list[datetime.date]:
    """The dates of the ledger's bank-referenced transactions, in reference order."""
    text = path.read_text(encoding="utf-8")
    found = re.findall(r"^(\d{4}-\d\d-\d\d) \*.*\n  voucher: .*\n  bank-ref: ", text, re.M)
    return [datetime.date.fromisoformat(day) for day in found]


def write_statement(
    path: Path,
    rows: int,
    first_reference: int,
    dates: list[datetime.date] | None = None,
    per_day: int = 28,
    seed: int = 11,
) -> Path:
    """A statement of `rows` rows, references from `first_reference` on.

    Row k is dated `dates[first_reference + k]` while `dates` (the ledger's, see
    `ledger_dates`) has one, so the rows the ledger holds fall on the same days as there; later
    rows follow at `per_day` a day.
    """
    rng = random.Random(seed)
    balance = 50_000_000_00  # cents
    dates = dates or []
    day = dates[-1] if dates else datetime.date(1999, 7, 1)
    lines = [
        "清溪农村商业银行对公账户交易明细",
        f"账号：{ACCOUNT_NUMBER},,,户名：Synthetic grant account",
        "开户机构：清溪农商银行城关支行,,,币种：人民币",
        "查询期间：1990-01-01 至 2030-12-31",
        "",
        HEADER,
    ]
    debits = credits = 0
    for index in range(rows):
        position = first_reference + index
        if position < len(dates):
            day = dates[position]
        elif index and index % per_day == 0:
            day += datetime.timedelta(days=1)
        if index % 97 == 96:
            cents = rng.randint(100_000_00, 200_000_00)
            balance += cents
            credits += cents
            side = f',"{cents / 100:,.2f}"'
            who, purpose = "宁州省财政厅", f"省级补助资金（第{index}批）"
        else:
            cents = rng.randint(1_00, 999_99)
            balance -= cents
            debits += cents
            side = f'"{cents / 100:,.2f}",'
            if index % 50 == 49:
                who, purpose = "清溪农商银行城关支行", "转账汇款手续费"
            elif index % 101 == 100:
                who, purpose = "某某商贸有限公司", "往来款"
            else:
                who, purpose = f"供应商{index % 97}", f"购置办公用品（单号{index}）"
        lines.append(
            f"{day:%Y-%m-%d},{9 + index % 8:02d}:{index % 60:02d}:00,"
            f'{reference(position)},网银转账,{side},"{balance / 100:,.2f}",'
            f"6228480012345{index % 97:06d},{who},清溪农商银行城关支行,{purpose}"
        )
    lines += [
        "",
        f'合计：,,,,"{debits / 100:,.2f}","{credits / 100:,.2f}",,借方,贷方',
        "打印时间：2000-12-31 16:20:05,,,打印柜员：0231",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path
