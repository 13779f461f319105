"""The asset register (固定资产卡片): one card per item, in the file a `grant-assets` names.

Under the rules for public institutions every fixed asset has its card (一物一卡): what it is,
what it cost, who received and accepted it, who keeps it and where, and what became of it. The
register is a table with one row per card, headed with the names an accountant would type:

    卡片编号     资产名称      规格型号   数量  单价      供应商          验收日期    验收单号
    ZC-2026-001  新生儿监护仪  NB-M300    1     19330.00  宁州医疗器械…   2026-03-20  YS-2026-03
    保管人  存放地点      状态  变动日期  审批文号
    李秀梅  产科新生儿室  在用

A card's value is its quantity times its unit price. Its state is 在用 (in use, also an empty
cell), 调拨 (transferred) or 报废 (scrapped); a change of state carries its date and approval,
and the register may keep where and with whom the item was before it (原存放地点, 原保管人), so
a stocktake sheet of an earlier date shows it there.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ledger.registers import (
    FileVersionCache,
    RegisterColumn,
    RegisterError,
    RegisterRow,
    RegisterSpec,
    read_register,
)

IN_USE = "在用"
TRANSFERRED = "调拨"
SCRAPPED = "报废"
STATES = (IN_USE, TRANSFERRED, SCRAPPED)

CARD_REGISTER = RegisterSpec(
    "固定资产卡片登记表",
    (
        RegisterColumn("card", ("卡片编号", "资产编号", "卡片号", "card")),
        RegisterColumn("name", ("资产名称", "名称", "name")),
        RegisterColumn("model", ("规格型号", "型号", "规格", "model")),
        RegisterColumn("quantity", ("数量", "quantity"), "count"),
        RegisterColumn("unit_price", ("单价", "单价（元）", "unit price"), "amount"),
        RegisterColumn("supplier", ("供应商", "供货单位", "销售单位", "supplier")),
        RegisterColumn("received", ("验收日期", "到货验收日期", "取得日期", "received"), "date"),
        RegisterColumn("acceptance", ("验收单号", "验收单", "验收记录", "acceptance")),
        RegisterColumn("custodian", ("保管人", "使用人", "责任人", "custodian")),
        RegisterColumn("location", ("存放地点", "存放位置", "使用科室", "location")),
        RegisterColumn("state", ("状态", "使用状态", "资产状态", "state")),
        RegisterColumn(
            "changed", ("变动日期", "状态变动日期", "处置日期", "changed"), "date", False
        ),
        RegisterColumn("approval", ("审批文号", "批准文号", "处置审批", "approval"), "text", False),
        RegisterColumn(
            "former_location",
            ("原存放地点", "变动前存放地点", "原使用科室", "former location"),
            "text",
            False,
        ),
        RegisterColumn(
            "former_custodian",
            ("原保管人", "变动前保管人", "原使用人", "former custodian"),
            "text",
            False,
        ),
    ),
    key="card",
)


class Card(NamedTuple):
    """One card of the asset register."""

    number: str
    name: str | None
    model: str | None
    quantity: int
    unit_price: Decimal
    supplier: str | None
    received: datetime.date | None
    """The date it was received and accepted (验收日期)."""
    acceptance: str | None
    """The acceptance record (验收单号)."""
    custodian: str | None
    location: str | None
    state: str
    changed: datetime.date | None
    """The date of its change of state (transferred, scrapped)."""
    approval: str | None
    """The approval of its change of state (审批文号)."""
    former_location: str | None
    """Where it was before its change of state (原存放地点), when the register keeps it."""
    former_custodian: str | None
    """Who kept it before its change of state (原保管人), when the register keeps it."""
    path: str
    line: int

    @property
    def value(self) -> Decimal:
        """What the card is worth: its quantity times its unit price (原值)."""
        return self.quantity * self.unit_price

    @property
    def source(self) -> dict[str, Any]:
        """Where the card is, as a finding's source: the register's file and row."""
        return {"filename": self.path, "lineno": self.line}

    def held_on(self, day: datetime.date) -> bool:
        """Whether the institute holds the item on `day`: received by then and not gone."""
        if self.received is not None and self.received > day:
            return False
        return self.state == IN_USE or self.changed_after(day)

    def changed_after(self, day: datetime.date) -> bool:
        """Whether its change of state (transferred, scrapped) is dated after `day`."""
        return self.state != IN_USE and self.changed is not None and self.changed > day

    def as_on(self, day: datetime.date) -> Card:
        """The card as it stood on `day`, before a change of state dated after it.

        The item was then in use, where and with whom the register says it was before the
        change (原存放地点, 原保管人); where the register keeps only the current place, there.
        """
        if not self.changed_after(day):
            return self
        return self._replace(
            state=IN_USE,
            location=self.former_location or self.location,
            custodian=self.former_custodian or self.custodian,
            changed=None,
            approval=None,
        )


def _text(row: RegisterRow, field: str) -> str | None:
    value = row.get(field)
    return str(value) if value is not None else None


def _card(path: Path, row: RegisterRow, headings: dict[str, str]) -> Card:
    """The card of one row, or a `RegisterError` naming the row and the column at fault."""
    quantity = row.get("quantity")
    if quantity is None:
        quantity = 1
    if not isinstance(quantity, int) or quantity < 1:
        raise RegisterError(
            path, "assets-register-quantity", row.line, headings["quantity"], value=quantity
        )
    price = row.get("unit_price")
    if not isinstance(price, Decimal) or price < 0:
        raise RegisterError(path, "assets-register-no-price", row.line, headings["unit_price"])
    state = _text(row, "state") or IN_USE
    if state not in STATES:
        raise RegisterError(
            path,
            "assets-register-state",
            row.line,
            headings["state"],
            text=state,
            states=", ".join(STATES),
        )
    received = row.get("received")
    changed = row.get("changed")
    return Card(
        str(row.get("card")),
        _text(row, "name"),
        _text(row, "model"),
        quantity,
        price,
        _text(row, "supplier"),
        received if isinstance(received, datetime.date) else None,
        _text(row, "acceptance"),
        _text(row, "custodian"),
        _text(row, "location"),
        state,
        changed if isinstance(changed, datetime.date) else None,
        _text(row, "approval"),
        _text(row, "former_location"),
        _text(row, "former_custodian"),
        str(path),
        row.line,
    )


_CACHE: FileVersionCache[tuple[Card, ...]] = FileVersionCache(16)


def read_cards(path: str | Path) -> tuple[Card, ...]:
    """The cards of the register at `path`, in the register's order.

    Read once per version of the file: cached by path, size and modification time, so Fava's
    reloads and the commands' loads do not read an unchanged register again.

    Raises:
        RegisterError: the file cannot be read, lacks a column, repeats a card number, or has a
            cell that does not read (a date, an amount, a quantity, a state).
    """
    path = Path(path)

    def make() -> tuple[Card, ...]:
        register = read_register(path, CARD_REGISTER)
        headings = dict(register.headings)
        return tuple(_card(path, row, headings) for row in register.rows)

    return _CACHE.get(path, make)
