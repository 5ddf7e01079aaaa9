"""Where a table row prints its unit (kg.ingest.row_units, kg.ingest.loader._row_unit): the
label's parentheses with the day left out, a unit before a second pair of parentheses or before
the group the row is of, after the label's last comma, a dash in the unit column, and an intensity's denominator under a
caption that prints the numerator's unit; the day a heading inside the table names; a ratio
printed without a unit (kg.ingest.table_cells.dimensionless) is a number."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest.loader import load_report
from kg.ingest.row_units import denominator, label_units, no_unit
from kg.ingest.table_cells import dimensionless
from tests.support.folders import report_folder

META = """\
id: larchmont-2023
company: larchmont
title: Larchmont Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: larchmont, type: Organization, label: Larchmont Ltd}\n"


def test_readings_of_a_label() -> None:
    assert label_units("Waste (tonnes)") == [("Waste", "tonnes")]
    assert label_units("Boiler capacity (MW, as at 31 March)")[1] == ("Boiler capacity", "MW")
    assert label_units("Grants (HK$'000) (cash and in kind)")[-1] == ("Grants (cash and in kind)", "HK$'000")
    assert label_units("Staff vaccinated (%): women") == [("Staff vaccinated: women", "%")]
    assert label_units("Total energy") == []
    assert label_units("Recycled content (% by weight)")[-1] == ("Recycled content (by weight)", "%")
    assert label_units("Overtime (hours per worker per week)")[-1] == ("Overtime (per week)", "hours per worker")
    assert label_units("Local purchases (% of spend)") == [
        ("Local purchases", "% of spend"),
        ("Local purchases (of spend)", "%"),
    ]
    assert label_units("Member accounts (as at 30 June)") == []  # the day alone: no unit


def test_a_dash_and_a_denominator() -> None:
    assert no_unit("–") and no_unit("-") and not no_unit("MWh") and not no_unit(None)
    assert denominator("Emission intensity (Scope 1) per tonne of steel") == "tonne of steel"
    assert denominator("Emission intensity (Scope 1)") is None


TEXT = """\
Table 2 Emissions (tCO2e)
Indicator\tFY2023\tFY2022
Scope 1\t410.5\t398.0
Emission intensity per MWh generated\t0.52\t0.55
Table 3 Plant
Indicator\tUnit\tFY2023\tFY2022
Heat rate ratio\t–\t1.21\t1.25
Boiler capacity (MW, as at 31 March)\t\t12.0\t10.5
Table 5 Sites
Site / indicator\tFY2023\tFY2022
North: yearly PUE\t1.48\t1.52
Table 4 Staff
Indicator\tFY2023\tFY2022
Employees as at 31 March
Total employees\t820\t790
"""


def test_units_and_days_as_the_rows_print_them(tmp_path: Path) -> None:
    meta = META.replace("curator:", "fiscal_year_end: 03-31\ncurator:")
    report = load_report(report_folder(tmp_path / "larchmont", TEXT, meta, SHEET))
    read = {(o.surface, o.unit, o.period.key) for c in report.claims.values() for o in c.observations}
    assert ("0.52", "TONNE-PER-MegaW-HR", "2022-04-01/2023-03-31") in read  # tCO2e per MWh, not tCO2e
    assert ("410.5", "TONNE", "2022-04-01/2023-03-31") in read
    assert ("1.21", "NUM", "2022-04-01/2023-03-31") in read
    assert ("12.0", "MegaW", "2023-03-31") in read
    assert ("1.48", "NUM", "2022-04-01/2023-03-31") in read
    assert ("820", "NUM", "2023-03-31") in read  # the heading's day
    assert ("790", "NUM", "2022-03-31") in read


@pytest.mark.parametrize(
    ("label", "ratio"),
    [
        ("Gender pay ratio", True),
        ("Site A: annualised PUE", True),
        ("Heat transfer coefficient (site B)", True),
        ("ESG Guide Content Index", False),  # a page number's row
        ("Total energy", False),
    ],
)
def test_a_ratio_printed_without_a_unit_is_a_number(label: str, ratio: bool) -> None:
    assert dimensionless(label) is ratio


def test_a_cell_bounded_by_a_word_is_read_with_its_qualifier(tmp_path: Path) -> None:
    text = (
        "Table 6 Community\nItem\tFY2023\tFY2022\n"
        "Beneficiaries\tabout 5,200\tapprox. 4,800\nVolunteers\tmore than 300\t280\n"
    )
    meta = META.replace("curator:", "fiscal_year_end: 03-31\ncurator:")
    report = load_report(report_folder(tmp_path / "larchmont", text, meta, SHEET))
    read = {(o.surface, o.value, o.qualifier) for c in report.claims.values() for o in c.observations}
    assert read >= {("about 5,200", 5200, "approximately"), ("approx. 4,800", 4800, "approximately")}
    assert read >= {("more than 300", 300, "over"), ("280", 280, None)}


def test_an_age_group_in_a_labels_place_is_no_bounded_figure(tmp_path: Path) -> None:
    text = (
        "Table 4 Employees\nIndicator\tUnit\tFY2023\tFY2022\nTotal employees\tpersons\t300\t290\n"
        "By age: under 30\tpersons\t120\t118\n        over 50\tpersons\t64\t60\nNew hires\tpersons\t41\t37\n"
    )
    meta = META.replace("curator:", "fiscal_year_end: 03-31\ncurator:")
    report = load_report(report_folder(tmp_path / "larchmont", text, meta, SHEET))
    read = {o.surface for c in report.claims.values() for o in c.observations}
    # "over 50" is the row's label, an age group: the row and the rows after it are read.
    assert read == {"300", "290", "120", "118", "64", "60", "41", "37"}


def test_a_unit_after_the_labels_last_comma() -> None:
    assert label_units("Cargo handled, million tonnes") == [("Cargo handled", "million tonnes")]
    assert label_units("Water drawn by depots, m³") == [("Water drawn by depots", "m³")]
    assert label_units("Sales, by region, US$ million") == [("Sales, by region", "US$ million")]
    # Scopes listed after a comma are no unit; nor is a clause longer than a unit prints.
    assert label_units("Emissions of Scope 1, 2 and 3") == []
    assert label_units("Trucks, including those leased from the parent company") == []


def test_rows_without_a_unit_column_print_their_unit_after_a_comma(tmp_path: Path) -> None:
    text = (
        "Table 3 Operations, 2021 to 2023\n\t2023\t2022\t2021\n"
        "Parcels delivered, million\t12.5\t11.0\t\n"
        "Freight moved, million tonnes\t4.2\t3.9\t3.1\n"
        "Depot water use, m³\t1,250\t1,310\t1,200\n"
        "Idle time, days\t14\t16\t\n"
    )
    report = load_report(report_folder(tmp_path / "larchmont", text, META, SHEET))
    read = {(o.surface, o.value, o.unit, o.period.key) for c in report.claims.values() for o in c.observations}
    assert read >= {
        ("12.5", Decimal("12500000"), "NUM", "2023"),
        ("4.2", Decimal("4200000"), "TONNE", "2023"),
        ("3.1", Decimal("3100000"), "TONNE", "2021"),
        ("1,250", Decimal("1250"), "M3", "2023"),
        ("14", Decimal("14"), "DAY", "2023"),
    }
    labels = {report.metrics[o.metric].label for c in report.claims.values() for o in c.observations}
    assert {"Freight moved", "Depot water use", "Idle time"} <= labels
