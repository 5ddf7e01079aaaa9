"""The metric catalogue, the reporting-guide versions and the crosswalks between them.

The expected codes of each guide version below are the specification, written by hand from the
guides (summarised in shared/reference/hkex-esg-guide.md): a code missing from or added to a
scheme fails here before it reaches a report.
"""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.vocab.namespaces import CSR, HKEX
from kg.vocab.ontology import ontology_graph, vocabulary
from tests.support.paths import ROOT

METRIC = "https://w3id.org/csr-kg/esg-metric/"
SSSOM = "https://w3id.org/sssom/"
SEMAPV_MANUAL = URIRef("https://w3id.org/semapv/vocab/ManualMappingCuration")
MAPPING = URIRef(SSSOM + "Mapping")
QUANTITY_KIND = URIRef("http://qudt.org/schema/qudt/QuantityKind")
SKOS_MAPPINGS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)

FILES = ("metrics.ttl", "hkex-esg.ttl", "hkex-esg-2020.ttl", "gri.ttl", "crosswalks.ttl")

HKEX_2019 = {
    "A", "B",
    "A1", "A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6",
    "A2", "A2.1", "A2.2", "A2.3", "A2.4", "A2.5",
    "A3", "A3.1",
    "B1", "B1.1", "B1.2",
    "B2", "B2.1", "B2.2", "B2.3",
    "B3", "B3.1", "B3.2",
    "B4", "B4.1", "B4.2",
    "B5", "B5.1", "B5.2",
    "B6", "B6.1", "B6.2", "B6.3", "B6.4", "B6.5",
    "B7", "B7.1", "B7.2",
    "B8", "B8.1", "B8.2",
}  # fmt: skip
NEW_IN_2020 = {
    "A4", "A4.1", "B5.3", "B5.4", "B7.3",
    "MDR", "governance-structure", "reporting-principles", "reporting-boundary",
}  # fmt: skip
HKEX_2020 = HKEX_2019 | NEW_IN_2020
REWORDED_IN_2020 = {"A1.5", "A1.6", "A2.3", "A2.4", "B2.1", "B2.2"}
GRI_2021 = {
    "2", "2-7", "2-8",
    "201", "201-1",
    "205", "205-2", "205-3",
    "301", "301-1",
    "302", "302-1", "302-3", "302-4",
    "303", "303-3", "303-4", "303-5",
    "305", "305-1", "305-2", "305-3", "305-4", "305-5", "305-7",
    "306", "306-3", "306-4", "306-5",
    "308", "308-1",
    "401", "401-1",
    "403", "403-9",
    "404", "404-1", "404-3",
    "413", "413-1",
    "414", "414-1",
    "416", "416-2",
    "418", "418-1",
}  # fmt: skip
EXPECTED_CODES = {"hkex-esg-guide-2019": HKEX_2019, "hkex-esg-guide-2020": HKEX_2020, "gri-standards-2021": GRI_2021}

QUDT_KIND = re.compile(r"^http://qudt\.org/vocab/quantitykind/[A-Za-z]+$")
# A QUDT unit or currency, or a csr-kg ratio unit minted from its parts (NUMERATOR-PER-DENOMINATOR).
CANONICAL_UNIT = re.compile(
    r"^(http://qudt\.org/vocab/(unit|currency)/[A-Za-z0-9_-]+|https://w3id\.org/csr-kg/unit/[A-Za-z0-9_-]+-PER-[A-Za-z0-9_-]+)$"
)


@pytest.fixture(scope="module")
def g() -> Graph:
    return ontology_graph()


def _metrics(g: Graph) -> set[URIRef]:
    return {m for m in g.subjects(SKOS.inScheme, CSR.MetricCatalogue) if isinstance(m, URIRef)}


def _codes(g: Graph, scheme: URIRef) -> dict[str, URIRef]:
    return {str(g.value(c, SKOS.notation)): c for c in g.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}


@pytest.mark.parametrize("name", FILES)
def test_each_file_parses_on_its_own_with_a_full_header(name: str) -> None:
    graph = Graph().parse(ROOT / "ontology" / name, format="turtle")
    headers = list(graph.subjects(RDF.type, OWL.Ontology))
    assert len(headers) == 1
    for prop in (DCTERMS.title, DCTERMS.description, OWL.versionIRI, DCTERMS.license, DCTERMS.creator):
        assert graph.value(headers[0], prop) is not None, (name, prop)


def test_the_catalogue_has_every_metric_described_once(g: Graph) -> None:
    metrics = _metrics(g)
    assert len(metrics) >= 60
    notations: list[str] = []
    for m in metrics:
        assert str(m).startswith(METRIC) and (m, RDF.type, CSR.CatalogueMetric) in g, m
        labels = list(g.objects(m, SKOS.prefLabel))
        definitions = list(g.objects(m, SKOS.definition))
        assert len(labels) == 1 and labels[0].language == "en", m
        assert len(definitions) == 1 and definitions[0].language == "en", m
        [notation] = list(g.objects(m, SKOS.notation))
        assert str(notation) == str(m).removeprefix(METRIC), m  # the short name is the IRI's last segment
        notations.append(str(notation))
        [kind] = list(g.objects(m, CSR.quantityKind))
        assert QUDT_KIND.match(str(kind)) or (kind, RDF.type, QUANTITY_KIND) in g, m
        [unit] = list(g.objects(m, CSR.canonicalUnit))
        assert CANONICAL_UNIT.match(str(unit)), (m, unit)
    assert len(notations) == len(set(notations))


def test_the_short_names_queries_take_are_in_the_catalogue(g: Graph) -> None:
    notations = {str(g.value(m, SKOS.notation)) for m in _metrics(g)}
    assert {
        "ghg-scope-1", "ghg-scope-2", "ghg-scope-3", "ghg-total", "ghg-scope-1-co2", "ghg-intensity-per-employee",
        "nox-emissions", "sox-emissions", "particulate-emissions",
        "hazardous-waste", "non-hazardous-waste-recycled", "non-hazardous-waste-landfilled",
        "energy-total", "energy-direct", "energy-indirect", "energy-electricity-purchased", "energy-natural-gas",
        "energy-diesel", "energy-petrol", "energy-towngas", "energy-renewable", "energy-intensity-per-employee",
        "water-withdrawal", "water-consumption", "packaging-material-total", "packaging-per-unit-produced",
        "employees-total", "employees-female", "employees-under-30", "employees-in-region", "employees-part-time",
        "turnover-rate-female", "turnover-rate-over-50", "turnover-rate-in-region", "turnover-rate-full-time",
        "work-related-fatalities", "work-related-fatality-rate", "lost-days-work-injury",
        "employees-trained-share-male", "training-hours-average-senior-management",
        "suppliers-in-region", "suppliers-audited", "product-service-complaints", "product-recalls-safety-share",
        "corruption-cases-concluded", "anti-corruption-training-share", "donations", "volunteer-hours",
        "volunteers", "rd-spending", "patents-granted", "patent-applications",
    } <= notations  # fmt: skip
    assert g.value(URIRef(METRIC + "energy-total"), CSR.canonicalUnit) == URIRef("http://qudt.org/vocab/unit/MegaW-HR")
    assert g.value(URIRef(METRIC + "ghg-scope-1"), CSR.quantityKind) == URIRef(
        "http://qudt.org/vocab/quantitykind/Mass"
    )


def test_breakdowns_point_to_totals_in_the_catalogue_without_cycles(g: Graph) -> None:
    metrics = _metrics(g)
    tops = set(g.objects(CSR.MetricCatalogue, SKOS.hasTopConcept))
    dimensions = set(g.subjects(SKOS.inScheme, CSR.BreakdownDimensionScheme))
    for m in metrics:
        broader = list(g.objects(m, SKOS.broader))
        assert len(broader) <= 1 and set(broader) <= metrics, m
        assert (not broader) == (m in tops), m  # a metric is a top concept exactly when it is no part
        for dimension in g.objects(m, CSR.breakdownDimension):
            assert dimension in dimensions and broader, m  # a dimension splits a total
        seen = {m}
        node = g.value(m, SKOS.broader)
        while node is not None:
            assert node not in seen, f"cycle through {m}"
            seen.add(node)
            node = g.value(node, SKOS.broader)
    scope1 = URIRef(METRIC + "ghg-scope-1")
    assert g.value(scope1, SKOS.broader) == URIRef(METRIC + "ghg-scope-1-and-2")
    assert str(g.value(URIRef(METRIC + "employees-female"), CSR.breakdownDimension)).endswith("/breakdown/gender")


@pytest.mark.parametrize("guide", sorted(EXPECTED_CODES))
def test_every_code_of_each_guide_version_and_no_other(g: Graph, guide: str) -> None:
    scheme = vocabulary().guides[guide]
    codes = _codes(g, scheme)
    assert set(codes) == EXPECTED_CODES[guide]
    assert vocabulary().codes(guide) == codes
    for code, concept in codes.items():
        broader = g.value(concept, SKOS.broader)
        assert (broader is None) == ((scheme, SKOS.hasTopConcept, concept) in g), code
        assert broader is None or (broader, SKOS.inScheme, scheme) in g, code
        if (concept, RDF.type, CSR.KPI) in g:
            assert g.value(concept, CSR.disclosureStatus) is not None, code


def test_the_fy2019_guide_keeps_its_iris(g: Graph) -> None:
    assert vocabulary().guides["hkex-esg-guide-2019"] == HKEX["guide-2019"]
    assert all(iri == HKEX[code] for code, iri in _codes(g, HKEX["guide-2019"]).items())


def test_the_2020_revision_differs_from_fy2019_exactly_where_it_changed(g: Graph) -> None:
    old, new = _codes(g, HKEX["guide-2019"]), _codes(g, HKEX["guide-2020"])
    assert set(new) - set(old) == NEW_IN_2020
    assert set(old) - set(new) == set()
    label = {c: (g.value(old[c], RDFS.label), g.value(new[c], RDFS.label)) for c in old}
    reworded = {c for c, (before, after) in label.items() if before != after}
    assert reworded == REWORDED_IN_2020
    assert "three years" in str(label["B2.1"][1]) and "target" in str(label["A1.5"][1])
    status = {c: (g.value(old[c], CSR.disclosureStatus), g.value(new[c], CSR.disclosureStatus)) for c in old}
    comply = Literal("comply or explain", lang="en")
    recommended = Literal("recommended disclosure", lang="en")
    for code, (before, after) in status.items():
        if (new[code], RDF.type, CSR.KPI) in g:
            assert before == (comply if code.startswith("A") else recommended), code
            assert after == comply, code
    assert {c for c in new if (new[c], RDF.type, CSR.KPI) in g and c not in old} == {"A4.1", "B5.3", "B5.4", "B7.3"}
    for code in old:
        assert g.value(new[code], DCTERMS.replaces) == old[code], code
    for code in NEW_IN_2020:
        assert g.value(new[code], DCTERMS.replaces) is None and g.value(new[code], SKOS.historyNote) is not None, code
    for code in REWORDED_IN_2020:
        assert g.value(new[code], SKOS.changeNote) is not None, code


def test_guide_versions_are_linked_and_dated(g: Graph) -> None:
    old, new = HKEX["guide-2019"], HKEX["guide-2020"]
    assert g.value(new, DCTERMS.replaces) == old and g.value(old, DCTERMS.isReplacedBy) == new
    assert g.value(old, DCTERMS.isVersionOf) == g.value(new, DCTERMS.isVersionOf) == HKEX["guide"]
    assert g.value(new, CSR.inForceFrom) == Literal("2020-07-01", datatype=XSD.date)
    assert g.value(old, CSR.inForceFrom) == Literal("2017-01-01", datatype=XSD.date)
    for scheme in vocabulary().guides.values():
        assert g.value(scheme, OWL.versionInfo) is not None and g.value(scheme, CSR.inForceFrom) is not None


def _mappings(g: Graph) -> list[URIRef]:
    return [m for m in g.subjects(RDF.type, MAPPING) if isinstance(m, URIRef)]


def test_every_mapping_is_reified_with_its_source_and_asserted_plainly(g: Graph) -> None:
    guides = set(vocabulary().guides.values())
    metrics = _metrics(g)
    stated = set()
    mappings = _mappings(g)
    assert len(mappings) >= 200
    for node in mappings:
        s = g.value(node, URIRef(SSSOM + "subject_id"))
        p = g.value(node, URIRef(SSSOM + "predicate_id"))
        o = g.value(node, URIRef(SSSOM + "object_id"))
        source = g.value(node, DCTERMS.source)
        assert s in metrics and p in SKOS_MAPPINGS, node
        assert source in guides and (o, SKOS.inScheme, source) in g, node  # the target is in its guide
        assert g.value(node, URIRef(SSSOM + "object_source")) == source, node
        assert g.value(node, URIRef(SSSOM + "mapping_justification")) == SEMAPV_MANUAL, node
        assert g.value(node, URIRef(SSSOM + "author_label")) is not None, node
        assert (s, p, o) in g, node  # the plain SKOS triple
        set_iri = g.value(predicate=URIRef(SSSOM + "mappings"), object=node)
        assert set_iri is not None and g.value(set_iri, URIRef(SSSOM + "object_source")) == source, node
        stated.add((s, p, o))
    plain = {(s, p, o) for p in SKOS_MAPPINGS for s, o in g.subject_objects(p) if s in metrics}
    assert plain == stated  # and no plain mapping without its reified source
    assert len(stated) == len(mappings)


def test_mappings_read_skos_in_its_direction(g: Graph) -> None:
    def m(name: str) -> URIRef:
        return URIRef(METRIC + name)

    hkex2020 = "https://w3id.org/csr-kg/hkex-esg/2020/"
    gri = "https://w3id.org/csr-kg/gri/"
    # A1.2 asks for total GHG and intensity: broader than Scope 1, in both versions.
    assert (m("ghg-scope-1"), SKOS.broadMatch, HKEX["A1.2"]) in g
    assert (m("ghg-scope-1"), SKOS.broadMatch, URIRef(hkex2020 + "A1.2")) in g
    assert (m("ghg-scope-1"), SKOS.closeMatch, URIRef(gri + "305-1")) in g
    assert (m("lost-days-work-injury"), SKOS.exactMatch, HKEX["B2.2"]) in g
    assert (m("new-suppliers-screened-environmental-share"), SKOS.exactMatch, URIRef(gri + "308-1")) in g
    # anti-corruption training is a KPI only from the 2020 revision on
    assert (m("anti-corruption-training-share"), SKOS.broadMatch, URIRef(hkex2020 + "B7.3")) in g
    targets = set(g.objects(m("anti-corruption-training-share"), SKOS.broadMatch))
    assert not {o for o in targets if (o, SKOS.inScheme, HKEX["guide-2019"]) in g}
    # every metric mapped to an HKEX FY2019 KPI is mapped the same way to the 2020 KPI of that code
    metrics = _metrics(g)
    for p in SKOS_MAPPINGS:
        for s, o in g.subject_objects(p):
            if s in metrics and (o, SKOS.inScheme, HKEX["guide-2019"]) in g:
                assert (s, p, URIRef(hkex2020 + str(g.value(o, SKOS.notation)))) in g, (s, p, o)
