"""Shared fixtures. Test ledgers and their helpers are in `grant_ledgers`."""

from __future__ import annotations

import os

# Beancount's pickle cache ignores changes to plugin code: never use it in tests. This must be
# set before beancount.loader is first imported.
os.environ["BEANCOUNT_DISABLE_LOAD_CACHE"] = "1"

import textwrap
from pathlib import Path

import pytest
from grant_ledgers import PREAMBLE, LedgerWriter


@pytest.fixture
def write_ledger(tmp_path: Path) -> LedgerWriter:
    """Write a ledger (the preamble, then each part) to a temporary folder holding `copy.pdf`."""
    (tmp_path / "copy.pdf").write_bytes(b"%PDF-1.4 voucher copy\n")

    def write(*parts: str, preamble: str = PREAMBLE, name: str = "ledger.beancount") -> Path:
        path = tmp_path / name
        body = "\n".join(textwrap.dedent(part) for part in parts)
        path.write_text(preamble + body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def fake_server(monkeypatch):
    """`mch-ledger serve` without listening: the servers it starts, recorded (`serve_helpers`).

    Serving puts guards in this process (`sys.meta_path`, Fava's import-config loader): they are
    taken out again after the test.
    """
    import cheroot.wsgi
    from serve_helpers import FakeServer, remove_guards

    FakeServer.started = []
    monkeypatch.setattr(cheroot.wsgi, "Server", FakeServer)
    yield FakeServer.started
    remove_guards()


@pytest.fixture
def serve_ledger():
    """Serve a ledger in this process (`serving.app.serve_app`); the guards go after the test."""
    from serve_helpers import remove_guards

    from serving.app import serve_app

    yield serve_app
    remove_guards()
