"""What a figure table's caption, labels and unit cells say about its cells: units printed in the
caption, "as at" days, exact scaled units, ratio units "per ... revenue", and counts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest import figure_tables, table_cells
from kg.ingest.loader import load_report
from kg.ingest.model import Period
from kg.vocab.units import load_units
from tests.support.folders import report_folder


def _unit(surface: str) -> tuple[str, Decimal]:
    units = load_units()
    unit = table_cells.as_printed(table_cells.resolve_unit(surface, units.lexicon), units)
    return unit.key, unit.scale


@pytest.mark.parametrize(
    ("surface", "unit"),
    [
        ("'000 kWh", ("MegaW-HR", Decimal(1))),  # a thousand kWh is a MWh: the cell's number as printed
        ("'000 tonnes", ("KiloTONNE", Decimal(1))),
        ("thousand MWh", ("GigaW-HR", Decimal(1))),
        ("HK$'000", ("HKD", Decimal(1000))),  # no currency unit is a thousand dollars: the scale stays
        ("'000 m³", ("MegaL", Decimal(1))),  # a thousand m³ is a megalitre
        ("'000 litres", ("M3", Decimal(1))),
        ("tonnes", ("TONNE", Decimal(1))),
    ],
)
def test_a_scaled_unit_is_the_unit_it_equals_where_one_is_defined(surface: str, unit: tuple[str, Decimal]) -> None:
    assert _unit(surface) == unit


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("tCO2e/HK$ million revenue", "TONNE-PER-MegaHKD"),
        ("kg per RMB million revenue", "KiloGM-PER-MegaCNY"),
        ("GJ/RMB million in revenue", "GigaJ-PER-MegaCNY"),
        ("per million hours worked", "NUM-PER-MegaHR"),
        ("cases", "NUM"),
        ("incidents", "NUM"),
        ("tCO2e/million HK$", "TONNE-PER-MegaHKD"),  # the scale before the currency
        ("kWh/m² of floor area", "KiloW-HR-PER-M2"),
        ("No. of persons", "NUM"),
        ("person-times", "NUM"),  # attendances counted
        ("man-hours", "HR"),
        ("Percentage (%)", "PERCENT"),
    ],
)
def test_ratio_units_per_revenue_or_hours_worked_and_count_units(surface: str, key: str) -> None:
    assert _unit(surface) == (key, Decimal(1))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Employees (persons, as at 31 December)", (12, 31)),
        ("Headcount as of June 30", (6, 30)),
        ("as at 30th September", (9, 30)),
        ("Employees as at 31 December 2023", None),  # one day of one year: the columns say which
        ("Employees as at 31 December, 2023", None),
        ("Staff as at 30 June\t2022\t2023\tUnit", (6, 30)),  # a header row: the years are columns
        ("Staff as at 30 June    2022    2023", (6, 30)),  # columns set apart by spaces
        ("Employees as at 31 February", None),
        ("Employees at year end", None),
        (None, None),
    ],
)
def test_an_as_at_day_without_a_year(text: str | None, day: tuple[int, int] | None) -> None:
    assert table_cells.as_at_day(text) == day


def test_a_column_as_at_a_day_is_that_day_of_its_year() -> None:
    year = figure_tables.Column("year", None, period="2022", year=2022)
    fiscal = figure_tables.Column("year", None, period="FY2024", year=2024, fiscal=True)
    assert table_cells.column_period(year, 2023, None, (12, 31)) == Period("2022-12-31")
    assert table_cells.column_period(fiscal, 2024, "03-31", (3, 31)) == Period("2024-03-31")
    assert table_cells.column_period(figure_tables.Column("figure", None), 2021, None, (6, 30)) == Period("2021-06-30")


@pytest.mark.parametrize(
    ("caption", "split"),
    [
        ("Staff turnover rate (%)", ("Staff turnover rate (%)", "%", None)),
        ("Headcount (persons, as at 30 June)", ("Headcount (persons, as at 30 June)", "persons", "as at 30 June")),
        ("Headcount (as at 30 June)", ("Headcount (as at 30 June)", None, "as at 30 June")),
        ("Emissions (Scope 1, Scope 2)", ("Emissions (Scope 1, Scope 2)", None, None)),  # two candidates: none
        ("Waste", ("Waste", None, None)),
    ],
)
def test_what_a_caption_prints_in_parentheses(caption: str, split: tuple[str | None, ...]) -> None:
    assert figure_tables.split_caption(caption) == split


@pytest.mark.parametrize(
    ("caption", "unit"),
    [
        ("Average training hours per employee", "hours"),
        ("Volunteer hours by region", "hours"),
        ("Lost-time injuries per million hours worked", None),  # what the measure is per is no unit of it
        ("Training of employees", None),
        (None, None),
    ],
)
def test_a_caption_measuring_time_names_its_unit(caption: str | None, unit: str | None) -> None:
    assert table_cells.caption_time_unit(caption) == unit


@pytest.mark.parametrize("label", ["Total workforce", "Permanent employees as at 30 June"])
def test_a_label_of_people_counts(label: str) -> None:
    assert table_cells.counted(label) is True


TEXT = """LAKESIDE LTD ESG REPORT 2023

Table 1 Headcount (persons, as at 31 December)
Group\t2022\t2023
All staff\t410\t425
By region
North\t300\t310
South\t110\t115

Table 2 Staff turnover rate (%)
Group\t2022\t2023
All staff\t12.5\t11.0

Table 3 Number of vendors by country
Country\t2022\t2023
Home country\t75\t80
Abroad\t9\t12

Table 4 Energy and safety
Indicator\tUnit\t2022\t2023
Grid electricity\t'000 kWh\t2,150\t2,010
Energy intensity (MWh/HK$ million revenue)\t\t4.12\t3.96
Recordable injuries\tcases\t4\t3
Injury frequency\tper million hours worked\t1.10\t0.85
Permanent employees as at 30 June\t\t390\t402

Table 5 Average training hours per employee
Group\t2022\t2023
Women\t10.5\t11.0
"""
META = """\
id: lakeside-2023
company: lakeside
title: Lakeside Ltd ESG Report 2023
year: 2023
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: lakeside, type: Organization, label: Lakeside Ltd}\n"


def test_table_cells_read_with_caption_units_days_and_exact_units(tmp_path: Path) -> None:
    folder = report_folder(tmp_path / "lakeside", TEXT, META, SHEET)
    report = load_report(folder)
    found = sorted(
        (obs.surface, obs.value, obs.unit, obs.period.key)
        for claim in report.claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("0.85", Decimal("0.85"), "NUM-PER-MegaHR", "2023"),
        ("1.10", Decimal("1.10"), "NUM-PER-MegaHR", "2022"),
        ("10.5", Decimal("10.5"), "HR", "2022"),
        ("11.0", Decimal("11.0"), "HR", "2023"),
        ("11.0", Decimal("11.0"), "PERCENT", "2023"),
        ("110", Decimal(110), "NUM", "2022-12-31"),
        ("115", Decimal(115), "NUM", "2023-12-31"),
        ("12", Decimal(12), "NUM", "2023"),
        ("12.5", Decimal("12.5"), "PERCENT", "2022"),
        ("2,010", Decimal(2010), "MegaW-HR", "2023"),
        ("2,150", Decimal(2150), "MegaW-HR", "2022"),
        ("3", Decimal(3), "NUM", "2023"),
        ("3.96", Decimal("3.96"), "MegaW-HR-PER-MegaHKD", "2023"),
        ("300", Decimal(300), "NUM", "2022-12-31"),
        ("310", Decimal(310), "NUM", "2023-12-31"),
        ("390", Decimal(390), "NUM", "2022-06-30"),
        ("4", Decimal(4), "NUM", "2022"),
        ("4.12", Decimal("4.12"), "MegaW-HR-PER-MegaHKD", "2022"),
        ("402", Decimal(402), "NUM", "2023-06-30"),
        ("410", Decimal(410), "NUM", "2022-12-31"),
        ("425", Decimal(425), "NUM", "2023-12-31"),
        ("75", Decimal(75), "NUM", "2022"),
        ("80", Decimal(80), "NUM", "2023"),
        ("9", Decimal(9), "NUM", "2022"),
    ]


@pytest.mark.parametrize("mark", ["N/A", "n.a.", "N.A.", "–", "Nil"])
def test_not_disclosed_marks(mark: str) -> None:
    (table,) = figure_tables.figure_tables(f"Indicator\tUnit\t2023\t2022\nDiesel\tlitres\t{mark}\t1,200\n")
    ((first, second),) = [row.cells for row in table.rows]
    assert (first.figure.text, first.disclosed, second.figure.text, second.disclosed) == (mark, False, "1,200", True)


RATES = """DUNE LTD ESG REPORT 2023

Revenue for the year was RMB500 million.

Table 1 Emissions
Indicator\tUnit\t2022\t2023
Total GHG emissions\ttCO2e\t9,000\t10,000
GHG intensity by revenue\ttCO2e/RMB million\t19.5\t21.0

Table 2 Staff turnover rate (%)
Group\t2022\t2023
Overall\t12.5\t11.0
Male\t11.0\t10.0
Female\t14.0\t12.0
"""
RATES_SHEET = """entities:
  - {id: dune, type: Organization, label: Dune Ltd}
metrics:
  - {id: revenue, label: Revenue}
claims:
  - id: revenue-2023
    kind: quantitative
    quote: Revenue for the year was RMB500 million.
    observations:
      - {metric: revenue, figure: RMB500 million}
"""


def test_rates_by_gender_are_not_summed_and_an_intensity_by_revenue_divides_the_stated_revenue(
    tmp_path: Path,
) -> None:
    folder = report_folder(
        tmp_path / "dune", RATES, META.replace("lakeside", "dune").replace("Lakeside", "Dune"), RATES_SHEET
    )
    report = load_report(folder)
    metrics = report.metrics
    intensity = metrics["ghg-intensity-by-revenue"]
    assert (intensity.intensity_of, intensity.denominator) == ("total-ghg-emissions", "revenue")
    assert not any(m.startswith("denominator-of-intensities") for m in metrics)
    male = metrics["staff-turnover-rate-overall-male"]
    # A rate by gender narrows the overall rate; it is no part of a sum.
    assert (male.label, male.component_of) == ("Staff turnover rate (%): Overall: Male", None)


def _hilltop(tmp_path: Path, text: str) -> Path:
    """A report folder of the invented Hilltop Ltd holding ``text``."""
    meta = META.replace("lakeside", "hilltop").replace("Lakeside", "Hilltop")
    return report_folder(tmp_path / "hilltop", text, meta, SHEET.replace("lakeside", "hilltop"))


def test_a_caption_whose_title_ends_with_an_as_at_day_dates_every_row(tmp_path: Path) -> None:
    text = (
        "HILLTOP LTD ESG REPORT 2023\n\n"
        "Table 6  Staff as at 30 June\n"
        "Category\tUnit\t2023\t2022\n"
        "All staff\tpersons\t512\t498\n"
        "By gender\n"
        "Women\tpersons\t260\t251\n"
    )
    folder = _hilltop(tmp_path, text)
    found = sorted(
        (obs.surface, obs.period.key) for claim in load_report(folder).claims.values() for obs in claim.observations
    )
    assert found == [("251", "2022-06-30"), ("260", "2023-06-30"), ("498", "2022-06-30"), ("512", "2023-06-30")]


def test_a_breakdown_row_is_no_metric_the_drafter_named_from_a_sentence_by_its_bare_label(tmp_path: Path) -> None:
    text = (
        "HILLTOP LTD ESG REPORT 2023\n\n"
        "Of our staff, 88% of male and 91% of female staff took refresher courses.\n\n"
        "Table 2 Staff\n"
        "Category\tUnit\t2023\t2022\n"
        "All staff\tpersons\t512\t498\n"
        "Male\tpersons\t252\t247\n"
        "Female\tpersons\t260\t251\n"
    )
    folder = _hilltop(tmp_path, text)
    quote = "Of our staff, 88% of male and 91% of female staff took refresher courses."
    (folder / "claims" / "drafted.yaml").write_text(
        "metrics:\n"
        "- {id: male, label: Male, drafted: true}\n"
        "- {id: female-staff-trained, label: Female staff trained, drafted: true}\n"
        "claims:\n"
        f"- id: draft-29\n  kind: quantitative\n  quote: '{quote}'\n"
        "  observations:\n"
        "  - {metric: male, figure: 88%, unit: PERCENT}\n"
        "  - {metric: female-staff-trained, figure: 91%, unit: PERCENT}\n"
        "  review: drafted\n",
        encoding="utf-8",
    )
    report = load_report(folder)
    rows = {
        obs.surface: obs.metric for claim in report.claims.values() for obs in claim.observations if obs.unit == "NUM"
    }
    assert rows["252"] == "all-staff-male"
    assert report.metrics["all-staff-male"].component_of == "all-staff"
    assert report.metrics["male"].label == "Male"  # the sentence's metric, left as drafted


def test_a_label_qualified_in_parentheses_takes_the_unit_the_caption_prints(tmp_path: Path) -> None:
    # "(forklifts and boilers)" names no unit: it qualifies the label, the caption prints the unit.
    text = (
        "HILLTOP LTD ESG REPORT 2023\n\n"
        "Table 3 Direct emissions (tCO2e)\n"
        "Source\t2022\t2023\n"
        "Liquefied gas (forklifts and boilers)\t41.5\t39.0\n"
        "Fuel oil\t12.0\t10.5\n"
    )
    folder = _hilltop(tmp_path, text)
    found = sorted(
        (obs.surface, obs.unit, obs.period.key)
        for claim in load_report(folder).claims.values()
        for obs in claim.observations
    )
    assert found == [
        ("10.5", "TONNE", "2023"),
        ("12.0", "TONNE", "2022"),
        ("39.0", "TONNE", "2023"),
        ("41.5", "TONNE", "2022"),
    ]


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("kWh/bed-day", "KiloW-HR-PER-UNIT"),
        ("m³ per patient-day", "M3-PER-UNIT"),
        ("kg/bed", "KiloGM-PER-UNIT"),
        ("kg per bed", "KiloGM-PER-UNIT"),
    ],
)
def test_a_hospital_bed_or_bed_day_is_a_unit_of_capacity_or_throughput(surface: str, key: str) -> None:
    assert _unit(surface) == (key, Decimal(1))


@pytest.mark.parametrize(
    ("label", "time", "count"),
    [
        ("Inpatient bed-days", None, True),  # days of a thing counted, no time
        ("Patient-days", None, True),
        ("Training man-hours", "hours", False),  # work time
        ("Lost days", "days", True),
        ("Volunteer hours by region", "hours", False),
    ],
)
def test_days_hyphenated_to_what_they_count_are_a_count_not_a_time(label: str, time: str | None, count: bool) -> None:
    assert (table_cells.caption_time_unit(label), table_cells.counted(label)) == (time, count)


def test_an_intensity_divides_the_row_counting_what_it_is_per(tmp_path: Path) -> None:
    text = (
        "HILLTOP LTD ESG REPORT 2023\n\n"
        "Table 4 Water\n"
        "Indicator\tUnit\t2022\t2023\n"
        "Total water consumption\tm³\t9,000\t9,900\n"
        "Water intensity per bed-day\tm³/bed-day\t0.45\t0.45\n"
        "Bed-days\tnumber\t20,000\t22,000\n"
    )
    metrics = load_report(_hilltop(tmp_path, text)).metrics
    intensity = metrics["water-intensity-per-bed-day"]
    assert (intensity.intensity_of, intensity.denominator) == ("total-water-consumption", "bed-days")


def test_a_caption_over_headerless_rows_says_what_they_count() -> None:
    text = (
        "Table 6  Distributors by country (2023)\n\n"
        "Portugal                                          41\n"
        "Morocco                                           17\n"
        "Total                                             58\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert table.caption == "Distributors by country (2023)"
    assert [(r.label, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Portugal", ["41"]),
        ("Morocco", ["17"]),
        ("Total", ["58"]),
    ]


def test_the_years_a_caption_ends_with_do_not_name_its_rows_metric(tmp_path: Path) -> None:
    text = "Table 12 Active suppliers by region, FY2023\nRegion\t2023\nNorth America\t41\nEurope\t77\n"
    report = load_report(report_folder(tmp_path / "lakeside", text, META, SHEET))
    labels = {report.metrics[o.metric].label for c in report.claims.values() for o in c.observations}
    assert labels == {"Active suppliers by region: North America", "Active suppliers by region: Europe"}
    assert set(report.table_captions.values()) == {"Active suppliers by region, FY2023"}  # printed as it is
