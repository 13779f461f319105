"""`mch-ledger serve LEDGER`: Fava on the grant ledger, listening on this machine only by default.

Fava has no login: whoever can reach the address can read the books and, unless `--read-only`,
edit them. So the default address is 127.0.0.1, and any other address prints a warning.

Two ways to serve, for two kinds of user (the README shows them behind a reverse proxy):

- writable, for the accountant: when the ledger is in a git repository, each change made
  through Fava is committed (Fava's own `fava.ext.auto_commit`), so the books keep an audit
  trail of every edit even though Fava rewrites files in place;
- `--read-only`, for auditors: Fava's read-only mode refuses every request that is not a GET.
  A GET can still run code the ledger names, so this mode also turns that off: the import page
  (the `import-config` importers, which read any file a request names), and every Fava
  extension but ours (`reports.fava_grant`) and Fava's own (`fava.ext.*`), whose endpoints,
  pages, scripts and request hooks are then gone. Loading the ledger still runs what it names at
  load time (its plugins, its extensions' modules), as `bean-check` does.
"""

from __future__ import annotations

import inspect
import ipaddress
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import click
import fava.ext
from fava.application import create_app
from fava.core.extensions import ExtensionModule
from fava.core.ingest import IngestModule
from fava.ext.auto_commit import AutoCommit

import reports.fava_grant

if TYPE_CHECKING:  # pragma: no cover
    from fava.core import FavaLedger
    from fava.ext import FavaExtensionBase
    from flask import Flask

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


def in_git_repository(path: Path) -> bool:
    """Whether the file at `path` is inside a git work tree (False when git is missing)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(path.parent), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def is_trusted(extension: FavaExtensionBase) -> bool:
    """Whether a read-only Fava may run `extension`: ours or one Fava ships."""
    # By where its code is, not by its module's name, which a ledger's folder could shadow.
    source = Path(inspect.getfile(type(extension))).resolve()
    trusted = (Path(fava.ext.__file__).parent, Path(reports.fava_grant.__file__).parent)
    return any(source.is_relative_to(folder.resolve()) for folder in trusted)


class ServedExtensions(ExtensionModule):
    """The ledger's Fava extensions as `serve` runs them.

    Read-only, every extension but ours and Fava's own is dropped, at start-up and at each
    reload; with auto-commit, Fava's `AutoCommit` runs beside the ledger's own extensions.
    """

    def __init__(self, ledger: FavaLedger, *, read_only: bool, auto_commit: bool) -> None:
        super().__init__(ledger)
        self.read_only = read_only
        self.auto_commit = auto_commit
        self.turned_off: set[str] = set()

    def adopt(self, loaded: ExtensionModule) -> None:
        """Take over the extensions Fava loaded at start-up, then apply the policy."""
        self._instances = dict(loaded._instances)
        self._loaded_extensions = set(loaded._loaded_extensions)
        self.errors = list(loaded.errors)
        self._apply()

    def load_file(self) -> None:
        """Load the extensions the ledger names, then apply the policy."""
        super().load_file()
        self._apply()

    def _apply(self) -> None:
        # Fava instantiates an extension class once per ledger: dropped, it does not come back.
        if self.read_only:
            for name, extension in list(self._instances.items()):
                if not is_trusted(extension):
                    del self._instances[name]
                    self.turned_off.add(f"{type(extension).__module__}.{name}")
        if self.auto_commit and AutoCommit not in self._loaded_extensions:
            self._loaded_extensions.add(AutoCommit)
            self._instances[AutoCommit.__qualname__] = AutoCommit(self.ledger)


class NoImports(IngestModule):
    """Fava's import module with the ledger's import config and import folders ignored."""

    def load_file(self) -> None:
        """Forget the import options Fava just parsed, so no importer is loaded or run."""
        self.ledger.fava_options.import_config = None
        self.ledger.fava_options.import_dirs = []
        super().load_file()


def apply_policy(ledger: FavaLedger, *, read_only: bool, auto_commit: bool) -> list[str]:
    """Make a loaded Fava ledger serve as `serve` promises: see the module's docstring.

    Args:
        ledger: a Fava ledger, loaded.
        read_only: turn off the import page and every extension but ours and Fava's own.
        auto_commit: commit each change made through Fava (Fava's `AutoCommit` extension).

    Returns:
        The extensions turned off, as `module.Class`.
    """
    extensions = ServedExtensions(ledger, read_only=read_only, auto_commit=auto_commit)
    extensions.adopt(ledger.extensions)
    ledger.extensions = extensions
    if read_only:
        ledger.ingest = NoImports(ledger)
        ledger.ingest.load_file()
    return sorted(extensions.turned_off)


def serve_app(ledger: Path, *, read_only: bool, auto_commit: bool) -> tuple[Flask, list[str]]:
    """Fava's application on `ledger`, loaded, with `apply_policy` applied.

    Returns:
        The application, and the extensions the read-only mode turned off.
    """
    # Loaded now, so the policy holds from the first request on.
    app = create_app([str(ledger)], load=True, read_only=read_only)
    turned_off = []
    for fava_ledger in app.config["LEDGERS"].ledgers:
        turned_off += apply_policy(fava_ledger, read_only=read_only, auto_commit=auto_commit)
    return app, turned_off


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
    help="For auditors: nothing can be changed through Fava, and the import page and other "
    "extensions than the grant page and Fava's own are off.",
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

    if not is_loopback(host):
        click.secho(
            f"warning: listening on {host}: Fava has no login, so anyone who can reach this "
            "address can read the books"
            + ("" if read_only else " and edit them")
            + ". Put it behind a reverse proxy with authentication (see the README).",
            fg="yellow",
            err=True,
        )
    ledger = ledger.resolve()
    commits = auto_commit and not read_only and in_git_repository(ledger)
    app, turned_off = serve_app(ledger, read_only=read_only, auto_commit=commits)
    for extension in turned_off:
        click.echo(f"read-only: extension {extension} is off")
    if commits:
        click.echo(f"each change made through Fava is committed to git in {ledger.parent}")
    elif auto_commit and not read_only:
        click.echo(
            "the ledger is not in a git repository: changes made through Fava are not committed"
        )
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
