"""Publishing to a real Oxigraph server on loopback, and querying it remotely."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.cli.app import main
from kg.errors import RemoteError
from kg.outputs.publish import publish
from kg.sparql.remote import run_remote
from kg.sparql.saved import run_local, saved_queries
from tests.support.queries import EMPTY_ON_BUNDLED
from tests.support.servers import normalised, start_oxigraph, stop

pytestmark = pytest.mark.skipif(
    shutil.which("oxigraph") is None, reason="the Oxigraph server (pip install oxigraph) is not installed"
)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, base = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    try:
        yield base
    finally:
        stop(process)


def _count(endpoint: str) -> int:
    client = SPARQLWrapper(endpoint)
    client.setReturnFormat(JSON)
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def published(oxigraph: str, bundled_kg: Graph) -> Graph:
    graph = bundled_kg
    publish(graph, f"{oxigraph}/store")
    publish(graph, f"{oxigraph}/store")  # twice: the store must hold one copy
    return graph


def test_publishing_twice_leaves_exactly_the_graph(oxigraph: str, published: Graph) -> None:
    assert _count(f"{oxigraph}/query") == len(published)


@pytest.mark.parametrize("query", saved_queries(), ids=[q.name for q in saved_queries()])
def test_saved_query_gives_the_same_rows_remotely(oxigraph: str, published: Graph, query) -> None:
    local = run_local(published, query)
    remote = run_remote(f"{oxigraph}/query", query)
    assert local.rows or query.name in EMPTY_ON_BUNDLED  # the bundled report has no drafted claims
    assert normalised(remote) == normalised(local)


def test_a_rejected_upload_keeps_the_previous_copy(oxigraph: str, published: Graph) -> None:
    bad = Graph()
    bad.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("ok")))
    bad.add((URIRef("relative/iri"), URIRef("http://example.org/p"), Literal("a relative IRI")))
    with pytest.raises(RemoteError, match="upload to the staging graph refused with HTTP 400"):
        publish(bad, f"{oxigraph}/store")
    assert _count(f"{oxigraph}/query") == len(published)


def test_cli_publish_and_remote_query(oxigraph: str, published: Graph, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["publish", "--store-url", f"{oxigraph}/store"])
    assert result.exit_code == 0, result.output
    assert _count(f"{oxigraph}/query") == len(published)
    remote = runner.invoke(main, ["query", "missing-figures", "--endpoint", f"{oxigraph}/query", "--format", "tsv"])
    local = runner.invoke(main, ["query", "missing-figures", "--format", "tsv"])
    assert remote.exit_code == local.exit_code == 0
    assert remote.output == local.output
    down = runner.invoke(main, ["publish", "--store-url", "http://127.0.0.1:9/store", "--attempts", "1"])
    assert down.exit_code == 3 and "upload to the staging graph failed" in down.output
