"""The beneficiary analysis of one load: every payment and register row, judged once.

`GrantLedger.beneficiaries` builds it once per load; the rules turn its problems into findings
(`ledger.rules.beneficiary_*`, `ledger.rules.roster_mismatch`), the `beneficiaries` report and
the Fava page read its payments, positions and problems. A ledger without `grant-beneficiaries`
gets an empty analysis at no cost.

What is judged where:

- a register row: its identity number (`beneficiary-id-invalid`: check character, date of
  birth, sex digit) and whether another row has the same number for an overlapping pregnancy
  (`beneficiary-duplicate`), and a register number or name that looks like an identity number
  (`config`), pointing at the register's row;
- a payment: whether it names anyone, and whom (`ledger.beneficiaries.payments`);
- each woman a payment pays: her age on the day (`beneficiary-id-invalid`), her eligibility
  evidence (`beneficiary-ineligible`), her public notice (`beneficiary-not-noticed`), and her
  totals against the standards (`beneficiary-over-standard`), pointing at the payment.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from beancount.core import data

from ledger.activity import Activity
from ledger.beneficiaries.identity import age_on
from ledger.beneficiaries.payments import Payment, PaymentReader, Share
from ledger.beneficiaries.problems import Problem, at_row
from ledger.beneficiaries.register import (
    Beneficiary,
    BeneficiaryRegister,
    UnreadableError,
    read_beneficiaries,
)
from ledger.beneficiaries.settings import DEFAULT_AGES, BeneficiarySetup, ages_on
from ledger.beneficiaries.standards import Position, Tally, tally
from ledger.documents import book_roots, document_dirs, inside
from ledger.errors import GrantError
from ledger.i18n import Catalogue, money
from ledger.model import GrantConfig

CONFIG = "config"
ID_INVALID = "beneficiary-id-invalid"
DUPLICATE = "beneficiary-duplicate"
INELIGIBLE = "beneficiary-ineligible"
NOT_NOTICED = "beneficiary-not-noticed"
OVER_STANDARD = "beneficiary-over-standard"


class BeneficiaryAnalysis:
    """The beneficiaries of one load: the register, the payments, their problems, the totals.

    Args:
        setup: the `grant-beneficiaries` directive; None for a ledger without one.
        register: the register as read; None when it does not read (or there is none).
        payments: the payments of the beneficiaries account, in ledger order.
        problems: every problem, in the order found.
        standing: every woman's totals against the standards.
        rosters: the roster files the payments name, inside the books (never read else).
        register_outside: the register lies outside the books: never read, nor stamped.
    """

    def __init__(
        self,
        setup: BeneficiarySetup | None = None,
        register: BeneficiaryRegister | None = None,
        payments: Sequence[Payment] = (),
        problems: Sequence[Problem] = (),
        standing: Tally | None = None,
        rosters: Sequence[str] = (),
        register_outside: bool = False,
    ) -> None:
        self.setup = setup
        self.register = register
        self.payments = list(payments)
        self.problems = list(problems)
        self.standing = standing or Tally({}, [])
        self.rosters = list(rosters)
        self.register_outside = register_outside
        by_rule: dict[str, list[Problem]] = defaultdict(list)
        by_share: dict[tuple[int, str], list[str]] = defaultdict(list)
        for problem in self.problems:
            by_rule[problem.rule].append(problem)
            if problem.entry is not None and problem.rule != CONFIG:
                by_share[id(problem.entry), problem.number or ""].append(problem.rule)
        self._by_rule = dict(by_rule)
        self._by_share = dict(by_share)

    def __repr__(self) -> str:
        return f"<BeneficiaryAnalysis {len(self.payments)} payments, {len(self.problems)} problems>"

    @property
    def files(self) -> list[str]:
        """The files the analysis read: the register and the rosters (part of the books)."""
        register = [self.setup.path] if self.setup and not self.register_outside else []
        return register + self.rosters

    @property
    def mask_names(self) -> bool:
        """Whether names are masked in every output (`mask-names: TRUE`)."""
        return bool(self.setup and self.setup.mask_names)

    def problems_of(self, rule: str) -> list[Problem]:
        """The problems of one rule, in the order found."""
        return self._by_rule.get(rule, [])

    def errors(self, rule: str, messages: Catalogue, currency: str | None) -> list[GrantError]:
        """The findings of one rule, worded in the catalogue's language."""
        return [problem.error(messages, currency) for problem in self.problems_of(rule)]

    def rules_for(self, entry: data.Directive, number: str = "") -> list[str]:
        """The rules a payment breaks for one woman and as a whole, in that order.

        As a whole: naming nobody, a roster that does not add up. Without `number`, those only.
        """
        found = self._by_share.get((id(entry), ""), [])
        if number:
            found = [*self._by_share.get((id(entry), number), []), *found]
        return found

    def positions_of(self, number: str) -> list[Position]:
        """A woman's positions against the standards: her pregnancy's, and her years'."""
        row = self.register.rows.get(number) if self.register else None
        woman = row.woman if row is not None else number
        return [
            position
            for position in self.standing.positions.values()
            if position.woman == (woman if position.group[1] == "per-year" else number)
        ]


def _in_folder(path: str, folder: str) -> bool:
    folder = os.path.normcase(os.path.realpath(folder))
    path = os.path.normcase(os.path.realpath(path))
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def real_path(path: str) -> str:
    """A file's path as files are compared: symbolic links resolved, case as the system has it."""
    return os.path.normcase(os.path.realpath(path))


def included_files(options_map: Mapping[str, Any]) -> frozenset[str]:
    """The files Beancount read as ledger text (the ledger and its `include`s), as `real_path`."""
    return frozenset(real_path(path) for path in options_map.get("include", []))


def served_folders(entries: Sequence[data.Directive], options_map: Mapping[str, Any]) -> list[str]:
    """The folders whose files Fava serves: the documents folders and the import folders."""
    root = os.path.dirname(options_map.get("filename") or "")
    folders = document_dirs(options_map)
    for entry in entries:
        if (
            type(entry) is data.Custom
            and entry.type == "fava-option"
            and len(entry.values or ()) >= 2
            and entry.values[0].value == "import-dirs"
        ):
            folders.append(os.path.normpath(os.path.join(root, str(entry.values[1].value))))
    return folders


class _Judge:
    """Collects the problems of one analysis."""

    def __init__(self, config: GrantConfig, setup: BeneficiarySetup) -> None:
        self.config = config
        self.setup = setup
        self.currency = config.currency
        self.messages = Catalogue(config.language)
        self.problems: list[Problem] = []
        self.register_outside = False

    def add(
        self,
        rule: str,
        situation: str,
        source: dict,
        entry: data.Directive,
        year: int | None,
        account: str | None = None,
        amount: Any = None,
        number: str | None = None,
        **fields: Any,
    ) -> None:
        if number is not None:
            fields["number"] = number
        self.problems.append(
            Problem(rule, situation, fields, source, entry, year, account, amount, number)
        )

    def register(
        self, entries: Sequence[data.Directive], options_map: Mapping[str, Any]
    ) -> BeneficiaryRegister | None:
        """Read the register; a register that does not read is a `config` problem.

        A register outside the books (as `document-outside` judges a copy) is never read: a
        `config` problem too, and nothing of the file is shown.
        """
        setup = self.setup
        directive = setup.entry
        year = setup.date.year
        if not inside(setup.path, book_roots(options_map)):
            self.register_outside = True
            self.add(
                CONFIG, "register-outside", directive.meta, directive, year, path=setup.written
            )
            return None
        if real_path(setup.path) in included_files(options_map):
            self.add(
                CONFIG, "register-included", directive.meta, directive, year, path=setup.written
            )
        for folder in served_folders(entries, options_map):
            if _in_folder(setup.path, folder):
                self.add(
                    CONFIG,
                    "register-served",
                    directive.meta,
                    directive,
                    year,
                    path=setup.written,
                    folder=folder,
                )
        try:
            return read_beneficiaries(setup.path)
        except UnreadableError as error:
            if not os.path.exists(setup.path):
                self.add(
                    CONFIG, "register-not-found", directive.meta, directive, year, path=setup.path
                )
            else:
                source = at_row(setup.path, error.row) if error.row else directive.meta
                self.add(
                    CONFIG,
                    "register-unreadable",
                    source,
                    directive,
                    year,
                    message=error.say(self.messages),
                )
            return None

    def rows(self, register: BeneficiaryRegister, payments: Sequence[Payment]) -> None:
        """Each register row's identity number, and one number under two pregnancies."""
        first_year: dict[str, int] = {}
        for payment in payments:
            for share in payment.shares:
                first_year.setdefault(share.number, payment.year)
        directive = self.setup.entry
        for misplaced in register.misplaced:
            self.add(
                CONFIG,
                f"register-identity-{misplaced.field}",
                at_row(register.path, misplaced.line),
                directive,
                self.setup.date.year,
                path=self.setup.written,
                row=misplaced.line,
                column=misplaced.column,
                value=misplaced.masked,
            )
        earlier: dict[str, list[Beneficiary]] = defaultdict(list)
        for row in register.rows.values():
            year = first_year.get(row.number, self.setup.date.year)
            identity = row.identity
            if identity.problem is not None:
                self.add(
                    ID_INVALID,
                    identity.problem,
                    at_row(register.path, row.line),
                    directive,
                    year,
                    number=row.number,
                    id=row.identity.masked or "-",
                    expected=identity.expected_check or "-",
                    found=identity.text[-1:] or "-",
                )
            if not identity.text:
                continue
            for other in earlier[identity.text]:
                situation = _overlap(row, other)
                if situation is not None:
                    self.add(
                        DUPLICATE,
                        situation,
                        at_row(register.path, row.line),
                        directive,
                        year,
                        number=row.number,
                        id=row.identity.masked or "-",
                        other=other.number,
                        other_row=other.line,
                    )
                    break
            earlier[identity.text].append(row)

    def shares(self, payments: Sequence[Payment]) -> None:
        """Each paid woman's age on the day, eligibility evidence and public notice."""
        ages = self.config.ages
        for payment in payments:
            entry = payment.entry
            day = entry.date
            low, high = ages_on(ages, day) if ages else DEFAULT_AGES
            seen: set[str] = set()
            for share in payment.shares:
                row = share.beneficiary
                if row is None or share.amount <= 0 or row.number in seen:
                    continue
                seen.add(row.number)
                # The hot path tests dates only; a message's fields are made for a problem.
                identity = row.identity
                too_old = too_young = False
                if identity.problem is None and identity.birth is not None:
                    age = age_on(identity.birth, day)
                    too_young, too_old = age < low, age > high
                ineligible = (
                    not row.basis
                    or not row.evidence
                    or row.evidence_date is None
                    or row.evidence_date > day
                )
                early = row.notice_end is None or day <= row.notice_end
                if too_young or too_old or ineligible or early:
                    self._share_problems(payment, share, row, (low, high), ineligible, early)

    def _share_problems(
        self,
        payment: Payment,
        share: Share,
        row: Beneficiary,
        ages: tuple[int, int],
        ineligible: bool,
        early: bool,
    ) -> None:
        entry = payment.entry
        day = entry.date
        place: dict[str, Any] = {
            "source": entry.meta,
            "entry": entry,
            "year": payment.year,
            "account": share.account,
            "amount": share.amount,
            "number": row.number,
            "id": row.identity.masked or "-",
        }
        paid = money(share.amount, self.currency)
        birth = row.identity.birth
        if row.identity.problem is None and birth is not None:
            age = age_on(birth, day)
            if not ages[0] <= age <= ages[1]:
                self.add(ID_INVALID, "age", **place, age=age, low=ages[0], high=ages[1], date=day)
        if ineligible:
            self.add(
                INELIGIBLE,
                _ineligible(row, day) or "late",
                **place,
                date=day,
                paid=paid,
                evidence=row.evidence or "-",
                evidence_date=row.evidence_date or "-",
            )
        if early:
            self.add(
                NOT_NOTICED,
                "early" if row.notice_end else "no-notice",
                **place,
                date=day,
                paid=paid,
                start=row.notice_start or "-",
                end=row.notice_end or "-",
            )

    def excesses(self, standing: Tally) -> None:
        """Each payment that leaves a woman above a standard."""
        for excess in standing.excesses:
            payment, share, standard = excess.payment, excess.share, excess.standard
            row = share.beneficiary
            assert row is not None  # the tally counts known women only
            entry = payment.entry
            self.add(
                OVER_STANDARD,
                excess.situation,
                entry.meta,
                entry,
                payment.year,
                share.account,
                share.amount,
                row.number,
                id=row.identity.masked or "-",
                account_name=standard.account,
                total=money(excess.total, self.currency),
                limit=money(standard.limit, self.currency),
                rate=money(standard.number, self.currency),
                visits=standard.visits or 0,
                count=excess.visits,
                this_visits=share.visits or 0,
                paid=money(share.amount, self.currency),
                fiscal_year=payment.year,
                since=standard.date,
            )


def _overlap(row: Beneficiary, other: Beneficiary) -> str | None:
    """`overlap` when two rows' pregnancies overlap, `undated` when the register cannot tell."""
    mine, theirs = row.pregnancy, other.pregnancy
    if mine is None or theirs is None:
        return "undated"
    return "overlap" if mine[0] <= theirs[1] and theirs[0] <= mine[1] else None


def _ineligible(row: Beneficiary, day: Any) -> str | None:
    """Why the register does not show her eligible on `day`, if it does not."""
    if not row.basis:
        return "no-basis"
    if not row.evidence:
        return "no-evidence"
    if row.evidence_date is None:
        return "undated"
    if row.evidence_date > day:
        return "late"
    return None


def analyse(
    config: GrantConfig,
    activity: Activity,
    entries: Sequence[data.Directive],
    options_map: Mapping[str, Any],
) -> BeneficiaryAnalysis:
    """The beneficiary analysis of a load.

    Args:
        config: the grant's configuration (its `beneficiaries`, `standards`, `ages`).
        activity: the load's grant activity (the flows of the relief category).
        entries: the ledger's directives (for the folders Fava serves).
        options_map: the ledger's options (the documents folders).

    Returns:
        The analysis; empty for a ledger without `grant-beneficiaries`.
    """
    setup = config.beneficiaries
    if setup is None:
        return BeneficiaryAnalysis()
    judge = _Judge(config, setup)
    register = judge.register(entries, options_map)
    category = next(
        account
        for account in config.categories
        if setup.account == account or setup.account.startswith(account + ":")
    )
    reader = PaymentReader(
        setup,
        register,
        config.currency,
        config.language,
        included_files(options_map),
        book_roots(options_map),
    )
    payments = reader.read(activity.flows, category)
    judge.problems.extend(reader.problems)
    standing = Tally({}, [])
    if register is not None:
        judge.rows(register, payments)
        judge.shares(payments)
        standing = tally(payments, config.standards)
        judge.excesses(standing)
    return BeneficiaryAnalysis(
        setup,
        register,
        payments,
        judge.problems,
        standing,
        reader.rosters,
        judge.register_outside,
    )
