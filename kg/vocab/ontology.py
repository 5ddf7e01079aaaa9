"""Read the ontology and its concept schemes, the vocabulary claim sheets may use.

Claim kinds, reporting-guide codes, SDGs and link properties are data in ``ontology/``; the
loader looks them up here so that adding a kind, a KPI or a link property is a Turtle edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.rdf.terms import parse_turtle
from kg.vocab.data import packaged
from kg.vocab.namespaces import CSR, UNSDG

# The guide version whose codes a report that names no `standard` uses.
DEFAULT_STANDARD = "hkex-esg-guide-2019"


@dataclass(frozen=True)
class Vocabulary:
    """Concept IRIs by notation, per scheme, and the link properties by local name."""

    kinds: dict[str, URIRef]
    guides: dict[str, URIRef]  # reporting-guide schemes (each version its own) by notation
    guide_codes: dict[str, dict[str, URIRef]]  # per guide notation: its aspects and KPIs by code ("A1.2")
    sdgs: dict[int, URIRef]
    qualifiers: dict[str, URIRef]
    links: dict[str, URIRef]
    reviews: dict[str, URIRef]  # review statuses of drafted claims (ontology/review-status.ttl)

    def codes(self, standard: str | None) -> dict[str, URIRef]:
        """The aspect and KPI codes a report's sheets may use: those of the guide version it follows.

        Versions of one guide share codes ("A1.2" is in the FY2019 and the 2020 HKEX guide, with
        different wording and status), so a code is read in the report's ``standard``. A report
        that names none reads its codes in DEFAULT_STANDARD, the one guide csr-kg had before
        guides had versions, so that such report folders build as they did.
        """
        return self.guide_codes[standard or DEFAULT_STANDARD]


def turtle_dir(name: str) -> Graph:
    """All Turtle files of the shipped data directory ``name``, parsed into one graph (by Oxigraph:
    every command reads the ontology at start, and rdflib's parser took most of a second)."""
    return parse_turtle(sorted(packaged(name).glob("*.ttl")))


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
    codes: dict[str, dict[str, URIRef]] = {}
    for scheme in graph.subjects(RDF.type, CSR.ReportingGuide, unique=True):
        assert isinstance(scheme, URIRef)
        notation = graph.value(scheme, SKOS.notation)
        if notation is not None:
            guides[str(notation)] = scheme
            codes[str(notation)] = _notations(graph, scheme)
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
        reviews=_notations(graph, CSR.ReviewStatusScheme),
    )
