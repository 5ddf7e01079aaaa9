"""A drafted part of a total that reads as no catalogue metric is a part of the total's catalogue
metric (kg.rdf.mapping.part_mapping: a skos:broadMatch); rates under a heading in per cent are no
parts that add up to their overall rate (kg.ingest.loader._in_percent)."""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import SKOS

from kg.ingest.loader import load_report
from kg.rdf.build import build_graph
from tests.support.folders import report_folder

TEXT = """\
Table 2 Emissions (tCO2e)
Indicator\t2023\t2022
Scope 1: kiln firing at the north works\t310.2\t301.0
Scope 1: forklifts and site vans\t42.5\t40.1
Total Scope 1\t352.7\t341.1
Table 3 People
Indicator\t2023\t2022
Employee turnover rate (%)
Overall\t9.0\t9.6
Male\t8.1\t8.8
Female\t10.4\t10.9
"""
META = """\
id: quarrybank-2023
company: quarrybank
title: Quarrybank Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: quarrybank, type: Organization, label: Quarrybank Ltd}\n"
CATALOGUE = "https://w3id.org/csr-kg/esg-metric/"


def test_a_part_reading_as_no_catalogue_metric_is_narrower_than_its_totals(tmp_path: Path) -> None:
    graph = build_graph([report_folder(tmp_path / "quarrybank", TEXT, META, SHEET)])
    broad = {
        str(s).rsplit("/", 1)[-1]: str(o).removeprefix(CATALOGUE) for s, o in graph.subject_objects(SKOS.broadMatch)
    }
    assert broad == {
        "scope-1-kiln-firing-at-the-north-works": "ghg-scope-1",
        "scope-1-forklifts-and-site-vans": "ghg-scope-1",
    }
    exact = {
        str(s).rsplit("/", 1)[-1]: str(o).removeprefix(CATALOGUE) for s, o in graph.subject_objects(SKOS.exactMatch)
    }
    assert exact.get("total-scope-1") == "ghg-scope-1"


def test_rates_under_a_heading_in_per_cent_are_not_summed_into_the_overall_rate(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "quarrybank", TEXT, META, SHEET))
    rates = [m for m in report.metrics.values() if m.label.endswith(("Male", "Female"))]
    assert rates and all(m.component_of is None for m in rates)
