"""The statement importer's words: refusals naming the file, row and column, and the summaries.

Keys start with `import.` (a refusal is placed, and a file that does not read at all is said,
by `ledger/i18n/tables.py`): `import.cell.*`
are a cell's faults, `import.profile.*` a bank profile's, `import.rule.*` an `import-rule`'s,
`import.account.*` say why a statement's account cannot be told, `import.cli.*` are the
command line's own lines. Every refusal keeps saying what to do.
"""

IMPORTS: dict[str, dict[str, str]] = {
    # -- the layout ------------------------------------------------------------------------
    "import.no-header": {
        "zh": "找不到表头行：这是银行对账单吗？",
        "en": "no header row found: is this a bank statement?",
    },
    "import.unknown-layout": {
        "zh": "无法识别的对账单格式。看到的列：{seen}。已尝试的格式：{tried}。请在账簿自己的格式文件夹"
        '（custom "import-profiles"，见 README）中为该银行添加一个格式文件。',
        "en": "unknown statement layout. Columns seen: {seen}. Profiles tried: {tried}. Add a "
        'profile for this bank to the ledger\'s own profiles folder (custom "import-profiles", '
        "see the README).",
    },
    "import.tried.nothing-in-common": {
        "zh": "{id}（{bank}：没有相同的列）",
        "en": "{id} ({bank}: no column in common)",
    },
    "import.tried.differs": {
        "zh": "{id}（{bank}：{differs}）",
        "en": "{id} ({bank}: {differs})",
    },
    "import.tried.missing": {
        "zh": "缺少 {columns}",
        "en": "missing {columns}",
    },
    "import.tried.unexpected": {
        "zh": "多出 {columns}",
        "en": "unexpected {columns}",
    },
    "import.tried.order": {
        "zh": "列的顺序不同",
        "en": "columns in another order",
    },
    "import.tried.none": {
        "zh": "无",
        "en": "none",
    },
    "import.several-profiles": {
        "zh": "有多个格式都能读取（{profiles}）：请修改其中一个格式的表头，使之不同",
        "en": "read by several profiles ({profiles}): make one profile's header differ",
    },
    # -- rows and cells --------------------------------------------------------------------
    "import.cell.no-date": {
        "zh": "没有日期",
        "en": "no date",
    },
    "import.cell.not-a-date": {
        "zh": "{text} 不是日期（可读：2024-03-18、2024/3/18、2024.3.18、2024年3月18日、20240318）",
        "en": "{text} is not a date (read: 2024-03-18, 2024/3/18, 2024.3.18, 2024年3月18日, "
        "20240318)",
    },
    "import.cell.not-a-real-date": {
        "zh": "{text} 不是真实存在的日期",
        "en": "{text} is not a real date",
    },
    "import.cell.not-a-time": {
        "zh": "{text} 不是时间",
        "en": "{text} is not a time of day",
    },
    "import.cell.not-an-amount": {
        "zh": "{text} 不是金额：金额应写作 1,080.00 或 -1,080.00",
        "en": "{text} is not an amount: write amounts as 1,080.00 or -1,080.00",
    },
    "import.cell.sign-and-parentheses": {
        "zh": "{text} 既有括号又有正负号：金额应写作 1,080.00 或 -1,080.00",
        "en": "{text} has both parentheses and a sign: write amounts as 1,080.00 or -1,080.00",
    },
    "import.cell.no-balance": {
        "zh": "没有余额：每一行都要有当时的余额",
        "en": "no balance: every row needs its running balance",
    },
    "import.cell.both-directions": {
        "zh": "{debit_column}（{debit}）和 {credit_column}（{credit}）都有金额：一行只能是一个方向",
        "en": "both {debit_column} ({debit}) and {credit_column} ({credit}) are filled: a row "
        "moves money one way",
    },
    "import.cell.no-amount-either": {
        "zh": "借贷两个方向都没有金额",
        "en": "no amount in either direction",
    },
    "import.cell.no-amount": {
        "zh": "没有金额",
        "en": "no amount",
    },
    "import.cell.not-a-direction": {
        "zh": "{word} 不是借贷方向（{words}）",
        "en": "{word} is not a direction ({words})",
    },
    "import.cell.currency": {
        "zh": "{text} 不是 {currency}",
        "en": "{text} is not {currency}",
    },
    "import.truncated-row": {
        "zh": "最后一行只有 {width} 列中的 {cells} 列：文件看来不完整，请重新下载对账单",
        "en": "the last row has {cells} of the {width} columns: the file looks truncated, "
        "download the statement again",
    },
    "import.row-too-wide": {
        "zh": "这一行有 {cells} 个单元格，表头只有 {width} 列",
        "en": "the row has {cells} cells, the header only {width}",
    },
    "import.no-footer": {
        "zh": "对账单没有结尾行（{footer}）：文件看来不完整，请重新下载对账单",
        "en": "the statement ends without its footer ({footer}): the file looks truncated, "
        "download the statement again",
    },
    "import.page-missing": {
        "zh": "页码行“第 {page} 页 共 {pages} 页”与前一页接不上：有一页缺失或顺序错乱，请重新导出对账单",
        "en": "the page line of page {page} of {pages} does not follow the page before it: a "
        "page is missing or out of order, export the statement again",
    },
    "import.no-rows": {
        "zh": "没有交易行：没有可导入的内容",
        "en": "has no transaction rows: nothing to import",
    },
    "import.several-accounts": {
        "zh": "各行属于多个账户（{numbers}）：请只导出一个账户",
        "en": "rows name several accounts ({numbers}): export one account",
    },
    "import.rows-account-differs": {
        "zh": "各行的账号 {rows} 与表头的账号 {heading} 不同",
        "en": "the rows' account {rows} is not the heading's {heading}",
    },
    "import.ref-reused": {
        "zh": "银行流水号 {ref} 也是第 {other} 行的，但日期、金额或余额不同：流水号必须唯一标识一笔交易",
        "en": "bank reference {ref} is also row {other}'s, with another date, amount or "
        "balance: references must identify one transaction",
    },
    "import.out-of-order": {
        "zh": "各行既不是从旧到新也不是从新到旧（{date} 排在第 {previous} 行的 {previous_date} 之后）",
        "en": "rows are neither oldest first nor newest first (dated {date} after "
        "{previous_date} of row {previous})",
    },
    "import.balance-break": {
        "zh": "余额 {balance} 与上一行接不上（第 {previous} 行：{previous_balance} {amount} = "
        "{expected}）：有一行缺失或被合并，请重新下载对账单",
        "en": "the balance {balance} does not follow from the previous row's (row {previous}: "
        "{previous_balance} {amount} = {expected}): a row is missing or merged, download the "
        "statement again",
    },
    # -- which account ---------------------------------------------------------------------
    "import.account.unknown-number": {
        "zh": '对账单的账号是 {number}，账簿中没有账户以此账号开立（在 open 上写 account-number: "..."；'
        "已知：{known}）",
        "en": "the statement is for account number {number}, which no account of the ledger is "
        'opened with (account-number: "..."; known: {known})',
    },
    "import.account.not-opened": {
        "zh": "--account {account} 不是账簿开立的账户",
        "en": "--account {account} is not an account the ledger opens",
    },
    "import.account.other-number": {
        "zh": "对账单的账号 {number} 属于 {account}，不是 {given}",
        "en": "the statement shows account number {number}, which is {account}'s, not {given}'s",
    },
    "import.account.several-named": {
        "zh": "对账单没有显示账号，而 {accounts} 都在 {key} 中写了 {profile}：请用 --account 指明是哪个账户",
        "en": "the statement shows no account number, and {accounts} all name {profile} in "
        "{key}: say which with --account",
    },
    "import.account.none-shown": {
        "zh": '对账单没有显示账号：请在其账户的 open 上写 {key}: "{profile}"（Fava 也就能导入），'
        "或用 --account 账户 指明",
        "en": 'the statement shows no account number: write {key}: "{profile}" on its '
        "account's open (Fava then imports it too), or name the account with --account ACCOUNT",
    },
    # -- the ledger's import setup ---------------------------------------------------------
    "import.no-ledger": {
        "zh": "没有给导入程序提供账簿",
        "en": "the importer was given no ledger",
    },
    "import.no-rule-no-holding": {
        "zh": '没有 import-rule 匹配这一行，账簿也没有指定待分类账户：请在账簿中加上 `custom "{type}" 账户`'
        "（以及分类规则）",
        "en": "no import-rule matches this row and the ledger names no holding account: add "
        '`custom "{type}" ACCOUNT` (and rules) to the ledger',
    },
    "import.config-finding": {
        "zh": "{finding}",
        "en": "{finding}",
    },
    "import.number-twice": {
        "zh": "账号 {number} 也是 {account} 的账号",
        "en": "account number {number} is also {account}'s",
    },
    "import.rule.wrong-values": {
        "zh": '"{type}" 只接受一个账户，条件写作元数据',
        "en": '"{type}" takes one ACCOUNT, then conditions as metadata',
    },
    "import.rule.unopened": {
        "zh": '"{type}" 记入 {account}，但账簿从未开立该账户',
        "en": '"{type}" books to {account}, which the ledger never opens',
    },
    "import.rule.bad-direction": {
        "zh": "direction 只能是 receipt 或 payment，不能是 {value}",
        "en": "direction must be receipt or payment, not {value}",
    },
    "import.rule.empty-condition": {
        "zh": "{key} 必须是非空字符串（正则表达式）",
        "en": "{key} must be a non-empty string (a regular expression)",
    },
    "import.rule.bad-pattern": {
        "zh": "{key}：{value} 不是正则表达式（{error}）",
        "en": "{key}: {value} is not a regular expression ({error})",
    },
    "import.rule.unknown-condition": {
        "zh": "未知条件 {key}；可用：{known}",
        "en": "unknown condition {key}; known: {known}",
    },
    "import.rule.no-condition": {
        "zh": '"{type}" 需要对方户名、摘要或用途的条件：匹配所有行的规则会掩盖未分类的行（它们应记入 "{holding}"）',
        "en": '"{type}" needs a condition on the counterparty, memo or purpose: a rule matching '
        'every row would hide unclassified ones (they go to "{holding}")',
    },
    "import.statement-profile.bad": {
        "zh": '{key} 应写一个或多个银行格式名，例如 {key}: "abc" 或 "abc, mybank"',
        "en": '{key} must name one or more bank profiles, such as {key}: "abc" or "abc, mybank"',
    },
    "import.statement-profile.unknown": {
        "zh": "{key} 写的 {name} 不是任何银行格式（已有：{known}）",
        "en": "{key} names {name}, which is no bank profile (known: {known})",
    },
    "import.profiles.no-folder": {
        "zh": '"{type}" 指定的文件夹 {folder} 不存在',
        "en": '"{type}" names the folder {folder}, which does not exist',
    },
    "import.fava.outside-request": {
        "zh": "Fava 的导入程序只能在 Fava 的请求中运行",
        "en": "the Fava importers run inside a Fava request only",
    },
    # -- bank profiles ---------------------------------------------------------------------
    "import.profile.unreadable": {
        "zh": "格式文件有误：{error}",
        "en": "bad profile: {error}",
    },
    "import.profile.unknown-keys": {
        "zh": "格式文件有误：未知的键 {keys}；可用：{known}",
        "en": "bad profile: unknown key(s) {keys}; known: {known}",
    },
    "import.profile.missing-key": {
        "zh": "格式文件有误：缺少 {key}",
        "en": "bad profile: {key} is missing",
    },
    "import.profile.bad-name": {
        "zh": "格式文件有误：格式名（文件名）{name} 不能含空格或逗号，请给文件改名",
        "en": "bad profile: its name {name} (the file name) may not hold spaces or commas: "
        "rename the file",
    },
    "import.profile.bad-header": {
        "zh": "格式文件有误：header 必须是按打印样式列出的列名",
        "en": "bad profile: header must be a list of the column names as printed",
    },
    "import.profile.bad-group": {
        "zh": '格式文件有误：header 中的 {entry} 既不是列名，也不是 {{ group = "发生额", columns = '
        '["借方", "贷方"] }} 这样的分组',
        "en": "bad profile: header: {entry} is neither a column name nor a group such as "
        '{{ group = "发生额", columns = ["借方", "贷方"] }}',
    },
    "import.profile.column-twice": {
        "zh": "格式文件有误：header 中 {column} 出现了两次",
        "en": "bad profile: header names the column {column} twice",
    },
    "import.profile.bad-columns": {
        "zh": "格式文件有误：[columns] 必须是“字段 = 列名”的表",
        "en": "bad profile: [columns] must be a table of field = column name",
    },
    "import.profile.unknown-field": {
        "zh": "格式文件有误：[columns] {field}：未知字段；可用：{known}",
        "en": "bad profile: [columns] {field}: unknown field; known: {known}",
    },
    "import.profile.not-in-header": {
        "zh": "格式文件有误：[columns] {field} = {name} 不是 header 中的列",
        "en": "bad profile: [columns] {field} = {name} is not a column of header",
    },
    "import.profile.field-required": {
        "zh": "格式文件有误：[columns] 必须有 {field}",
        "en": "bad profile: [columns] {field} is required",
    },
    "import.profile.amount-columns": {
        "zh": "格式文件有误：[columns] 需要 debit 和 credit，或 amount（可带 direction）",
        "en": "bad profile: [columns] needs debit and credit, or amount (with or without "
        "direction)",
    },
    "import.profile.direction-without-amount": {
        "zh": "格式文件有误：[columns] direction 要与 amount 一起使用",
        "en": "bad profile: [columns] direction goes with amount",
    },
    "import.profile.bad-direction": {
        "zh": "格式文件有误：[direction] 必须给出 debit = [...] 和 credit = [...]",
        "en": "bad profile: [direction] must give debit = [...] and credit = [...]",
    },
    "import.profile.not-strings": {
        "zh": "格式文件有误：{key} 必须是字符串列表",
        "en": "bad profile: {key} must be a list of strings",
    },
    "import.profile.bad-pattern": {
        "zh": "格式文件有误：{key} 不是正则表达式：{error}",
        "en": "bad profile: {key} is not a regular expression: {error}",
    },
    "import.profile.pattern-group": {
        "zh": "格式文件有误：{key} 必须用 (?P<{group}>...) 捕获 {group}",
        "en": "bad profile: {key} must capture the {group} as (?P<{group}>...)",
    },
    "import.profile.bad-currency": {
        "zh": "格式文件有误：币种 {currency} 不是 Beancount 的币种",
        "en": "bad profile: currency {currency} is not a Beancount currency",
    },
    "import.profile.clash": {
        "zh": "格式文件有误：格式名 {id} 与格式文件 {other} 重名：请给其中一个文件改名（格式以文件名命名）",
        "en": "bad profile: its name {id} is also the profile {other}'s: rename one of the "
        "files (a profile is named after its file)",
    },
    # -- the command line ------------------------------------------------------------------
    "import.cli.error": {
        "zh": "错误：{message}",
        "en": "error: {message}",
    },
    "import.cli.identified": {
        "zh": "{path}：{importer}（{bank} {name}），账号 {number} -> {account}，{rows} 行，"
        "{first} 至 {last}",
        "en": "{path}: {importer} ({bank} {name}), account {number} -> {account}, {rows} rows "
        "{first} to {last}",
    },
    "import.cli.no-ledger": {
        "zh": "（未给 --ledger）",
        "en": "(no --ledger)",
    },
    "import.cli.no-number": {
        "zh": "（未显示）",
        "en": "(none shown)",
    },
    "import.cli.summary": {
        "zh": "{path}：新增 {fresh} 笔，{known} 笔已在账簿中",
        "en": "{path}: {fresh} new, {known} already in the ledger",
    },
    "import.cli.day-start": {
        "zh": "{path}：余额断言为 {date} 日初的 {amount}，而不是期末余额：{why}",
        "en": "{path}: the balance asserted is {amount} at the start of {date}, not the "
        "closing balance: {why}",
    },
    "import.cli.printed-same-day": {
        "zh": "对账单打印于 {printed}，即最后一行的当天，当天之后的交易可能还没有列出",
        "en": "the statement was printed on {printed}, the day of its last row, whose later "
        "rows may still come",
    },
    "import.cli.not-printed": {
        "zh": "对账单没有写明打印时间，最后一天（{date}）可能尚未结束",
        "en": "the statement does not say when it was printed, so its last day ({date}) may not "
        "have been over",
    },
    "import.cli.nothing-written": {
        "zh": "未写入任何内容：请更正上述对账单后重新运行",
        "en": "nothing written: correct the statements above and run again",
    },
    "import.cli.nothing-new": {
        "zh": "{path}：没有需要添加的新分录",
        "en": "{path}: nothing new to add",
    },
    "import.cli.appended": {
        "zh": "{path}：已添加分录（原文件保存为 {backup}）",
        "en": "{path}: entries added (previous version kept as {backup})",
    },
    "import.cli.comment": {
        "zh": "; 由 mch-ledger import 从 {name} 导入",
        "en": "; imported from {name} (mch-ledger import)",
    },
    "import.cli.cannot-write": {
        "zh": "{path}：无法写入（{reason}）：账簿没有任何改动",
        "en": "{path}: cannot be written ({reason}): nothing was changed",
    },
    "import.cli.busy": {
        "zh": "{path}：另一个程序正在写这套账（锁文件 {lock}），{seconds} 秒内没有完成；请等它结束后再试",
        "en": "{path}: another program is writing these books (lock {lock}) and did not finish "
        "within {seconds} s; try again when it is done",
    },
    "import.cli.profiles-gone": {
        "zh": '不再支持 --profiles：请在账簿中用 custom "import-profiles" "文件夹" 指定自己的银行格式'
        "文件夹（见 README），命令行和 Fava 都会读取",
        "en": "--profiles is no longer taken: name your bank profiles' folder in the ledger, "
        'custom "import-profiles" "FOLDER" (see the README), which the command line and Fava '
        "both read",
    },
    "import.cli.no-documents": {
        "zh": '{ledger} 没有设置 `option "documents"`：请用 --destination 文件夹 指定',
        "en": '{ledger} sets no `option "documents"`: give --destination DIR',
    },
    "import.cli.archive-error": {
        "zh": "{path}：{error}",
        "en": "{path}: {error}",
    },
    "import.cli.same-place": {
        "zh": "{path}：会与另一份对账单同样归档为 {target}",
        "en": "{path}: would be filed as {target} like another statement",
    },
    "import.cli.exists": {
        "zh": "{path}：{target} 已存在（用 --overwrite 替换）",
        "en": "{path}: {target} exists already (use --overwrite to replace it)",
    },
    "import.cli.cannot-move": {
        "zh": "{path}：无法移到 {target}（{reason}）",
        "en": "{path}: cannot be moved to {target} ({reason})",
    },
    "import.cli.nothing-moved": {
        "zh": "没有移动任何文件",
        "en": "nothing moved",
    },
}
