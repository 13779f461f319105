"""Reading one cell of a bank statement: text, placeholders, exact amounts, dates.

Banks pad cells with spaces and tabs, wrap long numbers as `="201000187654321"` so Excel keeps
their digits, print `-`, `--`, `（空）` or a run of dashes for an empty cell, and print amounts
as `1,080.00`, `-1,080.00` or `(1,080.00)`. An amount is read exactly or refused: `1.080,00`,
`1,08,0.00` or `1080.001` are errors, never a guess, because an importer that guesses gets an
amount 1000x too small or a sign flipped without a word.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal

CENT = Decimal("0.01")
_WRAPPED = re.compile(r'^="(.*)"$', re.S)
_SPACES = re.compile(r"[\s\u3000\u00a0\ufeff\u200b]+")
_PLACEHOLDER = re.compile(r"[-－—–_]+|\(空\)|null|NULL")
_ZEROS = re.compile(r"0+")
_PADDING = " \t\r\n\u3000\u00a0\ufeff"
_PLACEHOLDER_START = frozenset("-－—–_(（空nN")

_AMOUNT = re.compile(
    r"(?P<open>\()?(?P<sign>[+-])?¥?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{1,2}))?"
    r"(?P<close>\))?"
)
_DATE_SEPARATED = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_PLAIN_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d\d?)?")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME = re.compile(r"(\d{1,2}):?(\d{2}):?(\d{2})?(?:\.\d+)?")


class CellValueError(ValueError):
    """A cell's text that is not what its column holds: a catalogue key and the text."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__(f"{text!r}: {key}")
        self.key = key
        self.text = text


def clean(value: object) -> str:
    """The text of a cell: unwrapped, trimmed, empty for a placeholder.

    Args:
        value: the cell as read (text, or a number or date from a workbook, already text).

    Returns:
        The cell's text without padding, `="..."` wrapping or placeholder.
    """
    if not value:
        return ""
    text = str(value).strip(_PADDING)
    if not text:
        return ""
    first = text[0]
    if first == "=":
        wrapped = _WRAPPED.match(text)
        if wrapped:
            text = wrapped.group(1).strip(_PADDING)
            if not text:
                return ""
            first = text[0]
    # Only a cell starting like a placeholder can be one: most cells skip the check.
    if first in _PLACEHOLDER_START and _PLACEHOLDER.fullmatch(unicodedata.normalize("NFKC", text)):
        return ""
    return text


def header_key(text: str) -> str:
    """A column name as compared with a profile: NFKC, no spaces at all (`日 志 号` is `日志号`)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", clean(text)))


def is_all_zeros(text: str) -> bool:
    """Whether a reference is all zeros, as banks print on interest rows: no reference."""
    return bool(_ZEROS.fullmatch(text))


def parse_amount(text: str) -> Decimal | None:
    """The exact amount a cell shows, None if it is empty.

    Args:
        text: the cell's text (see `clean`).

    Returns:
        The amount with its sign (`(1,080.00)` and `-1,080.00` are negative), or None.

    Raises:
        CellValueError: the text is not an amount written exactly (thousands separators every
            three digits, at most two decimals, parentheses on both sides or none).
    """
    if not text:
        return None
    if _PLAIN_AMOUNT.fullmatch(text):  # the common case: 1,080.00 or -1080.00 as printed
        number = Decimal(text.replace(",", ""))
        return number if number.as_tuple().exponent == -2 else number.quantize(CENT)
    found = None
    if found is None:
        found = _AMOUNT.fullmatch(_SPACES.sub("", unicodedata.normalize("NFKC", text)))
    if found is None or bool(found["open"]) != bool(found["close"]):
        raise CellValueError("import.cell.not-an-amount", text)
    if found["open"] and found["sign"]:
        raise CellValueError("import.cell.sign-and-parentheses", text)
    digits = found["int"].replace(",", "")
    number = Decimal(f"{digits}.{found['frac']}" if found["frac"] else digits)
    negative = bool(found["open"]) or found["sign"] == "-"
    number = number.quantize(CENT)  # exact: at most two decimals were read
    return -number if negative else number


def parse_date(text: str) -> tuple[datetime.date, str | None]:
    """The date a cell shows, with the time of day if the cell has one.

    Accepts 2024-03-18, 2024/3/18, 2024.3.18, 2024年3月18日 and 20240318, each optionally
    followed by a time (`10:22:31`, `102231`), and 20240318102231.

    Raises:
        CellValueError: the text is not one of these, or not a real date.
    """
    iso = _DATE_ISO.fullmatch(text)
    if iso is not None:  # the common case: 2024-03-18
        try:
            return datetime.date(int(iso[1]), int(iso[2]), int(iso[3])), None
        except ValueError:
            raise CellValueError("import.cell.not-a-real-date", text) from None
    normal = unicodedata.normalize("NFKC", text).strip()
    date_part, _, time_part = normal.replace("T", " ").partition(" ")
    time_part = time_part.strip()
    if not time_part and len(date_part) == 14 and date_part.isdigit():
        date_part, time_part = date_part[:8], date_part[8:]
    found = _DATE_SEPARATED.fullmatch(date_part) or _DATE_COMPACT.fullmatch(date_part)
    if found is None:
        raise CellValueError("import.cell.not-a-date", text)
    year, month, day = (int(part) for part in found.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise CellValueError("import.cell.not-a-real-date", text) from None
    return date, parse_time(time_part) if time_part else None


def parse_time(text: str) -> str:
    """A time of day as HH:MM:SS.

    Raises:
        CellValueError: the text is not a time of day.
    """
    found = _TIME.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        raise CellValueError("import.cell.not-a-time", text)
    hour, minute, second = int(found[1]), int(found[2]), int(found[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise CellValueError("import.cell.not-a-time", text)
    return f"{hour:02d}:{minute:02d}:{second:02d}"
