"""The product's words in Chinese and English: one catalogue, one rule for the language.

Every text a user reads (a finding, a report's label, a command's message, the grant page)
comes from one catalogue of `KEY -> {"zh": ..., "en": ...}` templates (`str.format` strings),
kept in a module per front end or feature: `findings`, `reports`, `commands`, `imports`,
`serving`, `tables` (files read beside the ledger), `beneficiaries`, `assets`, `performance`.

The language is the ledger's: `custom "fava-option" "language" "zh"` gives Chinese everywhere
(bean-check, Fava, `validate`, the reports, the importer), any other language or none gives
English, as Fava does. A command's `--lang` is an explicit override.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from beancount.core import data

from ledger.beneficiaries.identity import mask_in_text
from ledger.i18n.assets import ASSETS
from ledger.i18n.beneficiaries import BENEFICIARIES
from ledger.i18n.commands import COMMANDS
from ledger.i18n.findings import FINDINGS, WORDS
from ledger.i18n.imports import IMPORTS
from ledger.i18n.performance import PERFORMANCE
from ledger.i18n.reports import REPORTS
from ledger.i18n.serving import SERVING
from ledger.i18n.tables import TABLES

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "en"


def _merged(*tables: Mapping[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for key, texts in table.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} is defined twice")
            if set(texts) != set(LANGUAGES):
                raise ValueError(f"catalogue key {key!r} needs exactly {', '.join(LANGUAGES)}")
            merged[key] = texts
    return merged


CATALOGUE = _merged(
    FINDINGS,
    WORDS,
    REPORTS,
    COMMANDS,
    IMPORTS,
    SERVING,
    TABLES,
    BENEFICIARIES,
    ASSETS,
    PERFORMANCE,
)


def language_of(customs: Iterable[data.Custom]) -> str:
    """The ledger's language: `zh` if its Fava language option is Chinese, else `en`."""
    language = DEFAULT_LANGUAGE
    for entry in customs:
        if (
            entry.type == "fava-option"
            and len(entry.values or ()) >= 2
            and entry.values[0].dtype is str
            and entry.values[0].value == "language"
        ):
            language = "zh" if str(entry.values[1].value).lower().startswith("zh") else "en"
    return language


def choose_language(ledger_language: str, override: str | None = None) -> str:
    """The language to speak: an explicit `--lang`, else the ledger's."""
    return override if override in LANGUAGES else ledger_language


def plain_number(number: Decimal) -> str:
    """A number as people write it: `20`, `12.5`, `-5` (no exponent, no trailing zeros)."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(number: Decimal, currency: str | None) -> str:
    """An amount as accountants write it: thousands separators, two decimals, the currency."""
    text = f"{number:,.2f}"
    return f"{text} {currency}" if currency else text


class Catalogue:
    """The catalogue's texts in one language.

    Raises:
        ValueError: `language` is not one of `LANGUAGES`.
    """

    def __init__(self, language: str) -> None:
        language = "zh" if language.startswith("zh") else language
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}: choose from {', '.join(LANGUAGES)}")
        self.language = language

    def __call__(self, key: str, /, **fields: Any) -> str:
        """The text `key`, filled in with `fields`."""
        return CATALOGUE[key][self.language].format(**fields)

    def finding(self, rule: str, situation: str, /, **fields: Any) -> str:
        """The message of `rule`'s `situation`, prefixed with the rule id in brackets.

        Every finding's message is made here, and shown everywhere (bean-check, Fava, the
        reports, the packs): anything in it that looks like an identity number is masked, a
        value quoted from the books included (`ledger.beneficiaries.identity.mask_in_text`).
        """
        return mask_in_text(f"[{rule}] " + self(f"{rule}.{situation}", **fields))

    def word(self, key: str, /, **fields: Any) -> str:
        """A word or phrase used inside a finding's message."""
        return self(f"word.{key}", **fields)

    def join(self, items: Iterable[str]) -> str:
        """Items joined as a list in a sentence."""
        return self("word.and").join(items)

    def written(self, value: object) -> str:
        """A value from the ledger as its author wrote it, for a message (never a Python repr).

        Text in double quotes (`"产出-数目"`), a number as written (`0`, `12.5`), an amount with
        its currency, `TRUE`/`FALSE`, a date as ISO; no value at all in words (`nothing`, 空).
        """
        if value is None:
            return self("word.nothing")
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, str):
            return f'"{value}"'
        if isinstance(value, Decimal | int):
            return plain_number(Decimal(value))
        if isinstance(value, data.Amount):
            number = plain_number(value.number) if value.number is not None else ""
            return f"{number} {value.currency}".strip()
        return str(value)
