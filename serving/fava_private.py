"""The one module that relies on Fava's internals: what Fava 1.30 offers no public way to do.

Fava has no hook before it writes, no switch for its query shell's commands, none for the import
config it runs and none to fix its extensions at start-up. `serve` does what it can in a WSGI
layer in front of Fava's application with Flask's and Fava's public API (`serving.layer`); what
is left relies on these internals, and on nothing else:

1. `app.config["LEDGERS"].ledgers`: the ledgers a Fava application has loaded.
2. The names of Fava's views (Flask endpoints) that run a query, add entries or save an upload,
   which the layer tells apart.
3. `FavaLedger.query_shell.shell.parseline`: how Fava's query shell splits a command line, so
   that a refused command is recognised exactly as the shell would dispatch it; and its
   `outfile` (and `stdout`), the in-memory text it prints into, put back after each query so
   that the shell's output never stays pointed at a file.
4. `fava.core.ingest.load_import_config(path)`: Fava runs every import config through it;
   `guard_import_configs` puts a check in front of it; on a read-only instance's first load
   (before `NoImports` takes over) it answers "no config" (None, which `IngestModule` takes as
   no `import-config` option) without running anything.
5. `FavaLedger.extensions`: a read-only instance replaces it with `FrozenExtensions`, which
   serves the extensions loaded at start-up only, through `ExtensionModule`'s public methods.
6. `FavaLedger.ingest`: a read-only instance replaces it with `NoImports`, which loads no
   import config (and so lists no error about one) and offers no importer.
7. `FavaLedger.watcher` and `FavaLedger.paths_to_watch()`: the grant page makes Fava watch the
   registers and rosters too (`watch_book_files`), which are part of the books but no source
   files of Beancount (Fava's editor would show their identity numbers), so that an edit of one
   reloads the books on the next request, with plain `fava` as with `serve`.

`check_fava` and `check_app` verify each of these against the installed Fava, and `serve`
refuses to start when one fails, naming it: after an upgrade of Fava, this module is the one to
revisit (`tests/test_fava_private.py` fails first).
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fava.core.ingest
from fava.core import FavaLedger
from fava.core.extensions import ExtensionDetails, ExtensionModule
from fava.core.ingest import ImportConfigLoadError, IngestModule, LoadedImportConfig

if TYPE_CHECKING:  # pragma: no cover
    from fava.beans.abc import Directive
    from fava.ext import FavaExtensionBase
    from flask import Flask

    from serving.queries import Parseline

#: The Fava releases (major.minor) whose internals this module has been checked against.
SUPPORTED_FAVA = ("1.30",)

#: Fava's views that run a query string through its shell: the query page's API and a download.
QUERY_ENDPOINTS = frozenset({"json_api.get_query", "download_query"})
#: Fava's view that extracts a statement's entries with an importer (the Import page).
EXTRACT_ENDPOINT = "json_api.get_extract"
#: Fava's view that adds entries (the entry form, the import page's save).
ADD_ENTRIES_ENDPOINT = "json_api.put_add_entries"
#: Fava's views that save an uploaded file (under a documents or the first import folder).
UPLOAD_ENDPOINTS = frozenset({"json_api.put_add_document", "json_api.put_upload_import_file"})
#: Fava's view that moves a file into a documents folder, under a name the request gives.
MOVE_ENDPOINT = "json_api.put_move"
#: Fava's views that serve a file: a document by its name, a statement an entry links.
DOCUMENT_ENDPOINT = "document"
STATEMENT_ENDPOINT = "statement"
#: Fava's view that deletes a document by its name (writable instances).
DELETE_DOCUMENT_ENDPOINT = "json_api.delete_document"
FILE_ENDPOINTS = frozenset({DOCUMENT_ENDPOINT, STATEMENT_ENDPOINT, DELETE_DOCUMENT_ENDPOINT})
#: Fava's views that write the ledger's files, with the commit message's catalogue key.
WRITE_ENDPOINTS = {
    "json_api.put_source": "serve.commit-source",
    "json_api.put_source_slice": "serve.commit-entry-changed",
    "json_api.delete_source_slice": "serve.commit-entry-deleted",
    ADD_ENTRIES_ENDPOINT: "serve.commit-entries-added",
    "json_api.put_attach_document": "serve.commit-document",
    "json_api.put_add_document": "serve.commit-document",
}
ENDPOINTS = (
    QUERY_ENDPOINTS
    | UPLOAD_ENDPOINTS
    | FILE_ENDPOINTS
    | {MOVE_ENDPOINT, EXTRACT_ENDPOINT}
    | set(WRITE_ENDPOINTS)
)

#: `ExtensionModule`'s public methods, which `FrozenExtensions` must all answer itself.
EXTENSION_METHODS = frozenset(
    {
        "load_file",
        "extension_details",
        "get_extension",
        "after_load_file",
        "before_request",
        "after_entry_modified",
        "after_insert_entry",
        "after_delete_entry",
        "after_insert_metadata",
        "after_write_source",
    }
)


#: `IngestModule`'s public members, which `NoImports` must all keep from running an importer.
INGEST_MEMBERS = frozenset({"load_file", "import_data", "extract", "module_path"})


class UnsupportedFavaError(Exception):
    """The installed Fava is not one whose internals `serve` relies on."""


def installed_version() -> str:
    """The installed Fava's version."""
    return version("fava")


def _public_methods(cls: type) -> set[str]:
    return {
        name
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and (callable(member) or isinstance(member, property))
    }


def check_fava(fava_version: str | None = None) -> None:
    """Check that the installed Fava has the internals this module relies on.

    Args:
        fava_version: the version to judge; the installed one by default.

    Raises:
        UnsupportedFavaError: naming the version, or each internal that is missing.
    """
    fava_version = fava_version or installed_version()
    problems = []
    if ".".join(fava_version.split(".")[:2]) not in SUPPORTED_FAVA:
        problems.append(
            f"Fava {fava_version} is installed; mch-ledger serve supports Fava "
            f"{', '.join(SUPPORTED_FAVA)} (pyproject.toml pins it)"
        )
    loader = getattr(fava.core.ingest, "load_import_config", None)
    if loader is None or list(inspect.signature(loader).parameters) != ["module_path"]:
        problems.append("fava.core.ingest.load_import_config(module_path) is gone")
    names = ("extensions", "ingest", "query_shell", "options", "fava_options", "all_entries")
    for name in (*names, "watcher"):
        if name not in FavaLedger.__slots__:
            problems.append(f"FavaLedger.{name} is gone")
    extension_methods = _public_methods(ExtensionModule) - {"errors"}
    if extension_methods != EXTENSION_METHODS:
        changed = sorted(extension_methods ^ EXTENSION_METHODS)
        problems.append(f"ExtensionModule's methods changed: {', '.join(changed)}")
    if not callable(getattr(FavaLedger, "paths_to_watch", None)):
        problems.append("FavaLedger.paths_to_watch() is gone")
    ingest_members = _public_methods(IngestModule)
    if ingest_members != INGEST_MEMBERS:
        changed = sorted(ingest_members ^ INGEST_MEMBERS)
        problems.append(f"IngestModule's members changed: {', '.join(changed)}")
    if problems:
        raise UnsupportedFavaError("; ".join(problems))


def watch_book_files(ledger: FavaLedger, files: Iterable[str]) -> list[Path]:
    """Make Fava's watcher watch `files` besides the ledger's own files and folders.

    Called after each load (Fava sets its watcher's paths anew on every load).

    Args:
        ledger: Fava's ledger.
        files: the files the books are made of (the ledger's, its registers, its rosters).

    Returns:
        The files that were added to what Fava watches.
    """
    watched, folders = ledger.paths_to_watch()
    known = {path.resolve() for path in watched}
    extra = [Path(file) for file in files if Path(file).resolve() not in known]
    if extra:
        ledger.watcher.update([*watched, *extra], folders)
    return extra


def fava_ledgers(app: Flask) -> list[FavaLedger]:
    """The ledgers a Fava application loaded (loading them if it has not yet)."""
    return list(app.config["LEDGERS"].ledgers)


def check_app(app: Flask) -> None:
    """Check a Fava application for the views and the query shell this module names.

    Raises:
        UnsupportedFavaError: naming each view or attribute that is missing.
    """
    endpoints = set(app.view_functions)
    problems = [f"Fava has no view {name}" for name in sorted(ENDPOINTS - endpoints)]
    for ledger in fava_ledgers(app):
        shell = getattr(ledger.query_shell, "shell", None)
        if not callable(getattr(shell, "parseline", None)):
            problems.append("Fava's query shell has no parseline")
        if type(getattr(shell, "outfile", None)) is not io.StringIO:
            problems.append("Fava's query shell does not print into an in-memory outfile")
    if problems:
        raise UnsupportedFavaError("; ".join(problems))


def query_parseline(ledger: FavaLedger) -> Parseline:
    """How the ledger's query shell splits a command line (`cmd.Cmd.parseline`)."""
    return ledger.query_shell.shell.parseline


def served_file(app: Flask, ledger: FavaLedger, endpoint: str, args: Any) -> str | None:
    """The file a request to one of `FILE_ENDPOINTS` would read or delete, as Fava finds it.

    A document's `filename` is opened by Flask relative to the application's folder, deleted
    relative to the working folder; a statement is the document entry `statement_path` finds
    for the entry and key. None when Fava would find none (it answers that itself).
    """
    if endpoint == STATEMENT_ENDPOINT:
        try:
            return ledger.statement_path(args.get("entry_hash", ""), args.get("key", ""))
        except Exception:  # Fava's own errors (no such entry, key or document): its answer
            return None
    filename = args.get("filename", "")
    if not isinstance(filename, str) or not filename:
        return None
    if endpoint == DOCUMENT_ENDPOINT:
        return os.path.join(app.root_path, filename)
    return os.path.abspath(filename)


def reset_query_output(ledger: FavaLedger) -> bool:
    """Point the ledger's query shell back at its own in-memory output, if it is not.

    beanquery's `.output FILE` points the shell Fava keeps for every request at a file; the
    layer refuses it, and makes sure after each query that nothing else left it so.

    Returns:
        Whether the output had to be put back (a file it pointed at is closed).
    """
    shell = ledger.query_shell.shell
    output = getattr(shell, "outfile", None)
    if type(output) is io.StringIO:
        return False
    if output is not None and output not in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            output.close()
    shell.outfile = shell.stdout = io.StringIO()
    return True


# -- import configs ---------------------------------------------------------------------------


class RefusedImportConfigError(ImportConfigLoadError):
    """An import config `serve` does not run; Fava lists it on its Errors page."""


ImportConfigJudge = Callable[[Path], str | None]
"""Why an import config must not run (None when it may)."""


@dataclass
class _ImportConfigPolicy:
    judge: ImportConfigJudge | None = None
    off: bool = False


_POLICY = _ImportConfigPolicy()
_FAVA_LOAD_IMPORT_CONFIG = fava.core.ingest.load_import_config


def _load_import_config(module_path: Path) -> LoadedImportConfig | None:
    """Fava's `load_import_config`, asked first whether the config may run."""
    if _POLICY.off:
        # No config, and no error: Fava's Import page then lists nothing and runs nothing.
        return None
    reason = _POLICY.judge(Path(module_path)) if _POLICY.judge is not None else None
    if reason is not None:
        raise RefusedImportConfigError(reason)
    return _FAVA_LOAD_IMPORT_CONFIG(module_path)


def guard_import_configs(judge: ImportConfigJudge | None, *, off: bool = False) -> None:
    """Make Fava ask `judge` before it runs an import config, in this process.

    Args:
        judge: says why a config must not run; its text is shown on Fava's Errors page.
        off: run no import config at all (a read-only instance), and show no error.
    """
    _POLICY.judge, _POLICY.off = judge, off
    fava.core.ingest.load_import_config = _load_import_config


def unguard_import_configs() -> None:
    """Give Fava back its own `load_import_config` (for tests: a serving process keeps it)."""
    _POLICY.judge, _POLICY.off = None, False
    fava.core.ingest.load_import_config = _FAVA_LOAD_IMPORT_CONFIG


class NoImports(IngestModule):
    """Fava's import module with nothing to import: no config loaded, no importer offered.

    `import_data` then lists nothing and `extract` refuses (no config), as Fava does for a
    ledger without an `import-config`.
    """

    def load_file(self) -> None:
        """Load no import config, and report nothing about it."""
        self.loaded_config = None
        self.errors = ()


def turn_off_imports(ledger: FavaLedger) -> None:
    """Give `ledger` Fava's import module with nothing to import, from now on."""
    ledger.ingest = NoImports(ledger)
    ledger.ingest.load_file()


# -- extensions -------------------------------------------------------------------------------


class FrozenExtensions(ExtensionModule):
    """The extensions loaded at start-up that a predicate keeps, and no others, ever.

    A reload does not look at the ledger's `fava-extension` entries again, so naming a new one
    imports nothing until the instance is restarted.

    Args:
        loaded: Fava's extension module after the first load.
        keep: whether to keep serving an extension.
    """

    def __init__(self, loaded: ExtensionModule, keep: Callable[[FavaExtensionBase], bool]) -> None:
        super().__init__(loaded.ledger)
        self.kept: dict[str, FavaExtensionBase] = {}
        self.turned_off: list[str] = []
        for details in loaded.extension_details:
            extension = loaded.get_extension(details.name)
            if extension is None:
                continue
            if keep(extension):
                self.kept[details.name] = extension
            else:
                self.turned_off.append(f"{type(extension).__module__}.{details.name}")
        self.errors = list(loaded.errors)

    def load_file(self) -> None:
        """Load nothing: the extensions are those of the start."""

    @property
    def extension_details(self) -> list[ExtensionDetails]:
        """The kept extensions, for Fava's sidebar."""
        return [
            ExtensionDetails(ext.name, ext.report_title, ext.has_js_module)
            for ext in self.kept.values()
        ]

    def get_extension(self, name: str) -> FavaExtensionBase | None:
        """The kept extension called `name`."""
        return self.kept.get(name)

    def _each(self, hook: str, *args: Any) -> None:
        for extension in self.kept.values():
            getattr(extension, hook)(*args)

    def after_load_file(self) -> None:
        """Run the kept extensions' `after_load_file`."""
        self._each("after_load_file")

    def before_request(self) -> None:
        """Run the kept extensions' `before_request`."""
        self._each("before_request")

    def after_entry_modified(self, entry: Directive, new_lines: str) -> None:
        """Run the kept extensions' `after_entry_modified`."""
        self._each("after_entry_modified", entry, new_lines)

    def after_insert_entry(self, entry: Directive) -> None:
        """Run the kept extensions' `after_insert_entry`."""
        self._each("after_insert_entry", entry)

    def after_delete_entry(self, entry: Directive) -> None:
        """Run the kept extensions' `after_delete_entry`."""
        self._each("after_delete_entry", entry)

    def after_insert_metadata(self, entry: Directive, key: str, value: str) -> None:
        """Run the kept extensions' `after_insert_metadata`."""
        self._each("after_insert_metadata", entry, key, value)

    def after_write_source(self, path: str, source: str) -> None:
        """Run the kept extensions' `after_write_source`."""
        self._each("after_write_source", path, source)


def freeze_extensions(ledger: FavaLedger, keep: Callable[[FavaExtensionBase], bool]) -> list[str]:
    """Serve only the extensions `ledger` loaded at start that `keep` keeps, from now on.

    Returns:
        The extensions turned off, as `module.Class`.
    """
    frozen = FrozenExtensions(ledger.extensions, keep)
    ledger.extensions = frozen
    return sorted(frozen.turned_off)
