"""pyshacl-turbo is given the ontology's triples that the shapes can read, and decides as it would
on the whole ontology: shapes that read any predicate (sh:closed, SPARQL) get all of it."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.validate.core import _readable_ontology
from kg.validate.data import ontology_ntriples
from kg.validate.reference import validate_with_pyshacl
from kg.validate.shacl import _plan, shapes_graph, validate_graph

PREFIXES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""
# Each finds results in the ontology through a predicate that csr-kg's shapes do not name
# (skos:definition, skos:hasTopConcept, skos:topConceptOf).
NAMED = PREFIXES + (
    "ex:Defined a sh:NodeShape ; sh:targetClass skos:Concept ; "
    "sh:property [ sh:path skos:definition ; sh:maxCount 0 ] ."
)
CLOSED = PREFIXES + (
    "ex:Closed a sh:NodeShape ; sh:targetClass skos:ConceptScheme ; sh:closed true ; "
    "sh:ignoredProperties ( rdf:type ) ."
)
SPARQL = PREFIXES + (
    "ex:Topped a sh:NodeShape ; sh:targetClass skos:ConceptScheme ; "
    'sh:sparql [ sh:message "{$this} has top concepts" ; '
    'sh:select "SELECT $this WHERE { $this skos:hasTopConcept ?top }" ; sh:prefixes ex:Prefixes ] . '
    'ex:Prefixes sh:declare [ sh:prefix "skos" ; sh:namespace "http://www.w3.org/2004/02/skos/core#"^^xsd:anyURI ] .'
)


def _lines(ntriples: str) -> set[str]:
    return {line for line in ntriples.splitlines() if line}


def test_csr_kgs_shapes_are_checked_on_part_of_the_ontology() -> None:
    readable, whole = _lines(_readable_ontology(_plan(shapes_graph()).core)), _lines(ontology_ntriples())
    assert readable < whole
    assert not any("<http://www.w3.org/2004/02/skos/core#definition>" in line for line in readable)


@pytest.mark.parametrize("shapes", [NAMED, CLOSED, SPARQL], ids=["named path", "closed", "sparql"])
def test_shapes_reading_what_csr_kgs_do_not_find_pyshacls_results_in_the_ontology(shapes: str) -> None:
    graph = Graph().parse(data=shapes, format="turtle")
    result, reference = validate_graph(Graph(), graph), validate_with_pyshacl(Graph(), graph)
    assert result.findings
    assert (result.conforms, result.findings) == (reference.conforms, reference.findings)


@pytest.mark.parametrize("shapes", [CLOSED, SPARQL], ids=["closed", "sparql"])
def test_shapes_that_read_any_predicate_are_checked_on_the_whole_ontology(shapes: str) -> None:
    core = _plan(Graph().parse(data=shapes, format="turtle")).core
    assert _lines(_readable_ontology(core)) == _lines(ontology_ntriples())
