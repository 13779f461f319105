"""No output of any command or Fava page holds an identity number from the register unmasked.

The identity numbers are read here from the registers themselves (Python's csv module, not the
product's reader), for the demo and the planted ledger. Then every command runs on both ledgers
(validate in every format, every report in every format, the pack as a zip and a folder with
every file inside it opened, close refused and done, import), and every Fava page and API
endpoint the pages call, Fava's editor and source views included, is fetched; logs too. A
number counts as shown when its first 17 characters, or its date of birth and sequence
(characters 7-17), appear anywhere.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from beneficiary_helpers import PREAMBLE, payment, person_id, woman, write_books, write_roster
from click.testing import CliRunner
from fava.application import create_app
from fava.beans.funcs import hash_entry

from commands.main import main
from reports.build import KINDS
from reports.render import FORMATS
from serving.app import serve_app

ROOT = Path(__file__).resolve().parents[1]
PLANTED = Path(__file__).parent / "beneficiary_ledgers"
EXTENSION = '\n2026-01-01 custom "fava-extension" "reports.fava_grant"\n'
STATEMENTS = sorted((ROOT / "documents" / "Assets" / "Bank" / "MCH-Special").iterdir())


def register_ids(path: Path) -> set[str]:
    """The identity numbers of a register CSV: the column headed 身份证号."""
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    header = next(row for row in rows if "身份证号" in row)
    column = header.index("身份证号")
    return {row[column] for row in rows[rows.index(header) + 1 :] if len(row) > column}


class Books:
    """A ledger copied to a folder of its own, with the identity numbers of its register."""

    def __init__(self, ledger: Path, register: Path, ids: set[str] | None = None) -> None:
        self.ledger = ledger
        self.register = register
        self.ids = ids or register_ids(register)
        assert len(self.ids) >= 4 and all(len(number) in (15, 18) for number in self.ids)

    def assert_hidden(self, content: bytes | str, where: str) -> None:
        """No identity number of the register in `content`, or in any file it zips."""
        if isinstance(content, bytes) and content[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                for name in archive.namelist():
                    self.assert_hidden(archive.read(name), f"{where}/{name}")
            return
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        for number in self.ids:
            if len(number) == 15:  # the old kind: its date of birth and sequence
                assert number[6:15] not in text, f"{where} shows {number[:6]}…"
                continue
            assert number[:17] not in text, f"{where} shows {number[:6]}…"
            assert number[6:17] not in text, f"{where} shows {number[:6]}…"

    def assert_folder_hidden(self, folder: Path, where: str) -> None:
        """No identity number in any file under `folder`."""
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                self.assert_hidden(path.read_bytes(), f"{where}/{path.relative_to(folder)}")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Books:
    folder = tmp_path_factory.mktemp("demo")
    for name in ("documents", "registers", "rosters"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copyfile(ROOT / "main.beancount", folder / "main.beancount")
    return Books(folder / "main.beancount", folder / "registers" / "救助对象.csv")


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Books:
    folder = tmp_path_factory.mktemp("planted") / "books"
    shutil.copytree(PLANTED, folder)
    ledger = folder / "planted_one_of_each.beancount"
    ledger.write_text(ledger.read_text(encoding="utf-8") + EXTENSION, encoding="utf-8")
    return Books(ledger, folder / "registers" / "救助对象.csv")


@pytest.fixture(params=["demo", "planted"])
def books(request) -> Books:
    return request.getfixturevalue(request.param)


def run(books: Books, *args: str) -> str:
    """Run `mch-ledger ARGS`; its output and errors, which must hide every number."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    books.assert_hidden(result.output, f"mch-ledger {' '.join(args[:3])}")
    books.assert_hidden(result.stderr, f"mch-ledger {' '.join(args[:3])} (stderr)")
    return result.output


def test_the_planted_register_shows_its_numbers_to_this_test(planted):
    # The check is real: the register itself holds the numbers the outputs must not.
    with pytest.raises(AssertionError):
        planted.assert_hidden(planted.register.read_bytes(), "the register itself")


def test_validate_in_every_format(books):
    ledger = str(books.ledger)
    text = run(books, "validate", ledger)
    run(books, "validate", ledger, "--format", "json")
    run(books, "validate", ledger, "--year", "2026", "--lang", "en")
    if books.ledger.name != "main.beancount":
        assert "beneficiary-id-invalid" in text  # the findings about the register are shown


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_report_in_every_format(books, kind, tmp_path):
    ledger = str(books.ledger)
    for output_format in FORMATS:
        target = tmp_path / f"{kind}.{output_format}"
        run(books, "report", kind, ledger, "--format", output_format, "--output", str(target))
        books.assert_hidden(target.read_bytes(), f"report {kind} --format {output_format}")
    run(books, "report", kind, ledger, "--year", "2026", "--lang", "en")


def test_the_pack_as_a_zip_and_a_folder(books, tmp_path):
    ledger = str(books.ledger)
    run(books, "report", "pack", ledger, "--output", str(tmp_path / "pack.zip"), "--recipient", "x")
    content = (tmp_path / "pack.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert any(name.startswith("registers/") for name in archive.namelist())
    books.assert_hidden(content, "pack.zip")
    run(books, "report", "pack", ledger, "--year", "2026", "--output", str(tmp_path / "pack"))
    books.assert_folder_hidden(tmp_path / "pack", "pack/")
    books.assert_hidden(
        (books.ledger.parent / "packs" / "copy-register.csv").read_bytes(), "copy-register.csv"
    )


def test_the_full_register_is_only_the_register_file_itself(books, tmp_path):
    ledger = str(books.ledger)
    target = tmp_path / "full.zip"
    run(
        books,
        "report",
        "pack",
        ledger,
        "--output",
        str(target),
        "--recipient",
        "审计局",
        "--full-register",
    )
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        (register,) = [name for name in names if name.startswith("registers/")]
        assert archive.read(register) == books.register.read_bytes()
        for name in names:
            if name != register:
                books.assert_hidden(archive.read(name), f"full.zip/{name}")


def test_close_refused_and_done(books, tmp_path):
    copy = tmp_path / books.ledger.name
    shutil.copyfile(books.ledger, copy)
    for folder in ("registers", "rosters", "documents"):
        if (books.ledger.parent / folder).exists():
            shutil.copytree(books.ledger.parent / folder, tmp_path / folder)
    if (books.ledger.parent / "copy.pdf").exists():
        shutil.copyfile(books.ledger.parent / "copy.pdf", tmp_path / "copy.pdf")
    run(books, "close", "2026", str(copy), "--date", "2027-01-15")
    books.assert_hidden(copy.read_bytes(), "the ledger after close")


def test_import(books, tmp_path):
    ledger = str(books.ledger)
    for statement in STATEMENTS:
        run(books, "import", "identify", str(statement), "--ledger", ledger)
        run(books, "import", "extract", str(statement), "--ledger", ledger)


PREAMBLE_ZH = PREAMBLE + EXTENSION + '2025-01-01 custom "fava-option" "language" "zh"\n\n'

#: Fava's pages (its client-side reports) and the API endpoints they call.
PAGES = (
    "income_statement/",
    "balance_sheet/",
    "trial_balance/",
    "journal/",
    "query/",
    "holdings/",
    "events/",
    "documents/",
    "statistics/",
    "editor/",
    "errors/",
    "import/",
    "options/",
    "commodities/",
    "account/Expenses:MCH:PovertyRelief/",
    "account/Expenses:Project:Relief/",
    "extension/GrantPage/",
    "extension/GrantPage/?year=2026",
    "extension/GrantPage/data?year=2026",
    "extension/GrantPage/excel?year=2026",
    "extension/GrantPage/html?year=2026",
    "extension/GrantPage/pack?year=2026",
    "download-journal/",
    "api/changed",
    "api/journal",
    "api/journal_page?page=1&order=asc",
    "api/events",
    "api/imports",
    "api/documents",
    "api/options",
    "api/commodities",
    "api/income_statement",
    "api/balance_sheet",
    "api/trial_balance",
    "api/statistics",
    "api/narrations",
    "api/account_report?a=Expenses:MCH:PovertyRelief",
    "api/account_report?a=Expenses:Project:Relief:Emergency&r=journal",
    "api/query?query_string=SELECT%20date,%20narration,%20entry_meta('beneficiary')",
    "api/payee_transaction?payee=" + quote("县人民医院"),
    "api/payee_transaction?payee=" + quote("城关镇卫生院"),
)


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_every_fava_page_and_endpoint(books, read_only, caplog):
    caplog.set_level(logging.DEBUG)
    # Fava itself, without the layer `serve` puts in front of it: every endpoint answers.
    # (Fava's polling watcher: each app's watch threads would hold inotify instances.)
    app = create_app([str(books.ledger)], load=True, read_only=read_only, poll_watcher=True)
    client = app.test_client()
    slug = client.get("/").headers["Location"].strip("/").split("/")[0]
    fava = app.config["LEDGERS"].ledgers[0]
    # The register is no source file: Fava's editor and source views cannot open it.
    assert str(books.register) not in fava.options["include"]
    paths = [*PAGES, f"api/source?filename={quote(str(books.ledger))}"]
    paths.append(f"editor/?file_path={quote(str(books.ledger))}")
    for refused in (
        f"api/source?filename={quote(str(books.register))}",
        f"document/?filename={quote(str(books.register))}",
        f"editor/?file_path={quote(str(books.register))}",
    ):
        response = client.get(f"/{slug}/{refused}")
        books.assert_hidden(response.data, refused)
        paths.append(refused)
    relief = [
        entry
        for entry in fava.all_entries
        if any(key in getattr(entry, "meta", {}) for key in ("beneficiary", "roster"))
    ]
    assert relief
    for entry in relief[:3]:
        entry_hash = hash_entry(entry)
        paths += [
            f"api/context?entry_hash={entry_hash}",
            f"api/source_slice?entry_hash={entry_hash}",
        ]
    shown = 0
    for path in paths:
        response = client.get(f"/{slug}/{path}")
        books.assert_hidden(response.data, path)
        shown += response.status_code == 200
    assert shown >= len(PAGES) - 4  # an account another ledger does not open is a 404
    response = client.get(f"/{slug}/api/source?filename={quote(str(books.register))}")
    assert response.status_code != 200 or b"Trying to read a non-source file" in response.data
    books.assert_hidden(caplog.text, "the logs")


def test_the_grant_page_shows_the_women_masked(planted, request):
    served = serve_app(planted.ledger, read_only=True, auto_commit=False)
    client = served.app.test_client()
    request.addfinalizer(served.close)
    slug = client.get("/").headers["Location"].strip("/").split("/")[0]
    page = client.get(f"/{slug}/extension/GrantPage/?year=2026").data.decode()
    rows = list(csv.reader(planted.register.read_text(encoding="utf-8").splitlines()))[2:]
    paid = {row[2] for row in rows if row[0] in {f"BS-00{n}" for n in range(1, 7)}}
    assert len(paid) == 6
    for number in paid:
        assert f"{number[:6]}********{number[-4:]}" in page


# -- identity numbers typed where they do not belong -----------------------------------------

MISPLACED_IDS = {
    "number": person_id("19950412", "024"),  # a register number that is her identity number
    "name": person_id("19900101", "046"),  # in the name column, the name in the ID column
    "roster": person_id("19920202", "026"),  # a roster keyed by identity numbers
    "narration": person_id("19930303", "028"),  # quoted in an entry's narration
    "old": "990303" + "940404" + "040",  # an old 15-digit number as a register number
    "amount": person_id("19910101", "024"),  # typed into a roster's amount column
}


@pytest.fixture(scope="module")
def misplaced(tmp_path_factory) -> Books:
    """Books whose register, roster and entries hold identity numbers where they do not belong.

    The ledger's own text holds some too (two `beneficiary:` values and a narration), which
    Fava's journal and editor show as the accountant wrote them; each is a finding, and the
    findings, Fava's error list included, show them masked.
    """
    ids = MISPLACED_IDS
    folder = tmp_path_factory.mktemp("misplaced")
    rows = [
        woman("A-1", person_id("19950101", "024")),
        woman(ids["number"], ids["number"]),
        woman("A-3", "某某", name=ids["name"]),
        woman(ids["old"], person_id("19940404", "040")),
    ]
    write_roster(
        folder / "rosters" / "R-1.csv", [(ids["roster"], "100.00", "1"), ("A-1", "200.00", "1")]
    )
    write_roster(folder / "rosters" / "R-6.csv", [("A-1", ids["amount"], "1")])
    body = (
        payment("2026-02-01", "R-1", "300.00", beneficiary=f'"{ids["number"]}"')
        + payment(
            "2026-02-02",
            "R-2",
            "300.00",
            "Expenses:Work:Relief:Checkups",
            roster='"rosters/R-1.csv"',
        )
        + payment("2026-02-03", "R-3", "300.00", beneficiary='"A-3"')
        + payment("2026-02-04", "R-4", "300.00", beneficiary=f'"{ids["old"]}"')
        + f"""2026-02-05 * "救助 {ids["narration"]} 的补助"
  voucher: "R-5"
  document: "copy.pdf"
  Expenses:Work:Relief:Rescue  300.00 CNY
  Assets:Bank:Special

"""
        + payment(
            "2026-02-06",
            "R-6",
            "300.00",
            "Expenses:Work:Relief:Checkups",
            roster='"rosters/R-6.csv"',
        )
    )
    ledger = write_books(folder, body, rows, PREAMBLE_ZH)
    return Books(ledger, folder / "register.csv", set(ids.values()))


def test_misplaced_numbers_are_masked_in_findings_and_every_report(misplaced, tmp_path):
    ledger = str(misplaced.ledger)
    text = run(misplaced, "validate", ledger)
    # The findings are there, naming the rows and entries, the numbers masked.
    head, tail = MISPLACED_IDS["narration"][:6], MISPLACED_IDS["narration"][-4:]
    assert f"救助 {head}********{tail} 的补助" in text
    run(misplaced, "validate", ledger, "--format", "json")
    for kind in KINDS:
        for output_format in FORMATS:
            target = tmp_path / f"{kind}.{output_format}"
            run(
                misplaced,
                "report",
                kind,
                ledger,
                "--format",
                output_format,
                "--output",
                str(target),
            )
            misplaced.assert_hidden(target.read_bytes(), f"report {kind} --format {output_format}")
    beneficiaries = run(misplaced, "report", "beneficiaries", ledger)
    number = MISPLACED_IDS["number"]
    assert f"{number[:6]}********{number[-4:]}" in beneficiaries


def test_misplaced_numbers_are_masked_in_the_pack(misplaced, tmp_path):
    ledger = str(misplaced.ledger)
    run(
        misplaced, "report", "pack", ledger, "--output", str(tmp_path / "p.zip"), "--recipient", "x"
    )
    misplaced.assert_hidden((tmp_path / "p.zip").read_bytes(), "pack.zip")
    run(misplaced, "report", "pack", ledger, "--year", "2026", "--output", str(tmp_path / "p"))
    misplaced.assert_folder_hidden(tmp_path / "p", "pack/")


def test_misplaced_numbers_are_masked_on_the_grant_page_and_favas_errors(misplaced):
    app = create_app([str(misplaced.ledger)], load=True, read_only=True, poll_watcher=True)
    client = app.test_client()
    slug = client.get("/").headers["Location"].strip("/").split("/")[0]
    # Fava's journal shows the narration as written: the pages this program makes, and the
    # findings Fava lists, are what must hide the numbers.
    for path in (
        "errors/",
        "api/errors",
        "extension/GrantPage/?year=2026",
        "extension/GrantPage/data?year=2026",
        "extension/GrantPage/excel?year=2026",
        "extension/GrantPage/html?year=2026",
        "extension/GrantPage/pack?year=2026",
    ):
        response = client.get(f"/{slug}/{path}")
        assert response.status_code == 200, path
        misplaced.assert_hidden(response.data, path)


# -- the register pulled into the ledger with `include` ----------------------------------------


@pytest.fixture(scope="module")
def included(tmp_path_factory) -> Books:
    """The demo with its register included as ledger text: Beancount's errors quote its lines."""
    folder = tmp_path_factory.mktemp("included")
    for name in ("documents", "registers", "rosters"):
        shutil.copytree(ROOT / name, folder / name)
    ledger = folder / "main.beancount"
    text = (ROOT / "main.beancount").read_text(encoding="utf-8")
    ledger.write_text(text + '\ninclude "registers/救助对象.csv"\n', encoding="utf-8")
    return Books(ledger, folder / "registers" / "救助对象.csv")


def test_an_included_register_is_a_finding_and_beancounts_errors_are_masked(included, tmp_path):
    ledger = str(included.ledger)
    text = run(included, "validate", ledger)
    assert "registers/救助对象.csv 被 include 读入了账簿" in text
    assert "请删去引入它的 `include` 行" in text
    # Beancount's own errors quote the register's lines: shown, their numbers masked.
    beancount = [line for line in text.splitlines() if "  beancount  " in line]
    assert len(beancount) > 10 and any("990101********" in line for line in beancount)
    run(included, "validate", ledger, "--format", "json")
    for output_format in FORMATS:
        target = tmp_path / f"findings.{output_format}"
        run(
            included,
            "report",
            "findings",
            ledger,
            "--format",
            output_format,
            "--output",
            str(target),
        )
        included.assert_hidden(target.read_bytes(), f"report findings --format {output_format}")
    run(included, "report", "pack", ledger, "--output", str(tmp_path / "p.zip"), "--recipient", "x")
    included.assert_hidden((tmp_path / "p.zip").read_bytes(), "pack.zip")


# -- a copy of the books without the register, as the README says to make one -----------------


def test_a_copy_without_the_register_and_rosters_reports_them_missing_and_nothing_else(tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(ROOT / "documents", folder / "documents")
    (folder / "registers").mkdir()
    # The register file and the rosters left out; the asset register beside it kept.
    shutil.copyfile(ROOT / "registers" / "固定资产.xlsx", folder / "registers" / "固定资产.xlsx")
    shutil.copyfile(ROOT / "main.beancount", folder / "main.beancount")
    ledger = str(folder / "main.beancount")
    result = CliRunner().invoke(main, ["validate", ledger, "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.output)
    assert {f["rule"] for f in findings} == {"config"}
    missing = [f["message"] for f in findings]
    assert sum("救助对象登记册" in m and "不存在" in m for m in missing) == 1
    assert sum("花名册 rosters/" in m and "不存在" in m for m in missing) == 6 == len(missing) - 1
    names = {
        row[1]
        for row in csv.reader((ROOT / "registers" / "救助对象.csv").open(encoding="utf-8-sig"))
        if len(row) > 2
    }
    for kind in KINDS:
        result = CliRunner().invoke(main, ["report", kind, ledger])
        assert result.exit_code == 0, (kind, result.output)
        if kind == "beneficiaries":
            assert "JZ-2026-001" in result.output
            assert not any(name in result.output for name in names - {"姓名"})
    result = CliRunner().invoke(
        main, ["report", "pack", ledger, "--output", str(tmp_path / "p.zip")]
    )
    assert result.exit_code == 0
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert not any(name.startswith("registers/") for name in archive.namelist())
