"""A table opening with a "By ..." heading lists its breakdowns as sibling sections ("By gender",
then "By age group"): the rows of the second are no parts of the last row of the first. A part
named as a metric of another table in another unit is named after its own total."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.figure_tables import figure_tables
from kg.ingest.loader import load_report
from tests.support.folders import report_folder

META = """\
id: elmbridge-2023
company: elmbridge
title: Elmbridge Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: elmbridge, type: Organization, label: Elmbridge Ltd}\n"
STAFF = (
    "Staff as at 31 December\t2022\t2023\tUnit\n"
    "By gender\n"
    "Men\t310\t322\tpersons\n"
    "Women\t290\t301\tpersons\n"
    "By grade\n"
    "Managers\t64\t66\tpersons\n"
    "Other staff\t536\t557\tpersons\n"
)


def test_by_headings_opening_a_table_are_sibling_sections() -> None:
    (table,) = figure_tables(STAFF)
    assert [(r.label, r.parent, r.section) for r in table.rows] == [
        ("Men", None, "By gender"),
        ("Women", None, "By gender"),
        ("Managers", None, "By grade"),
        ("Other staff", None, "By grade"),
    ]


def test_a_by_heading_under_a_row_still_breaks_that_row_down() -> None:
    text = "Staff\t2022\t2023\tUnit\nAll staff\t600\t623\tpersons\nBy gender\nMen\t310\t322\tpersons\n"
    (table,) = figure_tables(text)
    assert [(r.label, r.parent, r.breakdown) for r in table.rows] == [
        ("All staff", None, None),
        ("Men", 0, "By gender"),
    ]


def test_a_part_named_as_another_tables_metric_in_another_unit_is_its_totals(tmp_path: Path) -> None:
    text = (
        "ELMBRIDGE LTD ESG REPORT 2023\n\n" + STAFF + "\nTraining\t2022\t2023\tUnit\n"
        "Average training hours per employee\t20.5\t22.0\thours\n"
        "  Managers\t14.0\t15.5\thours\n"
    )
    report = load_report(report_folder(tmp_path / "elmbridge", text, META, SHEET))
    units = {(report.metrics[o.metric].label, o.unit) for c in report.claims.values() for o in c.observations}
    assert ("Average training hours per employee: Managers", "HR") in units
    assert not any(label == "Managers" and unit == "HR" for label, unit in units)
