"""Every write request to `mch-ledger serve` holds the ledger lock and writes on the books on disk.

Another writer (an import, a close, an editor that takes the lock) holds `.main.beancount.lock`
beside the ledger while it writes; a write request through Fava waits for it, then has Fava
re-read what it wrote before writing itself. The other writer here is a process of its own
(`tests/lock_holder.py`), told by signal files when to take the lock, write, and let go.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from serve_helpers import DEMO, LockHolder, demo_copy, payment, slug_of, wait_for

from ledger.loading import load_ledger

STATEMENT_2026 = next((DEMO.parent / "documents/Assets/Bank/MCH-Special").glob("2026-*.xlsx"))


class Request(threading.Thread):
    """A request made in a thread of its own, so that the test can watch it wait."""

    def __init__(self, call) -> None:
        super().__init__(daemon=True)
        self.call = call
        self.response = None

    def run(self) -> None:
        """Make the request and keep its response."""
        self.response = self.call()


def without_november_payments(path: Path) -> Path:
    """The ledger without its bank entries of November 2026 and the closing balance after them.

    Importing the 2026 statement gives them back, numbered 记-2026-041 to 记-2026-044.
    """
    text = path.read_text(encoding="utf-8")
    paragraphs = re.split(r"\n(?=\S)", text)
    kept = [
        p
        for p in paragraphs
        if not (p.startswith("2026-11") and ("bank-ref:" in p or " balance " in p))
    ]
    path.write_text("\n".join(kept), encoding="utf-8")
    return path


def test_a_write_waits_for_an_import_in_another_process_and_numbers_after_it(
    serve_ledger, tmp_path
):
    path = without_november_payments(demo_copy(tmp_path))
    served = serve_ledger(path, read_only=False, auto_commit=False)
    client = served.app.test_client()
    slug = slug_of(client)
    signals = tmp_path / "signals"
    signals.mkdir()
    command = ["import", "extract", str(STATEMENT_2026), "--ledger", str(path)]
    with LockHolder(path, signals, *command, "--append", str(path)) as other:
        request = Request(
            lambda: client.put(f"/{slug}/api/add_entries", json={"entries": [payment()]})
        )
        request.start()
        other.signal("go")
        wait_for(signals / "done")
        assert (signals / "done").read_text(encoding="utf-8").startswith("0\n")
        # The import has written; the lock is still held: the request is waiting for it.
        request.join(timeout=5)
        assert request.is_alive()
        assert "清溪县彩虹广告设计部" not in path.read_text(encoding="utf-8")
    request.join(timeout=60)
    assert request.response.status_code == 200, request.response.data

    text = path.read_text(encoding="utf-8")
    # Fava's entry comes after the import's, with the number after the import's last.
    assert text.index("记-2026-044") < text.index('voucher: "记-2026-045"')
    vouchers = [e.meta.get("voucher") for e in load_ledger(path).entries if hasattr(e, "postings")]
    november = sorted(v for v in vouchers if v and v >= "记-2026-041")
    assert november == ["记-2026-041", "记-2026-042", "记-2026-043", "记-2026-044", "记-2026-045"]
    assert [f for f in load_ledger(path).findings if f.rule == "voucher-duplicate"] == []


def test_fava_inserts_where_the_books_on_disk_say_after_another_writer_moved_the_lines(
    serve_ledger, tmp_path
):
    # With `insert-entry`, Fava writes new entries above the option's line, as numbered at its
    # last load. Another writer has just added lines above it: the line Fava remembers is now
    # inside an entry, and Fava's file watcher tells it so only a moment later. Under the lock,
    # the request has Fava re-read the books first.
    path = demo_copy(tmp_path)
    with path.open("a", encoding="utf-8") as file:
        file.write('\n2026-11-15 custom "fava-option" "insert-entry" "Expenses:MCH:Education"\n')
    served = serve_ledger(path, read_only=False, auto_commit=False)
    client = served.app.test_client()
    slug = slug_of(client)
    signals = tmp_path / "signals"
    signals.mkdir()
    header = "; 新增说明（由其他程序写入）\n; 第二行\n; 第三行\n"
    other = LockHolder(path, signals, "insert-top", header)
    request = Request(lambda: client.put(f"/{slug}/api/add_entries", json={"entries": [payment()]}))
    request.start()
    request.join(timeout=2)
    assert request.is_alive()  # waiting for the lock
    # The other writer writes and lets go at once: the request goes on before Fava's file
    # watcher can have reported the change.
    other.release()
    request.join(timeout=60)
    assert request.response.status_code == 200, request.response.data

    text = path.read_text(encoding="utf-8")
    assert text.startswith(header)
    added = '2026-11-20 * "清溪县彩虹广告设计部" "印制宣传册"'
    # Right above the option's line, as Fava means to; and the ledger still loads cleanly.
    before_option = text.split('2026-11-15 custom "fava-option" "insert-entry"')[0]
    assert before_option.rstrip().rsplit("\n\n", 1)[-1].startswith(added)
    assert load_ledger(path).beancount_errors == []


def test_a_write_gives_up_with_a_message_when_the_lock_stays_taken(serve_ledger, tmp_path):
    path = demo_copy(tmp_path)
    served = serve_ledger(path, read_only=False, auto_commit=False, lock_timeout=0.3)
    client = served.app.test_client()
    slug = slug_of(client)
    before = path.read_bytes()
    signals = tmp_path / "signals"
    signals.mkdir()
    with LockHolder(path, signals):
        response = client.put(f"/{slug}/api/add_entries", json={"entries": [payment()]})
        assert response.status_code == 503
        message = response.get_json()["error"]
        assert message.startswith("另一个程序正在写入此账簿（锁文件 ")
        assert str(tmp_path / ".main.beancount.lock") in message
        # Reading does not wait for writers.
        assert client.get(f"/{slug}/extension/GrantPage/").status_code == 200
    assert path.read_bytes() == before
