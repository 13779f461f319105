"""The README's import sections against the code: every format read, every key, every cap.

The README is the contract with users: what it lists as read must read, and what the code reads
must be listed (2024年3月18日 was read but not listed). The lists below are written by hand from
the code's branches (`importers.cells`, `importers.tables`, `importers.profiles`).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from importers import tables
from importers.cells import clean, parse_amount, parse_date
from importers.profiles import FIELDS, KEYS
from importers.tables import SUFFIXES

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = README.read_text(encoding="utf-8").split("## Importing bank statements", 1)[1]
SECTION = SECTION.split("\n## ", 1)[0]


def _row(name: str) -> str:
    """The README's row of the 'what is detected' table named `name`."""
    found = re.search(rf"^\| {re.escape(name)} \| (.*) \|$", SECTION, re.M)
    assert found, name
    return found[1]


def _examples(name: str) -> list[str]:
    return re.findall(r"`([^`]+)`", _row(name))


#: One example of each way `parse_date` reads a date.
DATES_READ = [
    "2024-03-18",
    "2024/3/18",
    "2024.3.18",
    "2024年3月18日",
    "20240318",
    "2024-03-18 10:22:31",
    "2024-03-18T10:22",
    "20240318 102231",
    "20240318102231",
]


def test_every_date_the_readme_lists_reads_as_18_march_2024():
    listed = [text for text in _examples("dates") if text[:4] == "2024"]
    assert len(listed) >= 8
    for text in listed:
        assert parse_date(text)[0] == datetime.date(2024, 3, 18), text


@pytest.mark.parametrize("text", DATES_READ)
def test_every_way_a_date_is_read_is_in_the_readme(text):
    assert parse_date(text)[0] == datetime.date(2024, 3, 18)
    assert f"`{text}`" in _row("dates")


def test_every_amount_the_readme_lists_reads():
    for text in _examples("amounts"):
        assert abs(parse_amount(text)) in (1080, 1080.00), text
    assert parse_amount("１,０８０.００") == 1080  # full-width digits


def test_every_placeholder_the_readme_lists_is_an_empty_cell():
    for text in _examples("empty cells"):
        if text.startswith("="):
            continue
        assert clean(text) == "", text
    assert clean('="201000187654321"') == "201000187654321"


def test_every_file_ending_and_encoding_is_listed():
    for suffix in SUFFIXES:
        assert f"`{suffix}`" in _row("file types"), suffix
    encodings = _row("encodings of text")
    for name in ("UTF-8", "BOM", "UTF-16", "GBK", "GB18030"):
        assert name in encodings


def test_the_caps_are_the_codes():
    assert f"| file size | {tables.MAX_BYTES // 2**20} MiB" in SECTION
    assert f"| an `.xlsx` unpacked | {tables.MAX_UNPACKED_BYTES // 2**20} MiB" in SECTION
    assert f"| cells | {tables.MAX_CELLS:,}:" in SECTION
    assert f"| rows | {tables.MAX_ROWS:,}," in SECTION


def test_every_profile_key_and_field_is_documented():
    profiles = SECTION.split("### Bank layouts (profiles)", 1)[1]
    for key in sorted(KEYS):
        assert f"`{key}`" in profiles or f"{key} = " in profiles or f"[{key}]" in profiles, key
    for field in FIELDS:
        assert f"`{field}`" in profiles, field


def test_the_ledgers_import_words_are_documented():
    for word in ('"import-profiles"', "statement-profile:", "--account", "--append", "--lang"):
        assert word in SECTION, word
