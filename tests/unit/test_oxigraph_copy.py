"""A SELECT on an in-memory rdflib graph is answered by an Oxigraph copy that is kept between
queries (kg.sparql.saved._copy_of): every change to the graph must show in the next answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import SimpleMemory

from kg.sparql.queryfile import SavedQuery, read_query
from kg.sparql.saved import _copy_of, run_local

S, P = URIRef("urn:x:s"), URIRef("urn:x:p")


@pytest.fixture
def values(tmp_path: Path) -> SavedQuery:
    path = tmp_path / "values.rq"
    path.write_text("SELECT ?o WHERE { <urn:x:s> <urn:x:p> ?o } ORDER BY ?o\n", encoding="utf-8")
    return read_query(path, saved=False)


def _objects(graph: Graph, query: SavedQuery) -> list[str]:
    return [str(row[0]) for row in run_local(graph, query).rows]


def test_an_unchanged_graph_is_copied_once(values: SavedQuery) -> None:
    graph = Graph()
    graph.add((S, P, Literal("a")))
    first = _copy_of(graph)
    assert _objects(graph, values) == ["a"]
    assert _copy_of(graph) is first


def test_every_change_shows_in_the_next_answer(values: SavedQuery) -> None:
    graph = Graph()
    graph.add((S, P, Literal("a")))
    assert _objects(graph, values) == ["a"]
    graph.add((S, P, Literal("b")))
    assert _objects(graph, values) == ["a", "b"]
    graph.remove((S, P, Literal("a")))
    assert _objects(graph, values) == ["b"]
    graph.set((S, P, Literal("c")))  # a removal and an add: the size is the same
    assert _objects(graph, values) == ["c"]
    graph.remove((S, P, Literal("c")))
    graph.add((S, P, Literal("d")))  # the same size again, by two separate calls
    assert _objects(graph, values) == ["d"]
    graph.parse(data='<urn:x:s> <urn:x:p> "e" .', format="nt")
    assert _objects(graph, values) == ["d", "e"]
    graph -= Graph().add((S, P, Literal("d")))
    assert _objects(graph, values) == ["e"]
    graph += Graph().add((S, P, Literal("f")))
    assert _objects(graph, values) == ["e", "f"]


def test_graphs_sharing_a_store_get_their_own_triples(values: SavedQuery) -> None:
    dataset = Dataset()
    first, second = dataset.graph(URIRef("urn:x:g1")), dataset.graph(URIRef("urn:x:g2"))
    first.add((S, P, Literal("one")))
    second.add((S, P, Literal("two")))
    views = [Graph(store=dataset.store, identifier=name) for name in (first.identifier, second.identifier)]
    assert [_objects(view, values) for view in views] == [["one"], ["two"]]
    second.remove((S, P, Literal("two")))
    second.add((S, P, Literal("three")))
    assert [_objects(view, values) for view in views] == [["one"], ["three"]]


def test_a_store_that_announces_no_change_is_copied_every_time(values: SavedQuery) -> None:
    graph = Graph(store=SimpleMemory())
    graph.add((S, P, Literal("a")))
    assert _copy_of(graph) is not _copy_of(graph)
    graph.remove((S, P, Literal("a")))
    graph.add((S, P, Literal("b")))
    assert _objects(graph, values) == ["b"]
