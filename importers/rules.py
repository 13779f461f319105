"""The import setup written in the ledger: which account a statement is, and the rules.

Everything the importer needs from the ledger is in the ledger, so the command line and Fava's
Import page (which hands the importer the ledger's entries) import alike:

- the bank account a statement belongs to: the `open` directive whose `account-number:` is the
  number the statement shows;
- classification rules, one `import-rule` directive each: the account to book a row to, and the
  conditions it must meet (regular expressions searched in the row's cells; all must match);
- the holding account for a row no rule matches (`import-holding`), booked flagged `!` so that
  rule `needs-review` reports it until the accountant reclassifies it;
- for a bank layout whose statements print no account number, the account they belong to: the
  `open` naming that layout in `statement-profile:` (one or more profile names);
- the ledger's own bank profiles, from the folders `import-profiles` directives name (relative
  to the file holding the directive), added to the shipped ones.

    2024-01-01 open Assets:Bank:MCH-Special CNY
      account-number: "201000187654321"
      statement-profile: "abc"
    2024-01-01 custom "import-profiles" "banks"
    2024-01-01 custom "import-rule" Income:Grant:Provincial
      direction: "receipt"
      counterparty: "省财政厅"
    2024-01-01 custom "import-rule" Expenses:MCH:Training
      direction: "payment"
      text: "进修|培训"
    2024-01-01 custom "import-holding" Assets:Suspense

Rules are tried in the order they are written (top to bottom); the first that matches wins, so
write the specific ones first. A rule applies to rows dated on or after its own date. Conditions:
`counterparty` (对方户名), `counterparty-account` (对方账号), `memo` (摘要), `purpose` (用途),
`text` (memo or purpose), and `direction` (`receipt` for money in, `payment` for money out).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from beancount.core import account as account_lib
from beancount.core import data

from importers.errors import ImportConfigError
from importers.profiles import PROFILES_DIR, Profile, combined_profiles
from importers.statement import PAYMENT, RECEIPT, Row, normalise_number
from ledger.errors import GrantError
from ledger.model import GrantConfig
from ledger.profile_folders import profile_folder
from ledger.roles import AccountRoles, Role

ACCOUNT_TYPE = account_lib.TYPE
RULE = "import-rule"
HOLDING = "import-holding"
PROFILES = "import-profiles"
#: The `open` metadata naming the layouts whose statements print no account number.
STATEMENT_PROFILE = "statement-profile"
_PROFILE_LIST = re.compile(r"[\s,，;；]+")

#: Conditions an `import-rule` may set, and the row's cells each one reads.
CONDITIONS: dict[str, tuple[str, ...]] = {
    "counterparty": ("counterparty",),
    "counterparty-account": ("counterparty_account",),
    "memo": ("memo",),
    "purpose": ("purpose",),
    "text": ("memo", "purpose"),
}
_FIELD_INDEX = {name: Row._fields.index(name) for name in Row._fields}
DIRECTIONS = (RECEIPT, PAYMENT)

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_META = frozenset({"filename", "lineno"})


class Rule(NamedTuple):
    """One `import-rule`: book rows meeting every condition to `account`."""

    account: str
    since: datetime.date
    direction: str | None
    conditions: tuple[tuple[tuple[int, ...], Callable[[str], object]], ...]
    """(indexes of the row's fields, test): one of the fields must pass the test."""
    where: str

    def matches(self, row: Row) -> bool:
        """Whether the row meets every condition of the rule."""
        if row.date < self.since or (self.direction and row.direction != self.direction):
            return False
        for fields, found in self.conditions:
            for field in fields:
                if found(row[field]):
                    break
            else:
                return False
        return True


class Classified(NamedTuple):
    """Where a row is booked."""

    account: str
    flag: str
    grant_year: int | None
    rule: Rule | None


class ImportSetup(NamedTuple):
    """The import setup a ledger declares."""

    accounts: dict[str, str]
    """Account number (digits only) -> the ledger account opened with it."""
    rules: list[Rule]
    holding: str | None
    sources: frozenset[str]
    """Accounts that are grant sources (or below one): receipts to them may get grant-year."""
    voucher_period: str
    """Vouchers are numbered per fiscal year or per month (`grant-voucher-period`)."""
    opened: frozenset[str] = frozenset()
    """Every account the ledger opens."""
    profiles: tuple[Profile, ...] = ()
    """The bank profiles: the shipped ones, then the ledger's own (`import-profiles`)."""
    profile_accounts: Mapping[str, tuple[str, ...]] = {}
    """Profile name -> the accounts whose `open` names it in `statement-profile:`."""
    language: str = "en"
    """The ledger's language, for the importer's messages."""

    @property
    def own_profiles(self) -> tuple[Profile, ...]:
        """The ledger's own profiles (not shipped), from its `import-profiles` folders."""
        return tuple(p for p in self.profiles if p.path.parent != PROFILES_DIR)

    def classify(self, row: Row) -> Classified | None:
        """The account a row is booked to, None if no rule matches it."""
        for rule in self.rules:
            if rule.matches(row):
                year = self.other_year(rule.account, row)
                flag = "!" if year is not None else "*"
                return Classified(rule.account, flag, year, rule)
        return None

    def other_year(self, account: str, row: Row) -> int | None:
        """The year a receipt's memo names, if it goes to a grant source and is not its date's."""
        if account not in self.sources or row.direction != RECEIPT:
            return None
        years = {int(year) for year in _YEAR.findall(f"{row.memo} {row.purpose}")}
        if len(years) == 1 and row.date.year not in years:
            return years.pop()
        return None


def searcher(pattern: str) -> Callable[[str], object]:
    """A test of whether a text contains `pattern` (a regular expression, case ignored).

    Raises:
        re.error: the pattern is not a regular expression.
    """
    return re.compile(pattern, re.IGNORECASE).search


def _where(entry: data.Directive) -> str:
    return f"{entry.meta.get('filename')}:{entry.meta.get('lineno')}"


def _fail(entry: data.Directive, message: str, /, **fields: object) -> ImportConfigError:
    return ImportConfigError(
        str(entry.meta.get("filename")), message, row=entry.meta.get("lineno"), **fields
    )


def _parse_rule(entry: data.Custom, opened: set[str]) -> Rule:
    values = entry.values
    if len(values) != 1 or values[0].dtype != ACCOUNT_TYPE:
        raise _fail(entry, "import.rule.wrong-values", type=RULE)
    account = values[0].value
    if account not in opened:
        raise _fail(entry, "import.rule.unopened", type=RULE, account=account)
    direction = None
    conditions = []
    for key, value in entry.meta.items():
        if key in _META:
            continue
        if key == "direction":
            if value not in DIRECTIONS:
                raise _fail(entry, "import.rule.bad-direction", value=repr(value))
            direction = value
        elif key in CONDITIONS:
            if not isinstance(value, str) or not value:
                raise _fail(entry, "import.rule.empty-condition", key=key)
            try:
                test = searcher(value)
            except re.error as error:
                raise _fail(
                    entry, "import.rule.bad-pattern", key=key, value=repr(value), error=str(error)
                ) from None
            fields = tuple(_FIELD_INDEX[name] for name in CONDITIONS[key])
            conditions.append((fields, test))
        else:
            known = ", ".join(["direction", *CONDITIONS])
            raise _fail(entry, "import.rule.unknown-condition", key=repr(key), known=known)
    if not conditions:
        raise _fail(entry, "import.rule.no-condition", type=RULE, holding=HOLDING)
    return Rule(account, entry.date, direction, tuple(conditions), _where(entry))


def _profiles(config: GrantConfig) -> tuple[Profile, ...]:
    """The shipped profiles and those of the ledger's `import-profiles` folders."""
    folders = []
    for entry in config.profile_folders:
        folder = profile_folder(entry)
        if not folder.is_dir():
            raise _fail(entry, "import.profiles.no-folder", folder=str(folder), type=PROFILES)
        folders.append(folder)
    return tuple(combined_profiles(folders))


def _profile_accounts(
    opens: Sequence[data.Open], profiles: Sequence[Profile]
) -> dict[str, tuple[str, ...]]:
    """Profile name -> the accounts naming it in `statement-profile:`, checked."""
    known = {profile.id.casefold(): profile.id for profile in profiles}
    accounts: dict[str, list[str]] = {}
    for entry in opens:
        value = entry.meta.get(STATEMENT_PROFILE)
        names = _PROFILE_LIST.split(value.strip()) if isinstance(value, str) else []
        if not names or not all(names):
            raise _fail(entry, "import.statement-profile.bad", key=STATEMENT_PROFILE)
        for name in names:
            profile = known.get(name.casefold())
            if profile is None:
                raise _fail(
                    entry,
                    "import.statement-profile.unknown",
                    key=STATEMENT_PROFILE,
                    name=name,
                    known=", ".join(sorted(known.values())),
                )
            accounts.setdefault(profile, []).append(entry.account)
    return {profile: tuple(names) for profile, names in accounts.items()}


def import_setup(
    entries: Sequence[data.Directive],
    config: GrantConfig,
    config_errors: Sequence[GrantError] = (),
) -> ImportSetup:
    """Read the import setup from a ledger's entries and its grant configuration.

    Args:
        entries: the ledger's entries: the `open` directives and `import-rule`s.
        config: the grant's configuration (the load's `GrantLedger.config`): the holding
            account, the sources, the voucher period.
        config_errors: the `config` findings of the grant's directives: a faulty
            `import-holding` is refused with its finding.

    Raises:
        ImportConfigError: a malformed `import-rule`, `import-holding` or `import-profiles`, a
            missing or malformed profile folder, two profiles of one name, an account number
            given to two accounts, a `statement-profile:` naming no profile.
    """
    opened: set[str] = set()
    accounts: dict[str, str] = {}
    customs: list[data.Custom] = []
    naming: list[data.Open] = []
    open_, custom = data.Open, data.Custom
    for entry in entries:
        kind = type(entry)
        if kind is open_:
            opened.add(entry.account)
            number = entry.meta.get("account-number")
            if number is not None:
                key = normalise_number(str(number))
                if key in accounts and accounts[key] != entry.account:
                    raise _fail(entry, "import.number-twice", number=number, account=accounts[key])
                accounts[key] = entry.account
            if STATEMENT_PROFILE in entry.meta:
                naming.append(entry)
        elif kind is custom and entry.type == RULE:
            customs.append(entry)
    rules = [
        _parse_rule(entry, opened)
        for entry in sorted(
            customs, key=lambda e: (str(e.meta.get("filename")), e.meta.get("lineno", 0))
        )
    ]
    # `import-holding` and `import-profiles` are grant directives: the grant's parser reads
    # them and reports their faults.
    for error in config_errors:
        if isinstance(error.entry, data.Custom) and error.entry.type in (HOLDING, PROFILES):
            raise _fail(error.entry, "import.config-finding", finding=error.message)
    holding = next(iter(config.holding), None)
    roles = AccountRoles(config)
    sources = frozenset(a for a in opened if roles.of(a)[0] is Role.SOURCE)
    profiles = _profiles(config)
    return ImportSetup(
        accounts,
        rules,
        holding,
        sources,
        config.voucher_period,
        frozenset(opened),
        profiles,
        _profile_accounts(naming, profiles),
        config.language,
    )
