"""Which account a statement is: the number it shows, or the ledger's word when it shows none.

Some 中国农业银行 exports print no account number anywhere (`abc-no-number.csv`, the shipped
`abc` sample without its 账号 line). The ledger names the layouts whose statements go to an
account on that account's `open` (`statement-profile: "abc"`), or the command line says it
(`--account`). A statement that does show a number is always the account of that number: a
`--account` saying otherwise is refused, never obeyed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from beancount import loader
from beancount.core import data
from click.testing import CliRunner
from fava.application import create_app
from import_helpers import GOLDEN_LEDGER, STATEMENTS, extract, loaded_of, new_transactions

import importers
from commands.main import main
from importers.errors import AccountError, ImportConfigError
from importers.importer import StatementImporter, ledger_setup

NO_NUMBER = STATEMENTS / "abc-no-number.csv"


def _run(*arguments):
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


def _ledger(tmp_path, text=None):
    """The sample ledger, with its ABC account's `open` rewritten as `text` says."""
    path = tmp_path / "ledger.beancount"
    ledger = GOLDEN_LEDGER.read_text(encoding="utf-8")
    if text is not None:
        ledger = ledger.replace(
            '  statement-profile: "abc"                  ; some of its exports print no account '
            "number\n",
            text,
        )
    path.write_text(ledger, encoding="utf-8")
    return path


def _entries(path):
    entries, errors, _ = loader.load_file(str(path))
    assert errors == [], errors
    return entries


def _abc(path_of_ledger, account=None):
    loaded = loaded_of(_entries(path_of_ledger))
    (profile,) = [p for p in ledger_setup(lambda: loaded).profiles if p.id == "abc"]
    return StatementImporter(profile, lambda: loaded, account=account)


def test_the_sample_ledger_names_the_profile_and_gets_the_rows(tmp_path):
    entries = extract(NO_NUMBER, _entries(_ledger(tmp_path)), "abc")
    assert {p.account for t in new_transactions(entries) for p in t.postings} >= {"Assets:Bank:ABC"}
    assert len(new_transactions(entries)) == 6


def test_without_a_statement_profile_the_statement_is_refused_saying_what_to_write(tmp_path):
    ledger = _ledger(tmp_path, "")
    with pytest.raises(AccountError) as error:
        _abc(ledger).extract(str(NO_NUMBER), _entries(ledger))
    message = str(error.value)
    assert message.startswith(f"{NO_NUMBER}: the statement shows no account number")
    assert 'statement-profile: "abc"' in message and "--account" in message


def test_two_accounts_naming_the_profile_need_account_on_the_command_line(tmp_path):
    ledger = _ledger(tmp_path, '  statement-profile: "abc"\n')
    with ledger.open("a", encoding="utf-8") as file:
        file.write('\n2024-01-01 open Assets:Bank:ABC2 CNY\n  statement-profile: "icbc, abc"\n')
    with pytest.raises(AccountError) as error:
        _abc(ledger).extract(str(NO_NUMBER), _entries(ledger))
    assert "Assets:Bank:ABC, Assets:Bank:ABC2 all name abc" in str(error.value)
    entries = _abc(ledger, account="Assets:Bank:ABC2").extract(str(NO_NUMBER), _entries(ledger))
    assert entries[0].postings[1].account == "Assets:Bank:ABC2"


def test_a_statement_profile_naming_no_profile_is_refused_naming_its_line(tmp_path):
    ledger = _ledger(tmp_path, '  statement-profile: "acb"\n')
    lines = ledger.read_text(encoding="utf-8").splitlines()
    line = lines.index("2024-01-01 open Assets:Bank:ABC CNY") + 1
    with pytest.raises(ImportConfigError) as error:
        _abc(ledger).extract(str(NO_NUMBER), _entries(ledger))
    assert (error.value.path, error.value.row) == (str(ledger), line)
    assert "statement-profile names acb, which is no bank profile" in str(error.value)


def test_account_option_imports_a_statement_without_a_number(tmp_path):
    ledger = _ledger(tmp_path, "")
    with ledger.open("a", encoding="utf-8") as file:
        file.write(
            '\n2025-06-01 * "期初余额"\n  Assets:Bank:ABC  40000.00 CNY\n  Income:Grant:County\n'
        )
    refused = _run("extract", NO_NUMBER, "--ledger", ledger, "--append", ledger)
    assert refused.exit_code == 1
    assert "shows no account number" in refused.output
    result = _run(
        "extract", NO_NUMBER, "--ledger", ledger, "--append", ledger, "--account", "Assets:Bank:ABC"
    )
    assert result.exit_code == 0, result.output
    imported = [e for e in _entries(ledger) if isinstance(e, data.Transaction)]
    assert len([t for t in imported if "bank-ref" in t.meta]) == 6


def test_identify_says_no_number_is_shown_and_which_account(tmp_path):
    result = _run("identify", NO_NUMBER, "--ledger", _ledger(tmp_path))
    assert result.exit_code == 0, result.output
    assert "account (none shown) -> Assets:Bank:ABC, 6 rows 2025-06-02 to 2025-06-25" in (
        result.output
    )


def test_account_option_never_overrides_the_number_a_statement_shows(tmp_path):
    ledger = _ledger(tmp_path)
    before = ledger.read_bytes()
    result = _run(
        "extract",
        STATEMENTS / "icbc.csv",
        "--ledger",
        ledger,
        "--append",
        ledger,
        "--account",
        "Assets:Bank:ABC",
    )
    assert result.exit_code == 1
    assert "shows account number 1202021109000012345, which is Assets:Bank:ICBC's, not " in (
        result.output
    )
    assert ledger.read_bytes() == before


def test_account_option_must_be_an_opened_account(tmp_path):
    ledger = _ledger(tmp_path)
    result = _run("extract", NO_NUMBER, "--ledger", ledger, "--account", "Assets:Bank:Nowhere")
    assert result.exit_code == 1
    assert "--account Assets:Bank:Nowhere is not an account the ledger opens" in result.output


def test_fava_imports_a_statement_without_a_number_by_the_profile_its_account_names(tmp_path):
    config = Path(importers.__file__).with_name("fava_config.py")
    ledger = _ledger(tmp_path)
    with ledger.open("a", encoding="utf-8") as file:
        file.write(f'\n2024-01-01 custom "fava-option" "import-config" "{config}"\n')
        file.write('2024-01-01 custom "fava-option" "import-dirs" "imports"\n')
    (tmp_path / "imports").mkdir()
    shutil.copy(NO_NUMBER, tmp_path / "imports" / "明细.csv")
    app = create_app([str(ledger)], load=True)
    slug = next(iter(app.config["LEDGERS"].ledgers_by_slug))
    client = app.test_client()
    listed = json.loads(client.get(f"/{slug}/api/imports").data)["data"]
    assert [(i["importer_name"], i["account"]) for i in listed[0]["importers"]] == [
        ("mch-ledger.abc", "Assets:Bank:ABC")
    ]
    response = client.get(
        f"/{slug}/api/extract",
        query_string={
            "filename": str(tmp_path / "imports" / "明细.csv"),
            "importer": "mch-ledger.abc",
        },
    )
    entries = json.loads(response.data)["data"]
    assert [e["meta"]["voucher"] for e in entries if e["t"] == "Transaction"] == [
        f"记-2025-00{n}" for n in range(1, 7)
    ]
