"""Headings inside a table that print the rows' unit: "In tonnes" over the rows
(kg.ingest.figure_tables.heading_unit, kg.ingest.loader._sectioned), and a heading naming the
measure over rows labelled by their units ("Steam intensity" over "GJ/tonne of yarn")."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.figure_tables import figure_tables, heading_unit, unit_heading
from kg.ingest.loader import load_report
from tests.support.folders import report_folder

TEXT = """\
Table 3  Effluent

Effluent                                            2022        2023
In megalitres
Effluent discharged                                4,210.5     3,980.2
  Site North                                       2,105.0     1,990.1
  Site South                                       2,105.5     1,990.1
Effluent intensity
m³/tonne of yarn                                     12.40       11.75
m³/'000 units                                         3.10        2.95
"""
META = """\
id: tallowmere-2023
company: tallowmere
title: Tallowmere Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: tallowmere, type: Organization, label: Tallowmere Ltd}\n"


def test_heading_unit_reads_parentheses_and_a_unit_after_in() -> None:
    assert heading_unit("In tonnes") == "tonnes"
    assert heading_unit("Figures in HK$ million") == "HK$ million"
    assert heading_unit("Hazardous waste intensity (t/tonne)") == "t/tonne"
    assert heading_unit("Waste") is None
    assert heading_unit("In 2023") is None
    assert unit_heading("In tonnes") and not unit_heading("Hazardous waste (tonnes)")


def test_rows_under_an_in_unit_heading_and_unit_labelled_rows_under_a_measure() -> None:
    (table,) = figure_tables(TEXT)
    rows = [(r.label, r.parent, r.section, r.section_unit) for r in table.rows]
    assert rows == [
        ("Effluent discharged", None, "In megalitres", "megalitres"),
        ("Site North", 0, "In megalitres", "megalitres"),
        ("Site South", 0, "In megalitres", "megalitres"),
        ("m³/tonne of yarn", None, "Effluent intensity", None),  # no second line of "Effluent intensity"
        ("m³/'000 units", None, "Effluent intensity", None),
    ]


def test_the_in_unit_heading_gives_the_unit_and_no_name(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tallowmere", TEXT, META, SHEET))
    read = {
        obs.surface: (obs.unit, report.metrics[obs.metric].label)
        for c in report.claims.values()
        for obs in c.observations
        if obs.period.start == "2023"
    }
    assert read["3,980.2"] == ("MegaL", "Effluent discharged")  # not "In megalitres: Effluent discharged"
    assert read["1,990.1"][0] == "MegaL"
    assert read["11.75"][0] == "M3-PER-TONNE"
    assert read["2.95"][0] == "M3-PER-KiloUNIT"
