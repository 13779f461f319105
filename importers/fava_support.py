"""The importers for Fava: the ledger they read is the one of the current Fava request."""

from __future__ import annotations

from pathlib import Path

import beangulp

from importers.errors import ImportConfigError
from importers.importer import OwnProfilesImporter, StatementImporter
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
        raise ImportConfigError("<fava>", "import.fava.outside-request")
    ledger = g.ledger
    return loaded_ledger(
        Path(ledger.beancount_file_path).resolve(),
        ledger.all_entries,
        list(ledger.load_errors),
        ledger.options,
    )


def fava_importers(profiles_dir: Path = PROFILES_DIR) -> list[beangulp.Importer]:
    """The importers of Fava's Import page, each reading the ledger of the current request.

    One per shipped bank profile (`mch-ledger.<profile>`), and one for the profiles of the
    ledger's own `import-profiles` folders (`mch-ledger.import-profiles`), which Fava cannot
    know before a ledger is loaded.
    """
    shipped = load_profiles(profiles_dir)
    importers: list[beangulp.Importer] = [
        StatementImporter(profile, current_fava_ledger, list_broken=True) for profile in shipped
    ]
    importers.append(OwnProfilesImporter(current_fava_ledger, shipped))
    return importers
