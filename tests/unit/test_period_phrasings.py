"""Period phrasings of prose figures: days with ordinals, "as of" a month or a quarter, spans a dash
joins, spans of days without a year, the years to come, and counts of named things (invented sentences)."""

from __future__ import annotations

from kg.drafting.figures import FigureReader, restated_days
from kg.drafting.sentences import Unit
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

LEXICON = load_units().lexicon
RECOGNISER = Recogniser(LEXICON)
YEAR = 2022


def read(text: str, fiscal_year_end: str | None = None) -> list[tuple]:
    """(role, figure, period, direction) of each figure of one sentence."""
    unit = Unit(0, len(text), text, "sentence", "")
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes), fiscal_year_end)
    reading = reader.read(unit, list(RECOGNISER.mentions(text)))
    return [(f.role, f.mention.surface, f.period, f.direction) for f in reading.figures]


def test_a_level_as_of_a_month_or_a_quarter_is_of_its_last_day() -> None:
    assert read("As of October 2022, almost 1,400 households had joined the scheme.") == [
        ("value", "almost 1,400", "2022-10-31", None)
    ]
    assert read("As at the end of June 2022, the fleet counted 61 buses.") == [("value", "61", "2022-06-30", None)]
    assert read("As of the third quarter of 2022, more than 70 clinics used the booking system.") == [
        ("value", "more than 70", "2022-09-30", None)
    ]
    assert read("As of the first half of 2022, we ran 14 depots.") == [("value", "14", "2022-06-30", None)]


def test_a_day_may_print_its_ordinal_and_a_level_reached_by_it_is_of_that_day() -> None:
    assert read("As of 5th October 2022, we ran 14 depots.") == [("value", "14", "2022-10-05", None)]
    assert read("By 3rd March 2022, the library had lent 2.4 million books.") == [
        ("value", "2.4 million", "2022-03-03", None)
    ]
    assert read("By March 3, 2022, the library had lent 2.4 million books.") == [
        ("value", "2.4 million", "2022-03-03", None)
    ]
    assert read("We aim to plant 5,000 trees by June 2025.") == [("target", "5,000", "2025-06-30", None)]


def test_up_after_a_passive_verb_is_its_particle_not_a_change() -> None:
    assert read("In 2022 the help page was looked up 1.2 million times.") == [
        ("value", "1.2 million times", None, None)
    ]
    assert read("Sales were up 12% in 2022.")[0][0] == "change"


def test_two_years_a_dash_joins_are_a_span() -> None:
    assert read("From 2019–2022, the fund gave over 3,000 laptops to 40 schools.") == [
        ("value", "over 3,000", "2019/2022", None),
        ("value", "40", "2019/2022", None),
    ]
    assert read("In 2019-2022 we planted 1,200 trees.") == [("value", "1,200", "2019/2022", None)]
    # A figure a change over the span came "to" is still of its last year.
    assert read("From 2019 to 2021, the share of women rose to 45%.") == [("value", "45%", "2021", None)]


def test_a_span_of_days_without_a_year_is_of_the_reports_year() -> None:
    assert read("From October 3rd to November 20th, volunteers served 8,100 meals.") == [
        ("value", "8,100", "2022-10-03/2022-11-20", None)
    ]
    assert read("Between 2 May and 9 June 2021, volunteers collected 640 kg of litter.") == [
        ("value", "640 kg", "2021-05-02/2021-06-09", None)
    ]


def test_the_next_years_are_the_years_after_the_reports() -> None:
    assert read("The group plans to invest US$12 million in new plants in the next 4 years.") == [
        ("value", "US$12 million", "2023/2026", None)
    ]
    assert read("We will spend HK$3 million on upgrades over the coming three years.", "03-31") == [
        ("value", "HK$3 million", "2022-04-01/2025-03-31", None)
    ]


def test_a_short_word_opening_a_plural_name_is_no_unit() -> None:
    assert read("We ran over 420 Go Stores at the end of 2022.") == [("value", "over 420", "2022-12-31", None)]
    assert read("In 2022, 31 Eco Hubs opened.") == [("value", "31", None, None)]


def test_a_sentence_listing_a_products_specifications_keeps_only_its_price() -> None:
    text = "The X200 phone has a 48MP+12MP rear camera, 8GB+256GB storage and 65W charging, and sells for under US$300."
    assert read(text) == [("value", "under US$300", None, None)]
    assert read("The X200 phone has a 48MP rear camera.") == [("value", "48MP", None, None)]


def test_a_plus_joins_codes_of_a_list() -> None:
    assert read("We cut Scope 1+2 emissions by 12% in 2021.") == [("change", "12%", "2021", "decrease")]


def test_a_short_figure_inside_a_name_a_colon_closes_is_no_figure() -> None:
    assert read("Aero 5 (Slim Edition): Design Award, and Good Design Award") == []
    assert read("Home Blender and Kettle Max 2L: Innovation Prize") == []
    assert read("Water Saved 1,200 m³: Best Year Yet") == [("value", "1,200 m³", None, None)]


def test_a_figure_inside_a_quoted_name_is_no_figure() -> None:
    assert read("Our studio follows the principle of “90% of the look for 10% of the cost” since 2021.") == []
    text = 'The group set the world\'s "Largest tree planting in 48 hours" record and planted 12,000 trees.'
    assert read(text) == [("value", "12,000", None, None)]
    assert read("We set a goal “to cut 30% of emissions by 2030”.") == [("target", "30%", "2030", "decrease")]


def test_a_time_taken_once_from_an_event_is_a_figure_a_standard_is_not() -> None:
    assert read("The firm sent relief goods to the flooded town within 36 hours of the flood.") == [
        ("value", "within 36 hours", None, None)
    ]
    assert read("Complaints are handled within 14 days of the receipt.") == []
    assert read("Complaints must be handled within 14 days of their receipt.") == []


def test_a_sentence_of_an_action_does_not_take_the_day_of_the_one_before() -> None:
    text = "As of December 31, 2022, the club had 3,450 members. We also published 14 guides, which drew 3,000 readers."
    cut = text.index(" We ")
    unit_a = Unit(0, cut, text[:cut], "sentence", "", 0)
    unit_b = Unit(cut + 1, len(text), text[cut + 1 :], "sentence", "", 0)
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes))
    mentions = list(RECOGNISER.mentions(text))
    first = reader.read(unit_a, [m for m in mentions if m.end <= cut])
    second = reader.read(unit_b, [m for m in mentions if m.start > cut])
    assert [(f.mention.surface, f.period) for f in first.figures] == [("3,450", "2022-12-31")]
    assert [(f.mention.surface, f.period) for f in second.figures] == [("14", None), ("3,000", None)]


def test_the_day_of_a_decision_does_not_date_what_it_decided() -> None:
    assert read("The directors decided on May 3, 2022 to grant 120,000 shares to 1,200 staff.") == [
        ("value", "120,000", None, None),
        ("value", "1,200", None, None),
    ]
    assert read("On 4 June 2022, 286 mm of rain fell.") == [("value", "286 mm", "2022-06-04", None)]


def test_a_figure_restated_without_its_day_takes_the_day_another_unit_prints_it_with() -> None:
    texts = [
        "Employed 18,240 staff from 31 countries",
        "As of the end of 2022, we employed 18,240 staff from 31 countries.",
        "Planted 18,240 trees",
    ]
    reader = FigureReader(YEAR, tuple(LEXICON.prefixes))
    readings = []
    for text in texts:
        unit = Unit(0, len(text), text, "sentence", "")
        readings.append(reader.read(unit, list(RECOGNISER.mentions(text))))
    restated = restated_days(readings, reader.own_written)
    assert [[(f.mention.surface, f.period) for f in r.figures] for r in restated] == [
        [("18,240", "2022-12-31"), ("31", None)],  # "31" is too short a figure to tell it is the same
        [("18,240", "2022-12-31"), ("31", "2022-12-31")],
        [("18,240", None)],  # the same number of other things
    ]
