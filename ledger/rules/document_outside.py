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
(`serving.layer`).
"""

from __future__ import annotations

import os

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

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


validate_document_outside = plugin_of(check)
