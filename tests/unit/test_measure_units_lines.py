"""A header of measures over rows of labels may print its units on a line of its own under the
measure names ("Unit  %  hours", or a blank first cell), with a rule under it, and may keep a
unit column for the rows ("Category  Unit  Number  Turnover"): the units line is the columns'
units, the unit column the rows', and a column's own unit wins over the row's. A caption naming
the day the figures are of dates the columns, but a column of a flow (turnover) is of the year
to that day. A column naming no year in a report of a fiscal year is that fiscal year."""

from __future__ import annotations

from pathlib import Path

from kg.ingest import figure_tables
from kg.ingest.figure_tables import Column
from kg.ingest.loader import load_report
from kg.ingest.table_cells import column_period
from tests.support.folders import report_folder

TRAINING = (
    "Table 4  Training\n"
    "\n"
    "                            Share trained   Average hours\n"
    "Unit                                    %           hours\n"
    "---------------------------------------------------------\n"
    "Men                                  92.5            21.0\n"
    "Women                                90.1            18.5\n"
    "---------------------------------------------------------\n"
)

STAFF = (
    "Table 6  Staff by group as at 30 June 2024\n"
    "\n"
    "Group                      Unit        Number    Turnover\n"
    "                                                        %\n"
    "---------------------------------------------------------\n"
    "Drivers                    persons        410        12.0\n"
    "Office staff               persons         95         6.5\n"
    "---------------------------------------------------------\n"
)

META = """\
id: fernhill-2024
company: fernhill
title: Fernhill Ltd ESG Report 2023/24
year: 2024
fiscal_year_end: 06-30
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: fernhill, type: Organization, label: Fernhill Ltd}\n"


def test_a_units_line_under_measures_gives_the_columns_units() -> None:
    (table,) = figure_tables.figure_tables(TRAINING)
    assert [(c.kind, c.header.text if c.header else None, c.unit) for c in table.columns] == [
        ("measure", "Share trained", "%"),
        ("measure", "Average hours", "hours"),
    ]
    assert [(r.label, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Men", ["92.5", "21.0"]),
        ("Women", ["90.1", "18.5"]),
    ]


def test_a_unit_column_among_measures_and_a_caption_day() -> None:
    (table,) = figure_tables.figure_tables(STAFF)
    assert [(c.kind, c.unit, c.ends, c.instant) for c in table.columns] == [
        ("unit", None, None, False),
        ("measure", None, (6, 30), True),
        ("measure", "%", (6, 30), True),
    ]
    assert [(r.label, r.unit, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Drivers", "persons", ["410", "12.0"]),
        ("Office staff", "persons", ["95", "6.5"]),
    ]


def test_a_flow_column_of_a_dated_table_is_of_the_year_and_in_its_own_unit(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "fernhill", STAFF + TRAINING, META, SHEET))
    got = sorted(
        (o.surface, o.unit, o.period.key)
        for c in report.claims.values()
        for o in c.observations
        if o.surface in ("410", "12.0", "92.5", "21.0")
    )
    assert got == [
        ("12.0", "PERCENT", "2023-07-01/2024-06-30"),
        ("21.0", "HR", "2023-07-01/2024-06-30"),
        ("410", "NUM", "2024-06-30"),
        ("92.5", "PERCENT", "2023-07-01/2024-06-30"),
    ]


def test_a_column_naming_no_year_is_the_reports_fiscal_year() -> None:
    column = Column("figure", None)
    assert column_period(column, 2024, "03-31").key == "2023-04-01/2024-03-31"
    assert column_period(column, 2024, "12-31").key == "2024"
    assert column_period(column, 2024, None).key == "2024"


COUNTED = (
    "Table 2  Employees by category\n"
    "\n"
    "Group                      Unit        Number    Turnover\n"
    "                                                        %\n"
    "Female                     persons        210        11.0\n"
    "Male                       persons        305         8.0\n"
)


def test_measures_take_the_caption_and_each_gets_a_claim(tmp_path: Path) -> None:
    """A bare "Number" counts what the caption names; "Turnover" in % reads alone; a row of two
    measures is a claim per measure, so each discloses its own KPIs."""
    report = load_report(report_folder(tmp_path / "fernhill", COUNTED, META, SHEET))
    female = sorted(
        (c.id, [(report.metrics[o.metric].label, o.surface) for o in c.observations])
        for c in report.claims.values()
        if c.quote.startswith("Female")
    )
    assert female == [
        ("kpi-employees-by-category-female", [("Employees by category: Female", "210")]),
        ("kpi-turnover-female", [("Turnover: Female", "11.0")]),
    ]
