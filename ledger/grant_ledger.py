"""The grant ledger of one load: every figure, judgement and finding, computed once.

bean-check, Fava's Errors page, `mch-ledger validate`, `close`, every report, the Fava grant
page and the statement importer all read the one `GrantLedger` of a load, so they cannot tell
different stories about the same books:

    entries ──► GrantLedger: config (the grant-* directives), activity (one pass over the
                transactions), books (per fiscal year), documents (the copies on file),
                vouchers (the voucher register), assets (cards and purchases), findings
                (every rule's), memo (views)

How it is shared. The plugin `ledger.grant` builds it from the entries as they end up (the
entries it is given, after the plugins the ledger names after it: `ledger.later_plugins`) and
keeps it in the options map, the one dict Beancount hands on from the plugins to the loader's
caller (Fava keeps it as `ledger.options`). A front end calls `grant_ledger_of_load` after the
loader: it takes the plugin's, or builds one from the final entries for a ledger that does not
name the plugin, and keeps it there for the next front end of the same load. Beancount's `pad`
runs after the plugins: the padding it makes is left out of the activity and a `pad` on a grant
account is a `config` finding, so both ways see the same grant postings and give the same
findings, wherever the plugin line stands.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any, TypeVar

from beancount.core import data

from ledger.activity import Activity, scan
from ledger.assets.analysis import AssetAnalysis
from ledger.beneficiaries.analysis import BeneficiaryAnalysis, analyse
from ledger.books import YearBooks, calculate_books
from ledger.describe import with_entries_in_words
from ledger.directives import parse_grant_config
from ledger.documents import DocumentFinder
from ledger.errors import GrantError
from ledger.i18n import Catalogue
from ledger.later_plugins import entries_as_they_end_up
from ledger.model import GrantConfig, Year
from ledger.performance.evaluation import Performance
from ledger.performance.model import PerformanceConfig
from ledger.performance.targets import parse_targets
from ledger.vouchers import VoucherRegister

SLOT = "mch-ledger.grant-ledger"
"""The options map's key under which a load keeps its grant ledger."""

UTF8_BOM = b"\xef\xbb\xbf"

T = TypeVar("T")


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


def _dropped() -> None:
    """What a pickled grant ledger becomes: nothing (see `GrantLedger.__reduce__`)."""
    return None


class GrantLedger:
    """The grant's configuration, activity, books, copies, voucher register and findings.

    Args:
        entries: the ledger's directives, sorted by date.
        options_map: the ledger's options.
        activity: the scan of `entries`' transactions when it is already made (see
            `with_directive`); by default they are scanned.
    """

    def __init__(
        self,
        entries: Sequence[data.Directive],
        options_map: Mapping[str, Any],
        *,
        activity: Activity | None = None,
    ) -> None:
        config, errors = parse_grant_config(entries)
        if config.bare:
            entries, errors = with_values(entries, config.bare, errors)
        #: The entries the rules judge, and the plugin returns: the ledger's, each `grant-*` or
        #: `import-*` directive written without values given an empty list of them.
        self.entries = entries
        # A copy without the grant ledger itself: the options map keeps the grant ledger, and
        # a reference back would make the two a cycle that only the collector frees, keeping a
        # whole load alive after its last use (and slowing every load after it).
        self.options_map: Mapping[str, Any] = MappingProxyType(
            {key: value for key, value in options_map.items() if key != SLOT}
        )
        self.config: GrantConfig = config
        self.messages = Catalogue(config.language)
        self.activity: Activity = scan(entries, config) if activity is None else activity
        #: The `config` errors of the directives and of the transactions (named in words).
        self.config_errors: list[GrantError] = [
            *errors,
            *with_entries_in_words(self.activity.errors, self.messages),
        ]
        self.books: dict[Year, YearBooks] = calculate_books(config, self.activity)
        #: The performance targets, actuals and scoring (`grant-target` …), parsed once.
        self.targets: PerformanceConfig
        self.targets, target_errors = parse_targets(
            entries, config, self.activity, self.books, lambda: self.documents
        )
        self.config_errors.extend(with_entries_in_words(target_errors, self.messages))
        if config.assets or config.procurement:
            # The asset registers and the keys naming cards (`ledger.assets`), read once.
            self.config_errors.extend(
                with_entries_in_words(self.assets.config_errors, self.messages)
            )
        self._memo: dict[Hashable, Any] = {}
        self._memo_lock = threading.RLock()
        # The findings the load's plugins have returned (by identity): each is returned once.
        self._returned: set[int] = set()
        # A beneficiary register or roster that does not read is a config finding, as a
        # malformed directive is (nothing to do for a ledger without `grant-beneficiaries`).
        beneficiary_errors = self.beneficiaries.errors("config", self.messages, config.currency)
        self.config_errors.extend(with_entries_in_words(beneficiary_errors, self.messages))

    def __repr__(self) -> str:
        # Fava's options page prints every option: keep this short and free of the books.
        years = f"{min(self.books)}–{max(self.books)}" if self.books else "no years"
        return f"<GrantLedger {years}, {len(self.activity.flows)} grant transactions>"

    def __reduce__(self) -> tuple[Callable[[], None], tuple[()]]:
        # Beancount's pickle cache stores the options map: a ledger loaded from the cache gets
        # its grant ledger built afresh by the front end, never one of older code.
        return _dropped, ()

    def returned(self, entries: list[data.Directive]) -> list[data.Directive]:
        """The entries a plugin returns: those it was given, bare directives given values.

        A plugin returns what it was given, not `self.entries`: those may be the entries after
        the plugins the ledger names later (`ledger.later_plugins`), which Beancount runs next.
        Only a `grant-*` or `import-*` directive written without values changes: it gets an
        empty list of them (`with_values`), so that Beancount's `pad` and Fava do not fail on it.
        """
        if not self.config.bare:
            return entries
        bare = {
            (entry.meta.get("filename"), entry.meta.get("lineno")) for entry in self.config.bare
        }
        return [
            entry._replace(values=[])
            if isinstance(entry, data.Custom)
            and entry.values is None
            and (entry.meta.get("filename"), entry.meta.get("lineno")) in bare
            else entry
            for entry in entries
        ]

    def with_directive(self, directive: data.Directive) -> GrantLedger:
        """The grant ledger of these books with one more directive that is no transaction.

        `mch-ledger close` asks what the books will be once closed (the close's own findings,
        such as a county match short at the close, and its figures) before it writes anything.
        A directive that is no transaction changes no posting, so the new grant ledger reuses
        this one's scan of the transactions: the books, the rules and the registers are worked
        out again for the new directives, the transactions are not read again.

        Raises:
            ValueError: `directive` is a transaction.
        """
        if isinstance(directive, data.Transaction):
            raise ValueError("a transaction changes the grant's activity: load the books again")
        entries = list(self.entries)
        bisect.insort(entries, directive, key=data.entry_sortkey)
        return GrantLedger(entries, self.options_map, activity=self.activity)

    @property
    def is_grant_ledger(self) -> bool:
        """Whether the ledger declares a grant at all."""
        return self.config.is_grant_ledger

    @property
    def book_files(self) -> list[str]:
        """Every file the books are made of: the ledger's files and the registers it names."""
        files = list(self.options_map.get("include", []))
        # A beneficiary register outside the books is never read, not even for its digest.
        unread = {self.config.beneficiaries.path} if self.beneficiaries.register_outside else set()
        files.extend(p for p in self.config.register_files if p not in files and p not in unread)
        files.extend(path for path in self.beneficiaries.rosters if path not in files)
        return files

    @cached_property
    def beneficiaries(self) -> BeneficiaryAnalysis:
        """Who the relief payments went to, judged once (`grant-beneficiaries`)."""
        return analyse(self.config, self.activity, self.entries, self.options_map)

    @cached_property
    def documents(self) -> DocumentFinder:
        """Finds the ledger's voucher copies."""
        return DocumentFinder.of_ledger(self.entries, self.options_map)

    @property
    def performance(self) -> Performance:
        """The self-evaluation of each fiscal year (绩效自评), worked out once, on first use.

        A view made on each call (its evaluations are kept in `memo`): kept here, it would
        hold the grant ledger that holds it, a cycle only the collector frees.
        """
        return Performance(self)

    @cached_property
    def vouchers(self) -> VoucherRegister:
        """The voucher register: numbers, gaps, duplicates and copies, judged once."""
        return VoucherRegister(
            self.activity.flows,
            self.activity.vouchers,
            self.documents,
            self.config.voucher_period,
            self.activity.unnumbered,
        )

    @cached_property
    def assets(self) -> AssetAnalysis:
        """The asset registers, the cards each payment names, the purchases: judged once."""
        return AssetAnalysis(self.config, self.activity.flows, self.documents.on_file)

    @cached_property
    def findings(self) -> list[GrantError]:
        """Every finding of the grant rules: config errors and a BOM first, then each rule's."""
        # Imported here: the rules read this module's GrantLedger.
        from ledger.rules import run_rules

        findings = [*self.config_errors, *self._bom_errors()]
        if self.is_grant_ledger:
            findings.extend(run_rules(self))
        return findings

    def _bom_errors(self) -> list[GrantError]:
        """A BOM makes Beancount drop a file's first directive without a word: say so."""
        errors = []
        for filename in self.options_map.get("include", []):
            try:
                with open(filename, "rb") as file:
                    head = file.read(len(UTF8_BOM))
            except OSError:
                continue
            if head == UTF8_BOM:
                meta = data.new_metadata(filename, 1)
                message = self.messages.finding("config", "bom", file=filename)
                errors.append(GrantError(meta, message, None, "config"))
        return errors

    def not_yet_returned(self, findings: Iterable[GrantError]) -> list[GrantError]:
        """The findings no plugin of this load has returned yet; from now on they have been.

        A ledger may name `ledger.grant` twice, or several single-rule plugins that each check
        the directives: Beancount lists what each plugin line returns, so a finding returned by
        two lines would show twice in bean-check and on Fava's Errors page. The findings are
        made once per load (the same objects for every plugin), so each is returned once.
        """
        returned = self._returned
        fresh = [finding for finding in findings if id(finding) not in returned]
        returned.update(map(id, fresh))
        return fresh

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """A view derived from this load (a report, a page's figures), made once per load.

        The one cache of the product: it lives and dies with the load, so nothing derived
        from the books outlives them.
        """
        with self._memo_lock:
            if key not in self._memo:
                self._memo[key] = make()
            return self._memo[key]


def with_values(
    entries: Sequence[data.Directive], bare: Sequence[data.Custom], errors: list[GrantError]
) -> tuple[list[data.Directive], list[GrantError]]:
    """`entries` with each directive of `bare` given an empty list of values instead of None.

    `custom "grant-budget"` with nothing after it has None for values, on which Beancount's
    `pad` and Fava's views of accounts fail (Fava would not start): the plugin returns it with
    no values, and its `config` finding (among `errors`, made to point at it) says what to
    write.
    """
    fixed = {id(entry): entry._replace(values=[]) for entry in bare}
    found = [fixed.get(id(entry), entry) for entry in entries]
    pointed = [
        error._replace(entry=fixed[id(error.entry)]) if id(error.entry) in fixed else error
        for error in errors
    ]
    return found, pointed


def grant_ledger(entries: Sequence[data.Directive], options_map: dict[str, Any]) -> GrantLedger:
    """The grant ledger of the load a plugin runs in, built from the entries as they end up.

    The plugin `ledger.grant` and the single-rule plugins (`ledger.rules.*`) call this. The
    first of them to run builds it, from `entries` after the plugins the ledger names after it
    (`ledger.later_plugins`), and keeps it in the options map, a new dict for each load; the
    next ones of the same load take that one, whatever entries they are given.
    """
    found = options_map.get(SLOT)
    if isinstance(found, GrantLedger):
        return found
    with gc_paused():
        built = GrantLedger(entries_as_they_end_up(entries, options_map), options_map)
    options_map[SLOT] = built
    return built


def grant_ledger_of_load(
    entries: Sequence[data.Directive], options_map: dict[str, Any]
) -> GrantLedger:
    """The grant ledger of a finished load, for a front end (validate, reports, Fava, import).

    Args:
        entries: the loader's final entries.
        options_map: the loader's options map.

    Returns:
        The grant ledger the plugin built during the load; for a ledger that names no grant
        plugin (or was loaded from Beancount's cache), one built now from `entries`. Either
        way it is kept in the options map, so a load is analysed once.
    """
    found = options_map.get(SLOT)
    if isinstance(found, GrantLedger):
        return found
    with gc_paused():
        built = GrantLedger(entries, options_map)
    options_map[SLOT] = built
    return built
