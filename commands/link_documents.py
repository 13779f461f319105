"""`mch-ledger link-documents LEDGER`: link the voucher copies on file to their entries.

Scans filed under the documents folders whose names carry an entry's voucher number
(`2026-03-23.记-2026-005.pdf`, or Fava's upload naming `2026-11-20 记-2026-045.pdf`) get a
`document:` line on their entry (`document-2:` … for further copies), in open years only: a
closed year is sealed. The files holding the entries are written beside and renamed, their
previous versions kept as `FILE.bak`, under the ledger's lock; the books are then read again,
and if they read worse the files are put back. `--dry-run` shows what would be linked.

Exit status: 0 done (or nothing to do), 1 refused (the books changed meanwhile, another writer
holds them, a link would break them), 2 the ledger cannot be read or written (a read-only
folder, a full disk: one line naming the file, nothing changed), 3 it declares no grant.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from pathlib import Path

import click

from commands.close import _write_failed
from commands.errors import Refusal, speak
from commands.validate import NoGrant, UnreadableLedger
from ledger.atomic import replace_atomically, write_atomically
from ledger.beneficiaries.identity import mask_in_text
from ledger.describe import describe_entry
from ledger.findings import display_path
from ledger.i18n import Catalogue
from ledger.linking import Link, LinkError, LinkPlan, insert_links, plan_links
from ledger.loading import LoadedLedger, UnreadableLedgerError, load_ledger
from ledger.locking import LedgerBusyError, ledger_lock, lock_path


class LinkRefused(Refusal):
    """The links cannot be written: exit status 1."""


def _where(link_or_entry) -> str:
    meta = link_or_entry.meta
    return f"{display_path(meta.get('filename'))}:{meta.get('lineno')}"


def show_plan(plan: LinkPlan, messages: Catalogue) -> None:
    """Print each link and each copy left unlinked, with why."""
    for link in plan.links:
        click.echo(
            messages(
                "link.line",
                where=_where(link.entry),
                entry=describe_entry(link.entry, messages),
                key=link.key,
                copy=display_path(link.path),
            )
        )
    sealed: dict[int, int] = defaultdict(int)
    for skipped in plan.skipped:
        if skipped.reason == "sealed":
            sealed[skipped.entries[0].date.year] += 1
            continue
        where = messages.join(_where(entry) for entry in skipped.entries)
        copy = display_path(skipped.path)
        # An undated name: the period cannot be told; the example puts an entry's date before it.
        key = "link.undated" if skipped.reason == "undated" else "link.ambiguous"
        example = f"{skipped.entries[-1].date.isoformat()}.{Path(skipped.path).name}"
        click.echo(
            messages(
                key,
                copy=copy,
                voucher=skipped.number,
                where=where,
                example=example,
            ),
            err=True,
        )
    for year, count in sorted(sealed.items()):
        click.echo(messages("link.sealed", year=year, count=count), err=True)


def _new_texts(links: list[Link], messages: Catalogue) -> dict[Path, tuple[str, str]]:
    """Each file's text now and with its links, all worked out before anything is written."""
    by_file: dict[Path, list[Link]] = defaultdict(list)
    for link in links:
        by_file[Path(link.entry.meta["filename"])].append(link)
    texts = {}
    for path, file_links in by_file.items():
        text = path.read_text(encoding="utf-8")
        try:
            texts[path] = (text, insert_links(text, file_links))
        except LinkError as error:
            raise LinkRefused(
                messages("link.changed", file=display_path(str(path)), detail=error)
            ) from error
    return texts


def _write_links(loaded: LoadedLedger, plan: LinkPlan, messages: Catalogue) -> list[Path]:
    """Write the links; put every file back if the books then read worse. The backups.

    Raises:
        OSError: a file cannot be written (those written before it are put back).
    """
    texts = _new_texts(plan.links, messages)
    before = len(loaded.beancount_errors)
    backups = []
    written: list[tuple[Path, str]] = []
    for path, (old, new) in texts.items():
        try:
            backups.append(replace_atomically(path, new))
        except OSError as error:
            for done, text in written:
                with contextlib.suppress(OSError):
                    write_atomically(done, text.encode("utf-8"))
            raise OSError(error.errno, error.strerror, str(path)) from error
        written.append((path, old))
    reloaded = load_ledger(loaded.path)
    if len(reloaded.beancount_errors) > before:
        for path, (old, _) in texts.items():
            write_atomically(path, old.encode("utf-8"))
        # Beancount's words may quote an included register's line: never a whole ID number.
        detail = mask_in_text(reloaded.beancount_errors[0].message)
        raise LinkRefused(messages("link.broke", detail=detail))
    return backups


@click.command("link-documents")
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--dry-run", "-n", is_flag=True, help="Only show what would be linked; write nothing."
)
def link_documents_command(ledger: Path, dry_run: bool) -> None:
    """Link the voucher copies under LEDGER's documents folders to their entries.

    A file whose name carries an entry's voucher number (2026-03-23.记-2026-005.pdf, or
    2026-11-20 记-2026-045.pdf as Fava names an upload) is added to the entry as
    `document:` (or document-2: …), in open years only. Files holding entries are written
    beside and renamed, the previous versions kept as FILE.bak.
    """
    try:
        with ledger_lock(ledger):
            try:
                loaded = load_ledger(ledger)
            except UnreadableLedgerError as error:
                raise UnreadableLedger(str(error)) from error
            messages = loaded.grant.messages
            speak(messages.language)
            grant = loaded.grant
            if not grant.is_grant_ledger:
                raise NoGrant(messages("no-grant", ledger=display_path(str(loaded.path))))
            plan = plan_links(loaded.entries, grant.config, grant.vouchers, grant.documents)
            show_plan(plan, messages)
            entries = len({id(link.entry) for link in plan.links})
            count = len(plan.links)
            if not plan.links:
                click.echo(messages("link.nothing"))
                return
            if dry_run:
                click.echo(messages("link.dry-run", count=count, entries=entries))
                return
            backups = _write_links(loaded, plan, messages)
    except LedgerBusyError as error:
        raise LinkRefused(str(error)) from error
    except OSError as error:
        # A read-only folder or a full disk: the lock file or a file of the books.
        path = Path(error.filename) if error.filename else lock_path(ledger)
        raise _write_failed(Catalogue("en"), path, error) from error
    names = messages.join(display_path(str(path)) for path in backups)
    click.echo(messages("link.done", count=count, entries=entries, backups=names))
