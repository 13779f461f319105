"""Parse the ledger's `grant-*` directives into a `GrantConfig`.

Like Fava's `parse_budgets`, a malformed directive becomes an error pointing at it and parsing
goes on, so one typo does not hide every other finding.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from beancount.core import account as account_lib
from beancount.core import data
from beancount.parser.grammar import ValueType

from ledger.beneficiaries.settings import BASES, AgeRange, BeneficiarySetup, Standard
from ledger.errors import GrantError
from ledger.i18n import Catalogue, language_of
from ledger.model import (
    DEFAULT_CLOSE_MARGIN,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_AMOUNT,
    MAX_CARRY_YEARS,
    MAX_CLOSE_MARGIN,
    MAX_PROCUREMENT_WINDOW,
    MAX_RATIO,
    AssetThreshold,
    CarryForward,
    Close,
    DatedAmount,
    GrantConfig,
    Labelled,
    Match,
    ProcurementThreshold,
)
from ledger.profile_folders import folder_problems
from ledger.roles import AccountRoles, Role
from ledger.vouchers import PERIODS, YEAR_PERIOD

ACCOUNT_TYPE = account_lib.TYPE

#: What each directive takes, for messages: its values in order.
SIGNATURES: dict[str, str] = {
    "grant-account": 'ACCOUNT "LABEL"',
    "grant-category": 'ACCOUNT "LABEL"',
    "grant-budget": "ACCOUNT AMOUNT",
    "grant-carryforward": "ACCOUNT [YEARS]",
    "grant-source": 'ACCOUNT AMOUNT ["LABEL"]',
    "grant-match": "ACCOUNT BASE-ACCOUNT RATIO",
    "grant-allowed": 'ACCOUNT ["LABEL"]',
    "grant-return": 'ACCOUNT ["LABEL"]',
    "grant-close": "YEAR",
    "import-holding": 'ACCOUNT ["LABEL"]',
    "import-profiles": '"FOLDER"',
    "grant-voucher-period": '"year" | "month"',
    "grant-close-margin": "DAYS",
    "grant-assets": 'ACCOUNT THRESHOLD "REGISTER"',
    "grant-procurement": "ACCOUNT THRESHOLD DAYS",
    "grant-beneficiaries": 'ACCOUNT "REGISTER-FILE"',
    "grant-standard": 'ACCOUNT AMOUNT "per-visit" | "per-pregnancy" | "per-year"',
    "grant-beneficiary-ages": "LOWEST HIGHEST",
}

#: Directive types read elsewhere: the statement importer's rules (`importers.rules`) and the
#: performance targets (`ledger.performance.targets`). With `SIGNATURES`, every `grant-*` and
#: `import-*` type there is: any other is a misspelling, reported.
OTHER_TYPES: frozenset[str] = frozenset(
    {"import-rule", "grant-target", "grant-actual", "grant-scoring", "grant-project"}
)
KNOWN_PREFIXES = ("grant-", "import-")

#: Metadata a `grant-close` records besides its figures.
SEAL_KEY = "seal"
SEAL_FILE_KEY = "seal-file"

_META_KEYS = frozenset({"filename", "lineno"})


class _Parser:
    """Collects directives and config errors; one instance per ledger load."""

    def __init__(self, opened: set[str], messages: Catalogue) -> None:
        self.opened = opened
        self.msg = messages
        self.errors: list[GrantError] = []
        self.dedicated: dict[str, Labelled] = {}
        self.categories: dict[str, Labelled] = {}
        self.budgets: dict[str, list[DatedAmount]] = defaultdict(list)
        self.carryforwards: dict[str, list[CarryForward]] = defaultdict(list)
        self.sources: dict[str, list[DatedAmount]] = defaultdict(list)
        self.matches: list[Match] = []
        self.allowed: dict[str, Labelled] = {}
        self.returns: dict[str, Labelled] = {}
        self.holding: dict[str, Labelled] = {}
        self.closes: dict[int, Close] = {}
        self.currencies: dict[str, data.Custom] = {}
        self.labels: dict[str, str] = {}
        self.voucher_period: data.Custom | None = None
        self.close_margin: data.Custom | None = None
        self.declared: dict[tuple[str, str], data.Custom] = {}
        self.profile_folders: list[data.Custom] = []
        self.assets: dict[str, list[AssetThreshold]] = defaultdict(list)
        self.procurement: dict[str, list[ProcurementThreshold]] = defaultdict(list)
        self.register_files: list[str] = []
        self.beneficiaries: BeneficiarySetup | None = None
        self.beneficiaries_named = False
        self.standards: list[Standard] = []
        self.ages: list[AgeRange] = []
        self.bare: list[data.Custom] = []

    def error(self, entry: data.Custom, key: str, **fields: Any) -> None:
        self.errors.append(
            GrantError(entry.meta, self.msg.finding("config", key, **fields), entry, "config")
        )

    def wrong_values(self, entry: data.Custom) -> None:
        self.error(entry, "wrong-values", type=entry.type, signature=SIGNATURES[entry.type])

    def account(self, entry: data.Custom, value: ValueType) -> str | None:
        """The account in `value`, if it is one that the ledger opens."""
        if value.dtype != ACCOUNT_TYPE:
            return None
        name = value.value
        if name not in self.opened and not any(
            opened.startswith(name + ":") for opened in self.opened
        ):
            self.error(entry, "unopened-account", account=name, type=entry.type)
            return None
        return name

    def amount(self, entry: data.Custom, value: ValueType) -> data.Amount | None:
        if not isinstance(value.value, data.Amount) or not isinstance(value.value.number, Decimal):
            return None
        number = value.value.number
        if not number.is_finite() or abs(number) >= MAX_AMOUNT:
            self.error(
                entry, "amount-too-large", type=entry.type, amount=value.value, limit=MAX_AMOUNT
            )
            return None
        if number < 0:
            self.error(entry, "negative-amount", type=entry.type, amount=value.value)
            return None
        self.currencies.setdefault(value.value.currency, entry)
        return value.value

    def parse(self, entry: data.Custom) -> None:
        handler = self.HANDLERS.get(entry.type)
        ours = handler is not None or _normal_type(entry.type).startswith(KNOWN_PREFIXES)
        values = entry.values
        if values is None and ours:
            # `custom "grant-budget"` with nothing after it: Beancount gives None for values.
            self.bare.append(entry)
            values = []
        if handler is not None:
            handler(self, entry, values)
        elif ours and entry.type not in OTHER_TYPES:
            self.unknown_type(entry)

    def unknown_type(self, entry: data.Custom) -> None:
        """A `grant-*` or `import-*` type no one reads: a misspelling, or it would do nothing.

        Types are compared as Beancount does, exactly: `Grant-Budget` and `grant_budget` are
        misspellings of `grant-budget`, which is guessed.
        """
        known = sorted({*self.HANDLERS, *OTHER_TYPES})
        close = difflib.get_close_matches(_normal_type(entry.type), known, n=1, cutoff=0.7)
        guess = self.msg.word("did-you-mean", type=close[0]) if close else ""
        self.error(entry, "unknown-directive", type=entry.type, known=", ".join(known), guess=guess)

    def once_per_account(self, entry: data.Custom, account: str) -> bool:
        """Whether this is the first directive of its type naming `account` (else a finding)."""
        key = (entry.type, account)
        first = self.declared.get(key)
        if first is None:
            self.declared[key] = entry
            return True
        self.duplicate(entry, first, f"{entry.type} {account}")
        return False

    def duplicate(self, entry: data.Custom, first: data.Directive, what: str = "") -> None:
        """A `config` error: `entry` sets again what `first` set already."""
        where = f"{first.meta['filename']}:{first.meta['lineno']}"
        self.error(entry, "duplicate-directive", type=what or entry.type, where=where)

    def labelled(self, entry: data.Custom, values: Sequence[ValueType]) -> Labelled | None:
        if not 1 <= len(values) <= 2 or (len(values) == 2 and values[1].dtype is not str):
            self.wrong_values(entry)
            return None
        account = self.account(entry, values[0])
        if account is None:
            if values[0].dtype != ACCOUNT_TYPE:
                self.wrong_values(entry)
            return None
        label = values[1].value if len(values) == 2 else ""
        if label:
            self.labels[account] = label
        return Labelled(account, label, entry)

    def on_account(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        declared = self.labelled(entry, values)
        if declared is not None and self.once_per_account(entry, declared.account):
            self.dedicated.setdefault(declared.account, declared)

    def on_category(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        declared = self.labelled(entry, values)
        if declared is None:
            return
        if declared.account in self.categories:
            self.error(entry, "duplicate-category", account=declared.account)
            return
        self.categories[declared.account] = declared

    def dated_amount(
        self, entry: data.Custom, values: Sequence[ValueType], labelled: bool = False
    ) -> tuple[str, DatedAmount] | None:
        has_label = labelled and len(values) == 3 and values[2].dtype is str
        if len(values) != (3 if has_label else 2) or not isinstance(values[1].value, data.Amount):
            self.wrong_values(entry)
            return None
        account = self.account(entry, values[0])
        amount = self.amount(entry, values[1])
        if account is None or amount is None:
            if values[0].dtype != ACCOUNT_TYPE:
                self.wrong_values(entry)
            return None
        if has_label:
            self.labels[account] = values[2].value
        return account, DatedAmount(entry.date, amount.number, amount.currency, entry)

    def on_budget(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        parsed = self.dated_amount(entry, values)
        if parsed is not None:
            self.budgets[parsed[0]].append(parsed[1])

    def on_source(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        parsed = self.dated_amount(entry, values, labelled=True)
        if parsed is not None:
            self.sources[parsed[0]].append(parsed[1])

    def on_carryforward(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        if not 1 <= len(values) <= 2:
            self.wrong_values(entry)
            return
        years = None
        if len(values) == 2:
            years = _whole_number(values[1].value)
            if years is None or not 1 <= years <= MAX_CARRY_YEARS:
                self.error(entry, "bad-years", value=values[1].value, limit=MAX_CARRY_YEARS)
                return
        account = self.account(entry, values[0])
        if account is None:
            if values[0].dtype != ACCOUNT_TYPE:
                self.wrong_values(entry)
            return
        self.carryforwards[account].append(CarryForward(entry.date, years, entry))

    def on_match(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        if len(values) != 3 or not isinstance(values[2].value, Decimal):
            self.wrong_values(entry)
            return
        account = self.account(entry, values[0])
        base = self.account(entry, values[1])
        if account is None or base is None:
            if ACCOUNT_TYPE not in (values[0].dtype, values[1].dtype):
                self.wrong_values(entry)
            return
        ratio = values[2].value
        if not ratio.is_finite() or not 0 < ratio <= MAX_RATIO:
            self.error(entry, "bad-ratio", value=ratio, limit=MAX_RATIO)
            return
        self.matches.append(Match(entry.date, account, base, ratio, entry))

    def on_allowed(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        declared = self.labelled(entry, values)
        if declared is not None and self.once_per_account(entry, declared.account):
            self.allowed.setdefault(declared.account, declared)

    def on_return(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        declared = self.labelled(entry, values)
        if declared is not None and self.once_per_account(entry, declared.account):
            self.allowed.setdefault(declared.account, declared)
            self.returns.setdefault(declared.account, declared)

    def on_holding(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        # The dedicated account may pay the holding account: an unclassified payment is a
        # needs-review finding until it is booked to its category, not also an earmark one.
        declared = self.labelled(entry, values)
        if declared is not None and self.once_per_account(entry, declared.account):
            self.allowed.setdefault(declared.account, declared)
            self.holding.setdefault(declared.account, declared)

    def on_profiles(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        # A folder of the ledger's own bank profiles, for the statement importer.
        if len(values) != 1 or values[0].dtype is not str or not values[0].value.strip():
            self.wrong_values(entry)
            return
        self.profile_folders.append(entry)

    def on_close(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        year = _whole_number(values[0].value) if len(values) == 1 else None
        if year is None:
            self.wrong_values(entry)
            return
        if not FIRST_YEAR <= year <= LAST_YEAR:
            self.error(entry, "bad-year", year=year, first=FIRST_YEAR, last=LAST_YEAR)
            return
        if entry.date < datetime.date(year, 12, 31):
            self.error(entry, "close-too-early", year=year, date=entry.date)
            return
        if year in self.closes:
            other = self.closes[year].entry.meta
            self.error(
                entry, "duplicate-close", year=year, where=f"{other['filename']}:{other['lineno']}"
            )
            return
        figures = {
            key: value
            for key, value in entry.meta.items()
            if key not in _META_KEYS and isinstance(value, data.Amount)
        }
        seal = entry.meta.get(SEAL_KEY)
        seal_file = entry.meta.get(SEAL_FILE_KEY)
        if (seal, seal_file) != (None, None) and not (
            isinstance(seal, str) and isinstance(seal_file, str) and seal and seal_file
        ):
            self.error(entry, "bad-seal", year=year)
            seal = seal_file = None
        self.closes[year] = Close(year, entry, figures, seal, seal_file)

    def on_voucher_period(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        # Compared as text only: Beancount's Amount raises when compared with a string.
        if len(values) != 1 or values[0].dtype is not str or values[0].value not in PERIODS:
            self.wrong_values(entry)
            return
        if self.voucher_period is not None:
            self.duplicate(entry, self.voucher_period)
            return
        self.voucher_period = entry

    def on_close_margin(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        days = _whole_number(values[0].value) if len(values) == 1 else None
        if days is None or not 0 <= days <= MAX_CLOSE_MARGIN:
            self.error(entry, "bad-close-margin", value=_shown(values), limit=MAX_CLOSE_MARGIN)
            return
        if self.close_margin is not None:
            self.duplicate(entry, self.close_margin)
            return
        self.close_margin = entry

    def threshold(
        self, entry: data.Custom, values: Sequence[ValueType], last: type
    ) -> tuple[str, data.Amount] | None:
        """ACCOUNT THRESHOLD LAST of a `grant-assets` or `grant-procurement`."""
        if len(values) != 3 or not isinstance(values[1].value, data.Amount):
            self.wrong_values(entry)
            return None
        if not isinstance(values[2].value, last) or isinstance(values[2].value, bool):
            self.wrong_values(entry)
            return None
        account = self.account(entry, values[0])
        amount = self.amount(entry, values[1])
        if account is None or amount is None:
            if values[0].dtype != ACCOUNT_TYPE:
                self.wrong_values(entry)
            return None
        if amount.number == 0:
            self.error(entry, "assets-zero-threshold", type=entry.type)
            return None
        return account, amount

    def on_assets(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        parsed = self.threshold(entry, values, str)
        if parsed is None:
            return
        account, amount = parsed
        name = values[2].value.strip()
        if not name:
            self.wrong_values(entry)
            return
        # Like a voucher copy, the register's path is relative to the file holding the line.
        folder = os.path.dirname(entry.meta.get("filename") or "")
        register = os.path.normpath(os.path.join(folder, name))
        if register not in self.register_files:
            self.register_files.append(register)
        threshold = AssetThreshold(
            entry.date, account, amount.number, amount.currency, register, entry
        )
        self.dated_threshold(self.assets[account], threshold)

    def on_procurement(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        parsed = self.threshold(entry, values, Decimal)
        if parsed is None:
            return
        account, amount = parsed
        window = _whole_number(values[2].value)
        if window is None or window < 0:
            self.error(entry, "assets-bad-window", value=values[2].value)
            return
        if window > MAX_PROCUREMENT_WINDOW:
            self.error(
                entry, "procurement-window-too-long", value=window, limit=MAX_PROCUREMENT_WINDOW
            )
            return
        threshold = ProcurementThreshold(
            entry.date, account, amount.number, amount.currency, window, entry
        )
        self.dated_threshold(self.procurement[account], threshold)

    def dated_threshold(
        self, schedule: list, threshold: AssetThreshold | ProcurementThreshold
    ) -> None:
        """Add a threshold to its account's schedule: one per account and day."""
        for other in schedule:
            if other.date == threshold.date:
                self.duplicate(threshold.entry, other.entry)
                return
        schedule.append(threshold)

    def on_beneficiaries(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        self.beneficiaries_named = True
        if len(values) != 2 or values[0].dtype != ACCOUNT_TYPE or values[1].dtype is not str:
            self.wrong_values(entry)
            return
        if self.beneficiaries is not None:
            self.duplicate(entry, self.beneficiaries.entry)
            return
        account = self.account(entry, values[0])
        if account is None:
            return
        written = values[1].value.strip()
        if not written:
            self.wrong_values(entry)
            return
        mask_names = entry.meta.get("mask-names", False)
        if not isinstance(mask_names, bool):
            self.error(entry, "beneficiaries-mask-names", value=mask_names)
            return
        # A relative path is read from the folder of the file holding the directive.
        folder = os.path.dirname(str(entry.meta.get("filename") or ""))
        path = os.path.normpath(os.path.join(folder, written))
        self.beneficiaries = BeneficiarySetup(account, path, written, mask_names, entry)

    def on_standard(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        if (
            len(values) != 3
            or not isinstance(values[1].value, data.Amount)
            or values[2].value not in BASES
        ):
            self.wrong_values(entry)
            return
        account = self.account(entry, values[0])
        amount = self.amount(entry, values[1])
        if account is None or amount is None:
            if values[0].dtype != ACCOUNT_TYPE:
                self.wrong_values(entry)
            return
        basis = values[2].value
        visits = None
        if basis == "per-visit":
            visits = _whole_number(entry.meta.get("visits"))
            if visits is None or visits < 1:
                self.error(entry, "standard-visits", value=entry.meta.get("visits"))
                return
        self.standards.append(
            Standard(entry.date, account, amount.number, amount.currency, basis, visits, entry)
        )

    def on_ages(self, entry: data.Custom, values: Sequence[ValueType]) -> None:
        ages = [_whole_number(value.value) for value in values]
        if len(ages) != 2 or None in ages:
            self.wrong_values(entry)
            return
        low, high = ages
        if not 0 < low < high <= 120:  # type: ignore[operator]
            self.error(entry, "beneficiary-ages", low=low, high=high)
            return
        self.ages.append(AgeRange(entry.date, low, high, entry))  # type: ignore[arg-type]

    HANDLERS: ClassVar[dict[str, Callable[[_Parser, data.Custom, Sequence[ValueType]], None]]] = {
        "grant-account": on_account,
        "grant-category": on_category,
        "grant-budget": on_budget,
        "grant-carryforward": on_carryforward,
        "grant-source": on_source,
        "grant-match": on_match,
        "grant-allowed": on_allowed,
        "grant-return": on_return,
        "grant-close": on_close,
        "import-holding": on_holding,
        "import-profiles": on_profiles,
        "grant-voucher-period": on_voucher_period,
        "grant-close-margin": on_close_margin,
        "grant-assets": on_assets,
        "grant-procurement": on_procurement,
        "grant-beneficiaries": on_beneficiaries,
        "grant-standard": on_standard,
        "grant-beneficiary-ages": on_ages,
    }

    def check_consistency(self) -> None:
        """Cross-directive checks, once every directive is read."""
        for account, budgets in self.budgets.items():
            if account not in self.categories:
                self.error(budgets[0].entry, "budget-not-category", account=account)
        for account, items in self.carryforwards.items():
            if account not in self.categories:
                self.error(items[0].entry, "carryforward-not-category", account=account)
        for account, declared in self.categories.items():
            if account not in self.budgets:
                self.error(declared.entry, "category-without-budget", account=account)
        for match in self.matches:
            for account in (match.account, match.base):
                if account not in self.sources:
                    self.error(match.entry, "match-not-source", account=account)
            if match.account == match.base:
                self.error(match.entry, "match-itself", account=match.account)
        self.check_thresholds()
        self.check_roles()
        for problem in folder_problems(self.profile_folders):
            self.error(problem.entry, problem.key, type="import-profiles", **problem.fields)
        self.check_beneficiaries()
        if len(self.currencies) > 1:
            currencies = sorted(self.currencies)
            self.error(
                self.currencies[currencies[1]], "mixed-currencies", currencies=", ".join(currencies)
            )

    def check_thresholds(self) -> None:
        """A `grant-assets` or `grant-procurement` names a category or an account inside one."""
        for schedules in (self.assets, self.procurement):
            for account, items in schedules.items():
                if not any(
                    account == category or account.startswith(category + ":")
                    for category in self.categories
                ):
                    for item in items:
                        self.error(
                            item.entry, "assets-not-category", account=account, type=item.entry.type
                        )
                    items.clear()

    def check_roles(self) -> None:
        """Each account has one role, and no declared account lies inside another one."""
        roles: list[tuple[str, str, data.Custom]] = [
            *((a, "grant-account", d.entry) for a, d in self.dedicated.items()),
            *((a, "grant-category", d.entry) for a, d in self.categories.items()),
            *((a, "grant-source", items[0].entry) for a, items in self.sources.items()),
            *(
                (a, "import-holding" if a in self.holding else "grant-allowed", d.entry)
                for a, d in self.allowed.items()
            ),
        ]
        roles.sort(key=lambda role: role[0])
        for (account, kind, _), (other, other_kind, entry) in itertools.pairwise(roles):
            if other == account or other.startswith(account + ":"):
                self.error(
                    entry,
                    "overlapping-roles",
                    account=other,
                    type=other_kind,
                    other=account,
                    other_type=kind,
                )

    def check_beneficiaries(self) -> None:
        """The beneficiaries account is a category or inside one; standards lie inside it."""
        setup = self.beneficiaries
        if setup is not None and not any(
            setup.account == category or setup.account.startswith(category + ":")
            for category in self.categories
        ):
            self.error(setup.entry, "beneficiaries-not-category", account=setup.account)
            self.beneficiaries = setup = None
        for standard in self.standards:
            if setup is None:
                # A faulty grant-beneficiaries has its own finding: its standards wait for it.
                if not self.beneficiaries_named:
                    self.error(standard.entry, "standard-without-beneficiaries")
            elif not setup.covers(standard.account):
                self.error(
                    standard.entry,
                    "standard-outside",
                    account=standard.account,
                    beneficiaries=setup.account,
                )
        if setup is None:
            self.standards = []

    def check_pads(self, pads: Sequence[data.Pad], roles: AccountRoles) -> None:
        """A `pad` may not touch a grant account.

        Beancount makes the padding transaction after the plugin has run, so the grant's books
        could not see it.
        """
        for pad in pads:
            for account in (pad.account, pad.source_account):
                if roles.of(account)[0] is not Role.OTHER:
                    self.errors.append(
                        GrantError(
                            pad.meta,
                            self.msg.finding("config", "pad-grant-account", account=account),
                            pad,
                            "config",
                            account=account,
                        )
                    )
                    break

    def config(self, language: str) -> GrantConfig:
        for dated in (*self.budgets.values(), *self.sources.values()):
            dated.sort(key=lambda item: item.date)
        dates = [
            item.entry.date for item in (*self.dedicated.values(), *self.categories.values())
        ] + [item.date for items in self.budgets.values() for item in items]
        return GrantConfig(
            dedicated=self.dedicated,
            categories=self.categories,
            budgets=dict(self.budgets),
            carryforwards=dict(self.carryforwards),
            sources=dict(self.sources),
            matches=self.matches,
            allowed=self.allowed,
            returns=self.returns,
            holding=self.holding,
            labels=self.labels,
            closes=dict(sorted(self.closes.items())),
            currency=min(self.currencies) if self.currencies else None,
            language=language,
            first_date=min(dates) if dates else None,
            voucher_period=(
                self.voucher_period.values[0].value if self.voucher_period else YEAR_PERIOD
            ),
            close_margin=(
                int(self.close_margin.values[0].value)
                if self.close_margin
                else DEFAULT_CLOSE_MARGIN
            ),
            profile_folders=tuple(self.profile_folders),
            register_files=tuple(
                [*self.register_files, *([self.beneficiaries.path] if self.beneficiaries else [])]
            ),
            beneficiaries=self.beneficiaries,
            standards=tuple(sorted(self.standards, key=lambda standard: standard.date)),
            ages=tuple(sorted(self.ages, key=lambda a: a.date)),
            bare=tuple(self.bare),
            assets=_sorted_schedules(self.assets),
            procurement=_sorted_schedules(self.procurement),
        )


def _sorted_schedules(schedules: dict[str, list]) -> dict[str, list]:
    """The accounts' dated thresholds, each account's by date; accounts without any left out."""
    return {
        account: sorted(items, key=lambda item: item.date)
        for account, items in schedules.items()
        if items
    }


def _normal_type(kind: str) -> str:
    """A directive type as it was surely meant: lower case, `-` for `_`, no spaces around."""
    return kind.strip().lower().replace("_", "-")


def _whole_number(value: object) -> int | None:
    """`value` as an int if it is a whole number (Beancount parses `2024` as a Decimal)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    return int(value) if value == int(value) else None


def _shown(values: Sequence[ValueType]) -> str:
    """A directive's values as a message shows them."""
    return " ".join(str(value.value) for value in values) or "-"


def parse_grant_config(entries: Sequence[data.Directive]) -> tuple[GrantConfig, list[GrantError]]:
    """Read the grant directives of a ledger.

    Args:
        entries: the ledger's directives, sorted by date.

    Returns:
        The grant configuration, and a `config` error for each malformed or inconsistent
        directive.
    """
    opened: set[str] = set()
    customs: list[data.Custom] = []
    pads: list[data.Pad] = []
    for entry in entries:
        if isinstance(entry, data.Open):
            opened.add(entry.account)
        elif isinstance(entry, data.Custom):
            customs.append(entry)
        elif isinstance(entry, data.Pad):
            pads.append(entry)
    language = language_of(customs)
    parser = _Parser(opened, Catalogue(language))
    for entry in customs:
        parser.parse(entry)
    parser.check_consistency()
    config = parser.config(language)
    parser.check_pads(pads, AccountRoles(config))
    return config, parser.errors
