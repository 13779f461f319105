"""The beneficiary register (救助对象登记册) and the rosters (花名册), read as typed rows.

The register is the institute's own table, in Excel or CSV (UTF-8 or GBK), one row per woman
and pregnancy: the register number identifies the pregnancy, the identity number the woman.
Its columns are found by the names an accountant types (see `REGISTER`); title rows above the
header are skipped. A roster lists the women one payment is for: register numbers, amounts,
and the visits paid for when the subsidy is per visit.

Both are read once per file version (cached by path, size and modification time), so a Fava
reload after an edit elsewhere does not read them again.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from ledger.beneficiaries.identity import (
    Identity,
    looks_like_identity,
    mask,
    mask_in_text,
    parse_identity,
)
from ledger.i18n import Catalogue
from ledger.registers import (
    FileVersionCache,
    Register,
    RegisterColumn,
    RegisterError,
    RegisterRow,
    RegisterSpec,
    normalise_name,
    read_register,
)

REGISTER = RegisterSpec(
    "救助对象登记册 (beneficiary register)",
    (
        RegisterColumn("number", ("登记号", "登记编号", "救助编号", "编号", "register number")),
        RegisterColumn("name", ("姓名", "孕产妇姓名", "救助对象", "救助对象姓名", "name")),
        RegisterColumn(
            "id",
            ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "ID number"),
        ),
        RegisterColumn("township", ("乡镇", "乡镇（街道）", "所在乡镇", "乡镇街道", "township")),
        RegisterColumn("village", ("村", "村（居）", "村居", "所在村", "village"), required=False),
        RegisterColumn(
            "basis",
            ("认定依据", "救助依据", "困难类型", "困难类别", "救助类别", "资格类别", "eligibility"),
        ),
        RegisterColumn("evidence", ("证明材料", "证明文件", "佐证材料", "认定文件", "evidence")),
        RegisterColumn(
            "evidence_date",
            ("证明日期", "认定日期", "证明材料日期", "证明文件日期", "evidence date"),
            "date",
        ),
        RegisterColumn(
            "notice_start",
            ("公示开始", "公示开始日期", "公示起", "公示起始日期", "notice from"),
            "date",
        ),
        RegisterColumn(
            "notice_end",
            ("公示结束", "公示结束日期", "公示截止", "公示截止日期", "公示止", "notice to"),
            "date",
        ),
        RegisterColumn(
            "pregnancy_start",
            ("末次月经", "末次月经日期", "孕期开始", "怀孕日期", "pregnancy from"),
            "date",
            required=False,
        ),
        RegisterColumn(
            "pregnancy_end",
            ("分娩日期", "预产期", "孕期结束", "终止妊娠日期", "pregnancy to"),
            "date",
            required=False,
        ),
    ),
    key="number",
)

ROSTER_AMOUNT_BOUND = Decimal(1_000_000_000)
"""A roster's amount cell at or above this is refused: an identity number (or another number)
typed into the column, read as 990,102,199,201,010,642.00, is no one's subsidy."""

ROSTER = RegisterSpec(
    "花名册 (roster)",
    (
        RegisterColumn("number", ("登记号", "登记编号", "救助编号", "编号", "register number")),
        RegisterColumn(
            "amount",
            ("金额", "金额（元）", "补助金额", "补助金额（元）", "发放金额", "救助金额", "amount"),
            "amount",
            bound=ROSTER_AMOUNT_BOUND,
        ),
        RegisterColumn(
            "visits",
            ("人次", "次数", "检查次数", "孕检次数", "visits"),
            "count",
            required=False,
        ),
    ),
    key="number",
    unique_key=False,
)

#: What a roster's total row starts with: it is not a woman, and is left out.
TOTAL_ROWS = frozenset({"合计", "总计", "total"})

PREGNANCY_DAYS = 300
"""How long a pregnancy is taken to last when the register gives only one of its ends."""


class Beneficiary(NamedTuple):
    """One row of the register: one woman's one pregnancy."""

    number: str
    """The register number (登记号): identifies the pregnancy."""
    line: int
    """The row in the register file."""
    name: str
    identity: Identity
    township: str | None
    village: str | None
    basis: str | None
    evidence: str | None
    evidence_date: datetime.date | None
    notice_start: datetime.date | None
    notice_end: datetime.date | None
    pregnancy_start: datetime.date | None
    pregnancy_end: datetime.date | None
    woman: str = ""
    """Who she is, without her identity number: the first register number with her number
    (her own when the register gives none)."""

    @property
    def pregnancy(self) -> tuple[datetime.date, datetime.date] | None:
        """The pregnancy's first and last day, as far as the register tells; None if not."""
        start, end = self.pregnancy_start, self.pregnancy_end
        if start is None and end is None:
            return None
        days = datetime.timedelta(days=PREGNANCY_DAYS)
        start = start if start is not None else end - days  # type: ignore[operator]
        end = end if end is not None else start + days
        return start, end


class Misplaced(NamedTuple):
    """A register number or name that looks like an identity number.

    A typing slip, or two columns swapped: the number would show wherever the register number
    or name is shown, so it is a `config` finding at its row.
    """

    line: int
    field: str
    """`number` or `name`."""
    column: str
    """The column's heading, as the file writes it."""
    masked: str
    """The cell, masked."""


class BeneficiaryRegister(NamedTuple):
    """The register as read: its rows by register number, and its file's digest."""

    path: str
    rows: Mapping[str, Beneficiary]
    sha256: str
    misplaced: tuple[Misplaced, ...] = ()
    """The register numbers and names that look like identity numbers."""

    def __repr__(self) -> str:
        # Rows hold identity numbers: never show them by accident.
        return f"<BeneficiaryRegister {os.path.basename(self.path)}: {len(self.rows)} rows>"


class RosterLine(NamedTuple):
    """One line of a roster: a register number, the amount paid, the visits paid for."""

    line: int
    number: str
    amount: Decimal
    visits: int | None


class Roster(NamedTuple):
    """A roster as read: its lines (the total row left out), and its columns' headings."""

    lines: list[RosterLine]
    headings: Mapping[str, str]
    """Each field's column heading as the file writes it (`登记号`, `金额（元）`), for messages."""

    def __repr__(self) -> str:
        return f"<Roster: {len(self.lines)} lines>"


class UnreadableError(Exception):
    """A register or roster that cannot be read; said with any identity number masked.

    Args:
        error: the reading's error, naming the file, row and column.
    """

    def __init__(self, error: RegisterError) -> None:
        self.error = error
        self.path = error.path
        self.row = error.row
        super().__init__(self.say(Catalogue(error.language)))

    def say(self, messages: Catalogue) -> str:
        """The place and what is wrong, in `messages`' language, identity numbers masked."""
        return mask_in_text(self.error.say(messages))


def _beneficiary(row: RegisterRow) -> Beneficiary:
    get = row.values.get

    def text(field: str) -> str | None:
        value = get(field)
        return str(value) if value is not None else None

    def date(field: str) -> datetime.date | None:
        value = get(field)
        return value if isinstance(value, datetime.date) else None

    return Beneficiary(
        number=str(row.values["number"]),
        line=row.line,
        name=text("name") or "",
        identity=parse_identity(get("id")),
        township=text("township"),
        village=text("village"),
        basis=text("basis"),
        evidence=text("evidence"),
        evidence_date=date("evidence_date"),
        notice_start=date("notice_start"),
        notice_end=date("notice_end"),
        pregnancy_start=date("pregnancy_start"),
        pregnancy_end=date("pregnancy_end"),
    )


_REGISTERS: FileVersionCache[BeneficiaryRegister] = FileVersionCache(256)
_ROSTERS: FileVersionCache[Roster] = FileVersionCache(256)


def forget_readings() -> None:
    """Drop every register and roster read so far, so the next load reads them afresh."""
    _REGISTERS.clear()
    _ROSTERS.clear()


def _read(path: str, spec: RegisterSpec) -> Register:
    try:
        return read_register(path, spec)
    except RegisterError as error:
        raise UnreadableError(error) from None


def read_beneficiaries(path: str) -> BeneficiaryRegister:
    """The beneficiary register at `path`, read once per version of the file.

    Raises:
        UnreadableError: the file is missing or cannot be read as a register (a missing
            column, a repeated register number, a cell that does not read).
    """

    def make() -> BeneficiaryRegister:
        register = _read(path, REGISTER)
        rows: dict[str, Beneficiary] = {}
        first: dict[str, str] = {}
        misplaced: list[Misplaced] = []
        for row in register.rows:
            read = _beneficiary(row)
            woman = first.setdefault(read.identity.text, read.number) if read.identity.text else ""
            rows[read.number] = read._replace(woman=woman or read.number)
            for field, value in (("number", read.number), ("name", read.name)):
                if looks_like_identity(value):
                    heading = register.headings.get(field, field)
                    misplaced.append(Misplaced(row.line, field, heading, mask(value)))
        return BeneficiaryRegister(path, rows, register.sha256, tuple(misplaced))

    try:
        return _REGISTERS.get(path, make)
    except RegisterError as error:
        raise UnreadableError(error) from None


def read_roster(path: str) -> Roster:
    """The roster at `path`, read once per version of the file.

    Raises:
        UnreadableError: the file is missing or cannot be read as a roster.
    """

    def make() -> Roster:
        roster = _read(path, ROSTER)
        lines = [
            RosterLine(
                row.line,
                str(row.values["number"]),
                row.values.get("amount") or Decimal(0),  # type: ignore[arg-type]
                row.values.get("visits"),  # type: ignore[arg-type]
            )
            for row in roster.rows
            if normalise_name(str(row.values["number"])) not in TOTAL_ROWS
        ]
        return Roster(lines, roster.headings)

    try:
        return _ROSTERS.get(path, make)
    except RegisterError as error:
        raise UnreadableError(error) from None
