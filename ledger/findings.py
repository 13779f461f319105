"""Findings as `validate` and the reports show them: Beancount's errors and the grant rules'.

Beancount's own errors (parse, booking, balance) become findings of rule `beancount`, with
anything in their message that looks like an identity number masked, as the grant rules'
messages are where they are made.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ledger.beneficiaries.identity import mask_in_text
from ledger.errors import ERROR, WARNING, GrantError
from ledger.loading import LoadedLedger

BEANCOUNT_RULE = "beancount"


class Finding(NamedTuple):
    """One finding, with where it points."""

    rule: str
    severity: str
    file: str | None
    line: int | None
    date: datetime.date | None
    message: str
    account: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    year: int | None = None

    @property
    def is_error(self) -> bool:
        """Whether the finding is an error (not a warning)."""
        return self.severity == ERROR

    @property
    def text(self) -> str:
        """The message without its leading `[rule]`."""
        prefix = f"[{self.rule}] "
        return self.message[len(prefix) :] if self.message.startswith(prefix) else self.message

    def as_json(self) -> dict[str, Any]:
        """The finding as a JSON object; amounts as strings with two decimals."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "date": self.date.isoformat() if self.date else None,
            "message": self.message,
            "account": self.account,
            "amount": f"{self.amount:.2f}" if self.amount is not None else None,
            "currency": self.currency,
            "year": self.year,
        }


def _where(source: Any) -> tuple[str | None, int | None]:
    if not isinstance(source, dict):
        return None, None
    filename = source.get("filename")
    lineno = source.get("lineno")
    if not filename or str(filename).startswith("<"):
        return None, None
    return str(filename), int(lineno) if lineno else None


def finding_of(error: Any) -> Finding:
    """A finding from a grant error or any Beancount error."""
    file, line = _where(error.source)
    entry = error.entry
    date = getattr(entry, "date", None)
    if isinstance(error, GrantError):
        return Finding(
            error.rule,
            error.severity,
            file,
            line,
            date,
            error.message,
            error.account,
            error.amount,
            error.currency,
            error.year if error.year is not None else (date.year if date else None),
        )
    account = getattr(entry, "account", None)
    return Finding(
        BEANCOUNT_RULE,
        ERROR,
        file,
        line,
        date,
        # Beancount quotes the text it cannot parse: an included register's lines, say.
        mask_in_text(str(error.message)),
        account,
        year=date.year if date else None,
    )


def ledger_findings(ledger: LoadedLedger, hash_copies: bool = False) -> list[Finding]:
    """Every finding of a loaded ledger, Beancount's first, then by file and line.

    Args:
        ledger: the loaded ledger.
        hash_copies: also read the voucher copies of sealed years and report those whose
            content changed since the seal (`ledger.seals.copy_findings`), which the plugin
            leaves out because it reads every file.
    """
    errors = [*ledger.beancount_errors, *ledger.findings]
    if hash_copies:
        from ledger.seals import copy_findings

        errors.extend(copy_findings(ledger.grant))
    findings = [finding_of(error) for error in errors]
    findings.sort(key=lambda f: (f.rule != BEANCOUNT_RULE, f.file or "", f.line or 0))
    return findings


def for_year(findings: Iterable[Finding], year: int | None) -> list[Finding]:
    """The findings about fiscal `year` (and those about no year in particular)."""
    if year is None:
        return list(findings)
    return [f for f in findings if f.year is None or f.year == year]


def summary(findings: Iterable[Finding]) -> tuple[int, int]:
    """The number of errors and of warnings."""
    findings = list(findings)
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    return errors, warnings


def display_path(file: str | None, base: Path | None = None) -> str:
    """A finding's file, relative to `base` (default: the working directory) when inside it."""
    if file is None:
        return "-"
    base = base or Path.cwd()
    try:
        return str(Path(file).relative_to(base))
    except ValueError:
        return file
