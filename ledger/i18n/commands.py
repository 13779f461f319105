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
