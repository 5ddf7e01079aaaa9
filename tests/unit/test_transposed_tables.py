"""Tables printed transposed (periods as rows, measures as columns) are read turned round: a
row per measure, a column per period row; ordinary tables with labels in the first column are
left as they were read."""

from __future__ import annotations

from kg.ingest import figure_tables

TRANSPOSED = (
    "Table 3  Fleet fuel and emissions\n"
    "Period        Diesel (litres)   Petrol (litres)   Fleet CO2 (tCO2e)*\n"
    "FY2022/23              12,400               N/A               3,310.5\n"
    "FY2021/22              11,950             3,210               3,402.0\n"
    "Change vs FY2021/22     +3.8%               N/A                 -2.7%\n"
    "* Road vehicles only.\n"
)

DATED = "Headcount\nAs at\tWomen\tMen\n30 Jun 2023\t410\t388\n30 Jun 2022\t395\t371\n"

ORDINARY = (
    "Indicator            2023      2022\nDiesel (litres)    12,400    11,950\nPetrol (litres)     3,210     3,020\n"
)

LABELS = (
    "Site        Diesel (litres)   Petrol (litres)\n"
    "Depot A              12,400             3,210\n"
    "Depot B              11,950             3,020\n"
)


def _rows(text: str) -> list[tuple[str, list[tuple[str | None, str]]]]:
    return [
        (row.label, [(cell.column.period, cell.figure.text) for cell in row.cells])
        for table in figure_tables.figure_tables(text)
        for row in table.rows
    ]


def test_transposed_table_is_read_a_row_per_measure() -> None:
    assert _rows(TRANSPOSED) == [
        ("Diesel (litres)", [("FY2022/23", "12,400"), ("FY2021/22", "11,950"), (None, "+3.8%")]),
        ("Petrol (litres)", [("FY2022/23", "N/A"), ("FY2021/22", "3,210"), (None, "N/A")]),
        ("Fleet CO2 (tCO2e)", [("FY2022/23", "3,310.5"), ("FY2021/22", "3,402.0"), (None, "-2.7%")]),
    ]
    (table,) = figure_tables.figure_tables(TRANSPOSED)
    assert table.caption == "Fleet fuel and emissions"
    assert [c.kind for c in table.columns] == ["year", "year", "change"]
    assert table.rows[2].markers == ("*",)
    assert list(table.notes) == ["*"]


def test_transposed_rows_of_days_are_instants() -> None:
    (table,) = figure_tables.figure_tables(DATED)
    assert [(c.period, c.year, c.ends, c.instant) for c in table.columns] == [
        ("30 Jun 2023", 2023, (6, 30), True),
        ("30 Jun 2022", 2022, (6, 30), True),
    ]
    assert [r.label for r in table.rows] == ["Women", "Men"]


def test_ordinary_tables_are_not_turned_round() -> None:
    assert _rows(ORDINARY) == [
        ("Diesel (litres)", [("2023", "12,400"), ("2022", "11,950")]),
        ("Petrol (litres)", [("2023", "3,210"), ("2022", "3,020")]),
    ]
    assert [label for label, _ in _rows(LABELS)] == ["Depot A", "Depot B"]


UNITS_LINE = (
    "Table 2  Fleet\n"
    "\n"
    "Year          Diesel used   Drivers[1]   Fuel economy\n"
    "                   litres      persons         km/l\n"
    "-----------------------------------------------------\n"
    "FY2023             12,400          210          9.6\n"
    "FY2022             11,950          204          9.1\n"
    "-----------------------------------------------------\n"
    "[1] Full-time drivers only.\n"
)


def test_transposed_units_line_and_rules_are_read() -> None:
    """A units line under the measures gives each row its unit; rules above and below the rows
    are no rows, and the footnote under the closing rule is still the table's."""
    (table,) = figure_tables.figure_tables(UNITS_LINE)
    assert [(r.label, r.unit, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Diesel used", "litres", ["12,400", "11,950"]),
        ("Drivers", "persons", ["210", "204"]),
        ("Fuel economy", "km/l", ["9.6", "9.1"]),
    ]
    assert [c.period for c in table.columns] == ["FY2023", "FY2022"]
    assert table.caption == "Fleet"
    assert table.rows[1].markers == ("1",)
    assert list(table.notes) == ["1"]
    assert UNITS_LINE[table.start : table.end].endswith("9.1")


def test_units_line_of_long_words_is_no_units_line() -> None:
    """A second header line of several words is a wrapped label, not units: the block under
    the first header line is not a transposed table (its next line is no period row)."""
    wrapped = UNITS_LINE.replace(
        "                   litres      persons         km/l\n",
        "                   litres      persons    in the city fleet\n",
    )
    reader = figure_tables._Reader(wrapped)
    header = next(i for i, line in enumerate(reader.lines) if line.first == "Year")
    assert reader.transposed(header) is None
    plain = figure_tables._Reader(UNITS_LINE)
    assert plain.transposed(header) is not None


AGE_BANDS = (
    "Table 4  Leaver rate (%)\n"
    "Year        Overall   Under 25   25-45   Over 45\n"
    "FY2022/23      18.2       31.5    15.0      9.4\n"
    "FY2021/22      19.6       33.1    16.2     10.0\n"
)


def test_measure_labels_of_age_bands_are_read() -> None:
    assert _rows(AGE_BANDS) == [
        ("Overall", [("FY2022/23", "18.2"), ("FY2021/22", "19.6")]),
        ("Under 25", [("FY2022/23", "31.5"), ("FY2021/22", "33.1")]),
        ("25-45", [("FY2022/23", "15.0"), ("FY2021/22", "16.2")]),
        ("Over 45", [("FY2022/23", "9.4"), ("FY2021/22", "10.0")]),
    ]
