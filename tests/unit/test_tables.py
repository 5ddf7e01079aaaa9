"""Readers for the tables a report text holds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.ingest import figure_tables, table_cells, tables
from kg.ingest.model import Period
from kg.vocab.units import load_units
from tests.support.paths import FIXTURES

STAKEHOLDERS = (
    "ACME REPORT\n\nIntro.\n\nACME REPORT\n\n"
    "Key stakeholders\tKey Expectations\tMajor Communication Channels\n"
    "Governments\tCompliance\tPolicy consultation\n"
    "\tAnti-corruption\tEvent reporting\n"
    "\t\tSite inspection\n"
    "\n"
    "ACME REPORT\n\n"
    "Key stakeholders\tKey Expectations\tMajor Communication Channels\n"
    "Employees\tEmployment Health and safety\tStaff meetings Complaint boxes\n"
    "\n"
    "1.6 Next section\n"
)

AWARDS = (
    "Winner\tAwards\tOrganizer\n"
    "Acme\tBest Service Award\tService Council\n"
    "\tGreen Award\tEco Body\n"
    "Acme Phone\tDesign Prize\tDesign Body\n"
    "\n*Selected awards.\n"
)


def test_stakeholder_rows_continue_across_lines_and_pages() -> None:
    rows = tables.stakeholder_rows(STAKEHOLDERS)
    assert [(r.group.text, [c.text for c in r.expectations], [c.text for c in r.channels]) for r in rows] == [
        (
            "Governments",
            ["Compliance", "Anti-corruption"],
            ["Policy consultation", "Event reporting", "Site inspection"],
        ),
        ("Employees", ["Employment Health and safety"], ["Staff meetings Complaint boxes"]),
    ]
    first = rows[0]
    assert STAKEHOLDERS[first.start : first.end].startswith("Governments\tCompliance")
    assert STAKEHOLDERS[first.end - len("Site inspection") : first.end] == "Site inspection"


ALIGNED_STAKEHOLDERS = (
    "The table below lists the groups.\n\n"
    "Stakeholder group    Channels                        Expectations\n"
    "Tenants              Surveys, service desk,          Safe buildings,\n"
    "                     open days                       fair rents\n"
    "Lenders and          Results briefings              Stable returns\n"
    "bondholders          Rating reviews                  Disclosure\n"
    "Local councils       Consultations                   Compliance\n"
    "\n"
    "Our materiality assessment in 2024 asked 900 people.\n"
)


def test_a_stakeholder_table_aligned_with_spaces_is_read_by_its_header_columns() -> None:
    rows = tables.stakeholder_rows(ALIGNED_STAKEHOLDERS)
    # Channels and expectations by the header's words; a cell a space off its column is still in
    # it; a group's name wrapped in lower case goes on from the line above.
    assert [(r.group.text, [c.text for c in r.expectations], [c.text for c in r.channels]) for r in rows] == [
        ("Tenants", ["Safe buildings,", "fair rents"], ["Surveys, service desk,", "open days"]),
        ("Lenders and bondholders", ["Stable returns", "Disclosure"], ["Results briefings", "Rating reviews"]),
        ("Local councils", ["Compliance"], ["Consultations"]),
    ]
    assert all(ALIGNED_STAKEHOLDERS[c.start : c.end] == c.text for r in rows for c in (*r.expectations, *r.channels))
    assert ALIGNED_STAKEHOLDERS[rows[1].start : rows[1].end].endswith("Disclosure")


def test_award_rows_carry_the_winner_down() -> None:
    rows = tables.award_rows(AWARDS)
    assert [(r.winner, r.award.text, r.organiser.text) for r in rows] == [
        ("Acme", "Best Service Award", "Service Council"),
        ("Acme", "Green Award", "Eco Body"),
        ("Acme Phone", "Design Prize", "Design Body"),
    ]
    assert all(AWARDS[r.award.start : r.award.end] == r.award.text for r in rows)


def test_kpi_rows_with_group_and_boundary() -> None:
    text = (
        "Unless otherwise specified, environmental key performance indicators cover the "
        "Group's offices in Sampleland.\n\n1. Emissions\n\n"
        "Direct GHG emissions (Scope 1) (tons)\t283.42\n"
        "Packaging per revenue in million RMB (tons/million RMB).\t0.36\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert (table.group, table.boundary, table.header, [c.kind for c in table.columns]) == (
        "Emissions",
        "offices in Sampleland",
        None,
        ["figure"],
    )
    assert [(figure_tables.split_label(r.label), [c.figure.text for c in r.cells]) for r in table.rows] == [
        (("Direct GHG emissions (Scope 1)", "tons"), ["283.42"]),
        (("Packaging per revenue in million RMB", "tons/million RMB"), ["0.36"]),
    ]
    assert (
        text[table.rows[1].start : table.rows[1].end]
        == "Packaging per revenue in million RMB (tons/million RMB).\t0.36"
    )


def _read(name: str) -> tuple[str, list[figure_tables.FigureTable]]:
    text = (FIXTURES / "tables" / f"{name}.txt").read_text(encoding="utf-8")
    return text, figure_tables.figure_tables(text)


def _rows(table: figure_tables.FigureTable) -> list[tuple]:
    """Each row: label, unit column, markers, total row, breakdown, partial, cells (column, figure, disclosed)."""
    return [
        (
            r.label,
            r.unit,
            r.markers,
            r.parent,
            r.breakdown,
            r.partial,
            [(c.column.period or c.column.kind, c.figure.text, c.disclosed) for c in r.cells],
        )
        for r in table.rows
    ]


def test_unit_column_change_column_not_disclosed_and_footnotes() -> None:
    text, (table,) = _read("unit-column")
    assert [(c.kind, c.period, c.year) for c in table.columns] == [
        ("unit", None, None),
        ("year", "2021", 2021),
        ("year", "2020", 2020),
        ("change", None, None),
    ]
    assert _rows(table) == [
        (
            "Total GHG emissions",
            "tonnes",
            ("*",),
            None,
            None,
            False,
            [("2021", "1,250.5", True), ("2020", "1,300.0", True), ("change", "-3.8%", True)],
        ),
        (
            "Hazardous waste",
            "tonnes",
            (),
            None,
            None,
            False,
            [("2021", "N/A", False), ("2020", "2.5", True), ("change", "–", False)],
        ),
        (
            "Paper consumed",
            "kg",
            ("1",),
            None,
            None,
            False,
            [("2021", "0", True), ("2020", "120", True), ("change", "n/a", False)],
        ),
        (
            "Pallets reused",
            "pallets",
            (),
            None,
            None,
            False,
            [("2021", "5,000", True), ("2020", "4,800", True), ("change", "4.2%", True)],
        ),
    ]
    assert {k: n.text.text for k, n in table.notes.items()} == {
        "*": "* Data covers offices in Hong Kong only.",
        "1": "¹ The 2021 paper figure excludes the warehouse.",
    }
    assert all(text[n.text.start : n.text.end] == n.text.text for n in table.notes.values())
    assert all(text[c.figure.start : c.figure.end] == c.figure.text for r in table.rows for c in r.cells)
    assert table.unread == []
    # The delivery schedule is tab-separated but holds no figure: a table-like block nobody reads.
    assert figure_tables.table_like_blocks(text) == [(5, 9), (16, 19)]


def test_scaled_header_and_fiscal_year_columns_aligned_with_spaces() -> None:
    _, (money, materials) = _read("scaled-headers")
    assert [(c.kind, c.period, c.year, c.fiscal) for c in money.columns] == [
        ("year", "FY2021", 2021, True),
        ("year", "FY2020", 2020, True),
        ("year", "FY2019", 2019, True),
    ]
    assert (money.unit, materials.unit) == ("HK$'000", None)
    assert _rows(money) == [
        (
            "Community investment",
            None,
            (),
            None,
            None,
            False,
            [("FY2021", "1,234", True), ("FY2020", "1,100", True), ("FY2019", "980", True)],
        ),
        (
            "Staff costs",
            None,
            (),
            None,
            None,
            False,
            [("FY2021", "52,000.5", True), ("FY2020", "50,100", True), ("FY2019", "–", False)],
        ),
    ]
    assert [(r.label, [c.figure.text for c in r.cells]) for r in materials.rows] == [
        ("Steel used ('000 tonnes)", ["12.5", "11.0", "Nil"]),
        ("Revenue (RMB million)", ["3,200.5", "2,900", "2,750"]),
        ("Number of suppliers", ["85", "80", "78"]),
    ]


def test_breakdowns_continued_label_and_continued_row() -> None:
    text, (table,) = _read("breakdowns")
    assert _rows(table) == [
        ("Total number of employees", None, (), None, None, False, [("2021", "1,200", True), ("2020", "1,100", True)]),
        ("Male", None, (), 0, "By gender", False, [("2021", "700", True), ("2020", "650", True)]),
        ("Female", None, (), 0, "By gender", False, [("2021", "500", True), ("2020", "450", True)]),
        ("Under 30", None, (), 0, "By age group", False, [("2021", "400", True), ("2020", "380", True)]),
        ("30 to 50", None, (), 0, "By age group", False, [("2021", "600", True), ("2020", "520", True)]),
        ("Over 50", None, (), 0, "By age group", False, [("2021", "200", True), ("2020", "200", True)]),
        (
            "Number of employees who left during the year",
            None,
            (),
            None,
            None,
            False,
            [("2021", "120", True), ("2020", "95", True)],
        ),
        ("Number of work-related injuries", None, (), None, None, False, [("2021", "3", True), ("2020", "4", True)]),
    ]
    left, injuries = table.rows[6:]
    assert text[left.start : left.end] == "Number of employees who left\nduring the year\t120\t95"
    assert text[injuries.start : injuries.end] == "Number of work-related injuries\t3\n\t4"


def test_table_goes_on_after_a_running_head_and_repeated_header() -> None:
    _, (table,) = _read("page-break")
    assert _rows(table) == [
        (
            "Total energy consumption (MWh)",
            None,
            (),
            None,
            None,
            False,
            [("2021", "10,500", True), ("2020", "9,800", True)],
        ),
        ("Electricity (MWh)", None, (), 0, None, False, [("2021", "8,000", True), ("2020", "7,500", True)]),
        ("Natural gas (MWh)", None, (), 0, None, False, [("2021", "2,500", True), ("2020", "2,300", True)]),
        (
            "Water withdrawn (tonnes)",
            None,
            ("1",),
            None,
            None,
            False,
            [("2021", "50,000", True), ("2020", "48,000", True)],
        ),
        ("recycled (tonnes)", None, (), 3, None, True, [("2021", "5,000", True), ("2020", "not available", False)]),
    ]
    assert {k: n.text.text for k, n in table.notes.items()} == {
        "1": "Note 1: Water figures cover the two factories only."
    }


def test_table_goes_on_after_a_form_feed() -> None:
    _, (table,) = _read("form-feed")
    assert [(r.label, [c.figure.text for c in r.cells]) for r in table.rows] == [
        ("Total energy consumption (MWh)", ["10,500", "9,800"]),
        ("Electricity (MWh)", ["8,000", "7,500"]),
    ]


def test_a_cell_that_is_no_figure_is_unread_with_its_reason() -> None:
    text = "Item\t2021\t2020\nWaste (tonnes)\t12 est.\t10\nOffices (number)\t3\t4\t5\n"
    (table,) = figure_tables.figure_tables(text)
    assert [(u.text, u.reason) for u in table.unread] == [
        ("12 est.", "cell text is not a figure"),
        ("5", "cell beyond the table's columns"),
    ]
    assert table.cells == 5


def test_a_year_row_of_prose_is_no_header() -> None:
    text = "Targets for 2025\nWe plan to cut waste.\n"
    assert figure_tables.figure_tables(text) == []


def test_marker_keys() -> None:
    assert [figure_tables.marker_key(m) for m in ("*", "¹²", "(3)", "[4]", "Note 5", "Note 6:", "7.")] == [
        "*",
        "12",
        "3",
        "4",
        "5",
        "6",
        "7",
    ]


def _unit(surface: str) -> tuple[str, Decimal]:
    unit = table_cells.resolve_unit(surface, load_units().lexicon)
    return unit.key, unit.scale


def test_units_and_scales_of_rows_and_headers() -> None:
    assert [_unit(s) for s in ("tonnes", "tons/million RMB", "HK$'000", "RMB million", "'000 tonnes", "number")] == [
        ("TONNE", Decimal(1)),
        ("TONNE-PER-MegaCNY", Decimal(1)),
        ("HKD", Decimal(1000)),
        ("CNY", Decimal(10) ** 6),
        ("TONNE", Decimal(1000)),
        ("NUM", Decimal(1)),
    ]
    with pytest.raises(table_cells.UnknownUnit, match="unknown unit 'pallets'"):
        _unit("pallets")


def test_counted_things_per_another_are_a_number_and_a_unit_per_one_an_intensity() -> None:
    assert [_unit(s) for s in ("patients per nurse", "tonnes per employee", "kWh per pupil")] == [
        ("NUM", Decimal(1)),
        ("TONNE-PER-EMPLOYEE", Decimal(1)),
        ("KiloW-HR-PER-PERSON", Decimal(1)),
    ]


def test_a_share_of_what_it_names_and_a_score_on_its_range_are_a_percentage_and_a_number() -> None:
    assert [_unit(s) for s in ("% of revenue", "% of total staff", "score 0-10", "points (0-100)", "score 1 to 7")] == [
        ("PERCENT", Decimal(1)),
        ("PERCENT", Decimal(1)),
        ("NUM", Decimal(1)),
        ("NUM", Decimal(1)),
        ("NUM", Decimal(1)),
    ]
    with pytest.raises(table_cells.UnknownUnit):
        _unit("% of")


def test_scale_is_applied_exactly() -> None:
    _, (money, _) = _read("scaled-headers")
    cell = money.rows[1].cells[0]  # 52,000.5 in HK$'000
    assert table_cells.figure_value(cell, Decimal(1000)) == (Decimal("52000500.0"), Decimal("50.0"))
    _, (table,) = _read("unit-column")
    change = table.rows[0].cells[2]  # -3.8%
    assert table_cells.figure_value(change, Decimal(1)) == (Decimal("-3.8"), Decimal("0.05"))


def test_a_change_printed_with_an_en_dash_for_minus_is_a_negative_figure() -> None:
    text = "Item\tUnit\t2023\t2022\tChange\nPaper used\ttonnes\t12.5\t13.0\t–3.8%\nTrees\tnumber\t40\t–\t–\n"
    (table,) = figure_tables.figure_tables(text)
    assert [[(c.figure.text, c.disclosed) for c in row.cells] for row in table.rows] == [
        [("12.5", True), ("13.0", True), ("–3.8%", True)],
        [("40", True), ("–", False), ("–", False)],
    ]
    assert table_cells.figure_value(table.rows[0].cells[2], Decimal(1)) == (Decimal("-3.8"), Decimal("0.05"))


def test_column_periods() -> None:
    year = figure_tables.Column("year", None, period="2021", year=2021)
    fiscal = figure_tables.Column("year", None, period="2019/20", year=2020, fiscal=True)
    assert table_cells.column_period(year, 2021, None) == Period("2021")
    assert table_cells.column_period(fiscal, 2020, "03-31") == Period("2019-04-01", "2020-03-31")
    assert table_cells.column_period(fiscal, 2020, "12-31") == Period("2020")
    with pytest.raises(ValueError, match=r"fiscal year .2019/20.: report\.yaml gives no fiscal_year_end"):
        table_cells.column_period(fiscal, 2020, None)
    assert table_cells.column_period(figure_tables.Column("figure", None), 2019, None) == Period("2019")
    # A column naming no year is of the report's own period: a fiscal year when it ends in March.
    assert table_cells.column_period(figure_tables.Column("measure", None), 2024, "03-31") == Period(
        "2023-04-01", "2024-03-31"
    )
    assert table_cells.column_period(figure_tables.Column("measure", None), 2024, "12-31") == Period("2024")


def test_a_measure_column_closing_on_a_year_is_of_that_year_under_a_ruled_header() -> None:
    text = (
        "Grade | Staff trained (%) | Hours per head | Hours per head FY2022/23\n"
        "------------------------------------------\n"
        "Clerks | 80.0 | 12.5 | 11.0\nDrivers | 75.5 | 9.0 | 8.5\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(c.kind, c.header.text if c.header else None, c.period, c.year, c.fiscal) for c in table.columns] == [
        ("measure", "Staff trained (%)", None, None, False),
        ("measure", "Hours per head", None, None, False),
        ("measure", "Hours per head", "FY2022/23", 2023, True),
    ]
    assert [(row.label, [c.figure.text for c in row.cells]) for row in table.rows] == [
        ("Clerks", ["80.0", "12.5", "11.0"]),
        ("Drivers", ["75.5", "9.0", "8.5"]),
    ]
    every_year = "Grade\tAverage hours 2023\tAverage hours 2022\nClerks\t12.5\t11.0\nDrivers\t9.0\t8.5\n"
    assert figure_tables.figure_tables(every_year) == []


def test_fiscal_year_headers() -> None:
    columns = figure_tables._header(figure_tables._split_line("Item\t2019/20\tFY2020/21\t2021\tYoY %", 0, 35))
    assert columns is not None
    assert [(c.kind, c.period, c.year, c.fiscal, c.unit) for c in columns] == [
        ("year", "2019/20", 2020, True, None),
        ("year", "FY2020/21", 2021, True, None),
        ("year", "2021", 2021, False, None),
        ("change", None, None, False, "%"),
    ]
    # 2019/21 spans two years: no fiscal year, so no header.
    assert figure_tables._header(figure_tables._split_line("Item\t2019/21\t2020", 0, 17)) is None


@pytest.mark.parametrize(
    ("label", "counts"),
    [
        ("Number of sites", True),
        ("Total employees", True),
        ("Permanent staff", False),  # "staff" names a group in rows of other measures too
        ("Recordable injuries", True),
        ("Days lost to injury", True),
        ("Lost days due to work injury", True),
        ("Substantiated complaints", True),
        ("Electricity", False),
        ("Employee turnover rate", False),
        ("Average training hours per employee", False),
    ],
)
def test_a_label_naming_people_or_events_counts(label: str, counts: bool) -> None:
    assert table_cells.counted(label) is counts


def test_a_caption_ends_a_table_even_when_the_next_header_reads_the_same() -> None:
    text = (
        "Table 4 Workforce\n"
        "Indicator\t2023\t2022\n"
        "Total staff\t510\t498\n"
        "By employment type\n"
        "Full-time\t480\t470\n"
        "Part-time\t30\t28\n"
        "Table 5 Staff turnover rate\n"
        "Indicator\t2023\t2022\n"
        "Overall turnover rate\t11.0%\t12.5%\n"
        "Women\t9.5%\t10.1%\n"
        "Men\t12.2%\t14.0%\n"
    )
    first, second = figure_tables.figure_tables(text)
    assert (first.caption, second.caption) == ("Workforce", "Staff turnover rate")
    assert [(r.label, r.parent) for r in first.rows] == [("Total staff", None), ("Full-time", 0), ("Part-time", 0)]
    assert [(r.label, r.parent) for r in second.rows] == [("Overall turnover rate", None), ("Women", 0), ("Men", 0)]


def test_a_bare_gender_or_age_row_is_a_part_of_the_total_above() -> None:
    text = (
        "Indicator\tUnit\t2023\n"
        "Headcount\tpersons\t1,200\n"
        "Female\tpersons\t700\n"
        "Aged under 30\tpersons\t310\n"
        "Women on the board\t%\t40\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(r.label, r.parent) for r in table.rows] == [
        ("Headcount", None),
        ("Female", 0),
        ("Aged under 30", 0),
        ("Women on the board", None),
    ]


def test_an_employee_category_row_or_one_with_its_unit_is_a_part_of_the_total_above() -> None:
    text = (
        "Indicator\t2024\t2023\n"
        "Average hours of training (hours)\t20.5\t18.0\n"
        "Women (hours)\t21.0\t18.4\n"
        "Senior managers (hours)\t30.1\t28.2\n"
        "Front-line workers\t17.9\t15.5\n"
        "Junior management\t19.0\t16.1\n"
        "Senior citizens served\t410\t388\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(r.label, r.parent) for r in table.rows] == [
        ("Average hours of training (hours)", None),
        ("Women (hours)", 0),
        ("Senior managers (hours)", 0),
        ("Front-line workers", 0),
        ("Junior management", 0),
        ("Senior citizens served", None),
    ]


@pytest.mark.parametrize(
    ("label", "count"),
    [
        ("Total workers", True),
        ("Permanent employees", True),
        ("Recordable injuries", True),
        ("Lost days due to occupational illness", True),
        ("Substantiated complaints (cases)", True),
        ("New hires by age group", True),
        ("Frontline staff", False),  # a group, in rows of other measures too
        ("Local people", False),
        ("Diesel", False),
        ("Days of site closure", True),  # the head noun comes before its qualifiers
        ("Member accounts (as at 30 June)", True),
        ("Retail branches", True),
        ("Training hours of new workers", False),
        ("Employee turnover rate", False),
    ],
)
def test_a_row_label_that_counts(label: str, count: bool) -> None:
    assert table_cells.counted(label) is count


def test_a_running_footer_before_a_page_break_is_no_row_and_the_table_goes_on() -> None:
    text = (
        "Indicator\tUnit\t2024\t2023\n"
        "Fuels\n"
        "Diesel\tGJ\t410\t433\n"
        "Coastway ESG Report 2024   07\n"
        "\fCOASTWAY LTD\n"
        "Petrol\tGJ\t52\t58\n"
        "Total fuels\tGJ\t462\t491\n"
        "Coastway ESG Report 2024   08\n"
        "\fCOASTWAY LTD\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [(r.label, r.section) for r in table.rows] == [
        ("Diesel", "Fuels"),
        ("Petrol", "Fuels"),
        ("Total fuels", "Fuels"),
    ]


def test_a_note_marked_on_a_heading_inside_a_table_is_of_the_rows_under_it() -> None:
    text = "Indicator\tUnit\t2024\nAir emissions*\nNitrogen oxides\tkg\t310\nSulphur oxides\tkg\t42\n"
    (table,) = figure_tables.figure_tables(text)
    assert [(r.label, r.section, r.markers) for r in table.rows] == [
        ("Nitrogen oxides", "Air emissions", ("*",)),
        ("Sulphur oxides", "Air emissions", ("*",)),
    ]


def test_stakeholder_and_award_tables_printed_with_bars_are_read_as_tab_tables() -> None:
    text = (
        "| Stakeholder group | Expectations | Channels |\n"
        "| Regulators | Compliance | Site inspections |\n"
        "| | Disclosure | Filings |\n"
        "| Employees | Safety | Surveys |\n"
        "Our awards:\n"
        "| Winner | Award | Organiser |\n"
        "| Acme | Green Award | Eco Body |\n"
        "| | Design Prize | Design Body |\n"
    )
    stakeholders = tables.stakeholder_rows(text)
    assert [(r.group.text, [c.text for c in r.expectations], [c.text for c in r.channels]) for r in stakeholders] == [
        ("Regulators", ["Compliance", "Disclosure"], ["Site inspections", "Filings"]),
        ("Employees", ["Safety"], ["Surveys"]),
    ]
    awards = tables.award_rows(text)
    assert [(r.winner, r.award.text, r.organiser.text) for r in awards] == [
        ("Acme", "Green Award", "Eco Body"),
        ("Acme", "Design Prize", "Design Body"),
    ]
    assert all(text[r.award.start : r.award.end] == r.award.text for r in awards)


def test_a_two_column_award_table_names_no_winner() -> None:
    text = (
        "Awards\n"
        "Award\tOrganiser\n"
        "Green Office Label – Gold\tClean Air Council\n"
        "Caring Employer Award 2022\tCity Social Services Board\n"
        "\n"
        "We thank our staff.\n"
    )
    rows = tables.award_rows(text)
    assert [(r.winner, r.award.text, r.organiser.text) for r in rows] == [
        ("", "Green Office Label – Gold", "Clean Air Council"),
        ("", "Caring Employer Award 2022", "City Social Services Board"),
    ]
    assert all(text[r.award.start : r.award.end] == r.award.text for r in rows)
