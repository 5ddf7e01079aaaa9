"""Names of things, chosen one way everywhere: slugs, local names, labels, IRI slugs."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.vocab.names import iri_slug, label, local_name, slugify
from kg.vocab.namespaces import PREFIXES


def test_slugify() -> None:
    assert slugify("Xiaomi's Quality Committee") == "xiaomis-quality-committee"
    assert slugify("Émissions (tonnes)") == "emissions-tonnes"
    assert slugify("!!!") == "x"
    assert slugify("alpha beta gamma", limit=11) == "alpha-beta"


def test_local_name() -> None:
    assert local_name(URIRef("http://metadata.un.org/sdg/9")) == "9"
    assert local_name("https://w3id.org/csr-kg/ontology#runBy") == "runBy"
    assert local_name("http://example.org/a/b/") == "b"
    assert local_name("http://example.org/a#") == "a"


def test_iri_slug() -> None:
    assert iri_slug("https://w3id.org/csr-kg/ontology#Claim", PREFIXES) == "csr-Claim"
    assert iri_slug("http://example.org/vocab#Thing", PREFIXES) == "vocab-Thing"


def test_label_prefers_english_then_plain_then_skos_then_local_name() -> None:
    node = URIRef("http://example.org/thing/quality-committee")
    g = Graph()
    assert label(g, node) == "quality-committee"
    g.add((node, SKOS.prefLabel, Literal("Preferred")))
    assert label(g, node) == "Preferred"
    g.add((node, RDFS.label, Literal("Plain")))
    assert label(g, node) == "Plain"
    g.add((node, RDFS.label, Literal("品質委員會", lang="zh-Hant")))
    g.add((node, RDFS.label, Literal("Quality Committee", lang="en")))
    g.add((node, RDFS.label, Literal("A second English label", lang="en")))
    assert label(g, node) == "A second English label"
