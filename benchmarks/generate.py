"""Generate synthetic grant ledgers of any size, for the benchmarks.

The ledger follows the grant contract with its own account names: one dedicated account, two
sources matched 1:1, five categories (one carrying forward), bank fees allowed, 10,000
transactions a fiscal year, every year but the last closed. Every payment has its voucher and a
copy (one shared file), so every rule does its full work. It validates clean.

With `assets`, the equipment category also has an asset register (`grant-assets`, 1,000.00)
and a procurement threshold (`grant-procurement`, 50,000.00 within 30 days): one payment in 200
is a device of 1,000.00–2,000.00 naming its card, and the register `assets.csv` beside the
ledger holds every card, so the asset and procurement rules do their full work too.

With `beneficiaries`, the relief category pays people, as `grant-beneficiaries` asks: a
register of fictional women (600 a year, region code 990909), each relief payment naming one of
the year's women (about three payments each) and one in a hundred a roster of three, under
per-year and per-pregnancy standards; every beneficiary rule then does its full work, and it
still validates clean.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
from pathlib import Path
from typing import NamedTuple

CATEGORIES = ("Admin", "Training", "Equipment", "Outreach", "Relief")
PER_YEAR = 10_000
FIRST_YEAR = 1990
#: Per-payment amounts are at most 99.99; budgets leave room for a year of them.
BUDGET = 250_000
ALLOCATION = 700_000
REGISTER = "assets.csv"
REGISTER_HEADER = (
    "卡片编号,资产名称,规格型号,数量,单价,供应商,验收日期,验收单号,保管人,存放地点,状态"
)
LOCATIONS = ("Ward A", "Ward B", "Delivery room", "Clinic")


class Device(NamedTuple):
    """A device the generated ledger buys: its card."""

    card: str
    day: datetime.date
    amount: str
    supplier: str

    def row(self, index: int) -> str:
        """The device's row in the register."""
        location = LOCATIONS[index % len(LOCATIONS)]
        return (
            f"{self.card},device {index},M-{index % 7},1,{self.amount},{self.supplier},"
            f"{self.day},YS-{self.card},Keeper {index % 5},{location},在用"
        )


WOMEN_PER_YEAR = 600
ROSTER_AMOUNT = "90.00"
"""A roster payment: three women, 30.00 each."""
_WEIGHTS = tuple(pow(2, 17 - position, 11) for position in range(17))


def _identity(year: int, index: int) -> str:
    """A well-formed identity number of a woman of 25 in `year` (no real county: 990909)."""
    birth = datetime.date(year - 25, 1, 1) + datetime.timedelta(days=index % 365)
    head = f"990909{birth:%Y%m%d}{index // 365 * 2:03d}"
    return head + "10X98765432"[sum(int(d) * w for d, w in zip(head, _WEIGHTS, strict=True)) % 11]


def _register(first_year: int, years: int) -> str:
    """The register of every year's women, noticed and eligible before the year begins."""
    lines = [
        "登记号,姓名,身份证号,乡镇,认定依据,证明材料,证明日期,公示开始,公示结束,末次月经,预产期"
    ]
    for year in range(first_year, first_year + years):
        for index in range(WOMEN_PER_YEAR):
            lines.append(
                f"W-{year}-{index},某{index},{_identity(year, index)},城关镇,低保,低保证 {index}号,"
                f"{year - 1}-12-01,{year - 1}-12-10,{year - 1}-12-16,{year}-01-01,{year}-09-30"
            )
    return "\n".join(lines) + "\n"


def _roster(year: int) -> str:
    return "登记号,金额\n" + "".join(f"W-{year}-{index},30.00\n" for index in range(3))


def _preamble(first_year: int, with_plugin: bool, assets: bool = False) -> list[str]:
    start = f"{first_year}-01-01"
    lines = ['option "operating_currency" "CNY"', 'option "title" "Synthetic grant ledger"']
    if with_plugin:
        lines.append('plugin "ledger.grant"')
    accounts = [
        "Assets:Bank:Grant",
        "Income:Grant:State",
        "Income:Grant:Local",
        "Expenses:Bank:Charges",
        *(f"Expenses:Program:{name}" for name in CATEGORIES),
    ]
    lines += [f"{start} open {account} CNY" for account in accounts]
    lines += [
        f'{start} custom "grant-account" Assets:Bank:Grant "grant account"',
        f'{start} custom "grant-source" Income:Grant:State {ALLOCATION}.00 CNY',
        f'{start} custom "grant-source" Income:Grant:Local {ALLOCATION}.00 CNY',
        f'{start} custom "grant-match" Income:Grant:Local Income:Grant:State 1',
        f'{start} custom "grant-allowed" Expenses:Bank:Charges',
        f'{start} custom "grant-carryforward" Expenses:Program:Relief 2',
    ]
    for name in CATEGORIES:
        lines.append(f'{start} custom "grant-category" Expenses:Program:{name} "{name}"')
        lines.append(f'{start} custom "grant-budget" Expenses:Program:{name} {BUDGET}.00 CNY')
    if assets:
        lines += [
            f'{start} custom "grant-assets" Expenses:Program:Equipment 1000.00 CNY "{REGISTER}"',
            f'{start} custom "grant-procurement" Expenses:Program:Equipment 50000.00 CNY 30',
        ]
    return lines


def generate(
    transactions: int,
    with_plugin: bool = True,
    seed: int = 7,
    distinct_documents: bool = False,
    devices: list[Device] | None = None,
    beneficiaries: bool = False,
) -> str:
    """A grant ledger of about `transactions` transactions, as text.

    With `distinct_documents`, every payment links a copy of its own, named after its voucher
    in a folder per year (`vouchers/1990/1990-01-03.V-1990-00000.pdf`), as a ledger kept by
    hand does; otherwise all link one shared copy. With `devices` (a list), the ledger names an
    asset register and buys devices naming their cards, appended to it (for the register).
    With `beneficiaries`, relief payments name the women of the register `write_ledger` writes
    beside it.
    """
    rng = random.Random(seed)
    years = max(1, -(-transactions // PER_YEAR))
    lines = _preamble(FIRST_YEAR, with_plugin, devices is not None)
    if beneficiaries:
        start = f"{FIRST_YEAR}-01-01"
        lines += [
            f'{start} custom "grant-beneficiaries" Expenses:Program:Relief "register.csv"',
            f'{start} custom "grant-standard" Expenses:Program:Relief 5000.00 CNY "per-year"',
            f'{start} custom "grant-standard" Expenses:Program:Relief 4000.00 CNY "per-pregnancy"',
        ]
    written = 0
    for offset in range(years):
        year = FIRST_YEAR + offset
        in_year = min(PER_YEAR, transactions - written)
        for number, source in enumerate(("State", "Local"), start=1):
            lines.append(
                f'{year}-01-02 * "{source} finance" "allocation {year}"\n'
                f'  voucher: "R-{year}-{number}"\n'
                f"  Income:Grant:{source}  -{ALLOCATION}.00 CNY\n"
                "  Assets:Bank:Grant"
            )
        for index in range(in_year - 2):
            day = datetime.date(year, 1, 3) + datetime.timedelta(days=index * 360 // in_year)
            voucher = f"V-{year}-{index:05d}"
            if index % 50 == 49:
                lines.append(
                    f'{day} * "Bank" "charges"\n  voucher: "{voucher}"\n'
                    "  Expenses:Bank:Charges  1.50 CNY\n  Assets:Bank:Grant"
                )
                continue
            category = CATEGORIES[index % len(CATEGORIES)]
            amount = f"{rng.randint(100, 9999) / 100:.2f}"
            document = document_name(day, voucher) if distinct_documents else "voucher.pdf"
            if devices is not None and index % 200 == 2:
                device = Device(
                    f"ZC-{year}-{index:05d}",
                    day,
                    f"{rng.randint(100_000, 200_000) / 100:.2f}",
                    f"Supplier {index % 97}",
                )
                devices.append(device)
                lines.append(
                    f'{day} * "{device.supplier}" "device {index}"\n'
                    f'  voucher: "{voucher}"\n'
                    f'  document: "{document}"\n'
                    f'  asset: "{device.card}"\n'
                    f"  Expenses:Program:Equipment  {device.amount} CNY\n"
                    "  Assets:Bank:Grant"
                )
                continue
            named = ""
            if beneficiaries and category == "Relief":
                if index % 500 == 4:
                    amount = ROSTER_AMOUNT
                    named = f'  roster: "rosters/{year}.csv"\n'
                else:
                    named = f'  beneficiary: "W-{year}-{index // 5 % WOMEN_PER_YEAR}"\n'
            lines.append(
                f'{day} * "Supplier {index % 97}" "purchase {index}"\n'
                f'  voucher: "{voucher}"\n'
                f'  document: "{document}"\n'
                f"{named}"
                f"  Expenses:Program:{category}  {amount} CNY\n"
                "  Assets:Bank:Grant"
            )
        written += in_year
        if offset < years - 1:
            lines.append(f'{year + 1}-01-01 custom "grant-close" {year}')
    return "\n\n".join(lines) + "\n"


def document_name(day: datetime.date, voucher: str) -> str:
    """The copy of a payment's voucher when each has its own: a folder per year."""
    return f"vouchers/{day.year}/{day}.{voucher}.pdf"


def write_ledger(
    folder: Path,
    transactions: int,
    with_plugin: bool = True,
    distinct_documents: bool = False,
    assets: bool = False,
    beneficiaries: bool = False,
) -> Path:
    """Write a generated ledger (and the copies, registers and rosters it names) in `folder`.

    With `assets`, the ledger buys devices naming their cards, and the asset register is
    written beside it; with `beneficiaries`, relief pays the women of a register beside it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "voucher.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    kind = (
        ("-documents" if distinct_documents else "")
        + ("-assets" if assets else "")
        + ("-beneficiaries" if beneficiaries else "")
    )
    name = f"grant-{transactions}{kind}{'' if with_plugin else '-plain'}.beancount"
    path = folder / name
    devices: list[Device] | None = [] if assets else None
    text = generate(
        transactions,
        with_plugin,
        distinct_documents=distinct_documents,
        devices=devices,
        beneficiaries=beneficiaries,
    )
    path.write_text(text, encoding="utf-8")
    if beneficiaries:
        years = max(1, -(-transactions // PER_YEAR))
        (folder / "register.csv").write_text(_register(FIRST_YEAR, years), encoding="utf-8")
        (folder / "rosters").mkdir(exist_ok=True)
        for year in range(FIRST_YEAR, FIRST_YEAR + years):
            (folder / "rosters" / f"{year}.csv").write_text(_roster(year), encoding="utf-8")
    if distinct_documents:
        for found in re.finditer(r'document: "(vouchers/[^"]+)"', text):
            copy = folder / found[1]
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.touch()
    if devices is not None:
        rows = [REGISTER_HEADER, *(device.row(i) for i, device in enumerate(devices))]
        (folder / REGISTER).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def main() -> None:
    """Command line: write a ledger of N transactions."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("transactions", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--without-plugin", action="store_true")
    parser.add_argument("--assets", action="store_true", help="buy devices with their cards")
    parser.add_argument("--beneficiaries", action="store_true", help="relief pays named women")
    args = parser.parse_args()
    path = write_ledger(
        args.folder,
        args.transactions,
        not args.without_plugin,
        assets=args.assets,
        beneficiaries=args.beneficiaries,
    )
    print(path)


if __name__ == "__main__":
    main()
