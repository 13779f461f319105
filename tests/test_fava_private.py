"""`serving.fava_private`, the one use of Fava's internals, fails loudly on another Fava.

The first test is the alarm: it fails as soon as the installed Fava is not one whose internals
`serve` has been checked against (after an upgrade, revisit `serving/fava_private.py`).
"""

from __future__ import annotations

import fava.core.ingest
import pytest
from click.testing import CliRunner
from fava.application import create_app
from fava.core.extensions import ExtensionModule
from serve_helpers import DEMO

import serving.fava_private
from commands.main import main
from serving.fava_private import UnsupportedFavaError, check_app, check_fava


def test_the_installed_fava_is_supported():
    check_fava()
    check_app(create_app([str(DEMO)], load=True))


def test_another_fava_release_is_refused_by_name():
    with pytest.raises(
        UnsupportedFavaError, match=r"Fava 1\.31\.0 is installed; .* supports Fava 1\.30"
    ):
        check_fava("1.31.0")
    check_fava("1.30.99")


def test_a_missing_internal_is_named(monkeypatch):
    monkeypatch.delattr(fava.core.ingest, "load_import_config")
    with pytest.raises(UnsupportedFavaError, match="load_import_config"):
        check_fava()


def test_a_new_extension_hook_is_noticed(monkeypatch):
    # A hook Fava adds would not reach the extensions a read-only instance keeps.
    monkeypatch.setattr(ExtensionModule, "after_something_new", lambda self: None, raising=False)
    with pytest.raises(UnsupportedFavaError, match="after_something_new"):
        check_fava()


def test_a_view_fava_renamed_is_named(monkeypatch):
    app = create_app([str(DEMO)], load=True)
    del app.view_functions["download_query"]
    with pytest.raises(UnsupportedFavaError, match="no view download_query"):
        check_app(app)


def test_serve_refuses_to_start_on_an_unsupported_fava(monkeypatch, fake_server):
    monkeypatch.setattr(serving.fava_private, "installed_version", lambda: "1.31.2")
    result = CliRunner().invoke(main, ["serve", str(DEMO)])
    assert result.exit_code == 1
    assert "无法启动：Fava 1.31.2 is installed" in result.output
    assert fake_server == []


def test_a_new_import_member_is_noticed(monkeypatch):
    # A way of Fava's to run importers that NoImports does not know would be open read-only.
    monkeypatch.setattr(fava.core.ingest.IngestModule, "run_all", lambda self: None, raising=False)
    with pytest.raises(UnsupportedFavaError, match="run_all"):
        check_fava()
