"""Tamper-evident closed years: each way of quietly rewriting a closed year is named (issue 10.6).

2024 is closed and sealed by `mch-ledger close`; each test then changes the books the way the
issue's table says an attacker or a careless user did, and expects `closed-year-changed`
findings that point at the entry (or at the close, for an entry gone).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from grant_ledgers import findings_of, funding

from commands.main import main
from ledger.findings import ledger_findings
from ledger.loading import load_ledger

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"

# Hand-computed: received 200,000; spent admin 12,000, relief 35,000 + 2,000, fee 20; the bank's
# balance at the year end is 150,980.00, asserted on 2025-01-01.
BOOKS_2024 = """
2024-03-01 * "Hotel" "meetings"
  voucher: "V-1"
  document: "copy.pdf"
  Expenses:Program:Admin  12000.00 CNY
  Assets:Bank:Grant-Account

2024-04-01 * "Hospital" "relief"
  voucher: "V-2"
  document: "copy.pdf"
  Expenses:Program:Relief  35000.00 CNY
  Assets:Bank:Grant-Account

2024-04-02 * "Clinic" "check-ups"
  voucher: "V-3"
  document: "copy-3.pdf"
  Expenses:Program:Relief  2000.00 CNY
  Assets:Bank:Grant-Account

2024-12-20 * "Bank" "fee"
  voucher: "V-4"
  Expenses:Fees  20.00 CNY
  Assets:Bank:Grant-Account

2025-01-01 balance Assets:Bank:Grant-Account  150980.00 CNY
"""


def run(*args: str):
    return CliRunner().invoke(main, [*args])


@pytest.fixture
def sealed(write_ledger, tmp_path) -> Path:
    """The 2024 books, closed and sealed on 2025-01-20."""
    (tmp_path / "copy-3.pdf").write_bytes(b"%PDF-1.4 check-up receipts\n")
    (tmp_path / "copy-2.pdf").write_bytes(b"%PDF-1.4 another copy\n")
    path = write_ledger(funding(2024), BOOKS_2024)
    result = run("close", "2024", str(path), "--date", "2025-01-20")
    assert result.exit_code == 0, result.output
    assert findings_of(path) == []
    return path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


def seal_changes(path: Path) -> list:
    """The closed-year-changed findings, (line, message), in line order."""
    findings = findings_of(path)
    assert {f.rule for f in findings} <= {"closed-year-changed"}, findings
    return sorted((f.line, f.message) for f in findings)


def test_moving_an_entry_within_the_year(sealed):
    edit(sealed, '2024-03-01 * "Hotel"', '2024-07-15 * "Hotel"')
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2024-07-15 * "Hotel"')
    assert "V-1" in message and "date" in message


def test_renumbering_a_voucher(sealed):
    edit(sealed, 'voucher: "V-3"', 'voucher: "V-9"')
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2024-04-02 * "Clinic"')
    assert "V-3" in message and "voucher" in message


def test_changing_payee_and_narration(sealed):
    edit(sealed, '2024-04-01 * "Hospital" "relief"', '2024-04-01 * "Hospital Ltd" "relief"')
    edit(sealed, '2024-03-01 * "Hotel" "meetings"', '2024-03-01 * "Hotel" "board meeting"')
    [(first, meetings), (second, relief)] = seal_changes(sealed)
    assert "narration" in meetings and "payee" not in meetings
    assert "payee" in relief and "narration" not in relief
    assert (first, second) == (line_of(sealed, "2024-03-01"), line_of(sealed, "2024-04-01"))


def test_adding_a_zero_amount_entry(sealed):
    edit(
        sealed,
        "\n2024-12-20 * ",
        '\n2024-06-01 * "Nobody" "nothing"\n  voucher: "V-5"\n  document: "copy.pdf"\n'
        "  Expenses:Program:Admin  0.00 CNY\n  Assets:Bank:Grant-Account\n\n2024-12-20 * ",
    )
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2024-06-01 * "Nobody"')
    assert "added" in message


def test_swapping_two_amounts_within_a_category(sealed):
    # The relief total and every closing figure stay the same.
    edit(sealed, "Expenses:Program:Relief  35000.00 CNY", "Expenses:Program:Relief  X")
    edit(sealed, "Expenses:Program:Relief  2000.00 CNY", "Expenses:Program:Relief  35000.00 CNY")
    edit(sealed, "Expenses:Program:Relief  X", "Expenses:Program:Relief  2000.00 CNY")
    changes = seal_changes(sealed)
    assert [line for line, _ in changes] == [
        line_of(sealed, "2024-04-01"),
        line_of(sealed, "2024-04-02"),
    ]
    assert all("postings" in message for _, message in changes)


def test_deleting_a_payment_and_adding_a_fake_of_the_same_amount(sealed):
    text = sealed.read_text(encoding="utf-8")
    real = text[text.index('2024-04-02 * "Clinic"') : text.index('2024-12-20 * "Bank"')]
    fake = real.replace('2024-04-02 * "Clinic" "check-ups"', '2024-09-09 * "Fake Co" "supplies"')
    sealed.write_text(text.replace(real, fake.replace('"V-3"', '"V-8"')), encoding="utf-8")
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2024-09-09 * "Fake Co"')
    for field in ("date", "payee", "narration", "voucher"):
        assert field in message


def test_deleting_a_payment_points_at_the_close(sealed):
    text = sealed.read_text(encoding="utf-8")
    real = text[text.index('2024-12-20 * "Bank"') : text.index("2025-01-01 balance")]
    sealed.write_text(text.replace(real, ""), encoding="utf-8")
    edit(sealed, "Grant-Account  150980.00 CNY", "Grant-Account  151000.00 CNY")
    removed = [
        (line, message)
        for line, message in seal_changes(sealed)
        if "no longer in the books" in message
    ]
    assert removed == [(line_of(sealed, '2025-01-20 custom "grant-close"'), removed[0][1])]
    assert "V-4" in removed[0][1] and "2024-12-20" in removed[0][1]


def test_changing_a_document_link(sealed):
    edit(sealed, 'document: "copy.pdf"', 'document: "copy-2.pdf"')
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, "2024-03-01")
    assert "document links" in message


def test_changing_entries_together_with_the_close_figures(sealed):
    # 1,000 less on admin, and the close's figures "corrected" to match: the figures hold, the
    # seal does not.
    edit(sealed, "Expenses:Program:Admin  12000.00 CNY", "Expenses:Program:Admin  11000.00 CNY")
    edit(
        sealed,
        "2025-01-01 balance Assets:Bank:Grant-Account  150980.00",
        "2025-01-01 balance Assets:Bank:Grant-Account  151980.00",
    )
    edit(sealed, "balance: 150980.00 CNY", "balance: 151980.00 CNY")
    edit(
        sealed,
        "spent-Expenses_Program_Admin: 12000.00 CNY",
        "spent-Expenses_Program_Admin: 11000.00 CNY",
    )
    edit(
        sealed,
        "lapsed-Expenses_Program_Admin: 8000.00 CNY",
        "lapsed-Expenses_Program_Admin: 9000.00 CNY",
    )
    changes = seal_changes(sealed)
    close_line = line_of(sealed, '2025-01-20 custom "grant-close"')
    assert {line for line, _ in changes} == {close_line, line_of(sealed, "2024-03-01")}
    figures = next(message for line, message in changes if line == close_line)
    assert "differ from the sealed ones" in figures and "spent-Expenses_Program_Admin" in figures


def test_metadata_added_later_does_not_break_the_seal(sealed):
    edit(
        sealed, '  voucher: "V-2"\n', '  voucher: "V-2"\n  beneficiary: "B-0001"\n  asset: "A-7"\n'
    )
    edit(sealed, '  voucher: "V-1"\n', '  voucher: "V-1"  ; reviewed\n')
    assert findings_of(sealed) == []


def test_a_seal_file_missing_or_altered_is_named(sealed):
    seal_file = sealed.parent / "seals" / "2024.tsv"
    text = seal_file.read_text(encoding="utf-8")
    seal_file.write_text(text.replace("V-3", "V-7"), encoding="utf-8")
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2025-01-20 custom "grant-close"')
    assert "altered" in message and str(seal_file) in message
    seal_file.unlink()
    [(_, message)] = seal_changes(sealed)
    assert "cannot be read" in message


def test_a_changed_copy_is_found_by_validate_not_by_the_plugin(sealed):
    (sealed.parent / "copy-3.pdf").write_bytes(b"%PDF-1.4 another receipt\n")
    # Fava and bean-check (the plugin) do not read the copies: no finding there.
    assert load_ledger(sealed).findings == []
    [finding] = ledger_findings(load_ledger(sealed), hash_copies=True)
    assert finding.line == line_of(sealed, "2024-04-02")
    assert "copy-3.pdf" in finding.message
    result = run("validate", str(sealed))
    assert result.exit_code == 1 and "copy-3.pdf" in result.output


def test_rewriting_the_last_year_and_its_seal_is_seen_from_a_pack(sealed, tmp_path):
    pack = tmp_path / "pack-2024.zip"
    assert (
        run("report", "pack", str(sealed), "--year", "2024", "--output", str(pack)).exit_code == 0
    )
    assert run("verify-pack", str(pack), str(sealed)).exit_code == 0
    # An attacker rewrites a payment, then closes again to get figures and a seal that agree.
    text = sealed.read_text(encoding="utf-8")
    sealed.write_text(text[: text.index("2025-01-20 custom")].replace('"Clinic"', '"Cl1nic"'))
    assert run("close", "2024", str(sealed), "--date", "2025-01-20").exit_code == 0
    assert findings_of(sealed) == []  # the books alone cannot tell
    result = run("verify-pack", str(pack), str(sealed))
    assert result.exit_code == 1
    assert "rewritten after the pack was made" in result.output


def test_rewriting_a_sealed_year_and_its_seal_breaks_the_next_seal(sealed):
    edit(
        sealed,
        "2025-01-01 balance",
        funding(2025)
        + "\n2026-01-01 balance Assets:Bank:Grant-Account  350980.00 CNY\n2025-01-01 balance",
    )
    assert run("close", "2025", str(sealed), "--date", "2026-01-20").exit_code == 0
    assert findings_of(sealed) == []
    # Rewrite 2024's payee, and its seal file and seal to match.
    edit(sealed, '"Clinic"', '"Cl1nic"')
    seal_file = sealed.parent / "seals" / "2024.tsv"
    plan_dir = sealed.parent / "again"
    plan_dir.mkdir()
    shutil.copy(sealed, plan_dir / sealed.name)
    shutil.copy(sealed.parent / "copy.pdf", plan_dir)
    shutil.copy(sealed.parent / "copy-3.pdf", plan_dir)
    again = plan_dir / sealed.name
    text = again.read_text(encoding="utf-8")
    again.write_text(re.sub(r"  seal-file: .*\n  seal: .*\n", "", text, count=1), encoding="utf-8")
    assert run("close", "2024", str(again), "--seal").exit_code == 0
    shutil.copy(plan_dir / "seals" / "2024.tsv", seal_file)
    new_seal = hashlib.sha256(seal_file.read_bytes()).hexdigest()
    text = sealed.read_text(encoding="utf-8")
    sealed.write_text(
        re.sub(r'seal: "[0-9a-f]+"', f'seal: "{new_seal}"', text, count=1), encoding="utf-8"
    )
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2026-01-20 custom "grant-close" 2025')
    assert "must follow the seal" in message


def test_seal_an_old_close_only_while_its_figures_hold(write_ledger, tmp_path):
    (tmp_path / "copy-3.pdf").write_bytes(b"%PDF-1.4 check-up receipts\n")
    path = write_ledger(funding(2024), BOOKS_2024)
    assert run("close", "2024", str(path), "--date", "2025-01-20").exit_code == 0
    text = path.read_text(encoding="utf-8")
    old_close = re.sub(r"  seal-file: .*\n  seal: .*\n", "", text)
    path.write_text(old_close, encoding="utf-8")
    (tmp_path / "seals" / "2024.tsv").unlink()
    assert findings_of(path) == []  # an unsealed close: figures only

    # The figures moved: no seal.
    path.write_text(
        old_close.replace("12000.00 CNY\n  Assets", "12500.00 CNY\n  Assets"), encoding="utf-8"
    )
    refused = run("close", "2024", str(path), "--seal")
    assert refused.exit_code == 1 and "no longer give the figures" in refused.output
    assert not (tmp_path / "seals" / "2024.tsv").exists()

    path.write_text(old_close, encoding="utf-8")
    result = run("close", "2024", str(path), "--seal")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") != old_close
    assert findings_of(path) == []
    again = run("close", "2024", str(path), "--seal")
    assert again.exit_code == 1 and "already sealed" in again.output
    edit(path, '"Hotel"', '"H0tel"')
    assert [f.rule for f in findings_of(path)] == ["closed-year-changed"]


def test_the_next_close_waits_for_the_old_one_to_be_sealed(write_ledger, tmp_path):
    (tmp_path / "copy-3.pdf").write_bytes(b"%PDF-1.4 check-up receipts\n")
    year_end = "2026-01-01 balance Assets:Bank:Grant-Account  350980.00 CNY\n"
    path = write_ledger(funding(2024, 2025), BOOKS_2024, year_end)
    assert run("close", "2024", str(path), "--date", "2025-01-20").exit_code == 0
    path.write_text(re.sub(r"  seal-file: .*\n  seal: .*\n", "", path.read_text("utf-8")), "utf-8")
    refused = run("close", "2025", str(path), "--date", "2026-01-20")
    assert refused.exit_code == 1
    assert "close 2024" in refused.output and "--seal" in refused.output
    assert not (tmp_path / "seals" / "2025.tsv").exists()


def test_verify_pack_names_what_differs(sealed, tmp_path):
    pack = tmp_path / "pack.zip"
    assert (
        run("report", "pack", str(sealed), "--year", "2024", "--output", str(pack)).exit_code == 0
    )
    ok = run("verify-pack", str(pack), str(sealed), "--lang", "en")
    assert ok.exit_code == 0 and "matches the books" in ok.output

    # A copy inside the pack swapped.
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "vouchers/V-3/copy-3.pdf":
                content = b"%PDF-1.4 forged\n"
            target.writestr(info, content)
    result = run("verify-pack", str(altered), str(sealed), "--lang", "en")
    assert result.exit_code == 1
    assert "vouchers/V-3/copy-3.pdf differs" in result.output

    # The books changed after the pack was made.
    edit(sealed, '"Clinic"', '"Cl1nic"')
    changed = run("verify-pack", str(pack), str(sealed), "--lang", "en")
    assert changed.exit_code == 1
    assert "no longer hold to the seal" in changed.output and "payee" in changed.output
    # Its findings are listed as validate lists them, in the words asked for.
    rows = [line.split()[:4] for line in changed.output.splitlines()]
    assert rows[0] == ["FILE:LINE", "DATE", "SEVERITY", "RULE"]
    assert ["error", "closed-year-changed"] in [row[2:] for row in rows]
    chinese = run("verify-pack", str(pack), str(sealed), "--lang", "zh")
    rows = [line.split()[:4] for line in chinese.output.splitlines()]
    assert rows[0] == ["文件:行", "日期", "级别", "规则"]
    assert ["错误", "closed-year-changed"] in [row[2:] for row in rows]

    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"not a zip")
    assert run("verify-pack", str(garbage), str(sealed)).exit_code == 2


def test_a_pack_of_an_open_year_does_not_match(sealed, tmp_path):
    edit(sealed, "2025-01-01 balance", funding(2025) + "\n2025-01-01 balance")
    pack = tmp_path / "pack-2025.zip"
    assert (
        run("report", "pack", str(sealed), "--year", "2025", "--output", str(pack)).exit_code == 0
    )
    result = run("verify-pack", str(pack), str(sealed), "--lang", "en")
    assert result.exit_code == 1 and "not closed and sealed" in result.output


def test_the_demo_is_sealed(tmp_path):
    text = DEMO.read_text(encoding="utf-8")
    for year in (2024, 2025):
        close = text[text.index(f'custom "grant-close" {year}') :].split("\n\n")[0]
        digest = hashlib.sha256(
            (DEMO.parent / "documents" / "seals" / f"{year}.tsv").read_bytes()
        ).hexdigest()
        assert f'seal-file: "documents/seals/{year}.tsv"' in close
        assert f'seal: "{digest}"' in close
    assert ledger_findings(load_ledger(DEMO), hash_copies=True) == []


SEAL_LINES = re.compile(r"  seal-file: .*\n  seal: .*\n")


def without_seal_lines(path: Path, year: int) -> None:
    """Take the `seal-file:` and `seal:` lines out of the close of `year`."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'custom "grant-close" {year}')
    path.write_text(text[:start] + SEAL_LINES.sub("", text[start:], count=1), encoding="utf-8")


@pytest.fixture
def two_sealed(sealed) -> Path:
    """2024 and 2025, each closed and sealed."""
    edit(
        sealed,
        "2025-01-01 balance",
        funding(2025)
        + "\n2026-01-01 balance Assets:Bank:Grant-Account  350980.00 CNY\n2025-01-01 balance",
    )
    assert run("close", "2025", str(sealed), "--date", "2026-01-20").exit_code == 0
    assert findings_of(sealed) == []
    return sealed


def test_a_close_whose_seal_lines_are_taken_out_is_named(sealed):
    # The seal file `close` wrote is still there: the close no longer names it.
    without_seal_lines(sealed, 2024)
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, '2025-01-20 custom "grant-close"')
    assert str(sealed.parent / "seals" / "2024.tsv") in message and "taken out" in message
    # Sealing again would overwrite the evidence: refused until the lines are restored.
    refused = run("close", "2024", str(sealed), "--seal")
    assert refused.exit_code == 1


def test_unsealing_an_earlier_year_to_rewrite_it_is_named(two_sealed):
    # Issue 10's t-unseal24: 2024's seal lines out, a 2024 payee rewritten.
    without_seal_lines(two_sealed, 2024)
    edit(two_sealed, '"Clinic"', '"Cl1nic"')
    [(first, unnamed), (second, chain)] = seal_changes(two_sealed)
    assert first == line_of(two_sealed, '2025-01-20 custom "grant-close" 2024')
    assert "seals/2024.tsv" in unnamed and "taken out" in unnamed
    assert second == line_of(two_sealed, '2026-01-20 custom "grant-close" 2025')
    assert "close of 2024 carries no seal" in chain
    # The seal file gone too: the later seal still names the seal it follows.
    (two_sealed.parent / "seals" / "2024.tsv").unlink()
    [(_, unsealed), (_, chain)] = seal_changes(two_sealed)
    assert "close of 2025 of these books is sealed" in unsealed
    assert "close of 2024 carries no seal" in chain


def test_unsealing_the_last_year_is_named(two_sealed):
    # Issue 10's t-unseal25: 2025's seal lines out; then its seal file too.
    without_seal_lines(two_sealed, 2025)
    [(line, message)] = seal_changes(two_sealed)
    assert line == line_of(two_sealed, '2026-01-20 custom "grant-close" 2025')
    assert "seals/2025.tsv" in message
    (two_sealed.parent / "seals" / "2025.tsv").unlink()
    [(line, message)] = seal_changes(two_sealed)
    assert line == line_of(two_sealed, '2026-01-20 custom "grant-close" 2025')
    assert "close of 2024 of these books is sealed" in message and "--seal" in message
    # As for a close made before seals: sealing it again answers the finding.
    result = run("close", "2025", str(two_sealed), "--seal")
    assert result.exit_code == 0, result.output
    assert findings_of(two_sealed) == []


def test_every_seal_taken_out_is_seen_from_a_pack_only(two_sealed, tmp_path):
    pack = tmp_path / "pack-2025.zip"
    made = run("report", "pack", str(two_sealed), "--year", "2025", "--output", str(pack))
    assert made.exit_code == 0
    for year in (2024, 2025):
        without_seal_lines(two_sealed, year)
        (two_sealed.parent / "seals" / f"{year}.tsv").unlink()
    edit(two_sealed, '"Clinic"', '"Cl1nic"')
    assert findings_of(two_sealed) == []  # the books alone cannot tell (README)
    result = run("verify-pack", str(pack), str(two_sealed), "--lang", "en")
    assert result.exit_code == 1 and "no sealed close of 2025" in result.output


def test_tags_and_links_added_to_a_sealed_entry_are_named(sealed):
    edit(sealed, '2024-04-01 * "Hospital" "relief"', '2024-04-01 * "Hospital" "relief" #audit')
    [(line, message)] = seal_changes(sealed)
    assert line == line_of(sealed, "2024-04-01")
    assert "V-2" in message and "tags or links" in message and "narration" not in message
    edit(sealed, '"relief" #audit', '"relief" ^contract-7')
    [(_, message)] = seal_changes(sealed)
    assert "tags or links" in message
    edit(sealed, '"relief" ^contract-7', '"relief"')
    assert findings_of(sealed) == []


def test_a_tagged_entry_is_sealed_with_its_tags(write_ledger, tmp_path):
    (tmp_path / "copy-3.pdf").write_bytes(b"%PDF-1.4 check-up receipts\n")
    books = BOOKS_2024.replace('"Clinic" "check-ups"', '"Clinic" "check-ups" #outreach ^pkg-1')
    path = write_ledger(funding(2024), books)
    assert run("close", "2024", str(path), "--date", "2025-01-20").exit_code == 0
    assert findings_of(path) == []
    edit(path, "#outreach ^pkg-1", "^pkg-1")
    [(line, message)] = seal_changes(path)
    assert line == line_of(path, "2024-04-02") and "tags or links" in message


def test_the_demo_seal_is_made_again_byte_for_byte(tmp_path):
    # A tag-free entry's digest is the one sealed before tags were sealed.
    shutil.copytree(DEMO.parent / "documents", tmp_path / "documents")
    for name in ("registers", "rosters"):
        shutil.copytree(DEMO.parent / name, tmp_path / name)
    path = tmp_path / "main.beancount"
    shutil.copyfile(DEMO, path)
    sealed = (DEMO.parent / "documents" / "seals" / "2025.tsv").read_bytes()
    (tmp_path / "documents" / "seals" / "2025.tsv").unlink()
    without_seal_lines(path, 2025)
    result = run("close", "2025", str(path), "--seal")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "documents" / "seals" / "2025.tsv").read_bytes() == sealed
    assert path.read_bytes() == DEMO.read_bytes()
