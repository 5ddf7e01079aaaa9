"""The audit's findings in the bundled Xiaomi 2019 sheets, each fixed and checked on the built graph
(exact triples), with the report text it was checked against (kg/reports/xiaomi-2019/report.txt)."""

from __future__ import annotations

from decimal import Decimal

from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.vocab.namespaces import CSR, QUDT, TIME
from kg.vocab.ontology import ontology_graph

ID = "https://w3id.org/csr-kg/id/"
CLAIM = f"{ID}report/xiaomi-2019/claim/"
KIND = "https://w3id.org/csr-kg/claim-kind/"
CAQ = URIRef(f"{ID}org/china-association-for-quality")
MI_HOME = URIRef(f"{ID}org/xiaomi/product/mi-home")
WIND_GRADE = URIRef("https://w3id.org/csr-kg/unit/WIND-FORCE-GRADE")


def claim(ident: str) -> URIRef:
    return URIRef(CLAIM + ident)


def observation(ident: str, metric: str) -> URIRef:
    return URIRef(f"{CLAIM}{ident}/observation/{metric}")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def test_china_quality_association_is_the_china_association_for_quality(bundled_graph: Graph) -> None:
    # l.233, 237 and the awards table (l.255) name "China Association for Quality"; the award
    # caption of l.843-845 prints "China\nQuality Association": one body, one entity.
    g = bundled_graph
    gone = URIRef(f"{ID}org/china-quality-association")
    assert (gone, None, None) not in g and (None, None, gone) not in g
    assert set(g.objects(CAQ, RDFS.label)) == {en("China Association for Quality")}
    assert set(g.objects(CAQ, SKOS.altLabel)) == {en("China Quality Association")}
    assert set(g.subjects(CSR.organiser, CAQ)) == {
        URIRef(f"{ID}award/china-outstanding-quality-model"),
        URIRef(f"{ID}award/national-outstanding-quality-service-award"),
        URIRef(f"{ID}award/outstanding-promotion-unit-at-the-commemorative-ceremony-of"),
    }
    for ident in ("s2-1-lei-jun-quality-model", "s2-1-caq-experience-sharing"):
        assert (claim(ident), CSR.about, CAQ) in g


def test_within_24_hours_is_at_most_24_hours(bundled_graph: Graph) -> None:
    # l.1242 "... to the disaster area within 24 hours of the disaster."
    obs = observation("s6-2-changning-relief", "relief-delivery-time")
    assert (obs, CSR.surfaceForm, Literal("within 24 hours")) in bundled_graph
    assert (obs, CSR.approximation, URIRef("https://w3id.org/csr-kg/approximation/up-to")) in bundled_graph
    assert bundled_graph.value(obs, QUDT.numericValue).toPython() == Decimal("24")
    assert (obs, QUDT.unit, URIRef("http://qudt.org/vocab/unit/HR")) in bundled_graph


def test_energy_saving_products_sold_are_as_of_the_year_end_in_both_printings(bundled_graph: Graph) -> None:
    # l.98 (highlights) and l.945 "As of December 31, 2019, Xiaomi sold a total of 21,996 ...".
    g = bundled_graph
    day = URIRef(f"{ID}instant/2019-12-31")
    assert (day, TIME.inXSDDate, Literal("2019-12-31", datatype=XSD.date)) in g
    # One fact printed twice: both claims state the one observation, which is as of the year end.
    facts = {
        o
        for ident in ("s1-2-energy-saving-products-sold", "s5-1-subsidized-products-sold")
        for o in g.objects(claim(ident), CSR.hasObservation)
        if (o, CSR.metric, URIRef(f"{ID}metric/energy-saving-products-sold")) in g
    }
    assert len(facts) == 1
    assert set(g.objects(facts.pop(), TIME.hasTime)) == {day}


def test_claim_kinds_of_a_past_act_and_of_the_reports_layout(bundled_graph: Graph) -> None:
    # l.34 "Upgraded the strategy at the beginning of 2020 ...": done, not promised.
    assert set(bundled_graph.objects(claim("s1-2-5g-aiot-strategy"), CSR.claimKind)) == {URIRef(KIND + "achievement")}
    # l.184 "We will discuss each of these issues separately in the following sections of this
    # Report." says where the report puts things; it is no claim of the company's.
    assert (claim("s1-6-issue-disclosure"), None, None) not in bundled_graph
    quotes = {str(q) for q in bundled_graph.objects(None, URIRef("http://www.w3.org/ns/oa#exact"))}
    assert not any(q.startswith("We will discuss each of these issues") for q in quotes)


def test_mi_home_is_a_store_chain_not_a_place(bundled_graph: Graph) -> None:
    g = bundled_graph
    assert set(g.objects(MI_HOME, RDF.type)) == {CSR.Product}
    assert set(g.objects(MI_HOME, RDFS.label)) == {en("Mi Home")}
    place = URIRef(f"{ID}place/mi-home")
    assert (place, None, None) not in g and (None, None, place) not in g
    assert (claim("s4-1-mi-home-events"), CSR.subject, MI_HOME) in g


def test_a_typhoons_force_16_is_a_grade_of_chinas_extended_scale(bundled_graph: Graph) -> None:
    # l.1246 "... with a maximum wind force of 16." The Beaufort scale ends at 12.
    g = bundled_graph
    obs = observation("s6-2-typhoon-lekima", "maximum-wind-force")
    assert (obs, QUDT.unit, WIND_GRADE) in g
    assert g.value(obs, QUDT.numericValue).toPython() == Decimal("16")
    metric = URIRef(f"{ID}metric/maximum-wind-force")
    assert set(g.objects(metric, RDFS.label)) == {en("Maximum wind force (grade of China's wind scale)")}
    assert "GB/T 28591-2012" in str(g.value(metric, SKOS.definition))
    units = ontology_graph()
    assert set(units.objects(WIND_GRADE, RDFS.label)) == {en("wind force grade")}
    assert (WIND_GRADE, QUDT.conversionMultiplier, None) not in units  # a grade is ordinal


def test_design_awards_claim_names_every_award_it_lists(bundled_graph: Graph) -> None:
    # l.43 "... including IF Design Award, Good Design Award, Red Dot Award, Pentawards, and
    # International Design Excellence Award (IDEA) etc."
    awards = {"if-design-award", "good-design-award", "red-dot-design-award", "pentawards", "idea-design-award"}
    assert set(bundled_graph.objects(claim("s1-2-design-awards"), CSR.about)) == {
        URIRef(f"{ID}award/{a}") for a in awards
    }
    assert (URIRef(f"{ID}award/pentawards"), RDF.type, CSR.Award) in bundled_graph


def test_stakeholder_listening_names_the_seven_groups(bundled_graph: Graph) -> None:
    # l.161 "... our customers and users, shareholders and investors, employees, suppliers and
    # partners, government and regulatory agencies, media and NGOs, communities etc."
    groups = [
        "consumers-and-users",
        "shareholders-and-investors",
        "employees",
        "suppliers-and-partners",
        "governments-and-regulators",
        "media-and-ngos",
        "community",
    ]
    assert set(bundled_graph.objects(claim("s1-5-stakeholder-listening"), CSR.about)) == {
        URIRef(f"{ID}org/xiaomi/stakeholder/{group}") for group in groups
    }


def test_gifts_are_credited_to_the_giver(bundled_graph: Graph) -> None:
    # l.1191 "Contributed a total of RMB80,000 ... to a public welfare program — "Teach for China"";
    # l.1177 "Xiaomi India donated INR7.665 million and planted over 180,000 trees to revive a dying
    # river — Cauvery Calling".
    g = bundled_graph
    xiaomi, india = URIRef(f"{ID}org/xiaomi"), URIRef(f"{ID}org/xiaomi-india")
    gifts = {
        observation("s6-2-poverty-teach-for-china", "donation-to-recipient"): (xiaomi, "teach-for-china"),
        observation("s6-2-cauvery-calling", "donation-to-recipient"): (india, "cauvery-calling"),
        observation("s6-2-cauvery-calling", "trees-planted"): (india, "cauvery-calling"),
    }
    for obs, (giver, recipient) in gifts.items():
        assert set(g.objects(obs, CSR.observedEntity)) == {giver}
        assert set(g.objects(obs, CSR.recipient)) == {URIRef(f"{ID}org/xiaomi/initiative/{recipient}")}
