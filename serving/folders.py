"""The folders a ledger keeps outsiders' files in: voucher copies and statements.

Fava saves an uploaded voucher copy under a documents folder (`option "documents"`) and an
uploaded statement in the first import folder (`custom "fava-option" "import-dirs"`). Both are
resolved against the folder of the ledger's main file, as Beancount and Fava resolve them.

`declared_folders` reads them before anything is loaded, with Beancount's parser only (a plugin
would run code, which is what the folders are looked up to prevent); `folders_of` reads them from
a loaded Fava ledger.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from beancount.core import data
from beancount.parser import parser

from ledger.i18n import language_of

if TYPE_CHECKING:  # pragma: no cover
    from fava.core import FavaLedger

IMPORT_DIRS = {"import-dirs", "import_dirs"}


class Declared(NamedTuple):
    """What a ledger declares before it is loaded: its outsiders' folders and its language."""

    folders: set[Path]
    language: str


def _included(file: Path, patterns: list[str]) -> list[Path]:
    """The files an `include` of `file` names (globs too, relative to `file`'s folder)."""
    found = []
    for pattern in patterns:
        search = pattern if Path(pattern).is_absolute() else str(file.parent / pattern)
        found += [Path(name).resolve() for name in sorted(glob.glob(search, recursive=True))]
    return found


def declared_folders(main: Path) -> Declared:
    """The documents and import folders the ledger at `main` declares, read without loading it.

    Args:
        main: the ledger's main file.

    Returns:
        The folders (resolved), and the ledger's language for the guard's messages.
    """
    main = Path(main).resolve()
    folders: set[Path] = set()
    customs: list[data.Custom] = []
    pending, seen = [main], set()
    while pending:
        file = pending.pop(0)
        if file in seen or not file.is_file():
            continue
        seen.add(file)
        entries, _, options = parser.parse_file(str(file))
        if file == main:
            # Beancount takes `option "documents"` from the main file only.
            folders |= {(main.parent / folder).resolve() for folder in options["documents"]}
        customs += [entry for entry in entries if isinstance(entry, data.Custom)]
        pending += _included(file, options["include"])
    for entry in customs:
        if entry.type == "fava-option" and len(entry.values or ()) > 1:
            key, value = entry.values[0].value, entry.values[1].value
            if key in IMPORT_DIRS and isinstance(value, str):
                folders.add((main.parent / value).resolve())
    return Declared(folders, language_of(customs))


def folders_of(ledger: FavaLedger) -> set[Path]:
    """The documents and import folders of a loaded Fava ledger, resolved."""
    declared = [*ledger.options["documents"], *ledger.fava_options.import_dirs]
    return {ledger.join_path(folder) for folder in declared}
