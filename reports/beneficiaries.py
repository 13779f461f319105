"""The beneficiaries report (救助对象花名册): who the relief money went to, per fiscal year.

For each year, every woman paid (by register number): her masked identity number, township,
basis of eligibility, each payment with its date, voucher, payee, subsidy and amount, and the
findings it raised; her total for the year under them. Payments that pay nobody the register
knows follow, so the year's total is what the beneficiaries account paid out. A second table
sets each woman's totals against the standards (per pregnancy, per visit, per year). The
figures and judgements are the load's beneficiary analysis (`GrantLedger.beneficiaries`),
which the rules read too.

Identity numbers are always masked (first 6 and last 4 characters); names too when the ledger
says `mask-names: TRUE` on its `grant-beneficiaries`. The masked register of the pack
(`masked_register`) is made here as well.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from ledger.activity import ZERO
from ledger.beneficiaries.analysis import BeneficiaryAnalysis
from ledger.beneficiaries.identity import mask_in_text, mask_name
from ledger.beneficiaries.payments import Payment, Share
from ledger.beneficiaries.register import Beneficiary
from ledger.beneficiaries.standards import Position
from ledger.model import Year
from reports.context import ReportContext
from reports.labels import Labels
from reports.table import Row, Table

#: The masked register's header: the register's own words, the identity column marked masked
#: (so it is never read back as the register).
MASKED_HEADER = (
    "登记号",
    "姓名",
    "身份证号（脱敏）",
    "乡镇",
    "村（居）",
    "认定依据",
    "证明材料",
    "证明日期",
    "公示开始",
    "公示结束",
    "末次月经",
    "预产期",
)

#: What a spreadsheet would take for a formula at the start of a cell (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def display_name(analysis: BeneficiaryAnalysis, row: Beneficiary | None) -> str | None:
    """A woman's name as the reports show it: masked when the ledger asks for it."""
    if row is None:
        return None
    return mask_name(row.name) if analysis.mask_names else row.name


def _shares_of_year(analysis: BeneficiaryAnalysis, year: Year) -> dict[str, list[tuple]]:
    """The year's shares by register number: (payment, share) in ledger order."""
    found: dict[str, list[tuple[Payment, Share]]] = defaultdict(list)
    for payment in analysis.payments:
        if payment.year == year:
            for share in payment.shares:
                found[share.number].append((payment, share))
    return found


def roster_table(ctx: ReportContext, year: Year) -> Table:
    """The year's roster of beneficiaries: each woman's payments and her total."""
    t = ctx.labels
    analysis = ctx.grant.beneficiaries
    rows: list[Row] = []
    total = ZERO
    visits_total = 0
    for number, shares in sorted(_shares_of_year(analysis, year).items()):
        woman = shares[0][1].beneficiary
        her_total = ZERO
        her_visits = 0
        for payment, share in shares:
            entry = payment.entry
            rules = analysis.rules_for(entry, number)
            rows.append(
                Row(
                    {
                        "year": year,
                        "register_no": number,
                        "beneficiary": display_name(analysis, woman),
                        "id_masked": woman.identity.masked if woman else None,
                        "township": woman.township if woman else None,
                        "village": woman.village if woman else None,
                        "eligibility": woman.basis if woman else None,
                        "date": entry.date,
                        "voucher": _text(entry.meta.get("voucher")),
                        "payee": entry.payee,
                        "subsidy": ctx.label(share.account),
                        "visits": share.visits,
                        "amount": share.amount,
                        "rules_broken": ", ".join(dict.fromkeys(rules)) or None,
                        # Where the payment is, for the Fava page's link (not a column).
                        "file": entry.meta.get("filename"),
                        "line": entry.meta.get("lineno"),
                    }
                )
            )
            her_total += share.amount
            her_visits += share.visits or 0
        rows.append(
            Row(
                {
                    "year": year,
                    "register_no": number,
                    "subsidy": t("woman-total", number=number),
                    "visits": her_visits or None,
                    "amount": her_total,
                },
                "subtotal",
            )
        )
        total += her_total
        visits_total += her_visits
    # Payments that pay nobody the register knows of: naming nobody, a roster that is unread.
    for payment in analysis.payments:
        if payment.year != year or payment.shares:
            continue
        entry = payment.entry
        for account, amount in payment.accounts.items():
            rows.append(
                Row(
                    {
                        "year": year,
                        "date": entry.date,
                        "voucher": _text(entry.meta.get("voucher")),
                        "payee": entry.payee,
                        "subsidy": ctx.label(account),
                        "amount": amount,
                        "rules_broken": ", ".join(dict.fromkeys(analysis.rules_for(entry))) or None,
                        "file": entry.meta.get("filename"),
                        "line": entry.meta.get("lineno"),
                    }
                )
            )
            total += amount
    if rows:
        rows.append(
            Row(
                {"year": year, "register_no": t("total"), "visits": visits_total, "amount": total},
                "total",
            )
        )
    return Table(
        "rows",
        t.year_title("title-beneficiaries", year, [year]),
        t.columns(
            ("register_no", "text"),
            ("beneficiary", "text"),
            ("id_masked", "text"),
            ("township", "text"),
            ("village", "text"),
            ("eligibility", "text"),
            ("date", "date"),
            ("voucher", "text"),
            ("payee", "text"),
            ("subsidy", "text"),
            ("visits", "count"),
            ("amount", "money"),
            ("rules_broken", "text"),
        ),
        rows,
        _notes(t, analysis, year),
        t("title-beneficiaries"),
    )


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def _notes(t: Labels, analysis: BeneficiaryAnalysis, year: Year) -> list[str]:
    setup = analysis.setup
    if setup is None:
        return [t("note-no-register")]
    notes = [t("note-masked")]
    if analysis.mask_names:
        notes.append(t("note-names-masked"))
    if year <= setup.date.year:
        notes.insert(0, t("note-before-register", date=setup.date))
    return notes


def _standard_text(t: Labels, position: Position) -> str:
    standard = position.standard
    if standard is None:
        return ""
    if standard.basis == "per-visit":
        return t("basis-per-visit", rate=f"{standard.number:,.2f}", visits=standard.visits)
    return t(f"basis-{standard.basis}")


def standards_table(ctx: ReportContext, year: Year) -> Table:
    """Each woman paid in the year against each standard that applies to her."""
    t = ctx.labels
    analysis = ctx.grant.beneficiaries
    rows: list[Row] = []
    for number, shares in sorted(_shares_of_year(analysis, year).items()):
        woman = shares[0][1].beneficiary
        if woman is None:
            continue
        for position in analysis.positions_of(number):
            per_year = position.group[1] == "per-year"
            if per_year and position.period != year:
                continue
            standard = position.standard
            rows.append(
                Row(
                    {
                        "year": year,
                        "register_no": number,
                        "id_masked": woman.identity.masked,
                        "subsidy": ctx.label(position.group[0]),
                        "standard": _standard_text(t, position),
                        "period": (
                            t("period-year", year=year)
                            if per_year
                            else t("period-pregnancy", number=number)
                        ),
                        "limit": standard.limit if standard is not None else None,
                        "her_total": position.total,
                        "visits": position.visits or None,
                        "over_standard": position.over,
                    }
                )
            )
    return Table(
        "standards",
        t.year_title("title-beneficiary-standards", year, [year]),
        t.columns(
            ("register_no", "text"),
            ("id_masked", "text"),
            ("subsidy", "text"),
            ("standard", "text"),
            ("period", "text"),
            ("limit", "money"),
            ("her_total", "money"),
            ("visits", "count"),
            ("over_standard", "flag"),
        ),
        rows,
        name=t("title-beneficiary-standards"),
    )


def build(ctx: ReportContext) -> list[Table]:
    """The `beneficiaries` report's tables: per year, the roster and the standards."""
    tables = []
    for year in ctx.years:
        tables.append(roster_table(ctx, year))
        tables.append(standards_table(ctx, year))
    return tables


def _safe(cell: object) -> str:
    # The identity column is masked already; a number typed in another column is masked here.
    text = "" if cell is None else mask_in_text(str(cell))
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def masked_register(analysis: BeneficiaryAnalysis, year: Year) -> bytes | None:
    """The register's rows of the women paid in `year`, identity numbers masked, as CSV.

    The pack holds this unless its maker asks for the full register. Returns None when the
    ledger has no readable register.
    """
    register = analysis.register
    if register is None:
        return None
    paid = {share.number for p in analysis.payments if p.year == year for share in p.shares}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MASKED_HEADER)
    for row in register.rows.values():
        if row.number not in paid:
            continue
        writer.writerow(
            [
                _safe(cell)
                for cell in (
                    row.number,
                    display_name(analysis, row),
                    row.identity.masked,
                    row.township,
                    row.village,
                    row.basis,
                    row.evidence,
                    row.evidence_date,
                    row.notice_start,
                    row.notice_end,
                    row.pregnancy_start,
                    row.pregnancy_end,
                )
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
