"""Which Python code a served ledger may run: never a file from its voucher or statement folders.

Fava writes uploaded files into the ledger's documents folders (voucher copies) and its import
folders (statements). A ledger names code by module or path: `plugin "x"`, `custom
"fava-extension" "x"`, an `import-config` file. Whoever can upload a file through a writable
Fava and edit the ledger could otherwise upload `evil.py` as a voucher copy and then name it.

`CodeGuard` sits first in `sys.meta_path`, where Python asks where a module's code is before
running it: a module whose file lies under one of those folders is refused with an
`ImportError`, which Beancount and Fava show as a load error and otherwise ignore. The folders
only grow while `serve` runs (a folder declared once stays refused after the ledger drops it),
since a file uploaded into it stays there. Import configs are run by path, not imported: Fava's
import config loader asks the same guard (`serving.fava_private`).

A read-only instance goes further once it has started (`freeze`): it imports no module from
outside the installed software, so editing the ledger on disk to name new code does nothing
until the instance is restarted by whoever runs it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import site
import sys
import sysconfig
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType

import commands
import importers
import ledger
import reports
import serving
from ledger.i18n import Catalogue


class RefusedCodeError(ImportError):
    """A module the guard does not let run: Beancount and Fava report it as a load error."""


def installed_roots() -> list[Path]:
    """Where the installed software lives: Python's own library, site-packages, mch-ledger's."""
    paths = sysconfig.get_paths()
    roots = {Path(paths[key]) for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    # A distribution's Python (Debian's dist-packages) keeps packages beyond sysconfig's paths.
    roots |= {Path(folder) for folder in site.getsitepackages()}
    roots.add(Path(site.getusersitepackages()))
    packages: Sequence[ModuleType] = (commands, importers, ledger, reports, serving)
    roots |= {Path(package.__file__).parent for package in packages if package.__file__}
    return sorted({root.resolve() for root in roots})


def _within(path: Path, folders: Iterable[Path]) -> Path | None:
    return next((folder for folder in folders if path.is_relative_to(folder)), None)


class CodeGuard(importlib.abc.MetaPathFinder):
    """Refuses to import a module whose file lies in a voucher or statement folder.

    Args:
        folders: the documents and import folders declared when `serve` starts.
        messages: the words of the refusals, in the ledger's language.
    """

    def __init__(self, folders: Iterable[Path], messages: Catalogue) -> None:
        self.folders: set[Path] = {Path(folder).resolve() for folder in folders}
        self.messages = messages
        self.sources: list[Callable[[], Iterable[Path]]] = []
        self.installed: list[Path] | None = None
        self._lock = threading.Lock()
        self._local = threading.local()

    def watch(self, source: Callable[[], Iterable[Path]]) -> None:
        """Also refuse the folders `source` gives each time the guard is asked (a load's)."""
        self.sources.append(source)

    def freeze(self) -> None:
        """From now on import no module from outside the installed software (read-only)."""
        self.installed = installed_roots()

    def refused_folders(self) -> set[Path]:
        """Every folder refused so far, the watched sources' current ones included."""
        with self._lock:
            for source in self.sources:
                self.folders |= {Path(folder).resolve() for folder in source()}
            return set(self.folders)

    def refusal(self, path: str | Path) -> str | None:
        """Why the code in the file at `path` must not run; None when it may."""
        code = Path(path).resolve()
        folder = _within(code, self.refused_folders())
        if folder is not None:
            return self.messages("serve.code-in-folder", path=code, folder=folder)
        if self.installed is not None and _within(code, self.installed) is None:
            return self.messages("serve.code-new", path=code)
        return None

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """Find `fullname` with the finders after this one; refuse it if its file may not run.

        Raises:
            RefusedCodeError: the module's file lies in a refused folder, or (read-only) outside
                the installed software.
        """
        if getattr(self._local, "busy", False):
            return None
        self._local.busy = True
        try:
            spec = self._spec_of(fullname, path, target)
        finally:
            self._local.busy = False
        if spec is None or not spec.has_location or not spec.origin:
            return spec
        reason = self.refusal(spec.origin)
        if reason is not None:
            raise RefusedCodeError(reason, name=fullname, path=spec.origin)
        return spec

    def _spec_of(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None
    ) -> importlib.machinery.ModuleSpec | None:
        for finder in list(sys.meta_path):
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                return spec
        return None

    def install(self) -> None:
        """Put the guard first in `sys.meta_path`."""
        if self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        """Take the guard out of `sys.meta_path` (for tests: a serving process keeps it)."""
        if self in sys.meta_path:
            sys.meta_path.remove(self)
