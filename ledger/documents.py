"""Voucher copies (原始凭证复印件): which an entry links, and where they are on file.

An entry links the copies of its original voucher in metadata keys starting with `document`
(which Fava links): a path relative to the file holding the entry, or a file in one of the
ledger's documents folders (`option "documents"`), where Beancount's documents plugin also
finds them.

    2024-03-18 * "县人民医院" "新生儿监护仪"
      document: "2024-03-18.记-2024-015.pdf"        ; in a documents folder
      document-2: "vouchers/2024/记-2024-015-2.pdf"  ; beside the ledger

The rules, the voucher register, the reports and the pack all find copies through one
`DocumentFinder` per load (`ledger.grant_ledger.GrantLedger.documents`).

A copy must stay inside the books: a value that resolves (symlinks included) outside the
ledger's folder and its documents folders, such as `"../../../../etc/passwd"` or
`"/etc/hostname"`, is never a copy on file (rule `document-outside`) and never leaves in a pack.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from beancount.core import data

DOCUMENT_PREFIX = "document"

#: What `DocumentFinder.judge` says of a copy.
MISSING, ON_FILE, OUTSIDE = 0, 1, 2


def voucher_copies(meta: Mapping[str, object]) -> dict[str, str]:
    """The voucher copies an entry links: its non-empty `document*` metadata, by key."""
    return {
        key: value
        for key, value in meta.items()
        if key.startswith(DOCUMENT_PREFIX) and type(value) is str and value
    }


def inside(path: str, roots: Iterable[str]) -> bool:
    """Whether the real path of `path` (symlinks resolved) lies in one of the folders `roots`."""
    real = os.path.normcase(os.path.realpath(path))
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def book_roots(options_map: Mapping[str, Any]) -> list[str]:
    """The folders voucher copies must stay in: the ledger's own and its documents folders.

    Real paths (symlinks resolved), case-normalised as the platform compares them.
    """
    folders = [os.path.dirname(options_map.get("filename") or ""), *document_dirs(options_map)]
    return list(dict.fromkeys(os.path.normcase(os.path.realpath(f or ".")) for f in folders))


def document_dirs(options_map: Mapping[str, Any]) -> list[str]:
    """The ledger's documents folders (`option "documents"`), as absolute paths."""
    root = os.path.dirname(options_map.get("filename") or "")
    return [
        os.path.normpath(os.path.join(root, folder)) for folder in options_map.get("documents", [])
    ]


class DocumentFinder:
    """Finds voucher copies, listing each folder once (a ledger has many copies per folder).

    Args:
        document_dirs: the ledger's documents folders.
        document_entries: the `document` directives Beancount's documents plugin made: a copy
            named by its file name alone is also found there.
        roots: the real folders copies must stay in (`book_roots`); None: anywhere.
    """

    def __init__(
        self,
        document_dirs: Iterable[str],
        document_entries: Iterable[data.Document],
        roots: Iterable[str] | None = None,
    ) -> None:
        self.document_dirs = list(document_dirs)
        self.roots = list(roots) if roots is not None else None
        #: The ledger's `document` directives, written or found by Beancount's documents plugin.
        self.document_entries = list(document_entries)
        #: Copies Beancount's documents plugin found, by file name (`document: "NAME"`).
        self.known = {
            os.path.basename(entry.filename): entry.filename for entry in self.document_entries
        }
        self._listings: dict[str, frozenset[str]] = {}
        self._bases: dict[str, list[str]] = {}
        self._by_folder: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
        self._names: dict[tuple[str, str], frozenset[str]] = {}
        self._plain: dict[str, list[tuple[str, frozenset[str]]]] = {}
        #: Per folder: the names in it that are symbolic links (resolved one by one).
        self._links: dict[str, frozenset[str]] = {}
        self._folder_inside: dict[str, bool] = {}
        self._surely_inside: dict[tuple[str, str], frozenset[str]] = {}

    @classmethod
    def of_ledger(
        cls, entries: Iterable[data.Directive], options_map: Mapping[str, Any]
    ) -> DocumentFinder:
        """The finder of a loaded ledger's copies."""
        return cls(
            document_dirs(options_map),
            (entry for entry in entries if isinstance(entry, data.Document)),
            book_roots(options_map),
        )

    def _listing(self, folder: str) -> frozenset[str]:
        listing = self._listings.get(folder)
        if listing is None:
            names, links = [], []
            try:
                # scandir tells symbolic links apart without a stat per file.
                with os.scandir(folder) as found:
                    for item in found:
                        names.append(item.name)
                        if item.is_symlink():
                            links.append(item.name)
            except OSError:
                pass
            listing = self._listings[folder] = frozenset(names)
            self._links[folder] = frozenset(links)
        return listing

    def _folders(self, entry_file: str, head: str) -> list[tuple[str, frozenset[str]]]:
        """The folders a copy named `head/NAME` may be in, with their listings."""
        if head.startswith("/"):
            bases = [""]
        else:
            bases = self._bases.get(entry_file)
            if bases is None:
                bases = [os.path.dirname(entry_file), *self.document_dirs]
                self._bases[entry_file] = bases
        folders = [os.path.normpath(os.path.join(base, head)) for base in bases]
        return [(folder, self._listing(folder)) for folder in folders]

    @staticmethod
    def _split(value: str, entry_file: str) -> tuple[tuple[str, str], str]:
        """The (entry file, folder part) a copy named `value` is looked up by, and its name."""
        head, slash, name = value.rpartition("/")
        if slash and not head:
            head = "/"
        return (entry_file, head), name

    def _folder_of(self, value: str, entry_file: str) -> tuple[str | None, str]:
        """The folder holding the copy named `value` (None if none does), and its file name."""
        key, name = self._split(value, entry_file)
        folders = self._by_folder.get(key)
        if folders is None:
            folders = self._by_folder[key] = self._folders(*key)
        for folder, listing in folders:
            if name in listing:
                return folder, name
        return None, name

    def exists(self, value: str, entry_file: str) -> bool:
        """Whether the copy named `value` in an entry of `entry_file` is on file."""
        key, name = self._split(value, entry_file)
        names = self._names.get(key)
        if names is None:
            # Every name in any folder the copy may be in: one set test per copy after this.
            names = self._names[key] = frozenset().union(
                *(listing for _, listing in self._folders(*key))
            )
        return name in names or value in self.known

    def _plain_folders(self, entry_file: str) -> list[tuple[str, frozenset[str]]]:
        """The folders a copy named without a folder may be in, with their listings."""
        folders = self._plain.get(entry_file)
        if folders is None:
            folders = self._plain[entry_file] = self._folders(entry_file, "")
        return folders

    def locate(self, value: str, entry_file: str) -> str | None:
        """The path of the copy named `value` in an entry of `entry_file`; None if not on file."""
        folder, name = self._folder_of(value, entry_file)
        return os.path.join(folder, name) if folder is not None else self.known.get(value)

    def is_inside(self, path: str) -> bool:
        """Whether the file at `path` lies (symlinks resolved) inside the books' folders."""
        if self.roots is None:
            return True
        folder, name = os.path.split(os.path.normpath(path))
        if name not in self._listing(folder):
            return inside(path, self.roots)
        return self._inside(folder, name)

    def surely_inside(self, entry_file: str, head: str = "") -> frozenset[str]:
        """File names a copy `head/NAME` may be given that are on file inside the books.

        The files of the folders such a copy is looked for in, when every one of them lies
        inside the books, symbolic links left out; else nothing (each copy is judged).

        Args:
            entry_file: the file holding the entry.
            head: the folder part of the copy's name, as written ("" for none, "/" for root).
        """
        key = (entry_file, head)
        found = self._surely_inside.get(key)
        if found is None:
            folders = self._folders(*key) if head else self._plain_folders(entry_file)
            if self.roots is None or all(self._inside(folder, "") for folder, _ in folders):
                found = frozenset().union(
                    *(listing - self._links[folder] for folder, listing in folders)
                )
            else:
                found = frozenset()
            self._surely_inside[key] = found
        return found

    def _inside(self, folder: str, name: str) -> bool:
        """Whether `folder/name`, a file found in `folder`, lies inside the books' folders."""
        if self.roots is None:
            return True
        if name in self._links.get(folder, ()):
            return inside(os.path.join(folder, name), self.roots)
        found = self._folder_inside.get(folder)
        if found is None:
            found = self._folder_inside[folder] = inside(folder, self.roots)
        return found

    def outside_documents(self) -> list[data.Document]:
        """The `document` directives whose file lies (symlinks resolved) outside the books."""
        if self.roots is None:
            return []
        return [entry for entry in self.document_entries if not self.is_inside(entry.filename)]

    def on_file(self, value: str, entry_file: str) -> bool:
        """Whether the file named `value` in an entry of `entry_file` is on file inside the books.

        A procurement record or a reported value's evidence counts only so: one outside the
        books is not on file (rule `document-outside`).
        """
        return self.judge(value, entry_file) == ON_FILE

    def judge(self, value: str, entry_file: str) -> int:
        """Whether the copy named `value` is `MISSING`, `ON_FILE`, or on file `OUTSIDE` the books.

        Args:
            value: the `document*` value as written.
            entry_file: the file holding the entry.
        """
        if "/" in value:
            folder, name = self._folder_of(value, entry_file)
        else:
            # Most copies are named without a folder: the folders `exists` looks in.
            name = value
            folder = None
            for found, listing in self._plain_folders(entry_file):
                if value in listing:
                    folder = found
                    break
        if folder is not None:
            return ON_FILE if self._inside(folder, name) else OUTSIDE
        known = self.known.get(value)
        if known is None:
            return MISSING
        return ON_FILE if self.is_inside(known) else OUTSIDE
