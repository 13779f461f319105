"""A statement read with a profile: its account number and its rows, oldest first, checked.

Identification is strict: a profile reads a file only if one of the file's first rows is the
profile's header, cell for cell (compared without spaces and full-width forms, so `日 志 号` is
`日志号`). Rows are then read until a footer line (合计, 打印时间, ...), blank lines skipped.
Each row must give a date, an exact amount in exactly one direction and a running balance.

Rows come newest first or oldest first: the dates say which, and on a statement of a single day
the running balance does. Then every row's balance must be the previous balance plus its amount;
a break means the bank's export lost or merged a row, and the statement is refused naming it.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from importers.cells import (
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
)
from importers.profiles import CURRENCIES, Profile
from importers.tables import Table, read_tables

#: How many rows from the top of a file may come before the header.
HEADER_WITHIN = 40

RECEIPT = "receipt"
PAYMENT = "payment"


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
    currency: str
    rows: list[Row]
    """Oldest first."""
    newest_first: bool
    repeats: list[Row]
    """Rows the file lists twice (same bank reference, date, amount and balance)."""

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


def normalise_number(text: str) -> str:
    """An account number as compared: digits and letters only."""
    return "".join(ch for ch in text if ch.isalnum())


def _keys(cells: Sequence[str]) -> list[str]:
    keys = [header_key(cell) for cell in cells]
    while keys and not keys[-1]:
        keys.pop()
    return keys


def find_header(table: Table, profile: Profile) -> int | None:
    """The index in `table.rows` of the profile's header row, None if the file has none."""
    for index, (_, cells) in enumerate(table.rows[:HEADER_WITHIN]):
        if len(cells) >= len(profile.keys) and _keys(cells) == list(profile.keys):
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
        return UnknownLayoutError(path, "no header row found: is this a bank statement?")
    seen = best[2]
    seen_keys = {header_key(name) for name in seen}
    tried = []
    for profile in profiles:
        if not seen_keys & set(profile.keys):
            tried.append(f"{profile.id} ({profile.bank}: no column in common)")
            continue
        missing = [
            name
            for name, key in zip(profile.header, profile.keys, strict=True)
            if key not in seen_keys
        ]
        extra = [name for name in seen if header_key(name) not in profile.keys]
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if extra:
            parts.append("unexpected " + ", ".join(extra))
        differs = "; ".join(parts) or "columns in another order"
        tried.append(f"{profile.id} ({profile.bank}: {differs})")
    seen = [name if len(name) <= 40 else name[:40] + "..." for name in seen]
    return UnknownLayoutError(
        path,
        f"unknown statement layout. Columns seen: {', '.join(seen)}. "
        f"Profiles tried: {'; '.join(tried) or 'none'}. "
        "Add a profile for this bank under importers/profiles/ (see the README).",
        row=seen_line,
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

    def fail(self, line: int, field: str, message: str) -> CellError:
        return CellError(self.path, message, row=line, column=self.profile.column_name(field))

    def amount(self, cells: Sequence[str], line: int, field: str) -> Decimal | None:
        try:
            return parse_amount(self.text(cells, field))
        except ValueError as error:
            raise self.fail(
                line, field, f"{error}: write amounts as 1,080.00 or -1,080.00"
            ) from None

    def row(self, line: int, cells: Sequence[str]) -> Row:
        columns = self.columns
        date_text = cells[columns["date"]]
        if not date_text:
            raise self.fail(line, "date", "no date")
        try:
            date, time = parse_date(date_text)
        except ValueError as error:
            raise self.fail(line, "date", str(error)) from None
        time_text = cells[columns["time"]] if "time" in columns else ""
        if time_text:
            try:
                time = parse_time(time_text)
            except ValueError as error:
                raise self.fail(line, "time", str(error)) from None
        amount, direction = self.signed_amount(cells, line)
        balance = self.amount(cells, line, "balance")
        if balance is None:
            raise self.fail(line, "balance", "no balance: every row needs its running balance")
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
            raise self.fail(line, "currency", f"{text!r} is not {self.profile.currency}")

    def signed_amount(self, cells: Sequence[str], line: int) -> tuple[Decimal, str]:
        if "debit" in self.columns:
            debit = self.amount(cells, line, "debit") or Decimal(0)
            credit = self.amount(cells, line, "credit") or Decimal(0)
            if debit and credit:
                raise CellError(
                    self.path,
                    f"both {self.profile.column_name('debit')} ({debit}) and "
                    f"{self.profile.column_name('credit')} ({credit}) are filled: a row moves "
                    "money one way",
                    row=line,
                    column=self.profile.column_name("credit"),
                )
            if not debit and not credit:
                raise self.fail(line, "debit", "no amount in either direction")
            return (credit, RECEIPT) if credit else (-debit, PAYMENT)
        amount = self.amount(cells, line, "amount")
        if not amount:
            raise self.fail(line, "amount", "no amount")
        if "direction" not in self.columns:
            return amount, RECEIPT if amount > 0 else PAYMENT
        word = header_key(self.text(cells, "direction"))
        if word in self.profile.debit_words:
            return -amount, PAYMENT
        if word in self.profile.credit_words:
            return amount, RECEIPT
        words = sorted(self.profile.debit_words | self.profile.credit_words)
        raise self.fail(line, "direction", f"{word!r} is not a direction ({', '.join(words)})")


def _account_number(path: Path, profile: Profile, preamble: list[tuple[int, list[str]]]) -> str:
    if profile.account_pattern is None:
        return ""
    for _, cells in preamble:
        text = " ".join(clean(cell) for cell in cells if clean(cell))
        found = profile.account_pattern.search(text)
        if found:
            return normalise_number(found["number"])
    return ""


def peek_account_number(path: str | Path, profile: Profile) -> str:
    """The account number a statement shows, without reading its rows ("" if none is found)."""
    found = match(path, profile)
    if found is None:
        return ""
    table, header_index = found
    number = _account_number(Path(path), profile, table.rows[:header_index])
    if not number and "account-number" in profile.columns:
        index = profile.columns["account-number"]
        for _, cells in table.rows[header_index + 1 :]:
            if len(cells) > index and clean(cells[index]):
                return normalise_number(clean(cells[index]))
    return number


def parse_statement(path: str | Path, profile: Profile) -> Statement:
    """Read a statement with `profile`, rows oldest first, running balance checked.

    Raises:
        UnknownLayoutError: the profile's header is not in the file.
        StatementError: a row or cell is malformed, the file is truncated or has no rows, the
            running balance breaks, the account number is missing.
    """
    path = Path(path)
    found = match(path, profile)
    if found is None:
        raise unknown_layout(path, [profile])
    table, header_index = found
    reader = _RowReader(path, profile)
    width = len(profile.keys)
    rows: list[Row] = []
    body = table.rows[header_index + 1 :]
    footer_seen = False
    numbers: set[str] = set()
    for position, (line, raw_cells) in enumerate(body):
        cells = [clean(cell) for cell in raw_cells]
        if not any(cells):
            continue
        first = cells[0] or next(cell for cell in cells if cell)
        # A data row starts with its date: only other rows can be the footer.
        if profile.footer and not first[0].isdigit():
            first = header_key(first)
            if any(first.startswith(marker) for marker in profile.footer):
                footer_seen = True
                break
        if len(cells) < width:
            if not any(any(clean(cell) for cell in later) for _, later in body[position + 1 :]):
                raise UnreadableStatementError(
                    path,
                    f"the last row has {len(cells)} of the {width} columns: the file looks "
                    "truncated, download the statement again",
                    row=line,
                )
            # A row further up without its trailing empty cells, as some exports write them.
            cells += [""] * (width - len(cells))
        if any(cells[width:]):
            raise StatementError(
                path, f"the row has {len(cells)} cells, the header only {width}", row=line
            )
        rows.append(reader.row(line, cells))
        if "currency" in profile.columns:
            reader.check_currency(line, cells)
        if "account-number" in profile.columns:
            numbers.add(normalise_number(reader.text(cells, "account-number")))
    if profile.footer and not footer_seen:
        last_line = body[-1][0] if body else table.rows[header_index][0]
        raise UnreadableStatementError(
            path,
            f"the statement ends without its footer ({', '.join(profile.footer)}): the file looks "
            "truncated, download the statement again",
            row=last_line,
        )
    if not rows:
        raise UnreadableStatementError(path, "has no transaction rows: nothing to import")
    number = _account_number(path, profile, table.rows[:header_index])
    if "account-number" in profile.columns:
        if len(numbers) > 1:
            raise AccountError(
                path,
                f"rows name several accounts ({', '.join(sorted(numbers))}): export one account",
                column=profile.column_name("account-number"),
            )
        column_number = next(iter(numbers))
        if number and column_number != number:
            raise AccountError(
                path, f"the rows' account {column_number} is not the heading's {number}"
            )
        number = column_number
    if not number:
        raise AccountError(path, "the statement shows no account number in its heading")
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
                        f"bank reference {row.ref} is also row {earlier.line}'s, with another "
                        "date, amount or balance: references must identify one transaction",
                        row=row.line,
                        column=profile.column_name("ref"),
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
        f"rows are neither oldest first nor newest first (dated {row.date} after "
        f"{previous.date} of row {previous.line})",
        row=row.line,
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
                f"the balance {row.balance:,.2f} does not follow from the previous row's "
                f"(row {previous.line}: {previous.balance:,.2f} {row.amount:+,.2f} = "
                f"{expected:,.2f}): a row is missing or merged, download the statement again",
                row=row.line,
                column=profile.column_name("balance"),
            )
