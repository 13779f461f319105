"""verify-pack compares the self-evaluation a pack carries with the books now.

The books are tests/performance_ledgers/closed_year_scored, closed and sealed by `mch-ledger
close`: its header works out the self-evaluation the pack records, 84.25, 良, with
人均培训成本 reported at 320 元 against at most 300 (20 x 300 / 320 = 18.75).

After the pack is made, a corrected `grant-actual` reports 人均培训成本 at 600 元: its score
becomes 20 x 300 / 600 = 10.00 and the total 84.25 - 18.75 + 10 = 75.50, 中. No sealed entry
changed, so the books alone find nothing; the pack names the total, the grade, the actual and
the score that differ.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_performance_ledgers import CLOSED, copy_performance_ledger

from commands.main import main
from ledger.loading import load_ledger

CORRECTION = """
2026-02-01 custom "grant-actual" "人均培训成本" 600
  grant-year: 2025
  document: "copy.pdf"
"""


def run(*args: str):
    return CliRunner().invoke(main, [*args])


@pytest.fixture
def sealed(tmp_path) -> Path:
    """The named closed ledger, its close made again by `mch-ledger close`, with a seal."""
    path = copy_performance_ledger(tmp_path, CLOSED)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('2026-01-20 custom "grant-close" 2025\n', ""), encoding="utf-8")
    result = run("close", "2025", str(path), "--date", "2026-01-20", "--reason", "年末已核对")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def pack(sealed, tmp_path) -> Path:
    target = tmp_path / "pack-2025.zip"
    result = run("report", "pack", str(sealed), "--year", "2025", "--output", str(target))
    assert result.exit_code == 0, result.output
    return target


def test_the_pack_records_the_self_evaluation_as_its_header_works_it_out(pack):
    with zipfile.ZipFile(pack) as archive:
        record = json.loads(archive.read("self-evaluation.json"))
        sums = archive.read("SHA256SUMS").decode()
        manifest = archive.read("SEAL.txt").decode()
    assert "  self-evaluation.json\n" in sums
    assert "self-evaluation: self-evaluation.json\n" in manifest
    assert (record["year"], record["closed"], record["total"], record["grade"]) == (
        2025,
        True,
        "84.25",
        "good",
    )
    assert record["execution"] == {"rate": "90.00", "score": "9.00"}
    cost = next(line for line in record["indicators"] if line["indicator"] == "人均培训成本")
    assert (cost["actual"], cost["score"], cost["status"], cost["evidence"]) == (
        "320.00",
        "18.75",
        "missed",
        "evidence/copy.pdf",
    )


def test_a_value_reported_after_the_pack_is_named_by_verify_pack(sealed, pack):
    assert run("verify-pack", str(pack), str(sealed), "--lang", "en").exit_code == 0
    with sealed.open("a", encoding="utf-8") as ledger:
        ledger.write(CORRECTION)
    # No sealed entry changed: the books alone find nothing but the new miss's warning.
    assert {f.rule for f in load_ledger(sealed).findings} <= {"target-missed"}
    result = run("verify-pack", str(pack), str(sealed), "--lang", "en")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "- the self-evaluation of 2025 totals 75.50 in the books, 84.25 in the pack" in lines
    assert "- the self-evaluation of 2025 is graded fair in the books, good in the pack" in lines
    assert (
        '- indicator "人均培训成本": its actual value is 600.00 in the books, 320.00 in the pack'
        in (lines)
    )
    assert '- indicator "人均培训成本": its score is 10.00 in the books, 18.75 in the pack' in lines
    assert lines[-1].endswith("does not match the books (2025)")
    zh = run("verify-pack", str(pack), str(sealed), "--lang", "zh")
    assert "- 2025 年度绩效自评总分：账簿现为 75.50，资料中为 84.25。" in zh.output.splitlines()
    assert "- 2025 年度自评等级：账簿现为 中，资料中为 良。" in zh.output.splitlines()


def test_evidence_replaced_after_the_pack_is_named(sealed, pack):
    (sealed.parent / "stats.pdf").write_bytes(b"%PDF-1.4 revised statistics\n")
    with sealed.open("a", encoding="utf-8") as ledger:
        ledger.write(
            '\n2026-02-01 custom "grant-actual" "孕产妇死亡率" 0\n'
            '  grant-year: 2025\n  document: "stats.pdf"\n'
        )
    result = run("verify-pack", str(pack), str(sealed), "--lang", "en")
    assert result.exit_code == 1
    assert (
        '- the evidence of indicator "孕产妇死亡率" in the books is not the pack\'s '
        "evidence/copy.pdf" in result.output
    )
    assert "totals" not in result.output  # the same value: the scores agree


def test_a_pack_made_before_packs_recorded_it_is_compared_for_the_rest(sealed, pack, tmp_path):
    # An earlier version's pack: no self-evaluation.json (nor its lines).
    with zipfile.ZipFile(pack) as source:
        files = {name: source.read(name) for name in source.namelist()}
    del files["self-evaluation.json"]
    manifest = files["SEAL.txt"].decode().replace("self-evaluation: self-evaluation.json\n", "")
    files["SEAL.txt"] = manifest.encode()
    files["SHA256SUMS"] = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in files.items()
        if name != "SHA256SUMS"
    ).encode()
    older = tmp_path / "older.zip"
    with zipfile.ZipFile(older, "w") as target:
        for name, content in files.items():
            target.writestr(name, content)
    result = run("verify-pack", str(older), str(sealed), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "carries no self-evaluation record" in result.output
