"""Figures compared across reports through the metric catalogue, in canonical units.

The corpus is the bundled report and tests/fixtures/converted-report, an invented company that
words the same metrics differently ("Emissions from fuel burnt in kilns and vans", "Total energy
use") and prints them in kg, GJ and kWh where the bundled report prints tonnes and MWh. The
expected canonical values are converted by hand: 412,500 kg = 412.5 t; 96,840 GJ / 3.6 GJ per MWh
= 26,900 MWh; 5,832,000 kWh = 5,832 MWh; 38.6 kg/m² = 0.0386 t/m²; 3.5 kg per employee = 0.0035 t.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg import api
from kg.rdf.build import build_graph
from kg.vocab.data import bundled_reports
from kg.vocab.namespaces import CSR, METRIC, QUDT, SEMAPV, SSSOM
from kg.vocab.ontology import with_ontology
from tests.support.paths import CONVERTED_REPORT

ID = "https://w3id.org/csr-kg/id/"
BOUNDARY = "main offices and self-operated Mi Homes in mainland China"


@pytest.fixture(scope="module")
def corpus() -> Graph:
    return with_ontology(build_graph([*bundled_reports(), CONVERTED_REPORT]))


def rows(graph: Graph, name: str, **params: str) -> list[dict[str, object]]:
    """The query's rows, its parameters given by name as on the command line (``metric=ghg-scope-1``)."""
    return api.run(name, graph, **params)


def compared(graph: Graph, metric: str) -> list[tuple[object, ...]]:
    return [
        (r["report"], r["reportMetric"], r["value"], r["unit"], r["printedValue"], r["printedUnit"], r["surface"])
        for r in rows(graph, "metric-across-reports", metric=metric)
    ]


def test_scope_1_across_both_reports(corpus: Graph) -> None:
    assert compared(corpus, "ghg-scope-1") == [
        ("northwind-2019", "Emissions from fuel burnt in kilns and vans", Decimal("412.5"), "tonne",
         Decimal("412500"), "kilogram", "412,500 kg CO2e"),
        ("xiaomi-2019", "Direct GHG emissions (Scope 1)", Decimal("283.42"), "tonne",
         Decimal("283.42"), "tonne", "283.42"),
    ]  # fmt: skip


def test_total_energy_across_both_reports(corpus: Graph) -> None:
    assert compared(corpus, "energy-total") == [
        ("northwind-2019", "Total energy use", Decimal("26900"), "megawatt hour",
         Decimal("96840"), "gigajoule", "96,840 GJ"),
        ("xiaomi-2019", "Total comprehensive energy consumption", Decimal("34282.58"), "megawatt hour",
         Decimal("34282.58"), "megawatt hour", "34,282.58"),
    ]  # fmt: skip
    matches = {r["report"]: r["match"] for r in rows(corpus, "metric-across-reports", metric="energy-total")}
    assert matches == {"northwind-2019": "exact", "xiaomi-2019": "close"}  # "comprehensive" is not read


def test_kwh_and_a_rounded_conversion(corpus: Graph) -> None:
    assert compared(corpus, "energy-electricity-purchased") == [
        ("northwind-2019", "Purchased electricity", Decimal("5832"), "megawatt hour",
         Decimal("5832000"), "kilowatt hour", "5,832,000 kWh"),
    ]  # fmt: skip
    # 12,345 GJ is 3,429.1666... MWh: printed to 0.5 GJ (0.139 MWh), rounded three digits below.
    [gas] = rows(corpus, "metric-across-reports", metric="energy-natural-gas")
    assert (gas["value"], gas["surface"]) == (Decimal("3429.1667"), "12,345")
    node = URIRef(f"{ID}report/northwind-2019/claim/kpi-natural-gas/observation/natural-gas/canonical")
    assert (node, CSR.exactConversion, Literal(False)) in corpus


def test_a_unit_of_another_kind_is_not_converted(corpus: Graph) -> None:
    [water] = rows(corpus, "metric-across-reports", metric="water-consumption")
    assert (water["report"], water["value"], water["unit"], water["printedUnit"]) == (
        "xiaomi-2019",
        None,
        "",
        "tonne",
    )  # water printed in tonnes: cubic metres would need a density the report does not give
    [withdrawn] = rows(corpus, "metric-across-reports", metric="water-withdrawal")
    assert (withdrawn["value"], withdrawn["unit"]) == (Decimal("48200"), "cubic metre")


def test_printed_values_stay_as_printed(corpus: Graph) -> None:
    obs = URIRef(f"{ID}report/northwind-2019/claim/scope-1/observation/kiln-and-van-emissions")
    assert corpus.value(obs, QUDT.numericValue) == Literal("412500.0", datatype=XSD.decimal)
    assert corpus.value(obs, QUDT.unit) == URIRef("http://qudt.org/vocab/unit/KiloGM")
    assert str(corpus.value(obs, CSR.surfaceForm)) == "412,500 kg CO2e"
    canonical = corpus.value(obs, CSR.canonicalValue)
    assert corpus.value(canonical, RDF.type) == CSR.CanonicalValue
    assert corpus.value(canonical, PROV.wasDerivedFrom) == obs
    assert corpus.value(canonical, PROV.wasAttributedTo) == URIRef(f"{ID}agent/csr-kg-unit-converter")
    assert (corpus.value(canonical, PROV.wasAttributedTo), RDF.type, PROV.SoftwareAgent) in corpus


def test_mappings_say_who_made_them(corpus: Graph) -> None:
    curated = URIRef(f"{ID}metric/kiln-and-van-emissions")
    inferred = URIRef(f"{ID}metric/total-energy-use")
    assert (curated, SKOS.exactMatch, METRIC["ghg-scope-1"]) in corpus
    assert (inferred, SKOS.exactMatch, METRIC["energy-total"]) in corpus
    by_curators = corpus.value(curated, CSR.hasCatalogueMapping)
    by_software = corpus.value(inferred, CSR.hasCatalogueMapping)
    assert corpus.value(by_curators, SSSOM.mapping_justification) == SEMAPV.ManualMappingCuration
    assert corpus.value(by_curators, PROV.wasAttributedTo) == URIRef(f"{ID}agent/fixture-curator")
    assert corpus.value(by_curators, SSSOM.confidence) is None
    assert corpus.value(by_software, SSSOM.mapping_justification) == SEMAPV.LexicalMatching
    assert corpus.value(by_software, SSSOM.confidence) == Literal("0.9", datatype=XSD.double)
    assert corpus.value(by_software, PROV.wasAttributedTo) == URIRef(f"{ID}agent/csr-kg-catalogue-matcher")
    assert str(corpus.value(by_software, CSR.rationale)) == (
        "The label 'Total energy use' printed in GigaJ reads as energy consumption with no part named, "
        "or a total: catalogue metric energy-total."
    )
    for record in (by_curators, by_software):
        assert (record, RDF.type, CSR.CatalogueMapping) in corpus
        assert corpus.value(record, SSSOM.predicate_id) == SKOS.exactMatch


def test_a_label_whose_words_disagree_is_left_unmapped(corpus: Graph) -> None:
    # "Indirect GHG emissions (Scope 1)": indirect says Scope 2, the printed number Scope 1.
    metric = URIRef(f"{ID}metric/indirect-ghg-emissions-scope-1")
    assert (metric, CSR.hasCatalogueMapping, None) not in corpus
    assert not [o for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch) for o in corpus.objects(metric, p)]


def test_intensity_ranking(corpus: Graph) -> None:
    ranked = [
        (r["year"], r["rank"], r["company"], r["value"], r["surface"], r["match"])
        for r in rows(corpus, "intensity-ranking", metric="ghg-intensity-per-floor-area")
    ]
    assert ranked == [
        (2019, 1, "Northwind Ceramics Group", Decimal("0.0386"), "38.6", "exact"),
        (2019, 2, "Xiaomi Corporation", Decimal("0.042"), "0.042", "broad"),
        (2019, 2, "Xiaomi Corporation", Decimal("0.11"), "0.11", "broad"),
    ]
    waste = [
        (r["rank"], r["company"], r["value"], r["unit"])
        for r in rows(corpus, "intensity-ranking", metric="hazardous-waste-intensity-per-employee")
    ]
    assert waste == [
        (1, "Xiaomi Corporation", Decimal("0.000066"), "tonne per employee"),
        (2, "Northwind Ceramics Group", Decimal("0.0035"), "tonne per employee"),
    ]


def test_company_over_years(corpus: Graph) -> None:
    lined_up = [
        (r["metric"], r["year"], r["value"], r["unit"], r["surface"])
        for r in rows(corpus, "company-over-years", company="northwind-ceramics")
    ]
    assert lined_up == [
        ("employees-female", 2019, Decimal("612"), "number", "612"),
        ("employees-total", 2019, Decimal("1840"), "number", "1,840"),
        ("energy-electricity-purchased", 2019, Decimal("5832"), "megawatt hour", "5,832,000 kWh"),
        ("energy-natural-gas", 2019, Decimal("3429.1667"), "megawatt hour", "12,345"),
        ("energy-total", 2019, Decimal("26900"), "megawatt hour", "96,840 GJ"),
        ("ghg-intensity-per-floor-area", 2019, Decimal("0.0386"), "tonne per square metre", "38.6"),
        ("ghg-scope-1", 2019, Decimal("412.5"), "tonne", "412,500 kg CO2e"),
        ("ghg-scope-2", 2019, Decimal("3480.2"), "tonne", "3,480.2"),
        ("hazardous-waste-intensity-per-employee", 2019, Decimal("0.0035"), "tonne per employee", "3.5"),
        ("water-withdrawal", 2019, Decimal("48200"), "cubic metre", "48,200"),
    ]
    everyone = {r["companyLabel"] for r in rows(corpus, "company-over-years")}
    assert everyone == {"Northwind Ceramics Group", "Xiaomi Corporation"}
