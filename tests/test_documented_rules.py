"""Every rule id is documented for the accountant and speaks both languages."""

from __future__ import annotations

from pathlib import Path

from ledger.errors import RULES
from ledger.i18n import CATALOGUE
from ledger.i18n.findings import FINDINGS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_rule_is_in_the_readmes_findings_table():
    table = README.read_text(encoding="utf-8").split("### The findings", 1)[1].split("###")[0]
    for rule in RULES:
        assert f"`{rule}`" in table, rule


def test_every_message_belongs_to_a_rule_and_has_both_languages():
    assert {key.split(".")[0] for key in FINDINGS} <= set(RULES)
    for rule in RULES:
        assert any(key.startswith(f"{rule}.") for key in CATALOGUE), rule
    for key, languages in CATALOGUE.items():
        assert set(languages) == {"en", "zh"}, key
        assert all(text.strip() for text in languages.values()), key
