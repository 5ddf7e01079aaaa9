"""The drafter's segmenter and figure reader on sentences written for the purpose (no report's wording)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.drafting.figures import FigureReader, groups_thousands
from kg.drafting.sentences import Segmenter, Unit, split_sentences
from kg.ingest.equivalent_ratios import equivalent_ratio
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

LEXICON = load_units().lexicon
RECOGNISER = Recogniser(LEXICON)
YEAR = 2022


def units(text: str, furniture: tuple[tuple[int, int], ...] = ()) -> list[tuple[str, str, str]]:
    return [(u.kind, u.text, u.lead) for u in Segmenter(RECOGNISER, furniture).units(text)]


def read(sentence: str, kind: str = "sentence", lead: str = "", fiscal_year_end: str | None = None) -> list[tuple]:
    """(role, figure, metric, period, baseline, direction) of each figure of one unit."""
    unit = Unit(0, len(sentence), sentence, kind, lead)
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), fiscal_year_end)
    reading = reader.read(unit, list(RECOGNISER.mentions(sentence)))
    return [(f.role, f.mention.surface, f.metric, f.period, f.baseline, f.direction) for f in reading.figures]


def missing(sentence: str) -> str | None:
    unit = Unit(0, len(sentence), sentence, "sentence")
    return FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(sentence))).missing


# ---------------------------------------------------------------- sentences


def test_rule_splitter_keeps_abbreviations_and_decimals_inside_sentences() -> None:
    text = "Mr. Lee chairs the board (No. 2 plant). Output rose 3.5% under Cap. 57 rules. It met approx. 40 times."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Mr. Lee chairs the board (No. 2 plant).",
        "Output rose 3.5% under Cap. 57 rules.",
        "It met approx. 40 times.",
    ]


def test_headings_contents_tables_and_repeated_lines_are_no_units() -> None:
    text = (
        "Contents\nOur People\t4\nThe Planet ........ 9\n\n"
        "2. The Planet\n\nWe planted 300 trees in 2022. They shade two car parks.\n\n"
        "Indicator\t2022\t2021\nWater (m3)\t1,200\t1,300\n\n"
        "Acme ESG Report\nAcme ESG Report\nAcme ESG Report\n"
    )
    assert units(text) == [
        ("sentence", "We planted 300 trees in 2022.", ""),
        ("sentence", "They shade two car parks.", ""),
    ]


def test_a_wrapped_paragraph_is_one_paragraph() -> None:
    text = "Our community team ran eleven repair cafes across the city, which opened\nevery Saturday. Visitors came."
    assert units(text) == [
        ("sentence", "Our community team ran eleven repair cafes across the city, which opened\nevery Saturday.", ""),
        ("sentence", "Visitors came.", ""),
    ]


def test_bullets_keep_their_caption_and_highlights_join_figure_and_caption() -> None:
    text = (
        "Results of the year:\n• 120 audits, at\nevery site.\n- 4 new clinics.\n\n"
        "HK$3.1 million\nraised for food banks\n\n"
        "Key facts\n\n640 tonnes\nof paper recycled\n"
    )
    assert units(text) == [
        ("sentence", "Results of the year:", ""),
        ("bullet", "120 audits, at\nevery site.", "Results of the year:"),
        ("bullet", "4 new clinics.", "Results of the year:"),
        ("highlight", "HK$3.1 million\nraised for food banks", ""),
        ("highlight", "640 tonnes\nof paper recycled", ""),
    ]


def test_a_highlight_printed_on_one_line_is_one_unit_and_a_wrapped_line_is_not() -> None:
    text = (
        "Over 2,300 meals\n\nOur kitchens cooked for shelters every week.\n\n"
        "During the year our community teams and partners trained\n640 volunteers in first aid\n\n"
        "1,250 tenants took part\nin the clean-up.\n"
    )
    assert units(text) == [
        ("highlight", "Over 2,300 meals", ""),
        ("sentence", "Our kitchens cooked for shelters every week.", ""),
        ("sentence", "During the year our community teams and partners trained\n640 volunteers in first aid", ""),
        ("sentence", "1,250 tenants took part\nin the clean-up.", ""),
    ]


def test_a_key_figure_after_a_dot_leader_is_a_highlight_and_a_contents_entry_is_not() -> None:
    text = (
        "Key figures\n\n"
        "Trees planted ............................ 12,400\n"
        "Staff injured ............................ 0\n"
        "Share of recycled paper .................. 64% of all paper\n\n"
        "Our community ............................ 12\n"
        "Our planet ............................... 18\n"
    )
    assert units(text) == [
        ("highlight", "Trees planted ............................ 12,400", ""),
        ("highlight", "Staff injured ............................ 0", ""),
        ("highlight", "Share of recycled paper .................. 64% of all paper", ""),
    ]


def test_cover_lines_and_dashed_page_numbers_are_no_units() -> None:
    text = (
        "Northwind Logistics Co., Ltd.\n(Stock Code: 4321)\nNORTHWIND HOLDINGS LTD.\n\n"
        "Our depots run on green power.\n— 12 —\nWe ship by rail where we can.\n"
    )
    assert units(text) == [
        ("sentence", "Our depots run on green power.", ""),
        ("sentence", "We ship by rail where we can.", ""),
    ]


def test_furniture_of_the_page_map_is_no_unit() -> None:
    text = "Acme 2022\nWe hired 40 apprentices.\n"
    assert units(text, furniture=((0, 9),)) == [("sentence", "We hired 40 apprentices.", "")]


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2021, total water use reached approximately 5,400 m3.",
            [("value", "approximately 5,400 m3", "water use", "2021", None, None)],
        ),
        (
            "As at 31 March 2022, we had 812 employees, of whom 38% were women.",
            [
                ("value", "812", "employees", "2022-03-31", None, None),
                ("value", "38%", "employees: women", "2022-03-31", None, None),
            ],
        ),
        (
            "During the Reporting Period, our plants consumed 2,300 MWh of electricity.",
            [("value", "2,300 MWh", "electricity consumed", None, None, None)],
        ),
        (
            "Since 2017, volunteers have planted over 9,000 trees.",
            [("value", "over 9,000", "trees planted", "2017/2022", None, None)],
        ),
        (
            "From 2016 to 2019, the fund granted US$4 million to schools.",
            [("value", "US$4 million", "amount granted to schools", "2016/2019", None, None)],
        ),
        (
            "The turnover rate was 9.1%, compared with 11.4% in 2021.",
            [
                ("value", "9.1%", "turnover rate", None, None, None),
                ("value", "11.4%", "turnover rate", "2021", None, None),
            ],
        ),
    ],
)
def test_values_their_periods_and_metrics(sentence: str, expected: list[tuple]) -> None:
    assert read(sentence) == expected


def _periods(sentence: str, fiscal_year_end: str | None = "06-30") -> list[tuple]:
    return [
        (role, figure, period, baseline)
        for role, figure, _, period, baseline, _ in read(sentence, fiscal_year_end=fiscal_year_end)
    ]


THIS_FY = "2021-07-01/2022-06-30"  # FY2022 of a report whose years end on 30 June
LAST_FY = "2020-07-01/2021-06-30"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The report's own period, named or not, is its fiscal year.
        (
            "Throughout the reporting period our vans used 41,000 litres of diesel.",
            [("value", "41,000 litres", THIS_FY, None)],
        ),
        ("Our clinics treated 6,300 patients.", [("value", "6,300", THIS_FY, None)]),
        ("Our clinics treated 6,300 patients in FY2022.", [("value", "6,300", THIS_FY, None)]),
        ("In the financial year 2021, our clinics treated 5,900 patients.", [("value", "5,900", LAST_FY, None)]),
        ("Our clinics treated 5,900 patients in 2020/21.", [("value", "5,900", LAST_FY, None)]),
        # A bare year is the calendar year, as printed; a day is that day.
        ("Our clinics treated 2,900 patients in 2021.", [("value", "2,900", "2021", None)]),
        ("As at 30 June 2022, 140 nurses worked for us.", [("value", "140", "2022-06-30", None)]),
        # A day range is its days.
        (
            "From 1 January 2021 to 30 June 2022, volunteers gave 2,500 hours.",
            [("value", "2,500 hours", "2021-01-01/2022-06-30", None)],
        ),
        # A label in brackets names the comparative's year.
        (
            "Staff turnover was 7.5% in FY2022 (FY2021: 8.25%).",
            [("value", "7.5%", THIS_FY, None), ("value", "8.25%", LAST_FY, None)],
        ),
        # Changes: the year before is the fiscal year before; a stated base year is a fiscal one.
        ("Water use fell by 4.5% compared with FY2021.", [("change", "4.5%", THIS_FY, LAST_FY)]),
        ("Paper use fell by 9% year-on-year.", [("change", "9%", THIS_FY, LAST_FY)]),
        ("Fuel use is 15% lower since FY2019.", [("change", "15%", THIS_FY, "2018-07-01/2019-06-30")]),
        # Targets: a fiscal year to reach, a calendar year as printed.
        (
            "We aim to cut water use by 20% by FY2026 against FY2021.",
            [("target", "20%", "2025-07-01/2026-06-30", LAST_FY)],
        ),
        ("We plan to recycle 80% of our waste by 2030.", [("target", "80%", "2030", None)]),
    ],
)
def test_fiscal_periods(sentence: str, expected: list[tuple]) -> None:
    assert _periods(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Without a stated year end, "FY2021" is the year it names and the report's period is implied.
        ("Our clinics treated 5,900 patients in FY2021.", [("value", "5,900", "2021", None)]),
        ("Our clinics treated 6,300 patients.", [("value", "6,300", None, None)]),
        ("Staff turnover was 7.5% (2021: 8.25%).", [("value", "7.5%", None, None), ("value", "8.25%", "2021", None)]),
    ],
)
def test_fiscal_labels_without_a_fiscal_year_end(sentence: str, expected: list[tuple]) -> None:
    assert _periods(sentence, None) == expected


def test_a_comparative_label_takes_the_day_of_the_as_at_date() -> None:
    assert _periods("Loans to coal miners were 2.5% of the book as at 31 December 2022 (2021: 3.75%).", None) == [
        ("value", "2.5%", "2022-12-31", None),
        ("value", "3.75%", "2021-12-31", None),
    ]


def test_a_change_aside_takes_the_period_of_the_figure_before() -> None:
    assert _periods(
        "Green bonds issued reached HK$900 million as at 30 June 2022, up 15% from a year earlier.", None
    ) == [
        ("value", "HK$900 million", "2022-06-30", None),
        ("change", "15%", "2022-06-30", "2021-06-30"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Diesel use decreased by 12.4% year-on-year.",
            [("change", "12.4%", "Diesel use", None, "2021", "decrease")],
        ),
        (
            "Our fleet used 1.2 million litres of fuel, an increase of 3% over 2020.",
            [
                ("value", "1.2 million litres", "fuel used", None, None, None),
                ("change", "3%", "fuel used", None, "2020", "increase"),
            ],
        ),
        (
            "We aim to reduce water intensity by 10% by 2025 against the 2020 baseline.",
            [("target", "10%", "water intensity", "2025", "2020", "decrease")],
        ),
        (
            "We plan to raise the share of recycled packaging to at least 60% by 2030.",
            [("target", "at least 60%", "share of recycled packaging", "2030", None, None)],
        ),
    ],
)
def test_changes_and_targets_are_no_levels(sentence: str, expected: list[tuple]) -> None:
    assert read(sentence) == expected


def test_a_bullet_under_a_targets_caption_is_a_target_with_the_captions_base_year() -> None:
    assert read("Cut waste to landfill by 30% by 2026.", "bullet", "Our targets (base year: 2019):") == [
        ("target", "30%", "waste to landfill", "2026", "2019", "decrease")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "We comply with the Employment Ordinance (Cap. 57) and ISO 14001.",
        "This supports SDG 7 and KPI A1.2 of the guide.",
        "No person under the age of 16 was employed, and staff aged 18 may join.",
        "Our Scope 1 and 2 emissions are reported in Section 4.",
        "We ranked in the Top 50 and keep to a 1.5°C pathway.",
        "The rate was below the industry average of 3.1.",
    ],
)
def test_codes_ages_ranks_and_benchmarks_are_no_figures(sentence: str) -> None:
    assert read(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # Telephone numbers and listing codes.
        ("Write to us or phone +44 20 7946 0321.", []),
        ("Enquiries: call (61) 3555 0199 on weekdays.", []),
        ("Orchard Lane Limited (Stock Code: 4417) reports here.", []),
        # A time limit is no figure, unless it is what was measured.
        ("We answered 91% of enquiries within 3 working days.", ["91%"]),
        ("Repairs were completed within 48 hours.", []),
        ("The average repair time was within 5 days.", ["within 5 days"]),
        # The scale of a score, the age bound of an age group, a threshold that selects.
        ("Tenants rated our service 8.2 out of 10.", ["8.2"]),
        ("Solar panels now power 3 out of 7 depots.", ["3", "7"]),
        ("Audits covered 6 of our 15 largest suppliers.", ["6"]),  # "our 15 largest": a rank bound
        ("We run the 3 newest vessels and 40 barges.", ["40"]),
        ("Staff aged 30 to 50 are 48% of the total, and 31% are over 50.", ["48%", "31%"]),
        ("We reviewed 100% of new contracts above HK$2 million.", ["100%"]),
        ("We raised above HK$2 million for the appeal.", ["above HK$2 million"]),
        # The end of a fiscal year's label.
        ("Members logged 6,400 hours in 2021/22.", ["6,400 hours"]),
        # What a rule requires or allows.
        ("Every driver must complete at least 12 hours of refresher training each year.", []),
        ("All new staff are required to attend 2 safety briefings; we held 48 briefings in 2022.", ["48"]),
        ("Trucks are limited to 40 km/h inside the depot, and drivers logged 3,200 hours.", ["3,200 hours"]),
    ],
)
def test_phone_numbers_time_limits_scales_and_thresholds_are_no_figures(sentence: str, figures: list[str]) -> None:
    assert [figure for _, figure, *_ in read(sentence)] == figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Each target takes the year that follows it.
        (
            "We aim to cut emissions by 40% by 2030, and to buy 100% green power by 2026.",
            [("target", "40%", "2030", None), ("target", "100%", "2026", None)],
        ),
        # A committed sentence's figure of a year that has come is a value.
        (
            "We target a 70% reuse rate by 2025; the rate was 58% in 2022.",
            [("target", "70%", "2025", None), ("value", "58%", None, None)],
        ),
        # A later year of its own is the year to reach.
        ("We will open 4 more depots in 2024.", [("target", "4", "2024", None)]),
        # A month is its days.
        ("We hired 35 apprentices in October 2021.", [("value", "35", "2021-10-01/2021-10-31", None)]),
    ],
)
def test_target_years_and_month_periods(sentence: str, expected: list[tuple]) -> None:
    assert _periods(sentence, None) == expected


def _unit_of(word: str) -> str | None:
    found = RECOGNISER.quantities(f"1 {word}")
    return found[0].unit if len(found) == 1 and found[0].surface == f"1 {word}" else None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("4,300\nmentoring hours given by senior staff", "HR"),
        ("96\ntonnes of food waste composted", "TONNE"),
        ("1,200\ntrees planted along the river", None),  # a count
        ("12.4\nkgCO2e per m² of floor area (offices only)", "KiloGM-PER-M2"),  # the caption opens with a unit
        # A callout printing its caption first, though the caption ends with a name.
        ("Mentoring hours given by the Riverside Mentors Club\n4,300", "HR"),
        ("Workshops held at the Harbour Learning Centre\n312", None),
        ("Injury rate per million hours worked: 0.42", "NUM-PER-MegaHR"),  # a key-data label says "per"
        ("Energy per tonne of clinker: 5.83 kgce", None),  # a word of a unit unread follows the figure
    ],
)
def test_a_highlights_caption_gives_its_unitless_figure_a_unit(text: str, unit: str | None) -> None:
    highlight = Unit(0, len(text), text, "highlight")
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), unit_of=_unit_of)
    assert [f.unit for f in reader.read(highlight, list(RECOGNISER.mentions(text))).figures] == [unit]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Drivers averaged 12.5 hours of training (2021: 10.0) and clerks 8.0 hours (FY2021: 7.5).",
            [("12.5 hours", "HR"), ("10.0", "HR"), ("8.0 hours", "HR"), ("7.5", "HR")],
        ),
        # A scale the parenthesis does not print: 4.1 is not 4.1 million tonnes, nor is it 4.1 tonnes.
        ("We recycled 5.2 million tonnes (2021: 4.1).", [("5.2 million tonnes", "TONNE"), ("4.1", None)]),
        ("We trained 300 staff in 12 sessions (2021: 250).", [("300", None), ("12", None), ("250", None)]),
        # A noun after the bare figure names its own measure: 4 injuries, not 4 lost days.
        (
            "There were 60 lost days (2021: 4 injuries and 75 lost days).",
            [("60 lost days", "DAY"), ("4", None), ("75 lost days", "DAY")],
        ),
    ],
)
def test_a_bare_figure_of_another_year_in_parentheses_takes_the_unit_before_it(
    sentence: str, found: list[tuple[str, str | None]]
) -> None:
    unit = Unit(0, len(sentence), sentence, "sentence")
    reading = FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(sentence)))
    assert [(f.mention.surface, f.mention.unit or f.unit) for f in reading.figures] == found


def test_a_page_number_between_dashes_is_no_unit() -> None:
    assert units("We planted 300 trees in 2022.\n— 14 —\n- 15 -\n") == [
        ("sentence", "We planted 300 trees in 2022.", "")
    ]


def test_a_figure_announced_but_not_printed_is_missing_never_guessed() -> None:
    assert missing("The volume of wastewater discharged is presented in the appendix.") == (
        "volume of wastewater discharged"
    )
    assert missing("We donated HK$ to the flood relief fund.") == "donated"
    assert missing("Our staff enjoyed the annual picnic.") is None


def test_a_figure_announced_in_a_sentence_whose_only_digits_are_codes_is_missing() -> None:
    # "Scope 1 and 2" are codes, no figures: the sentence still prints no figure of what it announces.
    assert missing("A breakdown of our Scope 1 and 2 emissions by site is shown in the chart below.") == (
        "breakdown of our Scope 1 and 2 emissions"
    )
    assert missing("Our Scope 1 and 2 targets were set in 2021.") is None  # it announces no figure


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        (
            "Our boilers emitted nitrogen oxides (NOx) of 12.5 kg and sulphur dioxide (SO2) of 0.4 kg.",
            "sentence",
            [("value", "12.5 kg", "nitrogen oxides"), ("value", "0.4 kg", "sulphur dioxide")],
        ),
        ("Employees logged an average of 18 hours of training.", "sentence", [("value", "18 hours", "training")]),
        (
            "6.3%\nincrease in recycled water per tonne of output",
            "highlight",
            [("change", "6.3%", "recycled water per tonne of output")],
        ),
    ],
)
def test_metric_named_before_of_and_after_a_highlights_change_noun(
    sentence: str, kind: str, expected: list[tuple]
) -> None:
    assert [(role, figure, metric) for role, figure, metric, *_ in read(sentence, kind)] == expected


def test_a_highlight_caption_stops_at_its_counted_agent_and_a_period_is_no_purpose() -> None:
    assert [f[2] for f in read("1,480\nhours of volunteering given by 310 staff", "highlight")][:1] == [
        "hours of volunteering given"
    ]
    assert [f[2] for f in read("Our staff volunteered over 900 hours in 2022.")] == ["amount volunteered"]
    assert [f[2] for f in read("We donated HK$2 million to the Food Bank.")] == ["amount donated to the Food Bank"]


# ---------------------------------------------------------------- issue 14: figures in prose


def _dated(sentence: str, fiscal_year_end: str | None = None) -> list[tuple]:
    """(role, figure, unit, period, baseline, direction) of each figure of one sentence."""
    unit = Unit(0, len(sentence), sentence, "sentence")
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), fiscal_year_end)
    found = reader.read(unit, list(RECOGNISER.mentions(sentence))).figures
    return [(f.role, f.mention.surface, f.mention.unit, f.period, f.baseline, f.direction) for f in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "than in <year>" is the year compared with, not the figure's period.
        (
            "Our vans burned 8% less diesel than in 2021.",
            [("change", "8%", "PERCENT", None, "2021", "decrease")],
        ),
        (
            "Members donated 640 hours, 15% more than in 2020.",
            [("value", "640 hours", "HR", None, None, None), ("change", "15%", "PERCENT", None, "2020", "increase")],
        ),
        # "fewer than a year earlier", "below its 2019 level": changes from the other period.
        (
            "The shelter housed 1,210 families, 6% fewer than a year earlier.",
            [("value", "1,210", None, None, None, None), ("change", "6%", "PERCENT", None, "2021", "decrease")],
        ),
        (
            "By the end of the Reporting Period our water intensity was 4.2% below its 2019 level.",
            [("change", "4.2%", "PERCENT", None, "2019", "decrease")],
        ),
        # "made up of" builds a whole; it is no rise.
        ("The taskforce is made up of 9 volunteers.", [("value", "9", None, None, None, None)]),
    ],
)
def test_comparisons_fewer_and_below_a_level_are_changes(sentence: str, expected: list[tuple]) -> None:
    assert _dated(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "fiscal_year_end", "expected"),
    [
        # Every bracketed label, after "(" or "; ", dates the figure it introduces.
        (
            "Our orchards yielded 4,000 tonnes of fruit in 2022 (2021: 3,500 tonnes; 2020: 2,900 tonnes).",
            None,
            [("4,000 tonnes", None), ("3,500 tonnes", "2021"), ("2,900 tonnes", "2020")],
        ),
        # A month printed without a year is that month of the report's own period.
        ("In March alone our kitchens cooked 12,000 meals.", None, [("12,000", "2022-03-01/2022-03-31")]),
        ("In September alone our kitchens cooked 9,000 meals.", "06-30", [("9,000", "2021-09-01/2021-09-30")]),
        # A range of months runs from the first day of the first to the last day of the second.
        ("The panels generated 320 MWh from April to September 2022.", None, [("320 MWh", "2022-04-01/2022-09-30")]),
        ("The heat pumps used 85 MWh from November to February 2022.", None, [("85 MWh", "2021-11-01/2022-02-28")]),
        # Figures joined by "and" share the period phrase after the last of them.
        (
            "There were 9 injuries and 31 lost days in 2021.",
            None,
            [("9", "2021"), ("31 lost days", "2021")],
        ),
        # A trailing "with" clause describes what the figure before it counts, at the same date.
        (
            "We ran 12 warehouses as at 31 December 2022, with a combined floor area of 80,000 m².",
            None,
            [("12", "2022-12-31"), ("80,000 m²", "2022-12-31")],
        ),
    ],
)
def test_labels_months_and_shared_periods(sentence: str, fiscal_year_end: str | None, expected: list[tuple]) -> None:
    assert [(figure, period) for _, figure, _, period, _, _ in _dated(sentence, fiscal_year_end)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The date of an event dates no figure ...
        ("The wetland filter, opened in May 2022, treats 5,000 m³ of run-off a year.", [("5,000 m³", None)]),
        # ... but what has been done since the event runs from it to the end of the report's period.
        ("Our tutoring scheme, launched in 2016, has reached 7,400 pupils.", [("7,400", "2016/2022")]),
        # "since" in a relative clause closed by its comma dates the clause, not the figure after it
        ("At the Kowloon depot, which we have run since 2019, we installed 40 chargers.", [("40", None)]),
        ("We have planted 12,000 trees since 2019.", [("12,000", "2019/2022")]),
    ],
)
def test_an_events_date_starts_what_has_been_done_since(sentence: str, expected: list[tuple]) -> None:
    assert [(figure, period) for _, figure, _, period, _, _ in _dated(sentence)] == expected


def test_a_sentence_going_on_from_the_one_before_takes_its_period() -> None:
    first = "As at 31 December 2022, the clinic employed 1,500 people."
    second = "Of these, 600 were nurses and 85 were doctors."
    third = "By age, 410 were under 30."
    text = f"{first} {second} {third}"
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes))
    mentions = list(RECOGNISER.mentions(text))
    periods = []
    for start, end in split_sentences(text):
        unit = Unit(start, end, text[start:end], "sentence", "", 0)
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        periods += [(f.mention.surface, f.period) for f in reader.read(unit, inside).figures]
    assert periods == [("1,500", "2022-12-31"), ("600", "2022-12-31"), ("85", "2022-12-31"), ("410", "2022-12-31")]


def test_a_sentence_of_another_paragraph_does_not_go_on_from_the_last() -> None:
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes))
    first = "As at 31 December 2022, the clinic employed 1,500 people."
    reader.read(Unit(0, len(first), first, "sentence", "", 0), list(RECOGNISER.mentions(first)))
    second = "Of these, 600 were nurses."
    mentions = [replace(m, start=m.start + 100, end=m.end + 100) for m in RECOGNISER.mentions(second)]
    figures = reader.read(Unit(100, 100 + len(second), second, "sentence", "", 100), mentions).figures
    assert [(f.mention.surface, f.period) for f in figures] == [("600", None)]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # An emission class, a number inside a course's name, a fiscal-year label with a hyphen.
        ("Our 40 trucks meet the Euro 6 standard.", ["40"]),
        ("All 320 drivers passed the Road Ready 101 course.", ["320"]),
        ("We won the Caring Employer 2021-22 award for 12 staff schemes.", ["12"]),
        # A schedule, a street number.
        ("The help desk answers calls 24 hours a day and handled 5,300 calls.", ["5,300"]),
        ("Visit our showroom at 12 Harbour Road.", []),
        # An acronym before a noun is a modifier, not an unknown unit.
        ("We installed 20 EV chargers.", ["20"]),
        # The rating of each of several things is no figure; a capacity in total is one.
        ("We installed 12 fast chargers of 60 kW at our depots.", ["12"]),
        ("The farm's 20 turbines of 2 MW each were replaced.", ["20"]),
        ("We gave 80 households each with a 5 kW inverter.", ["80"]),
        ("Our rooftop solar capacity reached 4.2 MW.", ["4.2 MW"]),
    ],
)
def test_classes_names_schedules_and_addresses_are_no_figures(sentence: str, figures: list[str]) -> None:
    assert [figure for _, figure, *_ in _dated(sentence)] == figures


def test_a_bare_number_over_a_lower_case_caption_is_a_highlight_not_a_page_number() -> None:
    text = "Highlights\n\n36\nelectric buses in service\n\nWe run clean buses.\n\n12\n\nOur People\n"
    assert units(text) == [
        ("highlight", "36\nelectric buses in service", ""),
        ("sentence", "We run clean buses.", ""),
    ]


@pytest.mark.parametrize(
    ("sentence", "fiscal_year_end", "expected"),
    [
        # "the year ended <day>": a calendar year, or the twelve months to that day; the report's own is None.
        ("For the year ended 31 December 2021, our stores used 5,100 MWh.", None, [("5,100 MWh", "2021")]),
        (
            "For the year ended 31 March 2021, our depots used 5,100 MWh.",
            "03-31",
            [("5,100 MWh", "2020-04-01/2021-03-31")],
        ),
        (
            "For the year ended 31 March 2022, our depots used 5,432 MWh.",
            "03-31",
            [("5,432 MWh", "2021-04-01/2022-03-31")],
        ),
        # "the past three years" ends with the report's year; "last year" is the year before it.
        ("Over the past three years, we have trained 900 drivers.", None, [("900", "2020/2022")]),
        ("Last year, our members planted 300 trees.", None, [("300", "2021")]),
        (
            "Our vans used 2.1 million litres of diesel in the previous financial year.",
            "03-31",
            [("2.1 million litres", "2020-04-01/2021-03-31")],
        ),
        # A half or a quarter of a year.
        (
            "In the first half of 2022, we recycled 120 tonnes of paper.",
            None,
            [("120 tonnes", "2022-01-01/2022-06-30")],
        ),
        ("In the fourth quarter of 2021, we opened 3 clinics.", None, [("3", "2021-10-01/2021-12-31")]),
        # A bracketed label may print a day.
        (
            "As at 31 March 2022, there were 1,234 nurses (31 March 2021: 1,180).",
            "03-31",
            [("1,234", "2022-03-31"), ("1,180", "2021-03-31")],
        ),
    ],
)
def test_years_ended_past_years_halves_and_day_labels(
    sentence: str, fiscal_year_end: str | None, expected: list[tuple]
) -> None:
    assert [(figure, period) for _, figure, _, period, _, _ in _dated(sentence, fiscal_year_end)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A base year named with "using ... as the baseline".
        (
            "We target to cut water intensity by 20% by 2030, using 2019 as the baseline year.",
            [("target", "20%", "PERCENT", "2030", "2019", "decrease")],
        ),
        # "on the previous year" is the year compared with.
        ("Electricity use dropped 5% on the previous year.", [("change", "5%", "PERCENT", None, "2021", "decrease")]),
        # A year to reach that opens the sentence, and a commitment after the figure.
        ("By 2030, 100% of our packaging will be recyclable.", [("target", "100%", "PERCENT", "2030", None, None)]),
        # A year that has come opens no target.
        (
            "By the end of 2022, we had installed 300 solar panels, and we will add more.",
            [("value", "300", None, None, None, None)],
        ),
    ],
)
def test_base_years_comparisons_and_targets_opened_by_their_year(sentence: str, expected: list[tuple]) -> None:
    assert _dated(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # Every number of a list that a code opens is a code.
        ("Our programmes support SDGs 3, 4 and 13.", []),
        ("The plant meets ISO 14001 and 45001.", []),
        # An age range opens no list: the count after it is a figure.
        ("Of the staff, 410 were aged 30-50 and 126 were aged over 50.", ["410", "126"]),
        ("About 60% of staff are aged between 30 and 50.", ["About 60%"]),
        ("Of our nurses, 38% are aged under 30 and 51% are aged 30-50.", ["38%", "51%"]),
        # Times of day.
        ("The hotline is open from 9 a.m. to 6 p.m. and took 7,300 calls.", ["7,300"]),
    ],
)
def test_lists_of_codes_age_ranges_and_times_of_day(sentence: str, figures: list[str]) -> None:
    assert [figure for _, figure, *_ in _dated(sentence)] == figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A figure named as the level aimed at is a target: of its printed year, its "by" year, or the report's.
        (
            "The completion rate reached 98.7%, above our target of 95%.",
            [("value", "98.7%", "PERCENT", None, None, None), ("target", "95%", "PERCENT", "2022", None, None)],
        ),
        (
            "Against our 2025 target of 30%, green power reached 22%.",
            [("target", "30%", "PERCENT", "2025", None, None), ("value", "22%", "PERCENT", None, None, None)],
        ),
        ("Our goal is 60% by 2027.", [("target", "60%", "PERCENT", "2027", None, None)]),
    ],
)
def test_a_figure_named_as_a_target_is_one(sentence: str, expected: list[tuple]) -> None:
    assert _dated(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A list of periods dates as many coordinated figures, in order: the figures before it ...
        (
            "Sales were HK$5.2 billion and HK$4.8 billion in 2022 and 2021 respectively.",
            [("HK$5.2 billion", None), ("HK$4.8 billion", "2021")],
        ),
        (
            "As at 31 December 2022 and 2021, we had 1,200 and 1,150 nurses respectively.",
            [("1,200", "2022-12-31"), ("1,150", "2021-12-31")],
        ),
        # ... or after it, when it opens the sentence.
        (
            "In 2020, 2021 and 2022, the fleet emitted 520, 500 and 450 tonnes.",
            [("520", "2020"), ("500", "2021"), ("450 tonnes", None)],
        ),
        # A list that dates as many figures as it does not is no figure's period.
        ("In 2021 and 2022 our volunteers planted 900 trees.", [("900", None)]),
    ],
)
def test_a_list_of_periods_dates_as_many_figures_in_order(sentence: str, expected: list[tuple]) -> None:
    assert [(figure, period) for _, figure, _, period, _, _ in _dated(sentence)] == expected


def test_a_bullet_is_dated_by_its_lists_caption_and_a_captions_future_year_is_its_target() -> None:
    text = (
        "As at 31 December 2021, our fleet included:\n• 120 electric vans; and\n• 45 hybrid trucks in 2020.\n\n"
        "Our goals for 2026:\n• plant 5,000 trees.\n"
    )
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes))
    mentions = list(RECOGNISER.mentions(text))
    found = []
    for unit in Segmenter(RECOGNISER).units(text):
        inside = [m for m in mentions if unit.start <= m.start and m.end <= unit.end]
        found += [(f.role, f.mention.surface, f.period) for f in reader.read(unit, inside).figures]
    assert found == [("value", "120", "2021-12-31"), ("value", "45", "2020"), ("target", "5,000", "2026")]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # Item numbers of a list run into a sentence, and the denominator of a fraction.
        ("We focus on (1) safety, (2) people and (3) the planet.", []),
        ("Our priorities are: 1) safety; 2) quality; 3) cost.", []),
        ("Roughly 1/3 of our riders are students.", []),
        # A comparative label's figure before a closing bracket stays a figure.
        ("We received 3 complaints in 2022 (2021: 5) and resolved all of them.", ["3", "5"]),
    ],
)
def test_run_in_list_numbers_and_fractions_are_no_figures(sentence: str, figures: list[str]) -> None:
    assert [figure for _, figure, *_ in _dated(sentence)] == figures


def test_a_time_figure_keeps_the_words_printed_beside_its_unit_in_its_metric() -> None:
    assert [(figure, metric) for _, figure, metric, *_ in read("The accidents resulted in 140 lost days.")] == [
        ("140 lost days", "lost days")
    ]
    assert [(figure, metric) for _, figure, metric, *_ in read("Mean coaching time was 6.5 hours per employee.")] == [
        ("6.5 hours", "Mean coaching time per employee")
    ]


def test_an_average_time_per_head_is_of_the_metric_before_it() -> None:
    sentence = "Riders logged a total of 9,000 hours of coaching, an average of 12 hours per employee."
    assert [(figure, metric) for _, figure, metric, *_ in read(sentence)] == [
        ("9,000 hours", "coaching"),
        ("12 hours", "coaching per employee"),
    ]


# ---------------------------------------------------------------- asides, year ends, section numbers


@pytest.mark.parametrize(
    ("sentence", "fiscal_year_end", "expected"),
    [
        # A label dates every figure of its parentheses, not only the first.
        (
            "The crews had 3 injuries and 40 lost days (2021: 6 injuries and 75 lost days).",
            None,
            [("3", None, None), ("40 lost days", None, None), ("6", "2021", None), ("75 lost days", "2021", None)],
        ),
        # A change after the parentheses goes on from the figure before them, not from the aside.
        (
            "Members lodged 310 requests (2021: 350), a decrease of 11.4%, and all were answered.",
            None,
            [("310", None, None), ("350", "2021", None), ("11.4%", None, "2021")],
        ),
        # "At the end of the reporting period / year" is the last day of the report's period.
        (
            "Solar panels covered 12% of our roofs at the end of the Reporting Period (30 June 2021: 9%).",
            "06-30",
            [("12%", "2022-06-30", None), ("9%", "2021-06-30", None)],
        ),
        ("Our fleet had 48 vans at the end of the year.", None, [("48", "2022-12-31", None)]),
        # A level from a year to come holds from that year; one from a past year is a comparison.
        (
            "The levy covers 40% of our routes from 2024, rising to 100% from 2026.",
            None,
            [("40%", "2024", None), ("100%", "2026", None)],
        ),
        ("Sales were 12% of the total, down from 2021.", None, [("12%", None, None)]),
        ("We had 1,240 members on our register at year end.", None, [("1,240", "2022-12-31", None)]),
        ("Staff numbered 310 at the year-end.", "03-31", [("310", "2022-03-31", None)]),
    ],
)
def test_asides_and_the_end_of_the_period(sentence: str, fiscal_year_end: str | None, expected: list[tuple]) -> None:
    found = [(figure, period, baseline) for _, figure, _, period, baseline, _ in _dated(sentence, fiscal_year_end)]
    assert found == expected


def test_a_persons_age_after_their_name_is_no_figure() -> None:
    assert read("Mr. Lau Tai-man, 68, joined 12 workshops in 2022.") == [("value", "12", "workshops", None, None, None)]


def test_a_number_printed_with_a_leading_zero_is_no_figure() -> None:
    assert _dated("03 OUR PEOPLE AND 2022 IN REVIEW") == []
    assert _dated("We sold 0.5 tonnes of scrap.") == [("value", "0.5 tonnes", "TONNE", None, None, None)]


def test_a_zero_alone_on_its_line_is_a_highlight_not_a_page_number() -> None:
    text = "Our year\n\n0\nWork-related fatalities\n\n4\n"
    assert [(kind, body) for kind, body, _ in units(text) if kind == "highlight"] == [
        ("highlight", "0\nWork-related fatalities")
    ]


def _paragraph(text: str) -> list[tuple[str, str | None]]:
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes))
    mentions = list(RECOGNISER.mentions(text))
    found = []
    for start, end in split_sentences(text):
        unit = Unit(start, end, text[start:end], "sentence", "", 0)
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        found += [(f.mention.surface, f.period) for f in reader.read(unit, inside).figures]
    return found


def test_a_sentence_describing_the_as_at_day_of_the_one_before_takes_that_day() -> None:
    text = (
        "As at 31 December 2022, the clinic had 1,500 staff. Nurses made up 40% of the staff. "
        "We audited 35 of our suppliers. We hired 210 people. The clinic has 6 wards in 2022."
    )
    assert _paragraph(text) == [
        ("1,500", "2022-12-31"),
        ("40%", "2022-12-31"),  # no period of its own, no action: the same day
        ("35", None),  # audits happen over the year
        ("210", None),  # so does hiring
        ("6", None),  # its own period
    ]


def test_a_sentence_without_figures_between_ends_the_as_at_day_of_the_one_before() -> None:
    text = (
        "As at 31 December 2022, the clinic had 1,500 staff. Waste oil from the kitchens is collected "
        "by licensed firms. Rainwater is stored for the gardens at 4 of the wards."
    )
    assert _paragraph(text) == [("1,500", "2022-12-31"), ("4", None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "up from" a level: the level of the year before, when nothing else dates it.
        (
            "Each driver completed 18.5 training hours, up from 16.0 hours.",
            [("value", "18.5 training hours", None), ("value", "16.0 hours", "2021")],
        ),
        (
            "Recycling rose from 40% to 55% over the year.",
            [("value", "40%", None), ("value", "55%", None)],
        ),
        # An age group after a noun of people is no figure.
        ("The rate for employees under 30 was 21.5%.", [("value", "21.5%", None)]),
    ],
)
def test_up_from_a_level_and_age_groups(sentence: str, expected: list[tuple]) -> None:
    assert [(role, figure, period) for role, figure, _, period, _, _ in _dated(sentence)] == expected


def test_an_ungrouped_number_is_a_name_in_a_report_that_groups_its_thousands() -> None:
    grouped = "We planted 1,200 trees, hired 2,450 people and served 31,000 meals."
    assert groups_thousands(list(RECOGNISER.mentions(grouped))) is True
    assert groups_thousands(list(RECOGNISER.mentions("We planted 1200 trees and 2450 shrubs."))) is False
    assert groups_thousands(list(RECOGNISER.mentions("We planted 1,200 trees."))) is False  # too few to tell
    sentence = "Our 7075 and 5083 alloy sheets passed 14 audits."
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), grouped=True)
    figures = reader.read(Unit(0, len(sentence), sentence, "sentence"), list(RECOGNISER.mentions(sentence))).figures
    assert [f.mention.surface for f in figures] == ["14"]
    ungrouped = FigureReader(YEAR, tuple(LEXICON.prefixes))
    figures = ungrouped.read(Unit(0, len(sentence), sentence, "sentence"), list(RECOGNISER.mentions(sentence))).figures
    assert [f.mention.surface for f in figures] == ["7075", "5083", "14"]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Every request was answered within 10 days.", ["within 10 days"]),  # what all of them took at most
        ("All branches reopened within 48 hours, and none closed again.", ["within 48 hours"]),
        ("We handled 40 requests and 95% of them were answered within 10 days.", ["40", "95%"]),  # a standard
        ("The spill was contained within 6 hours.", ["within 6 hours"]),  # what the event took
        ("Only 40% of the leak was cleaned within 6 hours.", ["40%"]),  # measured against a limit
        ("Any spill must be contained within 6 hours.", []),  # a limit
        ("We had 8 injuries in FY2020/21, and 57 working days were lost.", ["8", "57 working days"]),
        ("We do not hire anyone under 16.", []),  # an age, not a figure
        ("Stores were shut for 12 trading days.", ["12 trading days"]),
    ],
)
def test_which_time_limits_ages_and_days_are_figures(sentence: str, figures: list[str]) -> None:
    assert [figure for _, figure, *_ in read(sentence, fiscal_year_end="03-31")] == figures


def test_a_level_a_year_earlier_is_of_the_year_before() -> None:
    found = read("Room occupancy rose to 75% from 60% a year earlier.")
    assert [(figure, period) for _, figure, _, period, *_ in found] == [("75%", None), ("60%", "2021")]


def test_a_trend_from_part_of_a_year_does_not_date_the_figures_of_the_next_clause() -> None:
    found = read("Orders slowed from the second half of 2021, and sales fell 3.0% to 120 tonnes.")
    assert [(figure, period) for _, figure, _, period, *_ in found] == [("3.0%", None), ("120 tonnes", None)]


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        ("On 3 May 2022, a storm brought 150 mm of rain to the port.", [("150 mm", "2022-05-03")]),
        ("On July 9, 2022, we gave away 2,000 meals.", [("2,000", "2022-07-09")]),
        ("The hall, opened on 1 May 2015, has served 3,000 visitors.", [("3,000", "2015-05-01/2022-12-31")]),
    ],
)
def test_a_figure_on_a_day_is_of_that_day(sentence: str, periods: list[tuple[str, str]]) -> None:
    assert [(figure, period) for _, figure, _, period, *_ in read(sentence)] == periods


def test_a_section_number_set_off_by_spaces_opens_a_heading_not_a_table_row() -> None:
    text = (
        "3  OUR WORKPLACE\n\n"
        "3.2  Safety at work (B2)\n\n"
        "Our crews logged 410 safety drills in 2022.\n\n"
        "2  Diesel  1,200\n"  # a row of cells: the number's title is no heading
        "12  Trucks\t40\n"
    )
    segmenter = Segmenter(RECOGNISER)
    assert [line for _, line in segmenter.headings(text)] == ["3  OUR WORKPLACE", "3.2  Safety at work (B2)"]
    assert units(text) == [("sentence", "Our crews logged 410 safety drills in 2022.", "")]


def test_a_heading_like_line_between_table_rows_is_the_tables_sub_heading_not_a_section() -> None:
    text = (
        "B1 Employment\n\n"
        "Group\tUnit\t2022\t2021\n"
        "All staff\tpersons\t610\t580\n"
        "By site\n"
        "North yard\tpersons\t400\t390\n"
        "South yard\tpersons\t210\t190\n\n"
        "Staff numbers grew with the new yard.\n"
    )
    assert [line for _, line in Segmenter(RECOGNISER).headings(text)] == ["B1 Employment"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Targets named by their year, then what they are to do: the figures they list are of that year.
        (
            "In 2022 the directors adopted our 2030 climate targets against a 2019 baseline: to cut fleet "
            "emissions by 25% and to source at least 60% of power from renewables.",
            [
                ("target", "25%", "PERCENT", "2030", "2019", "decrease"),
                ("target", "at least 60%", "PERCENT", "2030", "2019", None),
            ],
        ),
        # Targets named without saying what they are to do list no figure.
        (
            "Against our 2030 targets, fleet emissions fell by 4% in 2022.",
            [("change", "4%", "PERCENT", None, "2021", "decrease")],
        ),
    ],
)
def test_the_year_of_the_targets_a_sentence_lists_is_its_figures_target_year(
    sentence: str, expected: list[tuple]
) -> None:
    assert _dated(sentence) == expected


def test_by_the_end_of_a_year_that_has_come_is_the_day_a_level_was_reached() -> None:
    # the report's year, in a sentence that commits to nothing: a level at the year's end
    found = read("By the end of 2022, 58 depots had switched to LED lighting.")
    assert [(role, figure, period) for role, figure, _, period, *_ in found] == [("value", "58", "2022-12-31")]
    # a change reached by then is of the year; a comparative label takes the day
    sentence = (
        "By the end of 2021, fleet emissions were 8% below the 2019 level, and 44 buses ran on batteries (2020: 30)."
    )
    found = read(sentence)
    assert [(role, figure, period) for role, figure, _, period, *_ in found] == [
        ("change", "8%", "2021"),
        ("value", "44", "2021-12-31"),
        ("value", "30", "2020-12-31"),
    ]
    # a year to come, or a sentence that commits: a deadline
    found = read("We will switch 20 more depots to LED lighting by the end of 2024.")
    assert [(role, figure, period) for role, figure, _, period, *_ in found] == [("target", "20", "2024-12-31")]


def test_a_key_data_line_of_a_label_a_colon_and_one_figure_is_a_highlight() -> None:
    text = (
        "COMMUNITY FIGURES 2024\nTrees planted: 1,200\nCash donated: HK$2.5 million\n"
        "Volunteer hours: 8,400 hours\nNote: see page 4 for more\nOur staff gave generously.\n"
    )
    # "Note: see page 4 ..." holds a figure but does not end with it: a heading, no key figure.
    assert units(text) == [
        ("highlight", "Trees planted: 1,200", ""),
        ("highlight", "Cash donated: HK$2.5 million", ""),
        ("highlight", "Volunteer hours: 8,400 hours", ""),
        ("sentence", "Our staff gave generously.", ""),
    ]
    assert read("Cash donated: HK$2.5 million", "highlight") == [
        ("value", "HK$2.5 million", "Cash donated", None, None, None)
    ]


def test_a_key_figure_after_a_dot_leader_is_a_highlight_and_a_page_number_is_not() -> None:
    text = (
        "KEY FIGURES\n\nEnvironment\nElectricity used ........ 12,480 MWh\nRecycled paper ........ 61%\n"
        "Lost-time injuries ........ 3\n\nPeople\nStaff trained ........ 2\n\n"
        "Our goals\nWe trained every new joiner in the year.\n\n"
        "Chairman's letter ........ 2\nOur people ........ 14\nThe environment ........ 27\n"
    )
    # The key figures lead to figures (with units, or counts in no order); a list of entries
    # leading to page numbers that do not go down is a contents list, though no heading says so.
    assert units(text) == [
        ("highlight", "Electricity used ........ 12,480 MWh", ""),
        ("highlight", "Recycled paper ........ 61%", ""),
        ("highlight", "Lost-time injuries ........ 3", ""),
        ("highlight", "Staff trained ........ 2", ""),
        ("sentence", "We trained every new joiner in the year.", ""),
    ]
    assert read("Electricity used ........ 12,480 MWh", "highlight") == [
        ("value", "12,480 MWh", "Electricity used", None, None, None)
    ]


def test_a_split_year_named_as_a_school_or_academic_year_is_a_fiscal_year() -> None:
    lead = "Our targets, against a 2021/22 baseline:"
    assert read("reduce energy use per pupil by 8% by the 2025/26 school year;", "bullet", lead, "08-31") == [
        ("target", "8%", "energy use per pupil", "2025-09-01/2026-08-31", "2021-09-01/2022-08-31", "decrease")
    ]
    # The first year after a target is its own: 10% by the academic year (with no fiscal year end
    # known, the year it ends in), 30% by 2030.
    assert [
        f[3] for f in read("We aim to cut water use per bed by 10% by the 2026/27 academic year and by 30% by 2030.")
    ] == ["2027", "2030"]
    assert read("In the 2022/23 school year we enrolled 4,000 pupils.", fiscal_year_end="08-31") == [
        ("value", "4,000", "pupils", "2022-09-01/2023-08-31", None, None)
    ]


def test_a_change_in_percentage_points_is_in_per_cent() -> None:
    assert read("The pass rate of our trainees reached 91.5%, up 3.1 percentage points.") == [
        ("value", "91.5%", "pass rate of our trainees", None, None, None),
        ("change", "3.1 percentage points", "pass rate of our trainees", None, "2021", "increase"),
    ]
    assert RECOGNISER.parse("3.1 percentage points").unit == "PERCENT"


def test_a_change_below_it_is_measured_from_the_base_of_the_change_before() -> None:
    assert read(
        "In 2024, energy use per bed was 3.1% below the 2020 baseline and water use per bed 5.4% below it."
    ) == [
        ("change", "3.1%", "energy use per bed", "2024", "2020", "decrease"),
        ("change", "5.4%", "water use per bed", "2024", "2020", "decrease"),
    ]


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("We aim to cut fuel use per trip by 8% by 2026 against 2020 (41.5 litres per trip).", ("41.5 litres", "2020")),
        (
            "Against our 2018 baseline of 3.2 kg per unit, we aim to halve waste intensity by 2030.",
            ("3.2 kg per unit", "2018"),
        ),
    ],
)
def test_a_base_years_level_in_a_target_sentence_is_that_years_level(sentence: str, level: tuple[str, str]) -> None:
    unit = Unit(0, len(sentence), sentence, "sentence")
    reading = FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(sentence)))
    found = [(f.role, f.mention.surface, f.period) for f in reading.figures]
    assert ("value", *level) in found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "We aim to recycle 40% of our packaging by 2025; in 2021 we recycled 31.5%.",
            [("target", "40%", "2025"), ("value", "31.5%", "2021")],
        ),
        (  # the clause after the semicolon commits too: both are targets
            "We aim to cut waste by 10% by 2026; in 2023 we will cut it by 4%.",
            [("target", "10%", "2026"), ("target", "4%", "2026")],
        ),
    ],
)
def test_a_period_opening_a_clause_after_a_semicolon_dates_its_figure(
    sentence: str, found: list[tuple[str, str, str]]
) -> None:
    assert [(role, figure, period) for role, figure, _, period, _, _ in read(sentence)] == found


def test_a_key_data_line_may_print_one_word_after_its_figure_and_names_its_metric_by_its_label() -> None:
    text = "KEY FIGURES 2024\nStaff as at 31 December 2024: 1,482 persons\nWater recycled: 41 percentages of all\n"
    # One word after the figure (what it counts, a unit of the report's own): a key figure; more
    # words: a heading, no key figure.
    assert units(text) == [("highlight", "Staff as at 31 December 2024: 1,482 persons", "")]
    # The metric is the label before the colon, without the day it names (the figure's period).
    assert [f[:4] for f in read("Staff as at 31 December 2024: 1,482 persons", "highlight")] == [
        ("value", "1,482", "Staff", "2024-12-31")
    ]


def test_a_cumulative_total_is_of_the_last_day_of_its_year() -> None:
    found = read("In 2023 we planted 5,000 trees, bringing cumulative trees planted to 41,000.")
    assert [(f[1], f[3]) for f in found] == [("5,000", "2023"), ("41,000", "2023-12-31")]


def test_a_key_data_lines_unit_word_over_what_its_label_says_it_is_per_is_an_intensity() -> None:
    def unit_of(word: str) -> str | None:
        return _unit_of(word) or equivalent_ratio(word, load_units(), _unit_of)

    text = "Energy per tonne of clinker: 5.83 kgce"
    highlight = Unit(0, len(text), text, "highlight")
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), unit_of=unit_of)
    # kgce over "per tonne of clinker": kgce/tonne, a tonne of coal equivalent per kilotonne.
    assert [f.unit for f in reader.read(highlight, list(RECOGNISER.mentions(text))).figures] == ["TCE-PER-KiloTONNE"]


def test_a_target_that_is_a_cut_of_a_share() -> None:
    ((role, figure, _, period, _, direction),) = read("Landfill is down 12%, and the 2026 target is a cut of 25%.")[1:]
    assert (role, figure, period, direction) == ("target", "25%", "2026", "decrease")


def test_a_sentence_saying_what_one_unit_is_in_another_has_no_figure() -> None:
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), unit_of=_unit_of)

    def figures(text: str) -> list[str]:
        unit = Unit(0, len(text), text, "sentence")
        return [f.mention.surface for f in reader.read(unit, list(RECOGNISER.mentions(text))).figures]

    assert figures("One tonne is 1,000 kg.") == []
    assert figures("1 MWh = 3.6 GJ.") == []
    assert figures("One depot is 2,400 m².") == ["2,400 m²"]  # "depot" is no unit: a figure


def test_an_arrow_before_a_figure_prints_a_change() -> None:
    """Key-figure pages mark a change with an arrow ("▲ 4.0% vs 2021", "▼ 2 cases vs 2021")."""
    assert [(role, figure, direction) for role, figure, _, _, _, direction in read("▲ 4.0% vs 2021")] == [
        ("change", "4.0%", "increase")
    ]
    assert [(role, figure, direction) for role, figure, _, _, _, direction in read("▼ 2 cases vs 2021")] == [
        ("change", "2", "decrease")
    ]


def test_a_rule_is_no_text_and_a_bracketed_note_marker_no_figure() -> None:
    """A rule of dashes under a table joins no sentence; a note opening with "[2]" is a unit of
    its own without its marker, so the marker's number is no figure."""
    text = "Waste  Unit  2022\n-------------------\n[2] Data cover 3 depots.\n"
    assert [(kind, body) for kind, body, _ in units(text) if kind != "table"] == [("bullet", "Data cover 3 depots.")]


def test_a_key_figure_with_its_change_under_it_is_one_highlight_named_by_its_caption() -> None:
    """Caption, figure, then the figure's change on the line under it ("▲ 4.0% vs 2021"): one
    highlight, whose figures are both the caption's metric."""
    text = (
        "KEY FIGURES\n\n  Fuel used\n  1,286 million litres\n  ▲ 4.0% vs 2021\n\n"
        "  Lost-time injuries\n  3 cases\n  ▼ 1 case vs 2021\n"
    )
    assert [(kind, " ".join(body.split())) for kind, body, _ in units(text)] == [
        ("highlight", "Fuel used 1,286 million litres ▲ 4.0% vs 2021"),
        ("highlight", "Lost-time injuries 3 cases ▼ 1 case vs 2021"),
    ]
    assert read("Fuel used\n1,286 million litres\n▲ 4.0% vs 2021", "highlight") == [
        ("value", "1,286 million litres", "Fuel used", None, None, None),
        ("change", "4.0%", "Fuel used", None, "2021", "increase"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A range printed with its unit once: its lower end is in the unit of its upper end.
        ("Drivers sign contracts of 6 to 9 months.", [("6", "MO"), ("9 months", None)]),
        ("Each pallet weighs between 20 and 25 kg.", [("20", "KiloGM"), ("25 kg", None)]),
        ("Barge speeds ranged from 8.5 to 9.0 knots.", [("8.5", "KN"), ("9.0 knots", None)]),
        # Not a range: two figures joined by "and", and an upper end scaled by a word the lower lacks.
        ("We opened 4 depots and 12 km of cycle lanes.", [("4", None), ("12 km", None)]),
        ("Output grew from 5 to 10 million tonnes.", [("5", None), ("10 million tonnes", None)]),
    ],
)
def test_the_lower_end_of_a_range_takes_the_unit_printed_after_its_upper_end(
    sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    unit = Unit(0, len(sentence), sentence, "sentence")
    found = FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(sentence))).figures
    assert [(f.mention.surface, f.unit) for f in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A target of a year as the sentence's subject, the figure after its verb; the year "below" names.
        ("Our target for 2030 is 30% below 2019.", [("target", "30%", "2030", "2019")]),
        ("The 2040 target column shows emissions 45% below 2020.", [("target", "45%", "2040", "2020")]),
        # Not a figure of a clause after it; a change "below" a year is measured from that year.
        ("Our 2030 target is set, and emissions fell 5% in the year.", [("change", "5%", None, "2021")]),
        ("We are on track for our 2030 target, with emissions 12% below 2019.", [("change", "12%", None, "2019")]),
    ],
)
def test_a_target_a_sentence_names_as_its_subject(sentence: str, expected: list[tuple]) -> None:
    assert [(role, figure, period, baseline) for role, figure, _, period, baseline, _ in read(sentence)] == expected
