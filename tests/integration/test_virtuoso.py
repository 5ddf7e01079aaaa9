"""Virtuoso as a real store: publish to its Graph Store endpoint with digest authentication, then
query it by the SPARQL Protocol and get the rows the local engine gives.

One headless Virtuoso for the module (tests/support/servers.py start_virtuoso), on loopback, over
a throwaway database, with a password generated at its first start. The graph is published into
a named graph (Virtuoso has no default graph to replace) and queried with ``default-graph-uri``
naming it, since without one Virtuoso answers over every graph it holds, its own included.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli.app import main
from kg.errors import InputError, RemoteError
from kg.outputs.publish import publish, staging_graph
from kg.rdf.store import NativeOxigraphStore
from kg.sparql.remote import run_remote
from kg.sparql.retrying import RetryPolicy
from kg.sparql.saved import run_local, saved_queries
from tests.support.faults import FaultProxy
from tests.support.queries import EMPTY_ON_BUNDLED
from tests.support.servers import Virtuoso, normalised, start_virtuoso, stop

pytestmark = pytest.mark.skipif(
    shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None,
    reason="Virtuoso (Debian package virtuoso-opensource: virtuoso-t and isql-vt) is not installed",
)

GRAPH = "https://example.org/csr-kg/virtuoso-test"
ONCE = RetryPolicy(attempts=1, timeout=120.0)
PATIENT = RetryPolicy(attempts=3, backoff=0.05, timeout=120.0)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        stop(server.process)


def _store(server: Virtuoso | str) -> str:
    base = server if isinstance(server, str) else server.base
    return f"{base}/sparql-graph-crud-auth"


def _endpoint(server: Virtuoso, graph: str = GRAPH) -> str:
    return f"{server.base}/sparql?default-graph-uri={quote(graph, safe='')}"


def _publish(server: Virtuoso, graph: Graph, store: str | None = None, **kwargs: object) -> str:
    kwargs.setdefault("password", server.password)
    kwargs.setdefault("graph_iri", GRAPH)
    return publish(graph, store or _store(server), user="dba", auth="digest", log=lambda m: None, **kwargs)  # type: ignore[arg-type]


def _count(server: Virtuoso, graph: str | None = GRAPH) -> int:
    """Triples in ``graph`` (None: in the default graph Virtuoso gives a query naming none)."""
    url = _endpoint(server, graph) if graph else f"{server.base}/sparql"
    response = requests.post(
        url,
        data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=60,
    )
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def published(virtuoso: Virtuoso, bundled_kg: Graph) -> Graph:
    graph = bundled_kg
    assert _publish(virtuoso, graph) == "moved"
    assert _publish(virtuoso, graph) == "moved"  # twice: the store must hold one copy
    return graph


def test_publishing_twice_leaves_exactly_the_graph(virtuoso: Virtuoso, published: Graph) -> None:
    assert _count(virtuoso) == len(published)
    assert _count(virtuoso, staging_graph(_store(virtuoso), GRAPH)) == 0


def test_without_default_graph_uri_virtuoso_queries_every_graph(virtuoso: Virtuoso, published: Graph) -> None:
    """Why the endpoint is given with default-graph-uri: Virtuoso's own graphs are in the union."""
    assert _count(virtuoso, None) > len(published)


@pytest.fixture(scope="module")
def local(published: Graph) -> Graph:
    """The published triples in one Oxigraph store, which run_local queries directly (an
    in-memory rdflib graph would be copied into Oxigraph afresh for every query)."""
    store = ox.Store()
    store.bulk_extend(ox.parse(published.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    return Graph(store=NativeOxigraphStore(store))


@pytest.mark.parametrize("query", saved_queries(), ids=[q.name for q in saved_queries()])
def test_saved_query_gives_the_same_rows_on_virtuoso(virtuoso: Virtuoso, local: Graph, query) -> None:
    local_rows = run_local(local, query)
    remote = run_remote(_endpoint(virtuoso), query)
    assert local_rows.rows or query.name in EMPTY_ON_BUNDLED  # the bundled report has no drafted claims
    assert normalised(remote) == normalised(local_rows)


def test_a_wrong_password_is_refused_and_keeps_the_previous_copy(virtuoso: Virtuoso, published: Graph) -> None:
    small = Graph()
    small.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("new")))
    with pytest.raises(RemoteError, match="upload to the staging graph refused with HTTP 401"):
        _publish(virtuoso, small, password="not-" + virtuoso.password, policy=ONCE)
    assert _count(virtuoso) == len(published)


def test_an_upload_dropped_half_way_keeps_the_previous_copy(virtuoso: Virtuoso, published: Graph) -> None:
    body = len(published.serialize(format="nt", encoding="utf-8"))
    port = int(virtuoso.base.rsplit(":", 1)[1])
    proxy = FaultProxy(("127.0.0.1", port), b"PUT /sparql-graph-crud-auth?graph=", body // 2)
    try:
        with pytest.raises(RemoteError, match="upload to the staging graph failed"):
            _publish(virtuoso, published, _store(f"http://127.0.0.1:{proxy.port}"), policy=ONCE)
        assert proxy.injected == 1
    finally:
        proxy.close()
    assert _count(virtuoso) == len(published)


def test_a_move_without_an_answer_is_looked_up_by_get(virtuoso: Virtuoso) -> None:
    """Virtuoso answers HEAD with 501: after a move that got no answer, the staging graph is
    looked up by GET, and the move is sent again only if it did not happen."""
    graph_iri = "https://example.org/csr-kg/virtuoso-move"
    old, new = Graph(), Graph()
    for i in range(30):
        old.add((URIRef(f"http://example.org/old/{i}"), URIRef("http://example.org/p"), Literal(i)))
        new.add((URIRef(f"http://example.org/new/{i}"), URIRef("http://example.org/p"), Literal(i)))
    new.add((URIRef("http://example.org/new/extra"), URIRef("http://example.org/p"), Literal("one more")))
    assert _publish(virtuoso, old, graph_iri=graph_iri) == "moved"
    port = int(virtuoso.base.rsplit(":", 1)[1])
    proxy = FaultProxy(("127.0.0.1", port), b"POST /sparql-auth", 1, forward_first=True)
    try:
        store = _store(f"http://127.0.0.1:{proxy.port}")
        assert _publish(virtuoso, new, store, graph_iri=graph_iri, policy=PATIENT) == "moved"
        assert proxy.injected == 1
    finally:
        proxy.close()
    assert _count(virtuoso, graph_iri) == len(new)
    assert _count(virtuoso, staging_graph(store, graph_iri)) == 0


def test_a_graph_iri_is_required_on_virtuoso(virtuoso: Virtuoso) -> None:
    with pytest.raises(InputError, match="Virtuoso Graph Store endpoint, which has no default graph: give --graph"):
        _publish(virtuoso, Graph(), graph_iri=None)


def test_cli_publishes_with_digest_and_the_password_from_the_environment(
    virtuoso: Virtuoso, published: Graph, tmp_path: Path
) -> None:
    runner = CliRunner()
    store = _store(virtuoso)
    args = ["publish", "--store-url", store, "--graph", GRAPH, "--user", "dba", "--auth", "digest"]
    result = runner.invoke(main, args, env={"CSRKG_STORE_PASSWORD": virtuoso.password})
    assert result.exit_code == 0, result.output
    assert f"published {len(published)} triples to {store} (staged and moved)" in result.stderr
    assert _count(virtuoso) == len(published)
    refused = runner.invoke(main, args, env={"CSRKG_STORE_PASSWORD": "wrong"})
    assert refused.exit_code == 3 and "refused with HTTP 401" in refused.stderr
    no_graph = runner.invoke(main, ["publish", "--store-url", store, "--user", "dba", "--auth", "digest"])
    assert no_graph.exit_code == 2
    assert no_graph.stderr == (
        f"Error: {store} is a Virtuoso Graph Store endpoint, which has no default graph: give --graph IRI\n"
    )
    endpoint = _endpoint(virtuoso)
    remote = runner.invoke(main, ["query", "missing-figures", "--endpoint", endpoint, "--format", "tsv"])
    local = runner.invoke(main, ["query", "missing-figures", "--format", "tsv"])
    assert remote.exit_code == local.exit_code == 0
    assert remote.output == local.output
