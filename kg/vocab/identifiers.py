"""The exchanges and sector classifications report.yaml may name (ontology/identifiers.ttl).

They are data: an exchange or a classification is added by a Turtle edit, and the sheet checks
and the mapping read them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph


@dataclass(frozen=True)
class Exchange:
    """A stock exchange: its node, short name (skos:notation), MIC and name."""

    iri: URIRef
    notation: str
    mic: str
    label: str


@dataclass(frozen=True)
class IdentifierVocabulary:
    exchanges: dict[str, Exchange]  # by short name and by MIC
    schemes: dict[str, URIRef]  # sector classifications by notation (GICS, HSICS ...)
    agencies: dict[URIRef, tuple[URIRef, str]]  # identifier scheme -> the agency and its name

    def exchange(self, name: str) -> Exchange | None:
        """The exchange named by its short name or MIC, in any case."""
        return self.exchanges.get(name.upper())

    def scheme(self, name: str) -> URIRef | None:
        """The known classification of notation ``name`` (in any case), None for another scheme's name."""
        return self.schemes.get(name.upper())


@cache
def identifier_vocabulary() -> IdentifierVocabulary:
    graph = ontology_graph()
    exchanges: dict[str, Exchange] = {}
    for node in sorted(graph.subjects(RDF.type, CSR.StockExchange)):
        assert isinstance(node, URIRef)
        found = Exchange(
            node,
            str(graph.value(node, SKOS.notation)),
            str(graph.value(node, CSR.marketIdentifierCode)),
            str(graph.value(node, RDFS.label)),
        )
        exchanges[found.notation.upper()] = exchanges[found.mic.upper()] = found
    schemes = {
        str(graph.value(node, SKOS.notation)).upper(): node
        for node in graph.subjects(RDF.type, CSR.SectorClassification)
        if isinstance(node, URIRef)
    }
    agencies = {}
    for scheme in (CSR.LEI, CSR.ISIN):
        agency = graph.value(scheme, DCTERMS.creator)
        assert isinstance(agency, URIRef)
        agencies[scheme] = (agency, str(graph.value(agency, RDFS.label)))
    return IdentifierVocabulary(exchanges, schemes, agencies)


def exchange_names() -> list[str]:
    """The short names of the known exchanges, for messages."""
    return sorted({e.notation for e in identifier_vocabulary().exchanges.values()})
