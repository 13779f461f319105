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
`YYYY-MM-DD HH:MM:SS`. A worksheet is read whole whatever its `<dimension>` says (a stale one
would cut rows off or pad every row to 16,384 columns); its empty rows are left out.

Such files come from outside, so a file is refused before it can take the memory: over
`MAX_BYTES` on disk, an `.xlsx` whose parts unpack to over `MAX_UNPACKED_BYTES` (a zip bomb), a
sheet or text of more than `MAX_ROWS` rows, empty ones included (millions of `<row/>` elements
take memory in the workbook reader even when they hold nothing), or whose rows times widest row
pass `MAX_CELLS` (a sparse sheet with one cell far to the right), counted while reading.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ledger.places import PlacedError

#: File name endings a table file may have.
SUFFIXES = (".csv", ".txt", ".xls", ".xlsx")

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: The largest table file read, in bytes: years of a busy account's rows fit many times.
MAX_BYTES = 32 * 2**20
#: The most an `.xlsx` file's parts may unpack to, in bytes.
MAX_UNPACKED_BYTES = 64 * 2**20
#: The most cells (rows times the widest row) a sheet or text may span.
MAX_CELLS = 2_000_000
#: The most rows, empty ones included, a sheet or text may have.
MAX_ROWS = 200_000

#: The text decodings tried, in order, for a file without a byte-order mark.
TEXT_ENCODINGS = ("utf-8", "gb18030")
DELIMITERS = (",", "\t")


class UnreadableTableError(PlacedError):
    """The file cannot be read or decoded at all (encoding, broken workbook, empty)."""


class TableTooLargeError(UnreadableTableError):
    """The file is over a size or cell-count cap: refused before it is read into memory."""


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


def _mebibytes(size: int) -> str:
    return f"{size / 2**20:,.1f}".removesuffix(".0")


class _CellCount:
    """Counts the cells a table spans while it is read: refuses it past `MAX_CELLS`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0
        self.widest = 1
        #: The rows the table may have at its widest row so far (both caps in one test).
        self.limit = min(MAX_ROWS, MAX_CELLS)

    def add(self, width: int) -> None:
        """Count the next row, `width` cells wide (0 for an empty row).

        Raises:
            TableTooLargeError: the rows so far pass `MAX_ROWS`, or they times the widest
                pass `MAX_CELLS`.
        """
        self.rows += 1
        if width > self.widest:
            self.widest = width
            self.limit = min(MAX_ROWS, MAX_CELLS // width)
        if self.rows > self.limit:
            if self.rows * self.widest > MAX_CELLS:
                raise too_many_cells(self.path, self.rows, self.widest)
            raise too_many_rows(self.path, self.rows)


def too_many_rows(path: Path, rows: int) -> TableTooLargeError:
    """The refusal of a file of more than `MAX_ROWS` rows (`rows` counted so far)."""
    return TableTooLargeError(path, "table.too-many-rows", cap=f"{MAX_ROWS:,}", rows=f"{rows:,}")


def too_many_cells(path: Path, rows: int, columns: int) -> TableTooLargeError:
    """The refusal of a file spanning `rows` rows of up to `columns` cells."""
    return TableTooLargeError(
        path,
        "table.too-many-cells",
        cap=f"{MAX_CELLS:,}",
        rows=f"{rows:,}",
        columns=f"{columns:,}",
    )


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
            "table.undecodable",
            row=line,
            encodings=tried,
            offset=failure.start,
            byte=repr(raw[failure.start : failure.start + 1]),
        )
    return found


def _lines(text: str) -> list[str]:
    """The lines of `text`, each ended by CR LF, LF or CR.

    Not by the other characters `str.splitlines` takes for line ends, which the row count
    before splitting does not see.
    """
    if "\r" not in text:
        lines = text.split("\n")
    elif text.count("\r\n") == text.count("\r") == text.count("\n"):
        lines = text.split("\r\n")  # every line ends so (a statement from Windows): one pass
    else:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _text_tables(path: Path, raw: bytes) -> list[Table]:
    # Before splitting (millions of empty lines): CR LF, LF and CR end a line, so this is at
    # least half the lines there are, and reading counts them exactly.
    lines_count = max(raw.count(b"\n"), raw.count(b"\r")) + 1
    if lines_count > MAX_ROWS:
        raise too_many_rows(path, lines_count)
    tables = []
    for encoding, text in _decodings(path, raw):
        lines = _lines(text)
        for delimiter in DELIMITERS:
            if not any(delimiter in line for line in lines[:60]):
                continue
            count = _CellCount(path)
            rows = []
            try:
                for number, cells in enumerate(csv.reader(lines, delimiter=delimiter), start=1):
                    count.add(len(cells))
                    rows.append((number, cells))
            except csv.Error as error:
                raise UnreadableTableError(path, "table.not-csv", error=str(error)) from None
            tables.append(Table(path, "csv", encoding, rows))
    if not tables:
        tables.append(Table(path, "csv", None, [(n, [line]) for n, line in enumerate(lines, 1)]))
    return tables


def _broken(path: Path, kind: str, error: Exception) -> UnreadableTableError:
    return UnreadableTableError(
        path, "table.broken-workbook", kind=kind, error=f"{type(error).__name__}: {error}"
    )


#: A row element of a sheet (`<row …>`, `<row/>`, `<x:row>` with a namespace prefix).
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]{0,31}:)?row[\s/>]")
_ROW_TAG_LONGEST = 40
_CHUNK = 1 << 20


def _row_elements(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """How many row elements a part of a workbook holds, counted while it is unpacked.

    Stops counting past `MAX_ROWS`: the part is refused then anyway.
    """
    count = 0
    tail = b""
    with archive.open(info) as part:
        while count <= MAX_ROWS:
            chunk = part.read(_CHUNK)
            if not chunk:
                break
            data = tail + chunk
            # A tag wholly inside the tail was counted with the chunk before.
            count += len(_ROW_TAG.findall(data)) - len(_ROW_TAG.findall(tail))
            tail = data[-_ROW_TAG_LONGEST:]
    return count


def _check_unpacked(path: Path, raw: bytes) -> None:
    """Refuse a workbook too large to read: unpacking past a cap, or with too many rows.

    Its parts may unpack to `MAX_UNPACKED_BYTES` at most (a zip bomb), and none may hold more
    than `MAX_ROWS` row elements. The sizes are the zip's own record; `zipfile` never unpacks a
    part past its recorded size. The rows are counted before the workbook reader sees them:
    opening a workbook, it reads a sheet whole to find its size when the sheet does not say it,
    and keeps every row element.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED_BYTES:
                raise TableTooLargeError(
                    path,
                    "table.unpacks-too-large",
                    size=_mebibytes(unpacked),
                    cap=_mebibytes(MAX_UNPACKED_BYTES),
                )
            for info in infos:
                rows = _row_elements(archive, info) if info.filename.endswith(".xml") else 0
                if rows > MAX_ROWS:
                    raise too_many_rows(path, rows)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as error:
        raise _broken(path, ".xlsx", error) from None


def _padded(rows: list[tuple[int, list[str]]], width: int) -> list[tuple[int, list[str]]]:
    """Rows of a workbook all `width` cells wide, as a sheet's used range has them."""
    for _, cells in rows:
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
    return rows


def _xlsx_table(path: Path, raw: bytes) -> Table:
    _check_unpacked(path, raw)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors alike
        raise _broken(path, ".xlsx", error) from None
    count = _CellCount(path)
    rows = []
    try:
        sheet = book.worksheets[0]
        # Read the rows the sheet holds, not the ones its <dimension> claims.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            width = len(values)
            while width and values[width - 1] is None:
                width -= 1
            count.add(width)
            if width:
                rows.append((number, [_cell_text(value) for value in values[:width]]))
    except TableTooLargeError:
        raise
    except Exception as error:
        raise _broken(path, ".xlsx", error) from None
    finally:
        book.close()
    return Table(path, "xlsx", None, _padded(rows, count.widest))


def _xls_table(path: Path, raw: bytes) -> Table:
    import xlrd

    count = _CellCount(path)
    try:
        # Ragged rows: a far-right cell does not pad every row of the sheet to its column.
        book = xlrd.open_workbook(file_contents=raw, on_demand=True, ragged_rows=True)
        sheet = book.sheet_by_index(0)
        if sheet.nrows > MAX_ROWS:
            raise too_many_rows(path, sheet.nrows)
        rows = []
        for index in range(sheet.nrows):
            count.add(sheet.row_len(index))
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
    except TableTooLargeError:
        raise
    except Exception as error:  # xlrd raises its own, struct and index errors alike
        raise _broken(path, ".xls", error) from None
    return Table(path, "xls", None, _padded(rows, count.widest))


_CACHE: dict[tuple[str, int, int], list[Table]] = {}


def forget(path: str | Path) -> None:
    """Drop the cached readings of `path` (it is parsed: its rows are not needed any more)."""
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
        TableTooLargeError: the file is over a cap (`MAX_BYTES`, `MAX_UNPACKED_BYTES`,
            `MAX_ROWS`, `MAX_CELLS`).
    """
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
        if stat.st_size > MAX_BYTES:
            raise TableTooLargeError(
                path, "table.too-large", size=_mebibytes(stat.st_size), cap=_mebibytes(MAX_BYTES)
            )
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableTableError(
            path, "table.unreadable", reason=os.strerror(error.errno or 0)
        ) from None
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UnreadableTableError(path, "table.empty")
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
