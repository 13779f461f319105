"""The asset register's and procurement's words: findings, the 固定资产登记表, refusals."""

ASSETS: dict[str, dict[str, str]] = {}
