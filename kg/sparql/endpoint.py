"""A read-only SPARQL 1.1 Protocol endpoint over a graph, with limits, and a page to try it.

Each query runs in a forked child process, so that a query past the time limit can be stopped
for real (a Python thread cannot be); at most ``workers`` such children run at once, so many
clients queue instead of forking without bound. Updates are refused, and so are SERVICE (the
endpoint would query other hosts), FROM / FROM NAMED and the protocol's dataset parameters
(rdflib would read the named file or URL into the dataset). Results are negotiated from the
Accept header and cut at a row limit, which the response says in a header. Request bodies are
capped and idle connections time out, so a client cannot hold a thread or memory indefinitely.
SECURITY.md lists what this does and does not guarantee.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from kg.errors import QueryRefusedError
from kg.rdf.readers import is_update, prepare_query
from kg.sparql.results import render_rows
from kg.sparql.saved import Rows
from kg.vocab.data import packaged

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld"}
MAX_BODY = 1 << 20  # a query or form larger than 1 MiB is refused (413) before it is read
IDLE_TIMEOUT = 30.0  # seconds a connection may stay silent before the server drops it
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
QUEUE_WAIT = 60.0  # seconds a request may wait for a free query process before a 503


class QueryRefused(Exception):
    """The request cannot be answered; carries the HTTP status to send."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def _negotiate(accept: str, types: dict[str, str], default: str) -> tuple[str, str]:
    """The first acceptable media type we produce, by the client's q-values then order."""
    offers = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = next((float(f[2:]) for f in fields[1:] if f.startswith("q=")), 1.0)
        offers.append((-q, position, fields[0].lower()))
    for _, _, media in sorted(offers):
        if media in types:
            return media, types[media]
        if media in ("*/*", "application/*", "text/*"):
            return default, types[default]
    if not accept.strip():
        return default, types[default]
    raise QueryRefused(HTTPStatus.NOT_ACCEPTABLE, f"cannot produce any of: {accept}")


def _evaluate(graph: Graph, query: Query, accept: str, max_rows: int, conn: object) -> None:
    """Run in the child process: evaluate, serialise, send (status, media type, body, truncated)."""
    try:
        result = graph.query(query)
        truncated = False
        if result.type == "SELECT":
            media, fmt = _negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
            rows = list(result)
            truncated = len(rows) > max_rows
            rows = rows[:max_rows]
            if fmt == "xml":
                limited = Result("SELECT")
                limited.vars = result.vars
                limited.bindings = [dict(zip(result.vars, row, strict=True)) for row in rows]
                body = limited.serialize(format="xml")
            else:
                body = render_rows(Rows(tuple(str(v) for v in result.vars), tuple(tuple(r) for r in rows)), fmt).encode(
                    "utf-8"
                )
        elif result.type == "ASK":
            media, fmt = _negotiate(
                accept,
                {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml"},
                "application/sparql-results+json",
            )
            body = result.serialize(format=fmt)
        else:
            media, fmt = _negotiate(accept, GRAPH_TYPES, "text/turtle")
            out = Graph()
            for count, triple in enumerate(result.graph):
                if count >= max_rows:
                    truncated = True
                    break
                out.add(triple)
            body = out.serialize(format=fmt, encoding="utf-8")
        conn.send((HTTPStatus.OK, media, body, truncated))
    except QueryRefused as exc:
        conn.send((exc.status, "text/plain; charset=utf-8", str(exc).encode("utf-8"), False))
    except Exception as exc:  # report any evaluation error to the client, not a dead child
        conn.send(
            (
                HTTPStatus.BAD_REQUEST,
                "text/plain; charset=utf-8",
                f"query failed: {type(exc).__name__}: {exc}".encode(),
                False,
            )
        )


def default_workers() -> int:
    """One query process per core: more would only make each query slower."""
    return max(1, os.cpu_count() or 1)


class Endpoint:
    """A graph, served with a per-query time limit, a row limit and a bound on query processes."""

    def __init__(self, graph: Graph, timeout: float = 30.0, max_rows: int = 10000, workers: int | None = None) -> None:
        self.graph = graph
        self.timeout = timeout
        self.max_rows = max_rows
        self.workers = workers or default_workers()
        self._slots = threading.BoundedSemaphore(self.workers)
        self._fork = multiprocessing.get_context("fork")

    def answer(self, text: str, accept: str) -> tuple[HTTPStatus, str, bytes, bool]:
        try:
            parsed = prepare_query(text)
        except ParseException as exc:
            if is_update(text):
                raise QueryRefused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused") from None
            raise QueryRefused(
                HTTPStatus.BAD_REQUEST, f"not a SPARQL query (this endpoint is read-only): {exc}"
            ) from None
        except QueryRefusedError as exc:
            raise QueryRefused(HTTPStatus.FORBIDDEN, str(exc)) from None
        # Waiting for a free process does not count against the query's own time limit; the
        # wait is bounded too, so a flood of clients gets 503s instead of piling up forever.
        if not self._slots.acquire(timeout=QUEUE_WAIT):
            raise QueryRefused(
                HTTPStatus.SERVICE_UNAVAILABLE, f"server busy: all {self.workers} query processes stayed in use"
            )
        try:
            return self._run(parsed, accept)
        finally:
            self._slots.release()

    def _run(self, parsed: Query, accept: str) -> tuple[HTTPStatus, str, bytes, bool]:
        parent, child = self._fork.Pipe(duplex=False)
        process = self._fork.Process(target=_evaluate, args=(self.graph, parsed, accept, self.max_rows, child))
        process.start()
        child.close()
        try:
            if not parent.poll(self.timeout):
                raise QueryRefused(
                    HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped after the {self.timeout:g} s time limit"
                )
            return parent.recv()
        except EOFError:  # the child died without answering (killed, out of memory)
            raise QueryRefused(HTTPStatus.INTERNAL_SERVER_ERROR, "query process died without an answer") from None
        finally:
            if process.is_alive():
                process.kill()
            process.join()
            parent.close()


def _handler(endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    page = packaged("sparql/sparql.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        server_version = "csr-kg"
        timeout = IDLE_TIMEOUT  # socket timeout: a silent or trickling client is dropped

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the endpoint is used from tests and notebooks."""

        def _send(self, status: HTTPStatus, media: str, body: bytes, truncated: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            if truncated:
                self.send_header("X-Result-Truncated", f"cut at {endpoint.max_rows} rows")
            self.end_headers()
            self.wfile.write(body)

        def _query(self, params: dict[str, list[str]], body_query: str | None) -> None:
            if "update" in params:
                self._refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
                return
            if any(name in params for name in DATASET_PARAMS):
                self._refuse(HTTPStatus.FORBIDDEN, "default-graph-uri / named-graph-uri are not allowed")
                return
            text = body_query if body_query is not None else (params.get("query") or [None])[0]
            if text is None:
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", page)
                return
            try:
                self._send(*endpoint.answer(text, self.headers.get("Accept", "")))
            except QueryRefused as exc:
                self._refuse(exc.status, str(exc))

        def _refuse(self, status: HTTPStatus, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path not in ("/", "/sparql"):
                self._refuse(HTTPStatus.NOT_FOUND, "the endpoint is at /sparql")
                return
            self._query(parse_qs(url.query), None)

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if not 0 <= length <= MAX_BODY:
                self.close_connection = True  # the unread body must not be taken for a request
                self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body must be 0 to {MAX_BODY} bytes")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if url.path not in ("/", "/sparql"):
                self._refuse(HTTPStatus.NOT_FOUND, "the endpoint is at /sparql")
            elif media == "application/sparql-update":
                self._refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            elif media == "application/sparql-query":
                self._query(parse_qs(url.query), body)
            elif media == "application/x-www-form-urlencoded":
                params = parse_qs(url.query) | parse_qs(body)
                self._query(params, None)
            else:
                self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {media!r}")

        def _method_not_allowed(self) -> None:
            self._refuse(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only")

        do_PUT = do_DELETE = do_PATCH = _method_not_allowed

    return Handler


class _Server(ThreadingHTTPServer):
    """A threading server whose listen backlog holds a burst of clients (the default is 5)."""

    request_queue_size = 128
    daemon_threads = True


def make_server(
    graph: Graph,
    host: str = "127.0.0.1",
    port: int = 0,
    timeout: float = 30.0,
    max_rows: int = 10000,
    workers: int | None = None,
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever``."""
    return _Server((host, port), _handler(Endpoint(graph, timeout, max_rows, workers)))


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Start ``server`` in a daemon thread (for notebooks and tests)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
