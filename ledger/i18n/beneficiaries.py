"""The beneficiary register's words: its findings' situations, its report, its refusals.

Every message naming a woman names her by register number and masked identity number (`{id}`
is always masked: first 6 and last 4 characters); names never appear in findings.
"""

BENEFICIARIES: dict[str, dict[str, str]] = {
    # -- config: the directives, the register and the rosters ------------------------------
    "config.beneficiaries-mask-names": {
        "zh": "mask-names 应为 TRUE 或 FALSE，而不是 {value}。",
        "en": "mask-names must be TRUE or FALSE, not {value}.",
    },
    "config.beneficiaries-not-category": {
        "zh": "“grant-beneficiaries”指定的账户 {account} 不是支出类别或其子账户：请指定贫困孕产妇救助类别（或其子账户）。",
        "en": '"grant-beneficiaries" names {account}, which is not a category or inside one: name the relief category (or a sub-account of it).',
    },
    "config.standard-visits": {
        "zh": "按次标准（per-visit）应注明每次孕期可补助的次数，例如 `visits: 5`，而不是 {value}。",
        "en": 'a "per-visit" standard needs the visits one pregnancy may be paid for, as a whole number: write `visits: 5` under it (not {value}).',
    },
    "config.standard-outside": {
        "zh": "救助标准的账户 {account} 不在救助对象账户 {beneficiaries} 之下：标准只适用于“grant-beneficiaries”指定的账户及其子账户。",
        "en": "the standard's account {account} is not under the beneficiaries account {beneficiaries}: standards apply to the account of `grant-beneficiaries` and its sub-accounts.",
    },
    "config.standard-without-beneficiaries": {
        "zh": "救助标准需要救助对象登记册：请先用“grant-beneficiaries”指定救助账户和登记册。",
        "en": 'a standard needs a beneficiary register: name the relief account and its register with `custom "grant-beneficiaries"` first.',
    },
    "config.beneficiary-ages": {
        "zh": '育龄范围 {low}–{high} 不成立：应写两个整数，前小后大，例如 `custom "grant-beneficiary-ages" 15 49`。',
        "en": 'the child-bearing ages {low}–{high} are not a range: write two whole numbers, the lower first, e.g. `custom "grant-beneficiary-ages" 15 49`.',
    },
    "config.register-not-found": {
        "zh": "救助对象登记册 {path} 不存在：请把登记册放到该位置，或更正“grant-beneficiaries”中的路径（相对于本账簿文件）。",
        "en": "the beneficiary register {path} does not exist: put the register there, or correct the path of `grant-beneficiaries` (relative to this ledger file).",
    },
    "config.register-unreadable": {
        "zh": "救助对象登记册无法读取：{message}。请在 Excel 中更正后保存。",
        "en": "the beneficiary register cannot be read: {message}. Correct it in Excel and save it.",
    },
    "config.register-served": {
        "zh": "救助对象登记册 {path} 位于 {folder} 中，Fava 会把该文件夹中的文件提供给任何能打开账簿的人：请把登记册移出该文件夹（例如 registers/），以免身份证号外泄。",
        "en": "the beneficiary register {path} lies in {folder}, whose files Fava serves to anyone who can open the books: move the register out of it (to registers/, say), so its identity numbers stay private.",
    },
    "config.register-identity-number": {
        "zh": "救助对象登记册 {path} 第 {row} 行的“{column}” {value} 像是身份证号：登记号应是登记册自编的编号（如 JZ-2026-001），身份证号只写在身份证号列；登记号会出现在账簿、花名册、报表和检查发现中。",
        "en": "the beneficiary register {path}, row {row}: its {column} {value} looks like an identity number: a register number is the register's own number (JZ-2026-001, say), and the identity number goes in its own column only; register numbers appear in the ledger, the rosters, the reports and the findings.",
    },
    "config.register-identity-name": {
        "zh": "救助对象登记册 {path} 第 {row} 行的“{column}” {value} 像是身份证号：请核对该行的姓名和身份证号是否填反。",
        "en": "the beneficiary register {path}, row {row}: its {column} {value} looks like an identity number: check whether the row's name and identity number are swapped.",
    },
    "config.beneficiary-identity": {
        "zh": "beneficiary 的值 {value} 像是身份证号，而不是登记号：请改写她在救助对象登记册中的登记号（如 JZ-2026-001），并从账簿中删去身份证号（Fava 会把账簿内容显示给每个读者）。",
        "en": "the `beneficiary` {value} looks like an identity number, not a register number: write her register number (JZ-2026-001, say) and take the identity number out of the ledger (Fava shows the ledger to every reader).",
    },
    "config.roster-identity": {
        "zh": "花名册 {roster} 第 {row} 行的“{column}” {value} 像是身份证号：花名册应写救助对象登记册中的登记号（如 JZ-2026-001），不写身份证号。",
        "en": "the roster {roster}, row {row}: its {column} {value} looks like an identity number: a roster names each woman by her register number in the beneficiary register (JZ-2026-001, say), never by her identity number.",
    },
    "config.roster-amount-over-payment": {
        "zh": "花名册 {roster} 第 {row} 行的“{column}” {value} 大于整笔付款 {amount_text}：一人的补助不会超过整笔付款，请核对该列是否填入了别的数字；在更正前不按此花名册核对。",
        "en": "the roster {roster}, row {row}: its {column} {value} is more than the whole payment of {amount_text}: one woman's part cannot be; check whether another number is in the column. The roster is not checked until it is corrected.",
    },
    "config.register-included": {
        "zh": "救助对象登记册 {path} 被 include 读入了账簿：Beancount 把它当作账簿文本解析，其报错（bean-check、Fava 的错误页）和 Fava 的编辑器会显示完整的身份证号。请删去引入它的 `include` 行：登记册由“grant-beneficiaries”指定即可。",
        "en": "the beneficiary register {path} is included in the ledger: Beancount parses it as ledger text, and its errors (bean-check, Fava's Errors page) and Fava's editor show its identity numbers in full. Remove the `include` line that reads it: `grant-beneficiaries` names the register.",
    },
    "config.roster-included": {
        "zh": "花名册 {roster} 被 include 读入了账簿：Beancount 把它当作账簿文本解析，其报错和 Fava 的编辑器会显示花名册的内容。请删去该 include：付款的 roster 指定花名册即可。",
        "en": "the roster {roster} is included in the ledger: Beancount parses it as ledger text, and its errors and Fava's editor show what the roster holds. Remove the `include`: the payment's `roster` names it.",
    },
    "config.register-outside": {
        "zh": "救助对象登记册 {path} 不在账簿文件夹（本账簿所在文件夹及其凭证文件夹）之内：账簿之外的文件一概不读。请把登记册移入账簿文件夹（如 registers/），并更正“grant-beneficiaries”中的路径。",
        "en": "the beneficiary register {path} lies outside the books (the ledger's folder and its documents folders): no file outside them is read. Move the register into them (registers/, say) and correct the path of `grant-beneficiaries`.",
    },
    "config.roster-outside": {
        "zh": "花名册 {roster} 不在账簿文件夹（本账簿所在文件夹及其凭证文件夹）之内：账簿之外的文件一概不读。请把花名册移入账簿文件夹（如 rosters/），并更正 roster 路径。",
        "en": "the roster {roster} lies outside the books (the ledger's folder and its documents folders): no file outside them is read. Move the roster into them (rosters/, say) and correct the `roster` path.",
    },
    "config.roster-not-found": {
        "zh": "花名册 {roster} 不存在（相对于 {base}）：请把花名册放到该位置，或更正 roster 路径。",
        "en": "the roster {roster} does not exist (relative to {base}): put the roster there or correct the `roster` path.",
    },
    "config.roster-unreadable": {
        "zh": "花名册 {roster} 无法读取：{message}。",
        "en": "the roster {roster} cannot be read: {message}.",
    },
    "config.beneficiary-and-roster": {
        "zh": "该付款同时写了 beneficiary 和 roster：一人请只写 beneficiary，多人请只写 roster。",
        "en": "the payment names both a `beneficiary` and a `roster`: keep `beneficiary` for one woman, `roster` for a list.",
    },
    "config.bad-visits": {
        "zh": "visits（补助次数）应为不小于 1 的整数，而不是 {value}。",
        "en": "visits must be a whole number of visits (1 or more), not {value}.",
    },
    # -- the rules --------------------------------------------------------------------------
    "beneficiary-missing.posting": {
        "zh": '向 {account_name} 付款 {amount_text} 未注明救助对象：一人请写 `beneficiary: "登记号"`，多人请写 `roster: "花名册文件"`。',
        "en": 'the payment of {amount_text} to {account_name} names nobody: write `beneficiary: "REGISTER-NUMBER"` for one woman, or `roster: "FILE"` for a list of women.',
    },
    "beneficiary-unknown.posting": {
        "zh": "登记号 {number} 不在救助对象登记册 {register} 中：请在登记册中补登该救助对象，或更正登记号。",
        "en": "{number} is not in the beneficiary register {register}: add her row to the register, or correct the number.",
    },
    "beneficiary-id-invalid.missing": {
        "zh": "登记册中 {number} 没有填写身份证号：请补填。",
        "en": "register row {number} has no identity number: fill it in.",
    },
    "beneficiary-id-invalid.format": {
        "zh": "{number} 的身份证号 {id} 不是 17 位数字加 1 位校验码（18 位）：请核对后更正。",
        "en": "{number}'s identity number {id} is not 17 digits and a check character (18 in all): check it and correct it.",
    },
    "beneficiary-id-invalid.check-digit": {
        "zh": "{number} 的身份证号 {id} 校验码应为 {expected}，而不是 {found}（GB 11643）：号码有误，请对照身份证核对（在 Excel 中以数字录入的身份证号会丢失末几位，请把该列设为文本）。",
        "en": "{number}'s identity number {id} has the check character {found} where GB 11643 gives {expected}: the number is wrong; check it against her ID card (a number typed into Excel as a number loses its last digits: format the column as text).",
    },
    "beneficiary-id-invalid.birth-date": {
        "zh": "{number} 的身份证号 {id} 中的出生日期不是真实日期：请对照身份证核对。",
        "en": "{number}'s identity number {id} has no real date of birth in it: check it against her ID card.",
    },
    "beneficiary-id-invalid.sex": {
        "zh": "{number} 的身份证号 {id} 第 17 位为奇数，是男性的号码：救助对象应为孕产妇，请核对。",
        "en": "{number}'s identity number {id} has an odd 17th digit, a man's: a beneficiary is a pregnant woman; check it.",
    },
    "beneficiary-id-invalid.age": {
        "zh": "{number}（身份证号 {id}）在付款日 {date} 为 {age} 岁，不在育龄 {low}–{high} 岁之内：请核对身份证号。",
        "en": "{number} (ID {id}) was {age} on {date}, the day of this payment, outside the child-bearing ages {low}–{high}: check her identity number.",
    },
    "beneficiary-duplicate.overlap": {
        "zh": "{number}（身份证号 {id}）与第 {other_row} 行的 {other} 身份证号相同，且孕期重叠：同一孕期只应登记一次，请合并两行或更正日期。",
        "en": "{number} (ID {id}) has the identity number of {other} (row {other_row}), and their pregnancies overlap: one pregnancy is registered once; merge the rows or correct the dates.",
    },
    "beneficiary-duplicate.undated": {
        "zh": "{number}（身份证号 {id}）与第 {other_row} 行的 {other} 身份证号相同，登记册未写孕期日期，无法区分两次妊娠：请填写末次月经和分娩日期，或合并两行。",
        "en": "{number} (ID {id}) has the identity number of {other} (row {other_row}), and the register gives no pregnancy dates to tell the pregnancies apart: fill in the dates, or merge the rows.",
    },
    "beneficiary-ineligible.no-basis": {
        "zh": "{number}（身份证号 {id}）于 {date} 获付 {paid}，但登记册未写认定依据（低保、特困、建档立卡等）：请补登后再付款。",
        "en": "{number} (ID {id}) was paid {paid} on {date}, but the register gives no basis of eligibility (低保, 特困, 建档立卡, …): record it before paying.",
    },
    "beneficiary-ineligible.no-evidence": {
        "zh": "{number}（身份证号 {id}）于 {date} 获付 {paid}，但登记册未写证明材料：请补登证明材料。",
        "en": "{number} (ID {id}) was paid {paid} on {date}, but the register names no evidence of her eligibility: record the evidence.",
    },
    "beneficiary-ineligible.undated": {
        "zh": "{number}（身份证号 {id}）的证明材料 {evidence} 没有日期，无法确认付款（{date}）前已认定：请补登证明日期。",
        "en": "{number} (ID {id}): the evidence {evidence} has no date, so it cannot show her eligible before this payment on {date}: record its date.",
    },
    "beneficiary-ineligible.late": {
        "zh": "{number}（身份证号 {id}）的证明材料 {evidence} 日期为 {evidence_date}，晚于 {date} 的付款 {paid}：付款时尚未认定其救助资格。",
        "en": "{number} (ID {id}): the evidence {evidence} is dated {evidence_date}, after this payment of {paid} on {date}: she was paid before she was shown eligible.",
    },
    "beneficiary-not-noticed.early": {
        "zh": "{number}（身份证号 {id}）于 {date} 获付 {paid}，但其公示期至 {end} 才结束：应在公示期满后付款。",
        "en": "{number} (ID {id}) was paid {paid} on {date}, before her public notice (公示) ended on {end}: pay after the notice period.",
    },
    "beneficiary-not-noticed.no-notice": {
        "zh": "{number}（身份证号 {id}）于 {date} 获付 {paid}，但登记册没有其公示期：应先公示，期满后再付款。",
        "en": "{number} (ID {id}) was paid {paid} on {date}, but the register gives no public notice (公示) period for her: post the list and pay after the notice.",
    },
    "beneficiary-over-standard.per-pregnancy": {
        "zh": "{number}（身份证号 {id}）本次孕期在 {account_name} 累计获付 {total}，超过每孕次标准 {limit}（{since} 起执行）。",
        "en": "{number} (ID {id}) has been paid {total} from {account_name} for this pregnancy, above the standard of {limit} per pregnancy (in force since {since}).",
    },
    "beneficiary-over-standard.per-year": {
        "zh": "{number}（身份证号 {id}）{fiscal_year} 年度在 {account_name} 累计获付 {total}，超过每年标准 {limit}（{since} 起执行）。",
        "en": "{number} (ID {id}) has been paid {total} from {account_name} in {fiscal_year}, above the standard of {limit} a year (in force since {since}).",
    },
    "beneficiary-over-standard.per-visit": {
        "zh": "{number}（身份证号 {id}）本次获付 {paid}（{this_visits} 次），超过每次 {rate} 的标准（{since} 起执行）。",
        "en": "{number} (ID {id}) was paid {paid} for {this_visits} visit(s), above the standard of {rate} a visit (in force since {since}).",
    },
    "beneficiary-over-standard.visits": {
        "zh": "{number}（身份证号 {id}）本次孕期在 {account_name} 已补助 {count} 次，超过标准的 {visits} 次（{since} 起执行）。",
        "en": "{number} (ID {id}) has been paid for {count} visits from {account_name} in this pregnancy, above the standard's {visits} (in force since {since}).",
    },
    "beneficiary-over-standard.per-visit-total": {
        "zh": "{number}（身份证号 {id}）本次孕期在 {account_name} 累计获付 {total}，超过标准 {visits} 次 × {rate} = {limit}（{since} 起执行）。",
        "en": "{number} (ID {id}) has been paid {total} from {account_name} in this pregnancy, above the standard of {visits} visits x {rate} = {limit} (in force since {since}).",
    },
    "roster-mismatch.total": {
        "zh": "花名册 {roster} 合计 {total}（{rows} 行），与付款金额 {amount_text} 不符：请核对花名册或付款金额。",
        "en": "the roster {roster} adds up to {total} ({rows} rows), but the payment is {amount_text}: correct the roster or the amount.",
    },
    "roster-mismatch.unknown": {
        "zh": "花名册 {roster} 第 {row} 行的登记号 {number} 不在救助对象登记册 {register} 中：请补登或更正。",
        "en": "the roster {roster}, row {row}: {number} is not in the beneficiary register {register}: add her to the register or correct the number.",
    },
    "roster-mismatch.repeated": {
        "zh": "花名册 {roster} 第 {row} 行再次列出 {number}（身份证号 {id}），首次见第 {first} 行：同一人在一份花名册中只应列一次。",
        "en": "the roster {roster}, row {row}, lists {number} (ID {id}) again (first at row {first}): list each woman once.",
    },
    "roster-mismatch.accounts": {
        "zh": "按花名册付款应只记入一个救助账户，而该付款记入了 {accounts}：请按补助项目分开记账，每笔附各自的花名册。",
        "en": "a payment with a roster posts to one relief account, and this one posts to {accounts}: split it by subsidy, each with its own roster.",
    },
    # -- the report --------------------------------------------------------------------------
    "title-beneficiaries": {"zh": "救助对象花名册", "en": "Relief beneficiaries"},
    "title-beneficiary-standards": {
        "zh": "救助标准执行情况",
        "en": "Beneficiaries against the standards",
    },
    "register_no": {"zh": "登记号", "en": "Register no."},
    "beneficiary": {"zh": "姓名", "en": "Name"},
    "id_masked": {"zh": "身份证号（脱敏）", "en": "ID number (masked)"},
    "township": {"zh": "乡镇", "en": "Township"},
    "village": {"zh": "村（居）", "en": "Village"},
    "eligibility": {"zh": "认定依据", "en": "Eligibility"},
    "evidence": {"zh": "证明材料", "en": "Evidence"},
    "subsidy": {"zh": "救助项目", "en": "Subsidy"},
    "visits": {"zh": "人次", "en": "Visits"},
    "her_total": {"zh": "累计", "en": "Her total"},
    "standard": {"zh": "标准", "en": "Standard"},
    "limit": {"zh": "限额", "en": "Limit"},
    "over_standard": {"zh": "超标准", "en": "Over"},
    "rules_broken": {"zh": "问题", "en": "Findings"},
    "basis-per-visit": {
        "zh": "每次 {rate}，每孕次 {visits} 次",
        "en": "{rate} a visit, {visits} a pregnancy",
    },
    "basis-per-pregnancy": {"zh": "每孕次", "en": "per pregnancy"},
    "basis-per-year": {"zh": "每年", "en": "per year"},
    "period-pregnancy": {"zh": "孕次 {number}", "en": "pregnancy {number}"},
    "period-year": {"zh": "{year}年", "en": "{year}"},
    "woman-total": {"zh": "{number} 合计", "en": "{number} total"},
    "note-no-register": {
        "zh": "账簿未指定救助对象登记册（grant-beneficiaries）。",
        "en": "The ledger names no beneficiary register (grant-beneficiaries).",
    },
    "note-before-register": {
        "zh": "{date} 起的付款按救助对象登记册核对；此前的付款不在本表。",
        "en": "Payments from {date} on are checked against the beneficiary register; earlier ones are not listed.",
    },
    "note-masked": {
        "zh": "身份证号只显示前 6 位和后 4 位。",
        "en": "Identity numbers show their first 6 and last 4 characters only.",
    },
    "note-names-masked": {
        "zh": "姓名按账簿设置（mask-names）脱敏。",
        "en": "Names are masked, as the ledger asks (mask-names).",
    },
    "masked-register-file": {
        "zh": "救助对象登记册（脱敏）",
        "en": "beneficiary-register-masked",
    },
    "fava-beneficiaries": {"zh": "救助对象", "en": "Beneficiaries"},
}
