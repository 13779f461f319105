"""Serving the books in Fava safely: the layer between `mch-ledger serve` and Fava.

- `app`: Fava's application on a ledger, behind the guards and the layer, in order;
- `layer`: the WSGI layer in front of Fava (refused queries, the ledger lock, vouchers, commits);
- `code_guard`, `folders`: no code from the folders of voucher copies and statements;
- `queries`: which query shell commands may run;
- `books`: Fava's load made the books on disk before a write;
- `vouchers`: voucher numbers for entries added through Fava;
- `git`: the commit of each change;
- `fava_private`: the only use of Fava's internals, checked against the installed Fava.
"""
