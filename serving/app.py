"""Fava's application on one ledger, served as `mch-ledger serve` promises.

In this order, so that the promises hold from the first load on:

1. the installed Fava is checked to be one whose internals `serve` relies on;
2. the code guard is put in front of Python's imports and of Fava's import-config loader,
   refusing code from the folders the ledger declares for voucher copies and statements (read
   without running anything: `serving.folders`); a read-only instance runs no import config;
3. Fava loads the ledger (`fava.application.create_app`, read-only if asked);
4. a read-only instance turns Fava's import module off, keeps only the grant page and Fava's
   own extensions, frozen as loaded, and from then on imports no code from outside the
   installed software;
5. the WSGI layer (`serving.layer`) goes in front of Fava's application.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import fava.ext
from fava.application import create_app

import reports.fava_grant
from ledger.i18n import Catalogue
from ledger.locking import DEFAULT_TIMEOUT
from serving import fava_private
from serving.code_guard import CodeGuard
from serving.folders import Declared, declared_folders, folders_of
from serving.git import in_git_repository
from serving.layer import ServingLayer

if TYPE_CHECKING:  # pragma: no cover
    from fava.ext import FavaExtensionBase
    from flask import Flask


def is_trusted(extension: FavaExtensionBase) -> bool:
    """Whether a read-only Fava may run `extension`: the grant page or one Fava ships."""
    # By where its code is, not by its module's name, which a ledger's folder could shadow.
    source = Path(inspect.getfile(type(extension))).resolve()
    trusted = (Path(fava.ext.__file__).parent, Path(reports.fava_grant.__file__).parent)
    return any(source.is_relative_to(folder.resolve()) for folder in trusted)


class Served(NamedTuple):
    """A ledger served: the application to run, and what `serve` says about it."""

    app: Flask
    layer: ServingLayer
    guard: CodeGuard
    language: str
    turned_off: list[str]
    """The extensions a read-only instance turned off, as `module.Class`."""
    commits: bool
    """Whether each change made through Fava is committed to git."""

    def close(self) -> None:
        """Take the guards out of this process again (a serving process never needs to)."""
        self.guard.uninstall()
        fava_private.unguard_import_configs()


def serve_app(
    ledger: Path,
    *,
    read_only: bool,
    auto_commit: bool,
    lock_timeout: float = DEFAULT_TIMEOUT,
    declared: Declared | None = None,
) -> Served:
    """Load `ledger` in Fava behind the guards and the layer of `mch-ledger serve`.

    Args:
        ledger: the ledger's main file.
        read_only: for auditors: Fava refuses every change; no import config runs; only the
            grant page and Fava's own extensions, as loaded at start, are served; no new code
            is imported.
        auto_commit: commit each change made through Fava when the ledger is in git.
        lock_timeout: how long a write request waits for another writer, in seconds.
        declared: the ledger's folders and language, if the caller has read them already.

    Returns:
        The served ledger; its `app` is what a WSGI server runs.

    Raises:
        UnsupportedFavaError: the installed Fava is not one `serve` supports.
    """
    fava_private.check_fava()
    ledger = Path(ledger).resolve()
    declared = declared or declared_folders(ledger)
    guard = CodeGuard(declared.folders, Catalogue(declared.language))
    guard.install()
    fava_private.guard_import_configs(guard.refusal, off=read_only)
    app = create_app([str(ledger)], load=True, read_only=read_only)
    fava_private.check_app(app)
    [fava_ledger] = fava_private.fava_ledgers(app)
    guard.watch(lambda: folders_of(fava_ledger))
    turned_off: list[str] = []
    if read_only:
        fava_private.turn_off_imports(fava_ledger)
        turned_off = fava_private.freeze_extensions(fava_ledger, is_trusted)
        guard.freeze()
    commits = auto_commit and not read_only and in_git_repository(ledger)
    layer = ServingLayer(
        app.wsgi_app,
        app,
        fava_ledger,
        guard=guard,
        read_only=read_only,
        commits=commits,
        lock_timeout=lock_timeout,
    )
    app.wsgi_app = layer  # type: ignore[method-assign]
    return Served(app, layer, guard, declared.language, turned_off, commits)
