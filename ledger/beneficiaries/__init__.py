"""Relief beneficiaries (救助对象): who the relief money was paid to, checked as auditors check it.

A ledger names its beneficiary register (救助对象登记册), a CSV or Excel file beside it, and
the account whose payments go to people:

    2026-01-01 custom "grant-beneficiaries" Expenses:MCH:PovertyRelief "registers/救助对象.csv"

Every payment of that account (or a sub-account) names the woman it is for, by her register
number (`beneficiary: "JZ-2026-007"`), or a roster file (花名册, `roster: "rosters/x.csv"`) of
register numbers and amounts. The modules:

- `identity`: identity numbers (GB 11643): check digit, date of birth, sex digit, masking;
- `settings`: what the directives set (the register, the standards, the child-bearing ages);
- `register`: the register and rosters, read as typed rows (cached by path, size and mtime);
- `payments`: the payments of the relief account, each resolved to the women it pays;
- `standards`: each woman's totals against the standards in force (per visit, pregnancy, year);
- `analysis`: the judgements of one load, which the rules (`ledger.rules.beneficiary_*`,
  `roster_mismatch`), the report and the Fava page read.

Nothing here shows a full identity number: every text made from the register masks it.
"""
