"""`csrkg serve`: a read-only SPARQL 1.1 Protocol endpoint on loopback, answered by SPARQLWrapper."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.sparql.endpoint import make_server, serve_in_thread
from kg.sparql.remote import run_remote
from kg.sparql.saved import find_query, run_local
from tests.support.servers import normalised


def _start(graph: Graph, **limits: float) -> Iterator[str]:
    server = make_server(graph, "127.0.0.1", 0, **limits)
    serve_in_thread(server)
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def graph(bundled_kg: Graph) -> Graph:
    return bundled_kg


@pytest.fixture(scope="module")
def endpoint(graph: Graph) -> Iterator[str]:
    yield from _start(graph, timeout=20, max_rows=10000)


def _http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, dict]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8"), dict(exc.headers)


@pytest.mark.parametrize("name", ["kpi-disclosure", "missing-figures", "claims-mentioning"])
def test_sparqlwrapper_gets_the_local_rows(endpoint: str, graph: Graph, name: str) -> None:
    query = find_query(name)
    assert normalised(run_remote(endpoint, query)) == normalised(run_local(graph, query))


def test_get_and_content_negotiation(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery("PREFIX csr: <https://w3id.org/csr-kg/ontology#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a csr:Claim }")
    client.setReturnFormat(CSV)
    assert client.query().convert().decode("utf-8").splitlines() == ["n", "627"]
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    assert client.queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "627"
    status, body, headers = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml" and "true" in body
    status, body, _ = _http(
        endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}), headers={"Accept": "image/png"}
    )
    assert status == 406


def test_updates_are_refused(endpoint: str, graph: Graph) -> None:
    before = len(graph)
    update = "DELETE WHERE { ?s ?p ?o }"
    status, body, _ = _http(
        endpoint,
        urllib.parse.urlencode({"update": update}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 403 and "read-only" in body
    status, _, _ = _http(endpoint, update.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403
    status, body, _ = _http(endpoint, update.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 403 and "updates are refused" in body
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises(urllib.error.HTTPError, match=r"403"):
        client.query()
    assert len(graph) == before


def test_service_is_refused(endpoint: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    status, body, _ = _http(endpoint + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 403 and "SERVICE is not allowed" in body
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    with pytest.raises(urllib.error.HTTPError, match="403"):
        client.query()


def test_time_limit_stops_a_runaway_query(graph: Graph) -> None:
    for url in _start(graph, timeout=1, max_rows=100):
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, body, _ = _http(url + "?" + urllib.parse.urlencode({"query": query}))
        assert status == 503 and "time limit" in body
        # The endpoint still answers after stopping the runaway query.
        status, body, _ = _http(url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        assert status == 200 and json.loads(body)["boolean"] is True


def test_result_size_limit(graph: Graph) -> None:
    for url in _start(graph, timeout=20, max_rows=5):
        status, body, headers = _http(
            url + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}), headers={"Accept": "text/csv"}
        )
        assert status == 200
        assert len(list(csv.reader(io.StringIO(body)))) == 1 + 5
        assert headers["X-Result-Truncated"] == "cut at 5 rows"


def test_bad_query_is_a_400(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery("SELECT WHERE {")
    with pytest.raises(QueryBadFormed):
        client.query()


def test_html_page_works_offline(endpoint: str) -> None:
    status, body, headers = _http(endpoint)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in body and 'fetch("sparql"' in body
    assert 'src="http' not in body and 'href="http' not in body  # nothing from a CDN
