"""`mch-ledger serve LEDGER`: Fava on the grant ledger, listening on this machine only by default.

Fava has no login: whoever can reach the address can read the books and, unless `--read-only`,
edit them. So the default address is 127.0.0.1, and any other address prints a warning. What a
served Fava may and may not do is `serving`'s: this command only reads its options, starts the
server and says what it serves, in the ledger's language.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

from commands.errors import Refusal, speak
from ledger.i18n import Catalogue

LOOPBACK_HOST = "127.0.0.1"
DEFAULT_PORT = 5000


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.argument("ledger", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--host",
    default=LOOPBACK_HOST,
    show_default=True,
    help="Address to listen on. Any other than 127.0.0.1 lets everyone who can reach it "
    "read the books (and edit them, unless --read-only).",
)
@click.option("--port", default=DEFAULT_PORT, show_default=True, help="Port to listen on.")
@click.option(
    "--read-only",
    is_flag=True,
    help="For auditors: nothing can be changed through Fava, no import runs, only the grant "
    "page and Fava's own extensions as loaded at start are served, and no new code is loaded.",
)
@click.option(
    "--auto-commit/--no-auto-commit",
    default=True,
    show_default=True,
    help="Commit each change made through Fava when the ledger is in a git repository.",
)
def serve_command(ledger: Path, host: str, port: int, read_only: bool, auto_commit: bool) -> None:
    """Browse LEDGER in Fava at http://HOST:PORT."""
    # Beancount's pickle cache ignores changes to plugin code: Fava must load the ledger afresh.
    os.environ["BEANCOUNT_DISABLE_LOAD_CACHE"] = "1"
    from cheroot.wsgi import Server

    from serving.app import serve_app
    from serving.fava_private import UnsupportedFavaError
    from serving.folders import declared_folders

    ledger = ledger.resolve()
    declared = declared_folders(ledger)
    t = Catalogue(declared.language)
    speak(t.language)
    if not is_loopback(host):
        key = "serve.warning-host-read-only" if read_only else "serve.warning-host"
        click.secho(t(key, host=host), fg="yellow", err=True)
    try:
        served = serve_app(ledger, read_only=read_only, auto_commit=auto_commit, declared=declared)
    except UnsupportedFavaError as error:
        raise Refusal(t("serve.fava-unsupported", problem=error)) from error
    for extension in served.turned_off:
        click.echo(t("serve.extension-off", extension=extension))
    if served.commits:
        click.echo(t("serve.commits", folder=ledger.parent))
    elif auto_commit and not read_only:
        click.echo(t("serve.not-git"))
    server = Server((host, port), served.app)
    listening = "serve.listening-read-only" if read_only else "serve.listening"
    click.secho(t(listening, host=host, port=port), fg="green")
    try:
        server.start()
    except KeyboardInterrupt:
        server.stop()
    except OSError as error:
        if "No socket could be created" in str(error):
            raise Refusal(t("serve.address-in-use", host=host, port=port)) from error
        raise
