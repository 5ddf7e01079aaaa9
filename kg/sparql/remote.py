"""Reach triple stores: run saved queries on a SPARQL endpoint, publish a graph to a Graph Store.

SPARQLWrapper is the SPARQL Protocol client. Publishing uses the SPARQL 1.1 Graph Store HTTP
Protocol, but never PUTs straight onto the graph it replaces: a PUT clears the target and then
streams the new triples in, and the protocol does not promise that the two happen at once (a
store that dies, or a connection dropped, half-way would leave the target empty or partial).
Instead the graph is PUT into a staging graph and then moved over the target by one SPARQL
Update ``MOVE``, which a store with transactional updates (Oxigraph, Fuseki, GraphDB ...)
applies entirely or not at all. Readers see the old graph or the new one, never a mixture.

Faults are retried where the protocol makes that safe: PUT, GET and HEAD are idempotent, so
they are repeated after a dropped connection, a timeout or a 5xx, a bounded number of times
with exponential backoff; a 4xx is the store's final word and is never retried. ``MOVE`` is
not idempotent (a second MOVE after a successful first would fail, or with SILENT empty the
target), so after an ambiguous failure the staging graph is looked up: gone means the move
happened, still there means it did not and may be repeated.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import RemoteError
from kg.sparql.saved import Rows, SavedQuery

RETRY_STATUS = frozenset({500, 502, 503, 504})
# A query's 500 or 503 is usually about the query (an evaluation error, a time limit hit), and
# repeating it would only repeat the cost; gateway errors are about the path to the endpoint.
QUERY_RETRY_STATUS = frozenset({502, 504})
# Statuses by which a server says it has no SPARQL Update service at that URL.
NO_UPDATE_STATUS = frozenset({404, 405, 501})
STAGING_PREFIX = "urn:x-csr-kg:staging:"


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to repeat an idempotent request.

    ``attempts`` counts the first try; the waits between tries are ``backoff``, ``2 * backoff``,
    ``4 * backoff`` ... ``timeout`` bounds each request's connect and each read separately.
    """

    attempts: int = 4
    backoff: float = 0.5
    timeout: float = 300.0

    def waits(self) -> list[float]:
        return [self.backoff * 2**i for i in range(self.attempts - 1)]


def json_term(binding: dict[str, str]) -> Node:
    """The RDF term of one binding in the SPARQL 1.1 JSON results format."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    return Literal(value, datatype=URIRef(binding["datatype"]) if "datatype" in binding else None)


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__


def run_remote(
    endpoint: str,
    query: SavedQuery,
    values: dict[str, str] | None = None,
    timeout: int = 60,
    policy: RetryPolicy | None = None,
) -> Rows:
    """Run a saved query on a remote endpoint, repeating it if the connection fails or a gateway errs.

    A query does not change the store, so repeating it is safe; 4xx answers (a malformed query,
    a refused one) are final, and so are 500 and 503 (see QUERY_RETRY_STATUS).
    """
    policy = policy or RetryPolicy(attempts=3, backoff=0.5, timeout=timeout)
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(int(policy.timeout))
    client.setQuery(query.bind(values))
    waits = policy.waits()
    while True:
        try:
            doc = client.queryAndConvert()
            break
        except urllib.error.HTTPError as exc:  # SPARQLWrapper re-raises statuses it has no class for
            if exc.code not in QUERY_RETRY_STATUS or not waits:
                raise RemoteError(f"{endpoint}: query {query.name} failed: HTTP {exc.code}: {exc.reason}") from None
        except SPARQLWrapperException as exc:
            raise RemoteError(f"{endpoint}: query {query.name} failed: {_first_line(exc)}") from None
        except OSError as exc:  # refused, reset, timed out: the query may simply be sent again
            if not waits:
                raise RemoteError(f"{endpoint}: query {query.name} failed: {_first_line(exc)}") from None
        time.sleep(waits.pop(0))
    variables = tuple(doc["head"]["vars"])
    rows = tuple(tuple(json_term(b[v]) if v in b else None for v in variables) for b in doc["results"]["bindings"])
    return Rows(variables, rows)


def update_endpoint_for(store: str) -> str | None:
    """The SPARQL Update URL that usually sits beside a Graph Store URL, if the layout is known.

    Oxigraph serves ``/store`` and ``/update``; Fuseki ``/<dataset>/data`` and
    ``/<dataset>/update``. For other layouts give the update URL explicitly.
    """
    parts = urlsplit(store)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("store", "data"):
        return None
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", ""))


def staging_graph(store: str, graph_iri: str | None) -> str:
    """The staging graph for a target: fixed per target, so a publish that was killed half-way
    leaves nothing behind that the next publish to the same target does not overwrite."""
    digest = hashlib.sha256(f"{store} {graph_iri or ''}".encode()).hexdigest()[:16]
    return f"{STAGING_PREFIX}{digest}"


class _Client:
    """Requests to one store with the retry policy, counting the attempts made."""

    def __init__(self, store: str, policy: RetryPolicy, auth: tuple[str, str] | None, log: Callable[[str], None]):
        self.store = store
        self.policy = policy
        self.auth = auth
        self.log = log
        self.session = requests.Session()

    def request(self, method: str, url: str, what: str, *, retry: bool = True, **kwargs: object) -> requests.Response:
        """Send one request, repeating it on a transport failure or a 5xx when ``retry`` is set.

        Returns the final response (any status); raises RemoteError when no response came.
        """
        waits = self.policy.waits() if retry else []
        while True:
            try:
                response = self.session.request(method, url, auth=self.auth, timeout=self.policy.timeout, **kwargs)
            except requests.RequestException as exc:
                if not waits:
                    raise RemoteError(f"{self.store}: {what} failed: {_first_line(exc)}") from None
                self.log(f"{what}: {_first_line(exc)}; retrying in {waits[0]:g} s")
            else:
                if response.status_code not in RETRY_STATUS or not waits:
                    return response
                self.log(f"{what}: HTTP {response.status_code}; retrying in {waits[0]:g} s")
            time.sleep(waits.pop(0))


def _refused(store: str, what: str, response: requests.Response) -> RemoteError:
    detail = " ".join(response.text.split())[:200]
    return RemoteError(f"{store}: {what} refused with HTTP {response.status_code}: {detail}")


def publish(
    graph: Graph,
    store: str,
    graph_iri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 300,
    update: str | None = None,
    policy: RetryPolicy | None = None,
    log: Callable[[str], None] | None = None,
) -> str:
    """Replace the store's default graph (or ``graph_iri``) with ``graph``, atomically where the store allows.

    ``update`` is the store's SPARQL Update URL (default: guessed from ``store``, see
    :func:`update_endpoint_for`). Returns how the graph was replaced: ``"moved"`` (staged, then
    MOVEd in one update) or ``"put"`` (the store has no update service: a direct PUT, as atomic
    as that store makes it, which a warning on ``log`` says). Raises RemoteError with a
    one-line message when the store refuses or cannot be reached after the retries; the target
    graph then still holds its previous triples (or, if the store died while committing the
    move, all of the new ones).
    """
    policy = policy or RetryPolicy(timeout=timeout)
    log = log or (lambda message: print(f"csrkg publish: {message}", file=sys.stderr))
    client = _Client(store, policy, (user, password or "") if user else None, log)
    body = graph.serialize(format="nt", encoding="utf-8")
    headers = {"Content-Type": "application/n-triples"}
    target = {"graph": graph_iri} if graph_iri else {"default": ""}
    update = update or update_endpoint_for(store)
    if update is None:
        log(f"no SPARQL Update URL known for {store} (give one with --update): replacing the graph by a direct PUT")
        _put(client, target, body, headers, "upload")
        return "put"

    staging = staging_graph(store, graph_iri)
    try:
        _put(client, {"graph": staging}, body, headers, "upload to the staging graph")
    except RemoteError:
        _delete_staging(client, staging)
        raise
    destination = f"GRAPH <{graph_iri}>" if graph_iri else "DEFAULT"
    move = f"MOVE GRAPH <{staging}> TO {destination}"
    waits = policy.waits()
    while True:
        try:
            response = client.request(
                "POST",
                update,
                "moving the staging graph",
                retry=False,
                data=move.encode("utf-8"),
                headers={"Content-Type": "application/sparql-update"},
            )
        except RemoteError:
            response = None
        if response is not None and response.status_code in (200, 204):
            return "moved"
        if response is not None and response.status_code in NO_UPDATE_STATUS:
            log(
                f"{update} answered HTTP {response.status_code} to a SPARQL Update: "
                "no update service, so the graph is replaced by a direct PUT, which this store may not do atomically"
            )
            _put(client, target, body, headers, "upload")
            _delete_staging(client, staging)
            return "put"
        if response is not None and response.status_code not in RETRY_STATUS:
            _delete_staging(client, staging)
            raise _refused(store, "moving the staging graph", response)
        # No answer, or a 5xx: did the move happen? The staging graph is gone exactly when it did.
        try:
            moved = not _staging_exists(client, staging)
        except RemoteError as exc:
            raise RemoteError(
                f"{exc}; the move was sent without an answer, so the target graph holds either its "
                "previous triples or all of the new ones"
            ) from None
        if moved:
            return "moved"
        if not waits:
            what = "no answer" if response is None else f"HTTP {response.status_code}"
            raise RemoteError(f"{update}: moving the staging graph failed ({what}); the target graph is unchanged")
        log(f"moving the staging graph: {'no answer' if response is None else response.status_code}; retrying")
        time.sleep(waits.pop(0))


def _put(client: _Client, params: dict[str, str], body: bytes, headers: dict[str, str], what: str) -> None:
    response = client.request("PUT", client.store, what, params=params, data=body, headers=headers)
    if response.status_code not in (200, 201, 204):
        raise _refused(client.store, what, response)


def _staging_exists(client: _Client, staging: str) -> bool:
    response = client.request("HEAD", client.store, "looking up the staging graph", params={"graph": staging})
    if response.status_code == 404:
        return False
    if response.status_code in (200, 204):
        return True
    raise _refused(client.store, "looking up the staging graph", response)


def _delete_staging(client: _Client, staging: str) -> None:
    """Best effort: a staging graph left behind is overwritten by the next publish anyway."""
    with contextlib.suppress(RemoteError):
        client.request("DELETE", client.store, "removing the staging graph", retry=False, params={"graph": staging})
