"""The README is the users' contract: every directive, command and recommended Fava option."""

from __future__ import annotations

from pathlib import Path

from commands.main import SUBCOMMANDS
from ledger.directives import SIGNATURES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO = (ROOT / "main.beancount").read_text(encoding="utf-8")
FAVA_OPTIONS = (
    'custom "fava-option" "default-page" "extension/GrantPage/"',
    'custom "fava-option" "invert-income-liabilities-equity" "true"',
)


def test_every_grant_directive_is_shown_in_the_readme():
    for directive in SIGNATURES:
        assert f'custom "{directive}"' in README, directive


def test_every_command_is_shown_in_the_readme():
    for command in SUBCOMMANDS:
        assert f"mch-ledger {command}" in README, command


def test_the_recommended_fava_options_are_in_the_readme_and_the_demo():
    for option in FAVA_OPTIONS:
        assert option in README and option in DEMO, option


def test_the_readme_says_how_to_run_the_command():
    assert ".venv/bin/mch-ledger" in README and "source .venv/bin/activate" in README
