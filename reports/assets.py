"""The fixed-asset report (固定资产登记表): the cards, the payments, the stocktake sheet.

Auditors check that the books, the cards and the devices on the shelf agree. The report holds:

- the cards (固定资产卡片): each card of the register with what it is, its value, its acceptance,
  custodian, location and state, the vouchers of the payments naming it with their copies, what
  they paid and the difference from the card's value;
- the payments and cards (大额设备付款与卡片核对): each payment to an account a `grant-assets`
  covers that is at or above its threshold or names cards, with what went to cards, what was
  exempt and what names no card; a subtotal per year;
- the stocktake sheet (固定资产盘点表): the items held at the year's end (or on the books' last
  day), each where and with whom it was that day, grouped by location and custodian, with
  blank columns to count and tick on the ward;
- the procurement records (采购记录), when the ledger has a `grant-procurement`: each purchase
  at or above its threshold with its record.

Everything is the load's one judgement (`ledger.assets.analysis.AssetAnalysis`), the same the
rules report. A register that does not read refuses the report (`RegisterError`), so nothing
half-done is written.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from beancount.core import data

from ledger.activity import ZERO
from ledger.assets.analysis import AssetAnalysis, CardAccount, category_label
from ledger.assets.payments import AssetPayment
from ledger.assets.procurement import PurchasePayment
from ledger.assets.register import IN_USE, Card
from ledger.documents import voucher_copies
from ledger.i18n import CATALOGUE
from ledger.model import year_end
from reports.context import ReportContext
from reports.labels import Labels
from reports.table import Column, ColumnKind, Row, Table


def _columns(t: Labels, *spec: tuple[str, ColumnKind]) -> list[Column]:
    """Columns headed with the asset words, or the reports' shared ones (date, voucher …)."""
    return [
        Column(key, kind, t(f"assets-col-{key}") if f"assets-col-{key}" in CATALOGUE else t(key))
        for key, kind in spec
    ]


def _vouchers(payments: Iterable[AssetPayment | PurchasePayment]) -> str | None:
    numbers = dict.fromkeys(str(p.entry.meta.get("voucher") or p.entry.date) for p in payments)
    return " ".join(numbers) or None


def _copies(payments: Iterable[AssetPayment]) -> str | None:
    names = dict.fromkeys(
        value for payment in payments for value in voucher_copies(payment.entry.meta).values()
    )
    return "; ".join(names) or None


def card_status(analysis: AssetAnalysis, account: CardAccount | None, card: Card) -> str:
    """The key of a card's status: paid as its value, being paid, differing, or unpaid."""
    if account is None:
        before = card.received is not None and card.received < analysis.register_start(card)
        return "assets-card-before" if before else "assets-card-unpaid"
    if account.paid == card.value:
        return "assets-card-ok"
    if analysis.closed_on(account.year) is None:
        return "assets-card-open"
    return "assets-card-mismatch"


def _in_year(card: Card, account: CardAccount | None, year: int | None) -> bool:
    """Whether a card belongs to `year`'s report: paid, received or changed in it."""
    if year is None:
        return True
    paid = account is not None and any(p.year == year for p, _ in account.payments)
    dates = (card.received, card.changed)
    return paid or any(day is not None and day.year == year for day in dates)


def cards_table(ctx: ReportContext, analysis: AssetAnalysis) -> Table:
    """Every card of the registers (in `ctx.year`: paid, received or changed in it)."""
    t = ctx.labels
    rows = []
    total_value = total_paid = ZERO
    for cards in analysis.registers.values():
        for card in cards:
            account = analysis.accounts.get(card.number)
            if not _in_year(card, account, ctx.year):
                continue
            payments = [payment for payment, _ in account.payments] if account else []
            paid = account.paid if account is not None else None
            rows.append(
                Row(
                    {
                        "card": card.number,
                        "name": card.name,
                        "model": card.model,
                        "quantity": card.quantity,
                        "unit_price": card.unit_price,
                        "value": card.value,
                        "supplier": card.supplier,
                        "received": card.received,
                        "acceptance": card.acceptance,
                        "custodian": card.custodian,
                        "location": card.location,
                        "state": card.state,
                        "changed": card.changed,
                        "approval": card.approval,
                        "vouchers": _vouchers(payments),
                        "copies": _copies(payments),
                        "paid": paid,
                        "difference": paid - card.value if paid is not None else None,
                        "status": t(card_status(analysis, account, card)),
                    }
                )
            )
            total_value += card.value
            total_paid += paid or ZERO
    if rows:
        rows.append(Row({"card": t("total"), "value": total_value, "paid": total_paid}, "total"))
    return Table(
        "cards",
        t.year_title("assets-title-cards", ctx.year, ctx.years),
        _columns(
            t,
            ("card", "text"),
            ("name", "text"),
            ("model", "text"),
            ("quantity", "count"),
            ("unit_price", "money"),
            ("value", "money"),
            ("supplier", "text"),
            ("received", "date"),
            ("acceptance", "text"),
            ("custodian", "text"),
            ("location", "text"),
            ("state", "text"),
            ("changed", "date"),
            ("approval", "text"),
            ("vouchers", "text"),
            ("copies", "text"),
            ("paid", "money"),
            ("difference", "money"),
            ("status", "text"),
        ),
        rows,
        [t("assets-note-split")],
        name=t("assets-title-cards"),
    )


def _payment_status(analysis: AssetAnalysis, payment: AssetPayment, missing: set[int]) -> str:
    if payment.threshold is None:
        return "assets-payment-before"
    if payment.cards:
        unknown = analysis.checks_cards(payment) and any(
            c not in analysis.cards for c in payment.cards
        )
        return "assets-payment-unknown" if unknown else "assets-payment-cards"
    if payment.exempt:
        return "assets-payment-exempt"
    return "assets-payment-missing" if id(payment) in missing else ""


def payments_table(ctx: ReportContext, analysis: AssetAnalysis) -> Table:
    """The payments at or above their threshold or naming cards, with a subtotal per year."""
    t = ctx.labels
    config = ctx.config
    missing = {id(found.payment) for found in analysis.missing}
    rows: list[Row] = []
    sums: dict[str, Decimal] = {}
    year = None
    for payment in analysis.payments:
        if ctx.year is not None and payment.year != ctx.year:
            continue
        threshold = payment.threshold
        listed = (
            payment.cards
            or payment.exempt
            or id(payment) in missing
            or (threshold is not None and payment.amount >= threshold.threshold)
        )
        if not listed:
            continue
        if year is not None and payment.year != year:
            rows.append(_payments_subtotal(t, year, sums))
            sums = {}
        year = payment.year
        status = _payment_status(analysis, payment, missing)
        share = {
            "assets-payment-cards": "to_cards",
            "assets-payment-unknown": "to_cards",
            "assets-payment-exempt": "exempted",
            "assets-payment-missing": "without_card",
        }.get(status)
        if share is not None:
            sums[share] = sums.get(share, ZERO) + payment.amount
        sums["amount"] = sums.get("amount", ZERO) + payment.amount
        entry = payment.entry
        rows.append(
            Row(
                {
                    "year": payment.year,
                    "account": payment.account,
                    "date": entry.date,
                    "voucher": entry.meta.get("voucher"),
                    "payee": entry.payee,
                    "narration": entry.narration,
                    "category": category_label(config, payment.account),
                    "amount": payment.amount,
                    "threshold": threshold.threshold if threshold is not None else None,
                    "cards": " ".join(payment.cards) or None,
                    "exempt": payment.exempt,
                    **({share: payment.amount} if share is not None else {}),
                    "status": t(status) if status else None,
                }
            )
        )
    if year is not None:
        rows.append(_payments_subtotal(t, year, sums))
    return Table(
        "payments",
        t.year_title("assets-title-payments", ctx.year, ctx.years),
        _columns(
            t,
            ("date", "date"),
            ("voucher", "text"),
            ("payee", "text"),
            ("narration", "text"),
            ("category", "text"),
            ("amount", "money"),
            ("threshold", "money"),
            ("cards", "text"),
            ("exempt", "text"),
            ("to_cards", "money"),
            ("exempted", "money"),
            ("without_card", "money"),
            ("status", "text"),
        ),
        rows,
        [t("assets-note-payments")],
        name=t("assets-title-payments"),
    )


def _payments_subtotal(t: Labels, year: int, sums: dict[str, Decimal]) -> Row:
    return Row({"year": year, "date": None, "voucher": t("year-total"), **sums}, "subtotal")


def books_last_day(ctx: ReportContext) -> datetime.date | None:
    """The date of the books' last transaction; None for books without one."""
    for entry in reversed(ctx.ledger.entries):
        if isinstance(entry, data.Transaction):
            return entry.date
    return None


def _later_change(t: Labels, card: Card) -> str:
    """The note of a change of state after the sheet's date, on a card kept at its new place."""
    approval = t("assets-stocktake-approval", approval=card.approval) if card.approval else ""
    return t("assets-stocktake-later", changed=card.changed, state=card.state, approval=approval)


def stocktake_table(ctx: ReportContext, analysis: AssetAnalysis) -> Table:
    """The items held at the end of `ctx.year` (or on the books' last day), to count.

    Each as it stood that day: a change of state dated later is not made yet, so the item is in
    use, at its former place when the register keeps it (else at its current one, noted).
    Grouped by location and custodian, each group with its subtotal.
    """
    t = ctx.labels
    day = year_end(ctx.year) if ctx.year is not None else books_last_day(ctx)
    notes: dict[str, str] = {}
    held: list[Card] = []
    for cards in analysis.registers.values():
        for card in cards:
            if day is None:
                if card.state == IN_USE:
                    held.append(card)
                continue
            if not card.held_on(day):
                continue
            if card.changed_after(day) and not card.former_location:
                notes[card.number] = _later_change(t, card)
            held.append(card.as_on(day))
    nobody = t("assets-nobody")
    held.sort(key=lambda card: (card.location or "", card.custodian or "", card.number))
    rows: list[Row] = []
    group: list[Card] = []

    def close_group() -> None:
        if not group:
            return
        first = group[0]
        rows.append(
            Row(
                {
                    "location": first.location,
                    "custodian": first.custodian,
                    "card": t(
                        "assets-group",
                        location=first.location or nobody,
                        custodian=first.custodian or nobody,
                    ),
                    "quantity": sum(card.quantity for card in group),
                    "value": sum((card.value for card in group), ZERO),
                },
                "subtotal",
            )
        )
        group.clear()

    for card in held:
        if group and (group[0].location, group[0].custodian) != (card.location, card.custodian):
            close_group()
        group.append(card)
        rows.append(
            Row(
                {
                    "location": card.location,
                    "custodian": card.custodian,
                    "card": card.number,
                    "name": card.name,
                    "model": card.model,
                    "quantity": card.quantity,
                    "value": card.value,
                    "state": card.state,
                    "note": notes.get(card.number),
                }
            )
        )
    close_group()
    return Table(
        "stocktake",
        t.year_title("assets-title-stocktake", ctx.year, ctx.years),
        _columns(
            t,
            ("location", "text"),
            ("custodian", "text"),
            ("card", "text"),
            ("name", "text"),
            ("model", "text"),
            ("quantity", "count"),
            ("value", "money"),
            ("state", "text"),
            ("counted", "count"),
            ("checked", "text"),
            ("note", "text"),
        ),
        rows,
        [t("assets-note-stocktake", day=day or "—")],
        name=t("assets-title-stocktake"),
    )


def purchases_table(ctx: ReportContext, analysis: AssetAnalysis) -> Table:
    """The purchases at or above their procurement threshold, with their records."""
    t = ctx.labels
    unrecorded = {id(purchase) for purchase in analysis.unrecorded}
    rows = []
    for purchase in analysis.purchases:
        if not purchase.needs_record:
            continue
        if ctx.year is not None and purchase.date.year != ctx.year:
            continue
        records = purchase.records
        if id(purchase) not in unrecorded:
            status = "assets-purchase-recorded"
        elif records:
            status = "assets-purchase-not-found"
        else:
            status = "assets-purchase-missing"
        rows.append(
            Row(
                {
                    "year": purchase.date.year,
                    "date": purchase.date,
                    "voucher": _vouchers(purchase.payments),
                    "contract": purchase.contract,
                    "payee": purchase.payee,
                    "category": category_label(ctx.config, purchase.threshold.account),
                    "total": purchase.total,
                    "threshold": purchase.threshold.threshold,
                    "record": "; ".join(value for _, value in records) or None,
                    "status": t(status),
                }
            )
        )
    return Table(
        "purchases",
        t.year_title("assets-title-purchases", ctx.year, ctx.years),
        _columns(
            t,
            ("date", "date"),
            ("voucher", "text"),
            ("contract", "text"),
            ("payee", "text"),
            ("category", "text"),
            ("total", "money"),
            ("threshold", "money"),
            ("record", "text"),
            ("status", "text"),
        ),
        rows,
        name=t("assets-title-purchases"),
    )


def build(ctx: ReportContext) -> list[Table]:
    """The `assets` report's tables.

    Raises:
        ledger.registers.RegisterError: a register the ledger names does not read.
    """
    analysis = ctx.grant.assets
    if analysis.register_errors:
        raise analysis.register_errors[0]
    t = ctx.labels
    if not analysis.active:
        empty = cards_table(ctx, analysis)
        return [empty._replace(notes=[t("assets-no-register")])]
    tables = [cards_table(ctx, analysis)]
    if ctx.config.assets:
        tables += [payments_table(ctx, analysis), stocktake_table(ctx, analysis)]
    if ctx.config.procurement:
        tables.append(purchases_table(ctx, analysis))
    return tables
