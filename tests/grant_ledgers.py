"""Small grant ledgers written from text, and their findings.

A test ledger marks each line where a finding is expected with a trailing comment
`; expect: RULE` (several rules separated by commas). `assert_findings` compares the findings'
(rule, line) pairs with those marks exactly, so a test fails on a missing finding, on a finding
at the wrong line, and on any finding nobody expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ledger.findings import Finding, ledger_findings
from ledger.loading import load_ledger

#: A grant with account names unlike the demo's: nothing may depend on the demo's names.
PREAMBLE = """\
option "operating_currency" "CNY"
plugin "ledger.grant"

2023-01-01 open Assets:Bank:Grant-Account CNY
2023-01-01 open Assets:Bank:Basic CNY
2023-01-01 open Assets:Cash CNY
2023-01-01 open Income:Funding:Province CNY
2023-01-01 open Income:Funding:County CNY
2023-01-01 open Income:Interest CNY
2023-01-01 open Expenses:Program:Admin CNY
2023-01-01 open Expenses:Program:Training CNY
2023-01-01 open Expenses:Program:Training:Courses CNY
2023-01-01 open Expenses:Program:Training:Travel CNY
2023-01-01 open Expenses:Program:Relief CNY
2023-01-01 open Expenses:Fees CNY
2023-01-01 open Expenses:Other CNY
2023-01-01 open Liabilities:Payable CNY
2023-01-01 open Liabilities:Other-Payable CNY
2023-01-01 open Equity:Returned CNY

2024-01-01 custom "grant-account" Assets:Bank:Grant-Account "dedicated"
2024-01-01 custom "grant-source" Income:Funding:Province 100000.00 CNY
2024-01-01 custom "grant-source" Income:Funding:County 100000.00 CNY
2024-01-01 custom "grant-match" Income:Funding:County Income:Funding:Province 1
2024-01-01 custom "grant-category" Expenses:Program:Admin "admin"
2024-01-01 custom "grant-category" Expenses:Program:Training "training"
2024-01-01 custom "grant-category" Expenses:Program:Relief "relief"
2024-01-01 custom "grant-budget" Expenses:Program:Admin 20000.00 CNY
2024-01-01 custom "grant-budget" Expenses:Program:Training 30000.00 CNY
2024-01-01 custom "grant-budget" Expenses:Program:Relief 40000.00 CNY
2024-01-01 custom "grant-carryforward" Expenses:Program:Relief
2024-01-01 custom "grant-allowed" Expenses:Fees
2024-01-01 custom "grant-allowed" Liabilities:Payable
2024-01-01 custom "grant-return" Equity:Returned

"""

#: Funding for a year: the province's and the county's full allocations, on January 2nd.
FUNDING = """\
{year}-01-02 * "Province" "allocation {year}"
  voucher: "F-{year}-P"
  Income:Funding:Province  -100000.00 CNY
  Assets:Bank:Grant-Account

{year}-01-02 * "County" "match {year}"
  voucher: "F-{year}-C"
  Income:Funding:County  -100000.00 CNY
  Assets:Bank:Grant-Account
"""

MARK = re.compile(r";\s*expect:\s*(?P<rules>[\w\-, ]+)\s*$")

LedgerWriter = Callable[..., Path]


def expected_marks(text: str) -> set[tuple[str, int]]:
    """The (rule, line) pairs marked with `; expect: RULE` in a ledger's text."""
    marks = set()
    for number, line in enumerate(text.splitlines(), start=1):
        found = MARK.search(line)
        if found:
            for rule in found["rules"].split(","):
                marks.add((rule.strip(), number))
    return marks


def funding(*years: int) -> str:
    """Full funding from both sources for each year."""
    return "\n".join(FUNDING.format(year=year) for year in years)


def findings_of(path: Path) -> list[Finding]:
    """Every finding of the ledger at `path`."""
    return ledger_findings(load_ledger(path))


PLUGIN_LINE = re.compile(r'^plugin "ledger\.grant"[ \t]*$', re.MULTILINE)


def without_plugin_line(path: Path) -> Path:
    """A copy of the ledger beside it with its `plugin "ledger.grant"` line blanked out.

    The line becomes a comment, so every other line keeps its number.
    """
    text = path.read_text(encoding="utf-8")
    assert PLUGIN_LINE.search(text), f"{path} names no plugin line"
    copy = path.with_name(f"{path.stem}.no-plugin{path.suffix}")
    copy.write_text(PLUGIN_LINE.sub("; (no plugin line)", text), encoding="utf-8")
    return copy


def findings_both_ways(path: Path) -> list[Finding]:
    """The ledger's findings, asserting that they are the same without the plugin line.

    `validate` applies the rules whether or not the ledger names the plugin; the answer must
    not depend on it (the same rules at the same lines).
    """
    findings = findings_of(path)
    copy = without_plugin_line(path)
    plain = findings_of(copy)

    def seen(found: list[Finding], file: Path) -> set[tuple[str, int | None, bool]]:
        return {(f.rule, f.line, f.file == str(file)) for f in found}

    assert seen(findings, path) == seen(plain, copy)
    return findings


def assert_findings(path: Path) -> list[Finding]:
    """Assert that the ledger's findings are exactly the ones its text marks, plugin or not."""
    findings = findings_both_ways(path)
    found = {(f.rule, f.line) for f in findings if f.file == str(path)}
    elsewhere = [f for f in findings if f.file != str(path)]
    expected = expected_marks(path.read_text(encoding="utf-8"))
    details = "\n".join(f"  {f.rule} line {f.line}: {f.message}" for f in findings)
    assert found == expected, f"findings differ from the marks:\n{details}"
    assert not elsewhere, f"findings outside the ledger file:\n{details}"
    return findings
