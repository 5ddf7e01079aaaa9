"""Publish a graph to a triple store by the SPARQL 1.1 Graph Store HTTP Protocol, atomically.

A PUT straight onto the graph it replaces clears the target and then streams the new triples
in, and the protocol does not promise that the two happen at once (a store that dies, or a
connection dropped, half-way would leave the target empty or partial). Instead the graph is PUT
into a staging graph and then moved over the target by one SPARQL Update ``MOVE``, which a store
with transactional updates (Oxigraph, Fuseki, GraphDB ...) applies entirely or not at all.
Readers see the old graph or the new one, never a mixture.

Faults are retried where the protocol makes that safe, by urllib3's ``Retry`` on the session
(:mod:`kg.sparql.retrying`): PUT, GET and HEAD are idempotent, so they are repeated after a
dropped connection, a timeout or a 5xx, a bounded number of times with exponential backoff; a
4xx is the store's final word and is never retried. ``MOVE`` is not idempotent (a second MOVE
after a successful first would fail, or with SILENT empty the target), so it is sent without
retries and, after an ambiguous failure, the staging graph is looked up: gone means the move
happened, still there means it did not and the move may be sent again.

Virtuoso serves the protocol at ``/sparql-graph-crud-auth`` (digest authentication, ``auth="digest"``)
and updates at ``/sparql-auth``. It has no default graph to replace (it answers ``?default`` with a
500), so a graph IRI is required there; it does not implement HEAD (501), so the staging graph is
then looked up by a GET.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from typing import Literal as OneOf
from urllib.parse import urlsplit, urlunsplit

from rdflib import Graph

from kg.errors import InputError, RemoteError
from kg.extras import require
from kg.sparql.retrying import RetryPolicy, describe, retrying_session

if TYPE_CHECKING:
    import requests

RETRY_STATUS = frozenset({500, 502, 503, 504})
IDEMPOTENT = frozenset({"PUT", "GET", "HEAD"})
# Statuses by which a server says it has no SPARQL Update service at that URL.
NO_UPDATE_STATUS = frozenset({404, 405, 501})
# Statuses by which a server says it does not implement a method (HEAD on Virtuoso 7).
NOT_IMPLEMENTED = frozenset({405, 501})
# Virtuoso's Graph Store endpoints (with digest authentication, and without) and their update URLs.
VIRTUOSO_UPDATE = {"sparql-graph-crud-auth": "sparql-auth", "sparql-graph-crud": "sparql"}
Auth = OneOf["basic", "digest"]
STAGING_PREFIX = "urn:x-csr-kg:staging:"
# An absolute IRI (RFC 3987: a scheme, then no character an IRIREF excludes), so that it can be
# written between <> in the MOVE update (graph names cannot be bound as values).
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]+")


def check_graph_iri(iri: str) -> str:
    """``iri`` if it is an absolute IRI a SPARQL Update can name, else an InputError saying why."""
    if not _ABSOLUTE_IRI.fullmatch(iri):
        raise InputError(f"--graph {iri!r} is not an absolute IRI (one with a scheme, e.g. https://example.org/kg)")
    return iri


def update_endpoint_for(store: str) -> str | None:
    """The SPARQL Update URL that usually sits beside a Graph Store URL, if the layout is known.

    Oxigraph serves ``/store`` and ``/update``; Fuseki ``/<dataset>/data`` and
    ``/<dataset>/update``; Virtuoso ``/sparql-graph-crud-auth`` and ``/sparql-auth`` (or, without
    authentication, ``/sparql-graph-crud`` and ``/sparql``). For other layouts give the update URL.
    """
    parts = urlsplit(store)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last in VIRTUOSO_UPDATE:
        return urlunsplit((parts.scheme, parts.netloc, f"{head}/{VIRTUOSO_UPDATE[last]}", "", ""))
    if last not in ("store", "data"):
        return None
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", ""))


def is_virtuoso(store: str) -> bool:
    """Whether ``store`` is laid out as Virtuoso's Graph Store endpoint, which has no default graph."""
    return urlsplit(store).path.rstrip("/").rpartition("/")[2] in VIRTUOSO_UPDATE


def check_target(store: str, graph_iri: str | None) -> None:
    """An InputError for a graph IRI that is not absolute, or for none on Virtuoso (no default graph)."""
    if graph_iri is not None:
        check_graph_iri(graph_iri)
    elif is_virtuoso(store):
        raise InputError(f"{store} is a Virtuoso Graph Store endpoint, which has no default graph: give --graph IRI")


def staging_graph(store: str, graph_iri: str | None) -> str:
    """The staging graph for a target: fixed per target, so a publish that was killed half-way
    leaves nothing behind that the next publish to the same target does not overwrite."""
    digest = hashlib.sha256(f"{store} {graph_iri or ''}".encode()).hexdigest()[:16]
    return f"{STAGING_PREFIX}{digest}"


class _Client:
    """Requests to one store: a session that retries idempotent ones, and one that sends once."""

    def __init__(
        self,
        store: str,
        policy: RetryPolicy,
        credentials: tuple[str, str] | None,
        auth: Auth,
        progress: Callable[[str], None],
    ) -> None:
        self.store = store
        self.policy = policy
        self.what = ""
        self.requests = require("requests", "remote", "publishing to a store")
        # Digest: the first request is answered 401 with a nonce and sent again; later ones reuse it.
        digest = auth == "digest" and credentials is not None
        self.auth = self.requests.auth.HTTPDigestAuth(*credentials) if digest else credentials
        self.retrying = retrying_session(policy, IDEMPOTENT, RETRY_STATUS, self._retrying)
        self.once = retrying_session(RetryPolicy(attempts=1, timeout=policy.timeout), (), ())
        self.progress = progress

    def _retrying(self, why: str, wait: float) -> None:
        self.progress(f"{self.what}: {why}; retrying in {wait:g} s")

    def request(self, method: str, url: str, what: str, *, retry: bool = True, **kwargs: object) -> requests.Response:
        """Send one request (repeated by the session when ``retry`` is set and the method allows).

        Returns the final response (any status); raises RemoteError when no response came.
        """
        self.what = what
        session = self.retrying if retry else self.once
        try:
            return session.request(method, url, auth=self.auth, timeout=self.policy.timeout, **kwargs)  # type: ignore[arg-type]
        except self.requests.RequestException as exc:
            tries = f" (after {self.policy.attempts} tries)" if retry and self.policy.attempts > 1 else ""
            raise RemoteError(f"{self.store}: {what} failed: {describe(exc, self.policy.timeout)}{tries}") from None

    def authenticate(self, params: dict[str, str]) -> None:
        """With digest authentication, fetch the server's nonce by a small request first, so that
        the upload carries its Authorization header from its first byte: a server that answers a
        large unauthenticated body with 401 may close the connection before the body is sent,
        and the upload would fail without ever being refused (seen with Virtuoso under load).
        The answer is not read: a wrong password is refused on the upload itself."""
        if isinstance(self.auth, self.requests.auth.HTTPDigestAuth):
            self.request("GET", self.store, "authenticating", params=params, stream=True).close()

    def close(self) -> None:
        self.retrying.close()
        self.once.close()


def _refused(store: str, what: str, response: requests.Response) -> RemoteError:
    detail = " ".join(response.text.split())[:200]
    return RemoteError(f"{store}: {what} refused with HTTP {response.status_code}: {detail}")


def _stderr(message: str) -> None:
    print(f"csrkg publish: {message}", file=sys.stderr)


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
    progress: Callable[[str], None] | None = None,
    auth: Auth = "basic",
) -> str:
    """Replace the store's default graph (or ``graph_iri``) with ``graph``, atomically where the store allows.

    ``update`` is the store's SPARQL Update URL (default: guessed from ``store``, see
    :func:`update_endpoint_for`). Returns how the graph was replaced: ``"moved"`` (staged, then
    MOVEd in one update) or ``"put"`` (the store has no update service: a direct PUT, as atomic
    as that store makes it, which a warning on ``log`` says). ``progress`` is told of each
    retry (default: ``log``; default ``log``: stderr). Raises RemoteError with a one-line
    message when the store refuses or cannot be reached after the retries; the target graph
    then still holds its previous triples (or, if the store died while committing the move,
    all of the new ones). ``user`` and ``password`` are sent by HTTP ``auth``: basic, or digest
    (Virtuoso's ``/sparql-graph-crud-auth``). Raises InputError for a ``graph_iri`` that is not an
    absolute IRI, and for none on Virtuoso, which has no default graph.
    """
    check_target(store, graph_iri)
    policy = policy or RetryPolicy(timeout=timeout)
    log = log or _stderr
    client = _Client(store, policy, (user, password or "") if user else None, auth, progress or log)
    try:
        return _publish(client, graph, graph_iri, update or update_endpoint_for(store), log)
    finally:
        client.close()


def _publish(
    client: _Client, graph: Graph, graph_iri: str | None, update: str | None, log: Callable[[str], None]
) -> str:
    store, policy = client.store, client.policy
    body = graph.serialize(format="nt", encoding="utf-8")
    headers = {"Content-Type": "application/n-triples"}
    target = {"graph": graph_iri} if graph_iri else {"default": ""}
    if update is None:
        log(f"no SPARQL Update URL known for {store} (give one with --update): replacing the graph by a direct PUT")
        client.authenticate(target)
        _put(client, target, body, headers, "upload")
        return "put"

    staging = staging_graph(store, graph_iri)
    client.authenticate({"graph": staging})
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
        client.progress(
            f"moving the staging graph: {'no answer' if response is None else response.status_code}; retrying"
        )
        time.sleep(waits.pop(0))


def _put(client: _Client, params: dict[str, str], body: bytes, headers: dict[str, str], what: str) -> None:
    response = client.request("PUT", client.store, what, params=params, data=body, headers=headers)
    if response.status_code not in (200, 201, 204):
        raise _refused(client.store, what, response)


def _staging_exists(client: _Client, staging: str) -> bool:
    what, params = "looking up the staging graph", {"graph": staging}
    response = client.request("HEAD", client.store, what, params=params)
    if response.status_code in NOT_IMPLEMENTED:  # Virtuoso: a GET, whose body is not read
        response = client.request("GET", client.store, what, params=params, stream=True)
        response.close()
    if response.status_code == 404:
        return False
    if response.status_code in (200, 204):
        return True
    raise _refused(client.store, "looking up the staging graph", response)


def _delete_staging(client: _Client, staging: str) -> None:
    """Best effort: a staging graph left behind is overwritten by the next publish anyway."""
    with contextlib.suppress(RemoteError):
        client.request("DELETE", client.store, "removing the staging graph", retry=False, params={"graph": staging})
