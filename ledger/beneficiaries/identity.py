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
_MONTH_DAY = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
# What looks like an identity number: 6 digits, a date of birth (19xx or 20xx), the 3-digit
# sequence and the check character (17 characters: one digit lost to a typo); or an old
# 15-digit number (6 digits, YYMMDD, 3 digits). The date's shape is what tells a person's
# number from a bank account or serial number of as many digits; its reality is not asked (a
# number with an impossible date is still someone's, mistyped).
_LOOKS = (
    rf"[0-9]{{6}}(?:(?:19|20)[0-9]{{2}}{_MONTH_DAY}[0-9]{{2,3}}[0-9Xx]"
    rf"|[0-9]{{2}}{_MONTH_DAY}[0-9]{{3}})"
)
_ALONE = re.compile(_LOOKS)
# Inside a text: not part of a longer word or number.
_IN_TEXT = re.compile(rf"(?<![0-9A-Za-z]){_LOOKS}(?![0-9A-Za-z])")
SHORTEST = 15
"""The fewest characters of anything that looks like an identity number (the old kind)."""
#: Full-width digits and X, read as their half-width forms (one character for one).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")


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


def looks_like_identity(value: object) -> bool:
    """Whether a cell or value looks like an identity number (18 or 17 characters, or 15).

    Compared as `normalise` writes it: full-width digits, spaces and a leading `'` allowed.
    """
    text = str(value) if value is not None else ""
    if len(text) < SHORTEST:  # a register number or a name: normalising only shortens it
        return False
    text = normalise(text)
    return len(text) >= SHORTEST and _ALONE.fullmatch(text) is not None


def mask_in_text(text: str) -> str:
    """`text` with everything in it that looks like an identity number masked.

    Every text the program makes from the books goes through this where it is made: each
    finding's message (`ledger.i18n.Catalogue.finding`, and the entry's words at its head),
    Beancount's own errors as the front ends show them (`ledger.findings.finding_of`), every
    cell a report renderer writes (`reports.render.cells`), and a register's cell quoted in an
    error. So a number typed where it does not belong (a register number, a name, a roster's
    key, a payee) is masked too. Full-width digits count as digits.
    """
    if len(text) < SHORTEST:
        return text
    probe = text if text.isascii() else text.translate(_HALF_WIDTH)
    found = _IN_TEXT.search(probe)
    if found is None:
        return text
    pieces = []
    last = 0
    while found is not None:
        pieces += [text[last : found.start()], mask(found[0])]
        last = found.end()
        found = _IN_TEXT.search(probe, last)
    pieces.append(text[last:])
    return "".join(pieces)


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
