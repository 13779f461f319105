r"""Bank layouts as data: the TOML profiles under `importers/profiles/`.

A profile says how one bank prints a statement: the header row exactly as printed, which column
holds what, where the account number shows, and which lines end the rows. Adding a bank is
writing a profile, not Python (the README shows one). A profile is checked when it is loaded, so
a typo is an error naming the profile file and the key, not a statement misread later.

    bank = "清溪农商银行"
    name = "对公账户交易明细（网银导出）"
    header = ["交易日期", "交易时间", "日志号", "摘要", "借方发生额", "贷方发生额", "余额", ...]
    footer = ["合计", "打印时间"]
    account-number = '账\\s*号[:：]\\s*(?P<number>[0-9 -]+)'

    [columns]
    date = "交易日期"
    debit = "借方发生额"
    credit = "贷方发生额"
    balance = "余额"
    ...
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from importers.cells import header_key
from importers.errors import ImportConfigError

PROFILES_DIR = Path(__file__).parent / "profiles"

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

_KEYS = frozenset(
    {"bank", "name", "header", "footer", "account-number", "columns", "direction", "currency"}
)


class Profile(NamedTuple):
    """One bank's statement layout."""

    id: str
    """The profile's file name without `.toml`: the importer is named `mch-ledger.<id>`."""
    path: Path
    bank: str
    name: str
    header: tuple[str, ...]
    """The header as printed."""
    keys: tuple[str, ...]
    """The header as compared (see `cells.header_key`)."""
    columns: Mapping[str, int]
    """Field -> index of its column in the header."""
    footer: tuple[str, ...]
    account_pattern: re.Pattern[str] | None
    debit_words: frozenset[str]
    credit_words: frozenset[str]
    currency: str

    def column_name(self, field: str) -> str:
        """The column of `field` as the bank prints it."""
        return self.header[self.columns[field]]


def _fail(path: Path, message: str) -> ImportConfigError:
    return ImportConfigError(path, f"bad profile: {message}")


def _strings(path: Path, raw: Mapping[str, Any], key: str, default: list[str]) -> list[str]:
    value = raw.get(key, default)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(path, f"{key} must be a list of strings")
    return value


def parse_profile(path: Path, raw: Mapping[str, Any]) -> Profile:
    """Check a profile's TOML content and build the `Profile`.

    Args:
        path: the profile file, for messages.
        raw: its parsed TOML.

    Raises:
        ImportConfigError: a key is unknown, missing or of the wrong kind; a column is not in
            the header; the amount columns are not one of the three layouts.
    """
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise _fail(path, f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}")
    for key in ("bank", "header", "columns"):
        if key not in raw:
            raise _fail(path, f"{key} is missing")
    header = _strings(path, raw, "header", [])
    keys = tuple(header_key(name) for name in header)
    if len(set(keys)) != len(keys):
        raise _fail(path, "header names a column twice")
    columns_raw = raw["columns"]
    if not isinstance(columns_raw, dict):
        raise _fail(path, "[columns] must be a table of field = column name")
    columns: dict[str, int] = {}
    for field, name in columns_raw.items():
        if field not in FIELDS:
            raise _fail(path, f"[columns] {field}: unknown field; known: {', '.join(FIELDS)}")
        if not isinstance(name, str) or header_key(name) not in keys:
            raise _fail(path, f"[columns] {field} = {name!r} is not a column of header")
        columns[field] = keys.index(header_key(name))
    for field in ("date", "balance"):
        if field not in columns:
            raise _fail(path, f"[columns] {field} is required")
    two = "debit" in columns and "credit" in columns
    one = "amount" in columns
    if two == one or ("debit" in columns) != ("credit" in columns):
        raise _fail(path, "[columns] needs debit and credit, or amount (with or without direction)")
    if "direction" in columns and not one:
        raise _fail(path, "[columns] direction goes with amount")
    direction = raw.get("direction", {"debit": ["借"], "credit": ["贷"]})
    if not isinstance(direction, dict) or set(direction) != {"debit", "credit"}:
        raise _fail(path, "[direction] must give debit = [...] and credit = [...]")
    debit_words = frozenset(header_key(word) for word in _strings(path, direction, "debit", []))
    credit_words = frozenset(header_key(word) for word in _strings(path, direction, "credit", []))
    pattern_text = raw.get("account-number")
    pattern = None
    if pattern_text is not None:
        try:
            pattern = re.compile(pattern_text)
        except (re.error, TypeError) as error:
            raise _fail(path, f"account-number is not a regular expression: {error}") from None
        if "number" not in pattern.groupindex:
            raise _fail(path, "account-number must capture the number as (?P<number>...)")
    if pattern is None and "account-number" not in columns:
        raise _fail(path, "say where the account number is: account-number = '...' or a column")
    currency = raw.get("currency", "CNY")
    if not isinstance(currency, str) or not re.fullmatch(
        r"[A-Z][A-Z0-9'._-]{0,22}[A-Z0-9]", currency
    ):
        raise _fail(path, f"currency {currency!r} is not a Beancount currency")
    return Profile(
        id=path.stem,
        path=path,
        bank=str(raw["bank"]),
        name=str(raw.get("name", "")),
        header=tuple(header),
        keys=keys,
        columns=columns,
        footer=tuple(header_key(word) for word in _strings(path, raw, "footer", [])),
        account_pattern=pattern,
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
        raise _fail(path, str(error)) from None
    return parse_profile(path, raw)


def load_profiles(directory: str | Path = PROFILES_DIR) -> list[Profile]:
    """Every profile in `directory` (`*.toml`), by file name."""
    return [load_profile(path) for path in sorted(Path(directory).glob("*.toml"))]
