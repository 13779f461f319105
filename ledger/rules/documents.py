"""Rule `document-missing`: every category entry keeps a copy of its original voucher.

The program keeps a copy of the original voucher of every receipt and payment for special
inspections (预留原始凭证复印件，以备专项检查). Each entry that posts to a category names its
copy in `document` metadata (one or more keys starting with `document`, which Fava links): a
path relative to the file holding the entry, or a file in the ledger's documents folder. With
`attachments: N` (附件张数), N copies must be linked.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      voucher: "记-2024-015"
      document: "vouchers/2024/记-2024-015.pdf"     ; the file must exist
      attachments: 2                                 ; error: one copy linked, two declared
      Expenses:MCH:Equipment   26800.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from beancount.core import data

from ledger.analysis import GrantAnalysis, plugin_of
from ledger.errors import GrantError

__plugins__ = ("validate_documents",)

RULE = "document-missing"
DOCUMENT_PREFIX = "document"


class DocumentFinder:
    """Finds voucher copies, listing each folder once (a ledger has many copies per folder)."""

    def __init__(self, document_dirs: Iterable[str], document_entries: Iterable[data.Document]):
        self.document_dirs = list(document_dirs)
        #: Copies Beancount's documents plugin found, by file name (`document: "NAME"`).
        self.known = {
            os.path.basename(entry.filename): entry.filename for entry in document_entries
        }
        self._listings: dict[str, frozenset[str]] = {}
        self._bases: dict[str, list[str]] = {}
        self._by_folder: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
        self._plain: dict[str, list[frozenset[str]]] = {}

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
        if "/" in value:
            return self._folder_of(value, entry_file)[0] is not None or value in self.known
        # Most copies are named without a folder: one look-up per entry file, then a test.
        listings = self._plain.get(entry_file)
        if listings is None:
            listings = self._plain[entry_file] = [
                listing for _, listing in self._folders(entry_file, "")
            ]
        return any(value in listing for listing in listings) or value in self.known

    def locate(self, value: str, entry_file: str) -> str | None:
        """The path of the copy named `value` in an entry of `entry_file`; None if not on file."""
        folder, name = self._folder_of(value, entry_file)
        return os.path.join(folder, name) if folder is not None else self.known.get(value)


def _document_dirs(options_map: dict) -> list[str]:
    root = os.path.dirname(options_map.get("filename") or "")
    return [
        os.path.normpath(os.path.join(root, folder)) for folder in options_map.get("documents", [])
    ]


def document_finder(analysis: GrantAnalysis) -> DocumentFinder:
    """A finder of the ledger's voucher copies: beside its files or in its documents folders."""
    return DocumentFinder(
        _document_dirs(analysis.options_map),
        (entry for entry in analysis.entries if isinstance(entry, data.Document)),
    )


def voucher_copies(meta: Mapping[str, object]) -> dict[str, str]:
    """The voucher copies an entry links: its non-empty `document*` metadata, by key."""
    return {
        key: value
        for key, value in meta.items()
        if key.startswith(DOCUMENT_PREFIX) and type(value) is str and value
    }


def declared_attachments(meta: Mapping[str, Any]) -> int | None:
    """The number of copies an entry's voucher declares (`attachments: N`, 附件张数).

    None when it declares none; 0 when the value is not a number, so nothing is required.
    """
    declared = meta.get("attachments")
    if declared is None:
        return None
    try:
        return int(declared)
    except (TypeError, ValueError):
        return 0


def check(analysis: GrantAnalysis) -> list[GrantError]:
    """Category entries without a voucher copy, with a copy not on file, or with too few."""
    msg = analysis.messages
    exists = document_finder(analysis).exists
    errors = []
    for flow in analysis.activity.flows:
        if not flow.categories:
            continue
        entry = flow.entry
        meta = entry.meta
        filename = meta.get("filename", "")
        message = None
        copies = 0
        # The hot loop of the rule: `voucher_copies` inlined, one pass over the metadata.
        for key, value in meta.items():
            if not key.startswith(DOCUMENT_PREFIX) or type(value) is not str or not value:
                continue
            copies += 1
            if message is None and not exists(value, filename):
                message = msg.render(
                    RULE, "not-found", key=key, path=value, base=os.path.dirname(filename)
                )
        if not copies:
            message = msg.render(RULE, "none")
        wanted = declared_attachments(meta)
        if message is None and wanted is not None and copies < wanted:
            message = msg.render(RULE, "too-few", declared=wanted, found=copies)
        if message is not None:
            errors.append(GrantError(meta, message, entry, RULE, year=flow.year))
    return errors


validate_documents = plugin_of(check)
