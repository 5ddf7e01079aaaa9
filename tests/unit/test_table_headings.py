"""A heading inside a table names what the rows under it are (kg.ingest.loader._under_section):
rows whose own words read as another metric ("Male employees", a headcount) are of the metric
the heading names when the heading names the whole they are parts of."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.vocab.catalogue import match_metric
from tests.support.folders import report_folder

TEXT = """\
Table 6 Learning and development
Indicator\t2023\t2022
Average training hours by gender (hours)
Male employees\t21.5\t19.0
Female employees\t23.0\t20.5
"""
META = """\
id: brookfield-2023
company: brookfield
title: Brookfield Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: brookfield, type: Organization, label: Brookfield Ltd}\n"


def test_rows_under_a_heading_are_parts_of_the_metric_it_names(tmp_path: Path) -> None:
    folder = report_folder(tmp_path / "brookfield", TEXT, META, SHEET)
    report = load_report(folder)
    labels = {obs.surface: report.metrics[obs.metric].label for c in report.claims.values() for obs in c.observations}
    assert labels["21.5"] == "Average training hours by gender (hours): Male employees"  # not the men's headcount
    read = match_metric(labels["23.0"])
    assert read is not None and read.notation == "training-hours-average-female"
