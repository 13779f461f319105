"""Everything the rules read, computed once per ledger load."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from beancount.core import data

from ledger.activity import Activity, scan
from ledger.books import YearBooks, calculate_books
from ledger.directives import parse_grant_config
from ledger.errors import GrantError
from ledger.messages import Messages
from ledger.model import GrantConfig, Year

Check = Callable[["GrantAnalysis"], list[GrantError]]
"""A rule: reads the analysis, returns its findings."""

Plugin = Callable[..., tuple[list[data.Directive], list[Any]]]


class GrantAnalysis(NamedTuple):
    """A ledger's grant configuration, activity and yearly books, and its options."""

    entries: Sequence[data.Directive]
    options_map: dict[str, Any]
    config: GrantConfig
    activity: Activity
    books: dict[Year, YearBooks]
    messages: Messages


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of the block.

    The analysis allocates an object or two per transaction and none of them form cycles; with
    the collector on, each allocation burst triggers full traversals of the ledger's millions of
    objects, which tripled the plugin's time on a 100,000-transaction ledger.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyse(
    entries: Sequence[data.Directive], options_map: dict[str, Any]
) -> tuple[GrantAnalysis, list[GrantError]]:
    """Parse the grant directives, scan the transactions and compute the books.

    Args:
        entries: the ledger's directives, sorted by date.
        options_map: the ledger's options.

    Returns:
        The analysis, and the `config` errors found on the way.
    """
    config, errors = parse_grant_config(entries)
    activity = scan(entries, config)
    errors.extend(activity.errors)
    books = calculate_books(config, activity)
    return GrantAnalysis(
        entries, options_map, config, activity, books, Messages(config.language)
    ), errors


def plugin_of(check: Check) -> Plugin:
    """A Beancount plugin that runs the single rule `check`, for ledgers that want only it."""

    def plugin(
        entries: list[data.Directive], options_map: dict[str, Any], config: str | None = None
    ) -> tuple[list[data.Directive], list[Any]]:
        analysis, errors = analyse(entries, options_map)
        if not analysis.config.is_grant_ledger:
            return entries, []
        return entries, [*errors, *check(analysis)]

    plugin.__doc__ = check.__doc__
    return plugin
