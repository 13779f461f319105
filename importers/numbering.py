"""Voucher numbers for imported rows: the ledger's own sequence and format, per fiscal year.

`ledger.vouchers.next_voucher` finds the next free number of a year in the ledger's format; this
keeps counting from there, so numbering a statement of 100,000 rows reads the ledger's vouchers
once per year instead of once per row.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledger.model import Year
from ledger.vouchers import VoucherNumber, next_voucher, parse_voucher


class VoucherSequence:
    """Hands out the next voucher numbers of each fiscal year."""

    def __init__(self, existing: Sequence[str]) -> None:
        self.existing = existing
        self.following: dict[Year, VoucherNumber] = {}

    def take(self, year: Year) -> str:
        """The next free voucher number of `year`, which is then used."""
        current = self.following.get(year)
        if current is None:
            current = parse_voucher(next_voucher(self.existing, year))
            assert current is not None  # next_voucher writes the parseable form
        self.following[year] = current._replace(sequence=current.sequence + 1)
        return str(current)
