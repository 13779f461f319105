"""Rule `document-outside`: a voucher copy stays inside the books.

An entry's `document*` value names a copy in the ledger's folder or its documents folders. A
value that resolves, symlinks included, anywhere else names a file that is not the books' own:
it is never counted as a copy on file and never put into an inspection pack or a download, and
the finding points at the entry.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      voucher: "记-2024-015"
      document: "2024-03-18.记-2024-015.pdf"         ; in the documents folder: fine
      document-2: "../../../../etc/passwd"            ; error: outside the books

    2026-11-15 document Assets:Bank:MCH-Special "/etc/passwd"   ; error: outside the books

A `document` directive (written, or one Beancount's documents plugin found: a symbolic link in a
documents folder) whose file resolves outside the books is a finding too: Fava does not serve it
(`serving.layer`). So is every other file the ledger names: a procurement record
(`procurement:`), a reported value's evidence (`grant-actual` … `document:`) and a close's seal
file (`seal-file:`), none of which then counts as on file, is read or goes into a pack; and an
asset register (`grant-assets`), which no pack then holds (a beneficiary register or roster
outside the books is a `config` finding of its own, and never read).
"""

from __future__ import annotations

import os

from beancount.core import data

from ledger.assets.procurement import PROCUREMENT_KEY
from ledger.directives import SEAL_FILE_KEY
from ledger.documents import OUTSIDE
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of
from ledger.seals import seal_path

__plugins__ = ("validate_document_outside",)

RULE = "document-outside"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each copy an entry links, and each `document` directive, outside the books' folders."""
    msg = grant.messages
    finder = grant.documents
    errors = []
    linked = set()
    for entry, key, value in grant.vouchers.outside_copies():
        errors.append(
            GrantError(
                entry.meta,
                msg.finding(RULE, "copy", key=key, path=value),
                entry,
                RULE,
                year=entry.date.year,
            )
        )
        found = finder.locate(value, entry.meta.get("filename", ""))
        if found is not None:
            linked.add(os.path.normpath(found))
    for entry, key, value, year in _named_files(grant):
        if finder.judge(value, entry.meta.get("filename", "")) == OUTSIDE:
            message = msg.finding(RULE, "named", key=key, path=value)
            errors.append(GrantError(entry.meta, message, entry, RULE, year=year))
    for year, close in grant.config.closes.items():
        path = seal_path(close)  # without reading it, nor the seals' entries (`year_seals`)
        if path is not None and not finder.is_inside(str(path)):
            message = msg.finding(RULE, "named", key=SEAL_FILE_KEY, path=close.seal_file)
            errors.append(GrantError(close.entry.meta, message, close.entry, RULE, year=year))
    for path, directive in _registers(grant):
        if not finder.is_inside(path):
            message = msg.finding(RULE, "register", path=path)
            errors.append(GrantError(directive.meta, message, directive, RULE))
    for document in finder.outside_documents():
        if os.path.normpath(document.filename) in linked:
            continue  # the entry linking it has its finding
        errors.append(
            GrantError(
                document.meta,
                msg.finding(RULE, "document", path=document.filename, account=document.account),
                document,
                RULE,
                account=document.account,
                year=document.date.year,
            )
        )
    return errors


def _named_files(grant: GrantLedger) -> list[tuple[data.Directive, str, str, int]]:
    """The other files entries name as evidence: (entry, key, value as written, year).

    The procurement records named but not on file (one outside the books is not on file), and
    each year's reported values' evidence (`grant-actual` … `document:`).
    """
    named: list[tuple[data.Directive, str, str, int]] = []
    if grant.config.procurement:
        named += [
            (entry, PROCUREMENT_KEY, value, entry.date.year)
            for entry, value in grant.assets.records_not_found
        ]
    for actual in grant.targets.actuals.values():
        if actual.document is not None:
            named.append((actual.entry, "document", actual.document, actual.year))
    return named


def _registers(grant: GrantLedger) -> list[tuple[str, data.Directive]]:
    """The asset registers the ledger names, with the directive naming each (the first)."""
    config = grant.config
    found: dict[str, data.Directive] = {}
    for schedule in config.assets.values():
        for threshold in schedule:
            found.setdefault(threshold.register, threshold.entry)
    # A beneficiary register outside the books is never read: its `config` finding says so
    # (`ledger.beneficiaries`), as for a roster.
    return list(found.items())


validate_document_outside = plugin_of(check)
