"""The errors the grant rules return: Beancount errors that also carry a rule id and severity.

Beancount and Fava only read `source`, `message` and `entry`; `mch-ledger validate` and the
reports also read the rest. `source` is the offending entry's `meta`, so bean-check and Fava's
Errors page link to its file and line.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from beancount.core import data

ERROR = "error"
WARNING = "warning"

#: Every rule id, in the order the README documents them.
RULES: tuple[str, ...] = (
    "config",
    "dedicated-account",
    "earmark",
    "over-budget",
    "match-shortfall",
    "overdraft",
    "voucher-missing",
    "voucher-duplicate",
    "document-missing",
    "document-outside",
    "needs-review",
    "year-not-closed",
    "closed-year-changed",
    "target-missed",
    "target-undefined",
    "asset-missing",
    "asset-unknown",
    "asset-value-mismatch",
    "asset-not-accepted",
    "asset-disposal-unapproved",
    "procurement-missing",
    "procurement-split",
    "beneficiary-missing",
    "beneficiary-unknown",
    "beneficiary-id-invalid",
    "beneficiary-duplicate",
    "beneficiary-ineligible",
    "beneficiary-not-noticed",
    "beneficiary-over-standard",
    "roster-mismatch",
)


class GrantError(NamedTuple):
    """A finding of a grant rule, shaped as a Beancount error."""

    source: dict[str, Any]
    message: str
    entry: data.Directive | None
    rule: str
    severity: str = ERROR
    account: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    year: int | None = None

    @property
    def date(self) -> datetime.date | None:
        """The date of the entry at fault, if there is one."""
        return self.entry.date if self.entry is not None else None


def global_meta() -> dict[str, Any]:
    """Metadata for a finding that no single entry is at fault for."""
    return data.new_metadata("<ledger.grant>", 0)
