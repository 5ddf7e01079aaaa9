"""A query answered by Oxigraph (kg.sparql.saved.run_query) is parsed and evaluated by Oxigraph
only, once, whatever its form: rdflib's parser runs for the rdflib engine and the wording of a
syntax error, while the refusals of SERVICE and FROM and the answers stay what they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal, URIRef

import kg.sparql.saved as saved
from kg.errors import QueryError, QueryRefusedError
from kg.sparql.queryfile import SavedQuery, read_query
from kg.sparql.saved import run_query

S, P = URIRef("urn:x:s"), URIRef("urn:x:p")


def _query(tmp_path: Path, text: str) -> SavedQuery:
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    return read_query(path, saved=False)


@pytest.fixture
def graph() -> Graph:
    graph = Graph()
    for value in ("b", "a"):
        graph.add((S, P, Literal(value)))
    return graph


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts given to rdflib's parser (kg.rdf.readers.prepare_query) from here on."""
    seen: list[str] = []
    original = saved.prepare_query

    def counted(text: str) -> object:
        seen.append(text)
        return original(text)

    monkeypatch.setattr(saved, "prepare_query", counted)
    return seen


def test_a_select_on_oxigraph_is_not_parsed_by_rdflib(tmp_path: Path, graph: Graph, parses: list[str]) -> None:
    query = _query(tmp_path, "SELECT ?o WHERE { <urn:x:s> <urn:x:p> ?o } ORDER BY ?o\n")
    rows = run_query(graph, query)
    assert [str(row[0]) for row in rows.rows] == ["a", "b"]
    assert parses == []
    assert run_query(graph, query, engine="rdflib") == rows
    assert parses  # the reference engine parses with rdflib


@pytest.fixture
def evaluations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts Oxigraph evaluates on a copy of an rdflib graph (kg.sparql.local.evaluate) from here on."""
    seen: list[str] = []
    original = saved.evaluate

    def counted(graph: object, text: str) -> object:
        seen.append(text)
        return original(graph, text)

    monkeypatch.setattr(saved, "evaluate", counted)
    return seen


def test_ask_is_answered_by_oxigraph_once(
    tmp_path: Path, graph: Graph, parses: list[str], evaluations: list[str]
) -> None:
    yes, no = (
        _query(tmp_path, 'ASK { <urn:x:s> <urn:x:p> "a" }\n'),
        _query(tmp_path, 'ASK { <urn:x:s> <urn:x:p> "c" }\n'),
    )
    assert run_query(graph, yes) is True
    assert run_query(graph, no) is False
    assert parses == []
    assert len(evaluations) == 2
    assert run_query(graph, yes, engine="rdflib") is True
    assert run_query(graph, no, engine="rdflib") is False


def test_construct_is_answered_by_oxigraph_once_with_the_graphs_terms(
    tmp_path: Path, parses: list[str], evaluations: list[str]
) -> None:
    graph = Graph()
    graph.bind("ex", "urn:x:")
    graph.add((S, P, Literal("7665000.0", datatype=XSD.decimal)))
    query = _query(tmp_path, "CONSTRUCT { ?s <urn:x:of> ?o } WHERE { ?s <urn:x:p> ?o . FILTER(isIRI(?s)) }\n")
    answer = run_query(graph, query)
    assert parses == []
    assert len(evaluations) == 1
    assert set(answer) == {(S, URIRef("urn:x:of"), Literal("7665000.0", datatype=XSD.decimal))}
    assert set(answer) == set(run_query(graph, query, engine="rdflib"))
    assert ("ex", URIRef("urn:x:")) in set(answer.namespaces())


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }\n", "SERVICE"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }\n", "FROM / FROM NAMED"),
    ],
)
def test_refusals_come_before_oxigraph(tmp_path: Path, graph: Graph, text: str, refused: str) -> None:
    with pytest.raises(QueryRefusedError, match=f"^{refused} is not allowed: queries run on the local graph only$"):
        run_query(graph, _query(tmp_path, text))


def test_a_syntax_error_is_worded_at_its_line_and_column(tmp_path: Path, graph: Graph) -> None:
    query = _query(tmp_path, "SELECT ?o WHERE {\n  <urn:x:s> <urn:x:p> ?o\n  FILTER (\n}\n")
    with pytest.raises(QueryError, match=r"q\.rq: SPARQL syntax error at line 3, column 3: "):
        run_query(graph, query)
