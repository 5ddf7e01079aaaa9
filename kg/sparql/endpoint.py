"""A read-only SPARQL 1.1 Protocol endpoint over a graph held in Oxigraph, with limits, and a page to try it.

Queries are answered by Oxigraph in a pool of worker processes forked at startup
(kg.sparql.pool): a query past the time limit has its worker killed, and so is stopped for real
(neither a Python thread nor Oxigraph's evaluation can be interrupted otherwise); at most
``workers`` queries run at once, others queue for a bounded time. The graph is read-only by
construction (workers only ever call Oxigraph's query method), and updates are refused with
403 before they reach one, as are SERVICE (the endpoint would query other hosts), FROM / FROM
NAMED and the protocol's dataset parameters (kg.sparql.guard reads the query's tokens). Answers
carry the graph's exact literals (kg.rdf.native). Results are negotiated from the Accept header
and cut at a row limit, which the response says in a header. Request bodies are capped and idle
connections time out, so a client cannot hold a thread or memory indefinitely. SECURITY.md lists
what this does and does not guarantee.
"""

from __future__ import annotations

import json
import os
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import QueryRefusedError, one_line
from kg.rdf.native import NativeGraph, from_ntriples
from kg.sparql.guard import is_update, refuse_dereferencing
from kg.sparql.local import evaluate, exact_rows
from kg.sparql.pool import Busy, Died, Stopped, WorkerPool
from kg.sparql.results import render_rows, term_parts
from kg.sparql.rows import Rows
from kg.vocab.data import packaged

SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
ASK_TYPES = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml"}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
MAX_BODY = 1 << 20  # a query or form larger than 1 MiB is refused (413) before it is read
IDLE_TIMEOUT = 30.0  # seconds a connection may stay silent before the server drops it
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
QUEUE_WAIT = 60.0  # seconds a request may wait for a free query process before a 503
_TEXT = "text/plain; charset=utf-8"
_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
Answer = tuple[HTTPStatus, str, bytes, bool]


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


def escape(text: str) -> str:
    """``text`` as XML character data (``&``, ``<``, ``>`` escaped), as xml.sax.saxutils writes it.

    Written here because importing xml.sax.saxutils imports urllib.request, ssl and more: a
    tenth of the endpoint's start-up, on the path to its first answer.
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """``text`` escaped and quoted as an XML attribute value, byte for byte as xml.sax.saxutils.quoteattr."""
    data = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))


def _xml(rows: Rows) -> bytes:
    """Rows in the SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', f"<sparql xmlns={quoteattr(_RESULTS_NS)}>", "<head>"]
    out.extend(f"<variable name={quoteattr(v)}/>" for v in rows.variables)
    out.append("</head><results>")
    for row in rows.rows:
        out.append("<result>")
        for name, term in zip(rows.variables, row, strict=True):
            if term is None:
                continue
            kind, value, language, datatype = term_parts(term)
            if kind == "literal":
                attr = f" xml:lang={quoteattr(language)}" if language else ""
                attr = attr or (f" datatype={quoteattr(datatype)}" if datatype else "")
                cell = f"<literal{attr}>{escape(value)}</literal>"
            else:
                cell = f"<{kind}>{escape(value)}</{kind}>"
            out.append(f"<binding name={quoteattr(name)}>{cell}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "\n".join(out).encode("utf-8")


def _boolean(answer: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode()
    value = "true" if answer else "false"
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns={quoteattr(_RESULTS_NS)}>'
        f"<head/><boolean>{value}</boolean></sparql>"
    ).encode()


def _evaluate(graph: NativeGraph, request: tuple[str, str, int]) -> Answer:
    """Run in a worker process: evaluate, serialise, return (status, media type, body, truncated)."""
    text, accept, max_rows = request
    try:
        result = evaluate(graph, text)
    except SyntaxError as exc:
        return HTTPStatus.BAD_REQUEST, _TEXT, f"not a SPARQL query (this endpoint is read-only): {exc}".encode(), False
    try:
        if isinstance(result, ox.QuerySolutions):
            media, fmt = _negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
            rows = exact_rows(graph, text, result, limit=max_rows + 1)
            truncated = len(rows.rows) > max_rows
            rows = Rows(rows.variables, rows.rows[:max_rows])
            body = _xml(rows) if fmt == "xml" else render_rows(rows, fmt).encode("utf-8")
            return HTTPStatus.OK, media, body, truncated
        if isinstance(result, ox.QueryBoolean):
            media, fmt = _negotiate(accept, ASK_TYPES, "application/sparql-results+json")
            return HTTPStatus.OK, media, _boolean(bool(result), fmt), False
        media, rdf_format = _negotiate(accept, GRAPH_TYPES, "text/turtle")
        triples = []
        for triple in result:
            if len(triples) >= max_rows:
                break
            triples.append(ox.Triple(triple.subject, triple.predicate, graph.exact(triple.object)))
        truncated = len(triples) >= max_rows and next(iter(result), None) is not None
        from kg.vocab.namespaces import PREFIXES  # rdflib's namespaces: imported for graph answers only

        prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        return HTTPStatus.OK, media, body, truncated
    except QueryRefused as exc:
        return exc.status, _TEXT, str(exc).encode("utf-8"), False
    except Exception as exc:  # report any evaluation error to the client, not a dead worker
        message = f"query failed: {type(exc).__name__}: {one_line(str(exc))}"
        return HTTPStatus.BAD_REQUEST, _TEXT, message.encode("utf-8"), False


def default_workers() -> int:
    """One query process per core: more would only make each query slower."""
    return max(1, os.cpu_count() or 1)


def native_graph(graph: Any) -> NativeGraph:
    """``graph`` in Oxigraph: a NativeGraph as it is, an rdflib graph handed over as N-Triples."""
    if isinstance(graph, NativeGraph):
        return graph
    return from_ntriples(graph.serialize(format="nt", encoding="utf-8"), ontology=False)


class Endpoint:
    """A graph, served with a per-query time limit, a row limit and a bound on query processes."""

    def __init__(self, graph: Any, timeout: float = 30.0, max_rows: int = 10000, workers: int | None = None) -> None:
        self.graph = native_graph(graph)
        self.timeout = timeout
        self.max_rows = max_rows
        self.workers = workers or default_workers()
        native = self.graph
        self.pool = WorkerPool(lambda request: _evaluate(native, request), self.workers)

    def answer(self, text: str, accept: str) -> Answer:
        if is_update(text):
            raise QueryRefused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
        try:
            refuse_dereferencing(text)
        except QueryRefusedError as exc:
            raise QueryRefused(HTTPStatus.FORBIDDEN, str(exc)) from None
        # Waiting for a free process does not count against the query's own time limit; the
        # wait is bounded too, so a flood of clients gets 503s instead of piling up forever.
        try:
            return self.pool.run((text, accept, self.max_rows), self.timeout, QUEUE_WAIT)
        except Busy:
            raise QueryRefused(
                HTTPStatus.SERVICE_UNAVAILABLE, f"server busy: all {self.workers} query processes stayed in use"
            ) from None
        except Stopped:
            raise QueryRefused(
                HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped after the {self.timeout:g} s time limit"
            ) from None
        except Died:
            raise QueryRefused(HTTPStatus.INTERNAL_SERVER_ERROR, "query process died without an answer") from None

    def close(self) -> None:
        self.pool.close()


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
    """A threading server whose listen backlog holds a burst of clients (the default is 5), and
    whose query processes stop when it closes."""

    request_queue_size = 128
    daemon_threads = True

    def __init__(self, address: tuple[str, int], endpoint: Endpoint) -> None:
        self.endpoint = endpoint  # before binding: a failed bind closes the server, and so the pool
        super().__init__(address, _handler(endpoint))

    def server_close(self) -> None:
        super().server_close()
        self.endpoint.close()


def make_server(
    graph: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    timeout: float = 30.0,
    max_rows: int = 10000,
    workers: int | None = None,
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one) over ``graph`` (a NativeGraph, or
    an rdflib graph, which is copied into Oxigraph); call ``serve_forever``, then ``server_close``."""
    return _Server((host, port), Endpoint(graph, timeout, max_rows, workers))


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    """Start ``server`` in a daemon thread (for notebooks and tests)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
