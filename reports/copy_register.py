"""The copy register (复制件登记簿): who was given which year's vouchers, and when.

Copies of original vouchers leave the office only on record. Each inspection pack given out
with `--recipient` adds a line to `copy-register.csv` beside the ledger: the date and time,
the recipient, the fiscal year, the pack and the SHA-256 of its `SHA256SUMS` (which names
every file in it with its own digest), the vouchers whose copies it holds, and whether it holds
the beneficiary register masked or in full (identity numbers leaving the office).

The register is UTF-8 with a byte-order mark, so Excel opens it with its Chinese intact; it is
rewritten whole through a temporary file, its previous version kept as `.bak`.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Sequence
from pathlib import Path

from ledger.atomic import replace_atomically, write_atomically

REGISTER_NAME = "copy-register.csv"
HEADER = (
    "日期 date",
    "接收人 recipient",
    "年度 year",
    "资料 pack",
    "SHA-256",
    "凭证 vouchers",
    "救助对象登记册 beneficiary register",
)
#: The header before the register column was added: such a register gets the new header.
_OLD_HEADER = ",".join(HEADER[:-1])
#: How the register column says what the pack holds.
REGISTER_HELD = {"masked": "脱敏 masked", "full": "完整 full", "": ""}


def register_path(ledger: Path) -> Path:
    """Where the copy register of `ledger` is kept: beside it."""
    return Path(ledger).with_name(REGISTER_NAME)


def record_copy(
    ledger: Path,
    recipient: str,
    year: int,
    pack: Path,
    sha256: str,
    vouchers: Sequence[str],
    when: datetime.datetime | None = None,
    register: str = "",
) -> Path:
    """Add a line to the copy register of `ledger`; returns the register's path.

    `register` is what the pack holds of the beneficiary register: "masked", "full" or "".
    """
    when = when or datetime.datetime.now().astimezone()
    line = io.StringIO()
    csv.writer(line, lineterminator="\r\n").writerow(
        [
            when.isoformat(timespec="seconds"),
            recipient,
            year,
            pack.name,
            sha256,
            " ".join(vouchers),
            REGISTER_HELD[register],
        ]
    )
    path = register_path(ledger)
    if path.exists():
        current = path.read_text(encoding="utf-8-sig")
        first, _, rest = current.partition("\n")
        if first.rstrip("\r") == _OLD_HEADER:
            # Every earlier line stays as it was; only the header names the new column.
            header = io.StringIO()
            csv.writer(header, lineterminator="\r\n").writerow(HEADER)
            current = header.getvalue() + rest
        if current and not current.endswith("\n"):
            current += "\r\n"
        replace_atomically(path, "\ufeff" + current + line.getvalue())
    else:
        header = io.StringIO()
        csv.writer(header, lineterminator="\r\n").writerow(HEADER)
        write_atomically(path, ("\ufeff" + header.getvalue() + line.getvalue()).encode("utf-8"))
    return path


def read_register(ledger: Path) -> list[dict[str, str]]:
    """The register's lines, as dicts keyed by the header."""
    path = register_path(ledger)
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))
