"""The `mch-ledger` command: one module per subcommand, above the grant model, imports, reports.

`commands.main` names the subcommands and imports each one's module only when it runs.
"""
