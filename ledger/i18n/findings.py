"""The findings' messages: what is wrong, with the amounts, and what to do.

A key is `RULE.SITUATION`; `Catalogue.finding` prefixes the message with `[RULE]`, so
bean-check, Fava and `validate` show the same text and a reader can search for the rule.
`word.KEY` are words used inside messages.
"""

FINDINGS: dict[str, dict[str, str]] = {
    "config.wrong-values": {
        "zh": '“{type}”指令的参数应为 {signature}：请写成 `custom "{type}" {signature}`。',
        "en": '"{type}" takes {signature}: write it as `custom "{type}" {signature}`.',
    },
    "config.unopened-account": {
        "zh": "“{type}”指令中的账户 {account} 未开设：请为其添加 open 指令，或更正账户名。",
        "en": '"{type}" names {account}, which the ledger never opens: add an `open` directive for it or correct the name.',
    },
    "config.negative-amount": {
        "zh": "“{type}”指令的金额 {amount} 为负数：预算和拨款计划应为正数。",
        "en": '"{type}" has a negative amount {amount}: budgets and allocations are positive.',
    },
    "config.bad-years": {
        "zh": "“grant-carryforward”的年限应为 1 至 {limit} 之间的整数，而不是 {value}：结转资金连续两年未用完即作结余时写 1（预算法第四十二条），不限年限则省略。",
        "en": '"grant-carryforward" YEARS must be a whole number from 1 to {limit}, not {value}: write 1 for funds that lapse after one more year (预算法 第四十二条), or leave it out.',
    },
    "config.bad-ratio": {
        "zh": "“grant-match”的配套比例应为大于 0、不超过 {limit} 的数，而不是 {value}：1:1 配套请写 1。",
        "en": '"grant-match" RATIO must be above 0 and at most {limit}, not {value}: for a 1:1 match write 1.',
    },
    "config.amount-too-large": {
        "zh": "“{type}”的金额 {amount} 超出上限（须小于 {limit:,}）：请核对金额的位数。",
        "en": '"{type}" has an amount of {amount}, beyond the limit (below {limit:,}): check the number of digits.',
    },
    "config.bad-year": {
        "zh": '“grant-close”的年度 {year} 无效：年度应在 {first} 至 {last} 之间，例如 `custom "grant-close" 2024`。',
        "en": '"grant-close" names the year {year}: a fiscal year is between {first} and {last}, e.g. `custom "grant-close" 2024`.',
    },
    "config.procurement-window-too-long": {
        "zh": "“grant-procurement”的累计天数 {value} 超过上限 {limit} 天（一个会计年度）：请核对天数，例如 90 表示同一收款人 90 天内的采购合并计算。",
        "en": '"grant-procurement" adds up purchases within {value} days, more than the {limit} days (a fiscal year) it may: check the number; 90 adds up the purchases from one payee within 90 days.',
    },
    "config.bad-seal": {
        "zh": "{year} 年度结账指令的 seal 和 seal-file 应同时写明、均为文本：请勿手工修改，用 `mch-ledger close {year} 账簿文件 --seal` 封存。",
        "en": "the close of {year} must give both `seal` and `seal-file`, as text: do not edit them by hand; seal the year with `mch-ledger close {year} LEDGER --seal`.",
    },
    "config.bad-close-margin": {
        "zh": '“grant-close-margin”应为 0 至 {limit} 之间的天数，而不是 {value}：例如 `custom "grant-close-margin" 15`。',
        "en": '"grant-close-margin" takes a number of days from 0 to {limit}, not {value}: e.g. `custom "grant-close-margin" 15`.',
    },
    "config.unknown-directive": {
        "zh": "未知的指令类型“{type}”，该指令不起任何作用{guess}。已知的类型：{known}。",
        "en": 'unknown directive type "{type}", which does nothing{guess}. The known types: {known}.',
    },
    "config.close-too-early": {
        "zh": "“grant-close” {year} 的日期 {date} 早于年度结束：请改为 {year}-12-31 或之后。",
        "en": '"grant-close" {year} is dated {date}, before the year ends: date it on or after {year}-12-31.',
    },
    "config.duplicate-close": {
        "zh": "{year} 年度已在 {where} 结账：请删除其中一条结账指令。",
        "en": "fiscal year {year} is already closed at {where}: remove one of the two closes.",
    },
    "config.pad-grant-account": {
        "zh": "pad 指令补平了专项资金账户 {account}：补平分录在专项规则检查之后才生成，账簿无法反映。请改为按凭证录入实际的收款或付款分录，并保留余额断言。",
        "en": "a pad fills {account}, a grant account: Beancount makes the padding after the grant's rules have run, so the books cannot see it. Write the receipt or payment as a transaction with its voucher instead, and keep the balance assertion.",
    },
    "config.duplicate-directive": {
        "zh": "“{type}”已在 {where} 设置：请只保留一条。",
        "en": '"{type}" is already set at {where}: keep one.',
    },
    "config.voucher-not-text": {
        "zh": '凭证号 {value} 不是文本：请加引号，写成 `voucher: "{value}"`。',
        "en": 'the voucher number {value} is not text: write it in quotes, `voucher: "{value}"`.',
    },
    "config.bad-attachments": {
        "zh": "附件张数 attachments 应为不小于 0 的整数，而不是 {value}：请填写凭证所附张数，例如 `attachments: 2`。",
        "en": "attachments must be a whole number of copies (0 or more), not {value}: write the number of copies the voucher has, e.g. `attachments: 2`.",
    },
    "config.duplicate-category": {
        "zh": "{account} 被重复声明为支出类别：请只保留一条 grant-category。",
        "en": "{account} is declared a category twice: keep one `grant-category`.",
    },
    "config.budget-not-category": {
        "zh": "{account} 不是支出类别，却设置了预算：请先用 grant-category 声明，或把预算设在类别上。",
        "en": 'a budget is set on {account}, which is not a category: declare it with `custom "grant-category"` or budget a category instead.',
    },
    "config.carryforward-not-category": {
        "zh": "{account} 不是支出类别，却设置了结转：请先用 grant-category 声明。",
        "en": 'carry-forward is set on {account}, which is not a category: declare it with `custom "grant-category"` first.',
    },
    "config.category-without-budget": {
        "zh": '支出类别 {account} 没有预算：请在其首笔支出之前添加 `custom "grant-budget" {account} 金额 币种`。',
        "en": 'category {account} has no budget: add `custom "grant-budget" {account} AMOUNT CURRENCY` dated on or before its first payment.',
    },
    "config.match-not-source": {
        "zh": "“grant-match”中的 {account} 不是资金来源：请先用 grant-source 声明。",
        "en": '"grant-match" names {account}, which is not a funding source: declare it with `custom "grant-source"`.',
    },
    "config.match-itself": {
        "zh": "“grant-match”要求 {account} 与自身配套：请先写配套来源，再写被配套的来源。",
        "en": '"grant-match" asks {account} to match itself: name the matching source first, then the source it matches.',
    },
    "config.overlapping-roles": {
        "zh": "{account}（{type}）与 {other}（{other_type}）重叠：一个账户只能承担一种角色，请择一。",
        "en": "{account} ({type}) lies within {other} ({other_type}): an account can have only one grant role; choose one.",
    },
    "config.mixed-currencies": {
        "zh": "预算和拨款计划使用了多种币种（{currencies}）：整个项目请统一使用一种币种。",
        "en": "the grant's budgets and allocations use several currencies ({currencies}): keep the whole grant in one currency.",
    },
    "config.foreign-currency": {
        "zh": "{account} 记入 {amount}，但项目以 {currency} 核算：请按 {currency} 记账，外币支付请用 `@` 注明汇率。",
        "en": "{account} gets {amount}, but the grant is kept in {currency}: record the {currency} amount, with a price (`@`) if it was paid in another currency.",
    },
    "config.bad-grant-year": {
        "zh": "grant-year 的值 {value} 无效：请写成年份数字，例如 `grant-year: {year}`。",
        "en": "grant-year is {value}: write the allocation year as a number, e.g. `grant-year: {year}`.",
    },
    "config.plugin-config": {
        "zh": 'ledger.grant 插件不接受参数，却收到 {value}：请写成 `plugin "ledger.grant"`。',
        "en": 'ledger.grant takes no configuration, but was given {value}: write `plugin "ledger.grant"`.',
    },
    "config.profiles-no-folder": {
        "zh": "“{type}”指定的文件夹 {folder} 不存在：请建立该文件夹并放入自己的银行格式文件，或改正路径（相对于本指令所在的文件）。",
        "en": '"{type}" names the folder {folder}, which does not exist: create it with your bank profiles, or correct the path (relative to the file holding this directive).',
    },
    "config.profiles-clash": {
        "zh": "“{type}”文件夹中的银行格式 {file} 与 {other} 重名（格式名 {id}，不区分大小写）：请给其中一个文件改名（格式以文件名命名）。",
        "en": 'the bank profile {file} of this "{type}" folder has the name {id} of {other} too (names compared without case): rename one of the files (a profile is named after its file).',
    },
    "config.bom": {
        "zh": "{file} 以 BOM 字节序标记开头，Beancount 会因此忽略其第一条指令：请另存为无 BOM 的 UTF-8。",
        "en": "{file} starts with a byte-order mark, which makes Beancount drop its first directive: save it as UTF-8 without BOM.",
    },
    "dedicated-account.receipt": {
        "zh": "{source} 的资金记入了 {accounts}，未进入项目专户 {dedicated}：项目资金的拨入须全部通过专户（专户管理）。",
        "en": "money from {source} goes to {accounts}, not into the dedicated account {dedicated}: every receipt of the project goes through the dedicated account (专户管理).",
    },
    "dedicated-account.payment": {
        "zh": "{label}（{category}）的支出由 {accounts} 支付，而非项目专户 {dedicated}：项目支出须从专户支付，或经由 grant-allowed 声明、由专户结算的往来账户支付。",
        "en": '{category} ({label}) is paid from {accounts}, not from the dedicated account {dedicated}: pay project expenses from the dedicated account, or through a payable declared with `custom "grant-allowed"` that it settles.',
    },
    "earmark.payment": {
        "zh": "项目专户 {dedicated} 向 {accounts} 支付 {amount}，该账户既非支出类别也非允许账户（专款专用）：请记入五类支出之一；如属项目允许的支出，请用 grant-allowed 声明该账户。",
        "en": 'the dedicated account {dedicated} pays {amount} to {accounts}, which is neither a category nor an allowed account (专款专用): book it to one of the categories, or declare the account with `custom "grant-allowed"` if the program allows it.',
    },
    "over-budget.posting": {
        "zh": "{label}（{account}）{year} 年度支出累计 {spent}，超出当日可用额度 {available}（预算 {budget}，上年结转 {carried}）{over}：请核减或改列该笔支出，或以 {date} 或更早日期的 grant-budget 调整预算。",
        "en": '{label} ({account}) spends {spent} in {year}, {over} over the {available} available that day (budget {budget}, carried in {carried}): reduce or reclassify the payment, or adjust the budget with `custom "grant-budget"` dated on or before {date}.',
    },
    "match-shortfall.close": {
        "zh": "{year} 年度 {account} 到位 {received}，应按 {ratio} 倍配套 {base} 到位的 {base_received}，即 {required}：配套资金未足额到位，差 {shortfall}。请在结账前补记缺少的拨款（次年到账的请注明 `grant-year: {year}`）。",
        "en": "for {year}, {account} brought {received} but must bring {ratio} x the {base_received} that {base} brought, {required}: {shortfall} short. Record the missing tranche (with `grant-year: {year}` if it arrives later) before closing the year.",
    },
    "overdraft.posting": {
        "zh": "本笔记账后项目专户 {dedicated} 余额为 {balance}，出现透支：专户支出不得超过余额，请先记录相应的资金拨入，或更正金额。",
        "en": "the dedicated account {dedicated} falls to {balance} with this entry: it cannot pay more than it holds; record the receipt that funds it first, or correct the amount.",
    },
    "voucher-missing.posting": {
        "zh": '本笔专户业务没有凭证号，下一个可用的是 {example}：在 Fava 的日记账中点开这笔分录，添加元数据 voucher，值填 {example}（即 `voucher: "{example}"`）。',
        "en": 'this entry on the dedicated account has no voucher number; the next free one is {example}: open the entry in Fava\'s journal and add the metadata voucher with the value {example} (that is, `voucher: "{example}"`).',
    },
    "voucher-duplicate.posting": {
        "zh": "凭证号 {voucher} 在 {period} 已于 {where} 使用：请为本笔业务改用下一个未用的凭证号（{example}），即在 Fava 中点开这笔分录，把 voucher 改为 {example}。",
        "en": "voucher number {voucher} is already used in {period} at {where}: give this entry the next free number ({example}); in Fava, open the entry and change its voucher to {example}.",
    },
    "document-missing.none": {
        "zh": "本笔支出没有关联原始凭证复印件：在 Fava 的日记账中找到这笔分录，把扫描件拖到该行上，Fava 会保存文件并添加 `document:`。扫描件已在 documents 目录中、文件名带凭证号的（如 2026-03-23.记-2026-005.pdf），运行 `mch-ledger link-documents 账簿文件` 即可一次关联。",
        "en": "this expense has no copy of its original voucher linked: find the entry in Fava's journal and drag the scan onto it (Fava saves the file and adds `document:`). Scans already in the documents folder whose names carry the voucher number (such as 2026-03-23.记-2026-005.pdf) are linked all at once by `mch-ledger link-documents LEDGER`.",
    },
    "document-missing.not-found": {
        "zh": "原始凭证复印件 {path}（{key}）不在档：请把扫描件放到该位置（相对 {base}，或位于 documents 目录中），或在 Fava 中点开这笔分录更正 {key} 的路径；也可删除这一行，再把扫描件拖到 Fava 日记账中的这笔分录上。",
        "en": "the voucher copy {path} ({key}) is not on file: put the scan there (relative to {base}, or in the documents folder), or open the entry in Fava and correct the path of {key}; or delete that line and drag the scan onto the entry in Fava's journal.",
    },
    "document-missing.too-few": {
        "zh": "凭证注明附件 {declared} 张，但只关联了 {found} 个复印件：把其余扫描件逐一拖到 Fava 日记账中的这笔分录上（Fava 依次添加 document-2 等），或更正 attachments。",
        "en": "the voucher declares {declared} attachments but {found} copies are linked: drag each missing scan onto the entry in Fava's journal (Fava adds document-2 and so on), or correct `attachments`.",
    },
    "document-outside.copy": {
        "zh": "凭证复印件 {path}（{key}）位于账簿目录及 documents 目录之外（含符号链接指向的位置）：复印件须存放在账簿之内，不会计入已存档，也不会放入检查资料。请把复印件放入 documents 目录并更正路径。",
        "en": "the voucher copy {path} ({key}) lies outside the ledger's folder and its documents folders (symlinks resolved): a copy must be kept inside the books; it does not count as on file and is never put in a pack. Put the copy in the documents folder and correct the path.",
    },
    "document-outside.named": {
        "zh": "{key} 指向的文件 {path} 位于账簿目录及 documents 目录之外（含符号链接指向的位置）：它不是账簿的文件，不算已存档，不会被读取，也不会放入检查资料。请把文件放入账簿目录并更正路径。",
        "en": "the file {path} ({key}) lies outside the ledger's folder and its documents folders (symlinks resolved): it is no file of the books; it does not count as on file, is never read and never goes into a pack. Put the file inside the books and correct the path.",
    },
    "document-outside.register": {
        "zh": "登记册 {path} 位于账簿目录及 documents 目录之外（含符号链接指向的位置）：登记册须随账簿存放（例如 registers/），不会放入检查资料。请移入账簿目录并更正路径。",
        "en": "the register {path} lies outside the ledger's folder and its documents folders (symlinks resolved): keep registers with the books (registers/, say); no pack holds it. Move it inside the books and correct the path.",
    },
    "document-outside.document": {
        "zh": "{account} 的文档 {path} 位于账簿目录及 documents 目录之外（含符号链接指向的位置）：它不是账簿的文件，Fava 不会提供，也不会放入检查资料。请把文件放入 documents 目录，或删除这条 document 指令。",
        "en": "the document {path} of {account} lies outside the ledger's folder and its documents folders (symlinks resolved): it is no file of the books; Fava does not serve it and no pack holds it. Put the file in the documents folder, or remove the `document` entry.",
    },
    "needs-review.flagged": {
        "zh": "本笔专户业务标记为 ! 待复核{why}：请核实后在 Fava 中点开这笔分录，改记到正确账户，并将标记 ! 改为 * 。",
        "en": "this entry on the dedicated account is flagged ! for review{why}: check it, then open the entry in Fava, book it to the right account and change its flag from ! to * .",
    },
    "needs-review.holding": {
        "zh": "本笔专户业务已标记为 * ，但仍记在待分类账户 {account}：请在 Fava 中点开这笔分录，改记到正确账户。",
        "en": "this entry on the dedicated account is marked * but still booked to the holding account {account}: open the entry in Fava and book it to the right account.",
    },
    "year-not-closed.first-entry": {
        "zh": "{year} 年度尚未结账，账簿已记入 {next_year} 年度：请运行 `mch-ledger close {year} 账簿文件`完成年终结账，使结转和配套结果确定。",
        "en": "fiscal year {year} is not closed, yet the books go on into {next_year}: close it with `mch-ledger close {year} LEDGER` (年终结账) so its carry-forward and matching are final.",
    },
    "closed-year-changed.figure": {
        "zh": "已结账的 {year} 年度账目被改动：{figure}结账时为 {recorded}，现为 {current}。请撤销对已结账年度的修改，或在本年度作更正分录。",
        "en": "the books of closed year {year} have changed: {figure} was {recorded} at the close and is now {current}. Undo the change to the closed year, or book the correction in the current year.",
    },
    "closed-year-changed.entry-changed": {
        "zh": "本笔分录属于已结账并封存的 {year} 年度（封存时凭证号 {voucher}），结账后被改动：{fields}。请撤销改动，或在本年度作更正分录。",
        "en": "this entry of {year}, a closed and sealed year (voucher {voucher} when sealed), has changed since the close: {fields}. Undo the change, or book the correction in the current year.",
    },
    "closed-year-changed.entry-added": {
        "zh": "本笔分录 {entry} 在 {year} 年度结账封存之后才加入该年度：已结账年度不得补记，请删除本笔，改在本年度入账。",
        "en": "this entry {entry} was added to {year} after the year was closed and sealed: a closed year takes no new entries; remove it and book it in the current year.",
    },
    "closed-year-changed.entry-removed": {
        "zh": "{year} 年度结账封存时的分录 {voucher}（{date}）已不在账簿中：请恢复该分录，或在本年度作更正分录。",
        "en": "the entry {voucher} of {date}, sealed with the close of {year}, is no longer in the books: restore it, or book the correction in the current year.",
    },
    "closed-year-changed.copy-changed": {
        "zh": "{year} 年度已封存的凭证 {voucher} 的复印件 {path}（{key}）内容与封存时不同或已缺失：请恢复原文件。",
        "en": "the copy {path} ({key}) of voucher {voucher}, sealed with the close of {year}, differs from the sealed one or is gone: restore the original file.",
    },
    "closed-year-changed.seal-missing": {
        "zh": "{year} 年度的封存文件 {file} 无法读取（{reason}）：请从备份或版本库中恢复。",
        "en": "the seal file {file} of {year} cannot be read ({reason}): restore it from a backup or the repository.",
    },
    "closed-year-changed.seal-altered": {
        "zh": "{year} 年度的封存文件 {file} 已被改动：其 SHA-256 为 {actual}，结账时记录为 {recorded}。请从备份或版本库中恢复原文件。",
        "en": "the seal file {file} of {year} has been altered: its SHA-256 is {actual}, the close recorded {recorded}. Restore the original from a backup or the repository.",
    },
    "closed-year-changed.seal-unreadable": {
        "zh": "{year} 年度的封存文件 {file} 格式有误（{reason}）：请从备份或版本库中恢复原文件。",
        "en": "the seal file {file} of {year} does not read ({reason}): restore the original from a backup or the repository.",
    },
    "closed-year-changed.seal-chain": {
        "zh": "{year} 年度的封存文件 {file} 应接续 {previous_year} 年度的封存 {expected}，但其中记录为 {found}：上一年度的封存或其结账指令已被改动。",
        "en": "the seal file {file} of {year} must follow the seal {expected} of {previous_year}, but names {found}: the earlier year's seal or its close has been changed.",
    },
    "closed-year-changed.seal-chain-unsealed": {
        "zh": "{year} 年度的封存文件 {file} 接续 {previous_year} 年度的封存 {found}，但 {previous_year} 年度的结账指令已没有封存（seal、seal-file）：其封存行已被删除，请从备份或版本库中恢复。",
        "en": "the seal file {file} of {year} follows the seal {found} of {previous_year}, but the close of {previous_year} carries no seal (`seal`, `seal-file`): its seal lines have been taken out; restore them from a backup or the repository.",
    },
    "closed-year-changed.unsealed": {
        "zh": "{year} 年度的结账指令没有封存（seal、seal-file），而本账簿 {sealed_year} 年度的结账已封存：结账都会封存，其封存行可能已被删除。请从备份或版本库中恢复；若是封存功能启用前的旧结账，用 `mch-ledger close {year} 账簿文件 --seal` 封存。",
        "en": "the close of {year} carries no seal (`seal`, `seal-file`), while the close of {sealed_year} of these books is sealed: every close is sealed, so its seal lines may have been taken out. Restore them from a backup or the repository; a close made before seals existed is sealed with `mch-ledger close {year} LEDGER --seal`.",
    },
    "closed-year-changed.seal-not-named": {
        "zh": "{year} 年度的结账指令没有封存（seal、seal-file），但 `mch-ledger close` 为该年度写入的封存文件 {file} 仍在：结账指令的封存行已被删除。请从备份或版本库中恢复这两行（seal-file 指向该文件，seal 为其 SHA-256）。",
        "en": "the close of {year} carries no seal (`seal`, `seal-file`), yet the seal file {file} that `mch-ledger close` writes for the year is there: the close's seal lines have been taken out. Restore them from a backup or the repository (`seal-file` naming that file, `seal` its SHA-256).",
    },
    "closed-year-changed.seal-figures": {
        "zh": "{year} 年度结账指令上的数字与封存时不同（{figures}）：结账数字已被改动，请恢复。",
        "en": "the figures on the close of {year} differ from the sealed ones ({figures}): the close's figures have been changed; restore them.",
    },
}

WORDS: dict[str, dict[str, str]] = {
    "word.balance": {
        "zh": "专户年末余额",
        "en": "the dedicated account's year-end balance",
    },
    "word.received": {
        "zh": "{account} 到位资金",
        "en": "received from {account}",
    },
    "word.spent": {
        "zh": "{account} 支出",
        "en": "spent on {account}",
    },
    "word.carried": {
        "zh": "{account} 结转",
        "en": "carried forward by {account}",
    },
    "word.lapsed": {
        "zh": "{account} 结余",
        "en": "lapsed from {account}",
    },
    "word.holding": {
        "zh": "（记入待分类账户 {account}）",
        "en": " (posted to {account}, a holding account)",
    },
    "word.grant-year": {
        "zh": "（资金所属年度是否为 {year}？）",
        "en": " (allocation year {year}?)",
    },
    "word.did-you-mean": {
        "zh": "（是否应为“{type}”？）",
        "en": ' (did you mean "{type}"?)',
    },
    "word.field-date": {"zh": "日期", "en": "date"},
    "word.field-flag": {"zh": "标记", "en": "flag"},
    "word.field-payee": {"zh": "收付款人", "en": "payee"},
    "word.field-narration": {"zh": "摘要", "en": "narration"},
    "word.field-postings": {"zh": "分录科目或金额", "en": "postings"},
    "word.field-voucher": {"zh": "凭证号", "en": "voucher"},
    "word.field-documents": {"zh": "凭证复印件链接", "en": "document links"},
    "word.field-tags": {"zh": "标签或链接", "en": "tags or links"},
    "word.entry": {
        "zh": "凭证 {voucher}（{date}，{payee}，{amount}）",
        "en": "voucher {voucher} ({date}, {payee}, {amount})",
    },
    "word.entry-no-payee": {
        "zh": "凭证 {voucher}（{date}，{amount}）",
        "en": "voucher {voucher} ({date}, {amount})",
    },
    "word.entry-unnumbered": {
        "zh": "无凭证号的分录（{date}，{payee}，{amount}）",
        "en": "the entry without a voucher number ({date}, {payee}, {amount})",
    },
    "word.entry-unnumbered-no-payee": {
        "zh": "无凭证号的分录（{date}，{amount}）",
        "en": "the entry without a voucher number ({date}, {amount})",
    },
    "word.colon": {
        "zh": "：",
        "en": ": ",
    },
    "word.nothing": {"zh": "空值", "en": "nothing"},
    "word.and": {
        "zh": "、",
        "en": ", ",
    },
}
