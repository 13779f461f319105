"""The reports' words: titles, column headings, row labels, notes, the grant page in Fava."""

REPORTS: dict[str, dict[str, str]] = {
    "title-budget": {
        "zh": "预算执行情况表",
        "en": "Budget execution",
    },
    "title-funding": {
        "zh": "资金到位情况表",
        "en": "Funds in place",
    },
    "title-tranches": {
        "zh": "拨款到账明细",
        "en": "Tranches received",
    },
    "title-ledger": {
        "zh": "明细账",
        "en": "Ledgers",
    },
    "title-general-ledger": {
        "zh": "总账（{account}）",
        "en": "General ledger ({account})",
    },
    "title-subsidiary-ledger": {
        "zh": "明细账（{label}）",
        "en": "Subsidiary ledger ({label})",
    },
    "sheet-general-ledger": {
        "zh": "总账",
        "en": "General ledger",
    },
    "sheet-subsidiary-ledger": {
        "zh": "明细账-{label}",
        "en": "Ledger {label}",
    },
    "title-vouchers": {
        "zh": "凭证登记簿",
        "en": "Voucher register",
    },
    "title-numbering": {
        "zh": "凭证编号问题",
        "en": "Voucher numbering",
    },
    "title-balances": {
        "zh": "结转结余表",
        "en": "Carry-forward and surplus",
    },
    "title-findings": {
        "zh": "检查发现问题",
        "en": "Findings",
    },
    "title-pack": {
        "zh": "专项检查资料",
        "en": "Inspection pack",
    },
    "pack-file": {
        "zh": "{year}年度专项检查资料",
        "en": "inspection-pack-{year}",
    },
    "of-year": {
        "zh": "{year}年度",
        "en": "fiscal year {year}",
    },
    "all-years": {
        "zh": "{first}—{last}年度",
        "en": "fiscal years {first}–{last}",
    },
    "year": {
        "zh": "年度",
        "en": "Year",
    },
    "code": {
        "zh": "科目编码",
        "en": "Code",
    },
    "account": {
        "zh": "科目",
        "en": "Account",
    },
    "label": {
        "zh": "项目",
        "en": "Item",
    },
    "category": {
        "zh": "支出类别",
        "en": "Category",
    },
    "source": {
        "zh": "资金来源",
        "en": "Source",
    },
    "budget": {
        "zh": "年度预算",
        "en": "Budget",
    },
    "carried_in": {
        "zh": "上年结转",
        "en": "Carried in",
    },
    "available": {
        "zh": "可用预算",
        "en": "Available",
    },
    "spent": {
        "zh": "本年支出",
        "en": "Spent",
    },
    "remaining": {
        "zh": "预算余额",
        "en": "Remaining",
    },
    "execution": {
        "zh": "执行率",
        "en": "Execution",
    },
    "carried_out": {
        "zh": "结转下年",
        "en": "Carried out",
    },
    "lapsed": {
        "zh": "结余",
        "en": "Lapsed",
    },
    "closed": {
        "zh": "已结账",
        "en": "Closed",
    },
    "planned": {
        "zh": "计划拨款",
        "en": "Planned",
    },
    "received": {
        "zh": "实际到位",
        "en": "Received",
    },
    "late": {
        "zh": "结账后到位",
        "en": "After the close",
    },
    "tranches": {
        "zh": "笔数",
        "en": "Tranches",
    },
    "matches": {
        "zh": "配套对象",
        "en": "Matches",
    },
    "ratio": {
        "zh": "配套比例",
        "en": "Ratio",
    },
    "required": {
        "zh": "应配套",
        "en": "Required",
    },
    "shortfall": {
        "zh": "配套缺口",
        "en": "Shortfall",
    },
    "met": {
        "zh": "足额到位",
        "en": "Met",
    },
    "date": {
        "zh": "日期",
        "en": "Date",
    },
    "period": {
        "zh": "期间",
        "en": "Period",
    },
    "grant_year": {
        "zh": "所属年度",
        "en": "Allocation year",
    },
    "voucher": {
        "zh": "凭证号",
        "en": "Voucher",
    },
    "payee": {
        "zh": "对方单位",
        "en": "Payee",
    },
    "narration": {
        "zh": "摘要",
        "en": "Narration",
    },
    "counter_account": {
        "zh": "对方科目",
        "en": "Counter account",
    },
    "amount": {
        "zh": "金额",
        "en": "Amount",
    },
    "debit": {
        "zh": "借方",
        "en": "Debit",
    },
    "credit": {
        "zh": "贷方",
        "en": "Credit",
    },
    "balance": {
        "zh": "余额",
        "en": "Balance",
    },
    "document": {
        "zh": "凭证复印件",
        "en": "Voucher copy",
    },
    "where": {
        "zh": "位置",
        "en": "Where",
    },
    "copies": {
        "zh": "复印件数",
        "en": "Copies",
    },
    "attachments": {
        "zh": "附件张数",
        "en": "Attachments",
    },
    "on_file": {
        "zh": "复印件在档",
        "en": "Copy on file",
    },
    "status": {
        "zh": "状态",
        "en": "Status",
    },
    "problem": {
        "zh": "问题",
        "en": "Problem",
    },
    "opening": {
        "zh": "期初余额",
        "en": "Opening balance",
    },
    "other": {
        "zh": "其他收支净额",
        "en": "Other, net",
    },
    "returned": {
        "zh": "上缴结余",
        "en": "Returned",
    },
    "payables": {
        "zh": "应付款增加",
        "en": "Payables increase",
    },
    "closing": {
        "zh": "期末余额",
        "en": "Closing balance",
    },
    "bank": {
        "zh": "专户账面余额",
        "en": "Dedicated account",
    },
    "difference": {
        "zh": "差额",
        "en": "Difference",
    },
    "receivable": {
        "zh": "应到未到",
        "en": "Still to receive",
    },
    "lapsed_returned": {
        "zh": "结余已上缴",
        "en": "Lapsed, returned",
    },
    "lapsed_outstanding": {
        "zh": "结余待上缴",
        "en": "Lapsed, to return",
    },
    "severity": {
        "zh": "级别",
        "en": "Severity",
    },
    "rule": {
        "zh": "规则",
        "en": "Rule",
    },
    "message": {
        "zh": "说明",
        "en": "Message",
    },
    "yes": {
        "zh": "是",
        "en": "yes",
    },
    "no": {
        "zh": "否",
        "en": "no",
    },
    "not-required": {
        "zh": "—",
        "en": "—",
    },
    "subtotal": {
        "zh": "{year}年合计",
        "en": "Total {year}",
    },
    "total": {
        "zh": "合计",
        "en": "Total",
    },
    "brought-forward": {
        "zh": "上年结转",
        "en": "Brought forward",
    },
    "year-total": {
        "zh": "本年合计",
        "en": "Year total",
    },
    "status-ok": {
        "zh": "正常",
        "en": "ok",
    },
    "status-duplicate": {
        "zh": "重号",
        "en": "duplicate",
    },
    "status-no-copy": {
        "zh": "缺复印件",
        "en": "copy missing",
    },
    "status-outside": {
        "zh": "复印件在账簿之外",
        "en": "copy outside the books",
    },
    "status-not-text": {
        "zh": "凭证号不是文本",
        "en": "number not text",
    },
    "status-bad-attachments": {
        "zh": "附件张数有误",
        "en": "attachments malformed",
    },
    "status-no-number": {
        "zh": "缺凭证号",
        "en": "no voucher number",
    },
    "problem-gap": {
        "zh": "缺号",
        "en": "missing number",
    },
    "problem-duplicate": {
        "zh": "重号（{count}次）",
        "en": "used {count} times",
    },
    "problem-unparsed": {
        "zh": "格式不符",
        "en": "unusual format",
    },
    "error": {
        "zh": "错误",
        "en": "error",
    },
    "warning": {
        "zh": "警告",
        "en": "warning",
    },
    "open-year": {
        "zh": "未结账",
        "en": "open",
    },
    "note-unit-yuan": {
        "zh": "金额单位：元（{currency}）",
        "en": "Amounts in yuan ({currency})",
    },
    "note-unit-wan": {
        "zh": "金额单位：万元（{currency}）",
        "en": "Amounts in 10,000 yuan ({currency})",
    },
    "note-rounding": {
        "zh": "尾差说明：{total}中，{figures}。金额按万元显示时逐项四舍五入，合计按元计算后换算，以合计为准。",
        "en": "Rounding: in {total}, {figures}. In 10,000 yuan each figure is rounded on its own; the total is worked out in yuan, then rounded, and is the one to rely on.",
    },
    "note-rounding-column": {
        "zh": "“{column}”各行相加为 {rows}，合计为 {total}",
        "en": "the {column} rows add up to {rows} while the total shows {total}",
    },
    "note-rounding-equation": {
        "zh": "尾差说明：{figures}。金额按万元显示时逐项四舍五入，“{result}”按元计算后换算，以显示的“{result}”为准。",
        "en": "Rounding: {figures}. In 10,000 yuan each figure is rounded on its own; {result} is worked out in yuan, then rounded, and is the one to rely on.",
    },
    "note-rounding-equation-row": {
        "zh": "{row}：{formula} = {sum}，而“{result}”显示为 {shown}",
        "en": "{row}: {formula} = {sum}, while {result} shows {shown}",
    },
    "note-rounding-equation-more": {
        "zh": "；另有 {count} 行同样",
        "en": "; and {count} more row(s) likewise",
    },
    "note-rounding-previous": {
        "zh": "上一行{column}",
        "en": "previous {column}",
    },
    "note-rounding-opening": {
        "zh": "期初{column}",
        "en": "opening {column}",
    },
    "note-rounding-row": {
        "zh": "{year}年度{name}",
        "en": "{name} {year}",
    },
    "note-rounding-separator": {
        "zh": "；",
        "en": "; ",
    },
    "none-row": {
        "zh": "无",
        "en": "None",
    },
    "note-open-year": {
        "zh": "{year}年度尚未结账：结转与结余在结账时确定。",
        "en": "{year} is not closed: carry-forward and lapsed funds are settled at the close.",
    },
    "note-findings": {
        "zh": "账簿有 {errors} 个错误、{warnings} 个警告，详见“检查发现问题”。",
        "en": "The books have {errors} error(s) and {warnings} warning(s): see Findings.",
    },
    "note-no-findings": {
        "zh": "未发现问题。",
        "en": "No findings.",
    },
    "note-late": {
        "zh": "结账后到位的资金不计入当年到位数，配套按结账时的到位数核定。",
        "en": "Money received after a year's close is not counted for that year's match.",
    },
    "note-balances": {
        "zh": "期末余额 = 期初余额 + 实际到位 − 本年支出 − 上缴结余 + 其他收支净额 + 应付款增加，并与专户账面余额核对。",
        "en": "Closing = opening + received − spent − returned + other, net + payables increase, checked against the dedicated account.",
    },
    "note-returned": {
        "zh": "上缴的结余按先到期先上缴计入各年度。",
        "en": "Returns of lapsed funds are applied to the oldest lapsed funds first.",
    },
    "chart-budget": {
        "zh": "支出与可用预算",
        "en": "Spending against the budget available",
    },
    "chart-funding": {
        "zh": "资金到位与应配套",
        "en": "Funds received, and the match required",
    },
    "legend-available": {
        "zh": "可用预算",
        "en": "available",
    },
    "legend-spent": {
        "zh": "已支出",
        "en": "spent",
    },
    "legend-near": {
        "zh": "接近预算（≥90%）",
        "en": "near the limit (≥90%)",
    },
    "legend-over": {
        "zh": "超预算",
        "en": "over budget",
    },
    "legend-received": {
        "zh": "实际到位",
        "en": "received",
    },
    "legend-short": {
        "zh": "配套不足",
        "en": "match short",
    },
    "legend-required": {
        "zh": "应配套金额",
        "en": "match required",
    },
    "contents": {
        "zh": "目录",
        "en": "Contents",
    },
    "stamp-ledger": {
        "zh": "账簿",
        "en": "Ledger",
    },
    "stamp-sha256": {
        "zh": "账簿文件 SHA-256",
        "en": "SHA-256 of the ledger's files",
    },
    "stamp-commit": {
        "zh": "git 提交",
        "en": "git commit",
    },
    "stamp-dirty": {
        "zh": "（有未提交的修改）",
        "en": " (with uncommitted changes)",
    },
    "stamp-no-git": {
        "zh": "不在 git 仓库中",
        "en": "not in a git repository",
    },
    "stamp-made": {
        "zh": "生成时间",
        "en": "Made",
    },
    "fava-title": {
        "zh": "专项资金",
        "en": "Grant",
    },
    "fava-heading": {
        "zh": "{year}年度专项资金",
        "en": "Grant, fiscal year {year}",
    },
    "fava-years": {
        "zh": "年度",
        "en": "Fiscal year",
    },
    "fava-carryforward": {
        "zh": "{label}结转情况",
        "en": "Carry-forward of {label}",
    },
    "fava-lapsed": {
        "zh": "结余资金",
        "en": "Lapsed funds",
    },
    "fava-findings": {
        "zh": "{year}年度检查发现问题",
        "en": "Findings, fiscal year {year}",
    },
    "fava-findings-count": {
        "zh": "{errors} 个错误、{warnings} 个警告",
        "en": "{errors} error(s), {warnings} warning(s)",
    },
    "fava-downloads": {
        "zh": "{year}年度专项检查资料",
        "en": "Inspection pack, fiscal year {year}",
    },
    "fava-xlsx": {
        "zh": "Excel 工作簿",
        "en": "Excel workbook",
    },
    "fava-html": {
        "zh": "HTML 打印版",
        "en": "HTML, printable",
    },
    "fava-zip": {
        "zh": "全套资料（zip，含凭证复印件）",
        "en": "Whole pack (zip, with the voucher copies)",
    },
    "fava-show-source": {
        "zh": "在编辑器中打开 {where}",
        "en": "Open {where} in the editor",
    },
    "fava-no-years": {
        "zh": "账簿还没有专项资金的收支，没有可显示的年度：记入第一笔拨款或支出后即可查看。",
        "en": "The books have no grant receipt or payment yet, so no fiscal year to show: book the first one to see it here.",
    },
    "fava-no-data": {
        "zh": "账簿没有{year}年度的专项资金数据：账簿涵盖{span}。请在时间筛选中选择其中一个年度。",
        "en": "The books have no grant data for {year}: they cover {span}. Choose one of those years in the time filter.",
    },
    "fava-several-years": {
        "zh": "时间筛选（{begin} 至 {end}）跨越多个年度：专项资金按年度核算，请在时间筛选中选择一个年度。",
        "en": "The time filter ({begin} to {end}) spans several fiscal years: the grant is accounted per fiscal year, so choose one year in the time filter.",
    },
    "fava-part-of-year": {
        "zh": "时间筛选为 {begin} 至 {end}：专项资金按年度核算，本页显示{year}年全年的数据。",
        "en": "The time filter covers {begin} to {end}: the grant is accounted per fiscal year, so this page shows the whole of {year}.",
    },
    "fava-other-filters": {
        "zh": "账户筛选和高级筛选不适用于本页：本页显示该年度全部专项资金数据。",
        "en": "The account and advanced filters do not apply here: the page shows all of the year's grant figures.",
    },
    "fava-account-link-label": {
        "zh": "{account} 的 {year} 年度日记账（按年）",
        "en": "The journal of {account} in {year}, by year",
    },
    "fava-account-link-spent": {
        "zh": "{account} 的 {year} 年度变更（按年）：与本页“本年支出”一致",
        "en": "The changes of {account} in {year}, by year: the spending shown here",
    },
    "fava-bad-year": {
        "zh": "年度参数无效：{value}。请给出账簿涵盖的年度（{span}）。",
        "en": "Not a fiscal year of the books: {value}. Give one of {span}.",
    },
}
