"""The importers for Fava: the ledger they read is the one of the current Fava request."""

from __future__ import annotations

from pathlib import Path

from importers.errors import ImportConfigError
from importers.importer import StatementImporter
from importers.profiles import PROFILES_DIR, load_profiles
from ledger.loading import LoadedLedger, loaded_ledger


def current_fava_ledger() -> LoadedLedger:
    """The ledger Fava is serving in the current request, with the grant ledger of its load.

    Raises:
        ImportConfigError: called outside a Fava request.
    """
    from fava.context import g
    from flask import has_app_context

    if not has_app_context() or getattr(g, "ledger", None) is None:
        raise ImportConfigError("<fava>", "the Fava importers run inside a Fava request only")
    ledger = g.ledger
    return loaded_ledger(
        Path(ledger.beancount_file_path).resolve(),
        ledger.all_entries,
        list(ledger.load_errors),
        ledger.options,
    )


def fava_importers(profiles_dir: Path = PROFILES_DIR) -> list[StatementImporter]:
    """One importer per bank profile, each reading the ledger of the current Fava request."""
    return [
        StatementImporter(profile, current_fava_ledger, list_broken=True)
        for profile in load_profiles(profiles_dir)
    ]
