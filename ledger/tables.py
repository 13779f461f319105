"""Reading a table file (a bank statement, a register) into rows of cell texts.

Bank statements (`importers`) and the registers a ledger names (`ledger.registers`) come as
CSV or Excel files in whatever encoding the software that wrote them chose; this reads any of
them into rows of texts, whatever its format and encoding.

Formats are told by the file's first bytes, not its name (banks serve CSV files named `.xls`):
a zip is an `.xlsx` workbook, an OLE2 compound file is an `.xls` workbook, anything else is
delimited text. Text encodings are detected, not configured, by a fixed cascade: a byte-order
mark says UTF-8 or UTF-16; UTF-16 without a mark shows as NUL bytes; otherwise the text is tried
as strict UTF-8, then as GB18030 (which contains GBK). A statistical detector would guess among
Big5, Shift-JIS and GBK on short Chinese text; this cascade only ever takes a decoding that is
valid for every byte, and the header must then still match a profile, so a wrong decoding is
refused rather than misread.

Workbook cells become text as well, so one parser reads every format: a number is written out
exactly (`Decimal(repr(float))`, which is the number Excel shows), a date cell as
`YYYY-MM-DD HH:MM:SS`.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple


class PlacedError(Exception):
    """A file that cannot be taken as it is, said with the place: file, row and column.

    Its text starts with the file, then the row (a CSV file's line, a worksheet's row, counted
    from 1) and the column as the file heads it, then what is wrong and what to do.

    Args:
        path: the file.
        message: what is wrong and what to do, after the place.
        row: the row at fault, if one is.
        column: the column at fault, if one is.
    """

    def __init__(
        self, path: str | Path, message: str, row: int | None = None, column: str | None = None
    ) -> None:
        self.path = str(path)
        self.row = row
        self.column = column
        self.reason = message
        place = self.path
        if row is not None:
            place += f": row {row}"
        if column is not None:
            place += f", column {column}" if row is not None else f": column {column}"
        super().__init__(f"{place}: {message}")


class UnreadableTableError(PlacedError):
    """The file cannot be read or decoded at all (encoding, broken workbook, empty)."""


#: File name endings a table file may have.
SUFFIXES = (".csv", ".txt", ".xls", ".xlsx")

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: The text decodings tried, in order, for a file without a byte-order mark.
TEXT_ENCODINGS = ("utf-8", "gb18030")
DELIMITERS = (",", "\t")


class Table(NamedTuple):
    """A table file read as rows: (row number counted from 1, cell texts)."""

    path: Path
    kind: str
    """csv, xls or xlsx."""
    encoding: str | None
    rows: list[tuple[int, list[str]]]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        return str(int(number)) if number == number.to_integral_value() else format(number, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return str(value)


def _decodings(path: Path, raw: bytes) -> list[tuple[str, str]]:
    """The (encoding, text) pairs the bytes decode to, most likely first."""
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    elif b"\x00" in raw[:4096]:
        head = raw[:4096]
        even_nuls = head[0::2].count(0)
        candidates = ("utf-16-be",) if even_nuls > head[1::2].count(0) else ("utf-16-le",)
    else:
        candidates = TEXT_ENCODINGS
    found = []
    failure: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            found.append((encoding, raw.decode(encoding)))
        except UnicodeDecodeError as error:
            if failure is None or error.start > failure.start:
                failure = error  # report where the decoding that got furthest stopped
    if not found:
        assert failure is not None
        line = raw[: failure.start].count(b"\n") + 1
        tried = ", ".join(candidates).upper()
        raise UnreadableTableError(
            path,
            f"cannot be decoded as {tried} (byte {failure.start}, "
            f"{raw[failure.start : failure.start + 1]!r}): export the file again as CSV or "
            "Excel",
            row=line,
        )
    return found


def _text_tables(path: Path, raw: bytes) -> list[Table]:
    tables = []
    for encoding, text in _decodings(path, raw):
        lines = text.splitlines()
        for delimiter in DELIMITERS:
            if not any(delimiter in line for line in lines[:60]):
                continue
            try:
                rows = list(csv.reader(lines, delimiter=delimiter))
            except csv.Error as error:
                raise UnreadableTableError(path, f"not a CSV file: {error}") from None
            tables.append(Table(path, "csv", encoding, list(enumerate(rows, start=1))))
    if not tables:
        tables.append(Table(path, "csv", None, [(n, [line]) for n, line in enumerate(lines, 1)]))
    return tables


def _broken(path: Path, kind: str, error: Exception) -> UnreadableTableError:
    return UnreadableTableError(
        path,
        f"is not a readable {kind} workbook ({type(error).__name__}: {error}): it may be "
        "truncated, export or download it again",
    )


def _xlsx_table(path: Path, raw: bytes) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors alike
        raise _broken(path, ".xlsx", error) from None
    try:
        sheet = book.worksheets[0]
        rows = [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except Exception as error:
        raise _broken(path, ".xlsx", error) from None
    finally:
        book.close()
    return Table(path, "xlsx", None, rows)


def _xls_table(path: Path, raw: bytes) -> Table:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=raw, on_demand=True)
        sheet = book.sheet_by_index(0)
        rows = []
        for index in range(sheet.nrows):
            cells = []
            for cell in sheet.row(index):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value: object = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    value = None
                else:
                    value = cell.value
                cells.append(_cell_text(value))
            rows.append((index + 1, cells))
    except Exception as error:  # xlrd raises its own, struct and index errors alike
        raise _broken(path, ".xls", error) from None
    return Table(path, "xls", None, rows)


_CACHE: dict[tuple[str, int, int], list[Table]] = {}


def forget(path: str | Path) -> None:
    """Drop the cached readings of `path` (its statement is parsed: the rows are not needed)."""
    resolved = str(Path(path).resolve())
    for key in [key for key in _CACHE if key[0] == resolved]:
        del _CACHE[key]


def read_tables(path: str | Path) -> list[Table]:
    """The ways a table file reads as rows: one for a workbook, one per decoding for text.

    Results are cached by path, size and modification time: beangulp and Fava call identify,
    account, date and extract on the same file in turn.

    Raises:
        UnreadableTableError: the file is empty, cannot be read, is a broken workbook or
            decodes in no known encoding.
    """
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableTableError(
            path, f"cannot be read ({os.strerror(error.errno or 0)})"
        ) from None
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UnreadableTableError(path, "is empty: export or download it again")
    if raw.startswith(ZIP_MAGIC):
        tables = [_xlsx_table(path, raw)]
    elif raw.startswith(OLE_MAGIC):
        tables = [_xls_table(path, raw)]
    else:
        tables = _text_tables(path, raw)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = tables
    return tables
