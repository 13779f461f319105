"""Which query shell commands Fava may run for a request: those that only read.

Fava runs the text of its query page, of a query download and of a ledger's `query` entry run by
name through beanquery's shell, whose dot-commands are meant for a person at a terminal:
`.output FILE` truncates FILE and sends later output into it (the ledger itself, if asked);
`.set`, `.format`, `.clear` and `.reload` change the shell that every later request of every
user goes through; `.errors`, `.parse` and `.history` print on the server's console. Only the
commands below read and answer; every other one is refused, on read-only and writable instances
alike. A SELECT, BALANCES, JOURNAL or PRINT statement is a query and always runs.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping

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


def named_query(text: str) -> str | None:
    """The name a `run NAME` (or `.run NAME`) text runs, as Fava's query download reads it."""
    stripped = text.strip()
    if not stripped.startswith((".run", "run")):
        return None
    try:
        words = shlex.split(stripped)
    except ValueError:
        return None
    return words[1] if len(words) > 1 else None


def refused_command(
    text: str, parseline: Parseline, queries: Mapping[str, str], depth: int = 0
) -> str | None:
    """The command that `text` would run and that does more than read; None when all reads.

    Args:
        text: a query text as a request gives it.
        parseline: the shell's own line splitter.
        queries: the ledger's `query` entries, name to query text: a download of `run NAME`
            runs that text through the shell too.
        depth: how many names have been followed to get here.

    Returns:
        The refused command's name (`output`), or None.
    """
    command = shell_command(text, parseline)
    if command is not None and command not in READING_COMMANDS:
        return command
    name = named_query(text)
    if name is not None and name in queries and depth < len(queries):
        return refused_command(queries[name], parseline, queries, depth + 1)
    return None
