"""Which grant role an account plays: the dedicated account, a category, a source, allowed.

A declared account's sub-accounts play its role (`Expenses:MCH:Training:Courses` counts as the
category `Expenses:MCH:Training`). Lookups are cached: a ledger has few accounts and many
postings.
"""

from __future__ import annotations

import enum

from ledger.model import GrantConfig


class Role(enum.Enum):
    """The part an account plays in the grant."""

    DEDICATED = "dedicated"
    CATEGORY = "category"
    SOURCE = "source"
    ALLOWED = "allowed"
    OTHER = "other"


class AccountRoles:
    """Maps an account to its role and to the declared account it belongs to."""

    def __init__(self, config: GrantConfig) -> None:
        self._declared: dict[str, Role] = {}
        for accounts, role in (
            (config.dedicated, Role.DEDICATED),
            (config.categories, Role.CATEGORY),
            (config.sources, Role.SOURCE),
            (config.allowed, Role.ALLOWED),
        ):
            for account in accounts:
                self._declared.setdefault(account, role)
        self._cache: dict[str, tuple[Role, str]] = {}

    def of(self, account: str) -> tuple[Role, str]:
        """The role of `account` and the declared account (itself or an ancestor) giving it."""
        found = self._cache.get(account)
        if found is None:
            found = (Role.OTHER, account)
            name = account
            while True:
                role = self._declared.get(name)
                if role is not None:
                    found = (role, name)
                    break
                name, colon, _ = name.rpartition(":")
                if not colon:
                    break
            self._cache[account] = found
        return found
