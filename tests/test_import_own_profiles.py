"""A ledger's own bank profiles: `custom "import-profiles" "banks"` adds a folder of them.

The folder is relative to the file holding the directive; its profiles add to the shipped ones,
for the command line and for Fava's Import page alike (where one importer,
`mch-ledger.import-profiles`, stands for them). A profile named like a shipped one, or like one
of another folder, is an error naming both files; a folder that is not there, or a malformed
directive, is refused naming the directive's line. Each is a `config` finding at the directive,
so `validate` (and bean-check, and Fava's Errors page) report what the import refuses. The old
`--profiles DIR` (which replaced the shipped profiles, and which Fava never knew) is refused
saying to use the directive.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fava.application import create_app
from import_helpers import GOLDEN_LEDGER, STATEMENTS

import importers
from commands.main import main

CONFIG = Path(importers.__file__).with_name("fava_config.py")
SHIPPED = Path(importers.__file__).with_name("profiles")
QXVB = STATEMENTS / "qxvb.xlsx"
OWN = "mch-ledger.import-profiles"
OPENING = '2025-07-31 * "期初余额"\n  Assets:Bank:QXVB  20000.00 CNY\n  Income:Grant:County\n'


def _run(*arguments):
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


@pytest.fixture
def ledger(tmp_path):
    """The sample ledger with its own profiles folder `banks` and the 清溪村镇银行 account."""
    shutil.copytree(STATEMENTS / "banks", tmp_path / "banks")
    path = tmp_path / "ledger.beancount"
    text = GOLDEN_LEDGER.read_text(encoding="utf-8")
    text += '\n2024-01-01 custom "import-profiles" "banks"\n'
    text += '2024-01-01 open Assets:Bank:QXVB CNY\n  statement-profile: "qxvb"\n'
    path.write_text(text + OPENING, encoding="utf-8")
    return path


def _line_of(path, text):
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def _validated(ledger):
    """`validate --format json`'s findings about an `import-profiles` directive, and its status."""
    result = CliRunner().invoke(main, ["validate", str(ledger), "--format", "json"])
    findings = json.loads(result.stdout)
    return [f for f in findings if "import-profiles" in f["message"]], result.exit_code


def test_the_ledgers_profile_reads_its_banks_statement(ledger):
    identified = _run("identify", QXVB, "--ledger", ledger)
    assert identified.exit_code == 0, identified.output
    assert "mch-ledger.qxvb (清溪村镇银行 单位账户交易明细（打印视图）)" in identified.output
    assert "account (none shown) -> Assets:Bank:QXVB, 5 rows 2025-08-04 to 2025-08-29" in (
        identified.output
    )
    result = _run("extract", QXVB, "--ledger", ledger, "--append", ledger)
    assert result.exit_code == 0, result.output
    text = ledger.read_text(encoding="utf-8")
    assert 'bank-ref: "QXVB2508290005"' in text
    # Printed on 1 September: the closing balance of 29 August is certain.
    assert "2025-08-30 balance Assets:Bank:QXVB" in text and "26753.50 ~ 0.00 CNY" in text


def test_shipped_profiles_still_read_beside_the_ledgers_own(ledger):
    result = _run("identify", STATEMENTS / "icbc.csv", "--ledger", ledger)
    assert result.exit_code == 0, result.output
    assert "mch-ledger.icbc" in result.output


def test_a_profile_named_like_a_shipped_one_is_an_error_naming_both_files(ledger):
    shutil.copy(SHIPPED / "icbc.toml", ledger.parent / "banks" / "ICBC.toml")
    line = _line_of(ledger, '2024-01-01 custom "import-profiles" "banks"')
    clash = (
        f'the bank profile {ledger.parent / "banks" / "ICBC.toml"} of this "import-profiles" '
        f"folder has the name ICBC of {SHIPPED / 'icbc.toml'} too (names compared without "
        "case): rename one of the files (a profile is named after its file)."
    )
    result = _run("identify", STATEMENTS / "icbc.csv", "--ledger", ledger)
    assert result.exit_code == 1
    assert f"{ledger}: row {line}: [config] {clash}" in result.output
    # validate finds it too, at the directive: the books do not pass while the import refuses.
    findings, status = _validated(ledger)
    assert status == 1
    assert [(f["rule"], f["line"], f["message"]) for f in findings] == [
        ("config", line, f"[config] {clash}")
    ]


def test_two_folders_with_one_profile_name_are_an_error_naming_both_files(ledger):
    (ledger.parent / "more").mkdir()
    shutil.copy(ledger.parent / "banks" / "qxvb.toml", ledger.parent / "more" / "QXVB.toml")
    with ledger.open("a", encoding="utf-8") as file:
        file.write('\n2024-01-01 custom "import-profiles" "more"\n')
    result = _run("extract", QXVB, "--ledger", ledger)
    assert result.exit_code == 1
    assert str(ledger.parent / "more" / "QXVB.toml") in result.output
    assert str(ledger.parent / "banks" / "qxvb.toml") in result.output
    [finding], _ = _validated(ledger)
    assert finding["line"] == _line_of(ledger, '2024-01-01 custom "import-profiles" "more"')
    assert f"{ledger.parent / 'more' / 'QXVB.toml'} of this" in finding["message"]
    assert f"the name QXVB of {ledger.parent / 'banks' / 'qxvb.toml'} too" in finding["message"]


def test_a_folder_that_is_not_there_is_refused_naming_the_directive(ledger):
    text = ledger.read_text(encoding="utf-8").replace(
        '"import-profiles" "banks"', '"import-profiles" "bank"'
    )
    ledger.write_text(text, encoding="utf-8")
    line = _line_of(ledger, '2024-01-01 custom "import-profiles" "bank"')
    result = _run("extract", QXVB, "--ledger", ledger)
    assert result.exit_code == 1
    assert f"{ledger}: row {line}: " in result.output
    assert f"names the folder {ledger.parent / 'bank'}, which does not exist" in result.output
    findings, status = _validated(ledger)
    assert status == 1
    assert [(f["rule"], f["line"]) for f in findings] == [("config", line)]
    missing = f"names the folder {ledger.parent / 'bank'}, which does not exist"
    assert missing in findings[0]["message"]


def test_the_folder_findings_in_chinese_and_the_same_folder_twice(ledger):
    chinese = '2024-01-01 custom "fava-option" "language" "zh"\n'
    with ledger.open("a", encoding="utf-8") as file:
        file.write(chinese + '2024-01-01 custom "import-profiles" "nobanks"\n')
        file.write(f'2024-01-01 custom "import-profiles" "{ledger.parent / "banks"}"\n')
    findings, _ = _validated(ledger)
    # The folder named twice (relative, then absolute) is no clash; the missing one is found.
    assert [f["message"] for f in findings] == [
        f"[config] “import-profiles”指定的文件夹 {ledger.parent / 'nobanks'} 不存在："
        "请建立该文件夹并放入自己的银行格式文件，或改正路径（相对于本指令所在的文件）。"
    ]


def test_a_malformed_directive_is_refused_naming_its_line(ledger):
    with ledger.open("a", encoding="utf-8") as file:
        file.write('\n2024-01-01 custom "import-profiles" 12\n')
    line = _line_of(ledger, '2024-01-01 custom "import-profiles" 12')
    result = _run("extract", QXVB, "--ledger", ledger)
    assert result.exit_code == 1
    assert f"{ledger}: row {line}: [config]" in result.output
    assert '"import-profiles" takes "FOLDER"' in result.output
    # validate reports it too, as the grant's parser reads the directive.
    validated = CliRunner().invoke(main, ["validate", str(ledger), "--format", "json"])
    findings = json.loads(validated.stdout)
    assert [f["line"] for f in findings if "import-profiles" in f["message"]] == [line]


def test_a_broken_profile_in_the_folder_is_refused_naming_it(ledger):
    (ledger.parent / "banks" / "mybank.toml").write_text('bank = "某行"\nheader = "交易日期"\n')
    result = _run("identify", QXVB, "--ledger", ledger)
    assert result.exit_code == 1
    assert f"{ledger.parent / 'banks' / 'mybank.toml'}: bad profile: columns is missing" in (
        result.output
    )


def test_the_folder_is_relative_to_the_file_holding_the_directive(tmp_path, ledger):
    (tmp_path / "books").mkdir()
    shutil.move(tmp_path / "banks", tmp_path / "books" / "banks")
    text = ledger.read_text(encoding="utf-8").replace(
        '2024-01-01 custom "import-profiles" "banks"\n', 'include "books/import.beancount"\n'
    )
    ledger.write_text(text, encoding="utf-8")
    (tmp_path / "books" / "import.beancount").write_text(
        '2024-01-01 custom "import-profiles" "banks"\n', encoding="utf-8"
    )
    result = _run("identify", QXVB, "--ledger", ledger)
    assert result.exit_code == 0, result.output
    assert "mch-ledger.qxvb" in result.output


def test_the_old_profiles_option_is_refused_saying_what_to_do(ledger):
    result = _run("identify", QXVB, "--ledger", ledger, "--profiles", ledger.parent / "banks")
    assert result.exit_code == 2
    assert "--profiles is no longer taken: name your bank profiles' folder in the ledger" in (
        result.output
    )
    assert 'custom "import-profiles" "FOLDER"' in result.output


@pytest.fixture
def fava(ledger):
    with ledger.open("a", encoding="utf-8") as file:
        file.write(f'\n2024-01-01 custom "fava-option" "import-config" "{CONFIG}"\n')
        file.write('2024-01-01 custom "fava-option" "import-dirs" "imports"\n')
    (ledger.parent / "imports").mkdir()
    shutil.copy(QXVB, ledger.parent / "imports" / "村镇银行明细.xlsx")
    shutil.copy(STATEMENTS / "icbc.csv", ledger.parent / "imports" / "icbc.csv")
    app = create_app([str(ledger)], load=True)
    slug = next(iter(app.config["LEDGERS"].ledgers_by_slug))
    client = app.test_client()

    def get(endpoint, **query):
        return client.get(f"/{slug}/api/{endpoint}", query_string=query)

    return ledger, get


def test_fava_lists_and_extracts_a_statement_of_the_ledgers_own_profile(fava):
    ledger, get = fava
    listed = {i["basename"]: i["importers"] for i in json.loads(get("imports").data)["data"]}
    assert listed["村镇银行明细.xlsx"] == [
        {
            "account": "Assets:Bank:QXVB",
            "date": "2025-08-29",
            "importer_name": "mch-ledger.import-profiles",
            "name": "qxvb.20250804-20250829.xlsx",
        }
    ]
    assert [i["importer_name"] for i in listed["icbc.csv"]] == ["mch-ledger.icbc"]
    path = str(ledger.parent / "imports" / "村镇银行明细.xlsx")
    response = get("extract", filename=path, importer="mch-ledger.import-profiles")
    assert response.status_code == 200, response.data
    entries = json.loads(response.data)["data"]
    assert [(e["date"], e["meta"]["bank-ref"]) for e in entries if e["t"] == "Transaction"] == [
        ("2025-08-04", "QXVB2508040001"),
        ("2025-08-12", "QXVB2508120002"),
        ("2025-08-19", "QXVB2508190003"),
        ("2025-08-29", "QXVB2508290004"),
        ("2025-08-29", "QXVB2508290005"),
    ]


def test_fava_shows_a_profile_clash_when_extracting(fava):
    ledger, get = fava
    shutil.copy(SHIPPED / "icbc.toml", ledger.parent / "banks" / "icbc.toml")
    ledger.write_text(ledger.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # reload
    listed = {i["basename"]: i["importers"] for i in json.loads(get("imports").data)["data"]}
    # The statement only the ledger's own profile reads stays listed, so that its extraction
    # can say what is wrong; the shipped layout's importer is there as ever.
    assert [i["importer_name"] for i in listed["村镇银行明细.xlsx"]] == [
        "mch-ledger.import-profiles"
    ]
    assert [i["importer_name"] for i in listed["icbc.csv"]] == ["mch-ledger.icbc"]
    for name, importer in (("icbc.csv", "mch-ledger.icbc"), ("村镇银行明细.xlsx", OWN)):
        path = str(ledger.parent / "imports" / name)
        response = get("extract", filename=path, importer=importer)
        assert response.status_code != 200
        error = json.loads(response.data)["error"]
        assert f"the bank profile {ledger.parent / 'banks' / 'icbc.toml'} of this" in error
        assert f"has the name icbc of {SHIPPED / 'icbc.toml'} too" in error
