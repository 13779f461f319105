"""The `mch-ledger` command group.

Each subcommand is a module of `commands`; this group only names them and imports a module when
its subcommand runs, so `mch-ledger validate` never pays for pandas or Fava.
"""

from __future__ import annotations

import importlib

import click

#: Subcommand name -> "module:attribute" of its click command.
SUBCOMMANDS: dict[str, str] = {
    "validate": "commands.validate:validate_command",
    "close": "commands.close:close_command",
    "import": "commands.imports:import_group",
    "link-documents": "commands.link_documents:link_documents_command",
    "report": "commands.report:report_command",
    "serve": "commands.serve:serve_command",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Names of all subcommands."""
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return the subcommand `cmd_name`."""
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            return None
        return getattr(module, attribute, None)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mch-ledger")
def main() -> None:
    """Grant ledger of the 母婴健康工程: validate, close, import, link copies, report."""
