"""Hold a ledger's lock in a process of its own, for the serving tests (`serve_helpers`).

    python lock_holder.py LEDGER FOLDER [mch-ledger ARGUMENTS... | insert-top TEXT]

Takes the lock and creates FOLDER/locked; when FOLDER/go appears, does its work under the lock
(runs `mch-ledger ARGUMENTS` in this process, an import for example, or writes TEXT at the top of
the ledger as an editor would) and writes the exit status and output to FOLDER/done; when
FOLDER/release appears, lets the lock go.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from click.testing import CliRunner

from commands.main import main
from ledger.locking import ledger_lock


def wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.02)


def work(ledger: Path, action: list[str]) -> str:
    if action[:1] == ["insert-top"]:
        ledger.write_text(action[1] + ledger.read_text(encoding="utf-8"), encoding="utf-8")
        return "0\n"
    if not action:
        return "0\n"
    result = CliRunner().invoke(main, action)
    return f"{result.exit_code}\n{result.output}"


def hold(ledger: Path, folder: Path, action: list[str]) -> None:
    with ledger_lock(ledger):
        (folder / "locked").touch()
        wait_for(folder / "go")
        # Written beside and renamed: whoever waits for `done` never reads it half-written.
        (folder / "done.tmp").write_text(work(ledger, action), encoding="utf-8")
        (folder / "done.tmp").replace(folder / "done")
        wait_for(folder / "release")


if __name__ == "__main__":
    hold(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
