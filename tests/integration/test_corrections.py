"""Corrections kept apart from what was printed, notes attached to the rows they qualify, per-row
boundaries and CO2-equivalent figures: on the bundled report and on a fixture report whose
curators correct a metric, a change's metric, a period, a unit and a boundary."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.errors import InputError
from kg.ingest.loader import load_report
from kg.ingest.model import Report
from kg.rdf.build import build_graph
from kg.sparql.saved import find_query, run_local
from kg.vocab.namespaces import CSR, OA, QUDT
from kg.vocab.ontology import ontology_graph
from tests.support.paths import CORRECTIONS_REPORT

CLAIM = "https://w3id.org/csr-kg/id/report/xiaomi-2019/claim/"
METRIC = "https://w3id.org/csr-kg/id/metric/"
CATALOGUE = "https://w3id.org/csr-kg/esg-metric/"
SCOPE_2_ROW = URIRef(CLAIM + "kpi-indirect-ghg-emissions-scope-1/observation/indirect-ghg-emissions-scope-1")

# Scope 1 emissions as a query that follows corrections sums them: the figures of the report's
# metrics labelled "Scope 1" that no correction moves to another metric, plus those a correction
# moves to the catalogue's Scope 1.
SCOPE_1_SUM = """
PREFIX csr:  <https://w3id.org/csr-kg/ontology#>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT (SUM(?value) AS ?total) WHERE {
  ?o csr:metric ?printed ; qudt:numericValue ?value .
  OPTIONAL { ?o csr:correctedMetric ?corrected }
  OPTIONAL { ?printed rdfs:label ?label }
  FILTER (COALESCE(?corrected = <https://w3id.org/csr-kg/esg-metric/ghg-scope-1>,
                   ?follow && CONTAINS(STR(?label), "(Scope 1)")))
}"""


def rows(graph: Graph, name: str) -> list[tuple]:
    """The rows of a saved query on ``graph``, which holds the ontology (as saved queries read it)."""
    result = run_local(graph, find_query(name), {})
    return [tuple(None if t is None else t.toPython() for t in row) for row in result.rows]


def scope_1_total(graph: Graph, follow: bool) -> Decimal:
    query = SCOPE_1_SUM if follow else SCOPE_1_SUM.replace("OPTIONAL { ?o csr:correctedMetric ?corrected }", "")
    result = graph.query(query, initBindings={"follow": Literal(True)})
    return next(iter(result))[0].toPython()


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    return build_graph([CORRECTIONS_REPORT])


@pytest.fixture(scope="module")
def fixture_report() -> Report:
    return load_report(CORRECTIONS_REPORT)


# ---------------------------------------------------------------- the bundled report


def test_the_scope_2_row_keeps_its_print_and_gets_a_correction(bundled_graph: Graph) -> None:
    assert bundled_graph.value(SCOPE_2_ROW, CSR.metric) == URIRef(METRIC + "indirect-ghg-emissions-scope-1")
    assert bundled_graph.value(SCOPE_2_ROW, CSR.surfaceForm) == Literal("22,498.84")
    assert bundled_graph.value(SCOPE_2_ROW, CSR.correctedMetric) == URIRef(CATALOGUE + "ghg-scope-2")
    fix = bundled_graph.value(SCOPE_2_ROW, CSR.hasCorrection)
    assert (fix, RDF.type, CSR.Correction) in bundled_graph
    assert bundled_graph.value(fix, CSR.correctedProperty) == CSR.metric
    assert bundled_graph.value(fix, PROV.wasAttributedTo) == URIRef("https://w3id.org/csr-kg/id/agent/csr-kg-curators")
    evidence = bundled_graph.value(fix, CSR.evidence)
    selectors = set(bundled_graph.objects(evidence, OA.hasSelector))
    exact = next(str(bundled_graph.value(s, OA.exact)) for s in selectors if bundled_graph.value(s, OA.exact))
    start = next(int(bundled_graph.value(s, OA.start)) for s in selectors if bundled_graph.value(s, OA.start))
    text = (Path(__file__).parents[2] / "kg" / "reports" / "xiaomi-2019" / "report.txt").read_text(encoding="utf-8")
    assert text[start : start + len(exact)] == exact
    assert exact.startswith("GHG emissions (Scope 2) arise mainly from the consumption of")


def test_a_scope_1_sum_that_follows_corrections_leaves_out_the_scope_2_figure(bundled_graph: Graph) -> None:
    # As printed: direct 283.42 t plus the Scope 2 figure labelled Scope 1, 22,498.84 t.
    assert scope_1_total(bundled_graph, follow=False) == Decimal("22782.26")
    assert scope_1_total(bundled_graph, follow=True) == Decimal("283.42")


def test_corrections_query_on_the_bundled_report(bundled_kg: Graph) -> None:
    assert [row[:6] for row in rows(bundled_kg, "corrections")] == [
        (
            "xiaomi-2019",
            "kpi-indirect-ghg-emissions-scope-1",
            "22,498.84",
            "metric",
            "Indirect GHG emissions (Scope 1)",
            "Energy indirect greenhouse gas emissions (Scope 2)",
        )
    ]


def test_rows_narrowed_by_their_label_or_a_note(bundled: list[Report]) -> None:
    boundaries = {
        o.metric: o.boundary
        for c in bundled[0].claims.values()
        if c.origin.startswith("table:")
        for o in c.observations
    }
    table = "main offices and self-operated Mi Homes in mainland China"
    packaging = "smartphones, TVs and major products of ecosystem products"
    assert boundaries == {
        "total-ghg-emissions-scope-1-and-2": table,
        "direct-ghg-emissions-scope-1": table,
        "indirect-ghg-emissions-scope-1": table,
        "total-ghg-emissions-in-offices-per-floor-area": "offices",
        "total-ghg-emissions-in-mi-homes-per-floor-area": "Mi Homes",
        "hazardous-waste": table,
        "hazardous-waste-per-employee": table,
        "non-hazardous-waste": table,
        "non-hazardous-waste-per-employee": table,
        "total-comprehensive-energy-consumption": table,
        "direct-energy-consumption": table,
        "indirect-energy-consumption": table,
        "total-energy-consumption-in-offices-per-employee": "offices",
        "total-energy-consumption-in-mi-homes-per-floor-area": "Mi Homes",
        "running-water-consumption": table,
        "running-water-consumption-per-employee": table,
        "total-packaging-materials-used-for-finished-products": packaging,
        "total-packaging-materials-used-for-finished-products-per": packaging,
    }


def test_the_park_note_qualifies_every_figure_that_covers_offices(bundled: list[Report]) -> None:
    report = bundled[0]
    text = report.text.text
    qualified = sorted(
        o.metric
        for c in report.claims.values()
        for o in c.observations
        for n in o.notes
        if "Science and Technology Park" in text[n.start : n.end]
    )
    assert len(qualified) == 14
    assert not [m for m in qualified if "mi-homes" in m or "packaging" in m]
    note = next(n for c in report.claims.values() for o in c.observations for n in o.notes if n.marker == "1")
    assert text[note.start : note.end].startswith("1. Since September 2019, some Xiaomi offices")
    assert note.rationale and note.key.startswith("line-")


def test_ghg_figures_are_co2_equivalent_on_the_tables_note(bundled_graph: Graph, bundled: list[Report]) -> None:
    co2e = {
        str(o).rsplit("/", 1)[-1]: bundled_graph.value(o, CSR.massBasisEvidence)
        for o in bundled_graph.subjects(CSR.massBasis, CSR.CO2Equivalent)
    }
    assert sorted(co2e) == [
        "direct-ghg-emissions-scope-1",
        "indirect-ghg-emissions-scope-1",
        "total-ghg-emissions-in-mi-homes-per-floor-area",
        "total-ghg-emissions-in-offices-per-floor-area",
        "total-ghg-emissions-scope-1-and-2",
    ]
    for footnote in co2e.values():
        assert (footnote, RDF.type, CSR.Footnote) in bundled_graph
        selectors = bundled_graph.objects(footnote, OA.hasSelector)
        exact = next(str(v) for s in selectors if (v := bundled_graph.value(s, OA.exact)) is not None)
        assert "GHG emissions data is presented in carbon dioxide equivalent" in exact
    # The unit stays a mass, so conversion multipliers apply as to any tonne.
    assert bundled_graph.value(SCOPE_2_ROW, QUDT.unit) == URIRef("http://qudt.org/vocab/unit/TONNE")


def test_boundaries_are_boundaries_not_sub_categories(bundled: list[Report]) -> None:
    boundaries = sorted({o.boundary for c in bundled[0].claims.values() for o in c.observations if o.boundary})
    assert boundaries == [
        "China",
        "Mi Homes",
        "Xiaomi Science and Technology Park",
        "main offices and self-operated Mi Homes in mainland China",
        "mainland China",
        "offices",
        "smartphones, TVs and major products of ecosystem products",
    ]
    metrics = {o.metric for c in bundled[0].claims.values() for o in c.observations}
    assert {
        "garbage-sorting-apps-recommended",
        "green-apps-recommended",
        "warranty-period-before-extension",
        "warranty-period-after-extension",
        "award-shares-granted-regular",
        "award-shares-granted-fortune-500",
    } <= metrics


def test_per_employee_intensities_divide_by_the_headcount_of_their_boundary(bundled: list[Report]) -> None:
    report = bundled[0]
    per_employee = {m.id: m.denominator for m in report.metrics.values() if m.denominator}
    assert per_employee == dict.fromkeys(
        ["hazardous-waste-per-employee", "non-hazardous-waste-per-employee", "running-water-consumption-per-employee"],
        "environmental-kpi-employees",
    )
    assert not [o for c in report.claims.values() for o in c.observations if o.metric == "environmental-kpi-employees"]


# ---------------------------------------------------------------- the fixture report


def test_corrections_of_every_kind(fixture_graph: Graph) -> None:
    assert [row[:6] for row in rows(fixture_graph + ontology_graph(), "corrections")] == [
        ("lakeside-2020", "headcount", "350", "boundary", "", "bakeries"),
        (
            "lakeside-2020",
            "kpi-refrigerant-leaks-scope-2",
            "-8.3%",
            "changeOf",
            "Refrigerant leaks (Scope 2)",
            "Direct emissions from refrigerant leaks (Scope 1)",
        ),
        (
            "lakeside-2020",
            "kpi-refrigerant-leaks-scope-2",
            "55",
            "metric",
            "Refrigerant leaks (Scope 2)",
            "Direct greenhouse gas emissions (Scope 1)",
        ),
        ("lakeside-2020", "kpi-water-use", "7,600", "unit", "tonne", "cubic metre"),
        ("lakeside-2020", "trees", "1,200", "hasTime", "2020", "2019/2020"),
    ]


def test_fixture_boundaries_and_co2e(fixture_report: Report, fixture_graph: Graph) -> None:
    boundaries = {(c.id, o.surface): o.boundary for c in fixture_report.claims.values() for o in c.observations}
    assert boundaries[("kpi-electricity-use-in-depots-per-employee", "290")] == "depots"
    assert boundaries[("kpi-electricity-use", "1,100")] == "bakeries in Lakeland"
    assert boundaries[("kpi-flour-packaging", "38")] == "the sacks of the retail range"
    assert boundaries[("headcount", "350")] is None  # the correction is beside it, not in it
    co2e = sorted(
        (c.id, o.surface, o.mass_basis.note is None)
        for c in fixture_report.claims.values()
        for o in c.observations
        if o.mass_basis is not None
    )
    assert co2e == [
        ("bakery-emissions", "5,400 tCO2e", True),
        ("kpi-ghg-emissions", "1,950", False),
        ("kpi-ghg-emissions", "2,100", False),
        ("kpi-refrigerant-leaks-scope-2", "55", False),
        ("kpi-refrigerant-leaks-scope-2", "60", False),
    ]
    claim = URIRef("https://w3id.org/csr-kg/id/report/lakeside-2020/claim/bakery-emissions")
    assert fixture_graph.value(claim + "/observation/bakery-emissions", CSR.massBasisEvidence) == claim


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "report"
    shutil.copytree(CORRECTIONS_REPORT, folder)
    sheet = folder / "claims" / "sheet.yaml"
    text = sheet.read_text(encoding="utf-8")
    assert old in text
    sheet.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'evidence: "Headcount covers the bakeries only"',
            'evidence: "Headcount covers the bakeries and depots"',
            r"sheet.yaml:\d+: correction of claim headcount: evidence quote not found verbatim",
        ),
        ("  - claim: trees\n", "  - claim: shrubs\n", r"sheet.yaml:\d+: correction names unknown claim 'shrubs'"),
        (
            'figure: "350"\n    boundary',
            'figure: "360"\n    boundary',
            r"claim headcount has no observation printed as '360' \(printed: '350'\)",
        ),
        (
            'boundary: "bakeries"',
            'boundary: "bakeries"\n    period: "2020"',
            r"a correction gives exactly one of metric, catalogue_metric, period, unit, boundary \(given: 2\)",
        ),
        (
            "catalogue_metric: ghg-scope-1",
            "catalogue_metric: ghg-scope-7",
            r"'ghg-scope-7' is no metric of the catalogue",
        ),
        ('unit: "m³"', 'unit: "furlongs"', r"correction of claim kpi-water-use: unknown unit 'furlongs'"),
        ('unit: "m³"', 'unit: "\'000 m³"', r"carries a scale; correct the unit, not the value"),
        (
            "rows: [flour-packaging]",
            "rows: [flour-sacks]",
            r"sheet.yaml:\d+: 'flour-sacks' is not the metric of a figure-table row",
        ),
        (
            'boundary: "the sacks of the retail range"',
            'boundary: "the boxes of the retail range"',
            r"boundary 'the boxes of the retail range' is not words of note 3",
        ),
        (
            'note: "Flour packaging covers the sacks of the retail range."',
            'note: "Flour packaging covers the boxes."',
            r"table note 'Flour packaging covers the boxes.' not found verbatim in the notes below the figure tables",
        ),
    ],
)
def test_a_bad_correction_or_table_note_fails_loudly(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_report(_broken(tmp_path, old, new))


def test_a_figure_corrected_twice_in_one_property_fails(tmp_path: Path) -> None:
    again = """  - claim: headcount
    figure: "350"
    boundary: "bakeries and shops"
    rationale: "Twice."
    evidence: "Headcount covers the bakeries only"
"""
    folder = _broken(tmp_path, "  - claim: kpi-water-use\n", again + "  - claim: kpi-water-use\n")
    with pytest.raises(InputError, match=r"figure '350' of claim headcount already has a boundary correction"):
        load_report(folder)


def test_a_figure_gets_one_metric_correction_of_either_kind(tmp_path: Path) -> None:
    again = """  - claim: kpi-refrigerant-leaks-scope-2
    figure: "55"
    metric: refrigerant-emissions-scope-1
    rationale: "Twice."
    evidence: "Refrigerant leaks are direct emissions from the Group's own chillers."
"""
    folder = _broken(tmp_path, "  - claim: kpi-water-use\n", again + "  - claim: kpi-water-use\n")
    with pytest.raises(InputError, match=r"figure '55' of claim kpi-refrigerant-leaks-scope-2 already has a metric"):
        load_report(folder)
