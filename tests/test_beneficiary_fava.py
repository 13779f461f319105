"""The beneficiaries in Fava: the grant page's 救助对象 section, and the register's edits.

An edit of the register (or a roster) must reach Fava's Errors page on the next request: Fava
watches the ledger's files, and the grant page makes it watch the register and rosters too.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from beneficiary_helpers import iso7064_check
from bs4 import BeautifulSoup
from fava.application import create_app

from ledger.errors import GrantError

ROOT = Path(__file__).resolve().parents[1]
PLANTED = Path(__file__).parent / "beneficiary_ledgers"
EXTENSION = '\n2026-01-01 custom "fava-extension" "reports.fava_grant"\n'


class Fava:
    """Fava on one ledger, through Flask's test client."""

    def __init__(self, path: Path, poll_watcher: bool = True) -> None:
        self.app = create_app([str(path)], load=True, poll_watcher=poll_watcher)
        self.client = self.app.test_client()
        self.slug = self.client.get("/").headers["Location"].strip("/").split("/")[0]

    @property
    def ledger(self):
        """Fava's ledger."""
        return self.app.config["LEDGERS"].ledgers[0]

    def get(self, path: str):
        """GET a path under the ledger's URL."""
        return self.client.get(f"/{self.slug}/{path}")

    def rules_on_errors_page(self) -> set[tuple[str, str]]:
        """Fetch the Errors page; the grant findings Fava shows then, as (rule, place)."""
        assert self.get("errors/").status_code == 200
        return {
            (error.rule, f"{Path(error.source['filename']).name}:{error.source['lineno']}")
            for error in self.ledger.errors
            if isinstance(error, GrantError)
        }


def planted_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "books"
    shutil.copytree(PLANTED, folder)
    ledger = folder / "planted_one_of_each.beancount"
    ledger.write_text(ledger.read_text(encoding="utf-8") + EXTENSION, encoding="utf-8")
    return ledger


def demo_copy(tmp_path: Path) -> Path:
    for name in ("documents", "registers", "rosters"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copyfile(ROOT / "main.beancount", tmp_path / "main.beancount")
    return tmp_path / "main.beancount"


def section(fava: Fava, year: int):
    response = fava.get(f"extension/GrantPage/?year={year}")
    assert response.status_code == 200
    page = BeautifulSoup(response.data, "html.parser").select_one(".grant-page")
    return page, page.select_one("#grant-beneficiaries")


def test_the_demos_2026_page_lists_its_women_linked_to_their_payments(tmp_path):
    ledger = demo_copy(tmp_path)
    fava = Fava(ledger)
    _, found = section(fava, 2026)
    assert found.select_one("h3").text == "救助对象"
    rows = found.select("tbody tr.entry")
    assert len(rows) == 28  # 5 rescues, and 6 rosters of 3, 3, 3, 6, 4 and 4 women
    first = {td["data-key"]: td.text.strip() for td in rows[0].select("td")}
    assert first["register_no"] == "JZ-2026-001"
    assert first["id_masked"] == "990101********0229"
    assert first["amount"] == "5,710.00"
    link = rows[0].select_one('td[data-key="voucher"] a')
    query = parse_qs(urlsplit(link["href"]).query)
    assert query["file_path"] == [str(ledger)]
    line = int(query["line"][0])
    assert 'voucher: "记-2026-007"' in ledger.read_text(encoding="utf-8").splitlines()[line]
    assert found.select_one("tr.total td[data-key='amount']").text.strip() == "34,900.00"


def test_no_section_before_the_register(tmp_path):
    fava = Fava(demo_copy(tmp_path))
    page, found = section(fava, 2025)
    assert found is None and page.select_one("#grant-budget") is not None


def test_the_planted_findings_link_to_their_entries_but_not_into_the_register(tmp_path):
    fava = Fava(planted_copy(tmp_path))
    page, found = section(fava, 2026)
    flagged = {
        tr.select_one('td[data-key="register_no"]').text.strip(): tr.select_one(
            'td[data-key="rules_broken"] a'
        )
        for tr in found.select("tbody tr.entry")
        if tr.select_one('td[data-key="rules_broken"]').text.strip()
    }
    assert flagged["BS-004"].text == "beneficiary-not-noticed"
    assert "line=228" in flagged["BS-004"]["href"]
    assert flagged[""].text == "beneficiary-missing"  # the payment that names nobody
    places = {
        tr.select("td")[2].text.strip(): tr.select_one("a.source")
        for tr in page.select("#grant-findings tr.finding")
    }
    assert places["registers/救助对象.csv:10"] is None
    assert places["planted_one_of_each.beancount:209"] is not None


def test_an_edit_of_the_register_reaches_the_errors_page_on_the_next_request(tmp_path):
    ledger = planted_copy(tmp_path)
    fava = Fava(ledger)
    assert ("beneficiary-id-invalid", "救助对象.csv:9") in fava.rules_on_errors_page()
    register = ledger.parent / "registers" / "救助对象.csv"
    rows = register.read_text(encoding="utf-8").splitlines()
    wrong = rows[8].split(",")[2]
    rows[8] = rows[8].replace(wrong, wrong[:17] + iso7064_check(wrong[:17]))
    time.sleep(0.01)  # a new modification time, even on a coarse clock
    register.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    shown = fava.rules_on_errors_page()
    assert ("beneficiary-id-invalid", "救助对象.csv:9") not in shown
    assert ("beneficiary-duplicate", "救助对象.csv:10") in shown


def test_an_edit_of_a_roster_reaches_the_errors_page_too(tmp_path):
    ledger = planted_copy(tmp_path)
    fava = Fava(ledger)
    place = ("roster-mismatch", "planted_one_of_each.beancount:209")
    assert place in fava.rules_on_errors_page()
    roster = ledger.parent / "rosters" / "V-2026-024.csv"
    time.sleep(0.01)
    roster.write_text(
        roster.read_text(encoding="utf-8").replace("550.00", "600.00"), encoding="utf-8"
    )
    assert place not in fava.rules_on_errors_page()


def test_favas_own_file_watcher_sees_the_register_too(tmp_path, monkeypatch):
    # Fava's default watcher runs in threads: the change arrives shortly after the write. It
    # polls here, as watchfiles does on network drives: the machine's inotify instances are
    # shared with every other test process.
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
    ledger = planted_copy(tmp_path)
    fava = Fava(ledger, poll_watcher=False)
    assert ("beneficiary-duplicate", "救助对象.csv:10") in fava.rules_on_errors_page()
    register = ledger.parent / "registers" / "救助对象.csv"
    register.write_text(
        "\r\n".join(register.read_text(encoding="utf-8").splitlines()[:-1]) + "\r\n",
        encoding="utf-8",
    )
    for _ in range(100):
        if ("beneficiary-duplicate", "救助对象.csv:10") not in fava.rules_on_errors_page():
            break
        time.sleep(0.1)
    else:
        pytest.fail("Fava never reloaded after the register changed")
