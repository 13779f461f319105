"""Golden files, beangulp's way: each sample statement beside its expected `.beancount`.

Every profile has at least one sample (a realistic anonymised statement of that bank): the
shipped ones, and the ledger's own under `tests/statements/banks/` (named by the golden ledger's
`import-profiles`). A sample is named after its profile (`abc.csv`, `abc-no-number.csv`). Each
is identified by exactly its own profile and extracted against `tests/statements/golden.
beancount`; the output (account, archive date and name, entries) must equal the golden file
exactly. After a deliberate change, regenerate with `REGENERATE_GOLDEN=1 pytest
tests/test_import_golden.py` and review the diff before committing it.

The samples beyond one per bank: `qxrcb-paged.csv` (a print view: title, header, print time and
page line on every page), `abc-no-number.csv` (no account number: the account's `open` names the
profile), `qxvb.xlsx` (a header on two rows with merged cells, dates as 2025年08月04日),
`qxvb-paged.csv` (the same two-row header repeated on each page, printed on the day of its last
row: the balance asserted is the last day's opening one).
"""

from __future__ import annotations

import difflib
import io
import os
from pathlib import Path

import pytest
from beancount import loader
from beangulp import extract as beangulp_extract
from beangulp.testing import write_expected
from import_helpers import STATEMENTS, loaded_of

from importers.importer import StatementImporter, ledger_setup

GOLDEN = STATEMENTS / "golden.beancount"
SAMPLES = sorted(
    path for path in STATEMENTS.iterdir() if path.with_name(path.name + ".beancount").exists()
)
REGENERATE = os.environ.get("REGENERATE_GOLDEN") == "1"


def _ledger():
    entries, errors, _ = loader.load_file(str(GOLDEN))
    assert not errors, errors
    loaded = loaded_of(entries)
    return entries, loaded, ledger_setup(lambda: loaded).profiles


def _profile_of(path: Path, ids) -> str:
    """The profile a sample is named after: `qxrcb` for `qxrcb-paged.csv`."""
    return max(
        (id_ for id_ in ids if path.name.startswith((f"{id_}.", f"{id_}-"))), key=len, default=""
    )


def _output(path: Path) -> str:
    ledger, loaded, profiles = _ledger()
    importers = [StatementImporter(profile, lambda: loaded) for profile in profiles]
    identified = [imp for imp in importers if imp.identify(str(path))]
    ids = [profile.id for profile in profiles]
    assert [imp.profile.id for imp in identified] == [_profile_of(path, ids)]
    found = identified[0]
    entries = beangulp_extract.extract_from_file(found, str(path), ledger)
    found.deduplicate(entries, ledger)
    buffer = io.StringIO()
    write_expected(
        buffer, found.account(str(path)), found.date(str(path)), found.filename(str(path)), entries
    )
    return buffer.getvalue()


def test_every_profile_has_a_golden_sample():
    profiles = _ledger()[2]
    ids = [profile.id for profile in profiles]
    assert {_profile_of(path, ids) for path in SAMPLES} == set(ids)
    assert "qxvb" in ids  # the ledger's own, from tests/statements/banks/


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
