"""The words of files read beside the ledger: statements, registers, a ledger's bank profiles.

`place.*` place a refusal (file, row, column); `table.*` say why a file does not read at all
(size caps included); `register.*` are a register's faults. Every refusal says what to do.
"""

TABLES: dict[str, dict[str, str]] = {
    # -- where -----------------------------------------------------------------------------
    "place.row-column": {
        "zh": "{path}：第 {row} 行，“{column}”列：{reason}",
        "en": "{path}: row {row}, column {column}: {reason}",
    },
    "place.row": {
        "zh": "{path}：第 {row} 行：{reason}",
        "en": "{path}: row {row}: {reason}",
    },
    "place.column": {
        "zh": "{path}：“{column}”列：{reason}",
        "en": "{path}: column {column}: {reason}",
    },
    "place.file": {
        "zh": "{path}：{reason}",
        "en": "{path}: {reason}",
    },
    "place.separator": {
        "zh": "；",
        "en": "; ",
    },
    # -- the file --------------------------------------------------------------------------
    "table.unreadable": {
        "zh": "无法读取（{reason}）",
        "en": "cannot be read ({reason})",
    },
    "table.empty": {
        "zh": "文件是空的：请重新导出或下载",
        "en": "is empty: export or download it again",
    },
    "table.undecodable": {
        "zh": "无法按 {encodings} 解码（第 {offset} 字节，{byte}）：请重新导出为 CSV 或 Excel",
        "en": "cannot be decoded as {encodings} (byte {offset}, {byte}): export it again as CSV "
        "or Excel",
    },
    "table.not-csv": {
        "zh": "不是 CSV 文件：{error}",
        "en": "not a CSV file: {error}",
    },
    "table.broken-workbook": {
        "zh": "不是可读的 {kind} 工作簿（{error}）：文件可能不完整，请重新导出或下载",
        "en": "is not a readable {kind} workbook ({error}): it may be truncated, export or "
        "download it again",
    },
    "table.too-large": {
        "zh": "文件有 {size} MiB，超过上限 {cap} MiB：请分段导出较短期间的明细",
        "en": "is {size} MiB, more than the {cap} MiB a file may be: export a shorter period",
    },
    "table.unpacks-too-large": {
        "zh": "工作簿解压后有 {size} MiB，超过上限 {cap} MiB：这不是正常导出的工作簿，"
        "请重新导出（最好导出为 CSV）",
        "en": "unpacks to {size} MiB, more than the {cap} MiB a workbook may hold: it is not a "
        "workbook as banking or office software exports it; export it again (as CSV if you can)",
    },
    "table.too-many-rows": {
        "zh": "超过行数的上限 {cap} 行（含空行，已数到 {rows} 行）：请分段导出较短期间的明细，"
        "或只把数据行复制到新的工作簿",
        "en": "has more than the {cap} rows a file may have, empty ones included ({rows} counted "
        "so far): export a shorter period, or copy the rows alone into a new workbook",
    },
    "table.too-many-cells": {
        "zh": "超过单元格数的上限 {cap} 个（{rows} 行，最宽 {columns} 列）：请分段导出较短期间的"
        "明细，或只把数据行复制到新的工作簿",
        "en": "spans more than the {cap} cells a file may have ({rows} rows, up to {columns} "
        "columns wide): export a shorter period, or copy the rows alone into a new workbook",
    },
    # -- registers -------------------------------------------------------------------------
    "register.no-header": {
        "zh": "找不到{kind}的表头行：需要的列为 {expected}（第一行是：{seen}）",
        "en": "no header row naming every column of a {kind}: it needs {expected} (the first "
        "row has {seen})",
    },
    "register.missing-column": {
        "zh": "表头没有“{name}”列{aliases}：{kind}需要这一列，请补上{others}",
        "en": "the header has no column {name}{aliases}: a {kind} needs it, add the column{others}",
    },
    "register.ambiguous-column": {
        "zh": "“{first}”和“{second}”两列都可以是{kind}的“{name}”列：请把不是的一列改名"
        "（名为“{name}”的一列优先）",
        "en": "the columns {first} and {second} could both be the {name} column of a {kind}: "
        "rename the one that is not (a column headed {name} itself is taken first)",
    },
    "register.also-read-as": {
        "zh": "（也可写作：{names}）",
        "en": " (also read as: {names})",
    },
    "register.also-missing": {
        "zh": "；另缺：{names}",
        "en": "; also missing: {names}",
    },
    "register.not-date": {
        "zh": "“{text}”不是日期：请写成 2025-03-18 这样的日期",
        "en": "{text!r} is not a date such as 2025-03-18",
    },
    "register.not-amount": {
        "zh": "“{text}”不是金额：请写成 1,080.00 这样的金额",
        "en": "{text!r} is not an amount such as 1,080.00",
    },
    "register.amount-too-large": {
        "zh": "金额不小于 {bound}，不是一笔补助的金额：是否填入了身份证号或其他编号？请更正",
        "en": "the amount is {bound} or more, no amount of one payment: is an identity or other "
        "number in the column? Correct it",
    },
    "register.not-count": {
        "zh": "“{text}”不是整数",
        "en": "{text!r} is not a whole number",
    },
    "register.no-key": {
        "zh": "这一行的编号列是空的：每一行都要有编号",
        "en": "the row has no value in its key column: every row needs one",
    },
    "register.repeated-key": {
        "zh": "{key} 已是第 {first} 行的编号：编号不能重复",
        "en": "{key} is already the key of row {first}: keys must be unique",
    },
}
