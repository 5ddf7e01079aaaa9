"""The table of entity types: complete, consistent, and extended by a Turtle edit alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF

from kg.errors import InputError
from kg.ingest.loader import load_report
from kg.outputs.network import NODE_CLASSES
from kg.outputs.site import GROUPS, SDG_GROUP
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_triples
from kg.vocab import entity_types
from kg.vocab.entity_types import EntityType, TypeTableError, read_type_table, sheet_types, type_table
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph
from tests.support.mini import MINI_SHEET

ANNOTATIONS = (
    CSR.sheetType,
    CSR.iriSegment,
    CSR.sharedAcrossCompanies,
    CSR.siteSection,
    CSR.siteOrder,
    CSR.networkNodeKind,
)
PREFIXES = "@prefix csr: <https://w3id.org/csr-kg/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"


def test_every_annotated_class_is_in_the_table() -> None:
    graph, table = ontology_graph(), type_table()
    annotated = {s for prop in ANNOTATIONS for s in graph.subjects(prop, None)}
    in_table = (
        {t.cls for t in table.entity_types.values()}
        | {m for _, members in table.site_sections for m in members}
        | {cls for cls, _ in table.node_kinds}
    )
    assert annotated == in_table
    assert {cls for cls, _ in table.node_kinds} == set(graph.subjects(CSR.networkNodeKind, None))


def test_every_sheet_type_maps_to_one_class_with_a_page() -> None:
    table = type_table()
    classes = [t.cls for t in table.entity_types.values()]
    assert len(classes) == len(set(classes)) == len(sheet_types()) == 18
    with_pages = {m for _, members in table.site_sections for m in members}
    assert set(classes) <= with_pages
    assert table.entity_type("Committee") == EntityType("Committee", CSR.Committee, "unit", False)
    assert table.entity_type("Place") == EntityType("Place", DCTERMS.Location, "place", True)
    assert table.entity_type("Person") == EntityType("Person", PROV.Person, "person", False)
    shared = sorted(name for name, t in table.entity_types.items() if t.shared)
    assert shared == ["Award", "Certification", "Law", "Organization", "Place", "Standard", "Subsidiary"]


def test_site_and_network_read_the_table() -> None:
    table = type_table()
    assert table.site_sections == GROUPS
    assert [heading for heading, _ in GROUPS][:3] == ["Report", "Claims", "Organisations"]
    assert dict(GROUPS)["Organisational units"] == (CSR.Board, CSR.Committee, CSR.Department, CSR.Team)
    assert SDG_GROUP == "Sustainable Development Goals" == table.section_of(CSR.SDGScheme)
    assert table.node_kinds == NODE_CLASSES
    kinds = [cls for cls, _ in NODE_CLASSES]
    assert kinds.index(CSR.Subsidiary) < kinds.index(ORG.Organization)  # the most specific class first
    assert dict(NODE_CLASSES)[CSR.StakeholderGroup] == "stakeholder_group"


def _with(extra: str) -> Graph:
    graph = Graph()
    for triple in ontology_graph():
        graph.add(triple)
    graph.parse(data=PREFIXES + extra, format="turtle")
    return graph


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (
            'csr:Supplier csr:sheetType "Committee" ; csr:iriSegment "s" ; csr:sharedAcrossCompanies false .',
            "names both",
        ),
        ('csr:Supplier csr:sheetType "Supplier" .', "no csr:iriSegment"),
        ('csr:Supplier csr:iriSegment "supplier" .', "but no csr:sheetType"),
        ('csr:Supplier csr:siteSection "Products"@en ; csr:siteOrder 99 .', "has positions 10 and 99"),
        ('csr:Supplier csr:siteSection "Suppliers"@en .', "no csr:siteOrder"),
    ],
)
def test_contradictory_annotations_are_refused(extra: str, problem: str) -> None:
    with pytest.raises(TypeTableError, match=problem):
        read_type_table(_with(extra))


SUPPLIER = """
csr:Supplier a owl:Class ;
    csr:sheetType "Supplier" ;
    csr:iriSegment "supplier" ;
    csr:sharedAcrossCompanies false ;
    csr:siteSection "Suppliers"@en ;
    csr:siteOrder 19 ;
    csr:networkNodeKind "supplier" .
"""


@pytest.fixture
def with_supplier(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped ontology plus one annotated class, as if csr.ttl had been edited."""
    graph = _with(SUPPLIER)
    monkeypatch.setattr(entity_types, "ontology_graph", lambda: graph)
    type_table.cache_clear()
    yield
    monkeypatch.undo()
    type_table.cache_clear()


def test_an_annotated_class_is_a_new_entity_type(with_supplier: None, make_report: Callable[..., Path]) -> None:
    sheet = MINI_SHEET.replace(
        "metrics:\n", "  - {id: acme-parts, type: Supplier, label: Acme Parts, unit_of: sample-co}\nmetrics:\n"
    )
    report = load_report(make_report(sheet=sheet))
    triples = set(report_triples(report, Minter("https://example.org/kg/")))
    node = URIRef("https://example.org/kg/org/sample-co/supplier/acme-parts")
    assert (node, RDF.type, CSR.Supplier) in triples
    table = type_table()
    assert "Supplier" in sheet_types()
    assert table.site_sections[-1] == ("Suppliers", (CSR.Supplier,))
    assert (CSR.Supplier, "supplier") in table.node_kinds


def test_without_the_annotation_the_type_is_refused(make_report: Callable[..., Path]) -> None:
    sheet = MINI_SHEET.replace(
        "metrics:\n", "  - {id: acme-parts, type: Supplier, label: Acme Parts, unit_of: sample-co}\nmetrics:\n"
    )
    folder = make_report(sheet=sheet)
    with pytest.raises(InputError, match=r"sheet\.yaml:4: entities\[2\]: type 'Supplier' is not an entity type"):
        load_report(folder)
