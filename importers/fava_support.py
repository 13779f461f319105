"""The importers for Fava: the ledger they read is the one of the current Fava request."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from beancount.core import data

from importers.errors import ImportConfigError
from importers.importer import StatementImporter
from importers.profiles import PROFILES_DIR, load_profiles


def current_fava_entries() -> Sequence[data.Directive]:
    """The entries of the ledger Fava is serving in the current request.

    Raises:
        ImportConfigError: called outside a Fava request.
    """
    from fava.context import g
    from flask import has_app_context

    if not has_app_context() or getattr(g, "ledger", None) is None:
        raise ImportConfigError("<fava>", "the Fava importers run inside a Fava request only")
    return g.ledger.all_entries


def fava_importers(profiles_dir: Path = PROFILES_DIR) -> list[StatementImporter]:
    """One importer per bank profile, each reading the ledger of the current Fava request."""
    return [
        StatementImporter(profile, current_fava_entries, list_broken=True)
        for profile in load_profiles(profiles_dir)
    ]
