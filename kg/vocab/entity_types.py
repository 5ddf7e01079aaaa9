"""The one table of entity types, read from the ontology's annotations.

Which ``type`` a claim sheet may give an entity, the class it makes, the IRI segment and scope of
its IRI, the site section its page is listed under and the network node kind it becomes are
annotations of the class in ``ontology/csr.ttl`` (``csr:sheetType``, ``csr:iriSegment``,
``csr:sharedAcrossCompanies``, ``csr:siteSection``, ``csr:siteOrder``, ``csr:networkNodeKind``).
Sheet validation, IRI minting, the mapping, the site and the network all ask here, so adding an
entity type is one Turtle edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph


@dataclass(frozen=True)
class EntityType:
    """One ``type`` a claim sheet may give an entity."""

    name: str  # as the sheet writes it, e.g. "Committee"
    cls: URIRef  # the class its instances get
    segment: str  # IRI path segment, e.g. "unit"
    shared: bool  # one IRI for all companies (public things), else minted under the company


@dataclass(frozen=True)
class TypeTable:
    """Everything the annotations say, in the shapes its users need."""

    entity_types: dict[str, EntityType]  # by sheet name, sorted by name
    site_sections: tuple[tuple[str, tuple[URIRef, ...]], ...]  # (heading, classes) in site order
    node_kinds: tuple[tuple[URIRef, str], ...]  # (class, node kind), most specific class first

    def entity_type(self, name: str) -> EntityType:
        return self.entity_types[name]

    def section_of(self, subject: URIRef) -> str:
        """The site heading of ``subject`` (a class or a concept scheme)."""
        return next(heading for heading, members in self.site_sections if subject in members)


class TypeTableError(ValueError):
    """The ontology's entity-type annotations contradict each other (a bug in the Turtle, not in input)."""


def _one(graph: Graph, subject: URIRef, prop: URIRef) -> Literal | None:
    values = sorted(v for v in graph.objects(subject, prop) if isinstance(v, Literal))
    if len(values) > 1:
        raise TypeTableError(f"{subject} has {len(values)} values of {prop}")
    return values[0] if values else None


def read_type_table(graph: Graph) -> TypeTable:
    """The table the annotations of ``graph`` (an ontology) describe; checks that it is consistent."""
    entity_types: dict[str, EntityType] = {}
    for cls in sorted(s for s in graph.subjects(CSR.sheetType, None, unique=True) if isinstance(s, URIRef)):
        name, segment = _one(graph, cls, CSR.sheetType), _one(graph, cls, CSR.iriSegment)
        shared = _one(graph, cls, CSR.sharedAcrossCompanies)
        if name is None or segment is None or shared is None:
            raise TypeTableError(f"{cls} has a csr:sheetType but no csr:iriSegment or csr:sharedAcrossCompanies")
        if str(name) in entity_types:
            raise TypeTableError(f"sheet type {name} names both {entity_types[str(name)].cls} and {cls}")
        entity_types[str(name)] = EntityType(str(name), cls, str(segment), bool(shared.toPython()))
    for orphan in graph.subjects(CSR.iriSegment, None, unique=True):
        if (orphan, CSR.sheetType, None) not in graph:
            raise TypeTableError(f"{orphan} has a csr:iriSegment but no csr:sheetType")

    sections: dict[str, tuple[int, list[URIRef]]] = {}
    for subject in graph.subjects(CSR.siteSection, None, unique=True):
        heading, order = _one(graph, subject, CSR.siteSection), _one(graph, subject, CSR.siteOrder)
        if not isinstance(subject, URIRef) or heading is None or order is None:
            raise TypeTableError(f"{subject} has a csr:siteSection but no csr:siteOrder")
        position, members = sections.setdefault(str(heading), (int(order), []))
        if position != int(order):
            raise TypeTableError(f"site section {heading!r} has positions {position} and {order}")
        members.append(subject)
    site_sections = tuple(
        (heading, tuple(sorted(members))) for heading, (_, members) in sorted(sections.items(), key=lambda i: i[1][0])
    )

    kinds = {
        s: str(k)
        for s in graph.subjects(CSR.networkNodeKind, None, unique=True)
        if (k := _one(graph, s, CSR.networkNodeKind))
    }

    def depth(cls: URIRef) -> int:
        """How many annotated classes ``cls`` is a subclass of: deeper ones must match first."""
        ancestors = set(graph.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        return sum(1 for other in kinds if other in ancestors)

    node_kinds = tuple(
        sorted(((c, k) for c, k in kinds.items() if isinstance(c, URIRef)), key=lambda p: (-depth(p[0]), p[0]))
    )
    return TypeTable(entity_types=entity_types, site_sections=site_sections, node_kinds=node_kinds)


@cache
def type_table() -> TypeTable:
    """The table of the shipped ontology (read once per process)."""
    return read_type_table(ontology_graph())


def sheet_types() -> list[str]:
    """The entity types a claim sheet may name, sorted."""
    return list(type_table().entity_types)
