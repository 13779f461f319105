"""Load a ledger for the command line and the reports: uncached, with its grant ledger.

Beancount's pickle cache does not notice changes to plugin code, so it is never used here. The
grant rules apply whether or not the ledger names `plugin "ledger.grant"`, and the grant
analysis runs once per load (`ledger.grant_ledger.grant_ledger_of_load`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from beancount import loader
from beancount.core import data

from ledger.errors import GrantError
from ledger.grant_ledger import GrantLedger, grant_ledger_of_load


class UnreadableLedgerError(Exception):
    """The ledger's main file cannot be read at all."""

    def __init__(self, message: str, path: Path, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


class LoadedLedger(NamedTuple):
    """A loaded ledger: its entries, options, Beancount's own errors, and its grant ledger."""

    path: Path
    entries: list[data.Directive]
    options_map: dict[str, Any]
    beancount_errors: list[Any]
    """The loader's errors that are not grant findings (parse, booking, balance)."""
    grant: GrantLedger
    findings: list[GrantError]
    """The grant's findings, and the plugin line's own (a configuration it does not take)."""

    @property
    def files(self) -> list[str]:
        """Every file the books are made of: the ledger's (its `include`s too), its registers."""
        return self.grant.book_files


def check_readable(path: Path) -> None:
    """Raise `UnreadableLedgerError` unless `path` is a readable UTF-8 text file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableLedgerError(f"{path}: cannot be read ({error.strerror})", path) from error
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UnreadableLedgerError(
            f"{path}:{line}: not UTF-8 text (byte {error.start}): save the ledger as UTF-8",
            path,
            line,
        ) from error


def load_ledger(path: str | Path) -> LoadedLedger:
    """Load the ledger at `path` without Beancount's cache, with its grant ledger.

    Args:
        path: the ledger's main file.

    Returns:
        The loaded ledger.

    Raises:
        UnreadableLedgerError: the main file does not exist, cannot be read or is not UTF-8.
    """
    path = Path(path).resolve()
    check_readable(path)
    # loader._load is what Fava itself uses to load without the pickle cache.
    entries, errors, options_map = loader._load([(str(path), True)], None, None, None)
    return loaded_ledger(path, entries, errors, options_map)


def loaded_ledger(
    path: Path, entries: list[data.Directive], errors: list[Any], options_map: dict[str, Any]
) -> LoadedLedger:
    """The grant's view of what Beancount's loader returned for the ledger at `path`.

    Fava loads a ledger the same way, so its grant page and its importers take the grant
    ledger of Fava's own load with this instead of loading the files a second time.

    Args:
        path: the ledger's main file, resolved.
        entries: the loaded directives (after the ledger's plugins).
        errors: the loader's errors (the grant rules' too when the ledger names the plugin).
        options_map: the ledger's options, holding the load's grant ledger.

    Returns:
        The loaded ledger, with the grant's findings whether or not it names the plugin.
    """
    grant = grant_ledger_of_load(entries, options_map)
    beancount_errors = [error for error in errors if not isinstance(error, GrantError)]
    findings = grant.findings
    known = {id(finding) for finding in findings}
    extra = [e for e in errors if isinstance(e, GrantError) and id(e) not in known]
    if extra:
        findings = [*findings, *extra]
    return LoadedLedger(path, entries, options_map, beancount_errors, grant, findings)
