"""The WSGI layer in front of Fava's application: what a request to `mch-ledger serve` may do.

Fava has no hook that runs before it writes, so `serve` wraps Fava's WSGI application (Flask's
`app.wsgi_app`, the place Flask documents for middleware) and decides there:

- a query that would run a writing shell command (`.output` and the others of
  `serving.queries`) is refused with 400, on every instance, through every view that runs one;
  a query downloaded as CSV has its formulas neutralised, as the reports' CSV have;
- every write request (any method but GET, HEAD and OPTIONS) of a writable instance holds the
  ledger lock (`ledger.locking.ledger_lock`) from before Fava reads the books until after it
  has written them: inside it, Fava's load is made the books on disk now (`BooksOnDisk`), the
  entries being added get their voucher numbers (`serving.vouchers`), the write happens, the
  books are loaded again and the changed files are committed to git;
- an upload or move whose file name is a Python program is refused: a voucher copy or a
  statement is never code (`serving.code_guard` refuses to run one anyway);
- an extraction on the Import page that our importer refuses is answered with the refusal's
  message alone, as the command line says it, in place of Fava's "Error calling method on
  importer" and Python traceback (`importers.refusals`);
- a document or statement to serve (or delete) that resolves, symlinks included, outside the
  ledger's folder, its documents folders and its import folders is refused with 403.

A refusal is a JSON `{"error": ...}` in the ledger's language, as Fava's own API answers, and
leaves every file as it was. A read-only instance takes no lock (its user may be unable to
create one): Fava refuses its writes itself.
"""

from __future__ import annotations

import importlib.machinery
import io
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.wrappers import Request, Response

from importers.refusals import noting_refusals
from ledger.documents import book_roots, inside
from ledger.i18n import Catalogue, language_of
from ledger.loading import loaded_ledger
from ledger.locking import LedgerBusyError, ledger_lock, lock_path
from serving import fava_private
from serving.books import BooksOnDisk, Signature
from serving.code_guard import CodeGuard
from serving.folders import folders_of
from serving.git import commit
from serving.queries import neutralised_csv, refused_command
from serving.vouchers import fill_vouchers

if TYPE_CHECKING:  # pragma: no cover
    from fava.core import FavaLedger
    from flask import Flask

log = logging.getLogger(__name__)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

#: File names Python would run: its module suffixes, and the other forms of code it picks up.
CODE_SUFFIXES = tuple(
    sorted({*importlib.machinery.all_suffixes(), ".pyw", ".pyo", ".pyd", ".pyz", ".pth"})
)


def is_code_name(name: str) -> bool:
    """Whether a file called `name` is one Python would run as a module or a path entry."""
    return name.strip().lower().endswith(CODE_SUFFIXES)


def json_error(message: str, status: int) -> Response:
    """A refusal as Fava's API words its errors: `{"error": message}`."""
    body = json.dumps({"error": message}, ensure_ascii=False)
    return Response(body, status=status, mimetype="application/json")


def _request(environ: dict[str, Any], body: bytes) -> Request:
    """A request to read, on a copy of `environ` with its own body stream."""
    copy = dict(environ)
    copy["wsgi.input"] = io.BytesIO(body)
    return Request(copy)


def _json(request: Request) -> Any:
    return request.get_json(silent=True) if request.is_json else None


def _changed(before: Signature | None, after: Signature | None) -> list[str]:
    old = dict(before or ())
    return [file for file, digest in after or () if old.get(file) != digest]


class ServingLayer:
    """Fava's WSGI application behind the checks and the lock of `mch-ledger serve`.

    Args:
        fava_wsgi: Fava's WSGI application (`app.wsgi_app`).
        app: Fava's Flask application, to tell its views apart.
        ledger: the Fava ledger served.
        guard: the code guard, told of the folders of each new load.
        read_only: the instance refuses every write (Fava does): take no lock.
        commits: commit the files each write request changed.
        lock_timeout: how long a write waits for another writer, in seconds.
    """

    def __init__(
        self,
        fava_wsgi: WSGIApp,
        app: Flask,
        ledger: FavaLedger,
        *,
        guard: CodeGuard,
        read_only: bool,
        commits: bool,
        lock_timeout: float,
    ) -> None:
        self.fava_wsgi = fava_wsgi
        self.app = app
        self.ledger = ledger
        self.path = Path(ledger.beancount_file_path).resolve()
        self.books = BooksOnDisk(ledger)
        self.guard = guard
        self.read_only = read_only
        self.commits = commits
        self.lock_timeout = lock_timeout
        self.parseline = fava_private.query_parseline(ledger)
        self._load_seen: int | None = None

    @property
    def messages(self) -> Catalogue:
        """The words of the layer's answers, in the language of the ledger as loaded now."""
        return Catalogue(language_of(self.ledger.all_entries_by_type.Custom))

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]):
        """Answer one request: refuse it, pass it to Fava, or write under the ledger lock."""
        if id(self.ledger.all_entries) != self._load_seen:
            # A folder a load declared stays refused to code even after the ledger drops it.
            self._load_seen = id(self.ledger.all_entries)
            self.guard.refused_folders()
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        writes = method not in READING_METHODS
        body = self._buffer(environ) if writes else b""
        endpoint = self._endpoint(environ, method)
        if endpoint in fava_private.FILE_ENDPOINTS:
            refusal = self._refused_file(_request(environ, body), endpoint)
            if refusal is not None:
                return json_error(refusal, 403)(environ, start_response)
        if endpoint in fava_private.QUERY_ENDPOINTS:
            refusal = self._refused_query(_request(environ, body))
            if refusal is not None:
                return json_error(refusal, 400)(environ, start_response)
            if not writes:
                return self._query(environ)(environ, start_response)
        if endpoint == fava_private.EXTRACT_ENDPOINT and not writes:
            return self._extract(environ)(environ, start_response)
        if not writes or self.read_only:
            return self.fava_wsgi(environ, start_response)
        try:
            with ledger_lock(self.path, self.lock_timeout):
                response = self._write(environ, body, endpoint)
        except LedgerBusyError:
            message = self.messages("serve.busy", lock=lock_path(self.path))
            response = json_error(message, 503)
        return response(environ, start_response)

    def _query(self, environ: dict[str, Any]) -> Response:
        """Fava's answer to a query, its shell's output put back in memory before and after.

        A query downloaded as CSV has its formulas neutralised (`serving.queries`).
        """
        fava_private.reset_query_output(self.ledger)
        try:
            response = Response.from_app(self.fava_wsgi, environ, buffered=True)
        finally:
            if fava_private.reset_query_output(self.ledger):
                log.warning("%s", self.messages("serve.query-output-reset"))
        path = str(environ.get("PATH_INFO", ""))
        if response.status_code == 200 and path.lower().endswith(".csv"):
            response.set_data(neutralised_csv(response.get_data()))
        return response

    @staticmethod
    def _buffer(environ: dict[str, Any]) -> bytes:
        """Read the request's body once, and give Fava a stream of the same bytes."""
        body = Request(environ).get_data(cache=False)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return body

    def _endpoint(self, environ: dict[str, Any], method: str) -> str | None:
        """The Fava view a request goes to (that of the same path's GET for another method)."""
        adapter = self.app.url_map.bind_to_environ(environ)
        for asked in (method, "GET"):
            try:
                endpoint, _ = adapter.match(method=asked)
                return str(endpoint)
            except MethodNotAllowed:
                continue
            except HTTPException:
                return None
        return None

    def _refused_file(self, request: Request, endpoint: str) -> str | None:
        """Why the file a request would read or delete is refused: it lies outside the books.

        The ledger's folder, its documents folders and its import folders are the books'; a
        file that resolves (symlinks included) anywhere else is not served, whatever entry
        names it (`document-outside`).
        """
        path = fava_private.served_file(self.app, self.ledger, endpoint, request.args)
        if path is None:
            return None
        options = self.ledger.options
        roots = [
            *book_roots(options),  # type: ignore[arg-type]
            *(os.path.normcase(os.path.realpath(f)) for f in folders_of(self.ledger)),
        ]
        if inside(path, roots):
            return None
        name = request.args.get("filename") or request.args.get("key") or path
        return self.messages("serve.file-outside", file=name)

    def _refused_query(self, request: Request) -> str | None:
        """Why the query texts of a request must not run; None when they only read."""
        texts = request.args.getlist("query_string") + request.form.getlist("query_string")
        data = _json(request)
        if isinstance(data, dict) and isinstance(data.get("query_string"), str):
            texts.append(data["query_string"])
        queries = [(q.name, q.query_string) for q in self.ledger.all_entries_by_type.Query]
        for text in texts:
            command = refused_command(text, self.parseline, queries)
            if command is not None:
                return self.messages("serve.query-refused", command=command)
        return None

    def _extract(self, environ: dict[str, Any]) -> Response:
        """Fava's extraction, its error being our importer's refusal alone when it refused."""
        with noting_refusals() as refusals:
            response = Response.from_app(self.fava_wsgi, environ, buffered=True)
        if response.status_code >= 400 and refusals:
            return json_error(refusals[-1], response.status_code)
        return response

    def _write(self, environ: dict[str, Any], body: bytes, endpoint: str | None) -> Response:
        """Pass a write request to Fava on the books as they are on disk; the lock is held."""
        request = _request(environ, body)
        refusal = self._refused_upload(request, endpoint)
        if refusal is not None:
            return json_error(refusal, 400)
        self.books.refresh()
        before = self.books.known
        if endpoint == fava_private.ADD_ENTRIES_ENDPOINT:
            numbered = self._numbered(request)
            if isinstance(numbered, Response):
                return numbered
            if numbered is not None:
                body = numbered
                environ["wsgi.input"] = io.BytesIO(body)
                environ["CONTENT_LENGTH"] = str(len(body))
        response = Response.from_app(self.fava_wsgi, environ, buffered=True)
        # Fava's write is loaded now, under the lock: the next writer starts from it.
        self.books.refresh()
        changed = _changed(before, self.books.known)
        if self.commits and changed and response.status_code < 300:
            self._commit(endpoint, changed, request)
        return response

    def _refused_upload(self, request: Request, endpoint: str | None) -> str | None:
        """Why a file a request would save must be refused: its name is a program's."""
        names: list[str] = []
        if endpoint in fava_private.UPLOAD_ENDPOINTS:
            names = [upload.filename or "" for upload in request.files.getlist("file")]
        elif endpoint == fava_private.MOVE_ENDPOINT:
            data = _json(request)
            if isinstance(data, dict) and isinstance(data.get("new_name"), str):
                names = [data["new_name"]]
        for name in names:
            if is_code_name(name):
                return self.messages("serve.code-upload", name=name)
        return None

    def _numbered(self, request: Request) -> bytes | Response | None:
        """The add-entries body with voucher numbers filled in, or the refusal of a clash."""
        data = _json(request)
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            return None
        loaded = loaded_ledger(
            self.path,
            self.ledger.all_entries,  # type: ignore[arg-type]
            list(self.ledger.load_errors),
            self.ledger.options,  # type: ignore[arg-type]
        )
        filled = fill_vouchers(data["entries"], loaded.grant, self.messages)
        if filled.clash is not None:
            return json_error(filled.clash, 409)
        if not filled.numbers:
            return None
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def _commit(self, endpoint: str | None, changed: list[str], request: Request) -> None:
        key = fava_private.WRITE_ENDPOINTS.get(endpoint or "", "serve.commit-other")
        data = _json(request)
        entries = data.get("entries") if isinstance(data, dict) else None
        count = len(entries) if isinstance(entries, list) else 0
        problem = commit(self.path.parent, changed, self.messages(key, count=count))
        if problem is not None:
            log.warning("%s", self.messages("serve.commit-failed", problem=problem))
