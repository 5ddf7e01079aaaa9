"""Rules found on a report whose layout the table and prose readers had not met (issue 14,
session 8): a table's caption printed a blank line above its header, footnotes whose marker a
run of spaces keeps from their text, rows counting a flow in a table dated "as at" a day, and
intensities per TEU. Every row and sentence here is invented."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.drafting.entities import entity_mentions
from kg.drafting.figures import FigureReader
from kg.drafting.places import ascii_folded
from kg.drafting.sentences import Segmenter, Unit
from kg.ingest import figure_tables, table_cells, table_links
from kg.ingest.loader import load_report
from kg.ingest.prose import is_table_row, prose_view
from kg.ingest.quantities import Recogniser
from kg.vocab.catalogue import match_metric
from kg.vocab.units import load_units
from tests.support.folders import report_folder

RECOGNISER = Recogniser(load_units().lexicon)

SPACED = """Table 3  Staff (as at 30 June)

Group                       Unit          2024        2023
Office staff                persons        310         295
Depot staff                 persons        120         131
Recruits in the year        persons         41          37
Staff turnover rate         %              8.2         9.9

*   Depot staff include 14 drivers on fixed-term contracts.
"""


def test_a_caption_a_blank_line_above_the_header_is_the_tables() -> None:
    (table,) = figure_tables.figure_tables(SPACED)
    assert (table.caption, table.caption_day) == ("Staff (as at 30 June)", "as at 30 June")
    assert [row.label for row in table.rows] == [
        "Office staff",
        "Depot staff",
        "Recruits in the year",
        "Staff turnover rate",
    ]


def test_a_caption_is_not_taken_across_a_line_of_text() -> None:
    text = (
        "Table 2  Water\nWe report water by site below.\n\n"
        "Site        Unit     2024     2023\nNorth       m3        410      388\nSouth       m3        122      140\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert table.caption is None


@pytest.mark.parametrize("marker", ["*", "**", "¹", "(2)"])
def test_a_footnote_spaced_from_its_marker_is_no_table_row(marker: str) -> None:
    text = f"Intro line.\n\n{marker}   Forklifts run on 12 cylinders of LPG a week.\n"
    assert figure_tables.figure_tables(text) == []


def test_a_spaced_footnote_still_annotates_the_table_above() -> None:
    (table,) = figure_tables.figure_tables(SPACED)
    assert table.notes["*"].text.text.startswith("*   Depot staff include 14 drivers")


@pytest.mark.parametrize(
    ("label", "flow"),
    [
        ("Recruits in the year", True),
        ("New hires", True),
        ("Employee turnover rate", True),
        ("Leavers during the period", True),
        ("Green bonds issued", True),
        ("Sustainability-linked loans disbursed", True),
        ("Green loans outstanding", False),
        ("Total employees", False),
        ("Female", False),
        ("Employees aged under 30", False),
    ],
)
def test_a_row_counting_a_flow(label: str, flow: bool) -> None:
    assert table_cells.is_flow(label) is flow


META = """\
id: tarnby-2024
company: tarnby
title: Tarnby Ltd ESG Report 2024
year: 2024
standard: hkex-esg-guide-2020
curator: {name: Test curator}
"""
SHEET = "entities:\n  - {id: tarnby, type: Organization, label: Tarnby Ltd}\n"


def test_flow_rows_of_a_table_as_at_a_day_are_of_the_year(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", SPACED, META, SHEET))
    periods = {(obs.surface, obs.period.key) for claim in report.claims.values() for obs in claim.observations}
    assert {("310", "2024-06-30"), ("131", "2023-06-30"), ("41", "2024"), ("9.9", "2023")} <= periods
    assert ("41", "2024-06-30") not in periods


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("GJ/TEU", "GigaJ-PER-UNIT"),
        ("kgCO2e per TEU", "KiloGM-PER-UNIT"),
        ("m3/'000 TEU", "M3-PER-KiloUNIT"),
        ("kWh per twenty-foot equivalent unit", "KiloW-HR-PER-UNIT"),
    ],
)
def test_an_intensity_per_teu_is_per_unit_of_throughput(surface: str, key: str) -> None:
    units = load_units()
    unit = table_cells.as_printed(table_cells.resolve_unit(surface, units.lexicon), units)
    assert (unit.key, unit.scale) == (key, Decimal(1))


# ---------------------------------------------------------------- entities


def _typed(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.type) for m in entity_mentions(text) if m.alias_of is None]


def test_groups_an_engagement_verb_lists_count_when_most_end_in_a_stakeholder_noun() -> None:
    text = "We engage ferry operators, tenants, residents and suppliers through quarterly forums."
    assert _typed(text) == [
        ("ferry operators", "StakeholderGroup"),
        ("tenants", "StakeholderGroup"),
        ("residents", "StakeholderGroup"),
        ("suppliers", "StakeholderGroup"),
    ]


def test_a_list_most_of_whose_items_name_no_stakeholders_is_no_list_of_groups() -> None:
    assert _typed("We engage pilots, mechanics, caterers and regulators through forums.") == []


@pytest.mark.parametrize(
    ("text", "law"),
    [
        (
            "We follow Ministerial Regulation No. 7 of 2018 on Coastal Zone Management in our ports.",
            "Ministerial Regulation No. 7 of 2018 on Coastal Zone Management",
        ),
        ("Depots follow Decree No. 12 of 2021 on the handling of used oil.", "Decree No. 12 of 2021"),
        ("We comply with the Law on Water Resources No. 28/2023/XY in that country.", "Law on Water Resources"),
        ("Staff are hired under the Land Code No. 31/2024/XY there.", "Land Code"),
        (
            "We follow the Road Traffic Ordinance (Cap. 374) and its Road Traffic (Heavy-duty Vehicle) (Noise) "
            "Regulation (Cap. 374Q).",
            "Road Traffic (Heavy-duty Vehicle) (Noise) Regulation",
        ),
    ],
)
def test_laws_cited_by_their_number(text: str, law: str) -> None:
    assert (law, "Law") in _typed(text)


def test_a_province_printed_without_its_diacritics_is_a_place() -> None:
    assert ascii_folded("Đồng Tháp") == "Dong Thap"
    assert ("Thanh Hoa", "Place") in _typed("We opened a depot in Thanh Hoa last year.")


def test_an_island_a_site_is_on_is_a_place() -> None:
    assert ("Hainan", "Place") in _typed("Volunteers planted 800 trees on Hainan in May.")


def test_a_terminal_and_the_island_it_is_on_are_two_places() -> None:
    found = _typed("Our Xinhe Container Terminal on Hainan, China, opened in 2021.")
    assert ("Xinhe Container Terminal", "Place") in found
    assert ("Hainan", "Place") in found


def test_a_name_opening_with_a_legal_form_is_a_company_and_under_the_companys_name_a_subsidiary() -> None:
    text = (
        'This is the report of Tarnby Holdings Limited ("Tarnby" or the "Company"). Our depots are run by '
        "PT Tarnby Kapuas Logistik, and we buy fuel from PT Sinar Kapuas Energi."
    )
    found = _typed(text)
    assert ("PT Tarnby Kapuas Logistik", "Subsidiary") in found
    assert ("PT Sinar Kapuas Energi", "Organization") in found


def test_a_wrapped_line_of_prose_ending_in_a_preposition_is_no_heading() -> None:
    text = "We run two sites;\nXinhe Bulk Terminal in Hanoi, Vietnam, operated by\nTarnby Limited."
    assert ("Xinhe Bulk Terminal", "Place") in _typed(text)


def test_a_list_to_manage_against_is_a_standard_not_an_award() -> None:
    text = "Our dye houses work against the Textile Exchange Restricted Chemicals List in every plant."
    assert ("Textile Exchange Restricted Chemicals List", "Standard") in _typed(text)


# ---------------------------------------------------------------- parts printed above their total

ABOVE = """Table 6  Staff and waste

Item                           Unit          2024        2023
Hanoi                          persons        310         295
Penang                         persons        120         131
Male                           persons        300         301
Female                         persons        130         125
Total employees                persons        430         426
Spent solvents                 tonnes         4.2         3.9
Used filters                   tonnes         1.1         1.6
Total hazardous waste          tonnes         5.3         5.5
"""


def test_group_labels_after_a_list_of_sibling_rows_are_no_parts_of_the_last_sibling() -> None:
    (table,) = figure_tables.figure_tables(ABOVE)
    assert [row.parent for row in table.rows[:5]] == [None] * 5


def test_a_group_label_under_a_total_row_stays_its_part() -> None:
    text = (
        "Item               Unit      2024     2023\n"
        "Total staff        persons    430      426\n"
        "Male               persons    300      301\n"
        "Female             persons    130      125\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [row.parent for row in table.rows] == [None, 0, 0]


def test_parts_above_a_total_are_named_after_it_and_a_second_breakdown_is_summed_apart(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", ABOVE, META, SHEET))
    specs = {m.label: m for m in report.metrics.values() if m.drafted}
    assert specs["Total employees: Hanoi"].component_of == specs["Total employees"].id
    assert specs["Total hazardous waste: Used filters"].component_of == specs["Total hazardous waste"].id
    male = next(m for m in specs.values() if m.label.endswith("Male"))
    assert (male.component_of, male.breakdown) == (specs["Total employees"].id, "By gender")
    assert specs["Total employees: Hanoi"].breakdown is None


FUELS = """Table 2  Fuel and energy

Fuel                           Unit          2024        2023
Diesel                         litres       1,200       1,350
Petrol                         litres         400         380
Energy from diesel             GJ            43.2        48.6
Energy from petrol             GJ            13.2        12.5
Purchased electricity          GJ           210.0       205.4
Total energy                   GJ           266.4       266.5
"""


def test_rows_in_another_unit_above_a_totals_parts_are_no_parts_of_it(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", FUELS, META, SHEET))
    total = next(m.id for m in report.metrics.values() if m.label == "Total energy")
    parts = sorted(m.label for m in report.metrics.values() if m.component_of == total)
    assert parts == ["Energy from diesel", "Energy from petrol", "Purchased electricity"]


SCOPES = """Scope                                    Unit        2024       2023
Fleet and boiler emissions (Scope 1)     tCO2e      1,204.6    1,310.2
Energy indirect emissions (Scope 2)      tCO2e      3,880.1    3,905.7
Total (Scope 1 and 2)                    tCO2e      5,084.7    5,215.9
"""


def test_the_scopes_a_scope_total_adds_up_keep_their_own_names(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", SCOPES, META, SHEET))
    total = next(m.id for m in report.metrics.values() if m.label == "Total (Scope 1 and 2)")
    parts = sorted(m.label for m in report.metrics.values() if m.component_of == total)
    assert parts == ["Energy indirect emissions (Scope 2)", "Fleet and boiler emissions (Scope 1)"]


# ---------------------------------------------------------------- prose


def test_a_bullet_whose_mark_a_run_of_spaces_keeps_from_its_text_is_a_bullet_not_a_table_row() -> None:
    text = "By 2028 we aim to:\n  -   cut diesel use by 20%;\n  -   plant 5,000 trees.\n"
    found = [(u.kind, u.text, u.lead) for u in Segmenter(RECOGNISER).units(text)]
    assert ("bullet", "cut diesel use by 20%;", "By 2028 we aim to:") in found
    assert ("bullet", "plant 5,000 trees.", "By 2028 we aim to:") in found


def test_a_dashed_table_row_stays_a_table_row() -> None:
    assert is_table_row("-   Depot staff      120     131")
    assert not is_table_row("-   cut diesel use by 20%;")


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        ("At 30 June 2024 we had 310 staff (2023: 295).", ["2024-06-30", "2023-06-30"]),
        ("We had 310 staff at 30 June 2024.", ["2024-06-30"]),
    ],
)
def test_figures_at_a_day_are_of_that_day(sentence: str, periods: list[str]) -> None:
    unit = Unit(0, len(sentence), sentence, "sentence")
    reading = FigureReader(2024, tuple(load_units().lexicon.prefixes)).read(unit, list(RECOGNISER.mentions(sentence)))
    assert [f.period for f in reading.figures] == periods


# A text wrapped at a ragged margin of about 70 characters: a fifth of its lines run a little past
# the length four in five of them stay within.
RAGGED = """The mill recycles most of the process water it draws from the river each year,
and the treated effluent meets the discharge standard of the local authority.
We surveyed 310 stakeholders, including buyers, employees, suppliers, local
communities and lenders, on 14 topics. Each answer was weighed by group.
Dyeing uses the most water and energy of all our steps, so the dye house has
its own meters, read every hour by the shift team and checked each week.
The boilers burn natural gas, and a heat exchanger warms the incoming water
with the waste heat of the dye baths before it reaches the boilers again.
Sludge from the treatment plant is dried on site and sent to a licensed firm.
Our two sites report the same figures, on the same forms, every month.
"""


def test_a_text_wrapped_at_a_ragged_margin_is_read_as_wrapped_prose() -> None:
    view = prose_view(RAGGED).text
    assert "suppliers, local communities and lenders" in view
    assert ("local communities", "StakeholderGroup") in _typed(view)


def test_issues_a_board_confirmed_as_most_material_listed_over_lines() -> None:
    text = "The Board confirmed 4 issues as most material: water use, chemical safety,\nfair wages and product quality."
    assert [label for label, type_ in _typed(text) if type_ == "MaterialIssue"] == [
        "water use",
        "chemical safety",
        "fair wages",
        "product quality",
    ]


def test_groups_after_a_second_engagement_phrase_of_a_sentence() -> None:
    text = "A consultant surveyed 900 stakeholders and held 6 focus groups with riders, tenants, staff and regulators."
    groups = [label for label, type_ in _typed(text) if type_ == "StakeholderGroup"]
    assert groups == ["riders", "tenants", "staff", "regulators"]


def test_a_law_and_another_countrys_code_are_two_laws() -> None:
    text = "We comply with the Labour Law of the People's Republic of China and Vietnam's Labour Code."
    found = _typed(text)
    assert ("Labour Law of the People's Republic of China", "Law") in found
    assert ("Labour Code", "Law") in found


def _read(sentence: str) -> list[tuple[str, str | None]]:
    unit = Unit(0, len(sentence), sentence, "sentence")
    reading = FigureReader(2024, tuple(load_units().lexicon.prefixes)).read(unit, list(RECOGNISER.mentions(sentence)))
    return [(f.mention.surface, f.period) for f in reading.figures]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("We added 12 EVs to the pool fleet this year.", "12"),
        ("The depot now charges 30 CNG-fuelled buses overnight.", "30"),
    ],
)
def test_a_count_of_things_an_acronym_names_is_a_figure(sentence: str, count: str) -> None:
    assert [surface for surface, _ in _read(sentence)] == [count]


def test_a_level_printed_after_its_base_year_is_of_that_year() -> None:
    sentence = "Intensity is now 12% below the 2018 baseline of 5.6 kg per unit."
    assert ("5.6 kg per unit", "2018") in _read(sentence)


def test_a_pronoun_after_a_name_opens_a_clause_not_a_longer_name() -> None:
    found = _typed("With the Lantau Relief Society we ran flood relief in the north.")
    assert found == [("Lantau Relief Society", "Organization")]


def test_a_state_companys_legal_form_after_its_name_is_part_of_it() -> None:
    found = _typed("We buy power from Lantau Power Limited and PT Sinar Listrik (Persero). Panels cover the rest.")
    assert ("PT Sinar Listrik (Persero)", "Organization") in found


# ---------------------------------------------------------------- three-year space tables (issue 14, kwunfat-dev)

NARROW = """Table 4  Site safety
                                               FY2024     FY2023     FY2022
Lost-time injuries (number)                         3          0          7
Lost-time injury rate (%)                           0      0.012          0
Days lost to injury (days)                         41          0        215
"""


def test_a_year_header_over_narrow_right_aligned_figures_heads_the_first_column() -> None:
    (table,) = figure_tables.figure_tables(NARROW)
    assert [c.period for c in table.columns] == ["FY2024", "FY2023", "FY2022"]
    assert [(r.label, [c.figure.text for c in r.cells]) for r in table.rows][1] == (
        "Lost-time injury rate (%)",
        ["0", "0.012", "0"],
    )


def test_a_long_label_reaching_into_the_first_column_stays_the_label() -> None:
    text = (
        "Item                                    2024     2023\n"
        "Water drawn from rivers and lakes (m3)  1,204.5  1,180.2\n"
        "Rain water (m3)                            12.0     10.4\n"
    )
    (table,) = figure_tables.figure_tables(text)
    assert [r.label for r in table.rows] == ["Water drawn from rivers and lakes (m3)", "Rain water (m3)"]


FOOTNOTED = """Table 2  Emissions
                                               FY2024     FY2023     FY2022
Direct emissions (tCO2e)(a)                   2,410.5    2,388.0    2,502.7
  Boilers (LPG)                               1,906.2    1,850.3    1,990.1
  Forklifts                                     504.3      537.7      512.6
Indirect emissions (tCO2e)(b)                 7,812.0    7,904.4    8,010.9
Emissions per tonne of yarn (tCO2e/tonne of yarn)  0.84   0.86    0.91
(a) Direct emissions cover fuel burnt on site.
(b) Indirect emissions are location-based.
"""


def test_a_lettered_marker_after_the_units_parentheses_is_a_notes_marker() -> None:
    (table,) = figure_tables.figure_tables(FOOTNOTED)
    first = table.rows[0]
    assert (first.label, first.markers) == ("Direct emissions (tCO2e)", ("a",))
    assert set(table.notes) == {"a", "b"}
    assert figure_tables.split_label("Employee(s) trained")[1] is None


FISCAL = META + "fiscal_year_end: 03-31\n"


def test_parts_take_their_totals_unit_and_a_ratio_per_tonne_of_a_material(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", FOOTNOTED, FISCAL, SHEET))
    units = {(obs.surface, obs.unit) for claim in report.claims.values() for obs in claim.observations}
    assert {("2,410.5", "TONNE"), ("1,906.2", "TONNE"), ("504.3", "TONNE"), ("0.84", "TONNE-PER-TONNE")} <= units
    notes = {obs.surface: obs.notes for claim in report.claims.values() for obs in claim.observations}
    assert [n.marker for n in notes["7,812.0"]] == ["b"]


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("kg/tonne of yarn", "KiloGM-PER-TONNE"),
        ("MWh per tonne of finished fabric", "MegaW-HR-PER-TONNE"),
        ("pieces", "NUM"),
        ("items", "NUM"),
    ],
)
def test_units_of_a_material_ratio_and_of_counted_pieces(surface: str, key: str) -> None:
    units = load_units()
    unit = table_cells.as_printed(table_cells.resolve_unit(surface, units.lexicon), units)
    assert unit.key == key


HEADED = """Table 6  Energy and staff
Energy (MWh)                                   FY2024     FY2023     FY2022
Purchased electricity                         4,210.0    4,388.1    4,502.6
Energy per tonne of yarn (MWh/tonne of yarn)     2.10       2.25       2.31
Energy per unit (MWh/widget-hour)                0.40       0.42       0.44
"""


def test_a_rows_own_ratio_unit_beats_the_headers_and_an_unread_one_is_no_header_unit(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", HEADED, FISCAL, SHEET))
    units = {obs.surface: obs.unit for claim in report.claims.values() for obs in claim.observations}
    assert (units["4,210.0"], units["2.10"]) == ("MegaW-HR", "MegaW-HR-PER-TONNE")
    assert "0.40" not in units


STAFF = """Table 8  Staff by site (as at 30 June)
Number of employees                              2024       2023
Total employees                                 1,310      1,295
By site
  Riverside plant (north bank)                    810        799
  Harbour office                                  500        496
"""


def test_a_parts_parentheses_that_name_no_unit_qualify_it_under_a_counted_total(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", STAFF, META, SHEET))
    units = {obs.surface: obs.unit for claim in report.claims.values() for obs in claim.observations}
    assert units["810"] == "NUM"


MEASURED = """Table 3  Site inputs
Water (megalitres)                             FY2024     FY2023     FY2022
River intake                                    410.2      398.6      377.0
Borehole                                         35.1       40.8       44.2

Table 4  Vendors by country
Number of suppliers                              FY2024     FY2023     FY2022
Thailand                                            12         14         11
Malaysia                                            30         28         26

Table 5  Vendors by country
Region                                           FY2024     FY2023     FY2022
Thailand                                            12         14         11
"""


def test_the_headers_first_cell_names_the_measure_when_it_prints_a_unit_or_counts() -> None:
    stubs = [t.stub for t in figure_tables.figure_tables(MEASURED)]
    assert stubs == ["Water", "Number of suppliers", None]  # "Region" names the labels' kind


def test_rows_under_a_measuring_header_are_named_in_it(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", MEASURED, FISCAL, SHEET))
    labels = {obs.surface: report.metrics[obs.metric].label for c in report.claims.values() for obs in c.observations}
    assert labels["35.1"] == "Water: Borehole"
    units = {obs.surface: obs.unit for c in report.claims.values() for obs in c.observations}
    assert units["30"] == "NUM"  # the header's first cell says the rows count
    assert match_metric(labels["30"], "NUM").notation == "suppliers-in-region"


def test_a_bare_intensity_row_is_of_the_tables_caption(tmp_path: Path) -> None:
    text = (
        "Table 2  Greenhouse gas emissions\n"
        "                                           FY2024     FY2023\n"
        "Total emissions (tCO2e)                   5,120.4    5,344.9\n"
        "Intensity (tCO2e/tonne of yarn)              0.81       0.86\n"
    )
    report = load_report(report_folder(tmp_path / "tarnby", text, FISCAL, SHEET))
    labels = {obs.surface: report.metrics[obs.metric].label for c in report.claims.values() for obs in c.observations}
    assert labels["0.81"] == "Greenhouse gas emissions: Intensity"


def test_an_index_of_pages_runs_on_across_its_headings() -> None:
    text = (
        "Disclosure                                            Page\n"
        "General disclosures\n"
        "Board statement                                          3\n"
        "A. Environmental\n"
        "A1.2 Greenhouse gas emissions                            5\n"
        "B2.2 Lost days due to work injury                       10\n"
    )
    assert figure_tables.figure_tables(text) == []


def test_a_level_in_a_when_clause_after_its_base_year_is_of_that_year() -> None:
    sentence = (
        "In 2022 we set targets against a 2019 baseline, when our intensity was 5.6 kg per unit and 3.1 GJ per unit."
    )
    found = _read(sentence)
    assert ("5.6 kg per unit", "2019") in found and ("3.1 GJ per unit", "2019") in found


def test_a_level_in_a_when_clause_after_a_fiscal_base_year_is_of_that_fiscal_year() -> None:
    found = _read("In FY2022 we set targets against an FY2019 baseline, when our intensity was 5.6 kg per unit.")
    assert ("5.6 kg per unit", "2019") in found  # FY2019: the reader here knows no fiscal year end


def _read_fiscal(sentence: str) -> list[tuple[str, str | None]]:
    """The figures of a sentence of a report whose fiscal year 2024 ends on 31 March 2024."""
    unit = Unit(0, len(sentence), sentence, "sentence")
    reader = FigureReader(2024, tuple(load_units().lexicon.prefixes), "03-31")
    return [(f.mention.surface, f.period) for f in reader.read(unit, list(RECOGNISER.mentions(sentence))).figures]


def test_a_level_in_a_when_clause_after_a_split_fiscal_base_year_is_of_that_year() -> None:
    found = _read_fiscal("In FY2022 we set targets against a FY2018/19 baseline, when it was 5.6 kg per unit.")
    assert found == [("5.6 kg per unit", "2018-04-01/2019-03-31")]


def test_a_level_at_year_end_is_of_the_last_day_of_the_year_and_a_year_earlier_of_the_one_before() -> None:
    found = _read_fiscal("At year end, 71.5% of our members paid online, compared with 60.2% a year earlier.")
    assert found == [("71.5%", "2024-03-31"), ("60.2%", "2023-03-31")]


def test_a_level_reached_by_a_day_that_has_come_is_of_that_day_and_one_by_a_day_to_come_a_target() -> None:
    assert _read_fiscal("By 31 March 2024, 14 of our 20 depots had been fitted with solar panels.") == [
        ("14", "2024-03-31"),
        ("20", "2024-03-31"),
    ]
    assert _read("We aim to cut our water use by 20% by 31 December 2030.") == [("20%", "2030-12-31")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # A count of what the company has, with no day printed, is of the report's period: the
        # text does not say on which day it was counted.
        ("On behalf of the Board, I thank our 1,204 colleagues.", [("1,204", None)]),
        ("We employ 3,410 people in four countries.", [("3,410", None)]),
        ("Acme Retail, which operates 42 Hong Kong stores, joined in May.", [("42", None)]),
        # An event, and a count with a period of its own, keep their periods.
        ("In 2024, 2 of our depots were closed for a day.", [("2", None)]),
        ("In 2023 our 500 employees planted trees.", [("500", "2023")]),
        ("As at 31 December 2024 we employed 3,410 people.", [("3,410", "2024-12-31")]),
    ],
)
def test_a_count_of_what_the_company_has_is_of_the_day_the_text_names_or_of_the_period(
    sentence: str, found: list[tuple[str, str | None]]
) -> None:
    assert _read(sentence) == found


def test_a_with_clause_after_a_parenthesis_of_the_year_before_goes_on_from_the_figure_before_it() -> None:
    found = _read("We recorded 3 work injuries (2023: 5), with 41 days lost (2023: 62), mostly falls.")
    assert found == [("3", None), ("5", "2023"), ("41 days", None), ("62", "2023")]


def test_a_period_after_a_figure_restated_in_parentheses_is_of_both() -> None:
    sentence = "We used 280.1 tonnes of paper (112,040 reams), 9.8% less than the 310.5 tonnes (124,200 reams) of 2023."
    assert _read(sentence)[3:] == [("310.5 tonnes", "2023"), ("124,200", "2023")]


def test_the_number_of_a_regulators_notice_or_circular_is_no_figure() -> None:
    assert _read("For our Jersey office we follow the regulator's Notice 318 and Circular 12.") == []


def test_a_floor_area_with_no_day_printed_is_of_its_year() -> None:
    assert _read("Our offices have a total floor area of 12,500 m² (2023: 12,100 m²).") == [
        ("12,500 m²", None),
        ("12,100 m²", "2023"),
    ]
    assert _read("We cleaned 5,000 m² of beaches.") == [("5,000 m²", None)]
    assert _read("Our malls had a gross floor area of 92,000 m² in both years.") == [("92,000 m²", None)]


def test_a_level_up_from_another_after_a_day_is_of_that_day_a_year_before() -> None:
    sentence = "As at 31 December 2024, women held 41.7% of board seats, up from 33.3% a year earlier."
    assert _read(sentence) == [("41.7%", "2024-12-31"), ("33.3%", "2023-12-31")]
    assert _read("As at 31 December 2024, women held 41.7% of seats, up from 33.3%.")[1] == ("33.3%", "2023-12-31")


def test_a_clause_with_its_own_subject_after_a_level_reached_by_a_day_tells_what_was_done_in_the_year() -> None:
    sentence = "By the end of 2024, 12 of our 20 depots had solar panels, and we replaced the boilers at 3 depots."
    assert _read(sentence) == [("12", "2024-12-31"), ("20", "2024-12-31"), ("3", None)]


LINKED = """Table 1  Output
                                               FY2024     FY2023
Yarn produced (tonnes)                         12,400     11,950
Yarn waste sold to recyclers (tonnes)             310        295

Table 2  Energy
Energy (MWh)                                   FY2024     FY2023
Energy recovered from exhaust air               1,120      1,005
Purchased electricity                          30,400     29,870
Total energy consumption                       31,520     30,875
Energy intensity (MWh/tonne of yarn)             2.54       2.58
"""


def test_an_intensity_divides_the_total_in_the_headers_unit_by_the_row_naming_what_it_is_per(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", LINKED, FISCAL, SHEET))
    specs = {m.label: m for m in report.metrics.values()}
    intensity = specs["Energy intensity"]
    assert intensity.intensity_of == specs["Total energy consumption"].id
    assert intensity.denominator == specs["Yarn produced"].id


def test_an_intensity_divides_the_row_with_parts_not_another_row_opening_with_its_quantity() -> None:
    text = (
        "Item                                  Unit       2024       2023\n"
        "Water withdrawal                      m3      120,400    118,200\n"
        "  Mains water                         m3       80,100     79,000\n"
        "  River water                         m3       40,300     39,200\n"
        "Water reused                          m3       15,200     14,100\n"
        "Water intensity                       m3/t       3.1        3.2\n"
    )
    (table,) = figure_tables.figure_tables(text)
    rows = table_links.numerator_rows(table, 4, [0, 1, 2, 3], table_links.summed_parts(table))
    assert rows == (0,)


AVERAGES = """Table 7  Training
Average training hours per employee (hours)    FY2024     FY2023
All employees                                    24.8       22.3
  Male                                           23.5       21.0
  Female                                         25.6       23.1
"""


def test_parts_under_a_header_of_averages_are_not_summed_into_the_overall_row(tmp_path: Path) -> None:
    report = load_report(report_folder(tmp_path / "tarnby", AVERAGES, FISCAL, SHEET))
    parts = [m for m in report.metrics.values() if m.component_of]
    assert parts == []


def test_a_note_ending_in_a_colon_goes_on_on_the_indented_line_under_it() -> None:
    text = (
        "Scope 2 counts the heat we buy.\n\n"
        "(1) Scope 2 includes the heat bought from the district network:\n"
        "    310 and 290 tCO2e in the two years.\n\n"
        "(2) Our targets:\n"
        "Each plant sets its own.\n"
    )
    found = [(u.kind, u.text) for u in Segmenter(RECOGNISER).units(text)]
    assert (
        "bullet",
        "Scope 2 includes the heat bought from the district network:\n    310 and 290 tCO2e in the two years.",
    ) in found
    assert ("bullet", "Our targets:") in found  # a line not indented under it is no part of it


def test_a_bullet_whose_mark_a_run_of_spaces_keeps_from_its_figure_is_no_headerless_row() -> None:
    text = "In 2023:\n\n  •  12 audits were completed at our depots;\n  •  no breach was found.\n"
    assert figure_tables.figure_tables(text) == []
    found = [(u.kind, u.text) for u in Segmenter(RECOGNISER).units(text)]
    assert ("bullet", "12 audits were completed at our depots;") in found
