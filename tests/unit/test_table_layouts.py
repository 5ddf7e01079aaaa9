"""Table layouts read by their shape: a second header inside a run of rows, an index of page
numbers, sibling groups, a heading that prints its rows' unit, columns headed by measures, and
units printed in a header beside a day or in a label's list of qualifiers, breakdowns listed
under "By ..." headings above their total, and a target column beside the years."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest import figure_tables, table_cells
from kg.ingest.loader import load_report
from kg.vocab.units import load_units
from tests.support.folders import report_folder


def _labels(text: str) -> list[list[str]]:
    return [[row.label for row in table.rows] for table in figure_tables.figure_tables(text)]


def test_a_header_line_inside_a_run_of_rows_starts_the_next_table() -> None:
    text = "Staff (persons)\t2022\t2023\nNorth\t40\t42\nHiring and leaving\t2022\t2023\nHires (number)\t9\t7\n"
    first, second = figure_tables.figure_tables(text)
    assert ([r.label for r in first.rows], first.unit) == (["North"], "persons")
    assert ([r.label for r in second.rows], second.unit) == (["Hires (number)"], None)
    assert not first.unread and not second.unread


def test_the_rows_of_an_index_with_a_page_column_are_no_figures() -> None:
    text = "Disclosure\tPage\n1-1 Staff numbers\t7\n2-3 Waste\t12-13\n\nWaste (tonnes)\t2023\nPaper\t5.5\n"
    assert _labels(text) == [["Paper"]]


def test_a_group_label_is_no_part_of_the_group_above_it() -> None:
    text = "Hours\t2023\t2022\nBy grade\nJunior managers\t12.0\t11.0\nMiddle managers\t14.0\t13.5\n"
    (table,) = figure_tables.figure_tables(text)
    assert [row.parent for row in table.rows] == [None, None]


def test_a_heading_inside_a_table_prints_its_rows_unit() -> None:
    text = "Indicator\t2023\t2022\nStaff trained (%)\t90.0\t88.0\nAverage hours by grade (hours)\nClerks\t10.5\t9.5\n"
    (table,) = figure_tables.figure_tables(text)
    clerks = table.rows[1]
    assert (clerks.section, clerks.section_unit) == ("Average hours by grade (hours)", "hours")
    assert table.rows[0].section_unit is None


def test_columns_headed_by_measures_take_the_captions_year() -> None:
    text = "Table 2 Safety in FY2023/24\nSite\tInjuries (number)\tAverage hours per worker\nPlant A\t3\t6.5\n"
    (table,) = figure_tables.figure_tables(text)
    assert [(c.kind, c.period, c.year, c.fiscal, c.unit) for c in table.columns] == [
        ("measure", "FY2023/24", 2024, True, "number"),
        ("measure", "FY2023/24", 2024, True, None),
    ]
    assert [c.figure.text for c in table.rows[0].cells] == ["3", "6.5"]


@pytest.mark.parametrize(
    "text",
    [
        "Site\tAddress\tManager\nPlant A\tRiver Road\tJ. Smith\n",  # no figures under the header
        "Table 1 Staff in 2022 and 2023\nSite\tMen\tWomen\nPlant A\t3\t4\n",  # two years: which?
    ],
)
def test_a_header_of_words_over_no_figures_or_two_years_is_no_table_of_measures(text: str) -> None:
    assert all(c.kind != "measure" for t in figure_tables.figure_tables(text) for c in t.columns)


@pytest.mark.parametrize(
    ("surface", "unit"),
    [
        ("MWh per million units", ("MegaW-HR-PER-MegaUNIT", Decimal(1))),
        ("m³/thousand units", ("M3-PER-KiloUNIT", Decimal(1))),
        ("per 1,000,000 hours worked", ("NUM-PER-MegaHR", Decimal(1))),
        ("kWh per 1,000 employees", ("KiloW-HR-PER-KiloEMPLOYEE", Decimal(1))),
        ("million", ("NUM", Decimal(10) ** 6)),  # a count in millions, not a megapixel
        ("thousand", ("NUM", Decimal(10) ** 3)),
    ],
)
def test_units_per_a_scaled_count_and_a_bare_scale(surface: str, unit: tuple[str, Decimal]) -> None:
    units = load_units()
    found = table_cells.as_printed(table_cells.resolve_unit(surface, units.lexicon), units)
    assert (found.key, found.scale) == unit


TEXT = """HILLTOP LTD ESG REPORT 2023

Staff (headcount as at 30 June)\tFY2022\tFY2023
East\t120\t130
Hiring\tFY2022\tFY2023
New hires (number)\t30\t25

Indicator\tFY2022\tFY2023
Parcels handled (million)\t4.5\t4.8
Lost days\t14\t8
Fuel intensity (Scope 1, litres per million units)\t12.0\t11.5
Average hours by grade (hours)
Clerks\t10.5\t9.5

Table 3 Training in FY2022/23
Grade\tStaff trained (%)\tAverage hours per employee
Clerks\t80.0\t12.5
"""
META = """\
id: hilltop-2023
company: hilltop
title: Hilltop Ltd ESG Report 2023
year: 2023
fiscal_year_end: 06-30
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: hilltop, type: Organization, label: Hilltop Ltd}\n"


def test_cells_read_with_header_days_section_units_measure_columns_label_units_and_times(tmp_path: Path) -> None:
    folder = report_folder(tmp_path / "hilltop", TEXT, META, SHEET)
    report = load_report(folder)
    found = sorted(
        (obs.surface, obs.value, obs.unit, obs.period.key, report.metrics[obs.metric].label)
        for claim in report.claims.values()
        for obs in claim.observations
    )
    year22, year23 = "2021-07-01/2022-06-30", "2022-07-01/2023-06-30"
    assert found == [
        ("10.5", Decimal("10.5"), "HR", year22, "Clerks"),
        ("11.5", Decimal("11.5"), "L-PER-MegaUNIT", year23, "Fuel intensity (Scope 1)"),
        ("12.0", Decimal("12.0"), "L-PER-MegaUNIT", year22, "Fuel intensity (Scope 1)"),
        # the caption says whose hours these are: training's
        ("12.5", Decimal("12.5"), "HR", year23, "Training in FY2022/23: Average hours per employee: Clerks"),
        # named in the header's first cell, "Staff (headcount ...)": a headcount in a region
        ("120", Decimal(120), "NUM", "2022-06-30", "Staff: East"),
        ("130", Decimal(130), "NUM", "2023-06-30", "Staff: East"),
        ("14", Decimal(14), "DAY", year22, "Lost days"),  # a time, as "14 lost days" in prose
        ("25", Decimal(25), "NUM", year23, "New hires"),
        ("30", Decimal(30), "NUM", year22, "New hires"),
        ("4.5", Decimal(4500000), "NUM", year22, "Parcels handled"),
        ("4.8", Decimal(4800000), "NUM", year23, "Parcels handled"),
        ("8", Decimal(8), "DAY", year23, "Lost days"),
        ("80.0", Decimal("80.0"), "PERCENT", year23, "Staff trained: Clerks"),
        ("9.5", Decimal("9.5"), "HR", year23, "Clerks"),
    ]


LISTED_ABOVE = """\
Table 3 Staff (as at 31 December)
Grade\t2023\t2022
By gender
  Male\t10\t9
  Female\t12\t11
By region
  North\t15\t14
  South\t7\t6
Total staff\t22\t20
"""


def test_breakdowns_listed_above_their_total_are_summed_into_it_each_apart(tmp_path: Path) -> None:
    (table,) = figure_tables.figure_tables(LISTED_ABOVE)
    # "Female" under "By gender" is a part, no total of "North" and "South" under "By region".
    assert [(row.label, row.parent, row.breakdown) for row in table.rows] == [
        ("Male", None, None),
        ("Female", None, None),
        ("North", None, "By region"),
        ("South", None, "By region"),
        ("Total staff", None, None),
    ]
    meta = META.replace("fiscal_year_end: 06-30\n", "")
    report = load_report(report_folder(tmp_path / "hilltop", LISTED_ABOVE, meta, SHEET))
    parts = sorted(
        (spec.label, report.metrics[spec.component_of].label, spec.breakdown)
        for spec in report.metrics.values()
        if spec.component_of is not None
    )
    assert parts == [
        ("Staff (as at 31 December): Female", "Total staff", "By gender"),
        ("Staff (as at 31 December): Male", "Total staff", "By gender"),
        ("Staff (as at 31 December): North", "Total staff", "By region"),
        ("Staff (as at 31 December): South", "Total staff", "By region"),
    ]


def test_a_measure_naming_no_catalogue_metric_is_of_what_the_caption_names(tmp_path: Path) -> None:
    text = "Table 4 Training\nGrade\tAverage hours\tStaff trained (%)\tSessions (number)\nClerks\t12.5\t80.0\t3\n"
    meta = META.replace("fiscal_year_end: 06-30\n", "")
    report = load_report(report_folder(tmp_path / "hilltop", text, meta, SHEET))
    found = sorted(
        (obs.surface, report.metrics[obs.metric].label)
        for claim in report.claims.values()
        for obs in claim.observations
    )
    # "Average hours of training" names a catalogue metric, "Sessions of training" none: that
    # measure keeps its own name, as "Staff trained" does, which names one alone.
    assert found == [
        ("12.5", "Average hours of training: Clerks"),
        ("3", "Sessions: Clerks"),
        ("80.0", "Staff trained: Clerks"),
    ]


def test_a_label_printed_again_in_a_unit_the_catalogue_tells_apart_is_named_with_its_unit(tmp_path: Path) -> None:
    text = (
        "Table 5 Resources used\nResource\tUnit\t2023\t2022\n"
        "Energy intensity\tkWh/m²\t98.5\t101.2\nEnergy intensity\tMWh/employee\t4.10\t4.25\n"
        "Natural gas\tMWh\t880\t910\nNatural gas\tm³\t83,000\t86,100\n"
    )
    meta = META.replace("fiscal_year_end: 06-30\n", "")
    report = load_report(report_folder(tmp_path / "hilltop", text, meta, SHEET))
    labels = sorted({report.metrics[obs.metric].label for c in report.claims.values() for obs in c.observations})
    # Natural gas in m³ names no catalogue metric in its unit: told apart by the caption.
    assert labels == [
        "Energy intensity",
        "Energy intensity (MWh/employee)",
        "Natural gas",
        "Resources used: Natural gas",
    ]


def test_a_row_of_counted_accounts_dated_in_its_label_is_a_count_on_that_day(tmp_path: Path) -> None:
    text = "Table 6 Members\nIndicator\t2023\t2022\nMember accounts (as at 30 June)\t12,400\t11,950\n"
    meta = META.replace("fiscal_year_end: 06-30\n", "")
    report = load_report(report_folder(tmp_path / "hilltop", text, meta, SHEET))
    found = sorted((obs.surface, obs.unit, obs.period.key) for c in report.claims.values() for obs in c.observations)
    assert found == [("11,950", "NUM", "2022-06-30"), ("12,400", "NUM", "2023-06-30")]


@pytest.mark.parametrize("head", ["Target 2030", "2030 target", "Target (2030)", "Target for 2030"])
def test_a_target_column_beside_the_years(head: str) -> None:
    text = (
        f"Indicator\tUnit\t2023\t2022\t{head}\n"
        "Injury rate\tper million hours\t0.9\t1.1\t0.5\nAudits\tnumber\t12\t10\t\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(c.kind, c.year) for c in table.columns] == [
        ("unit", None),
        ("year", 2023),
        ("year", 2022),
        ("target", 2030),
    ]
    assert [[(c.figure.text, c.column.kind) for c in r.cells] for r in table.rows] == [
        [("0.9", "year"), ("1.1", "year"), ("0.5", "target")],
        [("12", "year"), ("10", "year")],
    ]


def test_a_target_columns_cells_are_targets_for_its_year(tmp_path: Path) -> None:
    text = (
        "Table 7 Staff as at 31 December\n\t2023\t2022\tTarget 2030\n"
        "Retention rate, %\t91.2\t89.6\t95.0\nSites audited, number\t8\t7\t\n"
    )
    report = load_report(report_folder(tmp_path / "hilltop", text, META, SHEET))
    # The day the caption names is the year columns'; the target is for the year its header
    # names, not a fiscal year (META's ends on 30 June) nor a day.
    read = {(o.kind, o.surface, o.unit, o.period.key) for c in report.claims.values() for o in c.observations}
    assert read == {
        ("value", "91.2", "PERCENT", "2023-12-31"),
        ("value", "89.6", "PERCENT", "2022-12-31"),
        ("target", "95.0", "PERCENT", "2030"),
        ("value", "8", "NUM", "2023-12-31"),
        ("value", "7", "NUM", "2022-12-31"),
    }


def test_a_list_item_whose_bullet_a_run_of_spaces_sets_apart_is_no_table_row() -> None:
    text = "Measures in 2023\n  •  Fitted 9 vans with trackers, saving 4% of fuel.\n  •  Trained 120 drivers.\n"
    assert figure_tables.figure_tables(text) == []
