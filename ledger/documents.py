"""Voucher copies (原始凭证复印件): which an entry links, and where they are on file.

An entry links the copies of its original voucher in metadata keys starting with `document`
(which Fava links): a path relative to the file holding the entry, or a file in one of the
ledger's documents folders (`option "documents"`), where Beancount's documents plugin also
finds them.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      document: "2024-03-18.记-2024-015.pdf"        ; in a documents folder
      document-2: "vouchers/2024/记-2024-015-2.pdf"  ; beside the ledger

The rules, the voucher register, the reports and the pack all find copies through one
`DocumentFinder` per load (`ledger.grant_ledger.GrantLedger.documents`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from beancount.core import data

DOCUMENT_PREFIX = "document"


def voucher_copies(meta: Mapping[str, object]) -> dict[str, str]:
    """The voucher copies an entry links: its non-empty `document*` metadata, by key."""
    return {
        key: value
        for key, value in meta.items()
        if key.startswith(DOCUMENT_PREFIX) and type(value) is str and value
    }


def document_dirs(options_map: Mapping[str, Any]) -> list[str]:
    """The ledger's documents folders (`option "documents"`), as absolute paths."""
    root = os.path.dirname(options_map.get("filename") or "")
    return [
        os.path.normpath(os.path.join(root, folder)) for folder in options_map.get("documents", [])
    ]


class DocumentFinder:
    """Finds voucher copies, listing each folder once (a ledger has many copies per folder).

    Args:
        document_dirs: the ledger's documents folders.
        document_entries: the `document` directives Beancount's documents plugin made: a copy
            named by its file name alone is also found there.
    """

    def __init__(
        self, document_dirs: Iterable[str], document_entries: Iterable[data.Document]
    ) -> None:
        self.document_dirs = list(document_dirs)
        #: Copies Beancount's documents plugin found, by file name (`document: "NAME"`).
        self.known = {
            os.path.basename(entry.filename): entry.filename for entry in document_entries
        }
        self._listings: dict[str, frozenset[str]] = {}
        self._bases: dict[str, list[str]] = {}
        self._by_folder: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
        self._names: dict[tuple[str, str], frozenset[str]] = {}

    @classmethod
    def of_ledger(
        cls, entries: Iterable[data.Directive], options_map: Mapping[str, Any]
    ) -> DocumentFinder:
        """The finder of a loaded ledger's copies."""
        return cls(
            document_dirs(options_map),
            (entry for entry in entries if isinstance(entry, data.Document)),
        )

    def _listing(self, folder: str) -> frozenset[str]:
        listing = self._listings.get(folder)
        if listing is None:
            try:
                listing = frozenset(os.listdir(folder))
            except OSError:
                listing = frozenset()
            self._listings[folder] = listing
        return listing

    def _folders(self, entry_file: str, head: str) -> list[tuple[str, frozenset[str]]]:
        """The folders a copy named `head/NAME` may be in, with their listings."""
        if head.startswith("/"):
            bases = [""]
        else:
            bases = self._bases.get(entry_file)
            if bases is None:
                bases = [os.path.dirname(entry_file), *self.document_dirs]
                self._bases[entry_file] = bases
        folders = [os.path.normpath(os.path.join(base, head)) for base in bases]
        return [(folder, self._listing(folder)) for folder in folders]

    def _folder_of(self, value: str, entry_file: str) -> tuple[str | None, str]:
        """The folder holding the copy named `value` (None if none does), and its file name."""
        head, slash, name = value.rpartition("/")
        if slash and not head:
            head = "/"
        key = (entry_file, head)
        folders = self._by_folder.get(key)
        if folders is None:
            folders = self._by_folder[key] = self._folders(entry_file, head)
        for folder, listing in folders:
            if name in listing:
                return folder, name
        return None, name

    def exists(self, value: str, entry_file: str) -> bool:
        """Whether the copy named `value` in an entry of `entry_file` is on file."""
        head, slash, name = value.rpartition("/")
        if slash and not head:
            head = "/"
        key = (entry_file, head)
        names = self._names.get(key)
        if names is None:
            # Every name in any folder the copy may be in: one set test per copy after this.
            names = self._names[key] = frozenset().union(
                *(listing for _, listing in self._folders(entry_file, head))
            )
        return name in names or value in self.known

    def locate(self, value: str, entry_file: str) -> str | None:
        """The path of the copy named `value` in an entry of `entry_file`; None if not on file."""
        folder, name = self._folder_of(value, entry_file)
        return os.path.join(folder, name) if folder is not None else self.known.get(value)
