"""Turtle parsed by Oxigraph into rdflib terms gives the graph rdflib's own parser gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import XSD

from kg.rdf.terms import oxigraph_term, parse_turtle, rdflib_term

FIRST = """@prefix ex: <https://example.org/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:amount 7665000.0 ; ex:count 12 ; ex:share "0.50"^^xsd:decimal ;
    ex:label "Emissions"@en, "排放"@zh, "plain" ;
    ex:when "2019-12-31"^^xsd:date ;
    ex:part [ ex:label "a blank node" ; ex:next [ ex:label "nested" ] ] .
"""
SECOND = """@prefix other: <https://example.org/other#> .
other:b other:part [ other:label "a blank node" ] ; other:list ( 1 2.50 "three" ) .
"""


def _files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "first.ttl", tmp_path / "second.ttl"]
    for path, text in zip(paths, (FIRST, SECOND), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def test_parse_turtle_gives_rdflibs_graph_with_its_lexical_forms_and_prefixes(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    expected = Graph()
    for path in paths:
        expected.parse(path, format="turtle")
    graph = parse_turtle(paths)
    assert len(graph) == len(expected) == 20
    _, only_ours, only_rdflibs = graph_diff(to_isomorphic(graph), to_isomorphic(expected))
    assert len(only_ours) == len(only_rdflibs) == 0
    literals = {(str(o), o.datatype, o.language) for o in graph.objects() if isinstance(o, Literal)}
    assert literals == {(str(o), o.datatype, o.language) for o in expected.objects() if isinstance(o, Literal)}
    assert ("7665000.0", XSD.decimal, None) in literals and ("2.50", XSD.decimal, None) in literals
    assert dict(graph.namespaces())["ex"] == URIRef("https://example.org/ns#")
    assert dict(graph.namespaces())["other"] == URIRef("https://example.org/other#")


def test_language_tags_come_back_in_lower_case(tmp_path: Path) -> None:
    # Oxigraph keeps a tag as RDF compares it (case-insensitively); rdflib keeps it as written.
    path = tmp_path / "tagged.ttl"
    path.write_text('<https://example.org/a> <https://example.org/label> "排放"@zh-Hans .\n', encoding="utf-8")
    assert [o.language for o in parse_turtle([path]).objects()] == ["zh-hans"]
    assert [o.language for o in Graph().parse(path, format="turtle").objects()] == ["zh-Hans"]


def test_each_files_blank_nodes_are_its_own(tmp_path: Path) -> None:
    # Both files write "[ ... ex:label "a blank node" ]": two nodes, as rdflib parses them.
    graph = parse_turtle(_files(tmp_path))
    labelled = [s for s, _, o in graph if o == Literal("a blank node")]
    assert len(labelled) == 2 and len(set(labelled)) == 2
    assert all(isinstance(node, BNode) for node in labelled)


def test_terms_cross_both_ways_unchanged() -> None:
    terms = [
        URIRef("https://example.org/a"),
        BNode("b0"),
        Literal("plain"),
        Literal("Emissions", lang="en"),
        Literal("7665000.0", datatype=XSD.decimal),
        Literal("2019-12-31", datatype=XSD.date),
    ]
    for term in terms:
        back = rdflib_term(oxigraph_term(term))
        assert back == term and str(back) == str(term) and type(back) is type(term)
    assert oxigraph_term(Literal("plain")) == ox.Literal("plain")
