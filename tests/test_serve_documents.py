"""Fava serves no file outside the books (issue 10's row on voucher copies, through `serve`).

Fava serves a document by name (`/document/?filename=`) when a `document` entry names it, and
the file an entry's `document-2:` links (`/statement/`), and a writable Fava deletes one
(`DELETE /api/document`). A symbolic link in a documents folder, or a `document` directive
naming `/etc/passwd`, made those files outside the books: `serve` refuses them on read-only and
writable instances alike, and the ledger's findings name them (`document-outside`).
"""

from __future__ import annotations

import pytest
from fava.beans.funcs import hash_entry
from grant_ledgers import findings_of
from serve_helpers import append, demo_copy, remove_guards, slug_of

from serving.app import serve_app

SECRET = "not the books'\n"


@pytest.fixture(params=[True, False], ids=["read-only", "writable"])
def books(request, tmp_path):
    """A demo copy linking two files outside it: a symlinked copy and a `document` entry."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    victim = outside / "victim.txt"
    victim.write_text(SECRET, encoding="utf-8")
    path = demo_copy(tmp_path / "books")
    folder = path.parent / "documents" / "Assets" / "Bank" / "MCH-Special"
    link = folder / "2026-11-16.记-2026-045.pdf"
    link.symlink_to(secret)
    append(
        path,
        f"""2026-11-15 document Assets:Bank:MCH-Special "{victim}"

2026-11-16 * "宁州银行" "手续费"
  voucher: "记-2026-045"
  document: "2026-11-16.记-2026-045.pdf"
  Expenses:Bank:Fees  1.00 CNY
  Assets:Bank:MCH-Special
""",
    )
    served = serve_app(path, read_only=request.param, auto_commit=False)
    client = served.app.test_client()
    yield path, link, victim, served, client, slug_of(client)
    remove_guards()


def test_a_symlinked_copy_is_not_served(books):
    _, link, _, served, client, slug = books
    response = client.get(f"/{slug}/document/", query_string={"filename": str(link)})
    assert response.status_code == 403
    assert SECRET not in response.get_data(as_text=True)
    assert "位于账簿目录" in response.get_json()["error"]
    [entry] = [
        e
        for e in served.layer.ledger.all_entries
        if getattr(e, "meta", {}).get("voucher") == "记-2026-045"
    ]
    statement = client.get(
        f"/{slug}/statement/", query_string={"entry_hash": hash_entry(entry), "key": "document"}
    )
    assert statement.status_code == 403
    assert SECRET not in statement.get_data(as_text=True)


def test_a_document_entry_outside_the_books_is_not_served_nor_deleted(books):
    _, _, victim, _, client, slug = books
    response = client.get(f"/{slug}/document/", query_string={"filename": str(victim)})
    assert response.status_code == 403
    deleted = client.delete(f"/{slug}/api/document", query_string={"filename": str(victim)})
    assert deleted.status_code in (401, 403)  # a read-only Fava refuses any write itself
    assert victim.read_text(encoding="utf-8") == SECRET


def test_copies_inside_the_books_are_still_served(books):
    path, _, _, _, client, slug = books
    copy = path.parent / "documents" / "Expenses" / "MCH" / "Training"
    inside = next(copy.glob("*.pdf"))
    response = client.get(f"/{slug}/document/", query_string={"filename": str(inside)})
    assert response.status_code == 200
    assert response.data == inside.read_bytes()


def test_the_findings_name_both(books):
    path, _, victim, _, _, _ = books
    outside = {f.message for f in findings_of(path) if f.rule == "document-outside"}
    assert any(str(victim) in message for message in outside)  # the document entry
    assert any("2026-11-16.记-2026-045.pdf" in message for message in outside)  # the copy
    assert len(outside) == 2  # the symlink found by the documents plugin once, on its entry
