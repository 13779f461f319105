"""Rule `document-missing`: every category entry keeps a copy of its original voucher.

The program keeps a copy of the original voucher of every receipt and payment for special
inspections (预留原始凭证复印件，以备专项检查). Each entry that posts to a category names its
copy in `document` metadata (one or more keys starting with `document`, which Fava links): a
path relative to the file holding the entry, or a file in the ledger's documents folder. With
`attachments: N` (附件张数), N copies must be linked. The judgement is the voucher register's
(`ledger.vouchers.VoucherRegister.copies_of`), which the 凭证登记簿 report shows too.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      voucher: "记-2024-015"
      document: "vouchers/2024/记-2024-015.pdf"     ; the file must exist
      attachments: 2                                 ; error: one copy linked, two declared
      Expenses:MCH:Equipment   26800.00 CNY
      Assets:Bank:MCH-Special
"""

from __future__ import annotations

import os

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger
from ledger.rules.base import plugin_of

__plugins__ = ("validate_documents",)

RULE = "document-missing"


def check(grant: GrantLedger) -> list[GrantError]:
    """Category entries without a voucher copy, with a copy not on file, or with too few."""
    msg = grant.messages
    errors = []
    for flow, copies in grant.vouchers.copy_problems():
        entry = flow.entry
        meta = entry.meta
        if copies.malformed_attachments:
            message = msg.finding("config", "bad-attachments", value=meta.get("attachments"))
            errors.append(GrantError(meta, message, entry, "config", year=flow.year))
        # A copy outside the books is rule document-outside's finding.
        if not copies.copy_missing:
            continue
        problem = copies.problem
        if problem == "not-found":
            key, path = copies.not_found  # type: ignore[misc]
            base = os.path.dirname(meta.get("filename", ""))
            message = msg.finding(RULE, problem, key=key, path=path, base=base)
        elif problem == "too-few":
            message = msg.finding(RULE, problem, declared=copies.declared, found=len(copies.copies))
        else:
            message = msg.finding(RULE, problem)
        # The category the copy vouches for, and its amount (the largest, for a split entry).
        account, amount = max(flow.categories.items(), key=lambda item: abs(item[1]))
        errors.append(
            GrantError(
                meta,
                message,
                entry,
                RULE,
                account=account,
                amount=amount,
                currency=grant.config.currency,
                year=flow.year,
            )
        )
    return errors


validate_documents = plugin_of(check)
