"""Golden files, beangulp's way: each sample statement beside its expected `.beancount`.

Every shipped profile has at least one sample (a realistic anonymised statement of that bank).
Each is identified by exactly its own profile and extracted against `tests/statements/ledger.
beancount`; the output (account, archive date and name, entries) must equal the golden file
exactly. After a deliberate change, regenerate with `REGENERATE_GOLDEN=1 pytest
tests/test_import_golden.py` and review the diff before committing it.
"""

from __future__ import annotations

import difflib
import io
import os
from pathlib import Path

import pytest
from beangulp import extract as beangulp_extract
from beangulp.testing import write_expected
from import_helpers import STATEMENTS, golden_entries, loaded_of, profiles

from importers.importer import StatementImporter

SAMPLES = sorted(
    path for path in STATEMENTS.iterdir() if path.with_name(path.name + ".beancount").exists()
)
REGENERATE = os.environ.get("REGENERATE_GOLDEN") == "1"


def _output(path: Path) -> str:
    ledger = golden_entries()
    loaded = loaded_of(ledger)
    importers = [StatementImporter(profile, lambda: loaded) for profile in profiles().values()]
    identified = [imp for imp in importers if imp.identify(str(path))]
    assert [imp.profile.id for imp in identified] == [path.name.split(".")[0].split("-")[0]]
    found = identified[0]
    entries = beangulp_extract.extract_from_file(found, str(path), ledger)
    found.deduplicate(entries, ledger)
    buffer = io.StringIO()
    write_expected(
        buffer, found.account(str(path)), found.date(str(path)), found.filename(str(path)), entries
    )
    return buffer.getvalue()


def test_every_shipped_profile_has_a_golden_sample():
    sampled = {path.name.split(".")[0].split("-")[0] for path in SAMPLES}
    assert sampled == set(profiles())


@pytest.mark.parametrize("path", SAMPLES, ids=[path.name for path in SAMPLES])
def test_sample_extracts_to_its_golden_file(path):
    golden = path.with_name(path.name + ".beancount")
    output = _output(path)
    if REGENERATE:
        golden.write_text(output, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(True), output.splitlines(True), str(golden), "extracted"
        )
    )
    assert not diff, diff
