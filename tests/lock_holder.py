"""Hold a ledger's lock in a process of its own, for the serving tests (`serve_helpers`).

    python lock_holder.py LEDGER FOLDER [mch-ledger ARGUMENTS...]

Takes the lock and creates FOLDER/locked; when FOLDER/go appears, runs `mch-ledger ARGUMENTS`
in this process under the lock (an import, for example) and writes its exit status and output
to FOLDER/done; when FOLDER/release appears, lets the lock go.
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


def hold(ledger: Path, folder: Path, command: list[str]) -> None:
    with ledger_lock(ledger):
        (folder / "locked").touch()
        wait_for(folder / "go")
        if command:
            result = CliRunner().invoke(main, command)
            (folder / "done").write_text(f"{result.exit_code}\n{result.output}", encoding="utf-8")
        else:
            (folder / "done").touch()
        wait_for(folder / "release")


if __name__ == "__main__":
    hold(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
