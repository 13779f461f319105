"""Fava's import configuration: every bank profile's importer, on the ledger Fava shows.

Set it in the ledger, with the folder Fava lists (and uploads to) for import:

    2024-01-01 custom "fava-option" "import-config" "importers/fava_config.py"
    2024-01-01 custom "fava-option" "import-dirs" "imports"

Fava runs this file, takes `CONFIG`, and calls each importer's `identify`, `account` and
`extract(path, existing=ledger entries)`, then `deduplicate`: the same importers and rules as
`mch-ledger import`, so the Import page proposes the same entries with duplicates marked.
"""

from __future__ import annotations

from importers.fava_support import fava_importers

CONFIG = fava_importers()
