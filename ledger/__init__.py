"""The grant ledger: the program's rules as Beancount directives, enforced by a plugin.

`ledger.grant` is the Beancount plugin; `ledger.model` and `ledger.books` are the grant model
that the plugin, the reports and the Fava extension all read.
"""
