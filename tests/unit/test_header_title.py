"""A table's header naming its measure in its first cell ("Staff turnover rate  2022  2023  Unit")
names the rows under it that name only a part of it ("Overall", "Under 30")."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.loader import load_report
from kg.vocab.catalogue import match_metric
from tests.support.folders import report_folder

META = """\
id: ashgrove-2023
company: ashgrove
title: Ashgrove Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: ashgrove, type: Organization, label: Ashgrove Ltd}\n"


def test_overall_after_a_colon_is_the_whole_not_a_place() -> None:
    found = match_metric("Employee turnover rate: Overall", "PERCENT")
    assert found is not None and found.notation == "turnover-rate"


def test_rows_naming_a_part_of_the_headers_measure_are_named_in_it(tmp_path: Path) -> None:
    text = (
        "ASHGROVE LTD ESG REPORT 2023\n\n"
        "Employee turnover rate\t2022\t2023\tUnit\n"
        "Overall\t12.4\t11.0\t%\n"
        "Turnover, under 30\t20.1\t18.7\t%\n"
    )
    report = load_report(report_folder(tmp_path / "ashgrove", text, META, SHEET))
    labels = sorted({report.metrics[o.metric].label for c in report.claims.values() for o in c.observations})
    # "Turnover, under 30" in % names the rate of its age group alone: it needs no header's words.
    assert labels == ["Employee turnover rate: Overall", "Turnover, under 30"]
    found = match_metric("Turnover, under 30", "PERCENT")
    assert found is not None and found.notation == "turnover-rate-under-30"
