"""Rows printed under a table's footnotes, headed by a "By ..." line and no header of their own
(kg.ingest.figure_tables._Reader.read_tail): a breakdown of the table's total row."""

from __future__ import annotations

from kg.ingest.figure_tables import figure_tables

TEXT = """\
Emissions (tCO2e)                                   2022        2023
Scope 1                                            1,200       1,100
Scope 2 (1)                                        3,400       3,300
Total emissions                                    4,600       4,400
(1) Scope 2 counts the heat bought from the district network:
    310 and 290 tCO2e in the two years.

By plant (tCO2e)
Plant East                                         2,500       2,450
Plant West                                         2,100       1,950

Plant East is the older of the two.
"""


def _rows(text: str) -> list[tuple[str, int | None, str | None, list[str]]]:
    (table,) = figure_tables(text)
    return [(r.label, r.parent, r.breakdown, [c.figure.text for c in r.cells]) for r in table.rows]


def test_rows_under_the_notes_are_parts_of_the_total() -> None:
    assert _rows(TEXT)[3:] == [
        ("Plant East", 2, "By plant (tCO2e)", ["2,500", "2,450"]),
        ("Plant West", 2, "By plant (tCO2e)", ["2,100", "1,950"]),
    ]


def test_without_a_total_row_they_are_rows_under_their_heading() -> None:
    (table,) = figure_tables(TEXT.replace("Total emissions", "Scope 1 and 2"))
    assert [(r.label, r.parent, r.section) for r in table.rows[3:]] == [
        ("Plant East", None, "By plant (tCO2e)"),
        ("Plant West", None, "By plant (tCO2e)"),
    ]


def test_rows_of_another_width_or_after_prose_are_not_the_table_s() -> None:
    wider = TEXT.replace("2,500       2,450", "2,500       2,450       2,400")
    assert len(_rows(wider)) == 3
    after_prose = TEXT.replace("\nBy plant", "\nThe plants are compared  below.\n\nBy plant")
    assert len(_rows(after_prose)) == 3
