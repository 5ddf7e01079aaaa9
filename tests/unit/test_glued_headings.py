"""Row labels that print their breakdown heading or "of which" before a colon and the first part."""

from __future__ import annotations

from kg.ingest import figure_tables

TEXT = """\
Indicator\tUnit\t2023\t2022
Total staff\tpersons\t100\t90
By gender: men\tpersons\t60\t52
           women\tpersons\t40\t38
By site: Quarry\tpersons\t70\t61
         Depot\tpersons\t30\t29
New hires\tpersons\t12\t9
Solid waste\ttonnes\t50\t40
  of which: ash\ttonnes\t30\t22
            slag\ttonnes\t20\t18
Water used\tm³\t900\t950
"""


def test_the_parts_under_a_glued_heading_are_siblings_of_the_first() -> None:
    (table,) = figure_tables.figure_tables(TEXT)
    assert [(r.label, r.parent, r.breakdown, r.partial) for r in table.rows] == [
        ("Total staff", None, None, False),
        ("men", 0, "By gender", False),
        ("women", 0, "By gender", False),
        ("Quarry", 0, "By site", False),
        ("Depot", 0, "By site", False),
        ("New hires", None, None, False),  # back at the margin: no part
        ("Solid waste", None, None, False),
        ("ash", 6, None, True),  # "of which": parts of some of the total, not all of it
        ("slag", 6, None, True),
        ("Water used", None, None, False),
    ]
    men = table.rows[1]
    assert TEXT[men.start : men.start + 14] == "By gender: men"  # the row's quote keeps its heading


def test_a_heading_glued_to_every_row_with_no_part_under_it_is_the_heading_of_each_part() -> None:
    text = (
        "Indicator\tUnit\t2023\t2022\nOverall rate\t%\t11.8\t13.4\n"
        "By gender: men\t%\t11.2\t12.9\nBy gender: women\t%\t13.6\t14.9\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(r.label, r.parent, r.breakdown) for r in table.rows] == [
        ("Overall rate", None, None),
        ("men", 0, "By gender"),
        ("women", 0, "By gender"),
    ]
