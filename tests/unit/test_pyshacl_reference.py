"""The parity tests' pySHACL reference checks each SPARQL constraint's text once and gives plain
pySHACL's results and refusals (tests/support/pyshacl_reference.py)."""

from __future__ import annotations

import pyshacl
from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib import Graph

from kg.validate import reference
from tests.support import pyshacl_reference

SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
ex:Labelled a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:sparql [ sh:message "{$this} has no label" ; sh:prefixes ex:Prefixes ;
                sh:select "SELECT $this WHERE { $this a ex:Thing %s }" ] .
ex:Prefixes sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .
"""
DATA = "@prefix ex: <http://example.org/> . ex:a a ex:Thing . ex:b a ex:Thing . ex:c a ex:Thing ."


def _shapes(extra: str) -> Graph:
    return Graph().parse(data=SHAPES % extra, format="turtle")


def test_results_are_plain_pyshacls_and_the_check_is_restored() -> None:
    shapes, data = _shapes("FILTER NOT EXISTS { $this ex:label ?l }"), Graph().parse(data=DATA, format="turtle")
    check = SPARQLQueryHelper.check_invalid_sparql
    ours, plain = pyshacl_reference.validate_with_pyshacl(data, shapes), reference.validate_with_pyshacl(data, shapes)
    assert SPARQLQueryHelper.check_invalid_sparql is check
    assert not ours.conforms and len(ours.findings) == 3
    assert (ours.conforms, ours.findings) == (plain.conforms, plain.findings)


def _plain(data: Graph, shapes: Graph) -> tuple[bool, str, str]:
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return conforms, type(report).__name__, text


def test_a_forbidden_clause_is_refused_every_time() -> None:
    """pySHACL answers a constraint it refuses with the failure as its report."""
    shapes, data = _shapes("MINUS { $this ex:label ?l }"), Graph().parse(data=DATA, format="turtle")
    refused = _plain(data, shapes)
    assert refused[:2] == (False, "ValidationFailure") and "MINUS" in refused[2]
    with pyshacl_reference.each_text_checked_once():
        assert _plain(data, shapes) == _plain(data, shapes) == refused
