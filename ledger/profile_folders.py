"""Where bank profiles live: the shipped ones, and the folders `import-profiles` directives name.

The statement importer reads the profiles (`importers.profiles`). The grant's directives are
checked here, once per load, without reading a profile: a folder that does not exist, and a
profile named like a shipped one or like one of an earlier folder (compared without case, as
Windows compares file names), are `config` findings at the directive, so `bean-check`, Fava and
`validate` report what the importer would refuse. It costs a directory listing per folder.

    2024-01-01 custom "import-profiles" "banks"     ; banks/mybank.toml is the profile mybank
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from beancount.core import data

#: The profiles shipped with mch-ledger (the importer's package data).
SHIPPED_PROFILES = Path(__file__).parent.parent / "importers" / "profiles"
#: A profile is a TOML file, named after the file.
PROFILE_GLOB = "*.toml"


def profile_folder(entry: data.Custom) -> Path:
    """The folder an `import-profiles` directive names, relative to the file holding it."""
    folder = Path(str(entry.values[0].value))
    filename = str(entry.meta.get("filename", ""))
    if folder.is_absolute() or not filename or filename.startswith("<"):
        return folder
    return Path(filename).resolve().parent / folder


def profile_files(folder: Path) -> list[Path]:
    """The profile files of `folder`, by name."""
    return sorted(folder.glob(PROFILE_GLOB))


@functools.cache
def _shipped() -> tuple[Path, ...]:
    return tuple(profile_files(SHIPPED_PROFILES))


class FolderProblem(NamedTuple):
    """What is wrong with an `import-profiles` directive's folder."""

    entry: data.Custom
    key: str
    """`profiles-no-folder` or `profiles-clash` (the `config` finding's)."""
    fields: dict[str, str]


def folder_problems(entries: Sequence[data.Custom]) -> Iterator[FolderProblem]:
    """The folders of `entries` (well-formed `import-profiles`) that do not exist, or clash.

    A clash names the profile, its file and the file that has the name already (a shipped
    profile, or one of an earlier directive's folder); a folder named twice is no clash.
    """
    if not entries:
        return
    seen = {path.stem.casefold(): path for path in _shipped()}
    folders_seen = {SHIPPED_PROFILES.resolve()}
    for entry in entries:
        folder = profile_folder(entry)
        if not folder.is_dir():
            yield FolderProblem(entry, "profiles-no-folder", {"folder": str(folder)})
            continue
        if folder.resolve() in folders_seen:
            continue
        folders_seen.add(folder.resolve())
        for path in profile_files(folder):
            other = seen.setdefault(path.stem.casefold(), path)
            if other is not path:
                fields = {"id": path.stem, "file": str(path), "other": str(other)}
                yield FolderProblem(entry, "profiles-clash", fields)
