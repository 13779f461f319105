"""The words of `mch-ledger serve` and of the Fava layer around it: refusals and notices."""

SERVING: dict[str, dict[str, str]] = {
    # -- the command's notices -----------------------------------------------------------------
    "serve.warning-host": {
        "zh": "警告：正在监听 {host}。Fava 没有登录功能，能访问此地址的任何人都能查看并修改账簿。请把它放在要求输入密码的反向代理之后（见 README）。",
        "en": "warning: listening on {host}: Fava has no login, so anyone who can reach this address can read the books and edit them. Put it behind a reverse proxy with authentication (see the README).",
    },
    "serve.warning-host-read-only": {
        "zh": "警告：正在监听 {host}。Fava 没有登录功能，能访问此地址的任何人都能查看账簿。请把它放在要求输入密码的反向代理之后（见 README）。",
        "en": "warning: listening on {host}: Fava has no login, so anyone who can reach this address can read the books. Put it behind a reverse proxy with authentication (see the README).",
    },
    "serve.extension-off": {
        "zh": "只读：扩展 {extension} 已关闭",
        "en": "read-only: extension {extension} is off",
    },
    "serve.commits": {
        "zh": "通过 Fava 所做的每次修改都会提交到 {folder} 的 git 仓库",
        "en": "each change made through Fava is committed to git in {folder}",
    },
    "serve.not-git": {
        "zh": "账簿不在 git 仓库中：通过 Fava 所做的修改不会被提交",
        "en": "the ledger is not in a git repository: changes made through Fava are not committed",
    },
    "serve.listening": {
        "zh": "Fava 已在 http://{host}:{port} 运行：按 Ctrl-C 停止",
        "en": "Fava on http://{host}:{port}: stop it with Ctrl-C",
    },
    "serve.listening-read-only": {
        "zh": "Fava 已在 http://{host}:{port} 以只读方式运行：按 Ctrl-C 停止",
        "en": "Fava on http://{host}:{port} (read-only): stop it with Ctrl-C",
    },
    "serve.address-in-use": {
        "zh": "无法在 {host}:{port} 监听：端口已被占用（另一个 Fava？）。请先停止它，或用 --port 换一个端口。",
        "en": "cannot listen on {host}:{port}: the port is in use (another Fava?); stop it or choose another port with --port",
    },
    "serve.fava-unsupported": {
        "zh": "无法启动：{problem}。请安装本版本 mch-ledger 支持的 Fava（运行 make setup）。",
        "en": "cannot serve: {problem}. Install the Fava this version of mch-ledger supports (make setup).",
    },
    # -- refusals of requests ------------------------------------------------------------------
    "serve.query-refused": {
        "zh": "查询命令 .{command} 会写文件、改变查询环境或向服务器输出，Fava 中不能运行；只有查询语句和 .help、.describe、.tables、.explain、.run 可用。需要时请在命令行使用 bean-query。",
        "en": "The query command .{command} writes a file, changes the query shell for everyone or prints on the server: it does not run in Fava. Queries and .help, .describe, .tables, .explain and .run do; use bean-query on the command line for the rest.",
    },
    "serve.file-outside": {
        "zh": "文件 {file} 位于账簿目录、documents 目录和导入目录之外（含符号链接指向的位置），不予提供：凭证复印件和对账单须存放在账簿之内。",
        "en": "The file {file} lies outside the ledger's folder, its documents folders and its import folders (symlinks resolved): it is not served. Voucher copies and statements are kept inside the books.",
    },
    "serve.query-output-reset": {
        "zh": "查询环境的输出曾指向文件，已改回内存：每次查询之后都会如此检查。",
        "en": "the query shell's output was pointed at a file and has been put back in memory, as it is after every query",
    },
    "serve.busy": {
        "zh": "另一个程序正在写入此账簿（锁文件 {lock}），等待超时：未保存任何内容，请稍后再试。",
        "en": "Another program is writing these books (lock {lock}) and did not finish in time: nothing was saved; try again in a moment.",
    },
    "serve.code-upload": {
        "zh": "{name} 是程序文件，不能作为凭证附件或对账单上传：未保存任何内容。",
        "en": "{name} is a program file: it cannot be uploaded as a voucher copy or a statement; nothing was saved.",
    },
    "serve.code-in-folder": {
        "zh": "{path} 位于凭证附件或对账单文件夹 {folder} 中：那里的文件不会作为程序运行（上传的文件不能变成程序）。请把程序放到这些文件夹之外。",
        "en": "{path} is in {folder}, a folder of voucher copies or statements: files there never run as code (an uploaded file must not become a program). Keep code outside these folders.",
    },
    "serve.code-new": {
        "zh": "{path} 在这个只读 Fava 启动时没有加载：只读实例不运行新的程序，请由管理员重新启动它。",
        "en": "{path} was not loaded when this read-only Fava started: a read-only instance runs no new code; have it restarted to load it.",
    },
    "serve.voucher-in-use": {
        "zh": "凭证号 {number} 在 {period} 已被使用（{date} {payee}，{place}），可能是刚刚导入的：未保存任何内容。请重新提取对账单，或把凭证号留空以自动取下一个号。",
        "en": "Voucher {number} is already used in {period} ({date} {payee}, {place}), perhaps by an import just now: nothing was saved. Extract the statement again, or leave the voucher empty to get the next free number.",
    },
    "serve.bad-filter": {
        "zh": "筛选条件无法识别：{value}。请在时间筛选中选择一个年度，例如 2025。",
        "en": "The filter cannot be read: {value}. Choose one fiscal year in the time filter, such as 2025.",
    },
    # -- commits of changes made through Fava --------------------------------------------------
    "serve.commit-source": {
        "zh": "autocommit: 在 Fava 中保存文件",
        "en": "autocommit: file saved in Fava",
    },
    "serve.commit-entry-changed": {
        "zh": "autocommit: 在 Fava 中修改分录",
        "en": "autocommit: entry changed in Fava",
    },
    "serve.commit-entry-deleted": {
        "zh": "autocommit: 在 Fava 中删除分录",
        "en": "autocommit: entry deleted in Fava",
    },
    "serve.commit-entries-added": {
        "zh": "autocommit: 在 Fava 中添加 {count} 笔分录",
        "en": "autocommit: {count} entries added in Fava",
    },
    "serve.commit-document": {
        "zh": "autocommit: 在 Fava 中链接凭证附件",
        "en": "autocommit: voucher copy linked in Fava",
    },
    "serve.commit-other": {
        "zh": "autocommit: 在 Fava 中修改",
        "en": "autocommit: changed in Fava",
    },
    "serve.commit-failed": {
        "zh": "修改已保存，但未能提交到 git：{problem}",
        "en": "the change is saved but could not be committed to git: {problem}",
    },
}
