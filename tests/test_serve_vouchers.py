"""Voucher numbers for entries added through Fava (issue 11.2).

The demo's last voucher of 2026 is 记-2026-044: an entry on the dedicated account added in Fava
without a number is given 记-2026-045, the next after the books' own, in the ledger's format.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_helpers import demo_copy, payment, slug_of

from ledger.loading import load_ledger


@pytest.fixture
def fava(serve_ledger, tmp_path):
    """A writable instance on a copy of the demo: the ledger's path, a client, the slug."""
    path = demo_copy(tmp_path)
    served = serve_ledger(path, read_only=False, auto_commit=False)
    client = served.app.test_client()
    return path, client, slug_of(client)


def add(client, slug: str, *entries: dict):
    return client.put(f"/{slug}/api/add_entries", json={"entries": list(entries)})


def vouchers_of(path: Path, payee: str = "清溪县彩虹广告设计部") -> dict[str, str]:
    """The date and voucher of each of `payee`'s entries in the ledger as written."""
    loaded = load_ledger(path)
    return {
        str(entry.date): entry.meta.get("voucher")
        for entry in loaded.entries
        if getattr(entry, "payee", None) == payee
    }


def voucher_findings(path: Path) -> list:
    return [f for f in load_ledger(path).findings if f.rule.startswith("voucher")]


def test_an_entry_added_without_a_voucher_gets_the_next_number(fava):
    path, client, slug = fava
    response = add(client, slug, payment("2026-11-20"))
    assert response.status_code == 200, response.data
    assert vouchers_of(path) == {"2026-11-20": "记-2026-045"}
    written = '2026-11-20 * "清溪县彩虹广告设计部" "印制宣传册"\n  voucher: "记-2026-045"\n'
    assert written in path.read_text(encoding="utf-8")
    assert voucher_findings(path) == []
    # The next one follows it.
    add(client, slug, payment("2026-11-21"))
    assert vouchers_of(path)["2026-11-21"] == "记-2026-046"


def test_entries_added_together_are_numbered_in_date_order(fava):
    path, client, slug = fava
    assert add(client, slug, payment("2026-11-25"), payment("2026-11-20")).status_code == 200
    assert vouchers_of(path) == {"2026-11-20": "记-2026-045", "2026-11-25": "记-2026-046"}


def test_a_number_of_another_year_starts_that_years_sequence(fava):
    path, client, slug = fava
    assert add(client, slug, payment("2027-01-05")).status_code == 200
    assert vouchers_of(path) == {"2027-01-05": "记-2027-001"}


def test_an_entry_with_its_own_number_keeps_it_and_the_others_follow_it(fava):
    path, client, slug = fava
    own = payment("2026-11-20", voucher="记-2026-050")
    assert add(client, slug, own, payment("2026-11-21")).status_code == 200
    assert vouchers_of(path) == {"2026-11-20": "记-2026-050", "2026-11-21": "记-2026-051"}


def test_an_entry_whose_number_the_books_already_use_is_refused(fava):
    path, client, slug = fava
    before = path.read_bytes()
    response = add(client, slug, payment("2026-11-20", voucher="记-2026-044"))
    assert response.status_code == 409
    message = response.get_json()["error"]
    assert message.startswith("凭证号 记-2026-044 在 2026 已被使用（2026-11-14 华康医疗设备")
    assert "未保存任何内容" in message
    assert path.read_bytes() == before


def test_entries_off_the_dedicated_account_are_left_as_they_are(fava):
    path, client, slug = fava
    accrual = {
        **payment("2026-11-20"),
        "postings": [
            {"account": "Expenses:MCH:Education", "amount": "800.00 CNY"},
            {"account": "Liabilities:Payable:Suppliers", "amount": "-800.00 CNY"},
        ],
    }
    assert add(client, slug, accrual).status_code == 200
    assert vouchers_of(path) == {"2026-11-20": None}
