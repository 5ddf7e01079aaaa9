"""The drafting benchmark matches figures by meaning, whatever shape the drafted graph gives them.

benchmarks/draft_accuracy.py must keep scoring as drafting grows: a period may be an instant or
an interval known by its bounds or only by its label, a figure may be an observation, a change or
a class drafting adds later, and the quote may hold the same digits twice.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from benchmarks.draft_accuracy import (
    Figure,
    GraphReader,
    Reference,
    Result,
    figure_in,
    period_bounds,
    score_figures,
)
from kg.vocab.namespaces import CSR, OA, QUDT, TIME

BASE = "https://example.org/"
TEXT = "In FY2022 we used 1,200 MWh, and 1,200 MWh in FY2021."


def claim_with(graph: Graph, name: str, start: int, end: int) -> URIRef:
    claim, position, quote = URIRef(BASE + name), URIRef(BASE + name + "/pos"), URIRef(BASE + name + "/quote")
    target = URIRef(BASE + name + "/target")
    graph.add((claim, RDF.type, CSR.Claim))
    graph.add((claim, CSR.hasQuote, target))
    for selector, kind in ((position, OA.TextPositionSelector), (quote, OA.TextQuoteSelector)):
        graph.add((target, OA.hasSelector, selector))
        graph.add((selector, RDF.type, kind))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, OA.exact, Literal(TEXT[start:end])))
    return claim


def figure(graph: Graph, claim: URIRef, name: str, period: URIRef, kind: URIRef = CSR.Observation) -> URIRef:
    node = URIRef(BASE + name)
    graph.add((node, RDF.type, kind))
    graph.add((node, PROV.wasDerivedFrom, claim))
    graph.add((node, QUDT.numericValue, Literal("1200.0", datatype=XSD.decimal)))
    graph.add((node, QUDT.unit, URIRef("http://qudt.org/vocab/unit/MegaW-HR")))
    graph.add((node, CSR.surfaceForm, Literal("1,200 MWh")))
    graph.add((node, TIME.hasTime, period))
    return node


def test_instants_bounded_and_labelled_intervals_match_the_gold_periods() -> None:
    graph = Graph()
    claim = claim_with(graph, "c", 0, len(TEXT))
    labelled, bounded = URIRef(BASE + "p/fy2022"), URIRef(BASE + "p/fy2021")
    graph.add((labelled, RDFS.label, Literal("2021-04-01/2022-03-31")))
    begin, end = URIRef(BASE + "i/b"), URIRef(BASE + "i/e")
    graph.add((bounded, TIME.hasBeginning, begin))
    graph.add((bounded, TIME.hasEnd, end))
    graph.add((begin, TIME.inXSDDate, Literal("2020-04-01", datatype=XSD.date)))
    graph.add((end, TIME.inXSDDate, Literal("2021-03-31", datatype=XSD.date)))
    metric = URIRef(BASE + "metric/electricity")
    graph.add((metric, SKOS.closeMatch, URIRef("https://w3id.org/csr-kg/esg-metric/energy-electricity-purchased")))
    graph.add((figure(graph, claim, "f1", labelled), CSR.metric, metric))
    figure(graph, claim, "f2", bounded, kind=URIRef(BASE + "SomeFutureFigureClass"))

    found = GraphReader(graph).figures()

    # "1,200 MWh" is printed twice in the quote, so neither figure is narrowed to one of them.
    assert sorted((f.start, f.end, f.period) for f in found) == [
        (0, len(TEXT), ("2020-04-01", "2021-03-31")),
        (0, len(TEXT), ("2021-04-01", "2022-03-31")),
    ]
    gold = [
        Figure(18, 27, Decimal("1200"), "MegaW-HR", period_bounds("2021-04-01/2022-03-31"), "level",
               frozenset({"energy-electricity-purchased"})),
        Figure(33, 42, Decimal("1200"), "MegaW-HR", period_bounds("2020-04-01/2021-03-31"), "level"),
    ]  # fmt: skip
    result = Result("t")
    score_figures(Reference("t", figures=gold), found, result)
    assert str(result.scores["observation recall (value, unit, period)"]) == "100.0% (2/2)"
    assert str(result.scores["observation precision"]) == "100.0% (2/2)"
    assert str(result.scores["catalogue metric right"]) == "100.0% (1/1)"


def test_a_figure_printed_once_is_located_in_its_quote_and_a_wrong_period_is_a_miss() -> None:
    graph = Graph()
    claim = claim_with(graph, "c", 0, 28)
    instant = URIRef(BASE + "p/day")
    graph.add((instant, TIME.inXSDDate, Literal("2022-03-31", datatype=XSD.date)))
    figure(graph, claim, "f", instant, kind=CSR.MetricChange)

    (found,) = GraphReader(graph).figures()

    assert (found.start, found.end, found.kind, found.period) == (18, 27, "change", ("2022-03-31", "2022-03-31"))
    gold = [Figure(18, 27, Decimal("-1200"), "MegaW-HR", period_bounds("2022"), "change")]
    result = Result("t")
    score_figures(Reference("t", figures=gold), [found], result)
    assert str(result.scores["observation recall (value, unit, period)"]) == "  0.0% (0/1)"
    assert result.misses["observation recall (value, unit, period)"] == [
        " -- drafted as 1,200 MWh MegaW-HR 2022-03-31 in 'In FY2022 we used 1,200 MWh,'"
    ]


def test_a_gold_figure_is_located_where_it_is_no_part_of_a_longer_number() -> None:
    row = "Recalls (% of units)   0.09   0   0.21"
    assert figure_in(row, "0") == row.index("   0 ") + 3
    assert figure_in(row, "0.21") == row.index("0.21")
    assert figure_in("FY2022: 2 sites", "2") == 8
    assert figure_in("10.5", "0") == 1  # printed only inside a longer number: that printing
