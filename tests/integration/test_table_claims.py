"""Figure tables as reports print them, in the graph: exactly their cells as observations, with
periods, units, changes, not-disclosed cells, footnotes and part-of links; and no numeric cell
dropped without a reason ``coverage`` lists."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.ingest.coverage import coverage
from kg.ingest.loader import load_report
from kg.rdf.build import build_graph
from kg.validate.shacl import validate_graph
from kg.vocab.namespaces import DEFAULT_BASE
from tests.support.mini import MINI_TEXT
from tests.support.paths import FIXTURES

TABLES = FIXTURES / "tables"
SHEET = "entities:\n  - {id: acme, type: Organization, label: Acme}\n"


def _folder(root: Path, name: str, extra: str = "") -> Path:
    """A report folder around a table fixture: the fixture is its text, one entity its sheet."""
    folder = root / name
    (folder / "claims").mkdir(parents=True)
    shutil.copy(TABLES / f"{name}.txt", folder / "report.txt")
    meta = f"id: {name}-2021\ncompany: acme\ntitle: Acme Report 2021\nyear: 2021\ncurator: {{name: Test}}\n{extra}"
    (folder / "report.yaml").write_text(meta, encoding="utf-8")
    (folder / "claims" / "sheet.yaml").write_text(SHEET, encoding="utf-8")
    return folder


FISCAL = {"scaled-headers": "fiscal_year_end: 03-31\n"}
NAMES = ["unit-column", "scaled-headers", "breakdowns", "page-break"]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tables")
    return {name: _folder(root, name, FISCAL.get(name, "")) for name in NAMES}


@pytest.fixture(scope="module")
def graphs(folders: dict[str, Path]) -> dict[str, Graph]:
    return {name: build_graph([folder]) for name, folder in folders.items()}


OBSERVATIONS = """
PREFIX csr: <https://w3id.org/csr-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?claim ?metric ?kind ?value ?precision ?unit ?period ?baseline ?surface WHERE {
    ?c dcterms:identifier ?claim .
    { ?c csr:hasObservation ?o . ?o a csr:Observation ; csr:metric ?m .
      OPTIONAL { ?o csr:valueStatus ?status }
      BIND (IF(BOUND(?status), "not disclosed", "value") AS ?kind) }
    UNION
    { ?c csr:hasChange ?o . ?o a csr:MetricChange ; csr:changeOf ?m .
      OPTIONAL { ?o csr:valueStatus ?changeStatus }
      BIND (IF(BOUND(?changeStatus), "change not disclosed", "change") AS ?kind) }
    ?o csr:surfaceForm ?surface ; time:hasTime ?t .
    OPTIONAL { ?o qudt:numericValue ?value }
    OPTIONAL { ?o csr:precision ?precision }
    OPTIONAL { ?o qudt:unit ?u }
    OPTIONAL { ?o csr:baselinePeriod ?b }
    BIND (REPLACE(STR(?m), "^.*/metric/", "") AS ?metric)
    BIND (REPLACE(STR(?u), "^.*/", "") AS ?unit)
    BIND (REPLACE(STR(?t), "^.*/(period|instant)/", "") AS ?period)
    BIND (REPLACE(STR(?b), "^.*/(period|instant)/", "") AS ?baseline)
}
"""

PARTS = """
PREFIX csr: <https://w3id.org/csr-kg/ontology#>
SELECT ?part ?total ?breakdown ?partial WHERE {
    ?p csr:componentOf ?t .
    OPTIONAL { ?p csr:breakdown ?b }
    OPTIONAL { ?p csr:partialComponent ?x }
    BIND (REPLACE(STR(?p), "^.*/metric/", "") AS ?part)
    BIND (REPLACE(STR(?t), "^.*/metric/", "") AS ?total)
    BIND (COALESCE(STR(?b), "") AS ?breakdown)
    BIND (BOUND(?x) AS ?partial)
}
"""

FOOTNOTES = """
PREFIX csr: <https://w3id.org/csr-kg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?observation ?marker ?exact ?start ?end WHERE {
    ?o csr:hasFootnote ?n .
    ?n a csr:Footnote ; csr:footnoteMarker ?marker ; oa:hasSelector ?q , ?p .
    ?q a oa:TextQuoteSelector ; oa:exact ?exact .
    ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    BIND (REPLACE(STR(?o), "^.*/claim/", "") AS ?observation)
}
"""


def _select(graph: Graph, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple("" if v is None else str(v) for v in row) for row in graph.query(query))


def _obs(*rows: tuple[str, ...]) -> list[tuple[str, ...]]:
    return sorted(rows)


_CELL_SPLIT = re.compile(r"\t| {2,}")


def _unaccounted(folder: Path) -> list[tuple[int, str]]:
    """Digit runs in the cells (after the first) of tab- or space-aligned lines that are neither
    inside an observation's printed figure nor listed by coverage with a reason."""
    report = load_report(folder)
    text = report.text.text
    figures = [(o.start, o.end) for c in report.claims.values() for o in c.observations]
    listed = [(r.mention.start, r.mention.end) for r in coverage(report).mentions if not r.claims and r.reason]
    found = []
    at = 0
    for number, line in enumerate(text.split("\n"), start=1):
        cells = list(_CELL_SPLIT.finditer(line.strip(" \f")))
        if cells:
            offset = at + len(line) - len(line.lstrip(" \f")) + cells[0].end()
            for m in re.finditer(r"\d[\d,.]*", text[offset : at + len(line)]):
                s, e = offset + m.start(), offset + m.end()
                if not any(a <= s and e <= b for a, b in figures + listed):
                    found.append((number, m.group()))
        at += len(line) + 1
    return found


GHG = "total-ghg-emissions"


def test_unit_column_change_column_and_not_disclosed_cells(graphs: dict[str, Graph]) -> None:
    assert _select(graphs["unit-column"], OBSERVATIONS) == _obs(
        ("kpi-hazardous-waste", "hazardous-waste", "not disclosed", "", "", "", "2021", "", "N/A"),
        ("kpi-hazardous-waste", "hazardous-waste", "value", "2.5", "0.05", "TONNE", "2020", "", "2.5"),
        ("kpi-hazardous-waste", "hazardous-waste", "change not disclosed", "", "", "", "2021", "2020", "–"),
        ("kpi-paper-consumed", "paper-consumed", "change not disclosed", "", "", "", "2021", "2020", "n/a"),
        ("kpi-pallets-reused", "pallets-reused", "change", "4.2", "0.05", "PERCENT", "2021", "2020", "4.2%"),
        # A unit cell naming the things counted ("pallets") makes the row's figures counts.
        ("kpi-pallets-reused", "pallets-reused", "value", "4800.0", "0.5", "NUM", "2020", "", "4,800"),
        ("kpi-pallets-reused", "pallets-reused", "value", "5000.0", "0.5", "NUM", "2021", "", "5,000"),
        ("kpi-paper-consumed", "paper-consumed", "value", "0.0", "0.5", "KiloGM", "2021", "", "0"),
        ("kpi-paper-consumed", "paper-consumed", "value", "120.0", "0.5", "KiloGM", "2020", "", "120"),
        (
            "kpi-total-ghg-emissions",
            "total-ghg-emissions",
            "change",
            "-3.8",
            "0.05",
            "PERCENT",
            "2021",
            "2020",
            "-3.8%",
        ),
        ("kpi-total-ghg-emissions", GHG, "value", "1250.5", "0.05", "TONNE", "2021", "", "1,250.5"),
        ("kpi-total-ghg-emissions", GHG, "value", "1300.0", "0.05", "TONNE", "2020", "", "1,300.0"),
    )
    assert _select(graphs["unit-column"], PARTS) == []


def test_footnotes_are_quoted_verbatim_and_attached(graphs: dict[str, Graph], folders: dict[str, Path]) -> None:
    ghg = "* Data covers offices in Hong Kong only."
    paper = "¹ The 2021 paper figure excludes the warehouse."
    rows = _select(graphs["unit-column"], FOOTNOTES)
    assert [(o, m, x) for o, m, x, _, _ in rows] == [
        ("kpi-paper-consumed/observation/paper-consumed", "1", paper),
        ("kpi-paper-consumed/observation/paper-consumed-2", "1", paper),
        ("kpi-paper-consumed/observation/paper-consumed-3", "1", paper),
        ("kpi-total-ghg-emissions/observation/total-ghg-emissions", "*", ghg),
        ("kpi-total-ghg-emissions/observation/total-ghg-emissions-2", "*", ghg),
        ("kpi-total-ghg-emissions/observation/total-ghg-emissions-3", "*", ghg),
    ]
    text = (folders["unit-column"] / "report.txt").read_text(encoding="utf-8")
    assert all(text[int(s) : int(e)] == x for _, _, x, s, e in rows)
    water = _select(graphs["page-break"], FOOTNOTES)
    assert [(o, m, x) for o, m, x, _, _ in water] == [
        ("kpi-water-withdrawn/observation/water-withdrawn", "1", "Note 1: Water figures cover the two factories only."),
        (
            "kpi-water-withdrawn/observation/water-withdrawn-2",
            "1",
            "Note 1: Water figures cover the two factories only.",
        ),
    ]


def test_scaled_headers_and_fiscal_years(graphs: dict[str, Graph]) -> None:
    fy21, fy20, fy19 = "2020-04-01/2021-03-31", "2019-04-01/2020-03-31", "2018-04-01/2019-03-31"
    assert _select(graphs["scaled-headers"], OBSERVATIONS) == _obs(
        ("kpi-community-investment", "community-investment", "value", "1234000.0", "500.0", "HKD", fy21, "", "1,234"),
        ("kpi-community-investment", "community-investment", "value", "1100000.0", "500.0", "HKD", fy20, "", "1,100"),
        ("kpi-community-investment", "community-investment", "value", "980000.0", "500.0", "HKD", fy19, "", "980"),
        ("kpi-staff-costs", "staff-costs", "value", "52000500.0", "50.0", "HKD", fy21, "", "52,000.5"),
        ("kpi-staff-costs", "staff-costs", "value", "50100000.0", "500.0", "HKD", fy20, "", "50,100"),
        ("kpi-staff-costs", "staff-costs", "not disclosed", "", "", "", fy19, "", "–"),
        # '000 tonnes are kilotonnes: the value is the number printed.
        ("kpi-steel-used", "steel-used", "value", "12.5", "0.05", "KiloTONNE", fy21, "", "12.5"),
        ("kpi-steel-used", "steel-used", "value", "11.0", "0.05", "KiloTONNE", fy20, "", "11.0"),
        ("kpi-steel-used", "steel-used", "not disclosed", "", "", "", fy19, "", "Nil"),
        ("kpi-revenue", "revenue", "value", "3200500000.0", "50000.0", "CNY", fy21, "", "3,200.5"),
        ("kpi-revenue", "revenue", "value", "2900000000.0", "500000.0", "CNY", fy20, "", "2,900"),
        ("kpi-revenue", "revenue", "value", "2750000000.0", "500000.0", "CNY", fy19, "", "2,750"),
        ("kpi-number-of-suppliers", "number-of-suppliers", "value", "85.0", "0.5", "NUM", fy21, "", "85"),
        ("kpi-number-of-suppliers", "number-of-suppliers", "value", "80.0", "0.5", "NUM", fy20, "", "80"),
        ("kpi-number-of-suppliers", "number-of-suppliers", "value", "78.0", "0.5", "NUM", fy19, "", "78"),
    )


def test_breakdowns_are_parts_of_their_total(graphs: dict[str, Graph]) -> None:
    graph = graphs["breakdowns"]
    total = "total-number-of-employees"
    assert _select(graph, PARTS) == [
        (f"{total}-30-to-50", total, "By age group", "false"),
        (f"{total}-female", total, "By gender", "false"),
        (f"{total}-male", total, "By gender", "false"),
        (f"{total}-over-50", total, "By age group", "false"),
        (f"{total}-under-30", total, "By age group", "false"),
    ]
    rows = _select(graph, OBSERVATIONS)
    assert [(c, v, u, p, s) for c, _, _, v, _, u, p, _, s in rows] == sorted(
        [
            ("kpi-number-of-employees-who-left-during-the-year", "120.0", "NUM", "2021", "120"),
            ("kpi-number-of-employees-who-left-during-the-year", "95.0", "NUM", "2020", "95"),
            ("kpi-number-of-work-related-injuries", "3.0", "NUM", "2021", "3"),
            ("kpi-number-of-work-related-injuries", "4.0", "NUM", "2020", "4"),
            (f"kpi-{total}", "1200.0", "NUM", "2021", "1,200"),
            (f"kpi-{total}", "1100.0", "NUM", "2020", "1,100"),
            (f"kpi-{total}-male", "700.0", "NUM", "2021", "700"),
            (f"kpi-{total}-male", "650.0", "NUM", "2020", "650"),
            (f"kpi-{total}-female", "500.0", "NUM", "2021", "500"),
            (f"kpi-{total}-female", "450.0", "NUM", "2020", "450"),
            (f"kpi-{total}-under-30", "400.0", "NUM", "2021", "400"),
            (f"kpi-{total}-under-30", "380.0", "NUM", "2020", "380"),
            (f"kpi-{total}-30-to-50", "600.0", "NUM", "2021", "600"),
            (f"kpi-{total}-30-to-50", "520.0", "NUM", "2020", "520"),
            (f"kpi-{total}-over-50", "200.0", "NUM", "2021", "200"),
            (f"kpi-{total}-over-50", "200.0", "NUM", "2020", "200"),
        ]
    )


def test_page_break_dash_parts_and_of_which(graphs: dict[str, Graph]) -> None:
    graph = graphs["page-break"]
    assert _select(graph, PARTS) == [
        ("total-energy-consumption-electricity", "total-energy-consumption", "", "false"),
        ("total-energy-consumption-natural-gas", "total-energy-consumption", "", "false"),
        ("water-withdrawn-recycled", "water-withdrawn", "", "true"),
    ]
    rows = _select(graph, OBSERVATIONS)
    assert [(c, k, v, u, p, s) for c, _, k, v, _, u, p, _, s in rows] == sorted(
        [
            ("kpi-total-energy-consumption", "value", "10500.0", "MegaW-HR", "2021", "10,500"),
            ("kpi-total-energy-consumption", "value", "9800.0", "MegaW-HR", "2020", "9,800"),
            ("kpi-total-energy-consumption-electricity", "value", "8000.0", "MegaW-HR", "2021", "8,000"),
            ("kpi-total-energy-consumption-electricity", "value", "7500.0", "MegaW-HR", "2020", "7,500"),
            ("kpi-total-energy-consumption-natural-gas", "value", "2500.0", "MegaW-HR", "2021", "2,500"),
            ("kpi-total-energy-consumption-natural-gas", "value", "2300.0", "MegaW-HR", "2020", "2,300"),
            ("kpi-water-withdrawn", "value", "50000.0", "TONNE", "2021", "50,000"),
            ("kpi-water-withdrawn", "value", "48000.0", "TONNE", "2020", "48,000"),
            ("kpi-water-withdrawn-recycled", "value", "5000.0", "TONNE", "2021", "5,000"),
            ("kpi-water-withdrawn-recycled", "not disclosed", "", "", "2020", "not available"),
        ]
    )


def test_drafted_metrics_are_attributed_to_the_table_reader(graphs: dict[str, Graph]) -> None:
    rows = graphs["breakdowns"].query(
        """
        PREFIX csr: <https://w3id.org/csr-kg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?agent ?label WHERE {
            ?m a csr:Metric ; prov:wasAttributedTo ?agent . ?agent a prov:SoftwareAgent ; rdfs:label ?label .
        }"""
    )
    assert [(str(a), str(label)) for a, label in rows] == [
        (f"{DEFAULT_BASE}agent/csr-kg-table-reader", "csr-kg table reader")
    ]


@pytest.mark.parametrize("name", NAMES)
def test_fixture_graphs_conform_without_findings(graphs: dict[str, Graph], name: str) -> None:
    result = validate_graph(graphs[name])
    assert result.conforms and [f.message for f in result.findings] == []


def test_a_breakdown_that_misses_its_total_is_found(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "breakdowns")
    text = (folder / "report.txt").read_text(encoding="utf-8")
    (folder / "report.txt").write_text(text.replace("Female\t500\t450", "Female\t520\t450"), encoding="utf-8")
    findings = validate_graph(build_graph([folder])).findings
    assert [(f.shape.rsplit("#", 1)[-1], f.message) for f in findings] == [
        (
            "TotalOfPartsShape",
            'The total 1200.0 differs from the sum of its 2 stated parts listed under "By gender", 1220, '
            "by more than rounding allows (1.5).",
        )
    ]


HEADER_YEARS = {
    "unit-column": [(5, "2021"), (5, "2020")],
    "scaled-headers": [(3, "2021"), (3, "2020"), (3, "2019"), (7, "2021"), (7, "2020"), (7, "2019")],
    "breakdowns": [(3, "2021"), (3, "2020")],
    "page-break": [(1, "2021"), (1, "2020"), (8, "2021"), (8, "2020")],
}


@pytest.mark.parametrize("name", NAMES)
def test_no_numeric_cell_is_dropped_silently(folders: dict[str, Path], name: str) -> None:
    """Every digit in a table cell is in an observation or listed with a reason; only the header years are not."""
    assert _unaccounted(folders[name]) == HEADER_YEARS[name]


def test_cells_not_read_are_listed_with_their_reason(folders: dict[str, Path], tmp_path: Path) -> None:
    listed = [
        (r.line, r.mention.surface, r.reason)
        for r in coverage(load_report(folders["unit-column"])).mentions
        if not r.claims
    ]
    # "pallets" in the unit column names the things counted: the row's figures are counts, none unread.
    assert listed == []
    # Without a fiscal year end, fiscal-year columns have no known period: listed, not guessed.
    report = load_report(_folder(tmp_path, "scaled-headers"))
    reasons = {r.reason for r in coverage(report).mentions if not r.claims}
    assert reasons == {
        "unit of the table's columns",
        None,  # "'000 tonnes" in a row label: no claim quotes the row, and no cell holds it
        *(f"fiscal year 'FY{y}': report.yaml gives no fiscal_year_end (MM-DD)" for y in (2019, 2020, 2021)),
    }
    assert not any(c.startswith("kpi-") for c in report.claims)


def test_build_prints_a_line_per_table_and_warns_of_unread_blocks(folders: dict[str, Path], tmp_path: Path) -> None:
    from kg.cli.app import main

    result = CliRunner().invoke(main, ["build", str(folders["unit-column"]), "--out", str(tmp_path / "x.ttl")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "unit-column-2021: report.txt:5: figures table: 4 rows, 12 cells, 0 not read",
        "unit-column-2021: warning: report.txt:16-19: table-like block not read as a table",
        # 47 of them map the two metrics to the catalogue and give their figures canonical values, 18 are
        # the KPIs the drafter infers for the two rows (7 triples each) and the drafter agent (4); the
        # pallets row's two counts add 22 (its observations and their renumbering).
        f"wrote {tmp_path / 'x.ttl'} (403 triples)",
    ]


def test_a_streamed_build_prints_the_table_lines_too(folders: dict[str, Path], tmp_path: Path) -> None:
    from kg.cli.app import main

    out = tmp_path / "x.nt"
    result = CliRunner().invoke(main, ["build", str(folders["page-break"]), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "page-break-2021: report.txt:1: figures table: 5 rows, 10 cells, 0 not read",
        # 98 of them catalogue mappings (a part with no catalogue metric of its own broadly matches its
        # total's) and canonical values, 25 the rows' inferred KPIs and the drafter agent
        f"wrote {out} (1 reports, 413 triples)",
    ]


def test_bundled_table_claims_are_unchanged(bundled: list) -> None:
    (report,) = bundled
    kinds = [c.origin.split(":")[1] for c in report.claims.values() if c.origin.startswith("table:")]
    assert (kinds.count("kpi"), kinds.count("stakeholders"), kinds.count("awards")) == (18, 7, 9)
    assert [(t.kind, t.line, t.rows, t.cells, t.unread) for t in report.tables] == [
        ("figures", 994, 9, 9, 0),
        ("figures", 1015, 9, 9, 0),
        ("stakeholders", 163, 7, 27, 0),
        ("awards", 253, 9, 27, 0),
    ]
    assert (report.unread_cells, report.unread_blocks) == ([], [])


def test_unknown_unit_in_a_table_is_listed_not_dropped(make_report: Callable[..., Path]) -> None:
    """A table cell whose unit is unknown is no observation, and coverage lists it with the reason."""
    text = MINI_TEXT + "Water use (furlongs)\t5.00\n"
    report = load_report(make_report(text=text))
    assert "kpi-water-use" not in report.claims
    listed = [(r.line, r.mention.surface, r.reason) for r in coverage(report).mentions if not r.claims]
    assert (text.count("\n"), "5.00", "unknown unit 'furlongs'") in listed


def test_units_and_markers_in_the_column_headers(tmp_path: Path) -> None:
    folder = tmp_path / "headers"
    (folder / "claims").mkdir(parents=True)
    text = "Waste\t2021* (tonnes)\t2020 (kg)\nHazardous waste\t1.5\t2,000\n\n* Estimated from invoices.\n"
    (folder / "report.txt").write_text(text, encoding="utf-8")
    (folder / "report.yaml").write_text(
        "id: headers-2021\ncompany: acme\ntitle: Acme 2021\nyear: 2021\ncurator: {name: Test}\n", encoding="utf-8"
    )
    (folder / "claims" / "sheet.yaml").write_text(SHEET, encoding="utf-8")
    graph = build_graph([folder])
    assert _select(graph, OBSERVATIONS) == _obs(
        ("kpi-hazardous-waste", "hazardous-waste", "value", "1.5", "0.05", "TONNE", "2021", "", "1.5"),
        ("kpi-hazardous-waste", "hazardous-waste", "value", "2000.0", "0.5", "KiloGM", "2020", "", "2,000"),
    )
    assert [(o, m, x) for o, m, x, _, _ in _select(graph, FOOTNOTES)] == [
        ("kpi-hazardous-waste/observation/hazardous-waste", "*", "* Estimated from invoices.")
    ]
