"""Equipment as fixed assets, purchases as procurement: the grant's asset register.

- `register`: the card register (固定资产卡片) a `grant-assets` names, read as `Card`s.
- `schedules`: which threshold holds for an account on a day (per account, dated).
- `payments`: the cards each payment names, and a payment split between its cards.
- `procurement`: purchases (a contract's payments), their records, purchases split in parts.
- `analysis`: `AssetAnalysis`, everything above judged once per load
  (`ledger.grant_ledger.GrantLedger.assets`), which the rules and the reports read.
"""
