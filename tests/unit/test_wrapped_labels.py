"""A row label wrapped under its figures (kg.ingest.wrapped_labels, kg.ingest.figure_tables): the
label's second line, printed alone under the row, is joined to the row; it is no heading over the
rows below, and the unit it prints is its own row's, not the next row's. A breakdown's heading
printed into each label ("By gender: men") makes the rows parts of the total above. The drafter
(kg.drafting.sentences) leaves the second lines to the table, and reads each note under it alone."""

from __future__ import annotations

import pytest

from kg.drafting.sentences import Segmenter
from kg.ingest.figure_tables import figure_tables
from kg.ingest.quantities import Recogniser
from kg.ingest.wrapped_labels import continues_label, open_label
from kg.vocab.units import load_units

RECOGNISER = Recogniser(load_units().lexicon)

TEXT = """\
Table 3 Plant performance
Indicator\tUnit\t2023\t2022
Natural gas (boilers\tGJ\t5,120\t4,870
and kilns)¹
Share of recycled\t%\t41.5\t39.0
water used
Steam produced\tt\t880\t860
(for process heat)
¹ Both plants.
"""

SITES = """\
Site / indicator\t2023\t2022
North: floor area\t12.0\t11.5
(thousand m²)
North: yearly\t1.62\t1.70
EUI
North: waste\t4.1\t3.9
(tonnes)
South: floor area\t8.0\t8.0
(thousand m²)
South: yearly\t1.55\t1.58
EUI
"""


def test_second_lines_of_labels_join_their_rows_with_their_markers() -> None:
    (table,) = figure_tables(TEXT)
    assert [r.label for r in table.rows] == [
        "Natural gas (boilers and kilns)",
        "Share of recycled water used",
        "Steam produced (for process heat)",
    ]
    assert [r.section for r in table.rows] == [None, None, None]  # no line was read as a heading
    assert table.rows[0].markers == ("1",)
    assert TEXT[table.rows[0].start : table.rows[0].end] == "Natural gas (boilers\tGJ\t5,120\t4,870\nand kilns)¹"
    assert [c.figure.text for c in table.rows[2].cells] == ["880", "860"]


def test_a_unit_on_a_second_line_is_its_own_rows_and_a_bare_capital_line_between_wrapped_rows_joins() -> None:
    (table,) = figure_tables(SITES)
    assert [r.label for r in table.rows] == [
        "North: floor area (thousand m²)",
        "North: yearly EUI",  # "EUI" shows no sign itself; the lines around it are wrapped labels
        "North: waste (tonnes)",
        "South: floor area (thousand m²)",
        "South: yearly EUI",
    ]
    assert all(r.section is None and r.section_unit is None for r in table.rows)


def test_a_heading_inside_a_table_stays_a_heading() -> None:
    text = "Indicator\t2023\t2022\nWater (m³)\t510\t480\nWaste\nHazardous waste (t)\t3.5\t3.1\n"
    (table,) = figure_tables(text)
    assert [(r.label, r.section) for r in table.rows] == [
        ("Water (m³)", None),
        ("Hazardous waste (t)", "Waste"),
    ]


@pytest.mark.parametrize(
    ("label", "line", "continues"),
    [
        ("Diesel (standby", "generators)", True),  # a parenthesis left open
        ("Renewable share of", "Electricity used", True),  # a label does not end on "of"
        ("By region:", "Singapore", True),
        ("Total energy", "consumption", True),  # a line in lower case
        ("Lost-time injury rate", "(per 200,000 hours worked)", True),
        ("Petrol", "vehicles)", True),  # it closes what it never opened
        ("Total employees", "Waste", False),
        ("Water (m³)", "Energy", False),
    ],
)
def test_signs_that_a_label_goes_on(label: str, line: str, continues: bool) -> None:
    assert continues_label(label, line) is continues


def test_an_open_label() -> None:
    assert open_label("Scope 3 Category 3: fuel-")
    assert open_label("Lost days due to")
    assert not open_label("Total Scope 1")


STAFF = """\
Indicator\t2023\t2022
Total staff\t540\t515
By gender: men\t300\t290
By gender: women\t240\t225
By site: North\t320\t300
By site:\t220\t215
South
New hires\t61\t58
"""


def test_a_breakdown_heading_printed_into_each_label_makes_the_rows_parts_of_the_total() -> None:
    (table,) = figure_tables(STAFF)
    assert [(r.label, r.parent, r.breakdown) for r in table.rows] == [
        ("Total staff", None, None),
        ("men", 0, "By gender"),
        ("women", 0, "By gender"),
        ("North", 0, "By site"),
        ("South", 0, "By site"),  # the group's name on the label's second line
        ("New hires", None, None),  # a row without the prefix ends the breakdown
    ]
    assert STAFF[table.rows[1].start : table.rows[1].end] == "By gender: men\t300\t290"


NOTED = """\
Indicator\tUnit\t2023\t2022
Diesel (standby\tGJ\t5,120\t4,870
generators)¹
Share of recycled\t%\t41.5\t39.0
water used²
¹ Converted from 142,000 litres at 36.1 MJ per litre.
² Recycled water over all water used.
"""


def test_a_labels_second_line_is_the_tables_and_each_note_under_it_a_unit_of_its_own() -> None:
    rows = [(r.start, r.end) for t in figure_tables(NOTED) for r in t.rows]
    units = Segmenter(RECOGNISER, rows=rows).units(NOTED)
    assert [(u.kind, u.text) for u in units] == [
        ("bullet", "Converted from 142,000 litres at 36.1 MJ per litre."),
        ("bullet", "Recycled water over all water used."),
    ]
