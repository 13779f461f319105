"""Every malformed input is a finding, never a traceback (issue 10.5).

Each ledger marks the line where a finding is expected with `; expect: RULE`; the command line
must answer with findings and an exit status, never a Python traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from grant_ledgers import assert_findings, expected_marks, findings_of, funding

from commands.main import main

PAYMENT = """
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  1200.00 CNY
  Assets:Bank:Grant-Account
"""


def run(*args: str):
    result = CliRunner().invoke(main, [*args])
    # A click exit, never an exception escaping: no traceback for the user.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def messages(path) -> str:
    return "\n".join(f.message for f in findings_of(path))


def test_a_close_of_year_0_or_99999_is_a_finding(write_ledger):
    for year in ("0", "99999"):
        path = write_ledger(
            funding(2024),
            PAYMENT,
            f'2025-01-20 custom "grant-close" {year}   ; expect: config\n',
        )
        assert_findings(path)
        assert "1900" in messages(path) and "2999" in messages(path)
        assert run("validate", str(path)).exit_code == 1
        assert run("report", "budget", str(path)).exit_code == 0
        assert (
            run("report", "pack", str(path), "--output", str(path.with_suffix(".zip"))).exit_code
            == 0
        )
        assert run("close", "2024", str(path), "--date", "2025-01-20").exit_code == 1


def test_an_absurd_budget_is_a_finding(write_ledger):
    path = write_ledger(
        funding(2024),
        PAYMENT,
        '2024-06-01 custom "grant-budget" Expenses:Program:Admin '
        "1000000000000000000000000000000.00 CNY   ; expect: config\n",
    )
    assert_findings(path)
    assert "1,000,000,000,000" in messages(path)
    assert run("validate", str(path)).exit_code == 1
    assert run("report", "budget", str(path), "--format", "json").exit_code == 0


def test_out_of_bounds_ratio_years_and_margin_are_findings(write_ledger):
    match = 'custom "grant-match" Income:Funding:County Income:Funding:Province'
    wrong = [
        f"{match} 0",
        f"{match} 1000",
        'custom "grant-carryforward" Expenses:Program:Relief 0',
        'custom "grant-carryforward" Expenses:Program:Relief 101',
        'custom "grant-close-margin" 400',
        'custom "grant-close-margin" "ten"',
        'custom "grant-close" "2024"',
        'custom "grant-close" 2024.5',
    ]
    lines = "".join(f"2024-02-01 {directive}   ; expect: config\n" for directive in wrong)
    assert_findings(write_ledger(funding(2024), PAYMENT, lines))


def test_attachments_and_voucher_values_that_are_not_what_they_say(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-03-01 * "Hotel" "meetings"   ; expect: config
              voucher: "V-1"
              document: "copy.pdf"
              attachments: -1
              Expenses:Program:Admin  100.00 CNY
              Assets:Bank:Grant-Account

            2024-03-02 * "Hotel" "meetings"   ; expect: config
              voucher: "V-2"
              document: "copy.pdf"
              attachments: "two"
              Expenses:Program:Admin  100.00 CNY
              Assets:Bank:Grant-Account

            2024-03-03 * "Hotel" "meetings"   ; expect: config
              voucher: 9
              document: "copy.pdf"
              Expenses:Program:Admin  100.00 CNY
              Assets:Bank:Grant-Account

            2024-03-04 * "County" "late tranche"   ; expect: config
              voucher: "V-4"
              grant-year: 0000
              Income:Funding:County  -10.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_a_duplicate_identical_grant_account_is_a_finding(write_ledger):
    path = write_ledger(
        funding(2024),
        PAYMENT,
        """
        2024-01-01 custom "grant-account" Assets:Bank:Grant-Account "dedicated"   ; expect: config
        2024-01-01 custom "grant-allowed" Expenses:Fees   ; expect: config
        """,
    )
    assert_findings(path)
    first = 1 + path.read_text(encoding="utf-8").splitlines().index(
        '2024-01-01 custom "grant-account" Assets:Bank:Grant-Account "dedicated"'
    )
    assert f"ledger.beancount:{first}" in messages(path)  # where the first one is


def test_a_misspelt_directive_type_is_a_finding_with_a_guess(write_ledger):
    path = write_ledger(
        funding(2024),
        PAYMENT,
        """
        2024-01-01 custom "grant-budjet" Expenses:Program:Admin 25000.00 CNY   ; expect: config
        2024-01-01 custom "import-rules" Expenses:Fees   ; expect: config
        2024-01-01 custom "grant-xyzzy" "anything"   ; expect: config
        2024-01-01 custom "budget" Expenses:Program:Admin "year" 20000.00 CNY
        """,
    )
    findings = assert_findings(path)
    by_line = sorted(findings, key=lambda f: f.line)
    assert 'did you mean "grant-budget"' in by_line[0].message
    assert 'did you mean "import-rule"' in by_line[1].message
    assert "did you mean" not in by_line[2].message
    assert "grant-carryforward" in by_line[2].message  # the known types are listed


def test_a_directive_type_in_other_case_or_with_underscores_is_a_misspelling(write_ledger):
    path = write_ledger(
        funding(2024),
        PAYMENT,
        """
        2024-06-01 custom "Grant-Budget" Expenses:Program:Admin 25000.00 CNY   ; expect: config
        2024-06-01 custom "grant_budget" Expenses:Program:Admin 25000.00 CNY   ; expect: config
        2024-06-01 custom "GRANT-CLOSE" 2024   ; expect: config
        2024-06-01 custom "Import_Holding" Expenses:Other   ; expect: config
        """,
    )
    findings = sorted(assert_findings(path), key=lambda f: f.line)
    guesses = ["grant-budget", "grant-budget", "grant-close", "import-holding"]
    for finding, guess in zip(findings, guesses, strict=True):
        assert f'did you mean "{guess}"' in finding.message


def test_a_misspelt_directive_in_chinese(write_ledger):
    path = write_ledger(
        funding(2024),
        PAYMENT,
        '2024-01-01 custom "fava-option" "language" "zh"\n'
        '2024-01-01 custom "grant-catagory" Expenses:Other "其他"   ; expect: config\n',
    )
    [finding] = assert_findings(path)
    assert "未知的指令类型" in finding.message
    assert "grant-category" in finding.message


def test_every_directive_type_read_anywhere_is_known():
    from ledger.directives import OTHER_TYPES, SIGNATURES
    from ledger.performance.targets import SIGNATURES as PERFORMANCE

    assert set(PERFORMANCE) <= OTHER_TYPES
    assert {"import-rule", "import-holding", "import-profiles"} <= {*SIGNATURES, *OTHER_TYPES}


#: Every directive type the ledger reads, and a misspelt one: each written with no values.
BARE_TYPES = [
    "grant-account",
    "grant-budget",
    "grant-close",
    "grant-match",
    "grant-procurement",
    "grant-beneficiary-ages",
    "import-holding",
    "import-profiles",
    "grant-target",
    "grant-actual",
    "grant-scoring",
    "grant-nonsense",
]


def test_a_directive_without_values_is_a_finding_everywhere(write_ledger, tmp_path):
    # `custom "grant-budget"` and nothing else: Beancount gives None for its values.
    lines = "".join(f'2024-01-01 custom "{kind}"   ; expect: config\n' for kind in BARE_TYPES)
    path = write_ledger(funding(2024), PAYMENT, lines, '2024-01-01 custom "import-rule"\n')
    # With the plugin line (without it, Beancount's own `pad` fails on it, a `beancount` one).
    found = {(f.rule, f.line) for f in findings_of(path)}
    assert found == expected_marks(path.read_text(encoding="utf-8"))
    assert run("validate", str(path)).exit_code == 1
    assert run("report", "budget", str(path)).exit_code == 0
    closed = run("close", "2024", str(path), "--date", "2025-01-20", "--reason", "test")
    assert closed.exit_code == 1 and "grant-budget" in closed.output  # its findings listed
    bean_check = Path(sys.executable).with_name("bean-check")
    checked = subprocess.run(
        [str(bean_check), str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "BEANCOUNT_DISABLE_LOAD_CACHE": "1"},
    )
    assert checked.returncode == 1 and "Traceback" not in checked.stdout + checked.stderr
    assert "grant-budget" in checked.stdout + checked.stderr
    assert "Error applying plugin" not in checked.stdout + checked.stderr  # pad ran too


def test_fava_starts_on_a_directive_without_values(write_ledger):
    from serve_helpers import remove_guards, slug_of

    from serving.app import serve_app

    path = write_ledger(funding(2024), PAYMENT, '2024-01-01 custom "grant-budget"\n')
    served = serve_app(path, read_only=True, auto_commit=False)
    try:
        client = served.app.test_client()
        slug = slug_of(client)
        for page in ("errors/", "journal/", "income_statement/", "balance_sheet/"):
            assert client.get(f"/{slug}/{page}").status_code == 200, page
        errors = client.get(f"/{slug}/api/errors").get_json()["data"]
        assert any('"grant-budget" takes' in error["message"] for error in errors)
    finally:
        remove_guards()


def test_a_procurement_window_beyond_a_year_is_a_finding(write_ledger):
    purchases = "".join(
        f"""
2024-0{month}-01 * "Supplier" "device"
  voucher: "V-1{month}"
  document: "copy.pdf"
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account
"""
        for month in (3, 4)
    )
    path = write_ledger(
        funding(2024),
        purchases,
        '2024-01-01 custom "grant-procurement" Expenses:Program:Admin 150.00 CNY '
        "100000000000   ; expect: config\n",
    )
    [finding] = assert_findings(path)
    assert "366" in finding.message
    assert run("report", "assets", str(path)).exit_code in (0, 1)
