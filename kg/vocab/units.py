"""The unit vocabulary: QUDT unit IRIs by key, and the surface forms reports print for them.

Units are data (``ontology/units.ttl``); this module only reads that file, so adding a unit
never needs a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.ingest.quantities import UnitLexicon
from kg.vocab.data import packaged
from kg.vocab.names import local_name
from kg.vocab.namespaces import CUR, QUDT


@dataclass(frozen=True)
class Units:
    """Unit IRIs by key (the IRI's local name, e.g. ``TONNE``) and the recogniser's lexicon."""

    iris: dict[str, URIRef]
    lexicon: UnitLexicon

    def iri(self, key: str) -> URIRef:
        """The IRI of unit ``key``; ``KeyError`` names the known keys when it is unknown."""
        try:
            return self.iris[key]
        except KeyError:
            known = ", ".join(sorted(self.iris))
            raise KeyError(f"unknown unit {key!r} (known: {known})") from None


@cache
def load_units() -> Units:
    """Read ``units.ttl`` once per process."""
    graph = Graph().parse(packaged("ontology") / "units.ttl")
    iris: dict[str, URIRef] = {}
    prefixes: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    for unit in sorted(graph.subjects(RDF.type, QUDT.Unit)):
        assert isinstance(unit, URIRef)
        key = local_name(unit)
        iris[key] = unit
        table = prefixes if str(unit).startswith(str(CUR)) else suffixes
        for label in graph.objects(unit, SKOS.altLabel):
            table[str(label)] = key
    return Units(iris=iris, lexicon=UnitLexicon(prefixes=prefixes, suffixes=suffixes))
