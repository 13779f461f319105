"""The words of `mch-ledger serve` and of the Fava layer around it: refusals and notices."""

SERVING: dict[str, dict[str, str]] = {}
