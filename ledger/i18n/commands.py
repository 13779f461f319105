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
    "report.unknown-kind": {
        "zh": "没有名为 {kind} 的报表：请选择 {kinds} 之一。",
        "en": "there is no report {kind}: choose one of {kinds}",
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
    "link.undated": {
        "zh": "{copy}：未关联，凭证号 {voucher} 在多个期间都有分录（{where}），而文件名中没有日期，无法判断属于哪一期：请在文件名前加上所属分录的日期（如 {example}），或在 Fava 日记账中把扫描件拖到正确的分录上",
        "en": "{copy}: not linked, voucher {voucher} is used in several periods ({where}) and the file's name carries no date, so its period cannot be told: put its entry's date in front of the name (such as {example}), or drag the scan onto the right entry in Fava's journal",
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
    "close.no-amounts": {
        "zh": "专项资金指令没有给出任何金额（grant-source 或 grant-budget 的金额及币种）：无可结账。",
        "en": "the grant's directives give no amount (the amount and currency of a grant-source or grant-budget): there is nothing to close",
    },
    "cli.error": {
        "zh": "错误：{message}",
        "en": "Error: {message}",
    },
    "report.choose-year": {
        "zh": "{error}；请用 --year 选择其中一个年度",
        "en": "{error}; choose one with --year",
    },
    "report.cannot-write": {
        "zh": "无法写入 {output}：{reason}；请用 --output 另选位置",
        "en": "cannot write {output}: {reason}; choose another --output",
    },
    "close.already-closed": {
        "zh": "{year} 年度已于 {where} 结账。",
        "en": "{year} is already closed at {where}",
    },
    "close.too-early": {
        "zh": "{year} 年度的结账日期应在 {end} 当天或之后，而不是 {day}：年度结束后请用 --date 指定结账日期。",
        "en": "a close of {year} must be dated on or after {end}, not {day}: once the year has ended, pass --date",
    },
    "close.after-today": {
        "zh": "结账日期 {day} 晚于今天（{today}）：不能预先结账，请在年度结束后、用不晚于今天的日期结账。",
        "en": "the close is dated {day}, after today ({today}): a year cannot be closed in advance; close it with a date no later than today",
    },
    "close.not-covered": {
        "zh": "账簿中没有 {year} 年度（账簿涵盖 {first}–{last} 年度）。",
        "en": "the ledger's books do not cover {year} (they cover {first}–{last})",
    },
    "close.earlier-open": {
        "zh": "{earlier} 年度尚未结账：请按年度顺序先结账 {earlier} 年度。",
        "en": "close {earlier} first: years are closed in order",
    },
    "close.previous-unsealed": {
        "zh": "{previous} 年度已结账但尚未封存：请先运行 `mch-ledger close {previous} 账簿文件 --seal`，{year} 年度的封存须接续它。",
        "en": "{previous} is closed but not sealed: run `mch-ledger close {previous} LEDGER --seal` first, as the seal of {year} follows it",
    },
    "close.has-errors": {
        "zh": "{year} 年度还有 {count} 个错误，不能结账：请先更正以上问题，再结账。",
        "en": "{year} cannot be closed while it has {count} error finding(s): correct them, then close again",
    },
    "close.books-short": {
        "zh": '{year} 年度的账簿只记到{evidence}，距 12 月 31 日还有 {days} 天（最多允许 {margin} 天）：请先导入该年度最后的银行对账单（仅存放在文档文件夹中、未导入的对账单不算），或补记年末余额断言；如确需现在结账，请加 --reason "原因"，原因将记入结账指令。',
        "en": 'the books of {year} stop at {evidence}, {days} day(s) before 31 December (at most {margin} allowed): import the year\'s last bank statement (one merely on file does not count) or add the year-end balance assertion first; to close anyway, give --reason "WHY", which the close records',
    },
    "close.evidence-balance": {
        "zh": " {day}（专户最后一次余额断言）",
        "en": "{day} (the dedicated account's last balance assertion)",
    },
    "close.evidence-entry": {
        "zh": " {day}（专户最后一笔分录；该年度没有余额断言）",
        "en": "{day} (the dedicated account's last entry; the year has no balance assertion)",
    },
    "close.evidence-none": {
        "zh": "（该年度专户没有任何分录或余额断言）",
        "en": "nothing (the dedicated account has no entry or balance assertion in the year)",
    },
    "close.done": {
        "zh": "已结账 {year} 年度：结账指令已追加到 {ledger}（原文件保留为 {backup}），封存文件 {seal_file}，封存摘要 {seal}",
        "en": "closed {year}: appended to {ledger} (previous version: {backup}); seal file {seal_file}, seal {seal}",
    },
    "close.did-not-hold": {
        "zh": "{year} 年度的结账写入后未能通过检查，账簿已恢复原样。",
        "en": "the close of {year} did not hold; the ledger was left unchanged",
    },
    "close.seal-not-closed": {
        "zh": "{year} 年度尚未结账：封存只适用于已结账的年度，请先结账（结账时会同时封存）。",
        "en": "{year} is not closed: --seal is for a year already closed (a close seals the year itself)",
    },
    "close.seal-already": {
        "zh": "{year} 年度已封存（{where}）。",
        "en": "{year} is already sealed ({where})",
    },
    "close.seal-figures-moved": {
        "zh": "{year} 年度的账簿已与结账时的数字不符（{count} 个错误）：只有账簿仍与结账数字一致时才能封存，请先恢复改动。",
        "en": "the books of {year} no longer give the figures of its close ({count} error finding(s)): a year is sealed only while they do; undo the changes first",
    },
    "close.sealed": {
        "zh": "已封存 {year} 年度：封存文件 {seal_file}，封存摘要 {seal}，已写入 {ledger}（原文件保留为 {backup}）",
        "en": "sealed {year}: seal file {seal_file}, seal {seal}, recorded in {ledger} (previous version: {backup})",
    },
    "close.seal-with-options": {
        "zh": "--seal 只封存已有的结账，不接受 --date 或 --reason。",
        "en": "--seal seals an existing close and takes no --date or --reason",
    },
    "write.failed": {
        "zh": "无法写入 {file}：{reason}。未作任何改动。",
        "en": "cannot write {file}: {reason}; nothing was changed",
    },
    "pack.no-year": {
        "zh": "{ledger}：账簿中没有可供打包的年度。",
        "en": "{ledger}: the books have no fiscal year to pack",
    },
    "pack.no-folder": {
        "zh": "无法写入 {target}：文件夹 {folder} 不存在。",
        "en": "cannot write {target}: folder {folder} does not exist",
    },
    "pack.folder-exists": {
        "zh": "{target} 已存在：请用 --output 另选一个新文件夹或 .zip 文件。",
        "en": "{target} already exists: choose a new folder or a .zip with --output",
    },
    "pack.handed-out": {
        "zh": "{target} 已作为交付资料记入复制件登记簿，不能覆盖：请用 --output 另选文件名。",
        "en": "{target} is recorded in the copy register as handed out and is never overwritten: choose another name with --output",
    },
    "pack.cannot-write": {
        "zh": "无法写入 {target}：{reason}。未写入任何资料。",
        "en": "cannot write {target}: {reason}; nothing was written",
    },
    "pack.register-unreadable": {
        "zh": "无法读取救助对象登记册 {path}，检查资料未写出",
        "en": "cannot read the beneficiary register {path}; the pack was not written",
    },
    "pack.outside-code": {
        "zh": "账簿位于 mch-ledger 自身的代码文件夹中：检查资料和复制件登记簿不放进代码仓库，而是存放在 {folder}",
        "en": "the ledger is in mch-ledger's own code folder: packs and the copy register go to {folder}, outside the code's repository",
    },
    "pack.register-outside": {
        "zh": "救助对象登记册 {path} 不在账簿文件夹之内，不放入检查资料：请把登记册移入账簿文件夹（如 registers/）。检查资料未写出",
        "en": "the beneficiary register {path} lies outside the books' folders and never goes into a pack: move it into them (registers/, say); the pack was not written",
    },
    "pack.register-failed": {
        "zh": "无法写入复制件登记簿 {register}：{reason}。检查资料未写出。",
        "en": "cannot write the copy register {register}: {reason}; the pack was not written",
    },
    "verify.no-sums": {
        "zh": "检查资料中没有 {name}：无法确认资料完整。",
        "en": "the pack has no {name}: its files cannot be checked",
    },
    "verify.file-missing": {
        "zh": "{name} 列在 SHA256SUMS 中，但资料中没有该文件。",
        "en": "{name} is listed in SHA256SUMS but missing from the pack",
    },
    "verify.file-altered": {
        "zh": "{name} 的内容与 SHA256SUMS 记录的不同：资料已被改动。",
        "en": "{name} differs from its digest in SHA256SUMS: the pack was altered",
    },
    "verify.file-added": {
        "zh": "{name} 不在 SHA256SUMS 中：资料被加入了文件。",
        "en": "{name} is not listed in SHA256SUMS: a file was added to the pack",
    },
    "verify.no-manifest": {
        "zh": "{pack}：没有可读的 {name}，不是 mch-ledger 生成的检查资料。",
        "en": "{pack}: no readable {name}; not an inspection pack made by mch-ledger",
    },
    "verify.not-sealed-pack": {
        "zh": "资料所属的 {year} 年度在生成时尚未结账封存：无法与账簿核对，只能核对其自身的校验和。",
        "en": "{year} was not closed and sealed when the pack was made: it cannot be matched with the books, only with its own checksums",
    },
    "verify.books-not-sealed": {
        "zh": "账簿中 {year} 年度没有已封存的结账：与资料不符。",
        "en": "the books have no sealed close of {year}: they do not match the pack",
    },
    "verify.other-seal": {
        "zh": "账簿中 {year} 年度结账的封存摘要为 {books}，资料中为 {pack}：资料生成后，该年度的账目或结账已被改写。",
        "en": "the books' close of {year} has the seal {books}, the pack carries {pack}: the year's entries or close were rewritten after the pack was made",
    },
    "verify.books-changed": {
        "zh": "账簿已与 {year} 年度的封存不符（{count} 处改动，见上表）。",
        "en": "the books no longer hold to the seal of {year} ({count} change(s), listed above)",
    },
    "verify.seal-file": {
        "zh": "资料中 {year} 年度的封存文件缺失或与结账记录的摘要不符。",
        "en": "the pack's seal file of {year} is missing or does not have the seal's digest",
    },
    "verify.copy-not-sealed": {
        "zh": "资料中的复印件 {name} 不是封存时的文件。",
        "en": "the pack's copy {name} is not one the seal lists",
    },
    "verify.evaluation-total": {
        "zh": "{year} 年度绩效自评总分：账簿现为 {books}，资料中为 {pack}。",
        "en": "the self-evaluation of {year} totals {books} in the books, {pack} in the pack",
    },
    "verify.evaluation-grade": {
        "zh": "{year} 年度自评等级：账簿现为 {books}，资料中为 {pack}。",
        "en": "the self-evaluation of {year} is graded {books} in the books, {pack} in the pack",
    },
    "verify.evaluation-value": {
        "zh": "指标「{name}」的{what}：账簿现为 {books}，资料中为 {pack}。",
        "en": 'indicator "{name}": its {what} is {books} in the books, {pack} in the pack',
    },
    "verify.what-actual": {"zh": "实际完成值", "en": "actual value"},
    "verify.what-score": {"zh": "得分", "en": "score"},
    "verify.evaluation-gone": {
        "zh": "资料对指标「{name}」评了分，账簿现在 {year} 年度已没有该指标。",
        "en": 'the pack scores indicator "{name}", which the books no longer have for {year}',
    },
    "verify.evaluation-new": {
        "zh": "账簿现在 {year} 年度有指标「{name}」，资料中没有。",
        "en": 'the books now score indicator "{name}" for {year}, which the pack does not have',
    },
    "verify.evaluation-evidence": {
        "zh": "指标「{name}」的佐证材料与资料中的 {pack} 不同（内容已改动、已更换或不在账簿中）。",
        "en": 'the evidence of indicator "{name}" in the books is not the pack\'s {pack} (its content changed, it was replaced, or it is no longer on file)',
    },
    "verify.evaluation-unreadable": {
        "zh": "资料中的绩效自评记录 {name} 无法读取：资料已被改动。",
        "en": "the pack's self-evaluation record {name} does not read: the pack was altered",
    },
    "verify.no-evaluation": {
        "zh": "资料中没有绩效自评记录 {name}（由较早版本生成）：未核对自评得分",
        "en": "the pack carries no self-evaluation record {name} (made by an earlier version): its scores were not compared",
    },
    "verify.matches": {
        "zh": "{pack} 与账簿相符：{year} 年度，封存摘要 {seal}。",
        "en": "{pack} matches the books: fiscal year {year}, seal {seal}",
    },
    "verify.differs": {
        "zh": "{pack} 与账簿不符（{year} 年度）。",
        "en": "{pack} does not match the books ({year})",
    },
}
