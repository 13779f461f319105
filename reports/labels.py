"""The reports' words in Chinese (the default) and English: titles, headings, row labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reports.table import Column, ColumnKind

LANGUAGES = ("zh", "en")

#: key -> (Chinese, English). Templates are `str.format` strings.
LABELS: dict[str, tuple[str, str]] = {
    # -- report titles ---------------------------------------------------------------------
    "title-budget": ("预算执行情况表", "Budget execution"),
    "title-funding": ("资金到位情况表", "Funds in place"),
    "title-tranches": ("拨款到账明细", "Tranches received"),
    "title-ledger": ("明细账", "Ledgers"),
    "title-general-ledger": ("总账（{account}）", "General ledger ({account})"),
    "title-subsidiary-ledger": ("明细账（{label}）", "Subsidiary ledger ({label})"),
    "sheet-general-ledger": ("总账", "General ledger"),
    "sheet-subsidiary-ledger": ("明细账-{label}", "Ledger {label}"),
    "title-vouchers": ("凭证登记簿", "Voucher register"),
    "title-numbering": ("凭证编号问题", "Voucher numbering"),
    "title-balances": ("结转结余表", "Carry-forward and surplus"),
    "title-findings": ("检查发现问题", "Findings"),
    "title-pack": ("专项检查资料", "Inspection pack"),
    "pack-file": ("{year}年度专项检查资料", "inspection-pack-{year}"),
    "of-year": ("{year}年度", "fiscal year {year}"),
    "all-years": ("{first}—{last}年度", "fiscal years {first}–{last}"),
    # -- column headings -------------------------------------------------------------------
    "year": ("年度", "Year"),
    "code": ("科目编码", "Code"),
    "account": ("科目", "Account"),
    "label": ("项目", "Item"),
    "category": ("支出类别", "Category"),
    "source": ("资金来源", "Source"),
    "budget": ("年度预算", "Budget"),
    "carried_in": ("上年结转", "Carried in"),
    "available": ("可用预算", "Available"),
    "spent": ("本年支出", "Spent"),
    "remaining": ("预算余额", "Remaining"),
    "execution": ("执行率", "Execution"),
    "carried_out": ("结转下年", "Carried out"),
    "lapsed": ("结余", "Lapsed"),
    "closed": ("已结账", "Closed"),
    "planned": ("计划拨款", "Planned"),
    "received": ("实际到位", "Received"),
    "late": ("结账后到位", "After the close"),
    "tranches": ("笔数", "Tranches"),
    "matches": ("配套对象", "Matches"),
    "ratio": ("配套比例", "Ratio"),
    "required": ("应配套", "Required"),
    "shortfall": ("配套缺口", "Shortfall"),
    "met": ("足额到位", "Met"),
    "date": ("日期", "Date"),
    "grant_year": ("所属年度", "Allocation year"),
    "voucher": ("凭证号", "Voucher"),
    "payee": ("对方单位", "Payee"),
    "narration": ("摘要", "Narration"),
    "counter_account": ("对方科目", "Counter account"),
    "amount": ("金额", "Amount"),
    "debit": ("借方", "Debit"),
    "credit": ("贷方", "Credit"),
    "balance": ("余额", "Balance"),
    "document": ("凭证复印件", "Voucher copy"),
    "where": ("位置", "Where"),
    "copies": ("复印件数", "Copies"),
    "attachments": ("附件张数", "Attachments"),
    "on_file": ("复印件在档", "Copy on file"),
    "status": ("状态", "Status"),
    "problem": ("问题", "Problem"),
    "opening": ("期初余额", "Opening balance"),
    "other": ("其他收支净额", "Other, net"),
    "returned": ("上缴结余", "Returned"),
    "payables": ("应付款增加", "Payables increase"),
    "closing": ("期末余额", "Closing balance"),
    "bank": ("专户账面余额", "Dedicated account"),
    "difference": ("差额", "Difference"),
    "receivable": ("应到未到", "Still to receive"),
    "lapsed_returned": ("结余已上缴", "Lapsed, returned"),
    "lapsed_outstanding": ("结余待上缴", "Lapsed, to return"),
    "severity": ("级别", "Severity"),
    "rule": ("规则", "Rule"),
    "message": ("说明", "Message"),
    # -- words in rows ---------------------------------------------------------------------
    "and": ("、", ", "),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "not-required": ("—", "—"),
    "subtotal": ("{year}年合计", "Total {year}"),
    "total": ("合计", "Total"),
    "brought-forward": ("上年结转", "Brought forward"),
    "year-total": ("本年合计", "Year total"),
    "status-ok": ("正常", "ok"),
    "status-duplicate": ("重号", "duplicate"),
    "status-no-copy": ("缺复印件", "copy missing"),
    "status-no-number": ("缺凭证号", "no voucher number"),
    "problem-gap": ("缺号", "missing number"),
    "problem-duplicate": ("重号（{count}次）", "used {count} times"),
    "problem-unparsed": ("格式不符", "unusual format"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "open-year": ("未结账", "open"),
    # -- notes -----------------------------------------------------------------------------
    "note-unit-yuan": ("金额单位：元（{currency}）", "Amounts in yuan ({currency})"),
    "note-unit-wan": ("金额单位：万元（{currency}）", "Amounts in 10,000 yuan ({currency})"),
    "note-open-year": (
        "{year}年度尚未结账：结转与结余在结账时确定。",
        "{year} is not closed: carry-forward and lapsed funds are settled at the close.",
    ),
    "note-findings": (
        "账簿有 {errors} 个错误、{warnings} 个警告，详见“检查发现问题”。",
        "The books have {errors} error(s) and {warnings} warning(s): see Findings.",
    ),
    "note-no-findings": ("未发现问题。", "No findings."),
    "note-late": (
        "结账后到位的资金不计入当年到位数，配套按结账时的到位数核定。",
        "Money received after a year's close is not counted for that year's match.",
    ),
    "note-balances": (
        "期末余额 = 期初余额 + 实际到位 − 本年支出 − 上缴结余 + 其他收支净额 + 应付款增加，"
        "并与专户账面余额核对。",
        "Closing = opening + received − spent − returned + other, net + payables increase, "
        "checked against the dedicated account.",
    ),
    "note-returned": (
        "上缴的结余按先到期先上缴计入各年度。",
        "Returns of lapsed funds are applied to the oldest lapsed funds first.",
    ),
    # -- charts ----------------------------------------------------------------------------
    "chart-budget": ("支出与可用预算", "Spending against the budget available"),
    "chart-funding": ("资金到位与应配套", "Funds received, and the match required"),
    "legend-available": ("可用预算", "available"),
    "legend-spent": ("已支出", "spent"),
    "legend-near": ("接近预算（≥90%）", "near the limit (≥90%)"),
    "legend-over": ("超预算", "over budget"),
    "legend-received": ("实际到位", "received"),
    "legend-short": ("配套不足", "match short"),
    "legend-required": ("应配套金额", "match required"),
    "contents": ("目录", "Contents"),
    # -- the stamp -------------------------------------------------------------------------
    "stamp-ledger": ("账簿", "Ledger"),
    "stamp-sha256": ("账簿文件 SHA-256", "SHA-256 of the ledger's files"),
    "stamp-commit": ("git 提交", "git commit"),
    "stamp-dirty": ("（有未提交的修改）", " (with uncommitted changes)"),
    "stamp-no-git": ("不在 git 仓库中", "not in a git repository"),
    "stamp-made": ("生成时间", "Made"),
    # -- the grant page in Fava --------------------------------------------------------------
    "fava-title": ("专项资金", "Grant"),
    "fava-heading": ("{year}年度专项资金", "Grant, fiscal year {year}"),
    "fava-years": ("年度", "Fiscal year"),
    "fava-carryforward": ("{label}结转情况", "Carry-forward of {label}"),
    "fava-lapsed": ("结余资金", "Lapsed funds"),
    "fava-findings": ("{year}年度检查发现问题", "Findings, fiscal year {year}"),
    "fava-findings-count": (
        "{errors} 个错误、{warnings} 个警告",
        "{errors} error(s), {warnings} warning(s)",
    ),
    "fava-downloads": ("{year}年度专项检查资料", "Inspection pack, fiscal year {year}"),
    "fava-xlsx": ("Excel 工作簿", "Excel workbook"),
    "fava-html": ("HTML 打印版", "HTML, printable"),
    "fava-zip": ("全套资料（zip，含凭证复印件）", "Whole pack (zip, with the voucher copies)"),
    "fava-show-source": ("在编辑器中打开 {where}", "Open {where} in the editor"),
    "fava-no-grant": (
        "此账簿没有声明专项资金（grant-account、grant-category、grant-source 指令），详见 README。",
        "This ledger declares no grant (grant-account, grant-category, grant-source "
        "directives): see the README.",
    ),
    "fava-no-data": (
        "账簿没有{year}年度的专项资金数据：账簿涵盖{span}。请在时间筛选中选择其中一个年度。",
        "The books have no grant data for {year}: they cover {span}. Choose one of those years "
        "in the time filter.",
    ),
    "fava-several-years": (
        "时间筛选（{begin} 至 {end}）跨越多个年度：专项资金按年度核算，"
        "请在时间筛选中选择一个年度。",
        "The time filter ({begin} to {end}) spans several fiscal years: the grant is accounted "
        "per fiscal year, so choose one year in the time filter.",
    ),
    "fava-part-of-year": (
        "时间筛选为 {begin} 至 {end}：专项资金按年度核算，本页显示{year}年全年的数据。",
        "The time filter covers {begin} to {end}: the grant is accounted per fiscal year, so "
        "this page shows the whole of {year}.",
    ),
    "fava-other-filters": (
        "账户筛选和高级筛选不适用于本页：本页显示该年度全部专项资金数据。",
        "The account and advanced filters do not apply here: the page shows all of the year's "
        "grant figures.",
    ),
    "fava-bad-year": (
        "年度参数无效：{value}。请给出账簿涵盖的年度（{span}）。",
        "Not a fiscal year of the books: {value}. Give one of {span}.",
    ),
}


class Labels:
    """The reports' words in one language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}: choose from {', '.join(LANGUAGES)}")
        self.language = language
        self._index = LANGUAGES.index(language)

    def __call__(self, key: str, /, **fields: Any) -> str:
        """The word or phrase `key`, filled in with `fields`."""
        return LABELS[key][self._index].format(**fields)

    def column(self, key: str, kind: ColumnKind) -> Column:
        """A column whose heading is the label of its key."""
        return Column(key, kind, self(key))

    def columns(self, *spec: tuple[str, ColumnKind]) -> list[Column]:
        """Columns from (key, kind) pairs."""
        return [self.column(key, kind) for key, kind in spec]

    def year_title(self, base: str, year: int | None, years: list[int], **fields: Any) -> str:
        """The title `base` (filled in with `fields`) with the year(s) a report covers."""
        name = self(base, **fields)
        if year is not None:
            span = self("of-year", year=year)
        elif years:
            span = self("all-years", first=years[0], last=years[-1])
        else:
            return name
        return f"{span}{name}" if self.language == "zh" else f"{name}, {span}"

    def join(self, items: Iterable[str]) -> str:
        """Items joined as a list."""
        return self("and").join(items)
