"""A judgement of the beneficiary analysis, before it is worded as a finding.

The analysis judges each payment and register row once; a rule module turns the problems of its
rule into findings in the ledger's language, and the report reads the same problems. Fields
hold no full identity number: `id` is always the masked one.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from beancount.core import data

from ledger.errors import GrantError
from ledger.i18n import Catalogue


class Problem(NamedTuple):
    """What is wrong, where: a rule's situation, its message's fields, the place at fault."""

    rule: str
    situation: str
    fields: Mapping[str, Any]
    source: dict[str, Any]
    """The meta of the entry at fault, or `{"filename": REGISTER, "lineno": ROW}`."""
    entry: data.Directive | None
    year: int | None
    account: str | None = None
    amount: Decimal | None = None
    number: str | None = None
    """The register number of the woman it is about, if one."""

    def error(self, messages: Catalogue, currency: str | None) -> GrantError:
        """The problem as a finding in the catalogue's language."""
        return GrantError(
            self.source,
            messages.finding(self.rule, self.situation, **self.fields),
            self.entry,
            self.rule,
            account=self.account,
            amount=self.amount,
            currency=currency if self.amount is not None else None,
            year=self.year,
        )


def at_row(path: str, line: int | None) -> dict[str, Any]:
    """The source of a finding about a register's or roster's row."""
    return data.new_metadata(path, line or 0)
