"""Helpers of the serving tests: a server that does not listen, copies of the demo, requests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"
TESTS = Path(__file__).resolve().parent

#: A payment added through Fava's entry form, without a voucher number.
PAYMENT = {
    "t": "Transaction",
    "date": "2026-11-20",
    "flag": "*",
    "payee": "清溪县彩虹广告设计部",
    "narration": "印制宣传册",
    "meta": {},
    "tags": [],
    "links": [],
    "postings": [
        {"account": "Expenses:MCH:Education", "amount": "1000.00 CNY"},
        {"account": "Assets:Bank:MCH-Special", "amount": "-1000.00 CNY"},
    ],
}


def payment(day: str = "2026-11-20", **meta: str) -> dict:
    """`PAYMENT` dated `day` with `meta`."""
    return {**PAYMENT, "date": day, "meta": dict(meta)}


class FakeServer:
    """Stands in for cheroot's server: records what it was given instead of listening."""

    started: ClassVar[list[FakeServer]] = []

    def __init__(self, bind_addr: tuple[str, int], app) -> None:
        self.bind_addr = bind_addr
        self.app = app

    def start(self) -> None:
        """Record the start instead of listening."""
        FakeServer.started.append(self)


def remove_guards() -> None:
    """Take the guards `serve` puts in a process out of this one (the test process)."""
    from serving import fava_private
    from serving.code_guard import CodeGuard

    for finder in list(sys.meta_path):
        if isinstance(finder, CodeGuard):
            finder.uninstall()
    fava_private.unguard_import_configs()


def demo_copy(folder: Path) -> Path:
    """The demo and its voucher copies in `folder`."""
    shutil.copytree(DEMO.parent / "documents", folder / "documents")
    for name in ("registers", "rosters"):  # the beneficiary register, the rosters
        shutil.copytree(DEMO.parent / name, folder / name)
    shutil.copyfile(DEMO, folder / "main.beancount")
    return folder / "main.beancount"


def slug_of(client) -> str:
    """The ledger's part of Fava's URLs."""
    return client.get("/").headers["Location"].strip("/").split("/")[0]


def append(path: Path, text: str) -> None:
    """Add `text` at the end of the file at `path`."""
    with path.open("a", encoding="utf-8") as file:
        file.write("\n" + text)


def wait_for(path: Path, seconds: float = 60) -> None:
    """Wait until the file at `path` exists (another process's signal)."""
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not appear within {seconds} s")
        time.sleep(0.02)


class LockHolder:
    """Another process holding the ledger lock (`tests/lock_holder.py`), driven by signal files.

    It takes the lock and creates `locked`; when `go` appears it runs its command (an import, if
    given) and creates `done`; when `release` appears it lets the lock go and ends.
    """

    def __init__(self, ledger: Path, folder: Path, *command: str) -> None:
        self.folder = folder
        env = {**os.environ, "BEANCOUNT_DISABLE_LOAD_CACHE": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(TESTS / "lock_holder.py"), str(ledger), str(folder), *command],
            env=env,
        )
        wait_for(folder / "locked")

    def signal(self, name: str) -> None:
        """Create the signal file `name`."""
        (self.folder / name).touch()

    def release(self) -> None:
        """Let the lock go and wait for the process to end."""
        self.signal("go")
        self.signal("release")
        self.process.wait(timeout=60)

    def __enter__(self) -> LockHolder:
        return self

    def __exit__(self, *exc) -> None:
        self.release()
