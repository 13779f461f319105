"""The performance self-evaluation's words: targets, scoring, the 绩效自评表."""

PERFORMANCE: dict[str, dict[str, str]] = {
    # -- config findings of the performance directives ---------------------------------
    "config.target-not-text": {
        "zh": '{key} 应为文字，而不是 {value}：请加引号，例如 `{key}: "…"`。',
        "en": '{key} must be text, not {value}: write it in quotes, e.g. `{key}: "…"`.',
    },
    "config.target-bad-value": {
        "zh": '指标「{name}」的值 {value} 无效：请写不小于 0 的数字（百分比写 95 并注明单位 "%"）。',
        "en": 'indicator "{name}" has the value {value}: write a number of 0 or more (for a percentage write 95 with the unit "%").',
    },
    "config.target-bad-kind": {
        "zh": '指标「{name}」的类别 kind 为 {value}：请写 "产出-数量"、"产出-质量"、"产出-时效"、"产出-成本"、"效益"（或 "效益-社会效益" 等）或 "满意度"。',
        "en": 'indicator "{name}" has kind {value}: write "产出-数量", "产出-质量", "产出-时效", "产出-成本", "效益" (or "效益-社会效益" …) or "满意度" (or quantity, quality, timeliness, cost, outcome, social, economic, ecological, sustainable, satisfaction).',
    },
    "config.target-bad-direction": {
        "zh": '指标「{name}」的方向 direction 为 {value}：请写 "≥"（不低于）、"≤"（不高于）或 "="（等于）。',
        "en": 'indicator "{name}" has direction {value}: write "at-least" (≥), "at-most" (≤) or "exactly" (=).',
    },
    "config.target-no-kind": {
        "zh": '指标「{name}」没有写类别 kind：请写 `kind: "产出-数量"`，或 "产出-质量"、"产出-时效"、"产出-成本"、"效益"（或 "效益-社会效益" 等）、"满意度"。',
        "en": 'indicator "{name}" has no kind: write `kind: "产出-数量"`, or "产出-质量", "产出-时效", "产出-成本", "效益" (or "效益-社会效益" …), "满意度" (or quantity, quality, timeliness, cost, outcome, social, economic, ecological, sustainable, satisfaction).',
    },
    "config.target-no-weight": {
        "zh": "指标「{name}」没有写分值 weight：请写大于 0、不超过 100 的数字，例如 `weight: 20`。",
        "en": 'indicator "{name}" has no weight: write a number above 0 and at most 100, e.g. `weight: 20`.',
    },
    "config.target-bad-weight": {
        "zh": "指标「{name}」的分值 weight 为 {value}：请写大于 0、不超过 100 的数字，例如 `weight: 20`。",
        "en": 'indicator "{name}" has weight {value}: write a number above 0 and at most 100, e.g. `weight: 20`.',
    },
    "config.target-unknown-measure": {
        "zh": "measure {value} 无法识别：可用的取数方式有 {known}（写法见 README）。",
        "en": "measure {value} is unknown: the measures are {known} (see the README for how to write them).",
    },
    "config.target-bad-measure": {
        "zh": "measure {value} 的参数不对：应写成 `{signature}`。",
        "en": "measure {value} does not read: write it as `{signature}`.",
    },
    "config.target-measure-account": {
        "zh": "measure {measure} 中的 {account} 不是{what}：请改为{what}。",
        "en": "measure {measure} names {account}, which is not {what}: name {what} instead.",
    },
    "config.target-measure-undeclared": {
        "zh": "measure {measure} 从 {directive} 所指的登记册取数，但账簿没有 {directive}：请添加 {directive}，或改用其他取数方式。",
        "en": "measure {measure} reads the register a {directive} names, and the ledger has no {directive}: add one, or measure the indicator another way.",
    },
    "config.target-measure-unit": {
        "zh": '指标「{name}」按 {measure} 取数，结果是百分比，单位却是 {unit}：请把目标值写成百分数并注明单位 "%"（例如 95 "%"）。',
        "en": 'indicator "{name}" is measured by {measure}, a percentage, but its unit is {unit}: write the target as a percentage with the unit "%" (e.g. 95 "%").',
    },
    "config.target-duplicate": {
        "zh": "{year} 年度已有指标「{name}」：同一年度的指标名称不能重复。",
        "en": 'fiscal year {year} already has the indicator "{name}": give each indicator of a year its own name.',
    },
    "config.target-weights": {
        "zh": "{years} 年度的绩效指标（{own} 年度设定）分值合计 {targets}，加上预算执行率的 {execution}，共 {total}，而不是 100：请调整各指标的 weight。",
        "en": "in {years}, the weights of the targets set in {own} ({targets}) and of the budget execution ({execution}) add up to {total}, not 100: correct the targets' weight.",
    },
    "config.actual-bad-year": {
        "zh": "grant-year 的值 {value} 无效：请写成所报告的年度，例如 `grant-year: {year}`。",
        "en": "grant-year is {value}: write the fiscal year the value is for, e.g. `grant-year: {year}`.",
    },
    "config.actual-empty": {
        "zh": "“grant-actual”「{name}」（{year} 年度）既没有实际值，也没有 reason：请写上实际值（及佐证材料 document），或写明偏差原因 reason。",
        "en": '"grant-actual" "{name}" ({year}) has neither a value nor a reason: write the value (with its evidence `document:`) or the `reason:`.',
    },
    "config.actual-without-target": {
        "zh": "{year} 年度没有名为「{name}」的绩效指标：请核对指标名称，或用 grant-year 注明所属年度。",
        "en": 'fiscal year {year} has no indicator "{name}": check the name, or say which year it reports with `grant-year:`.',
    },
    "config.actual-from-books": {
        "zh": '指标「{name}」的实际值由账簿取得（{measure}）：请删去这里的数值，只写 reason；或把该指标的 measure 改为 "reported"。',
        "en": 'indicator "{name}" is measured from the books ({measure}): remove the value here and keep only the `reason:`, or make its measure "reported".',
    },
    "config.actual-without-document": {
        "zh": "{year} 年度指标「{name}」的实际值没有佐证材料：请用 `document:` 注明（例如卫生统计年报的复印件）。",
        "en": 'the value reported for "{name}" ({year}) has no evidence: link it with `document:` (the health statistics report, say).',
    },
    "config.actual-document-missing": {
        "zh": "指标「{name}」的佐证材料 {document} 未找到：请把文件放在账簿旁或 documents 目录中，或更正路径。",
        "en": 'the evidence {document} of "{name}" is not on file: put it beside the ledger or in the documents folder, or correct the path.',
    },
    "config.scoring-bad-weight": {
        "zh": "“grant-scoring”的预算执行率分值 {value} 无效：请写 0 到 100 之间的数，默认 10。",
        "en": '"grant-scoring" gives the budget execution the weight {value}: write a number from 0 to 100 (10 by default).',
    },
    "config.scoring-bad-bounds": {
        "zh": "“grant-scoring”的 {key} 为 {value}：等级分数线应为数字，例如 `excellent: 90`。",
        "en": '"grant-scoring" has {key} {value}: a grade bound is a number, e.g. `excellent: 90`.',
    },
    "config.scoring-bad-order": {
        "zh": "“grant-scoring”的等级分数线应为 100 ≥ 优 > 良 > 中 ≥ 0，而不是 优 {excellent}、良 {good}、中 {fair}。",
        "en": '"grant-scoring" bounds must be 100 ≥ excellent > good > fair ≥ 0, not {excellent}, {good}, {fair}.',
    },
    "config.measure-not-number": {
        "zh": "{key} 的值 {value} 不是数字，绩效指标无法累计：请写成数字，例如 `{key}: 25`。",
        "en": "{key} is {value}, not a number, so the indicator that adds it up cannot: write a number, e.g. `{key}: 25`.",
    },
    # -- findings ------------------------------------------------------------------------
    "target-missed.missed": {
        "zh": "{year} 年度指标「{name}」实际完成 {actual}{unit}，目标为{direction} {target}{unit}（得分 {score}，分值 {weight}），未说明偏差原因：请在该年度的 grant-actual（指标本年度设定的，可写在 grant-target 上）写明 `reason:`。",
        "en": '{year}: indicator "{name}" reached {actual} {unit} against a target of {direction} {target} {unit} (score {score} of {weight}) and no reason says why: write the `reason:` on the year\'s "grant-actual" (or on the "grant-target" for the year it was set).',
    },
    "target-missed.not-reported": {
        "zh": "{year} 年度已结账，指标「{name}」仍无实际值：请添加 grant-actual，写明实际值及佐证材料，或写明未能取得的原因 reason。",
        "en": '{year} is closed and indicator "{name}" has no value: add a "grant-actual" with the value and its evidence, or the `reason:` why there is none.',
    },
    "target-undefined.year": {
        "zh": "{year} 年度已支出 {spent}，但没有设定绩效目标：请添加该年度的 grant-target（年度绩效指标）。",
        "en": "{year} spent {spent} with no performance targets: add the year's `grant-target` directives.",
    },
    # -- words ---------------------------------------------------------------------------
    "perf-account-spending": {
        "zh": "支出类别（或其下级、上级账户）",
        "en": "a category (or an account inside or above one)",
    },
    "perf-account-category": {"zh": "支出类别", "en": "a category"},
    "perf-account-beneficiaries": {
        "zh": "grant-beneficiaries 的救助账户（或其下级、上级账户）",
        "en": "the grant-beneficiaries account (or an account inside or above it)",
    },
    "perf-account-assets": {
        "zh": "grant-assets 的账户（或其下级、上级账户）",
        "en": "a grant-assets account (or an account inside or above one)",
    },
    "perf-account-source": {"zh": "资金来源", "en": "a funding source"},
    "perf-account-matching": {
        "zh": "配套资金来源（grant-match 的第一个账户）",
        "en": "a matching source (the first account of a grant-match)",
    },
    "direction-at-least": {"zh": "不低于", "en": "at least"},
    "direction-at-most": {"zh": "不高于", "en": "at most"},
    "direction-exactly": {"zh": "等于", "en": "exactly"},
    "kind-output": {"zh": "产出指标", "en": "Output"},
    "kind-quantity": {"zh": "数量指标", "en": "Quantity"},
    "kind-quality": {"zh": "质量指标", "en": "Quality"},
    "kind-timeliness": {"zh": "时效指标", "en": "Timeliness"},
    "kind-cost": {"zh": "成本指标", "en": "Cost"},
    "kind-outcome": {"zh": "效益指标", "en": "Outcome"},
    "kind-outcome-any": {"zh": "效益指标", "en": "Outcome"},
    "kind-social": {"zh": "社会效益指标", "en": "Social"},
    "kind-economic": {"zh": "经济效益指标", "en": "Economic"},
    "kind-ecological": {"zh": "生态效益指标", "en": "Ecological"},
    "kind-sustainable": {"zh": "可持续影响指标", "en": "Sustainability"},
    "kind-satisfaction": {"zh": "满意度指标", "en": "Satisfaction"},
    "kind-satisfaction-of": {"zh": "服务对象满意度指标", "en": "Beneficiaries' satisfaction"},
    "kind-execution": {"zh": "预算执行", "en": "Budget execution"},
    "perf-execution": {"zh": "预算执行率", "en": "Budget execution rate"},
    "grade-excellent": {"zh": "优", "en": "excellent"},
    "grade-good": {"zh": "良", "en": "good"},
    "grade-fair": {"zh": "中", "en": "fair"},
    "grade-poor": {"zh": "差", "en": "poor"},
    "grade-none": {"zh": "— 不评等级", "en": "— not graded"},
    "progress-met": {"zh": "达标", "en": "met"},
    "progress-on-track": {"zh": "进度正常", "en": "on track"},
    "progress-at-risk": {"zh": "进度滞后", "en": "at risk"},
    "progress-missed": {"zh": "未达标", "en": "missed"},
    "progress-pending": {"zh": "无实际值", "en": "no value yet"},
    # -- the report (项目支出绩效自评表) ------------------------------------------------------
    "title-performance": {"zh": "项目支出绩效自评表", "en": "Performance self-evaluation"},
    "title-performance-project": {"zh": "项目基本情况", "en": "Project"},
    "title-performance-funds": {"zh": "项目资金情况", "en": "Project funds"},
    "perf-project-name": {"zh": "项目名称", "en": "Project"},
    "perf-project-department": {"zh": "主管部门", "en": "Department in charge"},
    "perf-project-implementer": {"zh": "实施单位", "en": "Implementing unit"},
    "perf-project-goal": {"zh": "年度总体目标", "en": "Overall goal of the year"},
    "value": {"zh": "内容", "en": "Value"},
    "perf-note-project": {
        "zh": '项目名称、主管部门、实施单位和年度总体目标取自账簿的 grant-project 指令（未写项目名称时取账簿标题 option "title"）。',
        "en": "The project, its department, the implementing unit and the year's overall goal come from the ledger's grant-project directive (without a name given there, the project is the ledger's option \"title\").",
    },
    "title-performance-indicators": {"zh": "绩效指标完成情况", "en": "Performance indicators"},
    "item": {"zh": "项目", "en": "Item"},
    "budget_start": {"zh": "年初预算数", "en": "Budget at the start"},
    "budget_year": {"zh": "全年预算数", "en": "Budget for the year"},
    "in_place": {"zh": "到位数", "en": "In place"},
    "executed": {"zh": "全年执行数", "en": "Spent"},
    "weight": {"zh": "分值", "en": "Weight"},
    "score": {"zh": "得分", "en": "Score"},
    "level1": {"zh": "一级指标", "en": "Level 1"},
    "level2": {"zh": "二级指标", "en": "Level 2"},
    "indicator": {"zh": "三级指标", "en": "Indicator"},
    "direction": {"zh": "方向", "en": "Direction"},
    "target": {"zh": "年度指标值", "en": "Target"},
    "unit": {"zh": "计量单位", "en": "Unit"},
    "actual": {"zh": "实际完成值", "en": "Actual"},
    "completion": {"zh": "完成率", "en": "Completion"},
    "progress": {"zh": "完成情况", "en": "Progress"},
    "reason": {"zh": "偏差原因分析及改进措施", "en": "Reason for a deviation"},
    "basis": {"zh": "数据来源", "en": "Source of the figure"},
    "grade": {"zh": "自评等级", "en": "Grade"},
    "perf-total-funds": {"zh": "{year}年度资金总额", "en": "Funds of {year}"},
    "perf-of-which": {"zh": "其中：{label}", "en": "of which: {label}"},
    "perf-carried": {"zh": "上年结转资金", "en": "carried from last year"},
    "perf-total": {"zh": "{year}年度总分", "en": "Total score {year}"},
    "perf-basis-books": {"zh": "账簿：{measure}", "en": "books: {measure}"},
    "perf-basis-execution": {"zh": "账簿：预算执行情况表", "en": "books: budget execution"},
    "perf-basis-reported": {
        "zh": "填报：{document}（{date}）",
        "en": "reported: {document} ({date})",
    },
    "perf-basis-not-reported": {"zh": "填报：尚未填报", "en": "reported: not yet"},
    "perf-basis-no-evidence": {
        "zh": "填报（{date}）：缺少佐证材料，未注明 document",
        "en": "reported ({date}): no evidence, no document linked",
    },
    "perf-basis-evidence-missing": {
        "zh": "填报（{date}）：佐证材料 {document} 缺失，未在账簿文件夹中找到",
        "en": "reported ({date}): evidence {document} missing, not on file in the books' folders",
    },
    "perf-note-open": {
        "zh": "{year}年度尚未结账：实际值截至 {as_of}（全年时间进度 {elapsed}），得分为进度评估。预算执行率，以及方向为“不低于”、随年度累计取数的指标（measure 为 {measures}），完成率不低于时间进度为“进度正常”，否则为“进度滞后”；其他尚未达标的指标（方向为“不高于”或“等于”的，或 measure 为 {others} 的）为“进度滞后”。",
        "en": "{year} is not closed: the figures are as of {as_of} ({elapsed} of the year gone by) and the scores show progress so far. The budget execution, and an indicator held to at least its target whose measure adds up over the year ({measures}), is on track while its completion keeps up with the time gone by, at risk when it falls behind; any other indicator not yet met (held to at most or exactly its target, or measured by {others}) is at risk.",
    },
    "perf-note-repeated": {
        "zh": "{year}年度沿用{own}年度设定的绩效目标。",
        "en": "{year} has no targets of its own and repeats those set in {own}.",
    },
    "perf-note-no-targets": {
        "zh": "{year}年度没有设定绩效目标（grant-target），只对预算执行率评分。",
        "en": "{year} has no performance targets (grant-target): only the budget execution is scored.",
    },
    "perf-note-weights": {
        "zh": "{year}年度各项分值合计 {weights}，不是 100：总分不是百分制，不评等级；请调整各指标的 weight，使其与预算执行率的分值合计为 100。",
        "en": "the weights of {year} add up to {weights}, not 100: the total is not out of 100 and gets no grade; correct the targets' weight so that they and the budget execution's add up to 100.",
    },
    "perf-note-grades": {
        "zh": "{year}年度自评等级：优 ≥ {excellent}，良 ≥ {good}，中 ≥ {fair}，差 < {fair}。",
        "en": "grades of {year}: excellent from {excellent}, good from {good}, fair from {fair}, poor below.",
    },
    "perf-note-rounding": {
        "zh": "得分按四舍五入保留两位小数显示；总分与等级按未经舍入的得分计算，各项得分之和与总分可能有尾差。",
        "en": "Scores are shown rounded half up to two decimals; the total and the grade are worked out from the unrounded scores, so shown scores may not add up to the shown total by a cent.",
    },
    "perf-note-execution": {
        "zh": "预算执行率 = 全年执行数 ÷ 全年预算数（含上年结转），与预算执行情况表一致；得分 = 分值 × 执行率，最高为分值。",
        "en": "Budget execution = spent ÷ the year's budget (with what was carried in), as in the budget execution report; its score is weight × rate, at most the weight.",
    },
    # -- the grant page ----------------------------------------------------------------
    "fava-performance": {"zh": "{year}年度绩效目标完成情况", "en": "Performance targets {year}"},
    "fava-performance-total": {
        "zh": "总分 {total}（满分 {weights}），自评等级：{grade}。",
        "en": "Total {total} of {weights}: {grade}.",
    },
    "fava-performance-ungraded": {
        "zh": "总分 {total}，各项分值合计 {weights}，不是 100：不评等级。",
        "en": "Total {total}, with weights adding up to {weights}, not 100: not graded.",
    },
    "fava-performance-progress": {
        "zh": "进度滞后 {at_risk} 项，无实际值 {pending} 项；按目前进度估算总分 {total}（{grade}）。",
        "en": "{at_risk} at risk, {pending} without a value yet; the total so far would be {total} ({grade}).",
    },
}
