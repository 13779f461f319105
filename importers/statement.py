"""A statement read with a profile: its account number and its rows, oldest first, checked.

Identification is strict: a profile reads a file only if the file's header, among its first
rows, is the profile's header cell for cell (compared without spaces and full-width forms, so
`日 志 号` is `日志号`); a header printed on two rows must be there on both. Rows are then read
until a footer line (合计, 打印时间, ...), blank lines skipped. Each row must give a date, an exact
amount in exactly one direction and a running balance.

A print view exported page by page repeats its furniture on every page: the header, the
heading above it (title, account), a page line such as `第2页 共3页`, sometimes the footer. Such
a row is skipped only when it is exactly that (a data row has a date in its date column, and is
never equal to the header, the heading or a page line); a footer before the header's last
repeat ends a page, not the statement. Page lines must number the pages without a gap.

Rows come newest first or oldest first: the dates say which, and on a statement of a single day
the running balance does. Then every row's balance must be the previous balance plus its amount;
a break means the bank's export lost or merged a row, and the statement is refused naming it.

The account number is read from the heading (or a column); a layout may print none, and then
the ledger says which account the statement is (see `importers.importer`). The time the
statement was printed, where the profile says the bank shows it (`printed-at`), tells whether
its last day was over when it was exported.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from importers.cells import (
    CellValueError,
    clean,
    header_key,
    is_all_zeros,
    parse_amount,
    parse_date,
    parse_time,
)
from importers.errors import (
    AccountError,
    BalanceBreakError,
    CellError,
    StatementError,
    UnknownLayoutError,
    UnreadableStatementError,
    phrase,
)
from importers.profiles import CURRENCIES, HeaderRow, Profile
from importers.tables import Table, read_tables

#: How many rows from the top of a file may come before the header.
HEADER_WITHIN = 40

RECEIPT = "receipt"
PAYMENT = "payment"

#: A page line of a print view, as compared (NFKC, no spaces, lower case): 第2页共3页,
#: 第2页/共3页, 共3页第2页, page2of3.
_PAGE = re.compile(
    r"第(?P<n1>\d+)页[,，/|]?共(?P<m1>\d+)页|共(?P<m2>\d+)页[,，/|]?第(?P<n2>\d+)页"
    r"|page(?P<n3>\d+)of(?P<m3>\d+)"
)


class Row(NamedTuple):
    """One transaction row of a statement."""

    line: int
    """The row's number in the file (line of a CSV, row of a worksheet), from 1."""
    date: datetime.date
    time: str | None
    amount: Decimal
    """The change to the account: money in positive, money out negative."""
    direction: str
    """`receipt` (贷, money in) or `payment` (借, money out), as the bank books it: a reversal
    of a payment is a payment row with a negative amount printed, so money in."""
    balance: Decimal
    ref: str
    """The bank's serial number; empty when the bank gives none (or all zeros)."""
    counterparty: str
    counterparty_account: str
    memo: str
    purpose: str


class Statement(NamedTuple):
    """A statement file read with a profile."""

    path: Path
    profile: Profile
    kind: str
    encoding: str | None
    account_number: str
    """The account number the statement shows (digits and letters), "" if it shows none."""
    currency: str
    rows: list[Row]
    """Oldest first."""
    newest_first: bool
    repeats: list[Row]
    """Rows the file lists twice (same bank reference, date, amount and balance)."""
    printed: datetime.date | None = None
    """The day the statement was printed (exported), where the profile finds it."""

    @property
    def first_date(self) -> datetime.date:
        """The date of the earliest row."""
        return self.rows[0].date

    @property
    def last_date(self) -> datetime.date:
        """The date of the latest row."""
        return self.rows[-1].date

    @property
    def closing_balance(self) -> Decimal:
        """The balance after the latest row."""
        return self.rows[-1].balance

    @property
    def last_day_complete(self) -> bool:
        """Whether the statement was printed after its last row's day was over.

        Only then can no later row of that day be missing: a statement printed on the day of
        its last row (or one that does not say when it was printed) may have been exported
        before the day's last transactions.
        """
        return self.printed is not None and self.printed > self.last_date

    @property
    def last_day_opening(self) -> tuple[Row, Decimal]:
        """The first row of the last day, and the balance before it (the day's opening)."""
        first = next(row for row in self.rows if row.date == self.last_date)
        return first, first.balance - first.amount


def normalise_number(text: str) -> str:
    """An account number as compared: digits and letters only."""
    return "".join(ch for ch in text if ch.isalnum())


def _keys(cells: Sequence[str]) -> list[str]:
    keys = [header_key(cell) for cell in cells]
    while keys and not keys[-1]:
        keys.pop()
    return keys


def _row_is(keys: Sequence[str], printed: HeaderRow) -> bool:
    """Whether a row's cells (as compared, trailing empties dropped) are a printed header row."""
    if len(keys) > len(printed):
        return False
    return all(
        (keys[index] if index < len(keys) else "") in accepted
        for index, accepted in enumerate(printed)
    )


def _header_at(rows: Sequence[tuple[int, list[str]]], index: int, profile: Profile) -> bool:
    """Whether the profile's header (all its printed rows) starts at `rows[index]`."""
    printed = profile.header_rows
    if index + len(printed) > len(rows):
        return False
    return all(
        _row_is(_keys(rows[index + offset][1]), header_row)
        for offset, header_row in enumerate(printed)
    )


def find_header(table: Table, profile: Profile) -> int | None:
    """The index in `table.rows` of the profile's header row, None if the file has none."""
    for index in range(min(HEADER_WITHIN, len(table.rows))):
        if _header_at(table.rows, index, profile):
            return index
    return None


def match(path: str | Path, profile: Profile) -> tuple[Table, int] | None:
    """The reading of the file in which the profile finds its header, and the header's index."""
    for table in read_tables(path):
        index = find_header(table, profile)
        if index is not None:
            return table, index
    return None


def unknown_layout(path: str | Path, profiles: Sequence[Profile]) -> UnknownLayoutError:
    """The error for a file no profile reads: the columns seen and what each profile missed."""
    tables = read_tables(path)
    best: tuple[int, int, list[str]] | None = None
    for table in tables:
        for line, cells in table.rows[:HEADER_WITHIN]:
            keys = [key for key in _keys(cells) if key]
            overlap = max((len(set(keys) & set(p.keys)) for p in profiles), default=0)
            score = (overlap, len(keys))
            if best is None or score > best[:2]:
                best = (overlap, len(keys), [clean(cell) for cell in cells if clean(cell)])
                seen_line = line
    if best is None or not best[2]:
        return UnknownLayoutError(path, "import.no-header")
    seen = best[2]
    seen_keys = {header_key(name) for name in seen}
    tried = []
    for profile in profiles:
        if not seen_keys & set(profile.keys):
            tried.append(phrase("import.tried.nothing-in-common", id=profile.id, bank=profile.bank))
            continue
        missing = [
            name
            for name, key in zip(profile.header, profile.keys, strict=True)
            if key not in seen_keys
        ]
        extra = [name for name in seen if header_key(name) not in profile.keys]
        parts = []
        if missing:
            parts.append(phrase("import.tried.missing", columns=", ".join(missing)))
        if extra:
            parts.append(phrase("import.tried.unexpected", columns=", ".join(extra)))
        differs = parts or [phrase("import.tried.order")]
        tried.append(
            phrase("import.tried.differs", id=profile.id, bank=profile.bank, differs=differs)
        )
    seen = [name if len(name) <= 40 else name[:40] + "..." for name in seen]
    return UnknownLayoutError(
        path,
        "import.unknown-layout",
        row=seen_line,
        seen=", ".join(seen),
        tried=tried or phrase("import.tried.none"),
    )


class _RowReader:
    """Reads the cells of one row into a `Row`, with errors naming row and column."""

    def __init__(self, path: Path, profile: Profile) -> None:
        self.path = path
        self.profile = profile
        self.columns = profile.columns

    def text(self, cells: Sequence[str], field: str) -> str:
        index = self.columns.get(field)
        return cells[index] if index is not None else ""

    def fail(self, line: int, field: str, key: str, **fields: object) -> CellError:
        return CellError(self.path, key, row=line, column=self.profile.column_name(field), **fields)

    def unreadable(self, line: int, field: str, error: CellValueError) -> CellError:
        return self.fail(line, field, error.key, text=repr(error.text))

    def amount(self, cells: Sequence[str], line: int, field: str) -> Decimal | None:
        try:
            return parse_amount(self.text(cells, field))
        except CellValueError as error:
            raise self.unreadable(line, field, error) from None

    def row(self, line: int, cells: Sequence[str]) -> Row:
        columns = self.columns
        date_text = cells[columns["date"]]
        if not date_text:
            raise self.fail(line, "date", "import.cell.no-date")
        try:
            date, time = parse_date(date_text)
        except CellValueError as error:
            raise self.unreadable(line, "date", error) from None
        time_text = cells[columns["time"]] if "time" in columns else ""
        if time_text:
            try:
                time = parse_time(time_text)
            except CellValueError as error:
                raise self.unreadable(line, "time", error) from None
        amount, direction = self.signed_amount(cells, line)
        balance = self.amount(cells, line, "balance")
        if balance is None:
            raise self.fail(line, "balance", "import.cell.no-balance")
        get = self.text
        ref = get(cells, "ref")
        if ref and is_all_zeros(ref):
            ref = ""
        return Row(
            line,
            date,
            time,
            amount,
            direction,
            balance,
            ref,
            get(cells, "counterparty"),
            get(cells, "counterparty-account"),
            get(cells, "memo"),
            get(cells, "purpose"),
        )

    def check_currency(self, line: int, cells: Sequence[str]) -> None:
        text = self.text(cells, "currency")
        currency = CURRENCIES.get(header_key(text), header_key(text).upper())
        if currency != self.profile.currency:
            raise self.fail(
                line,
                "currency",
                "import.cell.currency",
                text=repr(text),
                currency=self.profile.currency,
            )

    def signed_amount(self, cells: Sequence[str], line: int) -> tuple[Decimal, str]:
        if "debit" in self.columns:
            debit = self.amount(cells, line, "debit") or Decimal(0)
            credit = self.amount(cells, line, "credit") or Decimal(0)
            if debit and credit:
                raise CellError(
                    self.path,
                    "import.cell.both-directions",
                    row=line,
                    column=self.profile.column_name("credit"),
                    debit_column=self.profile.column_name("debit"),
                    debit=debit,
                    credit_column=self.profile.column_name("credit"),
                    credit=credit,
                )
            if not debit and not credit:
                raise self.fail(line, "debit", "import.cell.no-amount-either")
            return (credit, RECEIPT) if credit else (-debit, PAYMENT)
        amount = self.amount(cells, line, "amount")
        if not amount:
            raise self.fail(line, "amount", "import.cell.no-amount")
        if "direction" not in self.columns:
            return amount, RECEIPT if amount > 0 else PAYMENT
        word = header_key(self.text(cells, "direction"))
        if word in self.profile.debit_words:
            return -amount, PAYMENT
        if word in self.profile.credit_words:
            return amount, RECEIPT
        words = sorted(self.profile.debit_words | self.profile.credit_words)
        raise self.fail(
            line,
            "direction",
            "import.cell.not-a-direction",
            word=repr(word),
            words=", ".join(words),
        )


def _joined(cells: Sequence[str]) -> str:
    return " ".join(text for text in (clean(cell) for cell in cells) if text)


def _account_number(profile: Profile, rows: Sequence[tuple[int, list[str]]]) -> str:
    if profile.account_pattern is None:
        return ""
    for _, cells in rows:
        found = profile.account_pattern.search(_joined(cells))
        if found:
            return normalise_number(found["number"])
    return ""


def _printed(profile: Profile, rows: Sequence[tuple[int, list[str]]]) -> datetime.date | None:
    """The day the statement says it was printed, None if it does not say (or not readably)."""
    if profile.printed_pattern is None:
        return None
    for _, cells in rows:
        found = profile.printed_pattern.search(_joined(cells))
        if found:
            try:
                return parse_date(found["date"].strip())[0]
            except CellValueError:
                return None  # not a date: the last day is then taken as maybe incomplete
    return None


def _page(cells: Sequence[str]) -> tuple[int, int] | None:
    """(page, pages) of a page line such as `第2页 共3页`, None for any other row."""
    found = _PAGE.fullmatch(header_key("".join(cells)).lower())
    if found is None:
        return None
    groups = found.groupdict()
    number = next(groups[f"n{i}"] for i in (1, 2, 3) if groups[f"n{i}"] is not None)
    total = next(groups[f"m{i}"] for i in (1, 2, 3) if groups[f"m{i}"] is not None)
    return int(number), int(total)


def _check_pages(path: Path, pages: Sequence[tuple[int, tuple[int, int]]]) -> None:
    """Page lines must number the pages in order without a gap: a lost page is refused.

    A page may be numbered at its top and its bottom (the same number twice in a row).
    """
    previous: tuple[int, int] | None = None
    for line, (number, total) in sorted(pages):
        if number > total or (
            previous is not None
            and (total != previous[1] or number not in (previous[0], previous[0] + 1))
        ):
            raise UnreadableStatementError(
                path, "import.page-missing", row=line, page=number, pages=total
            )
        previous = (number, total)


def peek_account_number(path: str | Path, profile: Profile) -> str:
    """The account number a statement shows, without reading its rows ("" if none is found)."""
    found = match(path, profile)
    if found is None:
        return ""
    table, header_index = found
    number = _account_number(profile, table.rows[:header_index])
    if not number and "account-number" in profile.columns:
        index = profile.columns["account-number"]
        for _, cells in table.rows[header_index + len(profile.header_rows) :]:
            if len(cells) > index and clean(cells[index]):
                return normalise_number(clean(cells[index]))
    return number


def parse_statement(path: str | Path, profile: Profile) -> Statement:
    """Read a statement with `profile`, rows oldest first, running balance checked.

    Raises:
        UnknownLayoutError: the profile's header is not in the file.
        StatementError: a row or cell is malformed, the file is truncated or has no rows, a
            page is missing, the running balance breaks.
    """
    path = Path(path)
    found = match(path, profile)
    if found is None:
        raise unknown_layout(path, [profile])
    table, header_index = found
    reader = _RowReader(path, profile)
    width = len(profile.keys)
    date_column = profile.columns["date"]
    header_height = len(profile.header_rows)
    heading = table.rows[:header_index]
    heading_keys = {tuple(keys) for keys in (_keys(cells) for _, cells in heading) if keys}
    body = table.rows[header_index + header_height :]
    # Where the header repeats (a print view's pages): footers before the last one end a page.
    last_repeat = -1
    for position in range(len(body) - 1, -1, -1):
        cells = body[position][1]
        date_cell = cells[date_column] if len(cells) > date_column else ""
        if not date_cell.strip()[:1].isdigit() and _header_at(body, position, profile):
            last_repeat = position
            break
    rows: list[Row] = []
    footer_seen = False
    numbers: set[str] = set()
    pages: list[tuple[int, tuple[int, int]]] = []
    furniture: list[tuple[int, list[str]]] = []  # skipped footers and what follows the rows
    skip_to = -1
    end = len(body)
    for position, (line, raw_cells) in enumerate(body):
        if position < skip_to:
            continue
        cells = [clean(cell) for cell in raw_cells]
        if not any(cells):
            continue
        date_text = cells[date_column] if len(cells) > date_column else ""
        first = next(cell for cell in cells if cell)
        # A data row starts with a date, and has one in its date column: only other rows can
        # be furniture, and only exactly furniture is skipped.
        if not (first[0].isdigit() and date_text[:1].isdigit()):
            page = _page(cells)
            if page is not None:
                pages.append((line, page))
                continue
            if position <= last_repeat and _header_at(body, position, profile):
                skip_to = position + header_height
                continue
            if tuple(_keys(cells)) in heading_keys:
                continue
            first = header_key(first)
            if (
                profile.footer
                and not first[:1].isdigit()
                and any(first.startswith(marker) for marker in profile.footer)
            ):
                if position < last_repeat:
                    furniture.append((line, raw_cells))
                    continue  # a page's footer: the rows go on below the repeated header
                footer_seen = True
                end = position
                break
        if len(cells) < width:
            if not any(any(clean(cell) for cell in later) for _, later in body[position + 1 :]):
                raise UnreadableStatementError(
                    path, "import.truncated-row", row=line, cells=len(cells), width=width
                )
            # A row further up without its trailing empty cells, as some exports write them.
            cells += [""] * (width - len(cells))
        if any(cells[width:]):
            raise StatementError(
                path, "import.row-too-wide", row=line, cells=len(cells), width=width
            )
        rows.append(reader.row(line, cells))
        if "currency" in profile.columns:
            reader.check_currency(line, cells)
        if "account-number" in profile.columns:
            numbers.add(normalise_number(reader.text(cells, "account-number")))
    if profile.footer and not footer_seen:
        last_line = body[-1][0] if body else table.rows[header_index][0]
        raise UnreadableStatementError(
            path, "import.no-footer", row=last_line, footer=", ".join(profile.footer)
        )
    after = body[end:]
    for line, cells in [*heading, *after]:
        page = _page([clean(cell) for cell in cells])
        if page is not None:
            pages.append((line, page))
    _check_pages(path, pages)
    if not rows:
        raise UnreadableStatementError(path, "import.no-rows")
    number = _account_number(profile, heading)
    if "account-number" in profile.columns:
        if len(numbers) > 1:
            raise AccountError(
                path,
                "import.several-accounts",
                column=profile.column_name("account-number"),
                numbers=", ".join(sorted(numbers)),
            )
        column_number = next(iter(numbers))
        if number and column_number and column_number != number:
            raise AccountError(
                path, "import.rows-account-differs", rows=column_number, heading=number
            )
        number = column_number or number
    printed = _printed(profile, [*heading, *furniture, *after])
    rows, repeats = _drop_repeats(path, profile, rows)
    rows, newest_first = _chronological(path, rows)
    _check_balances(path, profile, rows)
    return Statement(
        path,
        profile,
        table.kind,
        table.encoding,
        number,
        profile.currency,
        rows,
        newest_first,
        repeats,
        printed,
    )


def _drop_repeats(path: Path, profile: Profile, rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """Rows without a repeat, and the repeats: a row listed again with its bank reference.

    Some exports repeat a page's last row at the top of the next page. Only a row with a bank
    reference can be told to be a repeat: two rows without one are two transactions, even with
    equal amounts, and the running balance check decides whether the statement holds together.
    The same reference on rows with another date, amount or balance is refused: the references
    of this bank are then not unique, and finding duplicates by them would drop real rows.
    """
    seen: dict[str, Row] = {}
    kept, repeats = [], []
    for row in rows:
        if row.ref:
            earlier = seen.get(row.ref)
            if earlier is not None:
                if (earlier.date, earlier.amount, earlier.balance) != (
                    row.date,
                    row.amount,
                    row.balance,
                ):
                    raise StatementError(
                        path,
                        "import.ref-reused",
                        row=row.line,
                        column=profile.column_name("ref"),
                        ref=row.ref,
                        other=earlier.line,
                    )
                repeats.append(row)
                continue
            seen[row.ref] = row
        kept.append(row)
    return kept, repeats


def _chronological(path: Path, rows: list[Row]) -> tuple[list[Row], bool]:
    """The rows oldest first, and whether the statement listed them newest first."""
    dates = [row.date for row in rows]
    ascending = all(a <= b for a, b in itertools.pairwise(dates))
    descending = all(a >= b for a, b in itertools.pairwise(dates))
    if ascending and descending:  # a single day: the times tell, else the running balance
        times = [row.time for row in rows]
        if all(times) and len(set(times)) > 1:
            if all(a <= b for a, b in itertools.pairwise(times)):
                return rows, False
            if all(a >= b for a, b in itertools.pairwise(times)):
                return rows[::-1], True
        reverse = not _chain_holds(rows) and _chain_holds(rows[::-1])
        return (rows[::-1], True) if reverse else (rows, False)
    if ascending:
        return rows, False
    if descending:
        return rows[::-1], True
    later = dates[-1] >= dates[0]
    for previous, row in itertools.pairwise(rows):
        if (row.date < previous.date) if later else (row.date > previous.date):
            break
    raise StatementError(
        path,
        "import.out-of-order",
        row=row.line,
        date=row.date,
        previous_date=previous.date,
        previous=previous.line,
    )


def _chain_holds(rows: Sequence[Row]) -> bool:
    return all(
        previous.balance + row.amount == row.balance for previous, row in itertools.pairwise(rows)
    )


def _check_balances(path: Path, profile: Profile, rows: Sequence[Row]) -> None:
    for previous, row in itertools.pairwise(rows):
        expected = previous.balance + row.amount
        if expected != row.balance:
            raise BalanceBreakError(
                path,
                "import.balance-break",
                row=row.line,
                column=profile.column_name("balance"),
                balance=f"{row.balance:,.2f}",
                previous=previous.line,
                previous_balance=f"{previous.balance:,.2f}",
                amount=f"{row.amount:+,.2f}",
                expected=f"{expected:,.2f}",
            )
