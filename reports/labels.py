"""The catalogue as the reports use it: column headings and titles with the years covered.

The words themselves are in `ledger.i18n.reports`, with every other text of the product.
"""

from __future__ import annotations

from typing import Any

from ledger.i18n import LANGUAGES, Catalogue
from reports.table import Column, ColumnKind

__all__ = ["LANGUAGES", "Labels"]


class Labels(Catalogue):
    """The catalogue in one language, with the reports' helpers: columns, titles with years."""

    def column(self, key: str, kind: ColumnKind) -> Column:
        """A column whose heading is the label of its key."""
        return Column(key, kind, self(key))

    def columns(self, *spec: tuple[str, ColumnKind]) -> list[Column]:
        """Columns from (key, kind) pairs."""
        return [self.column(key, kind) for key, kind in spec]

    def year_title(self, base: str, year: int | None, years: list[int], **fields: Any) -> str:
        """The title `base` (filled in with `fields`) with the year(s) a report covers."""
        name = self(base, **fields)
        if year is not None:
            span = self("of-year", year=year)
        elif years:
            span = self("all-years", first=years[0], last=years[-1])
        else:
            return name
        return f"{span}{name}" if self.language == "zh" else f"{name}, {span}"
