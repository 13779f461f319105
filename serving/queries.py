"""Which query shell commands Fava may run for a request: those that only read.

Fava runs the text of its query page, of a query download and of a ledger's `query` entry run by
name through beanquery's shell, whose dot-commands are meant for a person at a terminal:
`.output FILE` truncates FILE and sends later output into it (the ledger itself, if asked);
`.set`, `.format`, `.clear` and `.reload` change the shell that every later request of every
user goes through; `.errors`, `.parse` and `.history` print on the server's console. Only the
commands below read and answer; every other one is refused, on read-only and writable instances
alike. A SELECT, BALANCES, JOURNAL or PRINT statement is a query and always runs. A `run NAME`
runs a ledger `query` entry's text through the shell: it is refused while any `query` entry of
the ledger holds a command that does more than read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence

from reports.render.as_csv import neutralised

#: Shell commands that only read: beanquery's help, table listings and query plans, and `run`
#: of a named query, whose own text is judged too.
READING_COMMANDS = frozenset(
    {"help", "describe", "tables", "explain", "run", "exit", "quit", "EOF"}
)

#: Commands beanquery's shell still runs without their dot (`onecmd`); any other word without a
#: dot starts a query statement.
UNDOTTED_COMMANDS = frozenset(
    {"clear", "errors", "exit", "help", "history", "parse", "quit", "run", "set"}
)

Parseline = Callable[[str], tuple[str | None, str | None, str]]
"""The shell's own `parseline`: a command line split into (command, argument, line)."""


def shell_command(text: str, parseline: Parseline) -> str | None:
    """The shell command that `text` runs, as beanquery's shell dispatches it.

    Args:
        text: a query text as a request or a `query` entry gives it.
        parseline: the shell's own line splitter, so the judgement reads the line as it does.

    Returns:
        The command's name without its dot (`output`), or None for a query statement or
        nothing at all.
    """
    command, _, line = parseline(text)
    if not command:
        return None
    if not line.startswith("."):
        command = command.lower()
        if command not in UNDOTTED_COMMANDS:
            return None
    return command


def is_run(text: str) -> bool:
    """Whether `text` runs a ledger `query` entry by name, as Fava's query download reads it."""
    return text.strip().startswith((".run", "run"))


def refused_command(
    text: str, parseline: Parseline, queries: Sequence[tuple[str, str]]
) -> str | None:
    """The command that `text` would run and that does more than read; None when all reads.

    A `run NAME` is refused while any `query` entry of the ledger holds a command that does more
    than read, whatever name it has: Fava's query download runs the first entry of a name
    through the shell, its query page another one, and the two read a name each their own way.

    Args:
        text: a query text as a request gives it.
        parseline: the shell's own line splitter.
        queries: the ledger's `query` entries, as (name, query text), in ledger order: a
            download of `run NAME` runs such a text through the shell too.

    Returns:
        The refused command's name (`output`), or None.
    """
    command = shell_command(text, parseline)
    if command is not None and command not in READING_COMMANDS:
        return command
    if not is_run(text):
        return None
    for _, query in queries:
        # A query entry's text is run as it is: a `run` in it only lists or names queries.
        command = shell_command(query, parseline)
        if command is not None and command not in READING_COMMANDS:
            return command
    return None


#: A number as Fava's query download writes one (`-1000.0`, `3`, `1e-05`): it stays a number.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralised_csv(content: bytes) -> bytes:
    """Fava's query download as CSV, its formulas neutralised; numbers stay numbers.

    Each text cell a spreadsheet would run as a formula gets a leading `'`, as in the reports'
    CSV (`'=HYPERLINK(…)`). A query shows whatever the books hold (a payee or narration from a
    bank row, that is from outsiders), and a download is a link anyone can make for an
    accountant to follow.
    """
    text = content.decode("utf-8")
    out = io.StringIO()
    writer = csv.writer(out)
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([cell if _NUMBER.fullmatch(cell) else neutralised(cell) for cell in row])
    return out.getvalue().encode("utf-8")
