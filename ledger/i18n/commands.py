"""The command line's words: summaries, refusals and errors of `mch-ledger`'s subcommands."""

COMMANDS: dict[str, dict[str, str]] = {
    "validate.summary": {
        "zh": "{ledger}（{scope}）：{errors} 个错误，{warnings} 个警告",
        "en": "{errors} error(s), {warnings} warning(s) in {ledger} ({scope})",
    },
    "validate.clean": {
        "zh": "{ledger}（{scope}）：未发现问题",
        "en": "{ledger} ({scope}): no findings",
    },
    "validate.all-years": {
        "zh": "全部年度",
        "en": "all fiscal years",
    },
    "validate.no-years": {
        "zh": "没有任何年度",
        "en": "no fiscal year",
    },
    "validate.no-year": {
        "zh": "账簿没有 {year} 年度的数据：账簿涵盖{span}。请用 --year 选择其中一个年度。",
        "en": "the books have no data for {year}: they cover {span}; choose one of them with --year",
    },
    "validate.column-where": {
        "zh": "文件:行",
        "en": "FILE:LINE",
    },
    "validate.column-date": {
        "zh": "日期",
        "en": "DATE",
    },
    "validate.column-severity": {
        "zh": "级别",
        "en": "SEVERITY",
    },
    "validate.column-rule": {
        "zh": "规则",
        "en": "RULE",
    },
    "validate.column-message": {
        "zh": "说明",
        "en": "MESSAGE",
    },
    "link.line": {
        "zh": "{where}  {entry}  {key} ← {copy}",
        "en": "{where}  {entry}  {key} <- {copy}",
    },
    "link.sealed": {
        "zh": "{year} 年度已结账，账目不再改动：该年度 {count} 个带凭证号的复印件未关联",
        "en": "fiscal year {year} is closed and its books are sealed: {count} copies named for its vouchers are left unlinked",
    },
    "link.ambiguous": {
        "zh": "{copy}：未关联，凭证号 {voucher} 在同一期间有多笔分录（{where}）：请在 Fava 日记账中把扫描件拖到正确的分录上，或更正重号",
        "en": "{copy}: not linked, voucher {voucher} names several entries of one period ({where}): drag the scan onto the right entry in Fava's journal, or correct the duplicate numbers",
    },
    "link.nothing": {
        "zh": "没有需要关联的复印件：documents 目录中带凭证号的文件都已关联",
        "en": "nothing to link: every file under the documents folders that carries a voucher number is linked already",
    },
    "link.dry-run": {
        "zh": "试运行：将为 {entries} 笔分录关联 {count} 个复印件，未写入任何文件",
        "en": "dry run: {count} copies would be linked to {entries} entries; nothing written",
    },
    "link.done": {
        "zh": "已为 {entries} 笔分录关联 {count} 个复印件（原文件保存为 {backups}）",
        "en": "linked {count} copies to {entries} entries (previous versions kept as {backups})",
    },
    "link.changed": {
        "zh": "{file} 在读取后被改动（{detail}），未写入任何文件：请重新运行",
        "en": "{file} changed after it was read ({detail}); nothing written: run again",
    },
    "link.broke": {
        "zh": "关联后账簿出现新的错误（{detail}），已恢复原文件，未作改动",
        "en": "the links would break the books ({detail}): every file was put back as it was",
    },
    "no-grant": {
        "zh": (
            "{ledger} 没有声明专项资金（没有 grant-account、grant-source 或 grant-category 指令），"
            "没有专项资金账目可供检查或编制报表，不能视为检查通过。请在账簿开头声明专户、资金来源、支出类别及其预算，例如：\n"
            '  2024-01-01 custom "grant-account" Assets:Bank:Special "项目专户"\n'
            '  2024-01-01 custom "grant-source" Income:Grant:Provincial 100000.00 CNY "省级补助"\n'
            '  2024-01-01 custom "grant-category" Expenses:Program:Training "人才培养"\n'
            '  2024-01-01 custom "grant-budget" Expenses:Program:Training 30000.00 CNY\n'
            "详见 README 的“The directives”一节。"
        ),
        "en": (
            "{ledger} declares no grant (no grant-account, grant-source or grant-category "
            "directive): there are no grant books to check or report, so it has not passed. Declare the "
            "dedicated account, the funding sources and the categories with their budgets at the "
            "top of the ledger, for example:\n"
            '  2024-01-01 custom "grant-account" Assets:Bank:Special "dedicated account"\n'
            '  2024-01-01 custom "grant-source" Income:Grant:Provincial 100000.00 CNY "province"\n'
            '  2024-01-01 custom "grant-category" Expenses:Program:Training "training"\n'
            '  2024-01-01 custom "grant-budget" Expenses:Program:Training 30000.00 CNY\n'
            'See "The directives" in the README.'
        ),
    },
}
