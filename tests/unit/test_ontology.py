"""The ontology: header, and a label and a definition for every term it mints."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.vocab.data import data_dir
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph, vocabulary

ONTOLOGY = URIRef("https://w3id.org/csr-kg/ontology")


def test_header() -> None:
    g = ontology_graph()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    for prop in (DCTERMS.title, OWL.versionIRI, DCTERMS.license, DCTERMS.creator):
        assert g.value(ONTOLOGY, prop) is not None, prop


def test_every_ontology_files_header_has_title_version_and_licence() -> None:
    headers = {}
    for path in sorted(data_dir("ontology").glob("*.ttl")):
        graph = Graph().parse(path, format="turtle")
        for header in graph.subjects(RDF.type, OWL.Ontology):
            headers[header] = path.name
            missing = [p for p in (DCTERMS.title, OWL.versionIRI, DCTERMS.license) if graph.value(header, p) is None]
            assert not missing, (path.name, missing)
    assert headers == {ONTOLOGY: "csr.ttl", URIRef("https://w3id.org/csr-kg/unit/"): "units.ttl"}


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
    aspects = {c for c in v.guide_codes if len(c) == 2 and c[0] in "AB"}
    assert aspects == {"A1", "A2", "A3", *(f"B{i}" for i in range(1, 9))}
    assert {"A1.1", "A1.6", "A2.5", "B6.5", "B8.2"} <= set(v.guide_codes)
    g = ontology_graph()
    for code, iri in v.guide_codes.items():
        if "." in code:
            assert (iri, SKOS.broader, v.guide_codes[code.split(".")[0]]) in g


def test_link_properties_are_stated_relations() -> None:
    g = ontology_graph()
    links = vocabulary().links
    assert {"runBy", "hasPartner", "compliesWith", "receivedAward", "memberOf", "location"} <= set(links)
    for prop in links.values():
        assert (prop, RDFS.subPropertyOf, CSR.statedRelation) in g
