"""Registers a ledger names beside it (救助对象登记册, 固定资产卡片), read as typed rows.

A register is a table the institute keeps in Excel or CSV (UTF-8 or GBK, as `ledger.tables`
reads them). A `RegisterSpec` says which columns it has, each under the names an accountant
would type (`登记号`, `登记编号`, `编号`), compared without spaces and full-width differences,
and how each column's cells read: text, a date, an amount, a whole number. The header is the
first row naming every required column (title rows above it are skipped). A column headed with
a field's own name (the first: `登记号`) is that field, whatever other columns are headed with
the names it is also read by (`编号`); two such others, and no column of its own name, are
refused, naming both.

Reading a register gives its rows with their row numbers, or a `RegisterError` naming the file,
the row and the column: a missing column, a repeated key, a cell that does not read. A register
is part of the books: its SHA-256 goes into every report's stamp.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Generic, Literal, NamedTuple, TypeVar

from ledger.places import PlacedError, phrase
from ledger.tables import Table, UnreadableTableError, read_tables

CellKind = Literal["text", "date", "amount", "count"]

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


class RegisterColumn(NamedTuple):
    """A column of a register: its field, the names it may be headed with, how it reads."""

    field: str
    names: tuple[str, ...]
    kind: CellKind = "text"
    required: bool = True
    """Whether the register must have the column (its cells may still be empty)."""
    bound: Decimal | None = None
    """For an amount: the least amount (either sign) the column refuses as no amount at all."""


class RegisterSpec(NamedTuple):
    """What a kind of register holds: its columns, and the column whose values are unique."""

    kind: str
    """The register's name in messages, e.g. `救助对象登记册`."""
    columns: tuple[RegisterColumn, ...]
    key: str
    """The field each row is known by (register number, card number): unique, never empty."""
    unique_key: bool = True
    """Whether a key may appear once only (a roster may list a register number twice: a
    rule, not the reading, judges that)."""


class RegisterRow(NamedTuple):
    """One row of a register: its row number in the file and its typed values by field."""

    line: int
    values: Mapping[str, object]

    def get(self, field: str) -> object:
        """The value of `field`; None when the cell is empty or the column absent."""
        return self.values.get(field)


class Register(NamedTuple):
    """A register as read: its file, its rows, and the SHA-256 of the file."""

    path: Path
    rows: list[RegisterRow]
    sha256: str
    headings: Mapping[str, str] = {}
    """Each present field's column heading as the file writes it, for messages."""

    def __repr__(self) -> str:
        # Rows may hold identity numbers: never show them by accident.
        return f"<Register {self.path.name}: {len(self.rows)} rows>"

    def by_key(self, spec: RegisterSpec) -> dict[str, RegisterRow]:
        """The rows by their key."""
        return {str(row.values[spec.key]): row for row in self.rows}


T = TypeVar("T")


class FileVersionCache(Generic[T]):
    """What was made from files, kept while each file is unchanged (path, size, mtime).

    A register or roster is read once per version of its file: Fava's reloads and the commands'
    loads do not read an unchanged register again, and an edit is read on the next load.

    Args:
        size: how many versions are kept; past it, the cache starts afresh.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._made: dict[tuple[str, int, int], T] = {}

    def get(self, path: str | Path, make: Callable[[], T]) -> T:
        """What `make` makes of the file at `path`, made again only when the file changed.

        Raises:
            RegisterError: the file cannot be read (`table.unreadable`); and what `make` raises.
        """
        try:
            stat = os.stat(path)
            key = (os.path.realpath(path), stat.st_size, stat.st_mtime_ns)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise RegisterError(path, "table.unreadable", reason=reason) from None
        found = self._made.get(key)
        if found is None:
            found = make()
            if len(self._made) >= self.size:
                self._made.clear()
            self._made[key] = found
        return found

    def clear(self) -> None:
        """Forget everything made (the next `get` makes it again)."""
        self._made.clear()


class RegisterError(PlacedError):
    """A register that cannot be read as it is; the message names the place and what to do.

    Its text is a catalogue key (`register.*`, `table.*` in `ledger/i18n/tables.py`) said in
    the reader's language (`PlacedError.say`).
    """


def normalise_name(text: str) -> str:
    """A column name as compared: NFKC (full-width to half-width), no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def parse_date(text: str) -> datetime.date | None:
    """A date as registers write it (2025-03-18, 2025/3/18, 2025.3.18, 2025年3月18日, 20250318).

    Returns None when `text` is not a date.
    """
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        try:  # the common case, without the patterns
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass  # 2025-02-30, or not digits: the patterns decide
    text = unicodedata.normalize("NFKC", text).strip()
    for pattern in _DATE_PATTERNS:
        found = pattern.match(text)
        if found:
            try:
                return datetime.date(*(int(part) for part in found.groups()))
            except ValueError:
                return None
    return None


def parse_amount(text: str) -> Decimal | None:
    """An amount (1,080.00 or 1080) as a Decimal; None when `text` is not one."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not _AMOUNT.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _fields(
    names: list[str], spec: RegisterSpec
) -> tuple[dict[str, int], tuple[RegisterColumn, list[int]] | None]:
    """Each field's column among a row's normalised `names`, and the first field two could be.

    A column headed with the field's own name (its first, `登记号`) is taken before one headed
    with another name it is read by (`编号`), wherever they stand; two columns the field could
    equally be (two of its other names, or its own name twice) leave it in doubt.
    """
    found: dict[str, int] = {}
    doubt: tuple[RegisterColumn, list[int]] | None = None
    for column in spec.columns:
        aliases = {normalise_name(name) for name in column.names}
        matches = [position for position, name in enumerate(names) if name in aliases]
        if not matches:
            continue
        own = normalise_name(column.names[0])
        exact = [position for position in matches if names[position] == own]
        chosen = exact or matches
        found[column.field] = chosen[0]
        if len(chosen) > 1 and doubt is None:
            doubt = (column, chosen)
    return found, doubt


def _header(table: Table, spec: RegisterSpec) -> tuple[int, dict[str, int]]:
    """The header row's index in `table.rows` and each present field's column index.

    Raises:
        RegisterError: no row names every required column, or the header has two columns one
            field could be and neither is headed with the field's own name.
    """
    required = {column.field for column in spec.columns if column.required}
    best: tuple[int, int] | None = None  # (required columns found, row index)
    for index, (line, cells) in enumerate(table.rows[:30]):
        names = [normalise_name(cell) for cell in cells]
        found, doubt = _fields(names, spec)
        if required <= set(found):
            if doubt is not None:
                column, positions = doubt
                first, second = (cells[position] for position in positions[:2])
                raise RegisterError(
                    table.path,
                    "register.ambiguous-column",
                    row=line,
                    column=first,
                    kind=spec.kind,
                    name=column.names[0],
                    first=first,
                    second=second,
                )
            return index, found
        count = len(required & set(found))
        if count and (best is None or count > best[0]):
            best = (count, index)
    if best is not None:
        # The row naming most of the columns is the header: say which columns it lacks.
        line, cells = table.rows[best[1]]
        names = {normalise_name(cell) for cell in cells}
        missing = [
            column
            for column in spec.columns
            if column.required and not names & {normalise_name(n) for n in column.names}
        ]
        first_missing = missing[0].names
        raise RegisterError(
            table.path,
            "register.missing-column",
            row=line,
            column=first_missing[0],
            kind=spec.kind,
            name=first_missing[0],
            aliases=phrase("register.also-read-as", names=" / ".join(first_missing[1:]))
            if first_missing[1:]
            else "",
            others=phrase("register.also-missing", names=", ".join(c.names[0] for c in missing[1:]))
            if missing[1:]
            else "",
        )
    first = table.rows[0][0] if table.rows else None
    missing = [column for column in spec.columns if column.required]
    seen = ", ".join(cell for cell in (table.rows[0][1] if table.rows else []) if cell) or "-"
    expected = "; ".join(" / ".join(column.names) for column in missing)
    raise RegisterError(
        table.path, "register.no-header", row=first, kind=spec.kind, expected=expected, seen=seen
    )


def _cell(text: str, column: RegisterColumn, path: Path, line: int, heading: str) -> object:
    text = text.strip()
    if not text:
        return None
    if column.kind == "text":
        return text
    if column.kind == "date":
        value: object = parse_date(text)
    elif column.kind == "amount":
        value = parse_amount(text)
    else:
        amount = parse_amount(text)
        value = int(amount) if amount is not None and amount == int(amount) else None
    if value is None:
        key = f"register.not-{column.kind}"
        raise RegisterError(path, key, row=line, column=heading, text=text)
    if column.bound is not None and abs(value) >= column.bound:  # type: ignore[arg-type]
        # An identity or account number in an amount column reads as a number: refuse it.
        bound = f"{column.bound:,.2f}"
        raise RegisterError(
            path, "register.amount-too-large", row=line, column=heading, bound=bound
        )
    return value


def read_register(path: str | Path, spec: RegisterSpec) -> Register:
    """Read the register at `path` as `spec` describes it.

    Raises:
        RegisterError: the file cannot be read, has no header naming the required columns, has a
            cell that does not read as its column's kind, or a key that is empty or repeated.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
        tables = read_tables(path)
    except OSError as error:
        raise RegisterError(path, "table.unreadable", reason=error.strerror) from None
    except UnreadableTableError as error:
        raise RegisterError(
            error.path, error.key, row=error.row, column=error.column, **error.reason.fields
        ) from None
    table = tables[0]
    header_index, positions = _header(table, spec)
    headings = table.rows[header_index][1]
    columns = {column.field: column for column in spec.columns}
    rows: list[RegisterRow] = []
    seen: dict[str, int] = {}
    key_heading = headings[positions[spec.key]]
    for line, cells in table.rows[header_index + 1 :]:
        if not any(cell.strip() for cell in cells):
            continue
        values: dict[str, object] = {}
        for field, position in positions.items():
            text = cells[position] if position < len(cells) else ""
            values[field] = _cell(text, columns[field], path, line, headings[position])
        key = values.get(spec.key)
        if key is None:
            raise RegisterError(path, "register.no-key", row=line, column=key_heading)
        if spec.unique_key and str(key) in seen:
            raise RegisterError(
                path,
                "register.repeated-key",
                row=line,
                column=key_heading,
                key=key,
                # The field is named for the row it names, not the place's row.
                first=seen[str(key)],
            )
        seen.setdefault(str(key), line)
        rows.append(RegisterRow(line, values))
    present = {field: headings[position] for field, position in positions.items()}
    return Register(path, rows, hashlib.sha256(raw).hexdigest(), present)
