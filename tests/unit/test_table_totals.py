"""A bare "Total" row is the total of its own table: two tables' totals, each over its own parts,
are two metrics, so each table's parts are summed against its own total only."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from tests.support.folders import report_folder

TEXT = """\
Table 1  Paper used (tonnes)
Year        Office paper   Print paper     Total
FY2023/24          120.0          80.0     200.0
FY2022/23          110.0          70.0     180.0

Table 2  Water used (m³)
Year        Offices   Depots     Total
FY2023/24     500.0    300.0     900.0
FY2022/23     450.0    250.0     700.0
"""
META = """\
id: brookfield-2024
company: brookfield
title: Brookfield Ltd ESG Report 2023/24
year: 2024
fiscal_year_end: 03-31
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: brookfield, type: Organization, label: Brookfield Ltd}\n"


def test_each_tables_total_is_its_own_metric_over_its_own_parts(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "brookfield", TEXT, META, SHEET))
    totals = {
        spec.label: sorted(m.label for m in report.metrics.values() if m.component_of == key)
        for key, spec in report.metrics.items()
        if spec.label.endswith("Total")
    }
    assert totals == {
        "Paper used (tonnes): Total": ["Office paper", "Print paper"],
        "Water used (m³): Total": ["Water used (m³): Depots", "Water used (m³): Offices"],
    }
