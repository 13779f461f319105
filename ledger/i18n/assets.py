"""The asset register's and procurement's words: findings, the 固定资产登记表, refusals."""

ASSETS: dict[str, dict[str, str]] = {
    # -- config findings of the directives, the registers and the keys -------------------
    "config.assets-not-category": {
        "zh": "“{type}”指令的账户 {account} 不是支出类别，也不在类别之下：请写支出类别（grant-category）或其子账户。",
        "en": '"{type}" names {account}, which is not a category nor inside one: name a `grant-category` account or one of its sub-accounts.',
    },
    "config.assets-zero-threshold": {
        "zh": "“{type}”指令的金额标准不能为零：请写省里规定的标准，例如 1000.00 CNY。",
        "en": '"{type}" has a threshold of zero: write the province\'s threshold, e.g. 1000.00 CNY.',
    },
    "config.assets-bad-window": {
        "zh": "“grant-procurement”的累计天数应为不小于 0 的整数，而不是 {value}：例如 90 表示同一收款人 90 天内的采购合并计算。",
        "en": '"grant-procurement" DAYS must be a whole number of days (0 or more), not {value}: 90 adds up the purchases from one payee within 90 days.',
    },
    "config.assets-register": {
        "zh": "固定资产卡片登记表 {path} 无法读取：{reason}。请更正登记表后重新加载；在此之前不按登记表核对卡片。",
        "en": "the asset register {path} cannot be read: {reason}. Correct the register and reload; until then no card is checked against it.",
    },
    "config.assets-register-column": {
        "zh": "固定资产卡片登记表 {path}（“{column}”列）无法读取：{reason}。请更正登记表后重新加载；在此之前不按登记表核对卡片。",
        "en": "the asset register {path} cannot be read (column {column}): {reason}. Correct the register and reload; until then no card is checked against it.",
    },
    "config.assets-card-twice": {
        "zh": "卡片编号 {card} 已在 {where} 登记：一物一卡，每个编号只能登记一次。",
        "en": "card {card} is already in a register at {where}: one card per item, each number once.",
    },
    "config.assets-card-and-exempt": {
        "zh": "记入 {account} 的付款既写了卡片编号（asset）又写了不建卡理由（asset-exempt）：请只保留其一。",
        "en": "the payment to {account} names cards (`asset`) and an exemption (`asset-exempt`): keep one.",
    },
    "config.assets-key-not-text": {
        "zh": '{key} 的值 {value} 不是文本：请加引号，写成 `{key}: "{value}"`。',
        "en": '{key} is {value}, not text: write it in quotes, `{key}: "{value}"`.',
    },
    "assets-register-quantity": {
        "zh": "数量 {value} 不是 1 或以上的整数",
        "en": "the quantity {value} is not 1 or more",
    },
    "assets-register-no-price": {
        "zh": "卡片没有单价：请填写一件资产的单价，例如 14,210.00",
        "en": "the card has no unit price: write what one item cost, e.g. 14,210.00",
    },
    "assets-register-state": {
        "zh": "“{text}”不是资产状态：请填写 {states} 之一",
        "en": "{text!r} is not a state: write one of {states}",
    },
    # -- the rules -------------------------------------------------------------------------
    "asset-missing.payment": {
        "zh": '{label}付款 {amount}（{account}）达到固定资产标准 {threshold}：请写明所购资产的卡片编号（asset: "ZC-…"，多张卡片依次写 asset-2、asset-3），或写明不建卡的理由（asset-exempt: "耗材"，或“多件单价均低于标准”）。',
        "en": 'the payment of {amount} to {account} ({label}) is at or above the fixed-asset threshold {threshold}: name the cards it pays for (`asset: "ZC-…"`, more as `asset-2`, `asset-3`), or say why it buys no fixed asset (`asset-exempt: "consumables"`, or several items each below the threshold).',
    },
    "asset-missing.contract": {
        "zh": '{label}付款 {amount}（{account}）属于合同 {contract}，该合同的付款合计 {total}，达到固定资产标准 {threshold}：定金、进度款和尾款都应写明同一资产的卡片编号（asset: "ZC-…"），或写明不建卡的理由（asset-exempt）。',
        "en": 'the payment of {amount} to {account} ({label}) belongs to contract {contract}, whose payments add up to {total}, at or above the fixed-asset threshold {threshold}: its deposit and final payments each name the same cards (`asset: "ZC-…"`), or say why it buys no fixed asset (`asset-exempt`).',
    },
    "asset-unknown.card": {
        "zh": "卡片 {card} 不在固定资产卡片登记表 {register} 中：请在登记表中建卡，或更正卡片编号。",
        "en": "card {card} is not in the asset register {register}: add its card there, or correct the number.",
    },
    "asset-value-mismatch.card": {
        "zh": "卡片 {card}（{name}）在登记表中的价值为 {value}（{quantity} × {unit_price}），而写明该卡片的付款（{vouchers}）合计 {paid}，且 {year} 年度已结账：请更正卡片的数量或单价，或更正付款所写的卡片；年末尚欠的款项应挂应付款（由购置分录写明卡片）。",
        "en": "card {card} ({name}) is worth {value} in the register ({quantity} × {unit_price}), but the payments naming it ({vouchers}) add up to {paid}, and {year} is closed: correct the card's quantity or unit price, or the cards the payments name; what is still owed at a year end is booked to a payable (the purchase names the card).",
    },
    "asset-not-accepted.no-date": {
        "zh": "卡片 {card}（{name}）没有验收日期，而其最后一笔付款所在的 {year} 年度已结账：请在登记表（{where}）中填写验收日期和验收单号。",
        "en": "card {card} ({name}) has no acceptance date, and {year}, the year of its last payment, is closed: fill in its acceptance date and record in the register ({where}).",
    },
    "asset-not-accepted.no-record": {
        "zh": "卡片 {card}（{name}）没有验收单号，而其最后一笔付款所在的 {year} 年度已结账：请在登记表（{where}）中填写验收单号。",
        "en": "card {card} ({name}) has no acceptance record, and {year}, the year of its last payment, is closed: fill in its acceptance record (验收单号) in the register ({where}).",
    },
    "asset-not-accepted.after-close": {
        "zh": "卡片 {card}（{name}）于 {received} 验收，晚于 {year} 年度的结账日 {closed}：设备应验收合格后付款，请核实登记表（{where}）中的验收日期。",
        "en": "card {card} ({name}) was accepted on {received}, after {year} was closed on {closed}: equipment is paid for once accepted; check the acceptance date in the register ({where}).",
    },
    "asset-disposal-unapproved.no-approval": {
        "zh": "卡片 {card}（{name}）的状态为“{state}”，但没有审批文号：资产调拨、报废须经审批，请在登记表中填写审批文号。",
        "en": "card {card} ({name}) is marked {state} without an approval: a transfer (调拨) or a scrapping (报废) needs one; write its approval number in the register.",
    },
    "asset-disposal-unapproved.no-date": {
        "zh": "卡片 {card}（{name}）的状态为“{state}”，但没有变动日期：请在登记表中填写状态变动的日期。",
        "en": "card {card} ({name}) is marked {state} without a date: write the date of the change in the register.",
    },
    "procurement-missing.purchase": {
        "zh": '{label}采购 {total} 达到采购限额 {threshold}，但没有采购记录：请在分录中写明询价、比选或招标记录（procurement: "文件名"）并将文件存档。',
        "en": 'a purchase of {total} ({label}) is at or above the procurement threshold {threshold} but names no procurement record: name the quotation, comparison or tender record in `procurement: "FILE"` on one of its entries and keep the file.',
    },
    "procurement-missing.contract": {
        "zh": '合同 {contract} 的{label}付款合计 {total}，达到采购限额 {threshold}，但没有采购记录：请在该合同的一笔分录中写明询价、比选或招标记录（procurement: "文件名"）并将文件存档。',
        "en": 'the payments of contract {contract} ({label}) add up to {total}, at or above the procurement threshold {threshold}, but none names a procurement record: name the quotation, comparison or tender record in `procurement: "FILE"` on one of its entries and keep the file.',
    },
    "procurement-missing.not-found": {
        "zh": "采购记录 {path} 未存档（在 {base} 和文档目录中均未找到）：请存档该文件，或更正文件名。",
        "en": "the procurement record {path} is not on file (neither beside {base} nor in the documents folder): file it or correct the name.",
    },
    "procurement-split.window": {
        "zh": "{days} 天内向 {payee} 的 {count} 笔{label}采购合计 {total}，达到采购限额 {threshold}（本笔 {amount}；此前：{earlier}）：如属同一采购被拆分（化整为零），请按一个合同办理采购，写明 contract 和 procurement。",
        "en": "{count} purchases ({label}) from {payee} within {days} days add up to {total}, at or above the procurement threshold {threshold} (this one {amount}; before it: {earlier}): if they are one purchase split in parts (化整为零), procure it as one contract (`contract:`, `procurement:`).",
    },
    # -- the report: 固定资产登记表 ---------------------------------------------------------
    "title-assets": {"zh": "固定资产登记表", "en": "Fixed assets"},
    "assets-title-cards": {"zh": "固定资产卡片", "en": "Asset cards"},
    "assets-title-payments": {"zh": "大额设备付款与卡片核对", "en": "Payments and cards"},
    "assets-title-stocktake": {"zh": "固定资产盘点表", "en": "Stocktake sheet"},
    "assets-title-purchases": {"zh": "采购记录", "en": "Procurement records"},
    "assets-col-card": {"zh": "卡片编号", "en": "Card"},
    "assets-col-name": {"zh": "资产名称", "en": "Asset"},
    "assets-col-model": {"zh": "规格型号", "en": "Model"},
    "assets-col-quantity": {"zh": "数量", "en": "Quantity"},
    "assets-col-unit_price": {"zh": "单价", "en": "Unit price"},
    "assets-col-value": {"zh": "原值", "en": "Value"},
    "assets-col-supplier": {"zh": "供应商", "en": "Supplier"},
    "assets-col-received": {"zh": "验收日期", "en": "Accepted on"},
    "assets-col-acceptance": {"zh": "验收单号", "en": "Acceptance record"},
    "assets-col-custodian": {"zh": "保管人", "en": "Custodian"},
    "assets-col-location": {"zh": "存放地点", "en": "Location"},
    "assets-col-state": {"zh": "状态", "en": "State"},
    "assets-col-changed": {"zh": "变动日期", "en": "Changed on"},
    "assets-col-approval": {"zh": "审批文号", "en": "Approval"},
    "assets-col-vouchers": {"zh": "付款凭证", "en": "Vouchers"},
    "assets-col-copies": {"zh": "凭证复印件", "en": "Voucher copies"},
    "assets-col-paid": {"zh": "已付金额", "en": "Paid"},
    "assets-col-cards": {"zh": "卡片", "en": "Cards"},
    "assets-col-exempt": {"zh": "不建卡理由", "en": "Why no card"},
    "assets-col-to_cards": {"zh": "计入卡片", "en": "To cards"},
    "assets-col-exempted": {"zh": "免于建卡", "en": "No fixed asset"},
    "assets-col-without_card": {"zh": "未写卡片", "en": "Without card"},
    "assets-col-threshold": {"zh": "标准", "en": "Threshold"},
    "assets-col-counted": {"zh": "实盘数量", "en": "Counted"},
    "assets-col-checked": {"zh": "核对（✓）", "en": "Checked (✓)"},
    "assets-col-note": {"zh": "备注", "en": "Note"},
    "assets-col-contract": {"zh": "合同编号", "en": "Contract"},
    "assets-col-total": {"zh": "采购金额", "en": "Purchase total"},
    "assets-col-record": {"zh": "采购记录", "en": "Procurement record"},
    "assets-card-ok": {"zh": "账卡相符", "en": "books and card agree"},
    "assets-card-open": {"zh": "付款未结（年度未结账）", "en": "being paid (year open)"},
    "assets-card-mismatch": {"zh": "账卡不符", "en": "books and card differ"},
    "assets-card-unpaid": {"zh": "无付款记录", "en": "no payment names it"},
    "assets-card-before": {"zh": "规则生效前购置", "en": "bought before the rules"},
    "assets-payment-cards": {"zh": "已写卡片", "en": "cards named"},
    "assets-payment-exempt": {"zh": "免于建卡", "en": "no fixed asset"},
    "assets-payment-missing": {"zh": "未写卡片", "en": "no card"},
    "assets-payment-unknown": {"zh": "卡片不在登记表", "en": "card not in the register"},
    "assets-payment-before": {"zh": "规则生效前", "en": "before the rules"},
    "assets-purchase-recorded": {"zh": "有采购记录", "en": "recorded"},
    "assets-purchase-missing": {"zh": "缺采购记录", "en": "no record"},
    "assets-purchase-not-found": {"zh": "采购记录未存档", "en": "record not on file"},
    "assets-group": {
        "zh": "{location} / {custodian} 小计",
        "en": "{location} / {custodian}: subtotal",
    },
    "assets-nobody": {"zh": "（未填）", "en": "(none)"},
    "assets-note-split": {
        "zh": "一笔付款写明多张卡片时，按各卡片原值的比例分摊；定金与尾款写明同一卡片，合计应等于卡片原值。",
        "en": "A payment naming several cards is split between them by the cards' values; a deposit and a final payment naming the same card add up to its value.",
    },
    "assets-note-payments": {
        "zh": "列出达到固定资产标准或写明卡片的付款；“规则生效前”的付款不按规则检查。",
        "en": "Payments at or above the fixed-asset threshold, or naming cards; payments before the rules' date are not checked.",
    },
    "assets-note-stocktake": {
        "zh": "截至 {day} 在用的资产，按当日的存放地点和保管人分组（此后才调拨、报废的，当日仍在用）；盘点时逐项核对并签字。盘点人：__________ 日期：__________",
        "en": "Assets held on {day}, by their location and custodian on that day (an item transferred or scrapped later was still in use); tick each item on the ward and sign. Counted by: __________ Date: __________",
    },
    "assets-stocktake-later": {
        "zh": "{changed} {state}{approval}；登记表未记变动前的存放地点和保管人，所列为变动后的",
        "en": "{state} on {changed}{approval}; the register keeps no former location or custodian: these are the ones after the change",
    },
    "assets-stocktake-approval": {"zh": "（{approval}）", "en": " ({approval})"},
    "assets-no-register": {
        "zh": "账簿未设置固定资产卡片登记表（grant-assets）。",
        "en": "The ledger names no asset register (grant-assets).",
    },
    "assets-refused": {
        "zh": "固定资产卡片登记表无法读取，未生成任何文件：{error}。账簿所列的每份卡片登记表都能读取后，才生成固定资产登记表和资产标签；其他登记表的卡片仍照常核对，见检查发现的问题。",
        "en": "an asset register cannot be read, nothing written: {error}. The asset report and the labels are made once every register the ledger names reads; the cards of the other registers are still checked, see the findings.",
    },
    "assets-labels-title": {"zh": "{owner} 资产标签", "en": "{owner}: asset labels"},
    "assets-labels-unknown": {
        "zh": "登记表中没有这些卡片：{cards}",
        "en": "no register holds these cards: {cards}",
    },
    "assets-labels-written": {
        "zh": "已写入 {count} 张资产标签：{path}",
        "en": "{count} asset labels written to {path}",
    },
}
