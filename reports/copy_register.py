"""The copy register (复制件登记簿): who was given which year's vouchers, and when.

Copies of original vouchers leave the office only on record. Each inspection pack given out
with `--recipient` adds a line to `packs/copy-register.csv` beside the ledger, where the packs
go by default (for a ledger kept in mch-ledger's own code folder, such as the demo, a folder of
the user's data instead, outside the code's repository: `packs_folder`): the date and time, the
recipient, the fiscal year, the pack, the SHA-256 the recipient can check (of the `.zip` file
itself; of its `SHA256SUMS` for a folder, which names every file in it with its own digest) and
what that digest is of, the year's seal (the close digest, `ledger.seals`; `-` for a year not
closed), the vouchers whose copies it holds, and whether it holds the beneficiary register
masked or in full (identity numbers leaving the office).

The register is UTF-8 with a byte-order mark, so Excel opens it with its Chinese intact; a
recipient, pack or voucher starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
leading `'` there, as in the CSV reports, so Excel never runs it as a formula (it is read back
without); it is
rewritten whole through a temporary file under the ledger's lock, re-read under it, and its
previous version kept as `.bak`. A register of an earlier layout is carried over to this one.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

from ledger.atomic import replace_atomically, write_atomically
from ledger.locking import ledger_lock
from reports.render.as_csv import FORMULA_STARTS, neutralised

PACKS_FOLDER = "packs"
#: The folder mch-ledger's own code is installed in: the code repository, for a clone.
CODE_FOLDER = Path(__file__).resolve().parents[1]
#: The name of mch-ledger's per-user data folder.
APP_NAME = "mch-ledger"
REGISTER_NAME = "copy-register.csv"
DATE, RECIPIENT, YEAR, PACK, SHA256, DIGEST_OF, SEAL, VOUCHERS, REGISTER = (
    "日期 date",
    "接收人 recipient",
    "年度 year",
    "资料 pack",
    "SHA-256",
    "摘要对象 digest of",
    "封存摘要 seal",
    "凭证 vouchers",
    "救助对象登记册 beneficiary register",
)
HEADER = (DATE, RECIPIENT, YEAR, PACK, SHA256, DIGEST_OF, SEAL, VOUCHERS, REGISTER)
#: How the register column says what the pack holds of the beneficiary register.
REGISTER_HELD = {"masked": "脱敏 masked", "full": "完整 full", "": ""}
#: What the SHA-256 column is of: the pack file (a zip), or a folder pack's SHA256SUMS.
OF_FILE = "file"
OF_SUMS = "SHA256SUMS"


def in_code_folder(ledger: Path) -> bool:
    """Whether the ledger's folder is (or contains) the folder mch-ledger's code lives in."""
    return CODE_FOLDER.is_relative_to(Path(ledger).resolve().parent)


def packs_folder(ledger: Path) -> Path:
    """Where the packs of `ledger` go by default, with their register: `packs/` beside it.

    A ledger kept in mch-ledger's own code folder (the demo, in a clone of the repository)
    would put voucher copies and the copy register into the code's repository: its packs go
    to the user's data folder instead (`~/.local/share/mch-ledger/packs/main-<digest>` on
    Linux), one folder per ledger (its name, and a digest of its path).
    """
    ledger = Path(ledger).resolve()
    if not in_code_folder(ledger):
        return ledger.parent / PACKS_FOLDER
    digest = hashlib.sha256(str(ledger).encode("utf-8")).hexdigest()[:12]
    data = platformdirs.user_data_path(APP_NAME, appauthor=False)
    return data / PACKS_FOLDER / f"{ledger.stem}-{digest}"


def register_path(ledger: Path) -> Path:
    """Where the copy register of `ledger` is kept: in its packs folder."""
    return packs_folder(ledger) / REGISTER_NAME


def pack_name(ledger: Path, pack: Path) -> str:
    """How the register names a pack: relative to the ledger's folder when inside it."""
    pack = Path(pack).resolve()
    try:
        return pack.relative_to(Path(ledger).resolve().parent).as_posix()
    except ValueError:
        return str(pack)


#: Columns of text from outside the program (a recipient, a pack's path, voucher numbers):
#: neutralised as the CSV reports neutralise a payee, so that Excel never runs one as a formula.
_TEXT_COLUMNS = frozenset({RECIPIENT, PACK, VOUCHERS})


def _encoded(rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(
        [
            neutralised(cell) if key in _TEXT_COLUMNS and isinstance(cell, str) else cell
            for key, cell in zip(HEADER, row, strict=False)
        ]
        for row in rows
    )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _as_written(key: str, value: str) -> str:
    """A cell's text as it was given, without the `'` that neutralised it."""
    if key in _TEXT_COLUMNS and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def earlier_register_path(ledger: Path) -> Path:
    """Where the register was kept before packs went to `packs/`: beside the ledger."""
    return Path(ledger).resolve().parent / REGISTER_NAME


def read_register(ledger: Path) -> list[dict[str, str]]:
    """The register's lines, as dicts keyed by the header (missing cells empty).

    Until the register in `packs/` is first written, the one an earlier version kept beside the
    ledger is read: its lines are carried over, and the file itself is left as it is.
    """
    path = register_path(ledger)
    if not path.exists():
        path = earlier_register_path(ledger)
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as file:
        return [
            {key: _as_written(key, value or "") for key, value in row.items() if key is not None}
            for row in csv.DictReader(file)
        ]


def is_registered(ledger: Path, pack: Path) -> bool:
    """Whether the pack at `pack` is recorded as given out (never to be overwritten)."""
    name = pack_name(ledger, pack)
    base = Path(ledger).resolve().parent
    for line in read_register(ledger):
        recorded = line.get(PACK, "")
        if not recorded:
            continue
        if "/" not in recorded and "\\" not in recorded:
            # An older register names the pack without its folder.
            if recorded == Path(pack).name:
                return True
        elif recorded == name or (base / recorded).resolve() == Path(pack).resolve():
            return True
    return False


def record_copy(
    ledger: Path,
    recipient: str,
    year: int,
    pack: Path,
    sha256: str,
    digest_of: str,
    seal: str,
    vouchers: Sequence[str],
    when: datetime.datetime | None = None,
    register: str = "",
) -> Callable[[], None]:
    """Add a line to the copy register of `ledger`, under the ledger's lock.

    Args:
        ledger: the ledger's main file.
        recipient: who is given the pack.
        year: the fiscal year of the pack.
        pack: where the pack is.
        sha256: the pack's digest.
        digest_of: what `sha256` is of (`OF_FILE` or `OF_SUMS`).
        seal: the year's seal (`-` for a year not closed).
        vouchers: the vouchers whose copies the pack holds.
        when: the time it is given (default: now).
        register: what the pack holds of the beneficiary register: "masked", "full" or "".

    Returns:
        A function that takes the line back out (when the pack cannot be put in place).

    Raises:
        OSError: the register cannot be written.
        ledger.locking.LedgerBusyError: another writer holds the ledger's lock.
    """
    when = when or datetime.datetime.now().astimezone()
    line = [
        when.isoformat(timespec="seconds"),
        recipient,
        year,
        pack_name(ledger, pack),
        sha256,
        digest_of,
        seal,
        " ".join(vouchers),
        REGISTER_HELD[register],
    ]
    path = register_path(ledger)
    with ledger_lock(ledger):
        previous = path.read_bytes() if path.exists() else None
        rows = [[row.get(key, "") for key in HEADER] for row in read_register(ledger)]
        path.parent.mkdir(parents=True, exist_ok=True)
        if previous is None:
            write_atomically(path, _encoded([*rows, line]))
        else:
            replace_atomically(path, _encoded([*rows, line]).decode("utf-8"))

    def undo() -> None:
        with ledger_lock(ledger):
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                write_atomically(path, previous)

    return undo
