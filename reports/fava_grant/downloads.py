"""The inspection pack of a year as downloads: its Excel workbook, its HTML page, the whole zip.

The same files `mch-ledger report pack` writes (`reports.pack`), made in memory or in a
temporary folder, so a download writes nothing beside the ledger (no copy register entry:
that is for a pack given out with `--recipient`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import NamedTuple

from ledger.loading import LoadedLedger
from ledger.model import Year
from reports.pack import pack_reports, pack_stem, pack_title, write_pack
from reports.render.as_html import render_html
from reports.render.as_xlsx import render_xlsx

UNIT = "yuan"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Download(NamedTuple):
    """A file to send: its name, its bytes and its media type."""

    name: str
    content: bytes
    mimetype: str


def pack_workbook(ledger: LoadedLedger, year: Year, language: str) -> Download:
    """The pack's Excel workbook of `year`: every report, a sheet per table."""
    content = render_xlsx(pack_reports(ledger, year, language), UNIT)
    return Download(f"{pack_stem(language, year)}.xlsx", content, XLSX)


def pack_page(ledger: LoadedLedger, year: Year, language: str) -> Download:
    """The pack's printable HTML page of `year`."""
    page = render_html(pack_reports(ledger, year, language), UNIT, pack_title(language, year))
    return Download(f"{pack_stem(language, year)}.html", page.encode("utf-8"), "text/html")


def pack_zip(ledger: LoadedLedger, year: Year, language: str) -> Download:
    """The whole pack of `year` as a zip: workbook, page, voucher copies and their checksums."""
    with tempfile.TemporaryDirectory(prefix="mch-pack-") as folder:
        name = f"{pack_stem(language, year)}.zip"
        written = write_pack(ledger, year, language, UNIT, Path(folder) / name)
        return Download(name, written.read_bytes(), "application/zip")


#: Download (the endpoint's name) -> the label of its link and its maker.
DOWNLOADS = {
    "excel": ("fava-xlsx", pack_workbook),
    "html": ("fava-html", pack_page),
    "pack": ("fava-zip", pack_zip),
}
