"""`mch-ledger serve`: Fava on 127.0.0.1 unless told otherwise, read-only on request."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import cheroot.wsgi
import pytest
from click.testing import CliRunner

from ledger.cli import main

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


class FakeServer:
    """Stands in for cheroot's server: records what it was given instead of listening."""

    started: ClassVar[list[FakeServer]] = []

    def __init__(self, bind_addr: tuple[str, int], app) -> None:
        self.bind_addr = bind_addr
        self.app = app

    def start(self) -> None:
        """Record the start instead of listening."""
        FakeServer.started.append(self)


@pytest.fixture
def fake_server(monkeypatch):
    FakeServer.started = []
    monkeypatch.setattr(cheroot.wsgi, "Server", FakeServer)
    return FakeServer.started


def serve(*args: str):
    return CliRunner().invoke(main, ["serve", str(DEMO), *args])


def test_serves_on_loopback_by_default_without_a_warning(fake_server):
    result = serve()
    assert result.exit_code == 0, result.output
    [server] = fake_server
    assert server.bind_addr == ("127.0.0.1", 5000)
    assert "warning" not in result.output
    client = server.app.test_client()
    assert client.get("/").status_code == 302


def test_another_address_warns_that_anyone_can_read_and_edit(fake_server):
    result = serve("--host", "0.0.0.0", "--port", "8080")
    assert result.exit_code == 0, result.output
    assert fake_server[0].bind_addr == ("0.0.0.0", 8080)
    assert "anyone who can reach this address can read the books and edit them" in result.output


def test_read_only_refuses_every_change(fake_server):
    result = serve("--read-only")
    assert result.exit_code == 0, result.output
    client = fake_server[0].app.test_client()
    slug = client.get("/").headers["Location"].strip("/").split("/")[0]
    response = client.put(f"/{slug}/api/source", json={"file_path": str(DEMO), "source": ""})
    assert response.status_code == 401
    assert DEMO.read_text(encoding="utf-8").startswith("; 清溪县")
