"""The bundled KG conforms to the provenance shapes, which do catch missing provenance;
the saved query answers on the bundled KG."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.ontology import ontology_graph
from kg.resources import data_dir
from kg.vocab import CSR, OA, QUDT

CLAIM = URIRef("https://w3id.org/csr-kg/id/report/xiaomi-2019/claim/s2-2-rd-investment")


def _shapes() -> Graph:
    shapes = Graph()
    for path in sorted(data_dir("shapes").glob("*.ttl")):
        shapes.parse(path)
    return shapes


def _conforms(data: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(
        data, shacl_graph=_shapes(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    return conforms, text


@pytest.fixture(scope="module")
def claim_subgraph(bundled_graph: Graph) -> Graph:
    """One claim with everything it points to, plus the ontology's units: small to validate."""
    g = Graph()
    frontier = [CLAIM]
    seen: set[URIRef] = set()
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in bundled_graph.predicate_objects(node):
            g.add((node, p, o))
            if isinstance(o, URIRef) and p != CSR.subject and p != CSR.about:
                frontier.append(o)
    assert (CLAIM, RDF.type, CSR.Claim) in g
    return g


def test_bundled_kg_conforms(bundled_graph: Graph) -> None:
    conforms, text = _conforms(bundled_graph)
    assert conforms, text


def test_removing_the_quote_is_a_violation(claim_subgraph: Graph) -> None:
    assert _conforms(claim_subgraph)[0]
    broken = Graph() + claim_subgraph
    broken.remove((CLAIM, CSR.hasQuote, None))
    conforms, text = _conforms(broken)
    assert not conforms
    assert "A claim must have exactly one quote" in text


def test_removing_a_selector_offset_is_a_violation(claim_subgraph: Graph) -> None:
    broken = Graph() + claim_subgraph
    broken.remove((None, OA.end, None))
    conforms, text = _conforms(broken)
    assert not conforms
    assert "exactly one text-position selector" in text


def test_sdg_query_answers(bundled_graph: Graph) -> None:
    query = (data_dir("queries") / "sdg-alignments.rq").read_text(encoding="utf-8")
    rows = list((bundled_graph + ontology_graph()).query(query))
    assert len(rows) >= 20
    assert {str(r.basis) for r in rows} == {"inferred"}
    assert {int(r.goal) for r in rows} <= set(range(1, 18))
    assert Path(data_dir("queries") / "sdg-alignments.rq").read_text(encoding="utf-8").startswith("# title:")


def test_a_unit_outside_qudt_is_a_violation(claim_subgraph: Graph) -> None:
    broken = Graph() + claim_subgraph
    (obs,) = broken.objects(CLAIM, CSR.hasObservation)
    broken.remove((obs, QUDT.unit, None))
    broken.add((obs, QUDT.unit, URIRef("http://example.org/units/furlong")))
    conforms, text = _conforms(broken)
    assert not conforms
    assert "a QUDT unit IRI" in text
