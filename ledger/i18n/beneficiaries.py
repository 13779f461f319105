"""The beneficiary register's words: its findings' situations, its report, its refusals."""

BENEFICIARIES: dict[str, dict[str, str]] = {}
