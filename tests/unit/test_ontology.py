"""The ontology: header, and a label and a definition for every term it mints."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.vocab.data import packaged
from kg.vocab.names import local_name
from kg.vocab.namespaces import CSR, QUDT
from kg.vocab.ontology import ontology_graph, vocabulary

ONTOLOGY = URIRef("https://w3id.org/csr-kg/ontology")


def test_header() -> None:
    g = ontology_graph()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    for prop in (DCTERMS.title, OWL.versionIRI, DCTERMS.license, DCTERMS.creator):
        assert g.value(ONTOLOGY, prop) is not None, prop


def test_every_ontology_files_header_has_title_version_and_licence() -> None:
    headers = {}
    for path in sorted(packaged("ontology").glob("*.ttl")):
        graph = Graph().parse(path, format="turtle")
        for header in graph.subjects(RDF.type, OWL.Ontology):
            headers[header] = path.name
            missing = [p for p in (DCTERMS.title, OWL.versionIRI, DCTERMS.license) if graph.value(header, p) is None]
            assert not missing, (path.name, missing)
    assert headers == {
        ONTOLOGY: "csr.ttl",
        URIRef("https://w3id.org/csr-kg/unit/"): "units.ttl",
        URIRef("https://w3id.org/csr-kg/crosswalk"): "crosswalks.ttl",
        URIRef("https://w3id.org/csr-kg/esg-metric"): "metrics.ttl",
        URIRef("https://w3id.org/csr-kg/gri"): "gri.ttl",
        URIRef("https://w3id.org/csr-kg/hkex-esg/2019"): "hkex-esg.ttl",
        URIRef("https://w3id.org/csr-kg/hkex-esg/2020"): "hkex-esg-2020.ttl",
    }


def test_every_minted_term_has_a_label_and_a_definition() -> None:
    g: Graph = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.Concept)
    terms = {s for k in kinds for s in g.subjects(RDF.type, k) if isinstance(s, URIRef)}
    minted = {
        t
        for t in terms
        if str(t).startswith("https://w3id.org/csr-kg/") or str(t).startswith("http://metadata.un.org/sdg/")
    }
    assert len(minted) > 100
    for term in minted:
        labels = list(g.objects(term, RDFS.label)) + list(g.objects(term, SKOS.prefLabel))
        assert labels, f"{term} has no label"
        definitions = [*g.objects(term, RDFS.comment), *g.objects(term, SKOS.definition)]
        is_code = (term, SKOS.notation, None) in g  # SDG and KPI codes: the label is the definition
        assert definitions or is_code, f"{term} has no rdfs:comment or skos:definition"


def test_schemes_are_complete() -> None:
    v = vocabulary()
    assert sorted(v.sdgs) == list(range(1, 18))
    assert all(str(v.sdgs[n]) == f"http://metadata.un.org/sdg/{n}" for n in v.sdgs)
    codes = v.codes("hkex-esg-guide-2019")
    aspects = {c for c in codes if len(c) == 2 and c[0] in "AB"}
    assert aspects == {"A1", "A2", "A3", *(f"B{i}" for i in range(1, 9))}
    assert {"A1.1", "A1.6", "A2.5", "B6.5", "B8.2"} <= set(codes)
    g = ontology_graph()
    for code, iri in codes.items():
        if "." in code:
            assert (iri, SKOS.broader, codes[code.split(".")[0]]) in g


def test_guides_are_the_reporting_guide_schemes_and_codes_belong_to_one_version() -> None:
    v = vocabulary()
    assert sorted(v.guides) == ["gri-standards-2021", "hkex-esg-guide-2019", "hkex-esg-guide-2020"]
    assert str(v.codes("hkex-esg-guide-2019")["A1.2"]) == "https://w3id.org/csr-kg/hkex-esg/A1.2"
    assert str(v.codes("hkex-esg-guide-2020")["A1.2"]) == "https://w3id.org/csr-kg/hkex-esg/2020/A1.2"
    assert "A4.1" not in v.codes("hkex-esg-guide-2019")
    assert v.codes(None) == v.codes("hkex-esg-guide-2019")  # a report naming no standard, as before versions


def test_link_properties_are_stated_relations() -> None:
    g = ontology_graph()
    links = vocabulary().links
    assert {"runBy", "hasPartner", "compliesWith", "receivedAward", "memberOf", "location"} <= set(links)
    for prop in links.values():
        assert (prop, RDFS.subPropertyOf, CSR.statedRelation) in g


def test_every_packaged_unit_has_a_label_a_quantity_kind_and_forms() -> None:
    g = Graph().parse(packaged("ontology") / "units.ttl")
    units = {*g.subjects(RDF.type, QUDT.Unit), *g.subjects(RDF.type, CSR.CountUnit)}
    assert len(units) == 47
    for unit in units:
        assert g.value(unit, RDFS.label) is not None, unit
        assert str(g.value(unit, QUDT.hasQuantityKind)).startswith("http://qudt.org/vocab/quantitykind/"), unit
        forms = [*g.objects(unit, SKOS.altLabel), *g.objects(unit, CSR.denominatorForm)]
        assert forms, f"{unit} has no surface form"
        if str(unit).startswith("https://w3id.org/csr-kg/unit/"):
            assert g.value(unit, RDFS.comment) is not None, f"{unit}: a csr-kg unit says why QUDT has none"


def test_conversion_multipliers_are_qudts() -> None:
    g = Graph().parse(packaged("ontology") / "units.ttl")
    factors = {local_name(u): Decimal(str(v)) for u, v in g.subject_objects(QUDT.conversionMultiplier)}
    assert {
        k: factors[k] for k in ("GM", "TONNE", "KiloTONNE", "KiloW-HR", "GigaJ", "TOE", "L", "MegaL", "FT2", "DAY")
    } == {
        "GM": Decimal("0.001"),
        "TONNE": Decimal("1000"),
        "KiloTONNE": Decimal("1000000"),
        "KiloW-HR": Decimal("3600000"),
        "GigaJ": Decimal("1000000000"),
        "TOE": Decimal("41868000000"),
        "L": Decimal("0.001"),
        "MegaL": Decimal("1000"),
        "FT2": Decimal("0.09290304"),
        "DAY": Decimal("86400"),
    }
    currencies = set(g.subjects(QUDT.hasQuantityKind, URIRef("http://qudt.org/vocab/quantitykind/Currency")))
    assert len(currencies) == 8
    assert not any((c, QUDT.conversionMultiplier, None) in g for c in currencies)
