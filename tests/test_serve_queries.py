"""The query shell through Fava: queries run, commands that write or change the shell do not.

Issue 10's first row: on `serve --read-only`, `GET /<ledger>/api/query?query_string=.output
main.beancount` truncated the ledger (beanquery's `.output`), and a GET can be a link or an
image that an auditor's browser follows. Every path to the shell is tried, GET and POST, on the
read-only and the writable instance, and a ledger `query` entry run by name.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve_helpers import append, demo_copy, remove_guards, slug_of

from commands.main import main
from serving.app import serve_app

#: A ledger query that writes, and one that only reads.
QUERIES = (
    '2026-11-30 query "evil" ".output {victim}"\n'
    '2026-11-30 query "relief" "SELECT date, narration WHERE account ~ \'PovertyRelief\'"\n'
)

#: Texts that would write a file or change the shell for every later request.
REFUSED = [
    ".output {ledger}",
    "  .output {victim}",
    "\t.output {victim}",
    ".output",
    ".set format csv",
    "set format csv",
    ".format csv",
    ".clear",
    ".reload",
    ".errors",
    "errors",
    ".parse select 1",
    ".history",
]
#: Texts that only read.
READING = [
    "select date, narration limit 2",
    ".help",
    ".help describe",
    ".tables",
    ".describe entries",
    ".explain select 1",
    "balances",
]


@pytest.fixture(scope="module", params=[True, False], ids=["read-only", "writable"])
def instance(request, tmp_path_factory):
    """A demo copy with the `query` entries above, served read-only or writable.

    One instance serves all the tests of a mode: a refused command must leave it as it was.
    """
    folder = tmp_path_factory.mktemp("queries")
    path = demo_copy(folder)
    victim = folder / "victim.txt"
    victim.write_text("untouched\n", encoding="utf-8")
    append(path, QUERIES.format(victim=victim))
    served = serve_app(path, read_only=request.param, auto_commit=False)
    client = served.app.test_client()
    yield path, victim, client, slug_of(client)
    remove_guards()


def unchanged(path: Path, victim: Path, before: bytes) -> bool:
    return path.read_bytes() == before and victim.read_text(encoding="utf-8") == "untouched\n"


def test_read_only_serve_refuses_output_into_the_ledger(fake_server, tmp_path):
    # The request, as given, to `mch-ledger serve --read-only`.
    path = demo_copy(tmp_path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["serve", str(path), "--read-only"])
    assert result.exit_code == 0, result.output
    client = fake_server[0].app.test_client()
    query = {"query_string": f".output {path}"}
    response = client.get(f"/{slug_of(client)}/api/query", query_string=query)
    assert response.status_code == 400
    assert path.read_bytes() == before


def test_output_through_a_get_leaves_the_ledger_whole(instance):
    # A GET that names the ledger itself, on both kinds of instance.
    path, _, client, slug = instance
    before = path.read_bytes()
    response = client.get(f"/{slug}/api/query", query_string={"query_string": f".output {path}"})
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("查询命令 .output 会写文件")
    # A following command that prints cannot write into the ledger either.
    explain = client.get(f"/{slug}/api/query", query_string={"query_string": ".explain select 1"})
    assert explain.status_code == 200
    assert path.read_bytes() == before


@pytest.mark.parametrize("text", REFUSED)
def test_commands_that_write_are_refused_through_every_path(instance, text):
    path, victim, client, slug = instance
    text = text.format(ledger=path, victim=victim)
    before = path.read_bytes()
    for url in ("api/query", "download-query/query_result.csv", "download-query/query_result.xlsx"):
        get = client.get(f"/{slug}/{url}", query_string={"query_string": text})
        assert get.status_code == 400, (url, get.data[:200])
        assert ".help" in get.get_json()["error"]
        post_form = client.post(f"/{slug}/{url}", data={"query_string": text})
        post_json = client.post(f"/{slug}/{url}", json={"query_string": text})
        assert (post_form.status_code, post_json.status_code) == (400, 400), url
    assert unchanged(path, victim, before)
    # The shell is as it was for the next user: a query still answers in rows.
    rows = client.get(f"/{slug}/api/query", query_string={"query_string": "select 1 limit 1"})
    assert rows.get_json()["data"]["rows"] == [[1]]


@pytest.mark.parametrize("text", ["run evil", ".run evil", "run 'evil'"])
def test_a_ledger_query_that_writes_is_refused_when_run_by_name(instance, text):
    path, victim, client, slug = instance
    before = path.read_bytes()
    for url in ("api/query", "download-query/query_result.csv"):
        response = client.get(f"/{slug}/{url}", query_string={"query_string": text})
        assert response.status_code == 400, (url, response.data[:200])
        assert "查询命令 .output" in response.get_json()["error"]
    assert unchanged(path, victim, before)


@pytest.mark.parametrize("text", READING)
def test_queries_and_reading_commands_still_answer(instance, text):
    path, victim, client, slug = instance
    before = path.read_bytes()
    response = client.get(f"/{slug}/api/query", query_string={"query_string": text})
    assert response.status_code == 200, response.data[:300]
    assert unchanged(path, victim, before)


@pytest.fixture
def served_queries(tmp_path):
    """Serve a demo copy with the `query` entries given: (ledger, victim, client, slug)."""
    started = []

    def serve(queries: str, read_only: bool = True):
        path = demo_copy(tmp_path)
        victim = tmp_path / "victim.txt"
        victim.write_text("untouched\n", encoding="utf-8")
        append(path, queries.format(victim=victim))
        served = serve_app(path, read_only=read_only, auto_commit=False)
        started.append(served)
        client = served.app.test_client()
        return path, victim, client, slug_of(client), served

    yield serve
    remove_guards()


def test_a_named_query_downloads_as_a_table(served_queries):
    _, _, client, slug, _ = served_queries(QUERIES.splitlines()[1] + "\n")
    response = client.get(
        f"/{slug}/download-query/query_result.csv", query_string={"query_string": "run relief"}
    )
    assert response.status_code == 200
    assert "贫困孕产妇" in response.get_data(as_text=True)
    listed = client.get(f"/{slug}/api/query", query_string={"query_string": ".run relief"})
    assert listed.status_code == 200


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writable"])
def test_a_name_given_twice_is_judged_by_every_query_of_it(served_queries, read_only):
    # Fava's download runs the first `dup`, which writes; the second only reads.
    queries = '2026-11-30 query "dup" ".output {victim}"\n2026-11-30 query "dup" "select date"\n'
    path, victim, client, slug, _ = served_queries(queries, read_only)
    before = path.read_bytes()
    for url in ("download-query/query_result.csv", "api/query"):
        response = client.get(f"/{slug}/{url}", query_string={"query_string": "run dup"})
        assert response.status_code == 400, (url, response.data[:200])
    assert unchanged(path, victim, before)


def test_no_query_runs_by_name_while_one_writes(instance):
    # Whatever name it is asked by: the ledger holds a query that writes (remove it).
    path, victim, client, slug = instance
    before = path.read_bytes()
    for text in ("run relief", ".run relief", "run", "run 'relief' ;"):
        response = client.get(
            f"/{slug}/download-query/query_result.csv", query_string={"query_string": text}
        )
        assert response.status_code == 400, text
        assert "查询命令 .output" in response.get_json()["error"]
    assert unchanged(path, victim, before)


def test_the_shell_never_stays_pointed_at_a_file(served_queries):
    _, victim, client, slug, served = served_queries("")
    shell = served.layer.ledger.query_shell.shell
    # As if a flaw had let `.output` through: the shell prints into a file.
    shell.outfile = shell.stdout = victim.open("w", encoding="utf-8")
    response = client.get(f"/{slug}/api/query", query_string={"query_string": ".tables"})
    assert response.status_code == 200 and "entries" in response.get_data(as_text=True)
    assert victim.read_text(encoding="utf-8") == ""  # nothing more went into it
    rows = client.get(f"/{slug}/api/query", query_string={"query_string": "select 1 limit 1"})
    assert rows.get_json()["data"]["rows"] == [[1]]
    assert type(shell.outfile) is io.StringIO


def test_a_query_downloaded_as_csv_runs_no_formula(served_queries):
    # A payee from a bank row is an outsider's text: Excel must show it, never run it.
    payment = (
        '2026-11-20 * "=HYPERLINK(\\"http://x\\",\\"a\\")" "@SUM(1+1)"\n'
        '  voucher: "记-2026-045"\n'
        "  Expenses:Bank:Fees  12.50 CNY\n"
        "  Assets:Bank:MCH-Special\n"
    )
    _, _, client, slug, _ = served_queries(payment)
    query = "select payee, narration, number where narration = '@SUM(1+1)'"
    response = client.get(
        f"/{slug}/download-query/query_result.csv", query_string={"query_string": query}
    )
    assert response.status_code == 200, response.data[:300]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert sorted(rows[1:]) == [
        ['\'=HYPERLINK("http://x","a")', "'@SUM(1+1)", "-12.5"],  # amounts stay numbers
        ['\'=HYPERLINK("http://x","a")', "'@SUM(1+1)", "12.5"],
    ]
