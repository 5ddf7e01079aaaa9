"""Targets a list prints without a word of commitment, and levels named as the base year's (invented sentences)."""

from __future__ import annotations

from kg.drafting.figures import FigureReader
from kg.drafting.sentences import Unit
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

LEXICON = load_units().lexicon
RECOGNISER = Recogniser(LEXICON)
YEAR = 2022


def read(text: str, kind: str = "sentence", lead: str = "", fiscal_year_end: str | None = None) -> list[tuple]:
    """(role, figure, period, direction) of each figure of one unit."""
    unit = Unit(0, len(text), text, kind, lead)
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), fiscal_year_end)
    reading = reader.read(unit, list(RECOGNISER.mentions(text)))
    return [(f.role, f.mention.surface, f.period, f.direction) for f in reading.figures]


def test_a_figure_its_clause_says_is_to_be_reached_by_a_year_to_come_is_a_target() -> None:
    lead = "Progress is reviewed each quarter."
    assert read("Lower fuel intensity per tonne shipped by 25% by FY2029/30.", "bullet", lead, "03-31") == [
        ("target", "25%", "2029-04-01/2030-03-31", "decrease")
    ]
    text = "Raise the share of hybrid trucks to at least 40% of the fleet by the end of 2030."
    assert read(text, "bullet", lead) == [("target", "at least 40%", "2030-12-31", None)]


def test_a_year_that_has_come_or_another_clause_makes_no_target() -> None:
    assert read("Sales grew by 25% by 2021.") == [("change", "25%", None, "increase")]
    assert read("Paper use fell by 8%, and by 2030 the mill will close.")[0][0] == "change"


def test_a_clause_naming_the_baseline_prints_the_base_years_level() -> None:
    text = (
        "The FY2018/19 baseline fuel intensity was 12.4 litres per tonne, the baseline paper use 310 kg "
        "and the baseline water intensity 5.2 m³ per employee."
    )
    assert [(figure, period) for _, figure, period, _ in read(text, fiscal_year_end="03-31")] == [
        ("12.4 litres per tonne", "2018-04-01/2019-03-31"),
        ("310 kg", "2018-04-01/2019-03-31"),
        ("5.2 m³ per employee", "2018-04-01/2019-03-31"),
    ]
    assert read("The 2019 baseline waste intensity was 3.1 tonnes per unit.") == [
        ("value", "3.1 tonnes per unit", "2019", None)
    ]
    # A clause that does not name the baseline prints the report's own level.
    assert read("Against the 2019 baseline, waste intensity was 2.6 tonnes per unit.") == [
        ("value", "2.6 tonnes per unit", None, None)
    ]


def test_a_change_over_some_months_is_of_them_against_the_same_months_a_year_earlier() -> None:
    text = "From April to July 2022 the plant used 6.1% less water than from April to July 2021."
    assert read(text) == [("change", "6.1%", "2022-04-01/2022-07-31", "decrease")]
    unit = Unit(0, len(text), text, "sentence", "")
    figure = FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(text))).figures[0]
    assert figure.baseline == "2021-04-01/2021-07-31"
    halves = "In the first half of 2021, energy use fell by 4%."
    unit = Unit(0, len(halves), halves, "sentence", "")
    figure = FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(halves))).figures[0]
    assert (figure.period, figure.baseline) == ("2021-01-01/2021-06-30", "2020-01-01/2020-06-30")


def test_a_level_to_keep_each_year_up_to_a_year_to_come_is_a_target_of_that_year() -> None:
    text = "Our target is an average of at least 30 hours of training per employee each year to 2026."
    assert read(text) == [("target", "at least 30 hours", "2026", None)]
    text = "ensure that at least 90% of our trainees pass in each year to the 2025/26 school year."
    assert read(text, "bullet", "We aim to:", "08-31") == [("target", "at least 90%", "2025-09-01/2026-08-31", None)]


def test_a_level_to_keep_every_year_from_a_year_to_come_is_a_target_of_that_year() -> None:
    text = "Reuse at least 70% of our packaging every year from FY2025/26."
    assert read(text, "bullet", "Progress is reviewed.", "03-31") == [
        ("target", "at least 70%", "2025-04-01/2026-03-31", None)
    ]
    assert read("We have planted 1,000 trees every year from 2019.") == [("value", "1,000", None, None)]


def test_a_change_reached_by_the_end_of_a_fiscal_year_is_of_that_fiscal_year() -> None:
    # The report's own fiscal year ends 30 June 2022; "the end of FY2021/22" is its own period,
    # "the end of FY2020/21" the year before it, each a whole fiscal year, not a calendar one.
    text = "By the end of FY2021/22, water use was 9% below the FY2018/19 baseline."
    assert read(text, fiscal_year_end="06-30") == [("change", "9%", "2021-07-01/2022-06-30", "decrease")]
    text = "By the end of FY2020/21, paper use was 4% below the FY2018/19 baseline."
    assert read(text, fiscal_year_end="06-30") == [("change", "4%", "2020-07-01/2021-06-30", "decrease")]


def test_bullets_a_deadline_to_come_leads_are_targets_by_it() -> None:
    lead = "By FY2029/30, against FY2018/19:"
    assert read("cut water use per site by 15%;", "bullet", lead, "03-31") == [
        ("target", "15%", "2029-04-01/2030-03-31", "decrease")
    ]
    assert read("fit solar panels on at least 60% of our depots.", "bullet", lead, "03-31") == [
        ("target", "at least 60%", "2029-04-01/2030-03-31", None)
    ]
    # A lead whose year has come leads levels, not targets.
    assert read("fit solar panels on 60% of our depots.", "bullet", "By FY2021/22:", "03-31")[0][0] == "value"


def test_a_figure_printed_as_a_years_level_is_of_that_year() -> None:
    text = "In FY2021/22 we used 61.2 MWh per depot, 8.5% less than the FY2018/19 level of 66.9 MWh."
    assert read(text, fiscal_year_end="03-31") == [
        ("value", "61.2 MWh", "2021-04-01/2022-03-31", None),
        ("change", "8.5%", "2021-04-01/2022-03-31", "decrease"),
        ("value", "66.9 MWh", "2018-04-01/2019-03-31", None),
    ]
    assert read("Water use was 5% below the 2019 baseline of 310 m³.")[1] == ("value", "310 m³", "2019", None)
