"""KPIs of table rows whose metric the table reader drafted: inferred by the drafter, with the rule."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from kg.rdf.build import build_graph
from kg.vocab.namespaces import CSR
from tests.support.folders import report_folder

TEXT = """HILLTOP LTD ESG REPORT 2023

1. Environment

Table 1 Emissions
Indicator\tUnit\t2023\t2022
Scope 2 emissions\ttCO2e\t410.5\t433.0
Carbon emissions intensity\ttCO2e/HK$ million\t0.82\t0.91
Staff canteens\tnumber\t3\t3

Table 2 Packaging materials
Indicator\tUnit\t2023\t2022
Cardboard\ttonnes\t120\t131
Plastics\ttonnes\t45\t52
"""
META = """\
id: hilltop-2023
company: hilltop
title: Hilltop Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: hilltop, type: Organization, label: Hilltop Ltd}\n"
HKEX = "https://w3id.org/csr-kg/hkex-esg/2020/"


def _kpis(tmp_path: Path) -> dict[str, list[tuple[str, str, str]]]:
    folder = report_folder(tmp_path / "hilltop", TEXT, META, SHEET)
    graph = build_graph([folder])
    found: dict[str, list[tuple[str, str, str]]] = {}
    for claim in graph.subjects(RDF.type, CSR.Claim):
        ident = str(graph.value(claim, URIRef("http://purl.org/dc/terms/identifier")))
        for mapping in graph.objects(claim, CSR.hasKPIMapping):
            assert (mapping, RDF.type, CSR.InferredLink) in graph
            agent = graph.value(mapping, PROV.wasAttributedTo)
            found.setdefault(ident, []).append(
                (
                    str(graph.value(mapping, CSR.kpi)).removeprefix(HKEX),
                    str(graph.value(agent, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))),
                    str(graph.value(mapping, CSR.rationale)),
                )
            )
    return found


def _mappings(tmp_path: Path, name: str, text: str) -> dict[str, list[tuple[str, str]]]:
    """Claim id -> (KPI code, rationale) of each KPI mapping, for ``text`` built as report ``name``."""
    folder = report_folder(tmp_path / name, text, META.replace("hilltop", name), SHEET.replace("hilltop", name))
    graph = build_graph([folder])
    found: dict[str, list[tuple[str, str]]] = {}
    for claim in graph.subjects(RDF.type, CSR.Claim):
        ident = str(graph.value(claim, URIRef("http://purl.org/dc/terms/identifier")))
        for mapping in graph.objects(claim, CSR.hasKPIMapping):
            found.setdefault(ident, []).append(
                (str(graph.value(mapping, CSR.kpi)).removeprefix(HKEX), str(graph.value(mapping, CSR.rationale)))
            )
    return found


def test_table_rows_get_the_kpis_of_their_catalogue_metric_from_the_drafter(tmp_path: Path) -> None:
    found = _kpis(tmp_path)
    assert sorted(found) == [
        "kpi-carbon-emissions-intensity",
        "kpi-packaging-materials-cardboard",
        "kpi-packaging-materials-plastics",
        "kpi-scope-2-emissions",
    ]
    assert [code for code, _, _ in found["kpi-packaging-materials-plastics"]] == ["A2.5"]
    ((code, agent, why),) = found["kpi-scope-2-emissions"]
    assert (code, agent) == ("A1.2", "csr-kg drafter")
    assert why.startswith("csr-kg crosswalk https://w3id.org/csr-kg/crosswalk/hkex-esg-guide-2020/ghg-scope-2/A1.2")
    ((code, agent, why),) = found["kpi-carbon-emissions-intensity"]
    assert (code, agent) == ("A1.2", "csr-kg drafter")
    assert why.startswith("csr-kg intensity rule: 'Carbon emissions intensity' is an intensity of ghg-total")


PARTS = """RIVERSIDE LTD ESG REPORT 2023

1. Environment

Table 3 Waste
Indicator\tUnit\t2023\t2022
Hazardous waste\ttonnes\t12.5\t14.0
Non-hazardous waste\ttonnes\t300\t320
Total waste\ttonnes\t312.5\t334.0
Table 4 Energy
Indicator\tUnit\t2023\t2022
Diesel\tGJ\t410\t433
Direct energy\tGJ\t410\t433
Total energy consumption\tGJ\t910\t950

2. People

Table 5 Workforce
Indicator\t2023\t2022
Total employees\t800\t780
By gender
Male\t450\t440
Female\t350\t340
Employee turnover rate\t9.0%\t9.5%
Table 6 Turnover
Indicator\t2023\t2022
Overall turnover rate\t9.0%\t9.5%
Male\t8.0%\t8.7%
Female\t10.3%\t10.5%
"""


def _components(tmp_path: Path) -> dict[str, str]:
    folder = report_folder(
        tmp_path / "riverside", PARTS, META.replace("hilltop", "riverside"), SHEET.replace("hilltop", "riverside")
    )
    graph = build_graph([folder])
    tail = "https://w3id.org/csr-kg/id/report/riverside-2023/metric/"  # drafted metrics are the report's own
    return {str(s).removeprefix(tail): str(o).removeprefix(tail) for s, o in graph.subject_objects(CSR.componentOf)}


def test_rows_above_a_total_are_its_parts_only_when_the_catalogue_says_so(tmp_path: Path) -> None:
    assert _components(tmp_path) == {
        # The parts printed above their total, both narrower in the catalogue than total waste.
        "hazardous-waste": "total-waste",
        "non-hazardous-waste": "total-waste",
        # Counts under "By gender" add up to the headcount.
        "total-employees-male": "total-employees",
        "total-employees-female": "total-employees",
        # Diesel is a part of direct energy: the rows above the energy total overlap, so none is its
        # part; the turnover rate below "By gender" is no part of a count; rates by gender do not add up.
    }


HEADED = """RIVERBEND LTD ESG REPORT 2024

Table 3 Waste and training
Indicator\tUnit\t2024\t2023
Hazardous waste
Spent solvents\ttonnes\t12.5\t13.0
Non-hazardous waste
Scrap packaging\ttonnes\t40.2\t38.9
Food waste\ttonnes\t18.0\t17.5

Table 4 Training
Indicator\t2024\t2023
Employees trained (%)\t90.0\t88.0
Middle management (%)\t95.0\t91.0
"""


def test_rows_under_a_heading_are_named_with_it_and_category_rows_with_their_total(tmp_path: Path) -> None:
    from kg.ingest.loader import load_report
    from kg.vocab.catalogue import match_metric
    from kg.vocab.crosswalks import figure_kpis

    folder = report_folder(
        tmp_path / "riverbend", HEADED, META.replace("hilltop", "riverbend"), SHEET.replace("hilltop", "riverbend")
    )
    found = {}
    for metric in load_report(folder).metrics.values():
        match = match_metric(metric.label, None)
        found[metric.label] = (
            match and match.notation,
            [k.code for k in figure_kpis(match, metric.label, None, "hkex-esg-guide-2020")],
        )
    assert found == {
        "Hazardous waste: Spent solvents": ("hazardous-waste", ["A1.3"]),
        # the heading wins over a loose reading of the row alone (packaging)
        "Non-hazardous waste: Scrap packaging": ("non-hazardous-waste", ["A1.4"]),
        # the row alone reads exactly as the same metric: named as printed
        "Food waste": ("non-hazardous-waste", ["A1.4"]),
        "Employees trained": ("employees-trained-share", ["B3.1"]),
        "Employees trained: Middle management": ("employees-trained-share-middle-management", ["B3.1"]),
    }


SOURCES = """WILLOW LTD ESG REPORT 2023

Table 5 Water
Indicator\t2023\t2022
Municipal water (m³)\t1,736,900\t1,812,450
Surface water (m³)\t655,100\t641,300
Total water consumption (m³)\t2,392,000\t2,453,750
Rainwater harvested (m³)\t1,200\t900
"""


def test_a_row_that_reads_as_no_metric_discloses_the_kpis_of_the_total_it_adds_up_to(tmp_path: Path) -> None:
    found = _mappings(tmp_path, "willow", SOURCES)
    assert {ident: [code for code, _ in kpis] for ident, kpis in found.items()} == {
        "kpi-municipal-water": ["A2.2"],
        "kpi-surface-water": ["A2.2"],
        "kpi-total-water-consumption": ["A2.2"],
        # below the total, no part of it: no KPI is guessed for it
    }
    ((_, why),) = found["kpi-municipal-water"]
    assert why.startswith(
        "csr-kg parts rule: the table sums 'Municipal water' into 'Total water consumption', which discloses A2.2 "
        "(csr-kg crosswalk https://w3id.org/csr-kg/crosswalk/hkex-esg-guide-2020/water-consumption/A2.2"
    )


TWINS = """HARBOURSIDE CLINICS LTD ESG REPORT 2023

Table 1 Employees (as at 31 December)
Indicator\tUnit\t2023\t2022
Total employees\tpersons\t1,200\t1,150
By category
Doctors\tpersons\t300\t290
Nurses and support staff\tpersons\t900\t860

Table 2 Doctors by grade (as at 31 December)
Indicator\tUnit\t2023\t2022
Consultants\tpersons\t120\t115
Residents\tpersons\t180\t175
Total doctors\tpersons\t300\t290

Table 3 Safety
Indicator\tUnit\t2023\t2022
Work-related fatalities\tnumber\t0\t0
Patient falls\tnumber\t0\t0
"""


def test_a_table_breaking_down_figures_printed_in_another_gets_their_kpis(tmp_path: Path) -> None:
    """ "Total doctors" prints the figures of "Doctors" among the parts of the headcount: the same
    quantity, so it and its parts disclose the headcount's KPI. Rows of zeros are no such twins."""
    found = _mappings(tmp_path, "harbourside", TWINS)
    assert {k: [(code, why[:24]) for code, why in v] for k, v in found.items() if k in _TWIN_ROWS} == {
        "kpi-total-doctors": [("B1.1", "csr-kg twin rule: the re")],
        "kpi-consultants": [("B1.1", "csr-kg parts rule: the t")],
        "kpi-residents": [("B1.1", "csr-kg parts rule: the t")],
    }
    assert "kpi-patient-falls" not in found


_TWIN_ROWS = ("kpi-total-doctors", "kpi-consultants", "kpi-residents", "kpi-patient-falls")


CAPTIONED = """RIVERSIDE DEPOTS LTD ESG REPORT 2023

Table 4 Health and safety
Indicator\tUnit\t2023\t2022
Forklift near misses reported\tnumber\t14\t19
Safety walks by managers\tnumber\t52\t48
Forklift safety incidents\tnumber\t3\t5

Table 5 Depot facts
Indicator\tUnit\t2023\t2022
Loading bays\tnumber\t40\t36
"""


def test_a_row_no_rule_maps_discloses_the_kpi_of_the_aspect_its_tables_caption_names(tmp_path: Path) -> None:
    """ "Health and safety" names aspect B2, whose measures (B2.3) two rows speak of; a row whose
    label has no word of the aspect's KPIs, or under a caption naming no aspect, gets none."""
    found = _mappings(tmp_path, "riverside", CAPTIONED)
    assert {k: [(code, why[:19]) for code, why in v] for k, v in found.items()} == {
        "kpi-safety-walks-by-managers": [("B2.3", "csr-kg caption rule")],
        "kpi-forklift-safety-incidents": [("B2.3", "csr-kg caption rule")],
    }


UNCAPTIONED = """RIVERSIDE DEPOTS LTD ESG REPORT 2023

4. B6 PRODUCT RESPONSIBILITY

Indicator\tUnit\t2023\t2022
Parcel complaints handled within one day\t%\t96.5\t94.0
Loading bays\tnumber\t40\t36
"""


def test_a_table_without_a_caption_takes_the_aspect_of_the_section_heading_over_it(tmp_path: Path) -> None:
    """No caption: the numbered section heading above the table ("4. B6 Product Responsibility")
    names the aspect, whose complaints KPI (B6.2) the first row speaks of; the second has no word of it."""
    found = _mappings(tmp_path, "riverside", UNCAPTIONED)
    assert {k: [(code, why[:60]) for code, why in v] for k, v in found.items()} == {
        "kpi-parcel-complaints-handled-within-one-day": [
            ("B6.2", "csr-kg caption rule: the section heading over the table 'B6 ")
        ],
    }
