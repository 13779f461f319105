"""The grant page links each category to its year in Fava, and an empty table says 无."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from grant_ledgers import funding
from test_fava_grant_page import DEMO, Fava, with_extension


def test_each_category_links_to_its_account_page_by_year():
    fava = Fava(DEMO)
    page = fava.page(time="2025")
    row = page.select_one('section[data-section="budget"] tr[data-key="Expenses:MCH:Equipment"]')
    label = urlsplit(row.select_one('td[data-key="label"] a')["href"])
    spent = urlsplit(row.select_one('td[data-key="spent"] a')["href"])
    assert unquote(label.path) == f"/{unquote(fava.slug)}/account/Expenses:MCH:Equipment/"
    assert parse_qs(label.query) == {"time": ["2025"], "interval": ["year"]}
    assert parse_qs(spent.query) == {"time": ["2025"], "interval": ["year"], "r": ["changes"]}
    assert row.select_one('td[data-key="spent"] a').get_text() == "79,380.00"
    # The year's total has no account of its own: no link.
    total = page.select_one('section[data-section="budget"] tr.subtotal')
    assert total.select("a") == []


def test_a_year_without_tranches_shows_none_in_the_table(write_ledger):
    path = with_extension(
        write_ledger(
            funding(2024),
            """
            2025-03-01 * "Hotel" "meeting"
              voucher: "V-1"
              document: "copy.pdf"
              Expenses:Program:Admin  500.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )
    page = Fava(path).page(time="2025")
    [row] = page.select('section[data-section="tranches"] tbody tr')
    assert row.get_text(strip=True) == "None"
    assert row.td["colspan"] == str(len(page.select('section[data-section="tranches"] th')))
