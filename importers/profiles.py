r"""Bank layouts as data: the TOML profiles under `importers/profiles/`, and the ledger's own.

A profile says how one bank prints a statement: the header row exactly as printed, which column
holds what, where the account number shows, when the statement was printed, and which lines end
the rows. Adding a bank is writing a profile, not Python (the README shows one). A profile is
checked when it is loaded, so a typo is an error naming the profile file and the key, not a
statement misread later.

    bank = "清溪农商银行"
    name = "对公账户交易明细（网银导出）"
    header = ["交易日期", "交易时间", "日志号", "摘要", "借方发生额", "贷方发生额", "余额", ...]
    footer = ["合计", "打印时间"]
    account-number = '账\\s*号[:：]\\s*(?P<number>[0-9 -]+)'
    printed-at = '打印时间[:：]\\s*(?P<date>[0-9-]+)'

    [columns]
    date = "交易日期"
    debit = "借方发生额"
    credit = "贷方发生额"
    balance = "余额"
    ...

A header printed on two rows (a group title such as 发生额 over 借方 and 贷方, the other columns
merged down across both rows) names the group in place of its columns:

    header = ["交易日期", "摘要", { group = "发生额", columns = ["借方", "贷方"] }, "余额"]

A ledger adds its own profiles from a folder it names (`custom "import-profiles" "banks"`):
`combined_profiles` reads the shipped ones and those, refusing two profiles of the same name.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from importers.cells import header_key
from importers.errors import ImportConfigError
from ledger.profile_folders import SHIPPED_PROFILES, profile_files

#: The shipped profiles (`importers/profiles/`).
PROFILES_DIR = SHIPPED_PROFILES

#: The fields a column can hold, and what they are.
FIELDS: dict[str, str] = {
    "date": "the booking date (required)",
    "time": "the time of day, if the bank prints it in its own column",
    "ref": "the bank's serial number (交易流水号, 日志号), kept as bank-ref",
    "memo": "the bank's summary (摘要)",
    "purpose": "the purpose the payer wrote (用途, 附言)",
    "counterparty": "the counterparty's name (对方户名)",
    "counterparty-account": "the counterparty's account number (对方账号)",
    "debit": "money out (借方发生额), with credit",
    "credit": "money in (贷方发生额), with debit",
    "amount": "one amount column: signed (money in positive), or with direction",
    "direction": "the 借/贷 column that goes with amount",
    "balance": "the running balance (余额, required)",
    "account-number": "the statement's own account number, if printed on every row",
    "currency": "the currency (币种), if printed on every row",
}

#: Currency names as banks print them.
CURRENCIES: dict[str, str] = {"人民币": "CNY", "RMB": "CNY", "CNY": "CNY", "156": "CNY"}

#: The keys a profile may have.
KEYS = frozenset(
    {
        "bank",
        "name",
        "header",
        "footer",
        "account-number",
        "printed-at",
        "columns",
        "direction",
        "currency",
    }
)
_GROUP_KEYS = frozenset({"group", "columns"})
#: A profile's name (its file name) is written in `statement-profile:`, a list.
_ID = re.compile(r"[^\s,，;；]+")

HeaderRow = tuple[frozenset[str], ...]
"""One printed header row: for each column, the texts (as compared) its cell may show."""


class Profile(NamedTuple):
    """One bank's statement layout."""

    id: str
    """The profile's file name without `.toml`: the importer is named `mch-ledger.<id>`."""
    path: Path
    bank: str
    name: str
    header: tuple[str, ...]
    """The columns' names as printed (a grouped column: its own name, under the group)."""
    keys: tuple[str, ...]
    """The columns' names as compared (see `cells.header_key`)."""
    header_rows: tuple[HeaderRow, ...]
    """The header as printed, one or two rows."""
    columns: Mapping[str, int]
    """Field -> index of its column in the header."""
    footer: tuple[str, ...]
    account_pattern: re.Pattern[str] | None
    """Where the heading shows the account number; None if it never does."""
    printed_pattern: re.Pattern[str] | None
    """Where the statement shows when it was printed (exported); None if it does not."""
    debit_words: frozenset[str]
    credit_words: frozenset[str]
    currency: str

    def column_name(self, field: str) -> str:
        """The column of `field` as the bank prints it."""
        return self.header[self.columns[field]]

    @property
    def shows_account_number(self) -> bool:
        """Whether the statements of this layout may show their account number."""
        return self.account_pattern is not None or "account-number" in self.columns


def _fail(path: Path, situation: str, /, **fields: Any) -> ImportConfigError:
    return ImportConfigError(path, f"import.profile.{situation}", **fields)


def _strings(path: Path, raw: Mapping[str, Any], key: str, default: list[str]) -> list[str]:
    value = raw.get(key, default)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(path, "not-strings", key=key)
    return value


def _header(path: Path, raw: Mapping[str, Any]) -> tuple[list[str], tuple[HeaderRow, ...]]:
    """The columns' names and the printed header rows of a profile's `header`."""
    entries = raw["header"]
    if not isinstance(entries, list) or not entries:
        raise _fail(path, "bad-header")
    names: list[str] = []
    top: list[frozenset[str]] = []
    below: list[frozenset[str]] = []
    for entry in entries:
        if isinstance(entry, str):
            key = header_key(entry)
            names.append(entry)
            top.append(frozenset({key}))
            below.append(frozenset({"", key}))  # merged down: empty, or the name again
            continue
        if (
            not isinstance(entry, dict)
            or set(entry) != _GROUP_KEYS
            or not isinstance(entry["group"], str)
            or not isinstance(entry["columns"], list)
            or len(entry["columns"]) < 2
            or not all(isinstance(name, str) for name in entry["columns"])
        ):
            raise _fail(path, "bad-group", entry=entry)
        group = header_key(entry["group"])
        for index, name in enumerate(entry["columns"]):
            names.append(name)
            # The group's title shows over its first column; the merged cells to its right are
            # empty, or repeat it.
            top.append(frozenset({group}) if index == 0 else frozenset({"", group}))
            below.append(frozenset({header_key(name)}))
    grouped = len(names) != len(entries)
    rows = (tuple(top), tuple(below)) if grouped else (tuple(top),)
    return names, rows


def _pattern(path: Path, raw: Mapping[str, Any], key: str, group: str) -> re.Pattern[str] | None:
    text = raw.get(key)
    if text is None:
        return None
    try:
        pattern = re.compile(text)
    except (re.error, TypeError) as error:
        raise _fail(path, "bad-pattern", key=key, error=str(error)) from None
    if group not in pattern.groupindex:
        raise _fail(path, "pattern-group", key=key, group=group)
    return pattern


def parse_profile(path: Path, raw: Mapping[str, Any]) -> Profile:
    """Check a profile's TOML content and build the `Profile`.

    Args:
        path: the profile file, for messages.
        raw: its parsed TOML.

    Raises:
        ImportConfigError: a key is unknown, missing or of the wrong kind; a column is not in
            the header; the amount columns are not one of the three layouts.
    """
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise _fail(path, "unknown-keys", keys=", ".join(unknown), known=", ".join(sorted(KEYS)))
    for key in ("bank", "header", "columns"):
        if key not in raw:
            raise _fail(path, "missing-key", key=key)
    if not _ID.fullmatch(path.stem):
        raise _fail(path, "bad-name", name=path.stem)
    header, header_rows = _header(path, raw)
    keys = tuple(header_key(name) for name in header)
    if len(set(keys)) != len(keys):
        twice = next(name for name, key in zip(header, keys, strict=True) if keys.count(key) > 1)
        raise _fail(path, "column-twice", column=twice)
    columns_raw = raw["columns"]
    if not isinstance(columns_raw, dict):
        raise _fail(path, "bad-columns")
    columns: dict[str, int] = {}
    for field, name in columns_raw.items():
        if field not in FIELDS:
            raise _fail(path, "unknown-field", field=field, known=", ".join(FIELDS))
        if not isinstance(name, str) or header_key(name) not in keys:
            raise _fail(path, "not-in-header", field=field, name=repr(name))
        columns[field] = keys.index(header_key(name))
    for field in ("date", "balance"):
        if field not in columns:
            raise _fail(path, "field-required", field=field)
    two = "debit" in columns and "credit" in columns
    one = "amount" in columns
    if two == one or ("debit" in columns) != ("credit" in columns):
        raise _fail(path, "amount-columns")
    if "direction" in columns and not one:
        raise _fail(path, "direction-without-amount")
    direction = raw.get("direction", {"debit": ["借"], "credit": ["贷"]})
    if not isinstance(direction, dict) or set(direction) != {"debit", "credit"}:
        raise _fail(path, "bad-direction")
    debit_words = frozenset(header_key(word) for word in _strings(path, direction, "debit", []))
    credit_words = frozenset(header_key(word) for word in _strings(path, direction, "credit", []))
    currency = raw.get("currency", "CNY")
    if not isinstance(currency, str) or not re.fullmatch(
        r"[A-Z][A-Z0-9'._-]{0,22}[A-Z0-9]", currency
    ):
        raise _fail(path, "bad-currency", currency=repr(currency))
    return Profile(
        id=path.stem,
        path=path,
        bank=str(raw["bank"]),
        name=str(raw.get("name", "")),
        header=tuple(header),
        keys=keys,
        header_rows=header_rows,
        columns=columns,
        footer=tuple(header_key(word) for word in _strings(path, raw, "footer", [])),
        account_pattern=_pattern(path, raw, "account-number", "number"),
        printed_pattern=_pattern(path, raw, "printed-at", "date"),
        debit_words=debit_words,
        credit_words=credit_words,
        currency=currency,
    )


def load_profile(path: str | Path) -> Profile:
    """Read and check one profile file.

    Raises:
        ImportConfigError: the file is not valid TOML or not a valid profile.
    """
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise _fail(path, "unreadable", error=str(error)) from None
    return parse_profile(path, raw)


def load_profiles(directory: str | Path = PROFILES_DIR) -> list[Profile]:
    """Every profile in `directory` (`*.toml`), by file name."""
    return [load_profile(path) for path in profile_files(Path(directory))]


def combined_profiles(folders: Sequence[Path] = ()) -> list[Profile]:
    """The shipped profiles, then those of each of the ledger's `folders`.

    Raises:
        ImportConfigError: a profile is malformed, or two profiles have the same name (compared
            without case, as Windows compares file names): the error names both files.
    """
    seen: dict[str, Profile] = {}
    for folder in (PROFILES_DIR, *folders):
        for profile in load_profiles(folder):
            other = seen.get(profile.id.casefold())
            if other is not None:
                if other.path.resolve() == profile.path.resolve():
                    continue  # the same folder named twice
                raise _fail(profile.path, "clash", id=profile.id, other=str(other.path))
            seen[profile.id.casefold()] = profile
    return list(seen.values())
