"""The guide aspect a section heading names and the KPI of it a figure discloses (kg.vocab.aspects),
and the drafter's use of them for sentences whose figures name no catalogue metric."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.drafting.assembler import draft_sheet
from kg.drafting.sections import Sections
from kg.ingest.text import ReportText
from kg.vocab.aspects import aspect_kpi, aspects, heading_aspects, heading_disclosure, label_kpi, unit_kind, words

HKEX = "hkex-esg-guide-2020"
HKEX_2019 = "hkex-esg-guide-2019"
GRI = "gri-standards-2021"


def test_the_aspects_and_their_kpis_are_read_from_the_guide() -> None:
    b3 = aspects(HKEX)["B3"]
    assert [code for code, _ in b3.kpis] == ["B3.1", "B3.2"]
    assert b3.label == {"development", "train"}
    assert b3.kinds == {"B3.1": {"DimensionlessRatio", "Count"}, "B3.2": {"Time"}}
    assert "A4" in aspects(HKEX) and "A4" not in aspects(HKEX_2019)  # the 2020 revision added climate change
    assert [code for code, _ in aspects(GRI)["205"].kpis] == ["205-2", "205-3"]


def test_words_are_lower_case_stems_without_the_guides_function_words() -> None:
    assert words("Employees trained; training hours by gender") == {"employee", "train", "hour", "gender"}
    assert words("Whistle-blowing procedures and their implementation") == {"whistle-blow", "procedure"}


@pytest.mark.parametrize(
    ("heading", "standard", "expected"),
    [
        ("B8 Community investment", HKEX, ("B8",)),  # a printed code
        ("KPI A2.1 Energy", HKEX, ("A2",)),
        ("A3 and A4 The environment, natural resources and climate change", HKEX, ("A3", "A4")),
        ("Employment and labour standards", HKEX, ("B1", "B4")),  # both aspects' labels in full
        ("Health and safety", HKEX, ("B2",)),
        ("3.3 Development and training", HKEX, ("B3",)),
        ("Integrity and Anti-corruption", HKEX, ("B7",)),
        # no aspect label in full: the words of one aspect's wording alone
        ("5. Community", HKEX, ("B8",)),
        ("INVESTING IN OUR COMMUNITY", HKEX, ("B8",)),
        ("Waste", HKEX, ("A1",)),  # only A1's KPIs speak of waste
        ("4.5 Water", HKEX, ("A2",)),
        ("Packaging materials", HKEX, ("A2",)),
        ("Climate change", HKEX, ("A4",)),
        ("Climate change", HKEX_2019, ()),  # no such aspect before the 2020 revision
        ("6.1 Supply chain management", HKEX, ("B5",)),
        ("Data privacy and cyber security", HKEX, ("B6",)),
        ("Targets", HKEX, ()),  # A1 and A2 ask for targets alike
        ("Awards and recognition", HKEX, ()),
        ("Caring for our staff", HKEX, ()),  # whom B7.3's training is for, no anti-corruption section
        ("CASE STUDIES", HKEX, ()),  # a part of the report, not B7.1's legal cases
        ("Anti-corruption training for staff", HKEX, ("B7",)),
        ("Environmental subject area", HKEX, ()),  # a subject area is no aspect
        ("Environment", HKEX, ()),  # the subject area A, though A3's label has the word
        ("SOCIAL", HKEX, ()),
        # codes printed in brackets after the title, and a section number before it
        ("4.3  Air and water (A1, A2)", HKEX, ("A1", "A2")),
        ("7  OUR NEIGHBOURS (B8)", HKEX, ("B8",)),
        ("2.1 Our people (KPIs B1.1 and B1.2)", HKEX, ("B1",)),
        ("Water (see page 4)", HKEX, ("A2",)),  # a bracket of no codes: the words
        ("Training and development", GRI, ("404",)),
        ("Ethics and anti-corruption", GRI, ("205",)),
    ],
)
def test_a_heading_names_the_aspects_its_words_belong_to(
    heading: str, standard: str, expected: tuple[str, ...]
) -> None:
    assert heading_aspects(heading, standard) == expected


@pytest.mark.parametrize(
    ("aspect", "sentence", "unit", "role", "expected"),
    [
        ("B7", "we received 5 whistle-blowing reports, of which 3 were substantiated.", "NUM", "value", "B7.2"),
        ("B7", "All 38 directors attended a 2-hour anti-corruption seminar.", "NUM", "value", "B7.3"),
        ("B6", "In August we voluntarily recalled 2,400 cartons of chilli sauce.", "NUM", "value", "B6.1"),
        # A percentage is no total in tonnes: the waste handled, not the waste produced.
        ("A1", "In 2023, 84.2% of our non-hazardous waste was recycled.", "PERCENT", "value", "A1.6"),
        ("A1", "Non-hazardous waste produced came to 300 tonnes.", "TONNE", "value", "A1.4"),
        # A count of employees fits the percentage trained, not the hours.
        ("B3", "412 frontline employees obtained vocational skill certificates.", "NUM", "value", "B3.1"),
        ("B3", "Frontline employees averaged 19.1 hours.", "HR", "value", "B3.2"),
        ("A2", "We aim to reduce water consumption per tonne of product by 10% by 2025.", "PERCENT", "target", "A2.4"),
        # Words that tell no KPI apart: the aspect's last, the resources contributed.
        ("B8", "Our volunteers planted 1,200 native trees.", "NUM", "value", "B8.2"),
        ("A4", "Typhoon warnings closed 9 of our restaurants.", "NUM", "value", "A4.1"),  # one KPI
        # Words the guide's labels do not print for their concept: trademarks are intellectual
        # property, green products environmentally preferable ones.
        ("B6", "We registered 14 trademarks and 3 patents in 2023.", "NUM", "value", "B6.3"),
    ],
)
def test_a_figure_discloses_the_aspect_kpi_its_sentence_and_unit_speak_of(
    aspect: str, sentence: str, unit: str, role: str, expected: str
) -> None:
    assert aspect_kpi((aspect,), sentence, unit, HKEX, role) == expected


def test_the_heading_speaks_for_a_sentence_at_half_weight() -> None:
    sentence = "Flue gas passes through bag filters, and 6 coating lines are fitted with thermal oxidisers."
    assert aspect_kpi(("A1",), sentence, "NUM", HKEX) == "A1.6"  # no word of any KPI: the aspect's last
    assert aspect_kpi(("A1",), sentence, "NUM", HKEX, heading="4.2 Air emissions") == "A1.5"
    # the sentence's own word outweighs the heading's
    reports = "During the Year, we received 5 whistle-blowing reports."
    assert aspect_kpi(("B7",), reports, "NUM", HKEX, heading="B7 Anti-corruption") == "B7.2"
    # a green product is an environmentally preferable one (B5.4), whatever the heading's supply chain (B5.3)
    green = "Green paints made up 41% of the coatings we bought."
    assert aspect_kpi(("B5",), green, "PERCENT", HKEX, heading="Supply chain management") == "B5.4"


def test_an_aspect_the_guide_does_not_have_gives_no_kpi() -> None:
    assert aspect_kpi(("A4",), "Typhoon warnings closed 9 restaurants.", "NUM", HKEX_2019) is None


def test_a_section_on_two_aspects_reads_the_kpis_of_both() -> None:
    section = ("B1", "B4")
    assert aspect_kpi(section, "The turnover rate was 14.2%.", "PERCENT", HKEX) == "B1.2"
    assert aspect_kpi(section, "No child labour was found in our review of 3 sites.", "NUM", HKEX) == "B4.1"


@pytest.mark.parametrize(
    ("label", "unit", "standard", "expected"),
    [
        ("Economic value generated", "USD", GRI, "201-1"),
        ("Permanent", "NUM", GRI, "2-7"),  # "employees ... by permanent, temporary ... contract"
        ("Average hours per employee: Male", "HR", HKEX, "B3.2"),
        ("Average hours per employee: Male", "PERCENT", HKEX, None),  # B3.2 asks for hours
        ("Staff canteens", "NUM", HKEX, None),  # "staff" is B7.3's alone, "canteens" no KPI's
        ("Municipal water", "M3", HKEX, None),  # "water" is A2.2's and A2.4's alike
    ],
)
def test_a_row_label_made_mostly_of_one_kpis_words_names_it(
    label: str, unit: str, standard: str, expected: str | None
) -> None:
    assert label_kpi(label, unit, standard) == expected


def test_a_unit_is_read_as_its_quantity_kind_and_a_ratio_unit_as_a_ratio() -> None:
    assert [unit_kind(u) for u in ("HR", "PERCENT", "TONNE", "TONNE-PER-TONNE", None)] == [
        "Time",
        "DimensionlessRatio",
        "Mass",
        "ratio",
        None,
    ]


def test_a_section_runs_from_its_heading_to_the_next_and_captions_and_running_heads_open_none() -> None:
    headings = [
        (0, "A1 Emissions"),
        (50, "Table 2 Waste"),
        (70, "ACME MATERIALS | ESG REPORT 2023 | Page 7"),
        (90, "Awards and recognition"),
        (120, "B8 Community"),
        (150, "ACME MATERIALS | ESG REPORT 2023 | Page 8"),
        (200, "ACME MATERIALS | ESG REPORT 2023 | Page 9"),
    ]
    sections = Sections(headings, HKEX)
    at = (0, 49, 60, 80, 100, 130, 160)
    assert [sections.aspects_at(a) for a in at] == [("A1",), ("A1",), ("A1",), ("A1",), (), ("B8",), ("B8",)]
    assert [sections.heading_at(a) for a in (60, 160)] == ["A1 Emissions", "B8 Community"]


def test_an_unnumbered_heading_naming_no_aspect_stays_in_the_numbered_section_above_it() -> None:
    headings = [
        (0, "4.  Community Investment"),
        (40, "Stories from our depots"),
        (80, "5.  Recognition"),
        (100, "Our partners this year"),
        (130, "6.2  Use of Energy"),
        (160, "Case study: a rooftop farm"),
        (190, "7.  Working with suppliers and partners"),
    ]
    sections = Sections(headings, HKEX)
    at = (10, 50, 90, 110, 140, 170)
    assert [sections.aspects_at(a) for a in at] == [("B8",), ("B8",), (), (), ("A2",), ("A2",)]
    # A heading in capitals opens a section of its own; without a heading numbered within another
    # ("6.2"), numbered headings are a list ("1. Community investment" of material issues).
    capitals = Sections([(0, "4.1  Community Investment"), (40, "OUR PEOPLE"), (80, "Stories")], HKEX)
    assert [capitals.aspects_at(a) for a in (10, 50, 90)] == [("B8",), (), ()]
    listed = Sections([(0, "1. Community investment"), (40, "Stories from our depots")], HKEX)
    assert [listed.aspects_at(a) for a in (10, 50)] == [("B8",), ()]


SECTIONED = """ACME LTD ESG REPORT 2022

B2 Health and safety
In 2022, 96% of our frontline staff completed refresher safety training.

B3 Development and training
Female employees averaged 25.9 hours of training.

B7 Anti-corruption
During the Year, we received 5 whistle-blowing reports.
All 9 directors and 820 employees attended anti-corruption training.

B8 Community investment
Our volunteers planted 1,200 native trees.
Scope 1 emissions were 300 tCO2e in 2022.

Awards and recognition
Our volunteers planted 1,200 native trees in 2021.
"""


def test_a_sentence_discloses_the_kpis_of_its_section_aspect() -> None:
    drafted = draft_sheet(ReportText(Path("report.txt"), SECTIONED), 2022, "acme", HKEX)
    kpis = {c["quote"]: c.get("kpis") for c in drafted.claims}
    assert kpis == {
        # a catalogue metric read with its unit keeps its KPI in any section (staff trained, B3.1) ...
        "In 2022, 96% of our frontline staff completed refresher safety training.": ["B3.1"],
        # ... a KPI inferred from a word of the sentence (employees, B1.1, printed in hours) gives
        # way to the section's
        "Female employees averaged 25.9 hours of training.": ["B3.2"],
        # no catalogue metric: the section's aspect and the guide's wording
        "During the Year, we received 5 whistle-blowing reports.": ["B7.2"],
        # of the crosswalk's KPIs, those of the section's aspect
        "All 9 directors and 820 employees attended anti-corruption training.": ["B7.3"],
        "Our volunteers planted 1,200 native trees.": ["B8.2"],
        "Scope 1 emissions were 300 tCO2e in 2022.": ["A1.2"],
        # a heading that names no aspect ends the section
        "Our volunteers planted 1,200 native trees in 2021.": None,
    }


def test_a_heading_that_is_the_label_of_a_disclosure_no_aspect_holds_names_it() -> None:
    assert heading_disclosure("3.1  Governance structure", HKEX) == "governance-structure"
    assert heading_disclosure("Reporting Boundary", HKEX) == "reporting-boundary"
    # words of its own: on something else; a guide without the disclosure: none
    assert heading_disclosure("Governance structure of the pension fund", HKEX) is None
    assert heading_disclosure("Governance structure", HKEX_2019) is None
    # whom a KPI asks about names no aspect: an organisation chart's box heads no anti-corruption section
    assert heading_aspects("Board of Directors", HKEX) == ()


def test_a_sub_heading_stays_on_the_disclosure_of_the_numbered_section_above_it() -> None:
    headings = [
        (0, "2.  OUR APPROACH"),
        (30, "2.1  Governance structure"),
        (60, "Board of Directors"),
        (90, "2.2  Energy"),
    ]
    sections = Sections(headings, HKEX)
    at = (10, 40, 70, 100)
    assert [sections.disclosure_at(a) for a in at] == [None, "governance-structure", "governance-structure", None]
    assert [sections.aspects_at(a) for a in at] == [(), (), (), ("A2",)]


GOVERNED = """ACME LTD ESG REPORT 2022

1.  ESG GOVERNANCE

1.1  Governance structure
Board of Directors
The Sustainability Panel met 5 times in 2022.

1.2  Use of energy
We installed 30 heat pumps in 2022.
"""


def test_a_figure_of_a_section_on_a_disclosure_no_kpi_reads_discloses_it() -> None:
    drafted = draft_sheet(ReportText(Path("report.txt"), GOVERNED), 2022, "acme", HKEX)
    kpis = {c["quote"]: c.get("kpis") for c in drafted.claims}
    assert kpis["The Sustainability Panel met 5 times in 2022."] == ["governance-structure"]
    assert kpis["We installed 30 heat pumps in 2022."] == ["A2.1"]  # the next section is on an aspect
