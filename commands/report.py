"""`mch-ledger report KIND LEDGER`: the auditors' reports, as text, CSV, JSON, Excel or HTML.

A report is written whole or not at all: to `--output` through a temporary file renamed into
place, else to standard output (text, CSV, JSON, HTML). Exit status 0 when the report was made,
2 when the ledger cannot be read (its findings report is still made) or the report cannot be
written (a read-only folder, a full disk, another writer holding the ledger's lock: one line
naming the file, nothing written), 3 when the ledger declares no grant (there are no grant
books to report), 1 for any other refusal (an unknown KIND included, said in the ledger's
language). An option click cannot read (`--format pdf`) is a usage error: exit status 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from commands.errors import Refusal, speak, spoken
from commands.validate import check_grant_and_year
from ledger.atomic import write_atomically
from ledger.i18n import DEFAULT_LANGUAGE, LANGUAGES, Catalogue, choose_language
from ledger.loading import LoadedLedger, UnreadableLedgerError, load_ledger
from ledger.locking import LedgerBusyError
from ledger.registers import RegisterError
from reports.build import KINDS, build_report, unreadable_findings_report
from reports.context import NoDataForYearError
from reports.copy_register import in_code_folder, packs_folder
from reports.render import FORMATS, render
from reports.render.cells import UNITS

PACK = "pack"
REPORT_KINDS = (*KINDS, PACK)
EXIT_UNREADABLE = 2
EXIT_UNWRITABLE = 2


class NoDataForYear(Refusal):
    """The books have nothing for the year asked for."""


class UnknownKind(Refusal):
    """KIND names no report: exit status 1, said in the ledger's language (or `--lang`'s)."""


def _unknown_kind(kind: str, ledger: Path, lang: str | None) -> UnknownKind:
    """The refusal of a KIND that names no report, in the ledger's language."""
    language = lang
    if language is None:
        try:
            language = load_ledger(ledger).grant.config.language
        except UnreadableLedgerError:
            language = DEFAULT_LANGUAGE
    messages = Catalogue(language)
    return UnknownKind(
        messages("report.unknown-kind", kind=kind, kinds=messages.join(REPORT_KINDS)),
        language=messages.language,
    )


def _complete_kind(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """The report kinds a shell may complete KIND with."""
    return [
        click.shell_completion.CompletionItem(kind)
        for kind in REPORT_KINDS
        if kind.startswith(incomplete)
    ]


class UnwritableOutput(Refusal):
    """The report cannot be written where asked (a read-only folder, a full disk, a busy lock)."""

    exit_code = EXIT_UNWRITABLE


class PackRefused(Refusal):
    """The pack cannot be made where asked (a folder that exists, a pack handed out)."""


class OutputRequired(click.UsageError):
    """A binary report cannot go to the terminal."""


class UnreadableRegister(Refusal):
    """A register the ledger names does not read: nothing is written."""

    def __init__(self, error: RegisterError, language: str) -> None:
        messages = Catalogue(language)
        super().__init__(messages("assets-refused", error=error.say(messages)))


def _choose_year(error: NoDataForYearError, language: str) -> str:
    """The refusal of a year the books do not cover, saying to choose one with --year."""
    return Catalogue(language)("report.choose-year", error=error)


def _check(loaded: LoadedLedger, year: int | None, language: str) -> None:
    """Refuse a ledger without a grant (exit 3) and a year its books do not cover (exit 1)."""
    # The pack's default year is the latest: only a year asked for can be missing.
    check_grant_and_year(loaded, year, Catalogue(language))


def _write(output: Path | None, content: bytes | str) -> None:
    if output is None:
        click.echo(content, nl=False)
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomically(output, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UnwritableOutput(
            Catalogue(spoken())("report.cannot-write", output=output, reason=reason)
        ) from error


@click.command("report")
@click.argument("kind", metavar="KIND", shell_complete=_complete_kind)
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=int, help="Only this fiscal year (default: all; pack: the latest).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text, csv, json (amounts in yuan), xlsx (needs --output) or a printable html page.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=True, path_type=Path),
    help="Write to this file instead of standard output (pack: a folder or a .zip; default "
    "packs/TITLE.zip beside the ledger, or in the user's data folder for a ledger in "
    "mch-ledger's own code folder).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Labels in Chinese or English (default: the ledger's language).",
)
@click.option(
    "--unit",
    type=click.Choice(UNITS),
    default="yuan",
    show_default=True,
    help="Show amounts in yuan or in 万元 (json stays in yuan).",
)
@click.option(
    "--recipient",
    help="pack: who the pack is given to; recorded in packs/copy-register.csv beside the ledger.",
)
@click.option(
    "--full-register",
    is_flag=True,
    help="pack: put the beneficiary register itself in the pack, identity numbers in full "
    "(default: the year's beneficiaries, masked); needs --recipient, and the copy register "
    "records it.",
)
def report_command(
    kind: str,
    ledger: Path,
    year: int | None,
    output_format: str,
    output: Path | None,
    lang: str | None,
    unit: str,
    recipient: str | None,
    full_register: bool,
) -> None:
    """Make the KIND report of LEDGER.

    KIND is budget (预算执行情况表), funding (资金到位情况), balances (结转结余表), performance
    (项目支出绩效自评表), ledger (总账、明细账), vouchers (凭证登记簿), assets (固定资产登记表),
    beneficiaries (救助对象花名册), findings (检查发现问题), or pack: all of them in one Excel
    workbook and one HTML page with the year's voucher copies, for a special inspection
    (专项检查).
    """
    if kind not in REPORT_KINDS:
        raise _unknown_kind(kind, ledger, lang)
    if full_register and (kind != PACK or not recipient):
        raise click.UsageError(
            "--full-register puts identity numbers in full into a pack: it is for `pack` with "
            "--recipient, so the copy register records who was given them"
        )
    if kind == PACK:
        from reports.pack import PackError, PackWriteError, write_pack

        try:
            loaded = load_ledger(ledger)
            language = choose_language(loaded.grant.config.language, lang)
            speak(language)
            _check(loaded, year, language)
            written = write_pack(
                loaded, year, language, unit, output, recipient, full_register=full_register
            )
        except UnreadableLedgerError as error:
            raise Refusal(str(error)) from error
        except NoDataForYearError as error:
            raise NoDataForYear(_choose_year(error, language)) from error
        except (PackWriteError, LedgerBusyError) as error:
            raise UnwritableOutput(str(error)) from error
        except PackError as error:
            raise PackRefused(str(error)) from error
        except RegisterError as error:
            raise UnreadableRegister(error, language) from error
        click.echo(f"{written}")
        if in_code_folder(loaded.path) and (output is None or recipient):
            folder = packs_folder(loaded.path)
            click.echo(Catalogue(language)("pack.outside-code", folder=folder), err=True)
        return
    if output_format == "xlsx" and output is None:
        raise OutputRequired("an Excel workbook cannot go to the terminal: give --output FILE.xlsx")
    try:
        loaded = load_ledger(ledger)
    except UnreadableLedgerError as error:
        if kind != "findings":
            raise Refusal(str(error)) from error
        language = lang or DEFAULT_LANGUAGE
        report = unreadable_findings_report(error, language)
        _write(output, render(output_format, [report], unit))
        raise SystemExit(EXIT_UNREADABLE) from error
    language = choose_language(loaded.grant.config.language, lang)
    speak(language)
    _check(loaded, year, language)
    try:
        report = build_report(kind, loaded, year, language)
    except NoDataForYearError as error:
        raise NoDataForYear(_choose_year(error, language)) from error
    except RegisterError as error:
        raise UnreadableRegister(error, language) from error
    _write(output, render(output_format, [report], unit))
