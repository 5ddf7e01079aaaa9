"""Tables whose columns are aligned with spaces: columns found by character position, cells kept
at their offsets, and the figure tables read from them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.ingest import figure_tables
from kg.ingest.column_layout import aligned_lines
from kg.ingest.figure_tables import _is_value, _spans
from kg.ingest.loader import load_report
from kg.ingest.model import Period
from kg.ingest.table_cells import CellUnit, column_period, resolve_unit
from kg.ingest.tables import Cell
from kg.vocab.units import load_units
from tests.support.folders import report_folder

BLANK_CELL = (
    "Indicator           Unit       2023      2022\n"
    "Scope 1 emissions   tCO2e     1,204       980\n"
    "Water recycled      m³                  3,400\n"
)


def _cells(text: str) -> dict[int, list[tuple[str, int, int]]]:
    return {
        i: [(c.text, c.start, c.end) for c in line.cells]
        for i, line in aligned_lines(text, _spans(text), _is_value).items()
    }


def _read(text: str) -> list[tuple[str, str | None, int | None, str | None, list[tuple[str, str]]]]:
    return [
        (r.label, r.unit, r.parent, r.breakdown, [(c.column.period or c.column.kind, c.figure.text) for c in r.cells])
        for table in figure_tables.figure_tables(text)
        for r in table.rows
    ]


def test_a_blank_cell_keeps_its_column_and_every_cell_its_offsets() -> None:
    assert _cells(BLANK_CELL) == {
        0: [("Indicator", 0, 9), ("Unit", 20, 24), ("2023", 31, 35), ("2022", 41, 45)],
        1: [("Scope 1 emissions", 46, 63), ("tCO2e", 66, 71), ("1,204", 76, 81), ("980", 88, 91)],
        2: [("Water recycled", 92, 106), ("m³", 112, 114), ("", 122, 122), ("3,400", 132, 137)],
    }
    assert _read(BLANK_CELL) == [
        ("Scope 1 emissions", "tCO2e", None, None, [("2023", "1,204"), ("2022", "980")]),
        ("Water recycled", "m³", None, None, [("2022", "3,400")]),
    ]
    (table,) = figure_tables.figure_tables(BLANK_CELL)
    assert all(BLANK_CELL[c.figure.start : c.figure.end] == c.figure.text for r in table.rows for c in r.cells)


def test_figures_printed_one_space_apart_are_cut_into_their_columns() -> None:
    text = "Energy (MWh)       2023      2022\nElectricity    141,671.6 143,513.8\nDiesel             1,702     1,669\n"
    assert _cells(text)[1] == [("Electricity", 34, 45), ("141,671.6", 49, 58), ("143,513.8", 59, 68)]
    assert _read(text)[0] == ("Electricity", None, None, None, [("2023", "141,671.6"), ("2022", "143,513.8")])


def test_a_header_over_the_figure_columns_only_and_a_column_without_header() -> None:
    text = (
        "                          2022       2023\n"
        "Waste (tonnes)           412.6      398.1\n"
        "  Dye sludge (tonnes)    371.2        n.a.\n"
        "Landfilled (tonnes)       12.8          —\n"
        "\n"
        "Indicator                       2023      2022\n"
        "Lost days          days          412       538\n"
        "Fatalities         number          0         1\n"
    )
    assert _cells(text)[0] == [("", 0, 0), ("2022", 26, 30), ("2023", 37, 41)]
    unit_column = text.index("Indicator") + len("Lost days          ")
    assert _cells(text)[5][1] == ("", unit_column, unit_column)  # the unit column has no header word
    assert _read(text) == [
        ("Waste (tonnes)", None, None, None, [("2022", "412.6"), ("2023", "398.1")]),
        ("Dye sludge (tonnes)", None, 0, None, [("2022", "371.2"), ("2023", "n.a.")]),
        ("Landfilled (tonnes)", None, None, None, [("2022", "12.8"), ("2023", "—")]),
        ("Lost days", "days", None, None, [("2023", "412"), ("2022", "538")]),
        ("Fatalities", "number", None, None, [("2023", "0"), ("2022", "1")]),
    ]


def test_a_header_printed_on_two_lines_reads_as_one() -> None:
    text = (
        "Table 2  GHG emissions\n"
        "                                                  %\n"
        "Indicator          Unit         2023      2022    change\n"
        "Scope 1            tCO2e       1,204       980     22.9\n"
        "Scope 2            tCO2e         880       960    (8.3)\n"
        "\n"
        "                        2021         2022\n"
        "Energy type            (MWh)        (MWh)\n"
        "Coal                 6,188.5      5,993.2\n"
        "Solar power                –        842.0\n"
    )
    ghg, energy = figure_tables.figure_tables(text)
    assert (ghg.caption, [(c.kind, c.period, c.unit) for c in ghg.columns]) == (
        "GHG emissions",
        [("unit", None, None), ("year", "2023", None), ("year", "2022", None), ("change", None, "%")],
    )
    change = ghg.columns[-1].header
    assert (change.text, text[change.start : change.end].split()) == (
        "% change",
        ["%", "Indicator", "Unit", "2023", "2022", "change"],
    )
    assert ghg.header is not None and ghg.header.text == text[ghg.header.start : ghg.header.end]
    assert ghg.header.text.startswith("  ") and ghg.header.text.endswith("change")
    assert [(c.kind, c.period, c.unit) for c in energy.columns] == [("year", "2021", "MWh"), ("year", "2022", "MWh")]
    assert _read(text)[1:] == [
        ("Scope 2", "tCO2e", None, None, [("2023", "880"), ("2022", "960"), ("change", "(8.3)")]),
        ("Coal", None, None, None, [("2021", "6,188.5"), ("2022", "5,993.2")]),
        ("Solar power", None, None, None, [("2021", "–"), ("2022", "842.0")]),
    ]


def test_a_row_back_at_the_totals_indentation_ends_the_breakdown_under_a_heading() -> None:
    text = (
        "                           Unit     2023     2022\n"
        "Total employees            persons  6,482    6,815\n"
        "By gender\n"
        "  Male                     persons  2,917    3,101\n"
        "  Female                   persons  3,565    3,714\n"
        "Employees aged under 30    persons  1,846    2,033\n"
    )
    assert [(label, parent, breakdown) for label, _, parent, breakdown, _ in _read(text)] == [
        ("Total employees", None, None),
        ("Male", 0, "By gender"),
        ("Female", 0, "By gender"),
        ("Employees aged under 30", None, None),
    ]


def test_blocks_that_do_not_line_up_prose_and_tabs_are_left_to_the_line_by_line_split() -> None:
    crooked = "Item        2023\nWater       1,204,000\nWaste       12   14\n"  # two figures under one
    prose = "We cut water use.  Our mills used 1,204 m³.\nThis is prose  with 2 gaps.\n"
    tabs = "Indicator\t2023\t2022\nWater\t1,204\t980\nWaste\t\t14\n"
    assert _cells(crooked) == {}
    assert _cells(prose) == {}
    assert _cells(tabs) == {}
    assert _read(tabs) == [
        ("Water", None, None, None, [("2023", "1,204"), ("2022", "980")]),
        ("Waste", None, None, None, [("2022", "14")]),
    ]


def test_a_caption_cut_by_two_spaces_is_no_row() -> None:
    text = "Table 5  Employees (as at 31 December)\n\nIndicator        2023     2022\nEmployees       6,482    6,815\n"
    (table,) = figure_tables.figure_tables(text)
    assert (table.start, [r.label for r in table.rows]) == (text.index("Indicator"), ["Employees"])


def test_figures_printed_one_space_after_a_long_label_are_cut_off_it() -> None:
    text = (
        "Waste (tonnes)                               2022       2023\n"
        "Dye sludge                                  371.2      352.9\n"
        "Waste chemicals and packaging of dyes 1,441.4           45.2\n"
        "Scope 1 boilers                              15.9       17.3\n"
    )
    assert _cells(text)[2] == [
        ("Waste chemicals and packaging of dyes", 122, 159),
        ("1,441.4", 160, 167),
        ("45.2", 178, 182),
    ]
    assert _read(text)[1:] == [
        ("Waste chemicals and packaging of dyes", None, None, None, [("2022", "1,441.4"), ("2023", "45.2")]),
        ("Scope 1 boilers", None, None, None, [("2022", "15.9"), ("2023", "17.3")]),
    ]


def test_a_table_across_a_page_break_is_aligned_page_by_page() -> None:
    text = (
        "Indicator              2023      2022\n"
        "Water (m³)            1,204       980\n"
        "Waste (tonnes)                     14\n"
        "7\n"
        "ACME ESG REPORT 2023\n"
        "Energy (MWh)     5,100     4,980\n"
        "Diesel (MWh)                 210\n"
    )
    cells = _cells(text)  # the columns of each page, between the page number and running head
    assert (cells[2], cells[6]) == (
        [("Waste (tonnes)", 76, 90), ("", 98, 98), ("14", 111, 113)],
        [("Diesel (MWh)", 170, 182), ("", 187, 187), ("210", 199, 202)],
    )
    assert [row[4] for row in _read(text)] == [
        [("2023", "1,204"), ("2022", "980")],
        [("2022", "14")],
        [("2023", "5,100"), ("2022", "4,980")],
        [("2022", "210")],
    ]


def test_a_line_of_figures_under_a_row_fills_the_columns_it_is_printed_in() -> None:
    text = (
        "Indicator                 2023      2022      2021\n"
        "Injuries (number)            3         4         5\n"
        "Employees (number)       1,200\n"
        "                                              950\n"
    )
    assert _read(text)[1] == ("Employees (number)", None, None, None, [("2023", "1,200"), ("2021", "950")])


DATED = (
    "                                    Year ended      Year ended\n"
    "Indicator               Unit     31 March 2024   31 March 2023     Change\n"
    "Water                     m³             1,204             980     +22.9%\n"
    "Waste                 tonnes                82              90      -8.9%\n"
    "\n"
    "Indicator                 As at 30 June 2024\n"
    "Employees                              6,482\n"
    "Contractors                              415\n"
)


def test_a_header_naming_the_day_its_columns_end_or_are_of() -> None:
    dated, day = figure_tables.figure_tables(DATED)
    assert [(c.kind, c.period, c.fiscal, c.ends, c.instant) for c in dated.columns] == [
        ("unit", None, False, None, False),
        ("year", "Year ended 31 March 2024", True, (3, 31), False),
        ("year", "Year ended 31 March 2023", True, (3, 31), False),
        ("change", None, False, None, False),
    ]
    assert [(c.column.period or c.column.kind, c.figure.text, c.figure.start) for c in dated.rows[0].cells] == [
        ("Year ended 31 March 2024", "1,204", DATED.index("1,204")),
        ("Year ended 31 March 2023", "980", DATED.index("980")),
        ("change", "+22.9%", DATED.index("+22.9%")),
    ]
    # The year end the header names, whatever the report's fiscal year end (here none).
    assert column_period(dated.columns[1], 2024, None) == Period("2023-04-01", "2024-03-31")
    assert column_period(dated.columns[2], 2024, "12-31") == Period("2022-04-01", "2023-03-31")
    assert [(c.kind, c.period, c.instant) for c in day.columns] == [("year", "As at 30 June 2024", True)]
    assert column_period(day.columns[0], 2024, "06-30") == Period("2024-06-30")
    assert [(r.label, [c.figure.text for c in r.cells]) for r in day.rows] == [
        ("Employees", ["6,482"]),
        ("Contractors", ["415"]),
    ]


def test_a_running_head_printing_a_year_is_no_headerless_row() -> None:
    head = "ACME HOLDINGS LIMITED       ESG REPORT 2023/24\n"
    text = f"{head}Our water use fell.\n\f{head}Our waste fell.\n\f{head}Energy (MWh)    5,100\n"
    assert [(r.label, [c.figure.text for c in r.cells]) for t in figure_tables.figure_tables(text) for r in t.rows] == [
        ("Energy (MWh)", ["5,100"])
    ]


def test_a_row_label_wrapped_under_a_heading_is_one_row_of_the_heading() -> None:
    text = (
        "Energy type                        Unit      2024      2023\n"
        "Indirect energy\n"
        "   Purchased electricity – roads,\n"
        "   tunnels and depots               MWh    38,412    37,986\n"
        "   Purchased electricity – offices  MWh     6,218     6,004\n"
        "Total indirect energy               MWh    44,630    43,990\n"
    )
    (table,) = figure_tables.figure_tables(text)
    first = table.rows[0]
    assert (first.label, first.section, first.start) == (
        "Purchased electricity – roads, tunnels and depots",
        "Indirect energy",
        text.index("Purchased"),
    )
    assert [(c.figure.text, c.figure.start, c.figure.end) for c in first.cells] == [
        ("38,412", text.index("38,412"), text.index("38,412") + 6),
        ("37,986", text.index("37,986"), text.index("37,986") + 6),
    ]
    assert [(r.label, r.unit, r.parent) for r in table.rows[1:]] == [
        ("Purchased electricity – offices", "MWh", None),  # rows under a heading are no parts
        ("Total indirect energy", "MWh", None),
    ]


def test_a_row_whose_label_and_unit_are_both_printed_on_two_lines() -> None:
    text = (
        "Indicator                            Unit      2024      2023\n"
        "Total energy consumption              MWh   387,185   328,240\n"
        "Energy intensity                     MWh/\n"
        "   per HK$ million of revenue      HK$ mn      76.4      83.8\n"
    )
    (table,) = figure_tables.figure_tables(text)
    intensity = table.rows[1]
    assert (intensity.label, intensity.unit, intensity.parent, intensity.start) == (
        "Energy intensity per HK$ million of revenue",
        "MWh/HK$ mn",
        None,  # indented as its wrap is, not as a part of the total above
        text.index("Energy intensity"),
    )
    assert [(c.column.period, c.figure.text, c.figure.start) for c in intensity.cells] == [
        ("2024", "76.4", text.index("76.4")),
        ("2023", "83.8", text.index("83.8")),
    ]
    assert resolve_unit(intensity.unit, load_units().lexicon) == CellUnit("MegaW-HR-PER-MegaHKD")


def test_measures_printed_over_groups_of_repeated_year_columns() -> None:
    text = (
        "Table 3  Training\n"
        "                         Employees trained      Average training hours\n"
        "                                (%)                  per employee\n"
        "Category                 FY2023/24  FY2022/23     FY2023/24  FY2022/23\n"
        "All employees                 92.4       88.6          21.6       18.9\n"
        "   Female                     88.7       85.3          17.4       15.1\n"
    )
    (table,) = figure_tables.figure_tables(text)
    trained = Cell("Employees trained (%)", text.index("Employees"), text.index("(%)") + 3)
    hours = Cell("Average training hours per employee", text.index("Average"), text.index("employee\n") + 8)
    assert [(c.kind, c.header, c.period, c.unit) for c in table.columns] == [
        ("measure", trained, "FY2023/24", "%"),
        ("measure", trained, "FY2022/23", "%"),
        ("measure", hours, "FY2023/24", None),
        ("measure", hours, "FY2022/23", None),
    ]
    assert [(c.column.header.text[:9], c.column.period, c.figure.text) for c in table.rows[1].cells] == [
        ("Employees", "FY2023/24", "88.7"),
        ("Employees", "FY2022/23", "85.3"),
        ("Average t", "FY2023/24", "17.4"),
        ("Average t", "FY2022/23", "15.1"),
    ]


def test_mn_is_read_as_million_in_a_table_unit() -> None:
    lexicon = load_units().lexicon
    assert resolve_unit("HK$ mn", lexicon) == CellUnit("HKD", Decimal(10) ** 6)
    assert resolve_unit("tCO2e/HK$ mn", lexicon) == CellUnit("TONNE-PER-MegaHKD")


def test_a_change_in_percentage_points_is_a_figure() -> None:
    text = (
        "Indicator                 Unit      2024      2023    Change\n"
        "Electronic payments          %      96.3      93.5   +2.8 pp\n"
        "Fleet                    buses     1,286     1,214     +5.9%\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(c.column.kind, c.figure.text, c.figure.start) for c in table.rows[0].cells] == [
        ("year", "96.3", text.index("96.3")),
        ("year", "93.5", text.index("93.5")),
        ("change", "+2.8 pp", text.index("+2.8 pp")),
    ]


UNITS_TEXT = (
    "ACME ESG REPORT 2024\n"
    "\n"
    "Table 1  Operations\n"
    "                                                       Year ended      Year ended\n"
    "Indicator                                   Unit   31 March 2024   31 March 2023\n"
    "Scope 1 emissions                          tCO2e        85,961.1        71,787.1\n"
    "GHG intensity                             tCO2e/\n"
    "   per HK$ million of revenue             HK$ mn           23.08           24.68\n"
    "\n"
    "Table 2  Training\n"
    "                         Employees trained      Average training hours\n"
    "                                (%)                  per employee\n"
    "Category                 FY2023/24  FY2022/23     FY2023/24  FY2022/23\n"
    "All employees                 92.4       88.6          21.6       18.9\n"
    "   Female                     88.7       85.3          17.4       15.1\n"
)


def test_table_units_a_unit_on_two_lines_with_mn_and_a_measure_over_a_counted_label(tmp_path: Path) -> None:
    meta = "id: acme-2024\ncompany: acme\ntitle: Acme ESG Report 2024\nyear: 2024\ncurator: {name: Test}\n"
    meta += "fiscal_year_end: 03-31\n"
    folder = report_folder(
        tmp_path / "acme", UNITS_TEXT, meta, "entities:\n  - {id: acme, type: Organization, label: Acme}\n"
    )
    report = load_report(folder)
    found = sorted(
        (obs.surface, obs.unit, obs.period.key, UNITS_TEXT[obs.start : obs.end])
        for claim in report.claims.values()
        for obs in claim.observations
    )
    assert found == sorted(
        (figure, unit, f"{start}/{end}", figure)
        for figure, unit, start, end in [
            ("85,961.1", "TONNE", "2023-04-01", "2024-03-31"),
            ("71,787.1", "TONNE", "2022-04-01", "2023-03-31"),
            ("23.08", "TONNE-PER-MegaHKD", "2023-04-01", "2024-03-31"),  # "tCO2e/" over "HK$ mn"
            ("24.68", "TONNE-PER-MegaHKD", "2022-04-01", "2023-03-31"),
            ("92.4", "PERCENT", "2023-04-01", "2024-03-31"),
            ("88.6", "PERCENT", "2022-04-01", "2023-03-31"),
            ("21.6", "HR", "2023-04-01", "2024-03-31"),  # hours, though "All employees" counts
            ("18.9", "HR", "2022-04-01", "2023-03-31"),
            ("88.7", "PERCENT", "2023-04-01", "2024-03-31"),
            ("85.3", "PERCENT", "2022-04-01", "2023-03-31"),
            ("17.4", "HR", "2023-04-01", "2024-03-31"),
            ("15.1", "HR", "2022-04-01", "2023-03-31"),
        ]
    )


def test_a_caption_printed_right_above_its_table_is_no_row() -> None:
    text = (
        "Table 11  Suppliers by region (as at 31 March)\n"
        "Region                     2024      2023\n"
        "Hong Kong                   418       392\n"
        "Overseas                     47        41\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert (table.caption, table.caption_day, table.start, table.unread) == (
        "Suppliers by region (as at 31 March)",
        "as at 31 March",
        text.index("Region"),
        [],
    )
    assert [(r.label, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Hong Kong", ["418", "392"]),
        ("Overseas", ["47", "41"]),
    ]
