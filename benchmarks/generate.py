"""Generate synthetic grant ledgers of any size, for the benchmarks.

The ledger follows the grant contract with its own account names: one dedicated account, two
sources matched 1:1, five categories (one carrying forward), bank fees allowed, 10,000
transactions a fiscal year, every year but the last closed. Every payment has its voucher and a
copy (one shared file), so every rule does its full work. It validates clean.

With `assets`, the equipment category also has an asset register (`grant-assets`, 1,000.00)
and a procurement threshold (`grant-procurement`, 50,000.00 within 30 days): one payment in 200
is a device of 1,000.00–2,000.00 naming its card, and the register `assets.csv` beside the
ledger holds every card, so the asset and procurement rules do their full work too.
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
) -> str:
    """A grant ledger of about `transactions` transactions, as text.

    With `distinct_documents`, every payment links a copy of its own, named after its voucher
    in a folder per year (`vouchers/1990/1990-01-03.V-1990-00000.pdf`), as a ledger kept by
    hand does; otherwise all link one shared copy. With `devices` (a list), the ledger names an
    asset register and buys devices naming their cards, appended to it (for the register).
    """
    rng = random.Random(seed)
    years = max(1, -(-transactions // PER_YEAR))
    lines = _preamble(FIRST_YEAR, with_plugin, devices is not None)
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
            lines.append(
                f'{day} * "Supplier {index % 97}" "purchase {index}"\n'
                f'  voucher: "{voucher}"\n'
                f'  document: "{document}"\n'
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
) -> Path:
    """Write a generated ledger (and the voucher copies it names) into `folder`.

    With `assets`, the ledger buys devices naming their cards, and the register is written
    beside it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "voucher.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
    kind = ("-documents" if distinct_documents else "") + ("-assets" if assets else "")
    name = f"grant-{transactions}{kind}{'' if with_plugin else '-plain'}.beancount"
    path = folder / name
    devices: list[Device] | None = [] if assets else None
    text = generate(
        transactions, with_plugin, distinct_documents=distinct_documents, devices=devices
    )
    path.write_text(text, encoding="utf-8")
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
    args = parser.parse_args()
    print(write_ledger(args.folder, args.transactions, not args.without_plugin, assets=args.assets))


if __name__ == "__main__":
    main()
