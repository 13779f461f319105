"""The grant page in Fava (专项资金): the year's budget execution, funds, carry-forward, findings.

Turn it on in the ledger:

    2024-01-01 custom "fava-extension" "reports.fava_grant"

For the fiscal year chosen with Fava's time filter (the latest without one) the page shows the
budget execution per category with bars (amber near the limit, red over it), the year's
performance indicators with their progress (amber at risk, red missed), the funds in place
per source with their tranches and whether the match is met, each carry-forward category across
the years and the lapsed funds, the cards of the year's equipment (when the ledger names an
asset register), the year's relief beneficiaries (identity numbers masked, each payment linked
to its entry), the findings (each linked to its entry in Fava's editor), and the year's
inspection pack to download. Fava is made to watch the registers and rosters as well
(`serving.fava_private.watch_book_files`), so an edit of them reloads the books. Its figures are the
reports' (`reports.build`), built once per load of the ledger from Fava's own entries and kept
until the next load.

Endpoints, under `/<ledger>/extension/GrantPage/`:

    data?year=2026     the page's figures as JSON (`mch-ledger report --format json`)
    excel?year=2026    the pack's Excel workbook
    html?year=2026     the pack's printable HTML page
    pack?year=2026     the whole pack, a zip with the voucher copies

Without `year` they follow Fava's time filter, as the page does. A year that is not a number,
or a time filter spanning several years, is answered 400; a year the books do not cover (or a
ledger that declares no grant) 404; both with a JSON `{"error": ...}` in the ledger's language.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from fava.context import g
from fava.ext import FavaExtensionBase, extension_endpoint
from fava.helpers import FavaAPIError
from flask import abort, current_app, jsonify, make_response, request, send_file, url_for

from ledger.findings import display_path
from ledger.i18n import language_of
from ledger.loading import loaded_ledger
from ledger.registers import RegisterError
from reports.fava_grant.downloads import DOWNLOADS
from reports.fava_grant.view import FindingLine, GrantFigures, YearFigures
from reports.fava_grant.years import YearChoice, asked_year, choose_year
from reports.labels import Labels
from reports.render.as_json import report_json
from serving.fava_private import watch_book_files

if TYPE_CHECKING:  # pragma: no cover
    from fava.core import FavaLedger
    from flask.wrappers import Response


class YearLink(NamedTuple):
    """A link that sets Fava's time filter to one fiscal year."""

    year: int
    url: str
    current: bool


class Link(NamedTuple):
    """A link with its text."""

    text: str
    url: str


class LinkedFinding(NamedTuple):
    """A finding and the link to its entry in Fava's editor (None for no entry)."""

    finding: FindingLine
    url: str | None
    title: str


class AccountLinks(NamedTuple):
    """A category's pages in Fava for the year shown, on the yearly interval.

    On Fava's default monthly interval an account page splits the year into months; on the
    yearly one its 变更 table shows the year's spending as the grant page does.
    """

    journal: str
    """The account's journal of the year."""
    changes: str
    """The account's changes of the year: one column, the year's spending."""


class PageView(NamedTuple):
    """What the page's template lays out for one request."""

    t: Labels
    year: int | None
    message: str | None
    notes: list[str]
    years: list[YearLink]
    figures: YearFigures | None
    findings: list[LinkedFinding]
    downloads: list[Link]
    accounts: dict[str, AccountLinks]
    """Links to each category's account pages, by account."""
    source_url: Callable[[tuple[str, int]], str | None] = lambda source: None
    """The link of an entry (file, line) in Fava's editor."""


class GrantPage(FavaExtensionBase):
    """The grant page: one fiscal year's budget execution, funds, carry-forward and findings."""

    report_title = Labels("zh")("fava-title")

    def __init__(self, ledger: FavaLedger, config: str | None = None) -> None:
        super().__init__(ledger, config)
        # The sidebar's name, in the ledger's language (as its findings are).
        self.report_title = Labels(language_of(ledger.all_entries_by_type.Custom))("fava-title")

    def after_load_file(self) -> None:
        """Build the grant's books of the new load, and the latest year's page, now.

        The page opens on the latest year: after each change to the ledger its first view
        then costs no more than any other.
        """
        figures = self.figures()
        self.report_title = figures.labels("fava-title")
        # An edit of the beneficiary register must reach the Errors page on the next request.
        watch_book_files(self.ledger, figures.ledger.files)
        if figures.years:
            figures.of_year(figures.years[-1])

    def figures(self) -> GrantFigures:
        """The page's figures of the ledger as Fava loaded it last (made once per load).

        They are kept with the load's grant ledger (`GrantLedger.memo`), which lives in the
        options map of Fava's load: a new load brings new figures, and nothing else is cached.
        """
        loaded = loaded_ledger(
            Path(self.ledger.beancount_file_path).resolve(),
            self.ledger.all_entries,  # type: ignore[arg-type]
            list(self.ledger.load_errors),
            self.ledger.options,  # type: ignore[arg-type]
        )
        return loaded.grant.memo(
            GrantFigures, lambda: GrantFigures(loaded, loaded.grant.config.language)
        )

    def _chosen(self, figures: GrantFigures) -> YearChoice:
        """The year the request asks for: `?year=`, else the one of Fava's time filter.

        A ledger that declares no grant has no year to show: the page and every endpoint say
        so with the message `validate` gives, which shows how to declare one.
        """
        if not figures.ledger.grant.is_grant_ledger:
            message = figures.labels("no-grant", ledger=display_path(str(figures.ledger.path)))
            return YearChoice(None, message, missing=True)
        asked = request.args.get("year")
        if asked is not None:
            return asked_year(asked, figures.years, figures.labels)
        try:
            date_range = g.filtered.date_range
        except FavaAPIError:  # a filter Fava cannot read
            asked = " ".join(request.args.get(name, "") for name in ("time", "filter", "account"))
            return YearChoice(None, figures.labels("serve.bad-filter", value=asked.strip()))
        begin, end = (date_range.begin, date_range.end) if date_range else (None, None)
        return choose_year(begin, end, figures.years, figures.labels)

    def _year(self) -> tuple[GrantFigures, int]:
        """The figures and the year an endpoint is asked for.

        Without one, the request ends here: 404 with a JSON message when the books lack the
        year, 400 when the asking is at fault (not a year, several years).
        """
        figures = self.figures()
        choice = self._chosen(figures)
        if choice.year is None:
            response = make_response(jsonify(error=choice.message), 404 if choice.missing else 400)
            abort(response)
        return figures, choice.year

    def _source_url(self, finding: FindingLine) -> str | None:
        return self._editor_url(finding.file, finding.line)

    def _editor_url(self, file: str | None, line: int | None) -> str | None:
        """The link to `file` at `line` in Fava's editor: only for the ledger's own files.

        A finding about a register's row has no link: Fava's editor shows source files only,
        and the register is not one (it holds identity numbers).
        """
        if not file or file not in self.ledger.options["include"]:
            return None
        if self.ledger.fava_options.use_external_editor:
            return f"beancount://{file}?lineno={line or 1}"
        return url_for("report", report_name="editor", file_path=file, line=line)

    def _endpoint_url(self, endpoint: str, **args: str) -> str:
        """The URL of one of this extension's endpoints (`url_for` takes no `endpoint=`)."""
        adapter = current_app.create_url_adapter(request)
        values = {"bfile": g.beancount_file_slug, "extension_name": self.name, "endpoint": endpoint}
        return adapter.build("extension_endpoint", {**values, **args})

    def _account_links(self, year: int, accounts: list[str]) -> dict[str, AccountLinks]:
        """Each account's journal and changes of `year` in Fava, on the yearly interval."""
        links = {}
        for account in accounts:
            args = {"name": account, "time": str(year), "interval": "year"}
            links[account] = AccountLinks(
                url_for("account", **args), url_for("account", **args, r="changes")
            )
        return links

    def page(self) -> PageView:
        """The page for the current request (the template's only call)."""
        figures = self.figures()
        t = figures.labels
        choice = self._chosen(figures)
        notes = []
        if request.args.get("account") or (request.args.get("filter") or "").strip():
            notes.append(t("fava-other-filters"))
        years = [
            YearLink(
                year,
                url_for("extension_report", extension_name=self.name, time=str(year)),
                year == choice.year,
            )
            for year in figures.years
        ]
        if choice.year is None:
            return PageView(t, None, choice.message, notes, years, None, [], [], {})
        year_figures = figures.of_year(choice.year)
        findings = [
            LinkedFinding(line, self._source_url(line), t("fava-show-source", where=line.where))
            for line in year_figures.findings
        ]
        downloads = [
            Link(t(label), self._endpoint_url(name, year=str(choice.year)))
            for name, (label, _) in DOWNLOADS.items()
        ]
        categories = list(figures.ledger.grant.config.categories)
        return PageView(
            t,
            choice.year,
            choice.message,
            notes,
            years,
            year_figures,
            findings,
            downloads,
            self._account_links(choice.year, categories),
            lambda source: self._editor_url(*source),
        )

    @extension_endpoint
    def data(self) -> dict[str, Any]:
        """The year's figures as JSON: the budget, funding, balances and performance reports.

        With an asset register that reads, the fixed-asset report (`assets`) too.
        """
        figures, year = self._year()
        grant = figures.ledger.grant
        kinds = ["budget", "funding", "balances", "performance"]
        if grant.config.assets and not grant.assets.register_errors:
            kinds.append("assets")
        return {
            "year": year,
            "years": figures.years,
            "closed": grant.books[year].closed,
            **{kind: report_json(figures.report(kind, year)) for kind in kinds},
            "findings": [finding.as_json() for finding in figures.findings(year)],
        }

    def _send(self, name: str) -> Response:
        figures, year = self._year()
        _, make = DOWNLOADS[name]
        try:
            download = make(figures.ledger, year, figures.language)
        except RegisterError as error:
            labels = figures.labels
            raise FavaAPIError(labels("assets-refused", error=error.say(labels))) from error
        return send_file(
            io.BytesIO(download.content),
            mimetype=download.mimetype,
            as_attachment=True,
            download_name=download.name,
        )

    @extension_endpoint
    def excel(self) -> Response:
        """The year's inspection pack as an Excel workbook."""
        return self._send("excel")

    @extension_endpoint
    def html(self) -> Response:
        """The year's inspection pack as one printable HTML page."""
        return self._send("html")

    @extension_endpoint
    def pack(self) -> Response:
        """The year's whole inspection pack: a zip with the workbook, the page, the copies."""
        return self._send("pack")
