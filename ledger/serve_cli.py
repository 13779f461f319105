"""`mch-ledger serve LEDGER`: Fava on the grant ledger, listening on this machine only by default.

Fava has no login: whoever can reach the address can read the books and, unless `--read-only`,
edit them. So the default address is 127.0.0.1, and any other address prints a warning.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

LOOPBACK_HOST = "127.0.0.1"
DEFAULT_PORT = 5000


class AddressInUse(click.ClickException):
    """The port is taken, most often by another Fava."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            f"cannot listen on {host}:{port}: the port is in use (another Fava?); "
            "stop it or choose another port with --port"
        )


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
    help="Fava's read-only mode, for auditors: nothing can be changed through Fava.",
)
def serve_command(ledger: Path, host: str, port: int, read_only: bool) -> None:
    """Browse LEDGER in Fava at http://HOST:PORT."""
    # Beancount's pickle cache ignores changes to plugin code: Fava must load the ledger afresh.
    os.environ["BEANCOUNT_DISABLE_LOAD_CACHE"] = "1"
    from cheroot.wsgi import Server
    from fava.application import create_app

    if not is_loopback(host):
        click.secho(
            f"warning: listening on {host}: Fava has no login, so anyone who can reach this "
            "address can read the books"
            + ("" if read_only else " and edit them")
            + ". Put it behind a reverse proxy with authentication (see the README).",
            fg="yellow",
            err=True,
        )
    app = create_app([str(ledger.resolve())], read_only=read_only)
    server = Server((host, port), app)
    mode = " (read-only)" if read_only else ""
    click.secho(f"Fava on http://{host}:{port}{mode}: stop it with Ctrl-C", fg="green")
    try:
        server.start()
    except KeyboardInterrupt:
        server.stop()
    except OSError as error:
        if "No socket could be created" in str(error):
            raise AddressInUse(host, port) from error
        raise
