"""Tables printed one cell a line (``pdftotext -raw``): header years each alone on a line, a row's
label then one value line per year; put back into rows, and prose or lists left alone."""

from __future__ import annotations

from kg.ingest import figure_tables

STACKED = (
    "Table 4 Fleet fuel\n"
    "Indicator\n"
    "2022\n"
    "2023\n"
    "Road vehicles\n"
    "Diesel (litres)\n"
    "12,400\n"
    "11,950\n"
    "Petrol (litres)\n"
    "N/A\n"
    "3,210\n"
    "Total fuel (litres)\n"
    "15,610\n"
    "15,160\n"
    "  of which electric buses (kWh)\n"
    "820\n"
    "940\n"
    "Fuel use fell as two depots closed.\n"
)


def _read(text: str) -> list[tuple[str, str | None, int | None, list[tuple[str | None, str, int]]]]:
    return [
        (r.label, r.unit, r.parent, [(c.column.period, c.figure.text, c.figure.start) for c in r.cells])
        for table in figure_tables.figure_tables(text)
        for r in table.rows
    ]


def test_rows_of_a_table_printed_one_cell_a_line() -> None:
    at = STACKED.index
    assert _read(STACKED) == [
        ("Diesel (litres)", None, None, [("2022", "12,400", at("12,400")), ("2023", "11,950", at("11,950"))]),
        ("Petrol (litres)", None, None, [("2022", "N/A", at("N/A")), ("2023", "3,210", at("3,210"))]),
        ("Total fuel (litres)", None, None, [("2022", "15,610", at("15,610")), ("2023", "15,160", at("15,160"))]),
        ("electric buses (kWh)", None, 2, [("2022", "820", at("820")), ("2023", "940", at("940"))]),
    ]


def test_the_caption_and_the_row_spans() -> None:
    (table,) = figure_tables.figure_tables(STACKED)
    assert table.caption == "Fleet fuel"
    first = table.rows[0]
    assert STACKED[first.start : first.end] == "Diesel (litres)\n12,400\n11,950"


def test_a_row_of_more_values_than_years_ends_the_table() -> None:
    text = "Indicator\n2022\n2023\nWater (m³)\n410\n420\nWaste (tonnes)\n7\n8\n9\n"
    at = text.index
    assert _read(text) == [("Water (m³)", None, None, [("2022", "410", at("410")), ("2023", "420", at("420"))])]


def test_prose_and_lists_with_numbers_alone_are_no_table() -> None:
    text = (
        "Our milestones\n"
        "2019\n"
        "Opened the first clinic.\n"
        "2021\n"
        "Opened the second clinic.\n"
        "Key figures\n"
        "1,200\n"
        "staff\n"
        "35\n"
        "clinics\n"
    )
    assert _read(text) == []
