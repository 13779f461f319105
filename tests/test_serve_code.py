"""No code runs from a voucher or statement folder; a read-only instance runs no new code.

Issue 10's rows: a read-only instance whose ledger is edited on disk to name a new
`fava-extension` imported it on the next request; on a writable instance, `evil.py` uploaded as
a voucher copy and then named as an extension ran as the server's user. Each test goes through
`mch-ledger serve` and leaves a mark file when the code it names runs.
"""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from serve_helpers import append, demo_copy, slug_of

from commands.main import main

#: A module that leaves a mark beside itself when imported, and holds a Fava extension.
MARKING_EXTENSION = """
from pathlib import Path

from fava.ext import FavaExtensionBase

Path(__file__).with_name("{mark}").touch()


class {name}(FavaExtensionBase):
    report_title = "{name}"
"""

#: A Beancount plugin that leaves a mark when imported.
MARKING_PLUGIN = """
from pathlib import Path

Path(__file__).with_name("{mark}").touch()
__plugins__ = ("run",)


def run(entries, options_map):
    return entries, []
"""

#: An import config that leaves a mark when Fava runs it (saved as a "PDF").
MARKING_CONFIG = """
from pathlib import Path

Path(__file__).with_name("{mark}").touch()
CONFIG = []
"""

EDUCATION = Path("documents", "Expenses", "MCH", "Education")


def served(fake_server, path: Path, *args: str):
    """`mch-ledger serve PATH ARGS`: a test client of its app, the slug, Fava's ledger."""
    result = CliRunner().invoke(main, ["serve", str(path), *args])
    assert result.exit_code == 0, result.output
    app = fake_server[-1].app
    client = app.test_client()
    return client, slug_of(client), app.config["LEDGERS"].ledgers[0]


def save_source(client, slug: str, path: Path, addition: str):
    """Add `addition` to the ledger through Fava's editor."""
    data = client.get(f"/{slug}/api/source", query_string={"filename": str(path)}).get_json()
    source, digest = data["data"]["source"], data["data"]["sha256sum"]
    return client.put(
        f"/{slug}/api/source",
        json={"file_path": str(path), "source": source + addition, "sha256sum": digest},
    )


def errors_text(client, slug: str) -> str:
    return " ".join(error["message"] for error in client.get(f"/{slug}/api/errors").json["data"])


def test_read_only_does_not_import_an_extension_named_after_it_started(fake_server, tmp_path):
    path = demo_copy(tmp_path)
    module = MARKING_EXTENSION.format(mark="late-imported", name="LateTools")
    (tmp_path / "late_tools.py").write_text(module, encoding="utf-8")
    client, slug, ledger = served(fake_server, path, "--read-only")

    append(path, '2026-11-30 custom "fava-extension" "late_tools"\n')
    ledger.load_file()  # what Fava does on the next request after the file changed
    assert client.get(f"/{slug}/extension/LateTools/").status_code == 404
    assert client.get(f"/{slug}/extension/GrantPage/").status_code == 200
    assert not (tmp_path / "late-imported").exists()


def test_read_only_does_not_import_a_plugin_named_after_it_started(fake_server, tmp_path):
    path = demo_copy(tmp_path)
    module = MARKING_PLUGIN.format(mark="plugin-imported")
    (tmp_path / "late_plugin.py").write_text(module, encoding="utf-8")
    client, slug, ledger = served(fake_server, path, "--read-only")

    append(path, 'option "insert_pythonpath" "TRUE"\nplugin "late_plugin"\n')
    ledger.load_file()
    assert not (tmp_path / "plugin-imported").exists()
    assert "只读实例不运行新的程序" in errors_text(client, slug)


def test_a_python_file_cannot_be_uploaded_as_a_voucher_copy_or_a_statement(fake_server, tmp_path):
    path = demo_copy(tmp_path)
    append(path, '2024-01-01 custom "fava-option" "import-dirs" "imports"\n')
    (tmp_path / "imports").mkdir()
    client, slug, _ = served(fake_server, path, "--no-auto-commit")
    code = MARKING_EXTENSION.format(mark="evil-ran", name="Evil").encode("utf-8")
    for name in ("evil.py", "evil.PY", "evil.pyc", "evil.cpython-311-x86_64-linux-gnu.so", "x.pth"):
        upload = client.put(
            f"/{slug}/api/add_document",
            data={
                "file": (io.BytesIO(code), name),
                "folder": "documents",
                "account": "Expenses:MCH:Education",
            },
            content_type="multipart/form-data",
        )
        assert upload.status_code == 400, name
        assert "是程序文件，不能作为凭证附件或对账单上传" in upload.get_json()["error"]
        statement = client.put(
            f"/{slug}/api/upload_import_file",
            data={"file": (io.BytesIO(code), name)},
            content_type="multipart/form-data",
        )
        assert statement.status_code == 400, name
    assert not (tmp_path / EDUCATION / "evil.py").exists()
    assert list((tmp_path / "imports").iterdir()) == []
    # A voucher copy is still welcome.
    pdf = client.put(
        f"/{slug}/api/add_document",
        data={
            "file": (io.BytesIO(b"%PDF-1.4"), "2026-11-20 voucher.pdf"),
            "folder": "documents",
            "account": "Expenses:MCH:Education",
        },
        content_type="multipart/form-data",
    )
    assert pdf.status_code == 200
    assert (tmp_path / EDUCATION / "2026-11-20 voucher.pdf").exists()


def test_uploaded_evil_py_named_as_an_extension_does_not_run(fake_server, tmp_path):
    # Issue 10's row, as an attacker with the accountant's login would try it.
    path = demo_copy(tmp_path)
    client, slug, _ = served(fake_server, path, "--no-auto-commit")
    code = MARKING_EXTENSION.format(mark="evil-ran", name="Evil").encode("utf-8")
    client.put(
        f"/{slug}/api/add_document",
        data={
            "file": (io.BytesIO(code), "evil_upload.py"),
            "folder": "documents",
            "account": "Expenses:MCH:Education",
        },
        content_type="multipart/form-data",
    )
    named = '2024-01-01 custom "fava-extension" "documents.Expenses.MCH.Education.evil_upload"\n'
    assert save_source(client, slug, path, "\n" + named).status_code == 200
    client.get(f"/{slug}/api/changed")
    assert client.get(f"/{slug}/extension/Evil/").status_code == 404
    assert not (tmp_path / EDUCATION / "evil-ran").exists()


def test_code_in_a_documents_folder_is_refused_as_extension_plugin_or_import_config(
    fake_server, tmp_path
):
    # However the file got there (a PDF-named upload is Python to `runpy`), naming it shows an
    # error and runs nothing.
    path = demo_copy(tmp_path)
    folder = tmp_path / EDUCATION
    extension = MARKING_EXTENSION.format(mark="extension-ran", name="Planted")
    (folder / "planted.py").write_text(extension, encoding="utf-8")
    plugin = MARKING_PLUGIN.format(mark="plugin-ran")
    (folder / "planted_plugin.py").write_text(plugin, encoding="utf-8")
    config = MARKING_CONFIG.format(mark="config-ran")
    (folder / "2026-11-20.记-2026-045.pdf").write_text(config, encoding="utf-8")
    client, slug, _ = served(fake_server, path, "--no-auto-commit")

    named = (
        'option "insert_pythonpath" "TRUE"\n'
        'plugin "documents.Expenses.MCH.Education.planted_plugin"\n'
        '2024-01-01 custom "fava-extension" "documents.Expenses.MCH.Education.planted"\n'
        '2024-01-01 custom "fava-option" "import-config" '
        '"documents/Expenses/MCH/Education/2026-11-20.记-2026-045.pdf"\n'
    )
    assert save_source(client, slug, path, "\n" + named).status_code == 200
    client.get(f"/{slug}/api/changed")
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith("-ran")) == []
    errors = errors_text(client, slug)
    assert errors.count("位于凭证附件或对账单文件夹") == 3
    assert client.get(f"/{slug}/extension/Planted/").status_code == 404
    assert client.get(f"/{slug}/api/imports").get_json()["data"] == []


def test_code_named_at_start_from_a_documents_folder_is_refused_too(fake_server, tmp_path):
    path = demo_copy(tmp_path)
    extension = MARKING_EXTENSION.format(mark="extension-ran", name="Early")
    (tmp_path / EDUCATION / "early.py").write_text(extension, encoding="utf-8")
    append(path, '2024-01-01 custom "fava-extension" "documents.Expenses.MCH.Education.early"\n')
    client, slug, _ = served(fake_server, path, "--no-auto-commit")
    assert not (tmp_path / EDUCATION / "extension-ran").exists()
    assert "位于凭证附件或对账单文件夹" in errors_text(client, slug)


def test_a_folder_stays_refused_after_the_ledger_stops_declaring_it(fake_server, tmp_path):
    # Declare a documents folder through Fava, put code in it, then drop the folder and name
    # the module: the file is still there, so it still does not run.
    path = demo_copy(tmp_path)
    client, slug, _ = served(fake_server, path, "--no-auto-commit")
    assert save_source(client, slug, path, '\noption "documents" "papers"\n').status_code == 200
    client.get(f"/{slug}/api/changed")
    module = MARKING_EXTENSION.format(mark="dropped-ran", name="Dropped")
    target = tmp_path / "papers" / "Expenses" / "MCH"
    target.mkdir(parents=True)
    (target / "dropped.py").write_text(module, encoding="utf-8")
    data = client.get(f"/{slug}/api/source", query_string={"filename": str(path)}).get_json()
    source = data["data"]["source"].replace('option "documents" "papers"\n', "")
    dropped = client.put(
        f"/{slug}/api/source",
        json={"file_path": str(path), "source": source, "sha256sum": data["data"]["sha256sum"]},
    )
    assert dropped.status_code == 200
    assert 'option "documents" "papers"' not in path.read_text(encoding="utf-8")
    client.get(f"/{slug}/api/changed")
    named = '2024-01-01 custom "fava-extension" "papers.Expenses.MCH.dropped"\n'
    assert save_source(client, slug, path, named).status_code == 200
    assert not (target / "dropped-ran").exists()
    assert "位于凭证附件或对账单文件夹" in errors_text(client, slug)
