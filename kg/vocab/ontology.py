"""Read the ontology and its concept schemes, the vocabulary claim sheets may use.

Claim kinds, reporting-guide codes, SDGs and link properties are data in ``ontology/``; the
loader looks them up here so that adding a kind, a KPI or a link property is a Turtle edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.vocab.data import packaged
from kg.vocab.namespaces import CSR, UNSDG


@dataclass(frozen=True)
class Vocabulary:
    """Concept IRIs by notation, per scheme, and the link properties by local name."""

    kinds: dict[str, URIRef]
    guides: dict[str, URIRef]  # reporting-guide schemes by notation
    guide_codes: dict[str, URIRef]  # aspects and KPIs by notation (e.g. "A1.2")
    sdgs: dict[int, URIRef]
    qualifiers: dict[str, URIRef]
    links: dict[str, URIRef]


def turtle_dir(name: str) -> Graph:
    """All Turtle files of the shipped data directory ``name``, parsed into one graph."""
    graph = Graph()
    for path in sorted(packaged(name).glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology and its concept schemes (once per process)."""
    return turtle_dir("ontology")


def with_ontology(graph: Graph) -> Graph:
    """``graph`` if it already carries the ontology, else a copy with the ontology and schemes added.

    Saved queries, the network projection and the endpoint read labels, codes and link
    properties from the ontology, so a KG file without it is completed here.
    """
    if (None, RDFS.subPropertyOf, CSR.statedRelation) in graph and (UNSDG["1"], SKOS.prefLabel, None) in graph:
        return graph
    merged = Graph()
    for prefix, namespace in graph.namespaces():
        merged.bind(prefix, namespace)
    for triple in graph:
        merged.add(triple)
    for triple in ontology_graph():
        merged.add(triple)
    return merged


def _notations(graph: Graph, scheme: URIRef) -> dict[str, URIRef]:
    found: dict[str, URIRef] = {}
    for concept in graph.subjects(SKOS.inScheme, scheme):
        for notation in graph.objects(concept, SKOS.notation):
            assert isinstance(concept, URIRef)
            found[str(notation)] = concept
    return found


@cache
def vocabulary() -> Vocabulary:
    graph = ontology_graph()
    guides: dict[str, URIRef] = {}
    codes: dict[str, URIRef] = {}
    for scheme in graph.subjects(SKOS.hasTopConcept, None, unique=True):
        assert isinstance(scheme, URIRef)
        notation = graph.value(scheme, SKOS.notation)
        if notation is not None:
            guides[str(notation)] = scheme
            codes.update(_notations(graph, scheme))
    links = {
        str(prop).removeprefix(str(CSR)): prop
        for prop in graph.subjects(RDFS.subPropertyOf, CSR.statedRelation)
        if isinstance(prop, URIRef) and str(prop).startswith(str(CSR))
    }
    return Vocabulary(
        kinds=_notations(graph, CSR.ClaimKindScheme),
        guides=guides,
        guide_codes=codes,
        sdgs={int(n): iri for n, iri in _notations(graph, CSR.SDGScheme).items()},
        qualifiers=_notations(graph, CSR.ApproximationScheme),
        links=links,
    )
