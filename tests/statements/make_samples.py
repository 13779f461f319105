"""Write the sample statements: one per bank profile, some variants, and the demo account's.

    .venv/bin/python tests/statements/make_samples.py

The samples are anonymised but laid out as each bank's corporate online banking prints them
(headings, footers, padding, placeholders, encodings). Besides one per shipped profile: a print
view exported page by page (`qxrcb-paged.csv`), an export without an account number
(`abc-no-number.csv`), and the two-row header of a ledger's own profile (`banks/qxvb.toml`) in a
workbook with merged cells (`qxvb.xlsx`) and as a paged print view (`qxvb-paged.csv`). The demo
account's statements are the bank's side of `main.beancount`: every transaction with a
`bank-ref`, with the running balance, filed where `mch-ledger import archive` puts them. Needs
`xlwt` (test extra) for `.xls`. Regenerating gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import xlwt

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEMO_FOLDER = ROOT / "documents" / "Assets" / "Bank" / "MCH-Special"


def money(number: Decimal | None, empty: str = "") -> str:
    """An amount as banks print it: thousands separators, two decimals."""
    return empty if number is None else f"{number:,.2f}"


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def account_of(name: str) -> str:
    """A made-up counterparty account number, the same for the same name."""
    digits = str(int(hashlib.sha256(name.encode()).hexdigest(), 16))
    return "6" + digits[:18]


def with_balances(opening: Decimal, rows: list[dict]) -> list[dict]:
    balance = opening
    for row in rows:
        balance += row["amount"]
        row["balance"] = balance
    return rows


def R(when: str, amount: str, counterparty: str, purpose: str, memo: str, ref: str = "", **extra):  # noqa: N802
    row = {
        "when": datetime.datetime.fromisoformat(when),
        "amount": Decimal(amount),
        "counterparty": counterparty,
        "purpose": purpose,
        "memo": memo,
        "ref": ref,
    }
    row.update(extra)
    return row


# -- 清溪农商银行 (qxrcb) ------------------------------------------------------------------

QXRCB_HEADER = [
    "交易日期",
    "交易时间",
    "日 志 号",
    "摘要",
    "借方发生额",
    "贷方发生额",
    "余额",
    "对方账号",
    "对方户名",
    "对方开户行",
    "用途",
]


def qxrcb_rows(rows: list[dict], pad: bool = True) -> list[list[str]]:
    out = []
    for row in rows:
        amount = row["amount"]
        counterparty = row["counterparty"]
        bank_own = counterparty.startswith("清溪农商银行")
        out.append(
            [
                f"{row['when']:%Y-%m-%d}",
                f"{row['when']:%H:%M:%S}",
                row["ref"],
                row["memo"],
                money(-amount) if amount < 0 else "",
                money(amount) if amount > 0 else "",
                money(row["balance"]),
                "" if bank_own else row.get("account", account_of(counterparty)),
                f" {counterparty} " if pad else counterparty,
                "" if bank_own else row.get("bank", "清溪农商银行城关支行"),
                f"{row['purpose']}  " if pad else row["purpose"],
            ]
        )
    return out


def qxrcb_table(
    number: str, holder: str, start: str, end: str, rows: list[dict], printed: str = ""
) -> list[list[str]]:
    """A qxrcb statement as exported: heading, header, rows, totals, the print time.

    Printed at 16:20:05 on `end` (the query period's last day) unless `printed` says when.
    """
    printed = printed or f"{end} 16:20:05"
    debits = [-r["amount"] for r in rows if r["amount"] < 0]
    credits = [r["amount"] for r in rows if r["amount"] > 0]
    return [
        ["清溪农村商业银行对公账户交易明细"],
        [f"账号：{number}", "", "", f"户名：{holder}"],
        ["开户机构：清溪农商银行城关支行", "", "", "币种：人民币"],
        [f"查询期间：{start} 至 {end}"],
        [],
        QXRCB_HEADER,
        *qxrcb_rows(rows),
        [],
        [
            "合计：",
            "",
            "",
            "",
            money(sum(debits, Decimal(0))),
            money(sum(credits, Decimal(0))),
            "",
            f"借方{len(debits)}笔",
            f"贷方{len(credits)}笔",
        ],
        [f"打印时间：{printed}", "", "", "打印柜员：0231"],
    ]


def write_xlsx(path: Path, table: list[list[str]], numbers: bool) -> None:
    """An .xlsx of the table; with `numbers`, amounts and balances as numeric cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "交易明细"
    book.properties.created = book.properties.modified = datetime.datetime(2026, 1, 1)
    amount_columns = {4, 5, 6}
    for row in table:
        cells: list[object] = list(row)
        if numbers and len(row) == len(QXRCB_HEADER) and row[0][:2] == "20":
            for index in amount_columns:
                if row[index]:
                    cells[index] = float(Decimal(row[index].replace(",", "")))
        sheet.append(cells)
    book.save(path)
    fix_zip_times(path)


def fix_zip_times(path: Path) -> None:
    """Rewrite a workbook with fixed timestamps, so regenerating gives the same bytes."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        items = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    # openpyxl writes the time of saving as the workbook's modification time.
    items = [
        (
            name,
            re.sub(
                rb"<dcterms:modified([^>]*)>[^<]*<",
                rb"<dcterms:modified\1>2026-01-01T00:00:00Z<",
                content,
            )
            if name == "docProps/core.xml"
            else content,
        )
        for name, content in items
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in items:
            target.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content)


def write_xls(path: Path, table: list[list[str]]) -> None:
    """An .xls of the table, every cell text (as banks store amounts in .xls exports)."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))


# -- the samples of each profile ------------------------------------------------------------

QXRCB_ROWS = with_balances(
    Decimal("4818.56"),
    [
        R(
            "2025-01-09 09:12:05",
            "10000.00",
            "清溪县财政局",
            "2024年县级母婴健康工程配套资金（补拨）",
            "财政拨款",
            "QX20250109000011",
        ),
        R(
            "2025-01-15 10:03:44",
            "-1420.00",
            "王丽华",
            "报销赴乡镇开展母婴健康工程督导检查差旅费",
            "网银转账",
            "QX20250115000012",
        ),
        R(
            "2025-02-03 14:20:10",
            "-680.00",
            "清溪县恒达商贸有限公司",
            "往来款",
            "网银转账",
            "QX20250203000013",
        ),
        R(
            "2025-02-26 15:31:27",
            "-8190.00",
            "清溪县财政局",
            "上缴2024年度项目结余资金",
            "网银转账",
            "QX20250226000014",
        ),
        R(
            "2025-03-18 11:05:59",
            "100000.00",
            "宁州省财政厅",
            "2025年省级母婴健康工程补助资金",
            "财政拨款",
            "QX20250318000015",
        ),
        R(
            "2025-03-21 00:30:00",
            "123.38",
            "清溪农商银行城关支行",
            "2025年第1季度存款利息",
            "结息",
            "QX20250321000016",
        ),
        R(
            "2025-03-21 00:30:01",
            "-25.00",
            "清溪农商银行城关支行",
            "2025年第1季度转账汇款手续费",
            "收费",
            "QX20250321000017",
        ),
        R(
            "2025-03-29 16:45:12",
            "-5480.00",
            "清溪县宾馆",
            "召开2025年度母婴健康工程项目工作会议会场及会务费",
            "网银转账",
            "QX20250329000018",
        ),
    ],
)

ICBC_ROWS = with_balances(
    Decimal("52300.00"),
    [
        R(
            "2025-04-01 09:30:11",
            "-3200.00",
            "宁州市妇幼保健院",
            "选派产科医师临床进修进修费",
            "转账",
            "HQP202504010012",
        ),
        R(
            "2025-04-03 11:02:45",
            "-1080.00",
            "清溪县文汇办公用品商行",
            "购置项目档案盒及办公用品",
            "转账",
            "HQP202504030027",
        ),
        R(
            "2025-04-03 15:40:02",
            "1080.00",
            "清溪县文汇办公用品商行",
            "冲正：购置项目档案盒及办公用品",
            "冲正",
            "HQP202504030041",
            reversal=True,
        ),
        R(
            "2025-04-10 10:00:00",
            "50000.00",
            "清溪县财政局",
            "2025年县级母婴健康工程配套资金（第一批）",
            "转账",
            "HQP202504100003",
        ),
        R("2025-04-21 02:00:00", "62.15", "", "", "利息", "000000000000000"),
        R(
            "2025-04-28 14:12:09",
            "-2450.00",
            "清溪县印刷厂",
            "印制孕产妇保健知识宣传册",
            "转账",
            "HQP202504280019",
        ),
    ],
)
ICBC_NUMBER = "1202 0211 0900 0012 345"

CCB_ROWS = with_balances(
    Decimal("95000.00"),
    [
        R(
            "2025-05-06 09:20:11",
            "-4380.00",
            "清溪县人民医院",
            "危重贫困孕产妇抢救经费补助（救助对象：罗某某）",
            "转账",
            "1-440000250506000231",
        ),
        R(
            "2025-05-12 10:41:30",
            "600.00",
            "张敏",
            "退回多付临床进修期间生活补助费",
            "转账存入",
            "1-440000250512000078",
        ),
        R(
            "2025-05-20 14:02:55",
            "-18340.00",
            "宁州医疗器械有限公司",
            "购置新生儿监护仪",
            "转账",
            "1-440000250520000112",
        ),
        R("2025-05-21 00:10:00", "45.60", "（空）", "（空）", "结息", "0000000000000000000"),
        R("2025-05-21 00:10:00", "-25.00", "（空）", "（空）", "手续费", "1-440000250521000004"),
        R(
            "2025-05-30 16:20:41",
            "-2470.00",
            "清溪县印刷厂",
            "印制项目考核表、督导记录册",
            "转账",
            "1-440000250530000093",
        ),
    ],
)
CCB_NUMBER = "4405 0123 4567 8901 2345"

ABC_ROWS = with_balances(
    Decimal("40000.00"),
    [
        R(
            "2025-06-02 09:30:15",
            "-3600.00",
            "刘䶮",
            "报销参加省级危重孕产妇救治培训班差旅费",
            "转账",
            "ABC2506020000417",
        ),
        R(
            "2025-06-09 10:12:40",
            "-4380.00",
            "清溪县卫健局培训中心",
            "举办新生儿窒息复苏技术培训班场地及讲课费",
            "转账",
            "ABC2506090000233",
        ),
        R(
            "2025-06-09 15:55:02",
            "4380.00",
            "清溪县卫健局培训中心",
            "举办新生儿窒息复苏技术培训班场地及讲课费（冲正）",
            "冲正",
            "ABC2506090000871",
            reversal=True,
        ),
        R(
            "2025-06-10 09:05:19",
            "-4380.00",
            "清溪县卫健局培训中心",
            "举办新生儿窒息复苏技术培训班场地及讲课费",
            "转账",
            "ABC2506100000102",
        ),
        R("2025-06-21 01:00:00", "68.77", "------", "----", "利息", "ABC2506210000001"),
        R(
            "2025-06-25 11:30:00",
            "30000.00",
            "清溪县财政局",
            "2025年县级配套资金（第二批）",
            "转账",
            "ABC2506250000356",
        ),
    ],
)
ABC_NUMBER = "1866 0101 0400 12345"

BOC_ROWS = with_balances(
    Decimal("12000.00"),
    [
        R(
            "2025-07-01 10:05:33",
            "-1740.00",
            "陈建国",
            "报销赴市卫健委汇报项目进展差旅费",
            "转账",
            "BOC2507010388",
        ),
        R(
            "2025-07-09 14:22:10",
            "-7990.00",
            "华康医疗设备有限公司",
            "购置多普勒胎心监护仪",
            "转账",
            "BOC2507090115",
        ),
        R(
            "2025-07-15 09:48:00",
            "20000.00",
            "宁州省财政厅",
            "2025年省级补助资金（追加）",
            "汇入",
            "BOC2507150042",
        ),
        R(
            "2025-07-20 16:30:27",
            "-560.00",
            "宁州市新华书店",
            "图书资料费",
            "转账",
            "BOC2507200201",
        ),
        R(
            "2025-07-28 11:11:11",
            "-4900.00",
            "清溪网络科技有限公司",
            "妇幼保健科普网站维护及网络建设费",
            "转账",
            "BOC2507280077",
        ),
    ],
)
BOC_NUMBER = "1045 6789 0123"


def write_qxrcb() -> None:
    table = qxrcb_table(
        "201000155550001", "某县妇幼保健所项目专户", "2025-01-01", "2025-03-31", QXRCB_ROWS
    )
    (HERE / "qxrcb.csv").write_bytes(csv_text(table).encode("gbk"))
    newest = [*table[:6], *table[6 : 6 + len(QXRCB_ROWS)][::-1], *table[6 + len(QXRCB_ROWS) :]]
    (HERE / "qxrcb-utf8-newest.csv").write_bytes(csv_text(newest).encode("utf-8"))
    write_xlsx(HERE / "qxrcb.xlsx", table, numbers=False)


def write_icbc() -> None:
    rows = [
        ["账户明细查询结果"],
        [f"账号: {ICBC_NUMBER}"],
        ["户名: 某县妇幼保健所"],
        ["币种: 人民币", "起止日期: 2025-04-01 至 2025-04-30"],
        [
            "交易时间",
            "交易流水号",
            "本方账号",
            "对方账号",
            "对方单位名称",
            "借/贷",
            "借方发生额",
            "贷方发生额",
            "余额",
            "摘要",
            "用途",
            "个性化信息",
        ],
    ]
    for row in ICBC_ROWS:
        amount = row["amount"]
        debit_side = amount < 0 or row.get("reversal")
        counterparty = row["counterparty"]
        rows.append(
            [
                f"{row['when']:%Y-%m-%d %H:%M:%S}",
                f"\t{row['ref']}",
                f'="{ICBC_NUMBER.replace(" ", "")}"',
                f'="{account_of(counterparty)}"' if counterparty else "--",
                counterparty or "--",
                "借" if debit_side else "贷",
                f"\t{money(-amount)}" if debit_side else "",
                "" if debit_side else f"\t{money(amount)}",
                f"\t{money(row['balance'])}",
                row["memo"],
                row["purpose"] or "--",
                "",
            ]
        )
    (HERE / "icbc.csv").write_bytes(csv_text(rows).encode("utf-8-sig"))


def write_ccb() -> None:
    rows = [
        ["中国建设银行单位账户明细"],
        [f"账号：{CCB_NUMBER}", "", "", "账户名称：某县妇幼保健所"],
        ["起始日期：20250501", "", "", "终止日期：20250531"],
        [
            "交易时间",
            "借方发生额（支取）",
            "贷方发生额（收入）",
            "余额",
            "币种",
            "对方户名",
            "对方账号",
            "对方开户机构",
            "记账日期",
            "摘要",
            "备注",
            "账户明细编号-交易流水号",
            "企业流水号",
            "凭证种类",
            "凭证号",
        ],
    ]
    for row in CCB_ROWS:
        amount = row["amount"]
        counterparty = row["counterparty"]
        named = counterparty != "（空）"
        rows.append(
            [
                f"{row['when']:%Y%m%d %H:%M:%S}",
                money(-amount) if amount < 0 else "0.00",
                money(amount) if amount > 0 else "0.00",
                money(row["balance"]),
                "人民币",
                counterparty,
                account_of(counterparty) if named else "（空）",
                "中国建设银行宁州分行" if named else "（空）",
                f"{row['when']:%Y%m%d}",
                row["memo"],
                row["purpose"],
                row["ref"],
                "",
                "电子转账凭证" if named else "",
                "",
            ]
        )
    write_xls(HERE / "ccb.xls", rows)


def write_abc() -> None:
    rows = [
        ["中国农业银行对公账户交易明细"],
        [f"账号：{ABC_NUMBER}", "", "", "户名：某县妇幼保健所"],
        ["查询日期：2025/6/1-2025/6/30"],
        [],
        [
            "交易日期",
            "交易时间",
            "交易金额",
            "借贷标志",
            "账户余额",
            "对方户名",
            "对方账号",
            "对方开户行",
            "摘要",
            "交易用途",
            "交易流水号",
        ],
    ]
    for row in ABC_ROWS:
        amount = row["amount"]
        reversal = row.get("reversal")
        debit_side = amount < 0 or reversal
        shown = f"({money(amount)})" if reversal else money(abs(amount))
        counterparty = row["counterparty"]
        dashes = counterparty.startswith("-")
        rows.append(
            [
                f"{row['when'].year}/{row['when'].month}/{row['when'].day}",
                f"{row['when']:%H%M%S}",
                shown,
                "借" if debit_side else "贷",
                money(row["balance"]),
                counterparty,
                "----------" if dashes else account_of(counterparty),
                "--------" if dashes else "中国农业银行清溪县支行",
                row["memo"],
                row["purpose"],
                row["ref"],
            ]
        )
    debits = [r for r in ABC_ROWS if r["amount"] < 0 or r.get("reversal")]
    credits = [r for r in ABC_ROWS if not (r["amount"] < 0 or r.get("reversal"))]
    rows += [
        [],
        [f"借方合计：{len(debits)}笔", money(sum((-r["amount"] for r in debits), Decimal(0)))],
        [f"贷方合计：{len(credits)}笔", money(sum((r["amount"] for r in credits), Decimal(0)))],
    ]
    (HERE / "abc.csv").write_bytes(csv_text(rows).encode("gb18030"))


def write_boc() -> None:
    rows = [
        ["中国银行企业网银交易明细[ Transaction Details ]"],
        ["账号[ Account No. ]:", BOC_NUMBER],
        ["账户名称[ Account Name ]:", "某县妇幼保健所"],
        ["币种[ Currency ]:", "人民币"],
        [],
        [
            "交易日期[ Transaction Date ]",
            "交易时间[ Transaction Time ]",
            "交易流水号[ Transaction Reference ]",
            "对方账号[ Counterparty Account ]",
            "对方户名[ Counterparty Name ]",
            "交易金额[ Trade Amount ]",
            "交易后余额[ After-transaction Balance ]",
            "摘要[ Reference ]",
            "用途[ Purpose ]",
        ],
    ]
    for row in reversed(BOC_ROWS):
        counterparty = row["counterparty"]
        rows.append(
            [
                f"{row['when']:%Y-%m-%d}",
                f"{row['when']:%H:%M:%S}",
                row["ref"],
                account_of(counterparty) if row["amount"] < 0 else "-",
                counterparty,
                money(row["amount"]),
                money(row["balance"]),
                row["memo"],
                row["purpose"],
            ]
        )
    (HERE / "boc.txt").write_bytes(csv_text(rows, "\t").encode("utf-16"))


# -- print views, two-row headers, statements without an account number ---------------------


def paged(
    heading: list[list[str]],
    header: list[list[str]],
    rows: list[list[str]],
    per_page: int,
    page_end: list[list[str]],
    page_line: str,
    closing: list[list[str]],
) -> list[list[str]]:
    """A print view exported as one table: page after page, each with its furniture.

    Every page starts with the heading's first line (the title) and the header; the first page
    has the whole heading. Each page ends with `page_end` (the last page with `closing` first),
    then its page line, `page_line` formatted with `page` and `pages`.
    """
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)]
    width = len(header[0])
    table: list[list[str]] = []
    for number, page in enumerate(pages, start=1):
        table += heading if number == 1 else heading[:1]
        table += header
        table += page
        if number == len(pages):
            table += closing
        table += page_end
        centre = width // 2
        line = page_line.format(page=number, pages=len(pages))
        table.append([""] * centre + [line] + [""] * (width - centre - 1))
    return table


def write_qxrcb_paged() -> None:
    """清溪农商银行's print view (打印预览 → 导出), three rows a page.

    The title and header on every page, the print time and teller at the foot of every page,
    then 第 N 页 共 M 页.
    """
    full = qxrcb_table(
        "201000155550001",
        "某县妇幼保健所项目专户",
        "2025-01-01",
        "2025-03-31",
        QXRCB_ROWS,
        printed="2025-04-01 08:40:12",
    )
    heading, header = full[:5], [full[5]]
    rows = full[6 : 6 + len(QXRCB_ROWS)]
    totals, printed = full[6 + len(QXRCB_ROWS) + 1], full[-1]
    table = paged(heading, header, rows, 3, [printed], "第 {page} 页 共 {pages} 页", [[], totals])
    (HERE / "qxrcb-paged.csv").write_bytes(csv_text(table).encode("gbk"))


def write_abc_without_number() -> None:
    """中国农业银行's export as some branches give it: no account number anywhere."""
    text = (HERE / "abc.csv").read_bytes().decode("gb18030")
    lines = text.split("\r\n")
    assert lines[1].startswith("账号：")
    lines[1] = "户名：某县妇幼保健所"
    (HERE / "abc-no-number.csv").write_bytes("\r\n".join(lines).encode("gb18030"))


# 清溪村镇银行 (a ledger's own profile, tests/statements/banks/qxvb.toml): a print view whose
# header takes two rows (发生额 over 借方 and 贷方, the other columns merged down), dates as
# 2025年08月04日, and no account number anywhere.
QXVB_TOP = ["交易日期", "凭证号", "摘要", "发生额", "", "余额", "对方户名", "对方账号", "流水号"]
QXVB_BELOW = ["", "", "", "借方", "贷方", "", "", "", ""]
QXVB_ROWS = with_balances(
    Decimal("20000.00"),
    [
        R(
            "2025-08-04 09:10:00",
            "-2860.00",
            "清溪县印刷厂",
            "孕产妇健康教育宣传折页印制费",
            "转账",
            "QXVB2508040001",
        ),
        R(
            "2025-08-12 10:30:00",
            "15000.00",
            "清溪县财政局",
            "2025年县级配套资金（第三批）",
            "拨款",
            "QXVB2508120002",
        ),
        R(
            "2025-08-19 14:02:00",
            "-4200.00",
            "宁州医疗器械有限公司",
            "购置新生儿血氧仪",
            "转账",
            "QXVB2508190003",
        ),
        R(
            "2025-08-29 09:45:00",
            "-1150.00",
            "王丽华",
            "报销督导检查差旅费",
            "转账",
            "QXVB2508290004",
        ),
        R(
            "2025-08-29 15:20:00",
            "-36.50",
            "清溪村镇银行",
            "8月转账手续费",
            "收费",
            "QXVB2508290005",
        ),
    ],
)


def qxvb_rows() -> list[list[object]]:
    out: list[list[object]] = []
    for number, row in enumerate(QXVB_ROWS, start=1):
        amount = row["amount"]
        out.append(
            [
                f"{row['when']:%Y年%m月%d日}",
                f"记{number:04d}",
                row["purpose"],
                money(-amount) if amount < 0 else "",
                money(amount) if amount > 0 else "",
                money(row["balance"]),
                row["counterparty"],
                "" if row["counterparty"] == "清溪村镇银行" else account_of(row["counterparty"]),
                row["ref"],
            ]
        )
    return out


def qxvb_heading() -> list[list[str]]:
    return [
        ["清溪村镇银行单位账户交易明细"],
        ["户名：某县妇幼保健所", "", "", "", "", "币种：人民币"],
        ["起止日期：2025-08-01 至 2025-08-31"],
    ]


def qxvb_totals() -> list[str]:
    debits = sum((-r["amount"] for r in QXVB_ROWS if r["amount"] < 0), Decimal(0))
    credits = sum((r["amount"] for r in QXVB_ROWS if r["amount"] > 0), Decimal(0))
    return ["本期合计", "", "", money(debits), money(credits), "", "", "", ""]


def write_qxvb() -> None:
    """The two-row header in a workbook with merged cells, printed the day after the period."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "明细"
    book.properties.created = book.properties.modified = datetime.datetime(2026, 1, 1)
    for row in qxvb_heading():
        sheet.append(row)
    top = len(qxvb_heading()) + 1
    sheet.append(QXVB_TOP)
    sheet.append([cell or None for cell in QXVB_BELOW])
    for column in "ABCFGHI":
        sheet.merge_cells(f"{column}{top}:{column}{top + 1}")
    sheet.merge_cells(f"D{top}:E{top}")
    for row in qxvb_rows():
        # Amounts and balances as numbers, as this bank's workbook stores them.
        sheet.append(
            [
                float(Decimal(c.replace(",", ""))) if i in (3, 4, 5) and c else c
                for i, c in enumerate(row)
            ]
        )
    sheet.append(qxvb_totals())
    sheet.append(["打印日期：2025-09-01 09:12:30"])
    path = HERE / "qxvb.xlsx"
    book.save(path)
    fix_zip_times(path)


def write_qxvb_paged() -> None:
    """The same account's print view exported as CSV on the day of its last row.

    Two rows a page, the group title repeated over both of its columns, 第N页/共M页 page lines.
    """
    top = [
        "交易日期",
        "凭证号",
        "摘要",
        "发生额",
        "发生额",
        "余额",
        "对方户名",
        "对方账号",
        "流水号",
    ]
    rows = [[str(cell) for cell in row] for row in qxvb_rows()]
    table = paged(
        qxvb_heading(),
        [top, QXVB_BELOW],
        rows,
        2,
        [],
        "第{page}页/共{pages}页",
        [qxvb_totals(), ["打印日期：2025-08-29 16:05:44"]],
    )
    (HERE / "qxvb-paged.csv").write_bytes(csv_text(table).encode("gb18030"))


# -- the demo account ----------------------------------------------------------------------

DEMO_NUMBER = "201000187654321"
DEMO_HOLDER = "清溪县妇幼保健所母婴健康工程项目专户"


def demo_rows() -> list[dict]:
    """The demo ledger's bank transactions, as the bank lists them."""
    from beancount import loader
    from beancount.core import data

    entries, _, _ = loader.load_file(str(ROOT / "main.beancount"))
    rows = []
    for entry in entries:
        if not isinstance(entry, data.Transaction) or "bank-ref" not in entry.meta:
            continue
        amount = sum(
            p.units.number for p in entry.postings if p.account == "Assets:Bank:MCH-Special"
        )
        narration = entry.narration
        if "利息" in narration:
            memo = "结息"
        elif "手续费" in narration:
            memo = "收费"
        elif amount > 0 and "财政" in entry.payee:
            memo = "财政拨款"
        elif amount > 0:
            memo = "转账存入"
        else:
            memo = "网银转账"
        sequence = int(entry.meta["bank-ref"][-6:])
        when = datetime.datetime.combine(
            entry.date, datetime.time(9 + sequence % 8, (7 * sequence) % 60, (13 * sequence) % 60)
        )
        rows.append(
            R(when.isoformat(), str(amount), entry.payee, narration, memo, entry.meta["bank-ref"])
        )
    return with_balances(Decimal(0), rows)


def write_demo() -> None:
    rows = demo_rows()
    DEMO_FOLDER.mkdir(parents=True, exist_ok=True)
    for year, suffix in ((2024, "csv"), (2025, "xls"), (2026, "xlsx")):
        of_year = [row for row in rows if row["when"].year == year]
        first, last = of_year[0]["when"], of_year[-1]["when"]
        end = "2026-11-14" if year == 2026 else f"{year}-12-31"
        # 2026's statement was printed the morning after its last day, whose rows are then all
        # there: its closing balance is certain.
        printed = "2026-11-15 08:30:00" if year == 2026 else ""
        table = qxrcb_table(DEMO_NUMBER, DEMO_HOLDER, f"{year}-01-01", end, of_year, printed)
        name = f"{last:%Y-%m-%d}.qxrcb.{first:%Y%m%d}-{last:%Y%m%d}.{suffix}"
        path = DEMO_FOLDER / name
        if suffix == "csv":
            path.write_bytes(csv_text(table).encode("gbk"))
        elif suffix == "xls":
            write_xls(path, table)
        else:
            write_xlsx(path, table, numbers=True)


def main() -> None:
    write_qxrcb()
    write_icbc()
    write_ccb()
    write_abc()
    write_boc()
    write_qxrcb_paged()
    write_abc_without_number()
    write_qxvb()
    write_qxvb_paged()
    write_demo()


if __name__ == "__main__":
    main()
