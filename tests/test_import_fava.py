"""Fava's Import page runs the same importers: through Fava's own JSON API (Flask test client).

A ledger sets `import-config` to `importers/fava_config.py` and `import-dirs` to a folder with
two statements. Fava lists each with its importer and ledger account; extracting gives the
command line's entries; saved through Fava and extracted again, every row is marked duplicate.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fava.application import create_app
from import_helpers import GOLDEN_LEDGER, STATEMENTS, extract, golden_entries, new_transactions

import importers

CONFIG = Path(importers.__file__).with_name("fava_config.py")


@pytest.fixture
def fava(tmp_path):
    ledger = tmp_path / "ledger.beancount"
    text = GOLDEN_LEDGER.read_text(encoding="utf-8")
    text += f'\n2024-01-01 custom "fava-option" "import-config" "{CONFIG}"\n'
    text += '2024-01-01 custom "fava-option" "import-dirs" "imports"\n'
    text += '2024-12-31 * "期初"\n  Assets:Bank:QXRCB  4818.56 CNY\n  Income:Grant:County\n'
    ledger.write_text(text, encoding="utf-8")
    (tmp_path / "imports").mkdir()
    for name in ("qxrcb.csv", "ccb.xls"):
        shutil.copy(STATEMENTS / name, tmp_path / "imports" / name)
    app = create_app([str(ledger)], load=True)
    app.testing = True
    slug = next(iter(app.config["LEDGERS"].ledgers_by_slug))
    client = app.test_client()

    def get(endpoint, **query):
        response = client.get(f"/{slug}/api/{endpoint}", query_string=query)
        assert response.status_code == 200, response.data
        return json.loads(response.data)["data"]

    def put(endpoint, body):
        response = client.put(f"/{slug}/api/{endpoint}", json=body)
        assert response.status_code == 200, response.data

    get.raw = lambda endpoint, **query: client.get(f"/{slug}/api/{endpoint}", query_string=query)
    return tmp_path, get, put


def test_import_page_lists_each_statement_with_its_importer_and_account(fava):
    _, get, _ = fava
    listed = {item["basename"]: item["importers"] for item in get("imports")}
    assert listed == {
        "ccb.xls": [
            {
                "account": "Assets:Bank:CCB",
                "date": "2025-05-30",
                "importer_name": "mch-ledger.ccb",
                "name": "ccb.20250506-20250530.xls",
            }
        ],
        "qxrcb.csv": [
            {
                "account": "Assets:Bank:QXRCB",
                "date": "2025-03-29",
                "importer_name": "mch-ledger.qxrcb",
                "name": "qxrcb.20250109-20250329.csv",
            }
        ],
    }


def test_fava_extracts_what_the_command_line_extracts(fava):
    folder, get, _ = fava
    path = folder / "imports" / "qxrcb.csv"
    from_fava = get("extract", filename=str(path), importer="mch-ledger.qxrcb")
    ledger = golden_entries()
    from_cli = new_transactions(extract(path, ledger))
    transactions = [e for e in from_fava if e["t"] == "Transaction"]
    assert [(e["date"], e["meta"]["voucher"], e["meta"]["bank-ref"]) for e in transactions] == [
        (str(e.date), e.meta["voucher"], e.meta["bank-ref"]) for e in from_cli
    ]
    assert [e["flag"] for e in transactions] == [e.flag for e in from_cli]
    assert [e["postings"][0]["account"] for e in transactions] == [
        e.postings[0].account for e in from_cli
    ]
    assert not any(e["meta"].get("__duplicate__") for e in from_fava)


def test_entries_saved_through_fava_are_duplicates_next_time(fava):
    folder, get, put = fava
    path = str(folder / "imports" / "ccb.xls")
    entries = get("extract", filename=path, importer="mch-ledger.ccb")
    put("add_entries", {"entries": entries})
    again = get("extract", filename=path, importer="mch-ledger.ccb")
    assert len(again) == len(entries) == 7
    # The interest row has no reference: it is found by date, amount and running balance.
    assert [e["meta"].get("__duplicate__") for e in again] == [True] * 7


def test_a_broken_statement_is_listed_and_its_extraction_says_why(fava):
    folder, get, _ = fava
    text = (STATEMENTS / "qxrcb.csv").read_bytes().decode("gbk").split("\r\n")
    del text[7]  # the 1,420.00 payment of row 8 lost: the running balance breaks on the next
    broken = folder / "imports" / "broken.csv"
    broken.write_bytes("\r\n".join(text).encode("gbk"))
    listed = {item["basename"]: item["importers"] for item in get("imports")}
    assert [i["account"] for i in listed["broken.csv"]] == ["Assets:Bank:QXRCB"]
    assert len(listed) == 3  # the good statements are still listed
    response = get.raw("extract", filename=str(broken), importer="mch-ledger.qxrcb")
    assert response.status_code != 200
    error = json.loads(response.data)["error"]
    # Row 8 is now the 680.00 payment: 14,818.56 - 680.00 is 14,138.56, not the 12,718.56 shown.
    assert f"{broken}: row 8, column 余额: the balance 12,718.56 does not follow" in error
    assert "14,818.56 -680.00 = 14,138.56" in error
