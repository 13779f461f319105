"""One grant ledger per load: every front end reads the same analysis, made once.

The plugin line cannot change the answer (`findings_both_ways`), the voucher register shows
the rules' judgement, and validate, every report and the importer analyse a load once.
"""

from __future__ import annotations

import gc
import shutil
import weakref
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from grant_ledgers import assert_findings, findings_both_ways, funding
from import_helpers import R, with_balances, write_statement
from named_ledgers import FOLDER as NAMED_FOLDER

import ledger.grant_ledger
from commands.main import main
from ledger.loading import load_ledger
from ledger.seals import sealed_transactions
from reports.build import KINDS, build_report

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


@pytest.fixture
def scans(monkeypatch) -> list[int]:
    """Counts the grant analyses (one `scan` of the transactions each) made from now on."""
    made: list[int] = []
    real = ledger.grant_ledger.scan

    def counting(entries, config):
        made.append(len(entries))
        return real(entries, config)

    monkeypatch.setattr(ledger.grant_ledger, "scan", counting)
    return made


def demo_copy(folder: Path) -> Path:
    """The demo ledger and its voucher copies, copied into `folder`."""
    shutil.copytree(DEMO.parent / "documents", folder / "documents")
    for name in ("registers", "rosters"):  # the beneficiary register, the rosters
        shutil.copytree(DEMO.parent / name, folder / name)
    shutil.copyfile(DEMO, folder / "main.beancount")
    return folder / "main.beancount"


TESTS = Path(__file__).parent


def named_ledgers() -> list[str]:
    """Every named test ledger, as FOLDER/NAME: each `*.beancount` in a folder of tests/.

    A name with a dot in it (`qxrcb.csv.beancount`) is a statement's expected extract, not a
    ledger.
    """
    return sorted(
        f"{path.parent.name}/{path.stem}"
        for path in TESTS.glob("*/*.beancount")
        if "." not in path.stem
    )


def test_the_named_ledgers_are_found_in_every_folder():
    # A new folder of named ledgers is checked without anyone listing it here.
    folders = {name.split("/")[0] for name in named_ledgers()}
    assert folders >= {
        NAMED_FOLDER.name,
        "asset_ledgers",
        "beneficiary_ledgers",
        "performance_ledgers",
        "statements",
    }


@pytest.mark.parametrize("name", ["demo", *named_ledgers()])
def test_every_named_ledger_gives_the_same_findings_with_and_without_the_plugin(tmp_path, name):
    if name == "demo":
        path = demo_copy(tmp_path)
    else:
        # The whole folder: a ledger's registers, rosters and included files come along.
        folder, stem = name.split("/")
        copied = Path(shutil.copytree(TESTS / folder, tmp_path / folder))
        (copied / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")
        path = copied / f"{stem}.beancount"
        text = path.read_text(encoding="utf-8")
        if 'plugin "ledger.grant"' not in text:
            # A ledger written without the line gets it last, so no line moves.
            path.write_text(text + '\nplugin "ledger.grant"\n', encoding="utf-8")
    findings_both_ways(path)


PADDED = """
2024-01-01 pad Assets:Bank:Grant-Account Equity:Opening  ; expect: config
2024-01-02 balance Assets:Bank:Grant-Account  4000.00 CNY

2024-02-01 * "Shop" "paper"  ; expect: overdraft
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  1000.00 CNY
  Assets:Bank:Grant-Account
"""


def test_a_pad_on_the_dedicated_account_is_a_config_finding_both_ways(write_ledger):
    # Beancount pads after the plugin has run: the plugin saw no money and reported an
    # overdraft, while validate without the plugin line saw 4,000.00 and found nothing.
    path = write_ledger("2023-01-01 open Equity:Opening CNY\n", PADDED)
    findings = assert_findings(path)
    [pad] = [f for f in findings if f.rule == "config"]
    assert "Assets:Bank:Grant-Account" in pad.message
    assert "pad" in pad.message
    # Whatever Beancount's pad made, the books are those of the entries written.
    books = load_ledger(path).grant.books
    assert books[2024].balance == -1000


def test_a_pad_elsewhere_is_no_finding(write_ledger):
    path = write_ledger(
        "2023-01-01 open Equity:Opening CNY\n",
        funding(2024),
        """
        2024-01-01 pad Assets:Cash Equity:Opening
        2024-01-02 balance Assets:Cash  50.00 CNY
        """,
    )
    assert assert_findings(path) == []


def test_the_voucher_register_shows_a_number_repeated_with_a_trailing_space(write_ledger):
    path = write_ledger(
        funding(2024),
        """
        2024-03-01 * "Shop" "paper"
          voucher: "V-2024-001"
          document: "copy.pdf"
          Expenses:Program:Admin  100.00 CNY
          Assets:Bank:Grant-Account

        2024-03-02 * "Shop" "pens"  ; expect: voucher-duplicate
          voucher: "V-2024-001 "
          document: "copy.pdf"
          Expenses:Program:Admin  50.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    assert_findings(path)
    report = build_report("vouchers", load_ledger(path), 2024, "en")
    register, numbering = report.tables
    statuses = [
        (row.values["voucher"], row.values["status"])
        for row in register.entries
        if row.values["voucher"].startswith("V-")
    ]
    # The first use of the number is in order; the second is the duplicate, as the rule says.
    assert statuses == [("V-2024-001", "ok"), ("V-2024-001", "duplicate")]
    [problem] = [row.values for row in numbering.entries]
    assert problem["voucher"] == "V-2024-001"
    assert problem["problem"] == "used 2 times"


REGISTER = """
2024-01-01 custom "grant-voucher-period" "month"

2024-03-01 * "Shop" "paper"  ; expect: document-outside
  voucher: "V-002"
  document: "/etc/hostname"
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account

2024-04-01 * "Shop" "pens"
  voucher: "V-002"
  document: "copy.pdf"
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account

2024-04-02 * "Shop" "ink"  ; expect: voucher-duplicate, document-missing
  voucher: " V-002"
  document: "copy.pdf"
  attachments: 2
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account

2024-04-03 * "Shop" "stamps"  ; expect: config, document-missing
  voucher: 9
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account

2024-04-04 * "Shop" "glue"  ; expect: voucher-missing
  document: "copy.pdf"
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account

2024-04-05 * "Shop" "tape"  ; expect: config
  voucher: "V-003"
  document: "copy.pdf"
  attachments: "two"
  Expenses:Program:Admin  100.00 CNY
  Assets:Bank:Grant-Account
"""

#: The register's words for each rule that judges an entry's number and copies.
STATUS_OF_RULE = {
    "voucher-missing": "no voucher number",
    "voucher-duplicate": "duplicate",
    "document-missing": "copy missing",
    "document-outside": "copy outside the books",
}


def test_the_voucher_registers_status_is_exactly_the_rules_judgement(write_ledger):
    path = write_ledger(funding(2024), REGISTER)
    findings = assert_findings(path)
    register, _ = build_report("vouchers", load_ledger(path), 2024, "en").tables
    status = {
        int(row.values["where"].rsplit(":", 1)[1]): row.values["status"] for row in register.entries
    }
    assert status == {
        36: "ok",  # the funding
        41: "ok",
        49: "copy outside the books",  # not a missing copy
        55: "ok",  # the first use of V-002 in April
        61: "duplicate, copy missing",  # both
        68: "number not text, copy missing",  # `voucher: 9` has its row
        73: "no voucher number",
        78: "attachments malformed",
    }
    # Every word of the register is a finding at that line, and every such finding is shown.
    shown = {
        (line, word)
        for line, words in status.items()
        for word in words.split(", ")
        if word in STATUS_OF_RULE.values()
    }
    judged = {(f.line, STATUS_OF_RULE[f.rule]) for f in findings if f.rule in STATUS_OF_RULE}
    assert shown == judged


HAND_WRITTEN_P = """
2024-03-01 P "Trainer" "course, flagged P by hand"  ; expect: over-budget
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Training  31000.00 CNY
  Assets:Bank:Grant-Account

2024-04-01 pad Assets:Cash Equity:Opening
2024-04-02 balance Assets:Cash  50.00 CNY
"""


def test_a_transaction_written_with_flag_p_counts_like_any_other(write_ledger):
    # Only the padding Beancount's `pad` makes is left out of the grant's books.
    path = write_ledger("2023-01-01 open Equity:Opening CNY\n", funding(2024), HAND_WRITTEN_P)
    assert_findings(path)
    loaded = load_ledger(path)
    assert loaded.grant.books[2024].categories["Expenses:Program:Training"].spent == 31000
    padding = [e for e in loaded.entries if getattr(e, "flag", None) == "P" and e.payee is None]
    assert len(padding) == 1  # Beancount's own, for Assets:Cash: no grant account
    register, _ = build_report("vouchers", loaded, 2024, "en").tables
    assert [row.values["voucher"] for row in register.entries].count("V-1") == 1
    # A close seals it with the year's other transactions; Beancount's padding is not sealed.
    sealed = sealed_transactions(loaded.entries, [2024])[2024]
    assert [e.narration for e in sealed if e.flag == "P"] == ["course, flagged P by hand"]


@pytest.mark.parametrize("plugin", [True, False])
def test_validate_analyses_a_load_once(tmp_path, scans, plugin):
    path = demo_copy(tmp_path)
    if not plugin:
        text = path.read_text(encoding="utf-8").replace('plugin "ledger.grant"\n', "")
        path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(scans) == 1


@pytest.mark.parametrize("kind", [*KINDS, "pack"])
def test_each_report_analyses_a_load_once(tmp_path, scans, kind):
    path = demo_copy(tmp_path)
    output = tmp_path / ("pack.zip" if kind == "pack" else "report.xlsx")
    result = CliRunner().invoke(
        main, ["report", kind, str(path), "--format", "xlsx", "--output", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert len(scans) == 1


def test_the_importer_analyses_a_load_once(tmp_path, scans):
    ledger_path = tmp_path / "ledger.beancount"
    shutil.copyfile(Path(__file__).parent / "statements" / "ledger.beancount", ledger_path)
    first = write_statement(
        tmp_path / "a.csv",
        with_balances(Decimal(0), [R("2025-03-01 10:00", "500.00", "县财政局", "拨款", "拨款")]),
    )
    second = write_statement(
        tmp_path / "b.csv",
        with_balances(
            Decimal(500), [R("2025-04-01 10:00", "-20.00", "某银行", "手续费", "手续费")]
        ),
    )
    result = CliRunner().invoke(
        main, ["import", "extract", str(first), str(second), "--ledger", str(ledger_path)]
    )
    assert result.exit_code == 0, result.output
    assert len(scans) == 1


def test_close_reads_the_transactions_twice(write_ledger, scans):
    # Once when it loads the books; the books as they will be once closed reuse that reading;
    # then once more after writing, to prove that what it wrote holds (README, "Checking and
    # closing from the command line").
    path = write_ledger(
        funding(2024),
        """
        2024-12-20 * "Bank" "fee"
          voucher: "V-1"
          Expenses:Fees  20.00 CNY
          Assets:Bank:Grant-Account
        """,
    )
    result = CliRunner().invoke(main, ["close", "2024", str(path), "--date", "2025-01-10"])
    assert result.exit_code == 0, result.output
    assert len(scans) == 2


def test_a_loads_grant_ledger_is_freed_with_it_without_the_collector(tmp_path):
    # The options map keeps the grant ledger: a reference back from it (or from a view kept
    # with it) would make a cycle that lives until a full collection, keeping the whole load
    # in memory after its last use and slowing each load after it (Fava reloads, benchmarks).
    path = demo_copy(tmp_path)
    loaded = load_ledger(path)
    grant = loaded.grant
    for kind in KINDS:
        build_report(kind, loaded, 2026, "en")
    freed = weakref.ref(grant)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del grant, loaded
        assert freed() is None
    finally:
        if was_enabled:
            gc.enable()
