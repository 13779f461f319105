"""The command line's words: summaries, refusals and errors of `mch-ledger`'s subcommands."""

COMMANDS: dict[str, dict[str, str]] = {
    "validate.summary": {
        "zh": "{ledger}：{errors} 个错误，{warnings} 个警告",
        "en": "{errors} error(s), {warnings} warning(s) in {ledger}",
    },
    "validate.clean": {
        "zh": "{ledger}：未发现问题",
        "en": "{ledger}: no findings",
    },
}
