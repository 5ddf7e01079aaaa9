"""Performance tables as Hong Kong reports print them: bilingual labels and headers (Chinese
first), a first column of KPI codes, a remarks column, a rule of dashes under the header, and
notes between the rows; the rows' codes are their KPI mappings."""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import RDF

from kg.ingest import figure_tables
from kg.ingest.bilingual import english_part, english_start
from kg.ingest.code_columns import code_tables
from kg.ingest.tables import Cell
from kg.rdf.build import build_graph
from kg.vocab.namespaces import CSR
from tests.support.folders import company_folder

OA = Namespace("http://www.w3.org/ns/oa#")

CODE_TABLE = """\
KPI    項目 Indicator                 單位 Unit       2023       2022    備註 Remarks
------------------------------------------------------------------------------
A1.2   範圍一 Scope 1 emissions        tCO2e         412.5      430.1    Fuel 5.2 kWh/litre
A1.2   範圍二 Scope 2 emissions        tCO2e       1,204.0    1,310.8
Note 1: Scope 2 uses the grid factor of each year.

A1.3   有害廢棄物 Hazardous waste       tonnes          3.1        N.A.   From 2023
B1.1   30歲以下 Under 30               persons          81         77
"""


def test_the_english_half_of_a_bilingual_cell_is_read() -> None:
    assert english_part("單位 Unit") == "Unit"
    assert english_part("30歲以下 Under 30") == "Under 30"
    assert english_part("範圍一及二 Scope 1 and 2") == "Scope 1 and 2"
    assert english_part("Scope 1") == "Scope 1"
    assert english_part("單位") == "單位"
    assert english_start("能源 Energy") == 3


def test_a_code_table_is_read_without_its_code_column() -> None:
    (table,) = figure_tables.figure_tables(CODE_TABLE)
    assert [c.kind for c in table.columns] == ["unit", "year", "year", "remarks"]
    rows = [(r.code, r.label, r.unit, [c.figure.text for c in r.cells]) for r in table.rows]
    assert rows == [
        ("A1.2", "Scope 1 emissions", "tCO2e", ["412.5", "430.1"]),
        ("A1.2", "Scope 2 emissions", "tCO2e", ["1,204.0", "1,310.8"]),
        ("A1.3", "Hazardous waste", "tonnes", ["3.1", "N.A."]),
        ("B1.1", "Under 30", "persons", ["81", "77"]),
    ]
    # Each row starts at its code, as printed; the remarks column's numbers are no figures.
    assert [CODE_TABLE[r.start : r.start + 4] for r in table.rows] == ["A1.2", "A1.2", "A1.3", "B1.1"]
    assert [(u.text, u.reason) for u in table.unread] == [
        ("Fuel 5.2 kWh/litre", "text of a remarks column"),
        ("From 2023", "text of a remarks column"),
    ]
    assert set(table.notes) == {"1"}


def test_a_content_index_of_codes_is_no_code_table() -> None:
    lines = [
        (Cell("KPI", 0, 3), Cell("Description", 7, 18), Cell("Page", 30, 34)),
        (Cell("A1.1", 35, 39), Cell("Types of emissions", 42, 60), Cell("5.1", 70, 73)),
    ]
    assert code_tables(lines, lambda i, cells: False, lambda text: text[:1].isdigit()) == []


def test_a_bilingual_tab_table_has_its_unit_column() -> None:
    text = "項目 Item\t單位 Unit\t2023\t2022\n門店數目 Number of shops\tshops\t41\t38\n"
    (table,) = figure_tables.figure_tables(text)
    assert [c.kind for c in table.columns] == ["unit", "year", "year"]
    (row,) = table.rows
    assert (row.label, row.unit, row.start) == ("Number of shops", "shops", text.index("門店"))


def test_a_row_code_is_the_claims_kpi_mapping(tmp_path: Path) -> None:
    text = "KILNCO LTD ESG REPORT 2023\n\nPerformance data\n\n" + CODE_TABLE
    graph = build_graph([company_folder(tmp_path, text, year=2023)])
    hkex = "https://w3id.org/csr-kg/hkex-esg/2020/"
    found = set()
    for claim in graph.subjects(RDF.type, CSR.Claim):
        selectors = graph.objects(graph.value(claim, CSR.hasQuote), OA.hasSelector)
        quote = next(str(q) for s in selectors if (q := graph.value(s, OA.exact)) is not None)
        codes = {str(graph.value(m, CSR.kpi)).removeprefix(hkex) for m in graph.objects(claim, CSR.hasKPIMapping)}
        found.add((quote[:4], tuple(sorted(codes))))
    assert found == {("A1.2", ("A1.2",)), ("A1.3", ("A1.3",)), ("B1.1", ("B1.1",))}


def test_a_label_one_space_short_of_the_unit_column_is_cut_at_the_header() -> None:
    text = (
        "Indicator                                Unit           2023      2022\n"
        "Energy use                               MWh           4,210     4,388\n"
        "Energy intensity per HK$ million revenue MWh/HK$m      18.20     19.05\n"
    )
    (table,) = figure_tables.figure_tables(text)
    rows = [(r.label, r.unit, [c.figure.text for c in r.cells]) for r in table.rows]
    assert rows == [
        ("Energy use", "MWh", ["4,210", "4,388"]),
        ("Energy intensity per HK$ million revenue", "MWh/HK$m", ["18.20", "19.05"]),
    ]
