"""The command line's refusals, after `错误：` in a Chinese ledger and `Error: ` otherwise.

Click prints an exception's message after its own English "Error: ". Our refusals are said in
the ledger's language (or `--lang`'s), so their prefix is too, in one place: each command says
the language it speaks as soon as it knows it (`speak`), and every refusal it raises is a
`Refusal`, which takes that language when it is raised and shows itself with the prefix of
it. A refusal raised before the ledger is read (one that cannot be read, say) is in English.
Click's own usage errors (an unknown option) keep click's words.
"""

from __future__ import annotations

from typing import IO, Any

import click

from ledger.i18n import DEFAULT_LANGUAGE, Catalogue

#: Where a command keeps the language it speaks: click's `Context.meta`, shared by the command
#: group's context and its subcommand's.
LANGUAGE_KEY = "mch_ledger.language"


def speak(language: str) -> None:
    """Say that the running command speaks `language` (`zh` or `en`) from now on."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[LANGUAGE_KEY] = language


def spoken() -> str:
    """The language the running command speaks (English until it says)."""
    context = click.get_current_context(silent=True)
    return context.meta.get(LANGUAGE_KEY, DEFAULT_LANGUAGE) if context else DEFAULT_LANGUAGE


class Refusal(click.ClickException):
    """A refusal of the command line, shown as `错误：…` or `Error: …` on standard error.

    Args:
        message: what is wrong and what to do, in `language`.
        language: the message's language (default: the one the command speaks, `speak`).
    """

    def __init__(self, message: str, language: str | None = None) -> None:
        super().__init__(message)
        self.language = language or spoken()

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the message after the prefix of its language, on standard error."""
        text = Catalogue(self.language)("cli.error", message=self.format_message())
        click.echo(text, err=True, file=file)
