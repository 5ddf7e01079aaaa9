"""csrkg table and panel, kg.api.facts and panel: exact content against the graph, CSVW metadata
that a CSVW library validates and turns back into the graph's triples, byte-identical rebuilds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import csvw
import pandas as pd
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg import api
from kg.cli.app import main
from kg.outputs.frames import frame, read_csv
from kg.outputs.panel import panel
from kg.outputs.tables import FACT_COLUMNS, Table, as_native, facts
from kg.rdf.build import build_graph
from kg.synthetic import generate
from kg.vocab.data import bundled_reports
from kg.vocab.ontology import with_ontology
from tests.support.paths import CORRECTIONS_REPORT, PAGED_REPORT, REVIEW_REPORT

CSR = "https://w3id.org/csr-kg/ontology#"
QUDT = "http://qudt.org/schema/qudt/"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def graph(bundled_graph: Graph) -> Graph:
    return with_ontology(bundled_graph)


@pytest.fixture(scope="module")
def table(graph: Graph) -> Table:
    return facts(as_native(graph))


@pytest.fixture(scope="module")
def fixtures_graph() -> Graph:
    """A paged report, a drafted one and one with curators' corrections: pages, review statuses,
    a corrected metric, a not-disclosed figure and a metric printed with two values (built apart,
    as two of them define a metric id differently, and merged)."""
    return with_ontology(build_graph([PAGED_REPORT, REVIEW_REPORT]) + build_graph([CORRECTIONS_REPORT]))


def test_one_row_per_observation_each_traceable_to_its_claim(graph: Graph, table: Table) -> None:
    observations = set(graph.subjects(RDF.type, URIRef(CSR + "Observation")))
    assert len(table.rows) == len(observations) == 169
    assert {URIRef(o) for o in table.column("observation")} == observations
    text = (bundled_reports()[0] / "report.txt").read_text(encoding="utf-8")
    for row in table.records():
        o, claim = URIRef(row["observation"]), URIRef(row["claim"])
        assert (o, PROV.wasDerivedFrom, claim) in graph
        assert text[int(row["quote_start"]) : int(row["quote_end"])] == row["quote"]
        target = graph.value(claim, URIRef(CSR + "hasQuote"))
        selectors = graph.objects(target, URIRef(OA + "hasSelector"))
        assert row["quote"] in {str(q) for s in selectors for q in graph.objects(s, URIRef(OA + "exact"))}
        assert row["surface_form"] in row["quote"]
        assert Decimal(row["value"]) == graph.value(o, URIRef(QUDT + "numericValue")).toPython()
        assert URIRef(row["unit"]) == graph.value(o, URIRef(QUDT + "unit"))
        assert URIRef(row["report_metric"]) == graph.value(o, URIRef(CSR + "metric"))
        canonical = graph.value(o, URIRef(CSR + "canonicalValue"))
        if canonical is None:
            assert row["canonical_value"] == row["canonical_unit"] == ""
        else:
            assert Decimal(row["canonical_value"]) == graph.value(canonical, URIRef(QUDT + "numericValue")).toPython()
            assert URIRef(row["canonical_unit"]) == graph.value(canonical, URIRef(QUDT + "unit"))
        printings = set(graph.objects(o, PROV.wasDerivedFrom))
        assert int(row["printings"]) == len(printings)


def test_a_row_in_full(table: Table) -> None:
    row = next(r for r in table.records() if r["metric"] == "ghg-scope-1")
    claim = "https://w3id.org/csr-kg/id/report/xiaomi-2019/claim/kpi-direct-ghg-emissions-scope-1"
    assert row == {
        "report": "xiaomi-2019",
        "company": "https://w3id.org/csr-kg/id/org/xiaomi",
        "company_name": "Xiaomi Corporation",
        "year": "2019",
        "metric": "ghg-scope-1",
        "metric_iri": "https://w3id.org/csr-kg/esg-metric/ghg-scope-1",
        "metric_label": "Direct greenhouse gas emissions (Scope 1)",
        "metric_match": "exact",
        "metric_unit": "http://qudt.org/vocab/unit/TONNE",
        "report_metric": "https://w3id.org/csr-kg/id/metric/direct-ghg-emissions-scope-1",
        "report_metric_label": "Direct GHG emissions (Scope 1)",
        "value": "283.42",
        "unit": "http://qudt.org/vocab/unit/TONNE",
        "unit_label": "tonne",
        "surface_form": "283.42",
        "value_status": "disclosed",
        "canonical_value": "283.42",
        "canonical_unit": "http://qudt.org/vocab/unit/TONNE",
        "canonical_unit_label": "tonne",
        "period_start": "2019-01-01",
        "period_end": "2019-12-31",
        "boundary": "main offices and self-operated Mi Homes in mainland China",
        "qualifier": "",
        "bound_semantics": "",
        "claim_kind": "quantitative",
        "review_status": "curated",
        "kpi_codes": "A1.2",
        "quote": "Direct GHG emissions (Scope 1) (tons)\t283.42",
        "quote_start": "76288",
        "quote_end": "76332",
        "page": "",
        "printings": "1",
        "claim": claim,
        "observation": claim + "/observation/direct-ghg-emissions-scope-1",
        # The bundled report.yaml gives no identifier: its text states none.
        "exchange": "",
        "exchange_mic": "",
        "stock_code": "",
        "lei": "",
        "isin": "",
        "wikidata": "",
        "sector_scheme": "",
        "sector_code": "",
        "sector_label": "",
    }
    over = [r for r in table.records() if r["qualifier"] == "over"]
    assert over and {r["bound_semantics"] for r in over} == {"true value > printed value"}


def test_pages_review_statuses_and_corrections(fixtures_graph: Graph) -> None:
    rows = facts(as_native(fixtures_graph)).records()
    by_report: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_report.setdefault(row["report"], []).append(row)
    assert sorted(r["page"] for r in by_report["northwind-2021"]) == ["2", "2", "3"]
    assert {r["review_status"] for r in by_report["greenfield-2021"]} == {"drafted"}
    assert {r["review_status"] for r in by_report["lakeside-2020"]} == {"curated"}
    corrected = [r for r in by_report["lakeside-2020"] if r["metric_match"] == "corrected"]
    assert len(corrected) == 1
    o = URIRef(corrected[0]["observation"])
    assert (o, URIRef(CSR + "correctedMetric"), None) in fixtures_graph
    assert facts(as_native(fixtures_graph), ["northwind-2021"]).records() == by_report["northwind-2021"]


def test_cli_writes_csv_and_csvw_byte_identical_and_pandas_reads_the_documented_dtypes(
    graph: Graph, table: Table, tmp_path: Path
) -> None:
    source = tmp_path / "kg.nt"
    graph.serialize(source, format="nt", encoding="utf-8")
    out = tmp_path / "facts.csv"
    runner = CliRunner()
    first = runner.invoke(main, ["table", str(source), "--out", str(out)])
    assert first.exit_code == 0, first.output
    written = out.read_bytes(), (tmp_path / "facts.csv-metadata.json").read_bytes()
    assert runner.invoke(main, ["table", str(source), "--out", str(out), "-q"]).exit_code == 0
    assert (out.read_bytes(), (tmp_path / "facts.csv-metadata.json").read_bytes()) == written
    assert written[0].decode("utf-8").splitlines()[0] == ",".join(c.name for c in FACT_COLUMNS)
    read = read_csv(out, FACT_COLUMNS)
    pd.testing.assert_frame_equal(read, api.facts(graph))
    assert str(read["year"].dtype) == "Int64" and str(read["value"].dtype) == "float64"
    assert str(read["period_start"].dtype).startswith("datetime64") and str(read["quote"].dtype) == "string"
    assert len(read) == len(table.rows)


def test_csvw_metadata_validates_and_turns_back_into_the_graphs_triples(graph: Graph, tmp_path: Path) -> None:
    source = tmp_path / "kg.nt"
    graph.serialize(source, format="nt", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert CliRunner().invoke(main, ["table", str(source), "--out", str(out)]).exit_code == 0
    described = csvw.CSVW(str(tmp_path / "facts.csv-metadata.json"), validate=True)
    assert described.is_valid and not described.warnings
    rows = described.to_json(minimal=True)
    assert len(rows) == 169
    stated = 0
    for row in rows:
        about = URIRef(row["@id"])
        assert (about, RDF.type, URIRef(CSR + "Observation")) in graph
        for prop, iri in ((CSR + "metric", True), (QUDT + "unit", True), ("prov:wasDerivedFrom", True)):
            target = URIRef(PROV.wasDerivedFrom if prop.startswith("prov:") else prop)
            assert (about, target, URIRef(row[prop]) if iri else Literal(row[prop])) in graph
            stated += 1
        assert Decimal(str(row[QUDT + "numericValue"])) == graph.value(about, URIRef(QUDT + "numericValue")).toPython()
        assert (about, URIRef(CSR + "surfaceForm"), Literal(row[CSR + "surfaceForm"])) in graph
        if CSR + "boundary" in row:
            assert (about, URIRef(CSR + "boundary"), Literal(row[CSR + "boundary"], lang="en")) in graph
    assert stated == 3 * 169


def test_panel_keeps_missing_and_not_disclosed_apart(fixtures_graph: Graph) -> None:
    made = panel(as_native(fixtures_graph))
    wide = made.wide.records()
    assert [r["report"] for r in wide] == ["greenfield-2021", "lakeside-2020", "northwind-2021"]
    greenfield = wide[0]
    assert greenfield["volunteer_hours"] == "not-disclosed"
    assert greenfield["hazardous_waste"] == "12.0"
    assert greenfield["ghg_scope_1"] == ""  # the report says nothing of it
    assert wide[1]["ghg_total"] == ""  # two values printed: the long form lists them
    long = {(r["report"], r["metric"]): r for r in made.long.records()}
    assert long["lakeside-2020", "ghg-total"]["status"] == "several values"
    assert len(long["lakeside-2020", "ghg-total"]["observations"].split()) == 2
    assert long["greenfield-2021", "volunteer-hours"]["status"] == "not-disclosed"
    assert ("greenfield-2021", "ghg-scope-1") not in long
    frames = api.panel(fixtures_graph)
    assert frames.loc[0, "volunteer_hours"] == "not-disclosed" and frames.loc[0, "hazardous_waste"] == 12.0
    assert pd.isna(frames.loc[0, "ghg_scope_1"])


def test_panel_cells_are_the_facts_canonical_values_on_a_synthetic_corpus(tmp_path: Path) -> None:
    graph = with_ontology(build_graph(generate(tmp_path / "corpus", 3, seed=1)))
    native = as_native(graph)
    made = panel(native)
    assert [r["year"] for r in made.wide.records()] == ["2021", "2022", "2023"]
    table = facts(native).records()
    for cell in made.long.records():
        if cell["status"] != "disclosed":
            continue
        observations = cell["observations"].split()
        values = {r["canonical_value"] for r in table if r["observation"] in observations}
        assert values == {cell["value"]}
        wide = next(r for r in made.wide.records() if r["report"] == cell["report"])
        assert wide[cell["metric"].replace("-", "_")] == cell["value"]


def test_panel_cli_writes_wide_and_long_with_valid_csvw(fixtures_graph: Graph, tmp_path: Path) -> None:
    source = tmp_path / "kg.nt"
    fixtures_graph.serialize(source, format="nt", encoding="utf-8")
    result = CliRunner().invoke(main, ["panel", str(source), "--out", str(tmp_path / "panel.csv")])
    assert result.exit_code == 0, result.output
    for name in ("panel", "panel-long"):
        described = csvw.CSVW(str(tmp_path / f"{name}.csv-metadata.json"), validate=True)
        assert described.is_valid and not described.warnings, name
    rows = csvw.CSVW(str(tmp_path / "panel.csv-metadata.json")).to_json(minimal=True)
    assert [r["@id"] for r in rows] == [
        f"https://w3id.org/csr-kg/id/report/{r}" for r in ("greenfield-2021", "lakeside-2020", "northwind-2021")
    ]


def test_parquet_is_typed_and_byte_identical(fixtures_graph: Graph, tmp_path: Path) -> None:
    source = tmp_path / "kg.nt"
    fixtures_graph.serialize(source, format="nt", encoding="utf-8")
    out = tmp_path / "facts.parquet"
    runner = CliRunner()
    assert runner.invoke(main, ["table", str(source), "--out", str(out)]).exit_code == 0
    first = out.read_bytes()
    assert runner.invoke(main, ["table", str(source), "--out", str(out)]).exit_code == 0
    assert out.read_bytes() == first
    pd.testing.assert_frame_equal(pd.read_parquet(out), frame(facts(as_native(fixtures_graph))))


def test_an_unknown_report_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["table", "--report", "no-such-report", "--out", str(tmp_path / "t.csv")])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: no report no-such-report in the graph (reports: xiaomi-2019)"
    assert not (tmp_path / "t.csv").exists()
