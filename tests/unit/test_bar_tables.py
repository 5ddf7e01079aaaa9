"""Tables printed with a vertical bar between cells (kg.ingest.bar_cells), read by the figure
table reader as tab-separated tables are: a Unit column gives each row its unit, a rule line
under the header (dashes between bars, or dashes alone) is no row, a dash is a nil cell, and a
lone line with a bar is no table; and their unit cells ("g/kWh generated") read as any table's
are."""

from __future__ import annotations

import pytest

from kg.ingest import figure_tables
from kg.ingest.bar_cells import bar_rows, is_bar_row, is_rule
from kg.ingest.figure_tables import _spans
from kg.ingest.prose import is_table_row
from kg.ingest.table_cells import CellUnit, resolve_unit
from kg.vocab.units import load_units


def _rows(text: str) -> list[tuple[str, str | None, list[tuple[str, str, bool]]]]:
    return [
        (row.label, row.unit, [(c.column.period or "", c.figure.text, c.disclosed) for c in row.cells])
        for table in figure_tables.figure_tables(text)
        for row in table.rows
    ]


@pytest.mark.parametrize(
    "text",
    [
        "| Item | Unit | 2023 | 2022 |\n| Paper used | tonnes | 1,204.5 | — |\n| Water | m³ | 88 | 91 |\n",
        "| Item | Unit | 2023 | 2022 |\n|---|---|---:|---:|\n"
        "| Paper used | tonnes | 1,204.5 | — |\n| Water | m³ | 88 | 91 |\n",
        "Item | Unit | 2023 | 2022\n--- | --- | --- | ---\nPaper used | tonnes | 1,204.5 | —\nWater | m³ | 88 | 91\n",
    ],
)
def test_a_bar_table_is_read_with_its_unit_column_and_nil_cells(text: str) -> None:
    assert _rows(text) == [
        ("Paper used", "tonnes", [("2023", "1,204.5", True), ("2022", "—", False)]),
        ("Water", "m³", [("2023", "88", True), ("2022", "91", True)]),
    ]


def test_a_blank_bar_cell_stays_in_its_column() -> None:
    text = "| Item | 2023 | 2022 | 2021 |\n| Trees planted | | 410 | 380 |\n| Volunteers | 52 | 47 | 40 |\n"
    assert _rows(text)[0] == ("Trees planted", None, [("2022", "410", True), ("2021", "380", True)])


def test_prose_and_a_lone_footer_with_a_bar_are_no_table() -> None:
    text = "We planted 410 trees | a record in 2023.\nOur people\n\nGreen Co. | 2023 ESG Report | 7\n"
    rows, rules = bar_rows(text, _spans(text))
    assert (rows, rules) == ({}, set())
    assert figure_tables.figure_tables(text) == []


def test_lines_printing_different_numbers_of_cells_are_no_block() -> None:
    text = "A | B\nC | D | E\n"
    assert bar_rows(text, _spans(text)) == ({}, set())


def test_a_rule_line_is_dashes_between_bars_only() -> None:
    assert [is_rule(line) for line in ("|---|---|", "| :--- | ---: |", "--- | ---", "| 2023 | 2022 |", "---")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_a_bar_row_is_no_line_of_a_paragraph() -> None:
    lines = ("| Section | Page |", "Unit | 2023 | 2022", "|---|---|", "Annual Report | 2023", "We | they")
    assert [is_bar_row(line) for line in lines] == [True, True, True, False, False]
    assert is_table_row("| Contents | 3 |") and not is_table_row("Our annual report | 2023 was a good year.")


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("g/kWh generated", "GM-PER-KiloW-HR"),
        ("kWh/tonne produced", "KiloW-HR-PER-TONNE"),
        ("m³ per tonne treated", "M3-PER-TONNE"),
        ("tCO2e per US$ million lent", "TONNE-PER-MegaUSD"),
    ],
)
def test_what_was_done_to_a_ratios_denominator_is_no_part_of_its_unit(surface: str, key: str) -> None:
    assert resolve_unit(surface, load_units().lexicon) == CellUnit(key)


def test_a_dash_rule_without_bars_under_a_bar_header_is_the_tables_rule() -> None:
    text = (
        "Item | Unit | 2023 | 2022\n----------------------------\n"
        "Paper used | tonnes | 12.5 | 13.0\nWater | m³ | 88 | 91\n"
    )
    assert bar_rows(text, _spans(text))[1] == {1}
    assert _rows(text) == [
        ("Paper used", "tonnes", [("2023", "12.5", True), ("2022", "13.0", True)]),
        ("Water", "m³", [("2023", "88", True), ("2022", "91", True)]),
    ]


def test_a_dash_line_under_no_bar_header_or_over_no_bar_row_joins_no_block() -> None:
    text = "Our year\n----------\nItem | Unit | 2023\nPaper | tonnes | 12\n----------\nWe planted trees.\n"
    rows, rules = bar_rows(text, _spans(text))
    assert (sorted(rows), rules) == ([2, 3], set())
