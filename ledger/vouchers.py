"""Voucher numbers (凭证号): their format, and the next free number of a fiscal year.

Vouchers are numbered per fiscal year, as in 记-2024-015: a prefix, the year, a separator and a
zero-padded sequence, and maybe a suffix (付字2025第0041号). The next number continues the
ledger's own format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ledger.model import Year

VOUCHER_PATTERN = re.compile(
    r"^(?P<prefix>.*?)(?P<year>\d{4})(?P<sep>\D+)(?P<seq>\d+)(?P<suffix>\D*)$"
)

#: The format used when the ledger has no voucher yet: 记 for 记账凭证 (general voucher).
DEFAULT_FORMAT = ("记-", "-", 3)


class VoucherNumber(NamedTuple):
    """A parsed voucher number."""

    prefix: str
    year: Year
    separator: str
    sequence: int
    width: int
    suffix: str = ""

    def __str__(self) -> str:
        number = f"{self.sequence:0{self.width}d}"
        return f"{self.prefix}{self.year}{self.separator}{number}{self.suffix}"


def parse_voucher(text: str) -> VoucherNumber | None:
    """Parse `text` as PREFIX YEAR SEPARATOR SEQUENCE [SUFFIX]; None if it has another form."""
    found = VOUCHER_PATTERN.match(text.strip())
    if found is None:
        return None
    seq = found["seq"]
    return VoucherNumber(
        found["prefix"], int(found["year"]), found["sep"], int(seq), len(seq), found["suffix"]
    )


def next_voucher(existing: Iterable[str], year: Year) -> str:
    """The voucher number after the highest one used in `year`, in the ledger's own format.

    Args:
        existing: the voucher numbers already in the ledger.
        year: the fiscal year of the new entry.

    Returns:
        The next number of that year; the first of the year in the format of the latest voucher
        if the year has none yet; `记-YEAR-001` in a ledger with no vouchers.
    """
    latest: VoucherNumber | None = None
    best_of_year: VoucherNumber | None = None
    for text in existing:
        parsed = parse_voucher(text)
        if parsed is None:
            continue
        if latest is None or (parsed.year, parsed.sequence) > (latest.year, latest.sequence):
            latest = parsed
        if parsed.year == year and (
            best_of_year is None or parsed.sequence > best_of_year.sequence
        ):
            best_of_year = parsed
    if best_of_year is not None:
        return str(best_of_year._replace(sequence=best_of_year.sequence + 1))
    if latest is not None:
        return str(latest._replace(year=year, sequence=1))
    prefix, separator, width = DEFAULT_FORMAT
    return str(VoucherNumber(prefix, year, separator, 1, width))
