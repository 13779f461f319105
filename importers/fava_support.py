"""The importers for Fava: the ledger they read is the one of the current Fava request."""

from __future__ import annotations

from pathlib import Path

import beangulp
from beancount.core import data

from importers.errors import ImportConfigError, StatementError
from importers.importer import OwnProfilesImporter, StatementImporter
from importers.profiles import PROFILES_DIR, load_profiles
from importers.refusals import note_refusal
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


class _NotesRefusals(beangulp.Importer):
    """An importer of Fava's whose refusal to extract is noted (`importers.refusals`)."""

    def extract(self, filepath: str, existing: data.Entries) -> data.Entries:
        """What the importer extracts; its refusal is noted, then raised to Fava."""
        try:
            return super().extract(filepath, existing)
        except StatementError as error:
            note_refusal(str(error))
            raise


class FavaStatementImporter(_NotesRefusals, StatementImporter):
    """A shipped profile's importer, on Fava's Import page."""


class FavaOwnProfilesImporter(_NotesRefusals, OwnProfilesImporter):
    """The importer of the ledger's own profiles, on Fava's Import page."""


def fava_importers(profiles_dir: Path = PROFILES_DIR) -> list[beangulp.Importer]:
    """The importers of Fava's Import page, each reading the ledger of the current request.

    One per shipped bank profile (`mch-ledger.<profile>`), and one for the profiles of the
    ledger's own `import-profiles` folders (`mch-ledger.import-profiles`), which Fava cannot
    know before a ledger is loaded.
    """
    shipped = load_profiles(profiles_dir)
    importers: list[beangulp.Importer] = [
        FavaStatementImporter(profile, current_fava_ledger, list_broken=True) for profile in shipped
    ]
    importers.append(FavaOwnProfilesImporter(current_fava_ledger, shipped))
    return importers
