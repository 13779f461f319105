"""`mch-ledger serve`: Fava on 127.0.0.1 unless told otherwise, read-only on request.

Serving in the ledger's language: the demo's is Chinese.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner
from serve_helpers import DEMO, PAYMENT, demo_copy, slug_of

from commands.main import main


def serve(*args: str):
    return CliRunner().invoke(main, ["serve", str(DEMO), *args])


def test_serves_on_loopback_by_default_without_a_warning(fake_server):
    result = serve()
    assert result.exit_code == 0, result.output
    [server] = fake_server
    assert server.bind_addr == ("127.0.0.1", 5000)
    assert "警告" not in result.output
    assert "Fava 已在 http://127.0.0.1:5000 运行" in result.output
    client = server.app.test_client()
    assert client.get("/").status_code == 302


def test_another_address_warns_that_anyone_can_read_and_edit(fake_server):
    result = serve("--host", "0.0.0.0", "--port", "8080")
    assert result.exit_code == 0, result.output
    assert fake_server[0].bind_addr == ("0.0.0.0", 8080)
    assert "能访问此地址的任何人都能查看并修改账簿" in result.output
    read_only = serve("--host", "0.0.0.0", "--read-only")
    assert "能访问此地址的任何人都能查看账簿" in read_only.output


def test_read_only_refuses_every_change(fake_server):
    result = serve("--read-only")
    assert result.exit_code == 0, result.output
    client = fake_server[0].app.test_client()
    slug = slug_of(client)
    response = client.put(f"/{slug}/api/source", json={"file_path": str(DEMO), "source": ""})
    assert response.status_code == 401
    assert DEMO.read_text(encoding="utf-8").startswith("; 清溪县")


# -- read-only: no code the ledger names runs on request ---------------------------------------

#: An extension of the ledger's own, as a county might add: an endpoint and a request hook that
#: leave a mark beside the ledger when they run.
COUNTY_TOOLS = """
from pathlib import Path

from fava.ext import FavaExtensionBase, extension_endpoint


class CountyTools(FavaExtensionBase):
    report_title = "County tools"

    def before_request(self):
        Path(self.ledger.beancount_file_path).with_name("hook-ran").touch()

    @extension_endpoint
    def run(self):
        Path(self.ledger.beancount_file_path).with_name("endpoint-ran").touch()
        return {"ran": True}
"""

#: An import config that leaves a mark when Fava runs it.
IMPORT_CONFIG = """
from pathlib import Path

Path(__file__).with_name("import-config-ran").touch()
CONFIG = []
"""

LEDGER_NAMED_CODE = (
    '2024-01-01 custom "fava-extension" "county_tools"\n'
    '2024-01-01 custom "fava-option" "import-config" "import_config.py"\n'
    '2024-01-01 custom "fava-option" "import-dirs" "imports"\n'
)
MARKS = ("hook-ran", "endpoint-ran", "import-config-ran")


def county_ledger(folder: Path) -> Path:
    """A copy of the demo that names its own extension and import config."""
    path = demo_copy(folder)
    (folder / "county_tools.py").write_text(COUNTY_TOOLS, encoding="utf-8")
    (folder / "import_config.py").write_text(IMPORT_CONFIG, encoding="utf-8")
    (folder / "imports").mkdir()
    (folder / "imports" / "statement.csv").write_text("日期,金额\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as file:
        file.write("\n" + LEDGER_NAMED_CODE)
    return path


def marks(folder: Path) -> set[str]:
    return {name for name in MARKS if (folder / name).exists()}


def clear_marks(folder: Path) -> None:
    for name in MARKS:
        (folder / name).unlink(missing_ok=True)


def served(fake_server, path: Path, *args: str):
    """Run `mch-ledger serve PATH ARGS`: its output, a test client of its app, the slug."""
    result = CliRunner().invoke(main, ["serve", str(path), *args])
    assert result.exit_code == 0, result.output
    client = fake_server[-1].app.test_client()
    return result.output, client, slug_of(client)


def test_writable_fava_runs_the_ledgers_own_extension_and_importers(fake_server, tmp_path):
    # The contrast for the read-only test below: the county's code is real and does run.
    path = county_ledger(tmp_path)
    _, client, slug = served(fake_server, path, "--no-auto-commit")
    clear_marks(tmp_path)
    assert client.get(f"/{slug}/extension/CountyTools/run").get_json() == {"ran": True}
    assert marks(tmp_path) == {"hook-ran", "endpoint-ran"}
    names = [item["name"] for item in client.get(f"/{slug}/api/imports").get_json()["data"]]
    assert str(tmp_path / "imports" / "statement.csv") in names


def test_read_only_runs_no_code_the_ledger_names_on_request(fake_server, tmp_path):
    path = county_ledger(tmp_path)
    output, client, slug = served(fake_server, path, "--read-only")
    assert "只读：扩展 county_tools.CountyTools 已关闭" in output
    # The import config is not even run at start-up: a read-only instance imports nothing.
    assert "import-config-ran" not in marks(tmp_path)
    clear_marks(tmp_path)

    # The county's extension is gone: no endpoint, no page, no script, no request hook.
    assert client.get(f"/{slug}/extension/CountyTools/run").status_code == 404
    assert client.get(f"/{slug}/extension/CountyTools/").status_code == 404
    assert client.get(f"/{slug}/extension_js_module/CountyTools.js").status_code == 404
    ledger_data = client.get(f"/{slug}/api/ledger_data").get_json()["data"]
    assert [ext["name"] for ext in ledger_data["extensions"]] == ["GrantPage"]
    # The import page has nothing to import, and no importer runs on a file a request names.
    assert client.get(f"/{slug}/api/imports").get_json()["data"] == []
    extract = client.get(f"/{slug}/api/extract", query_string={"filename": "/etc/passwd"})
    assert extract.status_code != 200
    # Ours still works, downloads too.
    assert client.get(f"/{slug}/extension/GrantPage/").status_code == 200
    assert client.get(f"/{slug}/extension/GrantPage/excel?year=2026").status_code == 200
    assert marks(tmp_path) == set()

    # Still so after the ledger changes and Fava reloads it.
    with path.open("a", encoding="utf-8") as file:
        file.write('\n2026-11-30 note Assets:Bank:MCH-Special "核对"\n')
    fava_ledger = fake_server[0].app.config["LEDGERS"].ledgers[0]
    fava_ledger.load_file()
    assert client.get(f"/{slug}/extension/CountyTools/run").status_code == 404
    assert client.get(f"/{slug}/api/imports").get_json()["data"] == []
    assert marks(tmp_path) == set()


# -- auto-commit: every change made through Fava is a commit -----------------------------------


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    ).stdout


def scratch_repository(folder: Path) -> Path:
    """A copy of the demo in a new git repository, committed once, as the README sets it up."""
    path = demo_copy(folder)
    (folder / ".gitignore").write_text(".*.lock\n*.bak\n", encoding="utf-8")
    git(folder, "init", "--quiet")
    git(folder, "config", "user.email", "accountant@example.invalid")
    git(folder, "config", "user.name", "Accountant")
    git(folder, "add", "-A")
    git(folder, "commit", "--quiet", "-m", "books as received")
    return path


def save_source(client, slug: str, path: Path, change) -> None:
    """Save the ledger through Fava's editor API, changed by `change`."""
    source = client.get(f"/{slug}/api/source", query_string={"filename": str(path)})
    data = source.get_json()["data"]
    response = client.put(
        f"/{slug}/api/source",
        json={
            "file_path": str(path),
            "source": change(data["source"]),
            "sha256sum": data["sha256sum"],
        },
    )
    assert response.status_code == 200, response.data


NOTE = '\n2026-11-30 note Assets:Bank:MCH-Special "与银行对账单核对一致"\n'


def test_each_change_made_through_fava_is_committed(fake_server, tmp_path):
    path = scratch_repository(tmp_path)
    output, client, slug = served(fake_server, path)
    assert f"通过 Fava 所做的每次修改都会提交到 {tmp_path} 的 git 仓库" in output

    save_source(client, slug, path, lambda source: source + NOTE)
    response = client.put(f"/{slug}/api/add_entries", json={"entries": [PAYMENT]})
    assert response.status_code == 200, response.data

    log = git(tmp_path, "log", "--format=%s").splitlines()
    assert log == [
        "autocommit: 在 Fava 中添加 1 笔分录",
        "autocommit: 在 Fava 中保存文件",
        "books as received",
    ]
    assert "与银行对账单核对一致" in git(tmp_path, "show", "HEAD~1", "--", "main.beancount")
    # The payment came without a voucher number: it was given the next one, and committed.
    assert "记-2026-045" in git(tmp_path, "show", "HEAD", "--", "main.beancount")
    assert git(tmp_path, "status", "--porcelain") == ""


def test_a_commit_holds_the_files_fava_changed_and_nothing_else(fake_server, tmp_path):
    path = scratch_repository(tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("first\n", encoding="utf-8")
    git(tmp_path, "add", "notes.txt")
    git(tmp_path, "commit", "--quiet", "-m", "notes")
    notes.write_text("work in progress\n", encoding="utf-8")
    _, client, slug = served(fake_server, path)
    save_source(client, slug, path, lambda source: source + NOTE)
    assert git(tmp_path, "show", "--name-only", "--format=", "HEAD").split() == ["main.beancount"]
    assert git(tmp_path, "status", "--porcelain").strip() == "M notes.txt"


def test_no_auto_commit_leaves_the_change_uncommitted(fake_server, tmp_path):
    path = scratch_repository(tmp_path)
    output, client, slug = served(fake_server, path, "--no-auto-commit")
    assert "提交" not in output
    save_source(client, slug, path, lambda source: source + NOTE)
    assert len(git(tmp_path, "log", "--format=%s").splitlines()) == 1
    assert git(tmp_path, "status", "--porcelain").strip() == "M main.beancount"


def test_outside_git_changes_are_saved_and_the_output_says_they_are_not_committed(
    fake_server, tmp_path
):
    path = demo_copy(tmp_path)
    output, client, slug = served(fake_server, path)
    assert "账簿不在 git 仓库中：通过 Fava 所做的修改不会被提交" in output
    save_source(client, slug, path, lambda source: source + NOTE)
    assert path.read_text(encoding="utf-8").endswith(NOTE)
    assert not (tmp_path / ".git").exists()


def test_read_only_in_a_repository_changes_and_commits_nothing(fake_server, tmp_path):
    path = scratch_repository(tmp_path)
    output, client, slug = served(fake_server, path, "--read-only")
    assert "提交" not in output
    response = client.put(f"/{slug}/api/add_entries", json={"entries": [PAYMENT]})
    assert response.status_code == 401
    assert len(git(tmp_path, "log", "--format=%s").splitlines()) == 1
    assert git(tmp_path, "status", "--porcelain") == ""


def test_read_only_lists_no_error_about_an_import_config_it_does_not_run(fake_server, tmp_path):
    # The demo's import config (importers/fava_config.py) is not beside a copy of the demo:
    # a writable Fava says so; a read-only one runs no import config and has nothing to say.
    path = demo_copy(tmp_path)
    _, writable, slug = served(fake_server, path, "--no-auto-commit")
    messages = [e["message"] for e in writable.get(f"/{slug}/api/errors").get_json()["data"]]
    assert "Import config does not exist" in messages
    _, read_only, slug = served(fake_server, path, "--read-only")
    assert read_only.get(f"/{slug}/api/errors").get_json()["data"] == []
