"""Test ledgers with a beneficiary register and rosters, and their expected findings.

Identity numbers are made here with the test's own reading of GB 11643 (ISO 7064 MOD 11-2,
written from the standard, not taken from the code under test), on region codes of province
99, which GB/T 2260 does not assign.

Expected findings are marked as in `grant_ledgers`: `; expect: RULE` at the end of a ledger
line, and `expect: RULE` in a register's or roster's 备注 (remarks) column.
"""

from __future__ import annotations

import csv
import io
import re
import textwrap
from pathlib import Path

from grant_ledgers import MARK

from ledger.findings import Finding, ledger_findings
from ledger.loading import load_ledger

REGION = "990303"

HEADER = (
    "登记号",
    "姓名",
    "身份证号",
    "乡镇",
    "认定依据",
    "证明材料",
    "证明日期",
    "公示开始",
    "公示结束",
    "末次月经",
    "预产期",
    "备注",
)

#: A relief grant of its own account names, one year, the register and three standards.
PREAMBLE = """\
option "operating_currency" "CNY"
plugin "ledger.grant"

2025-01-01 open Assets:Bank:Special CNY
2025-01-01 open Income:Gov:Province CNY
2025-01-01 open Expenses:Work:Admin CNY
2025-01-01 open Expenses:Work:Relief CNY
2025-01-01 open Expenses:Work:Relief:Rescue CNY
2025-01-01 open Expenses:Work:Relief:Checkups CNY
2025-01-01 open Expenses:Other CNY

2025-01-01 custom "grant-account" Assets:Bank:Special "special"
2025-01-01 custom "grant-source" Income:Gov:Province 200000.00 CNY "province"
2025-01-01 custom "grant-category" Expenses:Work:Admin "admin"
2025-01-01 custom "grant-category" Expenses:Work:Relief "relief"
2025-01-01 custom "grant-budget" Expenses:Work:Admin 100000.00 CNY
2025-01-01 custom "grant-budget" Expenses:Work:Relief 100000.00 CNY

2025-01-02 * "Province" "allocation 2025"
  voucher: "F-2025"
  Income:Gov:Province  -200000.00 CNY
  Assets:Bank:Special

2025-12-31 custom "grant-close" 2025

2026-01-02 * "Province" "allocation 2026"
  voucher: "F-2026"
  Income:Gov:Province  -200000.00 CNY
  Assets:Bank:Special

2026-01-01 custom "grant-beneficiaries" Expenses:Work:Relief "register.csv"
2026-01-01 custom "grant-standard" Expenses:Work:Relief 10000.00 CNY "per-year"
2026-01-01 custom "grant-standard" Expenses:Work:Relief:Rescue 8000.00 CNY "per-pregnancy"
2026-01-01 custom "grant-standard" Expenses:Work:Relief:Checkups 300.00 CNY "per-visit"
  visits: 5
"""

#: Weights of the first 17 digits, from the standard: W(i) = 2^(i-1) mod 11, where i counts the
#: characters from the right, the check character being i = 1.
_WEIGHTS_FROM_THE_RIGHT = {i: 2 ** (i - 1) % 11 for i in range(2, 19)}


def iso7064_check(first17: str) -> str:
    """The check character a1 for which sum(a(i) * W(i), i = 1..18) = 1 (mod 11), X for 10."""
    total = sum(int(first17[18 - i]) * _WEIGHTS_FROM_THE_RIGHT[i] for i in range(2, 19))
    for value in range(11):
        if (total + value) % 11 == 1:
            return "X" if value == 10 else str(value)
    raise AssertionError("no check character")  # pragma: no cover - mod 11 always has one


def person_id(birth: str, sequence: str = "024", region: str = REGION) -> str:
    """A well-formed identity number: region, birth date YYYYMMDD, sequence, check character."""
    head = region + birth + sequence
    return head + iso7064_check(head)


def woman(
    number: str,
    identity: str,
    *,
    name: str = "某某",
    township: str = "城关镇",
    basis: str = "低保",
    evidence: str = "低保证 001号",
    evidence_date: str = "2025-12-01",
    notice: tuple[str, str] = ("2026-01-05", "2026-01-11"),
    pregnancy: tuple[str, str] = ("2025-09-01", "2026-06-08"),
    note: str = "",
) -> dict[str, str]:
    """A register row: an eligible woman, noticed in early January 2026, unless told otherwise."""
    return dict(
        zip(
            HEADER,
            (
                number,
                name,
                identity,
                township,
                basis,
                evidence,
                evidence_date,
                *notice,
                *pregnancy,
                note,
            ),
            strict=True,
        )
    )


def register_text(rows: list[dict[str, str]], header: tuple[str, ...] = HEADER) -> str:
    """The register as CSV text, under a title row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["救助对象登记册"])
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def write_register(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    """Write a register (title row, header, rows) as CSV in `encoding`."""
    path.write_bytes(register_text(rows).encode(encoding))
    return path


def write_roster(path: Path, rows: list[tuple], visits: bool = True) -> Path:
    """Write a roster: (number, amount[, visits][, remark]) rows under 登记号, 金额, 人次, 备注."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["登记号", "金额", "人次", "备注"] if visits else ["登记号", "金额", "备注"])
    for row in rows:
        writer.writerow(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def write_books(
    folder: Path, body: str, rows: list[dict[str, str]], preamble: str = PREAMBLE
) -> Path:
    """A ledger (preamble and body) beside its register `register.csv` and a copy `copy.pdf`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    write_register(folder / "register.csv", rows)
    path = folder / "books.beancount"
    path.write_text(preamble + textwrap.dedent(body), encoding="utf-8")
    return path


def payment(
    day: str,
    voucher: str,
    amount: str,
    account: str = "Expenses:Work:Relief:Rescue",
    mark: str = "",
    **meta: str,
) -> str:
    """A relief payment from the special account, with its copy and the metadata given."""
    lines = [f'{day} * "Hospital" "relief"' + (f"  ; expect: {mark}" if mark else "")]
    lines.append(f'  voucher: "{voucher}"')
    lines.append('  document: "copy.pdf"')
    lines.extend(f"  {key.replace('_', '-')}: {value}" for key, value in meta.items())
    lines.append(f"  {account}  {amount} CNY")
    lines.append("  Assets:Bank:Special")
    return "\n".join(lines) + "\n\n"


_CELL_MARK = re.compile(r"expect:\s*(?P<rules>[\w\-, ]+)")


def marks_of(path: Path) -> set[tuple[str, str, int]]:
    """(rule, file, line) of every mark in a ledger, or in a CSV register's or roster's cells."""
    text = path.read_text(encoding="utf-8-sig")
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        mark = MARK.search(line) if path.suffix == ".beancount" else _CELL_MARK.search(line)
        if mark:
            for rule in mark["rules"].split(","):
                found.add((rule.strip(), str(path), number))
    return found


def findings_at(path: Path) -> list[Finding]:
    """Every finding of the ledger at `path`."""
    return ledger_findings(load_ledger(path))


def assert_marked_findings(path: Path, *others: Path) -> list[Finding]:
    """The ledger's findings are exactly the marks of the ledger and of `others` (registers)."""
    findings = findings_at(path)
    found = {(f.rule, f.file, f.line) for f in findings}
    expected = set().union(*(marks_of(p) for p in (path, *others)))
    details = "\n".join(f"  {f.rule} {f.file}:{f.line}: {f.message}" for f in findings)
    assert found == expected, f"findings differ from the marks:\n{details}"
    return findings
