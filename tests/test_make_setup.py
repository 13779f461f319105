"""`make test` on a fresh machine: it installs what the browser tests need, or stops at once.

`.ci/system-packages test`, the first thing `make test` runs, looks for Python's venv module,
git, Debian's Chromium and CJK fonts. As root it installs what is missing with apt (as CI's
`.ci/run` does); otherwise it stops before any test runs, with the one command to run. Here
`id`, `dpkg` and `apt-get` are stand-ins on the PATH, so the fonts look missing and nothing is
really installed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".ci" / "system-packages"


def stand_ins(folder: Path, uid: int) -> dict[str, str]:
    """A PATH where `id -u` says `uid`, dpkg knows no package and apt-get records its calls."""
    folder.mkdir()
    commands = {
        "id": f"#!/bin/sh\necho {uid}\n",
        "dpkg": "#!/bin/sh\nexit 1\n",
        "apt-get": f'#!/bin/sh\necho "$@" >> "{folder}/apt-get.log"\n',
    }
    for name, text in commands.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}"}


def test_without_root_it_stops_at_once_with_the_command_to_run(tmp_path):
    env = stand_ins(tmp_path / "bin", uid=1000)
    result = subprocess.run(
        [str(SCRIPT), "test"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "    sudo apt-get install -y fonts-noto-cjk"
    assert not (tmp_path / "bin" / "apt-get.log").exists()


def test_as_root_it_installs_what_is_missing(tmp_path):
    env = stand_ins(tmp_path / "bin", uid=0)
    result = subprocess.run(
        [str(SCRIPT), "test"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    calls = (tmp_path / "bin" / "apt-get.log").read_text(encoding="utf-8").splitlines()
    assert calls == ["update -qq", "install -y -qq fonts-noto-cjk"]


def test_setup_needs_no_browser(tmp_path):
    env = stand_ins(tmp_path / "bin", uid=1000)
    result = subprocess.run(
        [str(SCRIPT), "setup"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_make_test_checks_the_system_before_anything_else():
    # Run as from a shell, even when the tests themselves run under `make test`.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    commands = result.stdout.splitlines()
    assert commands[0] == ".ci/system-packages test"
    assert commands[-1] == ".venv/bin/python -m pytest"
