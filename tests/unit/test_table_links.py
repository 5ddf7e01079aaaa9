"""Totals and intensities read from a figure table's labels and layout (kg.ingest.table_links),
and the metric links the loader records from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import figure_tables, table_links
from kg.ingest.loader import load_report
from kg.ingest.sheet import DRAFTED_SHEET
from tests.support.folders import report_folder


def _table(text: str) -> figure_tables.FigureTable:
    (table,) = figure_tables.figure_tables(text)
    return table


@pytest.mark.parametrize(
    ("label", "found"),
    [
        ("Scope 1 and 2 emissions", {1, 2}),
        ("Total GHG emissions (Scope 1, 2 and 3)", {1, 2, 3}),
        ("Scope 1 + Scope 2", {1, 2}),
        ("Indirect emissions (Scope 2)", {2}),
        ("Scope 3 – employee commuting", {3}),
        ("Landscope 12 units", set()),
    ],
)
def test_the_scopes_a_label_names(label: str, found: set[int]) -> None:
    assert table_links.scopes(label) == frozenset(found)


def test_a_total_row_adds_up_the_rows_above_it_back_to_a_heading_inside_the_table() -> None:
    table = _table(
        "Indicator\tUnit\t2024\t2023\n"
        "Effluents\n"
        "Treated effluent\tm³\t900\t950\n"
        "Waste materials\n"
        "Scrap metal\ttonnes\t40\t44\n"
        "Used oil\ttonnes\t2.5\t2.1\n"
        "Spent solvents\ttonnes\t1.5\t1.9\n"
        "Subtotal of waste materials\ttonnes\t44\t48\n"
        "Waste per unit produced\tkg/unit\t0.8\t0.9\n"
    )
    assert [(r.label, r.section) for r in table.rows] == [
        ("Treated effluent", "Effluents"),
        ("Scrap metal", "Waste materials"),
        ("Used oil", "Waste materials"),
        ("Spent solvents", "Waste materials"),
        ("Subtotal of waste materials", "Waste materials"),
        ("Waste per unit produced", "Waste materials"),
    ]
    assert table_links.summed_parts(table) == {4: (1, 2, 3)}


def test_a_row_naming_scopes_adds_up_the_rows_of_those_scopes_wherever_they_are_printed() -> None:
    table = _table(
        "Indicator\tUnit\tFY2024\n"
        "Scope 1 and 2 emissions\ttCO2e\t300\n"
        "Scope 1 (fuel combustion)\ttCO2e\t100\n"
        "Scope 3 (business travel)\ttCO2e\t50\n"
        "Scope 2 (purchased power)\ttCO2e\t200\n"
        "Emissions per employee\ttCO2e/employee\t1.5\n"
    )
    assert table_links.summed_parts(table) == {0: (1, 3)}


def test_two_rows_of_one_scope_leave_a_scope_total_without_parts() -> None:
    table = _table(
        "Indicator\tUnit\t2024\n"
        "Scope 1\ttCO2e\t100\n"
        "Scope 2 (location-based)\ttCO2e\t210\n"
        "Scope 2 (market-based)\ttCO2e\t190\n"
        "Scope 1 and 2 (market-based)\ttCO2e\t290\n"
    )
    assert table_links.summed_parts(table) == {}


def test_a_row_naming_its_heading_again_adds_up_the_rows_under_the_heading() -> None:
    table = _table(
        "Indicator\tUnit\t2024\t2023\n"
        "Direct emissions (Scope 1)\n"
        "  Boiler fuel\ttCO2e\t410\t400\n"
        "  Fleet diesel\ttCO2e\t90\t95\n"
        "Scope 1 emissions3\ttCO2e\t500\t495\n"
        "Indirect emissions (Scope 2)\n"
        "  Grid electricity\ttCO2e\t700\t720\n"
        "  District cooling\ttCO2e\t50\t40\n"
        "Scope 2 emissions\ttCO2e\t750\t760\n"
        "Total Scope 1 and 2 emissions\ttCO2e\t1250\t1255\n"
        "Carbon intensity\ttCO2e/employee\t2.5\t2.6\n"
    )
    assert table_links.summed_parts(table) == {2: (0, 1), 5: (3, 4), 6: (2, 5)}
    # The intensity names greenhouse gas, which no row names: it divides the scopes' total above it.
    candidates = [j for j in range(7)]
    assert table_links.numerator_rows(table, 7, candidates, table_links.summed_parts(table)) == (6,)


def test_a_row_naming_the_heading_after_another_such_row_closes_nothing() -> None:
    table = _table(
        "Indicator\tUnit\t2024\n"
        "Water\n"
        "Water withdrawn\tm³\t900\n"
        "Water recycled\tm³\t120\n"
        "Water\tm³\t880\n"
        "Effluent\n"
        "Treated on site\tm³\t300\n"
        "Effluent\tm³\t300\n"
    )
    # The rows above "Water" name water too (kinds of it, not parts); under "Effluent" there is one row.
    assert table_links.summed_parts(table) == {}


def test_a_row_of_all_of_what_the_rows_above_count_adds_them_up() -> None:
    table = _table(
        "\t2024\t2023\nThai, persons\t40\t38\nLao, persons\t12\t11\n"
        "All drivers, persons\t52\t49\nAll sites certified, %\t100\t90\n"
    )
    assert table_links.summed_parts(table) == {2: (0, 1)}  # a share of all of them adds up nothing
    shares = _table(
        "Category\tUnit\t2024\nTrained staff\nManagers\t%\t98\nDrivers\t%\t90\nAll staff\t%\t92\n"
        "Average training hours\nManagers\thours\t30\nDrivers\thours\t20\nAll staff\thours\t22\n"
    )
    assert table_links.summed_parts(shares) == {}  # shares and averages of all of them, no sums


def test_a_rate_or_an_average_row_ends_the_rows_a_total_adds_up() -> None:
    table = _table(
        "Indicator\tUnit\t2024\n"
        "Fleet fuel\tGJ\t120\n"
        "Fuel per vehicle\tGJ/vehicle\t3.1\n"
        "Site electricity\tGJ\t80\n"
        "Boiler gas\tGJ\t40\n"
        "Total energy\tGJ\t120\n"
    )
    assert table_links.summed_parts(table) == {4: (2, 3)}


@pytest.mark.parametrize(
    ("label", "stem"),
    [
        ("Water intensity", ["water"]),
        ("Hazardous waste intensity", ["hazardous", "waste"]),
        ("Carbon emissions intensity (Scope 1 and 2)", ["carbon"]),
        ("Intensity per tonne of output", []),
        ("Packaging used per unit sold", ["packaging"]),
    ],
)
def test_what_an_intensity_label_says_it_divides(label: str, stem: list[str]) -> None:
    assert table_links.intensity_stem(label) == stem


@pytest.mark.parametrize(
    ("label", "unit", "words"),
    [
        ("Intensity per tonne of output", "tCO2e/tonne", "tonne of output"),
        ("Water intensity", "m³/m² of floor area", "m² of floor area"),
        ("Energy intensity", "GJ per employee", "employee"),
        ("Waste intensity", "tonnes/HK$ million revenue", "hk$ million revenue"),
    ],
)
def test_what_an_intensity_is_per(label: str, unit: str, words: str) -> None:
    assert table_links.denominator_words(label, unit) == words


@pytest.mark.parametrize(
    ("label", "bare"),
    [("Total (Scope 1 and 2)", True), ("Intensity per tonne of output", True), ("Subtotal", True)],
)
def test_labels_that_name_no_measure_without_their_heading(label: str, bare: bool) -> None:
    assert table_links.bare(label) is bare
    assert not table_links.bare("Total effluent")


TEXT = """COASTWAY LTD ESG REPORT 2024

Table 2 Environmental data
Indicator\tUnit\t2024\t2023
Carbon emissions
Scope 1 (fuel combustion)\ttCO2e\t1,200\t1,300
Scope 2 (purchased power)\ttCO2e\t3,800\t4,100
Total (Scope 1 and 2)\ttCO2e\t5,000\t5,400
Intensity per tonne of output\tkg CO2e/tonne\t25.0\t27.0
Carbon intensity (Scope 1 and 2)\ttCO2e per employee\t12.5\t13.2
Water
Water consumption\tm³\t60,000\t66,000
Water intensity\tm³/tonne of output\t0.30\t0.33
Effluent intensity\tm³/tonne of output\t0.25\t0.27

Table 3 People
Indicator\t2024\t2023
Total employees\t400\t410
Turnover rate\t9.0%\t9.5%
"""
META = """\
id: coastway-2024
company: coastway
title: Coastway Ltd ESG Report 2024
year: 2024
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""


def test_the_loader_links_totals_and_intensities_as_a_curator_writes_them(tmp_path: Path) -> None:
    folder = report_folder(
        tmp_path / "coastway", TEXT, META, "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n"
    )
    metrics = load_report(folder).metrics
    links = {
        ident: (m.component_of, m.intensity_of, m.denominator)
        for ident, m in metrics.items()
        if m.component_of or m.intensity_of or m.denominator
    }
    assert links == {
        # A row that names no catalogue metric alone is named with the heading it is under; one
        # that does ("Scope 2 (purchased power)": Scope 2 emissions) keeps its own name. Both are
        # parts of the total below them.
        "carbon-emissions-scope-1-fuel-combustion": ("carbon-emissions-total-scope-1-and-2", None, None),
        "scope-2-purchased-power": ("carbon-emissions-total-scope-1-and-2", None, None),
        # The total of the rows above, named with its heading; the bare intensity under it divides it.
        "carbon-emissions-intensity-per-tonne-of-output": (
            None,
            "carbon-emissions-total-scope-1-and-2",
            "denominator-of-intensities-per-tonne-of-output",
        ),
        # The water row the water intensity names; the effluent intensity names a row the table
        # does not print, so it divides nothing (not the one other row in m³).
        "water-intensity": (None, "water-consumption", "denominator-of-intensities-per-tonne-of-output"),
        # Per employee: the headcount row of another table is the denominator.
        "carbon-intensity-scope-1-and-2": (None, "carbon-emissions-total-scope-1-and-2", "total-employees"),
    }
    assert metrics["denominator-of-intensities-per-tonne-of-output"].label == (
        "Denominator of intensities per tonne of output"
    )


PACKED = """\
Table 4 Materials
Indicator\tUnit\t2024\t2023
Packaging materials
Cartons\ttonnes\t120\t118
Glass bottles\ttonnes\t30\t33
Total packaging materials\ttonnes\t150\t151
"""


def test_a_part_read_loosely_as_the_total_stays_a_part(tmp_path: Path) -> None:
    """ "Glass bottles" names no narrower catalogue metric and is read, closely, as total
    packaging, of which "Cartons" (paper packaging) is a part: that loose reading must not stop
    the rows from being parts of the printed total."""
    folder = report_folder(
        tmp_path / "crocks",
        PACKED,
        META.replace("coastway-2024", "crocks-2024"),
        "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n",
    )
    metrics = load_report(folder).metrics
    parts = {ident: m.component_of for ident, m in metrics.items() if m.component_of}
    assert parts == {
        "packaging-materials-cartons": "total-packaging-materials",
        "packaging-materials-glass-bottles": "total-packaging-materials",
    }


ENROLLED = """\
Table 5 Members (as at 31 December)
Indicator\tUnit\t2024\t2023\tChange
Total members\tpersons\t1,200\t1,100\t+9.1%
By district
North district\tpersons\t700\t640\t+9.4%
South district\tpersons\t500\t460\t+8.7%
Share of members who are retired\t%\t41.0\t39.5\t+1.5 pp
"""


def test_a_change_column_in_per_cent_leaves_a_count_and_its_parts_a_total_and_parts(tmp_path: Path) -> None:
    """The "+9.4%" of a change column is the change of a count, not a percentage the row
    prints: the parts under the total still add up to it; the row in % is no part of it."""
    folder = report_folder(
        tmp_path / "clubs",
        ENROLLED,
        META.replace("coastway-2024", "clubs-2024"),
        "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n",
    )
    metrics = load_report(folder).metrics
    parts = {ident: m.component_of for ident, m in metrics.items() if m.component_of}
    assert parts == {
        "total-members-north-district": "total-members",
        "total-members-south-district": "total-members",
    }


FUELS = """\
Table 6 Energy consumption
Indicator\tUnit\t2024\t2023
Town gas\tMWh\t1,200\t1,150
Purchased electricity\tMWh\t8,400\t8,100
Total energy consumption\tMWh\t9,600\t9,250
Fuel quantities
Town gas\tm³\t210,500\t201,700
"""


def test_a_label_printed_again_in_another_unit_is_another_metric(tmp_path: Path) -> None:
    """ "Town gas" in MWh is a part of the energy total; "Town gas" in m³ under "Fuel quantities"
    is the fuel burnt, another quantity: named with its heading, it is a metric of its own."""
    folder = report_folder(
        tmp_path / "gasworks",
        FUELS,
        META.replace("coastway-2024", "gasworks-2024"),
        "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n",
    )
    report = load_report(folder)
    units = {o.metric: o.unit for claim in report.claims.values() for o in claim.observations if o.kind == "value"}
    assert {m: u for m, u in units.items() if "town-gas" in m} == {
        "town-gas": "MegaW-HR",
        "fuel-quantities-town-gas": "M3",
    }
    assert report.metrics["town-gas"].component_of == "total-energy-consumption"
    assert report.metrics["fuel-quantities-town-gas"].label == "Fuel quantities: Town gas"


TWO_INTENSITIES = """\
Table 2 Greenhouse gas emissions
Indicator\tUnit\t2024\t2023
Total Scope 1 and 2 emissions\ttCO2e\t9,000\t8,800
Carbon intensity\ttCO2e/HK$ million revenue\t3.0\t3.2
Carbon intensity\ttCO2e/employee\t4.5\t4.6
"""


def test_a_label_a_sheet_defines_printed_in_two_units_is_two_metrics(tmp_path: Path) -> None:
    """A sheet (a curator's, or the drafter's reading of a key-figures line) defines "Carbon
    intensity"; the table prints it per revenue and per employee: the row in the second unit is
    another quantity, named with its table, and each divides the total by its own denominator."""
    sheet = (
        "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n"
        "metrics:\n  - {id: carbon-intensity, label: Carbon intensity}\n"
    )
    report = load_report(report_folder(tmp_path / "coastway", TWO_INTENSITIES, META, sheet))
    units = sorted({(o.metric, o.unit) for claim in report.claims.values() for o in claim.observations})
    assert units == [
        ("carbon-intensity", "TONNE-PER-MegaHKD"),
        ("greenhouse-gas-emissions-carbon-intensity", "TONNE-PER-EMPLOYEE"),
        ("total-scope-1-and-2-emissions", "TONNE"),
    ]
    assert report.metrics["greenhouse-gas-emissions-carbon-intensity"].intensity_of == "total-scope-1-and-2-emissions"


TRAINED = """\
COASTWAY LTD ESG REPORT 2024

Our nurses lead the ward safety rounds.

Table 9 Training
Category\t2024\t2023
Percentage of employees trained (%)
Doctors\t100.0\t99.1
Nurses\t99.4\t97.8
"""


def test_a_row_under_a_heading_is_named_in_it_though_the_prose_drafted_a_metric_of_its_label(
    tmp_path: Path,
) -> None:
    """The drafter named a metric "Nurses" from a sentence; the table's "Nurses" row under
    "Percentage of employees trained (%)" is the nurses' training share all the same, as "Doctors"
    is, not the prose's metric: a drafted sheet's metric does not capture a table row by its slug
    (a curated one does: test_a_part_read_loosely_as_the_total_stays_a_part and the bundled KG)."""
    folder = report_folder(
        tmp_path / "coastway", TRAINED, META, "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n"
    )
    (folder / "claims" / DRAFTED_SHEET).write_text(
        "metrics:\n  - {id: nurses, label: Nurses, drafted: true}\n", encoding="utf-8"
    )
    report = load_report(folder)
    rows = sorted({report.metrics[o.metric].label for c in report.claims.values() for o in c.observations})
    assert rows == ["Percentage of employees trained (%): Doctors", "Percentage of employees trained (%): Nurses"]


TWICE = """\
Table 7 Energy
| Indicator | Unit | 2024 | 2023 |
| Town gas | MWh | 1,200 | 1,150 |
| Purchased electricity | MWh | 8,400 | 8,100 |
| Total energy consumption | MWh | 9,600 | 9,250 |
| Total energy consumption | GJ | 34,560 | 33,300 |
| Energy intensity | MWh/employee | 4.8 | 4.7 |
"""


def test_an_intensity_divides_the_total_printed_in_its_own_numerator_unit(tmp_path: Path) -> None:
    """A total printed twice, in MWh and in GJ, is one quantity: the intensity in MWh per
    employee divides the row in MWh, not neither."""
    folder = report_folder(
        tmp_path / "twice",
        TWICE,
        META.replace("coastway-2024", "twice-2024"),
        "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n",
    )
    metrics = load_report(folder).metrics
    assert metrics["energy-intensity"].intensity_of == "total-energy-consumption"


STAFF = """\
Table 5 Staff (as at 31 December)
Category\tUnit\t2024\t2023
By gender
Men\tpersons\t410\t395
Women\tpersons\t390\t371
By age group
Under 30\tpersons\t180\t170
30 to 50\tpersons\t450\t441
Over 50\tpersons\t170\t155
Total\tpersons\t800\t766

Table 6 Staff by grade (as at 31 December)
Category\tUnit\t2024\t2023
By grade
Senior management\tpersons\t20\t19
Other staff\tpersons\t780\t747
Training
Average training hours per employee\thours\t31.0\t29.5
  Senior management\thours\t18.5\t17.0
"""


def test_breakdowns_under_one_closing_total_each_add_up_to_it(tmp_path: Path) -> None:
    """ "By gender" rows, then "By age group" rows, then one "Total": every group is a part of the
    total, in its own breakdown (not the age groups parts of "Women", the row above them), and the
    total is named after the table, not after the last breakdown."""
    folder = report_folder(
        tmp_path / "staffco",
        STAFF,
        META.replace("coastway-2024", "staffco-2024"),
        "entities:\n  - {id: coastway, type: Organization, label: Coastway Ltd}\n",
    )
    metrics = load_report(folder).metrics
    table5 = {k: (m.label, m.component_of, m.breakdown) for k, m in metrics.items() if k.startswith("staff-as-at")}
    total = "staff-as-at-31-december-total"
    assert table5 == {
        "staff-as-at-31-december-men": ("Staff (as at 31 December): Men", total, "By gender"),
        "staff-as-at-31-december-women": ("Staff (as at 31 December): Women", total, "By gender"),
        "staff-as-at-31-december-under-30": ("Staff (as at 31 December): Under 30", total, "By age group"),
        "staff-as-at-31-december-30-to-50": ("Staff (as at 31 December): 30 to 50", total, "By age group"),
        "staff-as-at-31-december-over-50": ("Staff (as at 31 December): Over 50", total, "By age group"),
        total: ("Staff (as at 31 December): Total", None, None),
    }
    # A group under a "By ..." heading is named after its table; the training hours of a group of
    # the same name are another metric, named after the average they break down.
    labels = {m.label for m in metrics.values()}
    assert "Staff by grade (as at 31 December): Senior management" in labels
    assert "Average training hours per employee: Senior management" in labels


@pytest.mark.parametrize(
    ("label", "kind"),
    [("30 to 50", "By age group"), ("50 and above", "By age group"), ("50+", "By age group"), ("Women", "By gender")],
)
def test_age_groups_printed_in_words(label: str, kind: str) -> None:
    assert figure_tables.breakdown_kind(label) == kind


def test_only_a_row_naming_a_group_is_named_after_the_row_above_it() -> None:
    assert figure_tables.names_a_group("Female trained")
    assert figure_tables.names_a_group("Aged 30-50")
    assert not figure_tables.names_a_group("Category 3 Fuel- and energy-related activities")
