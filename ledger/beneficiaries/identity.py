"""Citizen identity numbers (公民身份号码, GB 11643-1999), read and masked.

An identity number has 18 characters: a 6-digit address code (GB/T 2260), the date of birth
as YYYYMMDD, a 3-digit sequence whose last digit is odd for a man and even for a woman, and a
check character computed with ISO 7064 MOD 11-2 over the first 17 digits (0-9, or X for 10).

A full number never leaves the register: every text the program makes shows it masked, with
its first 6 and last 4 characters at most (`990101********2024`).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from operator import mul
from typing import Literal, NamedTuple

#: The weight of each of the first 17 digits: 2^(17 - position) mod 11, position from 0.
WEIGHTS = tuple(pow(2, 17 - position, 11) for position in range(17))
#: The check character for each remainder of the weighted sum modulo 11.
CHECK_CHARACTERS = "10X98765432"

LENGTH = 18
SHOWN_HEAD = 6
SHOWN_TAIL = 4
MASK = "*"

Problem = Literal["missing", "format", "check-digit", "birth-date", "sex"]
"""Why an identity number cannot be a woman's: absent, not 17 digits and a check character,
a wrong check character, no real date of birth, or a man's sequence digit."""

_SHAPE = re.compile(r"^\d{17}[\dX]$")
# What may be an identity number inside a text: 15 to 18 digits (the last may be X), a number
# with a typo or of the old 15-digit kind included, not inside a longer word or number.
_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{14,17}[\dXx](?![0-9A-Za-z])")


def check_character(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits of an identity number."""
    return CHECK_CHARACTERS[sum(map(mul, map(int, first17), WEIGHTS)) % 11]


def normalise(text: str) -> str:
    """An identity number as compared: half-width, no spaces, upper-case X.

    A leading apostrophe (Excel's mark for a number kept as text) is dropped too.
    """
    if text.isascii() and text.isalnum():  # the common case: nothing to normalise
        return text.upper()
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lstrip("'").upper()


def mask(text: str) -> str:
    """`text` with all but its first 6 and last 4 characters masked (all of it when short)."""
    text = normalise(text)
    if len(text) < SHOWN_HEAD + SHOWN_TAIL + 4:
        return MASK * len(text)
    return text[:SHOWN_HEAD] + MASK * (len(text) - SHOWN_HEAD - SHOWN_TAIL) + text[-SHOWN_TAIL:]


def mask_in_text(text: str) -> str:
    """`text` with every identity number in it masked (an error message quoting a cell)."""
    return _IN_TEXT.sub(lambda found: mask(found[0]), text)


def mask_name(name: str) -> str:
    """A name with all but its first character masked (王秀英 -> 王**)."""
    name = name.strip()
    return name[:1] + MASK * (len(name) - 1) if name else name


class Identity(NamedTuple):
    """An identity number as the register writes it, judged once."""

    text: str
    """Normalised; empty when the register has none."""
    birth: datetime.date | None
    """The date of birth, when the number is well formed and its date real."""
    problem: Problem | None
    """Why it cannot be a woman's; None when it can."""

    def __repr__(self) -> str:
        # A register row printed by accident (a traceback, a debugger) shows no full number.
        return f"Identity({self.masked!r}, problem={self.problem!r})"

    @property
    def masked(self) -> str:
        """The number as every output shows it."""
        return mask(self.text)

    @property
    def expected_check(self) -> str | None:
        """The check character the first 17 digits call for (when they are digits)."""
        head = self.text[:17]
        return check_character(head) if len(head) == 17 and head.isdigit() else None


def parse_identity(value: object) -> Identity:
    """Judge an identity number: its shape, check character, date of birth and sex digit.

    Args:
        value: the register's cell (text, or None when empty).

    Returns:
        The identity, with its date of birth and the first problem found, if any.
    """
    text = normalise(str(value)) if value is not None else ""
    if not text:
        return Identity(text, None, "missing")
    if len(text) != LENGTH or not _SHAPE.match(text):
        return Identity(text, None, "format")
    if check_character(text[:17]) != text[17]:
        return Identity(text, None, "check-digit")
    try:
        birth = datetime.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return Identity(text, None, "birth-date")
    if int(text[16]) % 2 == 1:
        return Identity(text, birth, "sex")
    return Identity(text, birth, None)


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Age in completed years on `day` (born 29 February: a year older on 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
