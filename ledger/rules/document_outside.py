"""Rule `document-outside`: a voucher copy stays inside the books.

An entry's `document*` value names a copy in the ledger's folder or its documents folders. A
value that resolves, symlinks included, anywhere else names a file that is not the books' own:
it is never counted as a copy on file and never put into an inspection pack or a download, and
the finding points at the entry.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      voucher: "记-2024-015"
      document: "2024-03-18.记-2024-015.pdf"         ; in the documents folder: fine
      document-2: "../../../../etc/passwd"            ; error: outside the books

The evidence of a reported performance value (`document:` on a `grant-actual`) stays inside the
books too: it goes into the pack beside the voucher copies.
"""

from __future__ import annotations

from ledger.documents import OUTSIDE
from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_document_outside",)

RULE = "document-outside"


def check(grant: GrantLedger) -> list[GrantError]:
    """Each copy an entry links, or evidence a reported value names, outside the books' folders."""
    msg = grant.messages
    errors = [
        GrantError(
            entry.meta,
            msg.finding(RULE, "copy", key=key, path=value),
            entry,
            RULE,
            year=entry.date.year,
        )
        for entry, key, value in grant.vouchers.outside_copies()
    ]
    for (year, name), actual in grant.targets.actuals.items():
        if actual.document is None or actual.value is None or actual.on_file:
            continue
        entry = actual.entry
        if grant.documents.judge(actual.document, entry.meta.get("filename", "")) == OUTSIDE:
            message = msg.finding(RULE, "evidence", name=name, path=actual.document)
            errors.append(GrantError(entry.meta, message, entry, RULE, year=year))
    return errors


validate_document_outside = plugin_of(check)
