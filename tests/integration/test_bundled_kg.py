"""The bundled Xiaomi 2019 KG: traceable claims, coverage, determinism, independent parsing."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.ingest.coverage import coverage
from kg.ingest.model import Report, facts
from kg.ingest.quantities import Recogniser
from kg.rdf.build import build_graph, serialise
from kg.vocab.data import packaged
from kg.vocab.namespaces import CSR, OA, QUDT
from kg.vocab.units import load_units
from tests.support.paths import ROOT

# SHA-256 of the report text as it was received (the seed copy the project was given), taken when
# it was copied into the package: the bundled copy must stay that text, byte for byte.
SEED_SHA256 = "e16c2b5fa5b99ed3933176ad3456e8a29ae5d72a63bcbcd8b2fadef3242f31a3"
SEED = ROOT.parent / "shared" / "seed" / "xiaomi-esg-2019.txt"


def test_bundled_text_is_the_seed_report() -> None:
    bundled = (packaged("reports") / "xiaomi-2019" / "report.txt").read_bytes()
    assert hashlib.sha256(bundled).hexdigest() == SEED_SHA256
    if SEED.exists():  # on the developers' machines, the received copy itself
        assert bundled == SEED.read_bytes()


def test_every_claim_has_both_selectors_giving_its_quote(bundled: list[Report], bundled_graph: Graph) -> None:
    g, text = bundled_graph, bundled[0].text.text
    claims = set(g.subjects(RDF.type, CSR.Claim))
    assert len(claims) >= 300
    for claim in claims:
        (target,) = g.objects(claim, CSR.hasQuote)
        selectors = {g.value(s, RDF.type): s for s in g.objects(target, OA.hasSelector)}
        assert set(selectors) == {OA.TextQuoteSelector, OA.TextPositionSelector}, claim
        exact = str(g.value(selectors[OA.TextQuoteSelector], OA.exact))
        position = selectors[OA.TextPositionSelector]
        start, end = (int(g.value(position, p)) for p in (OA.start, OA.end))
        assert text[start:end] == exact, claim
        assert g.value(target, OA.hasSource) == URIRef("https://w3id.org/csr-kg/id/report/xiaomi-2019/text")


def test_every_figure_is_printed_in_its_quote(bundled: list[Report], bundled_graph: Graph) -> None:
    rec = Recogniser(load_units().lexicon)
    checked = 0
    for claim in bundled[0].claims.values():
        for obs in claim.observations:
            assert claim.anchor.start <= obs.start < obs.end <= claim.anchor.end
            assert bundled[0].text.text[obs.start : obs.end] == obs.surface
            parsed = rec.parse(obs.surface)
            assert parsed.value == obs.value
            checked += 1
    # Printed values only: canonical values (csr:canonicalValue) are derived from them.
    values = [
        o
        for s, o in bundled_graph.subject_objects(QUDT.numericValue)
        if (s, RDF.type, CSR.Observation) in bundled_graph
    ]
    # One value per fact: a figure printed twice (a highlight and the body) is one observation.
    assert checked > len(values) == len(facts(bundled[0].claims.values())) >= 150
    assert all(isinstance(v, Literal) and isinstance(v.toPython(), Decimal) for v in values)


def test_scale_words_and_qualifiers_reach_the_graph(bundled_graph: Graph) -> None:
    rows = {
        (str(r.surface), r.value.toPython(), str(r.unit), str(r.approx))
        for r in bundled_graph.query(
            """SELECT ?surface ?value ?unit ?approx WHERE {
                 ?o csr:surfaceForm ?surface ; qudt:numericValue ?value ; qudt:unit ?unit ;
                    csr:approximation ?approx .
                 FILTER (?surface = "approximately RMB7.5 billion")
               }""",
            initNs={"csr": CSR, "qudt": QUDT},
        )
    }
    assert rows == {
        (
            "approximately RMB7.5 billion",
            Decimal("7500000000"),
            "http://qudt.org/vocab/currency/CNY",
            "https://w3id.org/csr-kg/approximation/approximately",
        ),
    }


def test_announced_but_missing_figures_are_marked_not_guessed(bundled_graph: Graph) -> None:
    missing = set(bundled_graph.subjects(CSR.valueMissing, Literal(True)))
    quotes = [
        str(o)
        for c in missing
        for t in bundled_graph.objects(c, CSR.hasQuote)
        for s in bundled_graph.objects(t, OA.hasSelector)
        for o in bundled_graph.objects(s, OA.exact)
    ]
    assert any(
        q.startswith("The number of connected devices (excluding smartphones and laptops) reached") for q in quotes
    ), quotes
    for claim in missing:
        assert (claim, CSR.hasObservation, None) not in bundled_graph
        assert (claim, CSR.announcesMetric, None) in bundled_graph


def test_inferred_links_are_the_curators_with_a_rationale(bundled_graph: Graph) -> None:
    company = URIRef("https://w3id.org/csr-kg/id/org/xiaomi")
    inferred = set(bundled_graph.subjects(RDF.type, CSR.InferredLink))
    alignments = set(bundled_graph.subjects(RDF.type, CSR.SDGAlignment))
    mappings = set(bundled_graph.subjects(RDF.type, CSR.KPIMapping))
    assert inferred == alignments | mappings
    assert (len(alignments), len(mappings)) == (44, 154)
    for link in inferred:
        assert bundled_graph.value(link, PROV.wasAttributedTo) != company
        assert str(bundled_graph.value(link, CSR.rationale) or "").strip()
        claim = bundled_graph.value(link, PROV.wasDerivedFrom)
        assert (claim, RDF.type, CSR.Claim) in bundled_graph
    for link in alignments:
        assert str(bundled_graph.value(link, CSR.goal)).startswith("http://metadata.un.org/sdg/")
    for link in mappings:
        assert str(bundled_graph.value(link, CSR.kpi)).startswith("https://w3id.org/csr-kg/hkex-esg/")
    # The company's claim nodes carry no KPI code of the curators' making.
    assert not list(bundled_graph.subject_objects(CSR.disclosesKPI)) or all(
        (s, RDF.type, CSR.Metric) in bundled_graph for s, _ in bundled_graph.subject_objects(CSR.disclosesKPI)
    )


def test_quantity_mentions_are_covered(bundled: list[Report]) -> None:
    cov = coverage(bundled[0])
    assert len(cov.mentions) >= 200
    assert cov.ratio >= 0.95
    for row in cov.mentions:
        assert row.claims or row.reason, f"line {row.line}: {row.mention.surface!r} has no claim or reason"


def test_tables_become_claims(bundled: list[Report], bundled_graph: Graph) -> None:
    claims = bundled[0].claims
    assert sum(1 for c in claims if c.startswith("kpi-")) == 18
    assert sum(1 for c in claims if c.startswith("stakeholders-")) == 7
    assert sum(1 for c in claims if c.startswith("award-")) == 9
    ghg = claims["kpi-total-ghg-emissions-scope-1-and-2"].observations[0]
    assert (ghg.value, ghg.unit, ghg.boundary) == (
        Decimal("22782.26"),
        "TONNE",
        "main offices and self-operated Mi Homes in mainland China",
    )
    employees = URIRef("https://w3id.org/csr-kg/id/org/xiaomi/stakeholder/employees")
    expectations = {
        str(bundled_graph.value(e, RDFS.label)) for e in bundled_graph.objects(employees, CSR.hasExpectation)
    }
    assert expectations == {"Employment", "Health and safety", "Development and training", "Labor standards"}


def test_laws_carry_their_chinese_titles(bundled_graph: Graph) -> None:
    laws = set(bundled_graph.subjects(RDF.type, CSR.Law))
    assert len(laws) >= 10
    zh = [
        law
        for law in laws
        if any(
            isinstance(label, Literal) and label.language == "zh-Hant"
            for label in bundled_graph.objects(law, RDFS.label)
        )
    ]
    assert len(zh) >= 10


def test_no_blank_nodes_and_readable_iris(bundled_graph: Graph) -> None:
    for triple in bundled_graph:
        assert not any(isinstance(term, BNode) for term in triple)
    claim = URIRef("https://w3id.org/csr-kg/id/report/xiaomi-2019/claim/kpi-hazardous-waste")
    assert (claim, RDF.type, CSR.Claim) in bundled_graph


@pytest.mark.xdist_group("bundled-exports")
def test_rebuilds_are_byte_identical(bundled_export: Callable[[str], bytes]) -> None:
    # The session's bundled KG, built earlier in this process, in Turtle (kg.rdf.build.serialise
    # and the Turtle export are one writer), against a build made now.
    assert serialise(build_graph()) == bundled_export("turtle")


def test_base_iri_moves_every_instance_iri(bundled_graph: Graph) -> None:
    moved = build_graph(base="https://data.example.org/csr/")
    assert len(bundled_graph) == len(moved)
    old = "https://w3id.org/csr-kg/id/"
    assert not [t for t in moved for term in t if isinstance(term, URIRef) and str(term).startswith(old)]
    assert (URIRef("https://data.example.org/csr/org/xiaomi"), RDF.type, None) in moved


@pytest.mark.xdist_group("bundled-exports")
@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
def test_independent_parser_agrees(tmp_path: Path, bundled_export: Callable[[str], bytes]) -> None:
    kg_file = tmp_path / "kg.ttl"
    kg_file.write_bytes(bundled_export("turtle"))  # what kg.rdf.build.serialise writes
    files = [kg_file, *sorted(packaged("ontology").glob("*.ttl")), *sorted(packaged("shapes").glob("*.ttl"))]
    for path in files:
        result = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=True)
        count = int(result.stderr.strip().rsplit("returned ", 1)[1].split()[0])
        assert count == len(Graph().parse(path, format="turtle")), path.name


def test_minter_makes_readable_iris_under_its_base() -> None:
    from kg.rdf.iris import Minter

    m = Minter("https://example.org/kg/")
    assert str(m.claim("acme-2020", "s1-2-water")) == "https://example.org/kg/report/acme-2020/claim/s1-2-water"
    committee = m.entity("Committee", "quality-committee", "acme")
    assert str(committee) == "https://example.org/kg/org/acme/unit/quality-committee"
    assert str(m.entity("Law", "labor-law-prc", "acme")) == "https://example.org/kg/law/labor-law-prc"
    assert str(m.section("acme-2020", "2.1")) == "https://example.org/kg/report/acme-2020/section/2.1"
    assert str(m.period("2016/2019")) == "https://example.org/kg/period/2016/2019"
    assert str(Minter("https://example.org/kg#").metric("energy")) == "https://example.org/kg#metric/energy"
    with pytest.raises(ValueError, match="must end with"):
        Minter("https://example.org/kg")
