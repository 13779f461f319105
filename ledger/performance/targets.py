"""Parse the ledger's performance directives: `grant-target`, `-actual`, `-scoring`, `-project`.

Like `ledger.directives`, a malformed directive becomes a `config` error pointing at it and
parsing goes on. Also a `config` error: weights that do not add up to 100 with the budget
execution's, a `grant-actual` for an indicator the year does not have, a reported value without
its evidence on file, and a value a `sum` measure reads that is not a number.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from beancount.core import data

from ledger.activity import Activity
from ledger.documents import MISSING, ON_FILE, DocumentFinder
from ledger.errors import GrantError
from ledger.i18n import Catalogue, plain_number
from ledger.model import GrantConfig, Year
from ledger.performance.measures import (
    MEASURES,
    REPORTED,
    MeasureSyntaxError,
    metadata_number,
    parse_measure,
    posts_to,
)
from ledger.performance.model import (
    DEFAULT_SCORING,
    PROJECT_KEYS,
    Actual,
    Direction,
    MeasureUse,
    PerformanceConfig,
    Project,
    Scoring,
    Target,
)

HUNDRED = Decimal(100)

SIGNATURES = {
    "grant-target": '"INDICATOR" VALUE ["UNIT"]',
    "grant-actual": '"INDICATOR" [VALUE]',
    "grant-scoring": "EXECUTION-WEIGHT",
    "grant-project": '"PROJECT-NAME"',
}

_SEPARATORS = re.compile(r"[\s\-—－_/·:：、]+")


def _normal(text: str) -> str:
    """`text` without case, separators or the word 指标, to compare what people type."""
    return _SEPARATORS.sub("", text.lower()).replace("指标", "")


#: What an accountant may write for each kind, compared without separators or 指标.
_KIND_WORDS = {
    "quantity": ("产出-数量", "数量", "quantity", "output-quantity"),
    "quality": ("产出-质量", "质量", "quality", "output-quality"),
    "timeliness": ("产出-时效", "时效", "timeliness", "output-timeliness"),
    "cost": ("产出-成本", "成本", "cost", "output-cost"),
    "outcome": ("效益", "outcome", "benefit"),
    "social": ("效益-社会效益", "效益-社会", "社会效益", "social"),
    "economic": ("效益-经济效益", "效益-经济", "经济效益", "economic"),
    "ecological": ("效益-生态效益", "效益-生态", "生态效益", "ecological"),
    "sustainable": ("效益-可持续影响", "可持续影响", "sustainable"),
    "satisfaction": ("满意度", "服务对象满意度", "satisfaction"),
}
KIND_ALIASES = {_normal(word): kind for kind, words in _KIND_WORDS.items() for word in words}

_DIRECTION_WORDS: dict[Direction, tuple[str, ...]] = {
    "at-least": ("at-least", "≥", ">=", "≧", "＞＝", "min", "不低于", "不少于", "至少", "大于等于"),
    "at-most": ("at-most", "≤", "<=", "≦", "＜＝", "max", "不高于", "不超过", "至多", "小于等于"),
    "exactly": ("exactly", "=", "==", "＝", "等于"),
}
DIRECTION_ALIASES = {
    _normal(word) or word: direction
    for direction, words in _DIRECTION_WORDS.items()
    for word in words
}


def number(value: object) -> Decimal | None:
    """A directive's or metadata's value as a number, if it is one."""
    return metadata_number(value)


def shown(value: Decimal) -> str:
    """A number as people write it: `20`, `12.5`."""
    return plain_number(value)


def year_of(entry: data.Custom) -> Year | str:
    """The fiscal year a `grant-actual` reports: its `grant-year`, else its date's year.

    Returns the value as written when `grant-year` is not a year.
    """
    value = entry.meta.get("grant-year")
    if value is None:
        return entry.date.year
    text = str(value).strip()
    return int(text) if text.isdigit() and len(text) == 4 else str(value)


def _merged(earlier: Actual | None, later: Actual) -> Actual:
    """What a year's `grant-actual`s of one indicator say together, `later` written after.

    The latest value counts, with its evidence (a correction is a new `grant-actual`); one
    without a value only gives its reason to the value reported before it. The latest reason
    written counts.
    """
    if earlier is None:
        return later
    if later.value is None:
        return earlier._replace(reason=later.reason or earlier.reason)
    return later._replace(reason=later.reason or earlier.reason)


class _Parser:
    """Collects targets, actuals, scorings and their config errors; one per load."""

    def __init__(self, config: GrantConfig, opened: set[str], messages: Catalogue) -> None:
        self.config = config
        self.opened = opened
        self.msg = messages
        self.errors: list[GrantError] = []
        self.targets: dict[Year, list[Target]] = defaultdict(list)
        self.actuals: dict[tuple[Year, str], Actual] = {}
        self.scorings: dict[Year, Scoring] = {}
        self.projects: dict[Year, Project] = {}

    def error(self, entry: data.Directive, situation: str, /, **fields: Any) -> None:
        # A value as the ledger writes it ("产出-数目", 0, nothing), never Python's repr.
        if "value" in fields:
            fields["value"] = self.msg.written(fields["value"])
        message = self.msg.finding("config", situation, **fields)
        self.errors.append(GrantError(entry.meta, message, entry, "config"))

    def wrong_values(self, entry: data.Custom) -> None:
        self.error(entry, "wrong-values", type=entry.type, signature=SIGNATURES[entry.type])

    def duplicate(self, entry: data.Custom, first: data.Directive) -> None:
        """A `config` error: `entry` sets again for its year what `first` set already."""
        where = f"{first.meta['filename']}:{first.meta['lineno']}"
        self.error(entry, "duplicate-directive", type=entry.type, where=where)

    def text(self, entry: data.Custom, key: str) -> str | None:
        """The metadata `key` as non-empty text; a config error if it is something else."""
        value = entry.meta.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(entry, "target-not-text", key=key, value=value)
            return None
        return value.strip()

    # -- grant-target ------------------------------------------------------------------

    def on_target(self, entry: data.Custom) -> None:
        values = entry.values
        if not 2 <= len(values) <= 3 or values[0].dtype is not str or not values[0].value.strip():
            self.wrong_values(entry)
            return
        name = values[0].value.strip()
        raw = values[1].value
        if isinstance(raw, data.Amount):
            value, unit = raw.number, raw.currency
            if len(values) == 3:
                self.wrong_values(entry)
                return
        else:
            value = number(raw)
            unit = values[2].value if len(values) == 3 else ""
            if len(values) == 3 and values[2].dtype is not str:
                self.wrong_values(entry)
                return
        if value is None or value < 0:
            self.error(entry, "target-bad-value", name=name, value=raw)
            return
        # Every malformed key is reported; the target is left out if any is.
        errors = len(self.errors)
        kind = self.kind(entry, name)
        direction = self.direction(entry, name)
        weight = self.weight(entry, name)
        measure = self.measure(entry, name, unit)
        reason = self.text(entry, "reason")
        if kind is None or direction is None or weight is None or measure is None:
            return
        if len(self.errors) > errors:
            return
        year = entry.date.year
        if any(other.name == name for other in self.targets[year]):
            self.error(entry, "target-duplicate", name=name, year=year)
            return
        self.targets[year].append(
            Target(year, name, value, unit.strip(), kind, direction, weight, measure, reason, entry)
        )

    def kind(self, entry: data.Custom, name: str) -> str | None:
        written = entry.meta.get("kind")
        found = KIND_ALIASES.get(_normal(written)) if isinstance(written, str) else None
        if written is None:
            self.error(entry, "target-no-kind", name=name)
        elif found is None:
            self.error(entry, "target-bad-kind", name=name, value=written)
        return found

    def direction(self, entry: data.Custom, name: str) -> Direction | None:
        written = entry.meta.get("direction")
        if written is None:
            return "at-least"
        found = None
        if isinstance(written, str):
            found = DIRECTION_ALIASES.get(_normal(written) or written.strip())
        if found is None:
            self.error(entry, "target-bad-direction", name=name, value=written)
        return found

    def weight(self, entry: data.Custom, name: str) -> Decimal | None:
        written = entry.meta.get("weight")
        weight = number(written)
        if written is None:
            self.error(entry, "target-no-weight", name=name)
            return None
        if weight is None or not 0 < weight <= HUNDRED:
            self.error(entry, "target-bad-weight", name=name, value=written)
            return None
        return weight

    def measure(self, entry: data.Custom, name: str, unit: str) -> MeasureUse | None:
        written = entry.meta.get("measure", REPORTED)
        if not isinstance(written, str):
            self.error(entry, "target-not-text", key="measure", value=written)
            return None
        try:
            use = parse_measure(written)
        except MeasureSyntaxError as error:
            if error.known is None:
                known = ", ".join(MEASURES)
                self.error(entry, "target-unknown-measure", value=written, known=known)
            else:
                signature = error.known.signature
                self.error(entry, "target-bad-measure", value=written, signature=signature)
            return None
        found = MEASURES[use.name]
        account = use.args.account
        rule = found.accounts
        if rule is not None and rule.declared is not None and not rule.declared(self.config):
            self.error(
                entry, "target-measure-undeclared", measure=use.name, directive=rule.directive
            )
            return None
        if account is not None:
            if account not in self.opened and not any(
                opened.startswith(account + ":") for opened in self.opened
            ):
                self.error(entry, "unopened-account", account=account, type=entry.type)
                return None
            if found.accounts is not None and not found.accounts.check(self.config, account):
                what = self.msg(f"perf-account-{found.accounts.word}")
                self.error(
                    entry,
                    "target-measure-account",
                    measure=self.msg.written(use.text),
                    account=account,
                    what=what,
                )
                return None
        if found.percent and unit.strip() != "%":
            self.error(
                entry,
                "target-measure-unit",
                name=name,
                measure=use.name,
                unit=self.msg.written(unit.strip()),
            )
            return None
        return use

    # -- grant-actual ------------------------------------------------------------------

    def on_actual(self, entry: data.Custom) -> None:
        values = entry.values
        if not 1 <= len(values) <= 2 or values[0].dtype is not str or not values[0].value.strip():
            self.wrong_values(entry)
            return
        name = values[0].value.strip()
        value = None
        if len(values) == 2:
            value = number(values[1].value)
            if value is None or value < 0:
                self.error(entry, "target-bad-value", name=name, value=values[1].value)
                return
        year = year_of(entry)
        if isinstance(year, str):
            self.error(
                entry, "actual-bad-year", value=entry.meta["grant-year"], year=entry.date.year
            )
            return
        document = entry.meta.get("document")
        if document is not None and (not isinstance(document, str) or not document.strip()):
            self.error(entry, "target-not-text", key="document", value=document)
            return
        errors = len(self.errors)
        reason = self.text(entry, "reason")
        if len(self.errors) > errors:
            return
        if value is None and reason is None:
            self.error(entry, "actual-empty", name=name, year=year)
            return
        self.actuals[year, name] = _merged(
            self.actuals.get((year, name)), Actual(year, name, value, document, reason, entry)
        )

    # -- grant-scoring -----------------------------------------------------------------

    def on_scoring(self, entry: data.Custom) -> None:
        values = entry.values
        weight = number(values[0].value) if len(values) == 1 else None
        if weight is None:
            self.wrong_values(entry)
            return
        if not 0 <= weight <= HUNDRED:
            self.error(entry, "scoring-bad-weight", value=weight)
            return
        bounds = []
        for key, default in (
            ("excellent", DEFAULT_SCORING.excellent),
            ("good", DEFAULT_SCORING.good),
            ("fair", DEFAULT_SCORING.fair),
        ):
            written = entry.meta.get(key)
            bound = default if written is None else number(written)
            if bound is None:
                self.error(entry, "scoring-bad-bounds", key=key, value=written)
                return
            bounds.append(bound)
        excellent, good, fair = bounds
        if not HUNDRED >= excellent > good > fair >= 0:
            self.error(
                entry,
                "scoring-bad-order",
                excellent=shown(excellent),
                good=shown(good),
                fair=shown(fair),
            )
            return
        year = entry.date.year
        if year in self.scorings:
            self.duplicate(entry, self.scorings[year].entry)  # type: ignore[arg-type]
            return
        self.scorings[year] = Scoring(year, weight, excellent, good, fair, entry)

    # -- grant-project -----------------------------------------------------------------

    def on_project(self, entry: data.Custom) -> None:
        values = entry.values
        if len(values) != 1 or values[0].dtype is not str or not values[0].value.strip():
            self.wrong_values(entry)
            return
        errors = len(self.errors)
        keys = [self.text(entry, key) for key in PROJECT_KEYS]
        if len(self.errors) > errors:
            return
        year = entry.date.year
        if year in self.projects:
            self.duplicate(entry, self.projects[year].entry)  # type: ignore[arg-type]
            return
        self.projects[year] = Project(year, values[0].value.strip(), *keys, entry)

    HANDLERS: ClassVar[dict[str, Callable[[_Parser, data.Custom], None]]] = {
        "grant-target": on_target,
        "grant-actual": on_actual,
        "grant-scoring": on_scoring,
        "grant-project": on_project,
    }

    # -- across directives -------------------------------------------------------------

    def check_actuals(
        self, performance: PerformanceConfig, finder: Callable[[], DocumentFinder]
    ) -> None:
        """Each actual names a target of its year, and a reported value has its evidence."""
        for (year, name), actual in list(self.actuals.items()):
            entry = actual.entry
            target = next((t for t in performance.targets_of(year) if t.name == name), None)
            if target is None:
                self.error(entry, "actual-without-target", name=name, year=year)
                del self.actuals[year, name]
                continue
            if target.measure.name != REPORTED:
                if actual.value is not None:
                    self.error(entry, "actual-from-books", name=name, measure=target.measure.text)
                continue
            if actual.value is None:
                continue
            if actual.document is None:
                self.error(entry, "actual-without-document", name=name, year=year)
                continue
            # Evidence outside the books is rule document-outside's finding.
            judged = finder().judge(actual.document, entry.meta.get("filename", ""))
            if judged == MISSING:
                self.error(entry, "actual-document-missing", name=name, document=actual.document)
            self.actuals[year, name] = actual._replace(on_file=judged == ON_FILE)

    def check_weights(self, performance: PerformanceConfig, years: Iterable[Year]) -> None:
        """The targets' weights and the execution's add up to 100, in every year they apply."""
        seen: dict[tuple[Year, int], list[Year]] = {}
        for year in sorted(set(years) | set(performance.targets)):
            own = performance.set_year_of(year)
            if own is None:
                continue
            scoring = performance.scoring_of(year)
            seen.setdefault((own, id(scoring)), []).append(year)
        for (own, _), years_of in seen.items():
            targets = performance.targets[own]
            scoring = performance.scoring_of(years_of[0])
            weights = sum((t.weight for t in targets), Decimal(0))
            total = weights + scoring.execution_weight
            if total != HUNDRED:
                self.error(
                    targets[0].entry,
                    "target-weights",
                    years="、".join(str(y) for y in years_of)
                    if self.msg.language == "zh"
                    else ", ".join(str(y) for y in years_of),
                    own=own,
                    targets=shown(weights),
                    execution=shown(scoring.execution_weight),
                    total=shown(total),
                )

    def check_metadata(self, performance: PerformanceConfig, activity: Activity) -> None:
        """A value a `sum` measure adds up must be a number (`participants: 25`)."""
        sums = {
            (t.measure.args.key, t.measure.args.account)
            for targets in performance.targets.values()
            for t in targets
            if t.measure.name == "sum"
        }
        if not sums:
            return
        keys = {key for key, _ in sums}
        for flow in activity.flows:
            meta = flow.entry.meta
            if keys.isdisjoint(meta):
                continue
            for key, account in sorted(sums):
                if key in meta and number(meta[key]) is None and posts_to(flow.entry, account):
                    self.error(flow.entry, "measure-not-number", key=key, value=meta[key])
                    break


def parse_targets(
    entries: Sequence[data.Directive],
    config: GrantConfig,
    activity: Activity,
    years: Iterable[Year],
    finder: Callable[[], DocumentFinder],
) -> tuple[PerformanceConfig, list[GrantError]]:
    """Read the ledger's performance directives.

    Args:
        entries: the ledger's directives, sorted by date.
        config: the grant configuration (its accounts, categories and sources).
        activity: the grant's transactions (whose metadata `sum` measures read).
        years: the fiscal years the books cover.
        finder: gives the load's `DocumentFinder` (asked only when a value is reported).

    Returns:
        The targets, actuals and scorings, and a `config` error for each malformed or
        inconsistent one.
    """
    customs = [
        entry for entry in entries if type(entry) is data.Custom and entry.type in _Parser.HANDLERS
    ]
    if not customs:
        return PerformanceConfig({}, {}, {}), []
    opened = {entry.account for entry in entries if type(entry) is data.Open}
    parser = _Parser(config, opened, Catalogue(config.language))
    for entry in customs:
        _Parser.HANDLERS[entry.type](parser, entry)
    performance = PerformanceConfig(
        dict(parser.targets), parser.actuals, parser.scorings, parser.projects
    )
    parser.check_actuals(performance, finder)
    parser.check_weights(performance, years)
    parser.check_metadata(performance, activity)
    return performance, parser.errors
