"""Naming drafted figures' metrics in words the catalogue reads (kg.drafting.metric_names).

The sentences are invented, in the wordings of a hotel group, a utility and a consultancy, so
the rules are tested on general ESG wording, not on one report's.
"""

from __future__ import annotations

import pytest

from kg.drafting.figures import FigureReader
from kg.drafting.metric_names import MetricNamer, clean
from kg.drafting.sentences import Unit
from kg.ingest.quantities import Recogniser
from kg.vocab.catalogue import match_metric
from kg.vocab.units import load_units

UNITS = load_units()
RECOGNISER = Recogniser(UNITS.lexicon)
READER = FigureReader(2023, tuple(UNITS.lexicon.prefixes))


def named(*sentences: str) -> list[tuple[str, str, str | None]]:
    """(figure, metric name, catalogue metric) of each figure of ``sentences``, read in order."""
    namer = MetricNamer()
    found = []
    for text in sentences:
        reading = READER.read(Unit(0, len(text), text, "sentence"), list(RECOGNISER.mentions(text)))
        keys = [None if f.role != "value" and f.mention.unit == "PERCENT" else f.mention.unit for f in reading.figures]
        for figure, name, key in zip(reading.figures, namer.names(reading, keys), keys, strict=True):
            match = match_metric(name, key)
            found.append((figure.mention.surface, name, match.notation if match else None))
    return found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Percentage of staff trained was in FY2023 FY2022", "Percentage of staff trained"),
        ("As at December the Company had employees", "Employees"),
        ("Million in cash and food worth", "Cash and food worth"),
        ("Water consumption during the reporting period reached", "Water consumption"),
        ("in 2023 which", ""),
    ],
)
def test_clean_drops_period_words_verbs_and_figure_leftovers(name: str, expected: str) -> None:
    assert clean(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("We aim to keep energy intensity at or below", "Energy intensity"),
        ("The Group plans to reduce water consumption", "Water consumption"),
        ("Target to cut landfilled waste to no more than", "Landfilled waste"),
    ],
)
def test_clean_drops_a_targets_verbs_and_bounds(name: str, expected: str) -> None:
    assert clean(name) == expected


def test_a_name_that_reads_as_it_is_stays_as_it_is() -> None:
    assert named("Our hotels consumed 84,200 MWh of electricity in 2023.") == [
        ("84,200 MWh", "Electricity consumed", "energy-electricity-purchased")
    ]


def test_a_list_of_parts_names_each_part_after_the_subject_of_the_first() -> None:
    assert named("By age, 1,204 employees were aged under 30, 2,655 were aged 30 to 50 and 611 were over 50.") == [
        ("1,204", "Employees aged under 30", "employees-under-30"),
        ("2,655", "Employees aged 30 to 50", "employees-30-to-50"),
        ("611", "Employees over 50", "employees-over-50"),
    ]


def test_a_sentence_that_points_back_continues_the_metric_of_the_one_before() -> None:
    assert named(
        "At the end of 2023 the Company had 4,355 staff.",
        "Of these, 3,940 were full-time and 415 were part-time.",
        "We planted 800 trees.",
        "Of these, 120 were fruit trees.",
    ) == [
        ("4,355", "Staff", "employees-total"),
        ("3,940", "Employees full-time", "employees-full-time"),
        ("415", "Employees part-time", "employees-part-time"),
        ("800", "trees planted", None),
        ("120", "Of these", None),  # no catalogue metric to continue: the name stays as read
    ]


def test_a_part_named_in_its_own_clause_wins_over_a_sibling_the_name_carried() -> None:
    assert named("The attrition rate stood at 11.8% for men and 13.5% for women.") == [
        ("11.8%", "Attrition rate for men", "turnover-rate-male"),
        ("13.5%", "Employee turnover rate for women", "turnover-rate-female"),
    ]


def test_a_figure_with_only_a_period_of_its_own_is_of_the_metric_named_before() -> None:
    assert named("The average hours of training was 18.4 hours per employee in FY2024 and 16.9 hours in FY2023.") == [
        # "hours per employee" is an average in hours (the recogniser), the "per employee" kept in its name.
        ("18.4 hours", "Average hours of training per employee", "training-hours-average"),
        ("16.9 hours", "Average hours of training per employee", "training-hours-average"),
    ]


def test_the_figures_clause_names_what_the_name_left_out() -> None:
    assert named(
        "In 2023, 1,870 employees were based in Singapore.",
        "In 2023 our volunteers gave 3,150 hours of their time.",
        "We carried out on-site audits of 64 suppliers.",
        "As at 31 December 2023, the Company employed 2,210 people.",
    ) == [
        ("1,870", "Employees based in Singapore", "employees-in-region"),
        ("3,150 hours", "Volunteers gave hours of time", "volunteer-hours"),
        ("64", "audits suppliers", "suppliers-audited"),
        ("2,210", "People employed", "employees-total"),
    ]


def test_a_qualifier_the_name_lost_is_put_back_only_when_nothing_else_reads() -> None:
    assert named(
        "Our Scope 2 emissions rose by 4.1% year-on-year.",
        "Hazardous waste fell to 12.4 tonnes in 2023, while 310 tonnes of waste were recycled.",
        "Rooftop solar arrays covering 8,000 m² at two hotels, which generated 950 MWh of electricity.",
    ) == [
        ("4.1%", "Scope 2 emissions", "ghg-scope-2"),
        ("12.4 tonnes", "Hazardous waste", "hazardous-waste"),
        ("310 tonnes", "Waste recycled", "waste-recycled"),  # the catalogue holds waste recycled of no class
        ("8,000 m²", "Rooftop solar arrays covering", None),
        ("950 MWh", "solar electricity generated", "energy-renewable"),
    ]


def test_scope_1_and_scope_2_is_one_scope_pair_not_two_clauses() -> None:
    assert named("Our Scope 1 and Scope 2 emissions fell by 3.2% while floor area grew.") == [
        ("3.2%", "Scope 1 and Scope 2 emissions", "ghg-scope-1-and-2"),
    ]


def test_a_figure_the_catalogue_has_no_metric_for_keeps_its_own_words() -> None:
    assert named("We ran 42 coastal clean-up events with 1,300 participants.") == [
        ("42", "coastal clean", None),
        ("1,300", "participants", None),
    ]


def test_a_figure_compared_with_the_one_before_is_of_its_metric() -> None:
    assert named("Water withdrawal reached 1.92 million m³, 2.5% less than the year before.") == [
        ("1.92 million m³", "Water withdrawal", "water-withdrawal"),
        ("2.5%", "Water withdrawal", "water-withdrawal"),
    ]


def test_a_list_of_recycled_materials_keeps_the_route_for_every_part() -> None:
    assert named(
        "During the year the hotels recycled 12.4 tonnes of waste paper, 3.1 tonnes of glass and 860 kg of metals."
    ) == [
        ("12.4 tonnes", "Waste paper recycled", "non-hazardous-waste-recycled"),
        ("3.1 tonnes", "Non-hazardous waste recycled glass", "non-hazardous-waste-recycled"),
        ("860 kg", "Non-hazardous waste recycled metals", "non-hazardous-waste-recycled"),
    ]


def test_energy_a_measure_saved_is_of_energy_saved() -> None:
    assert named("Replacing 2,300 lamps with LED tubes at our depots saved 94,000 kWh of electricity.") == [
        ("2,300", "lamps", None),
        ("94,000 kWh", "Electricity saved", "energy-saved"),
    ]


def test_a_groups_share_of_the_workforce_is_named_as_a_share_of_its_count() -> None:
    assert named("Women made up 44.5% of the workforce, and employees aged under 30 accounted for 12.0%.") == [
        ("44.5%", "Women made up of the workforce (share)", None),
        ("12.0%", "Employees aged under 30 (share)", None),
    ]
    # a percentage of a mass is not named as a share of it
    assert named("The recycling rate of paper waste rose to 71.5% in 2023.") == [
        ("71.5%", "recycling rate of paper waste", None)
    ]


def test_a_saving_to_come_and_a_share_worded_account_are_read_too() -> None:
    saving = named("Fitting 640 heat pumps will save about 52,000 kWh of electricity a year.")[1]
    assert saving == ("about 52,000 kWh", "Electricity saved", "energy-saved")
    assert named("Staff aged under 30 account for 9.6% of the workforce.") == [
        ("9.6%", "Staff aged under 30 account for of the workforce (share)", None)
    ]


def test_a_scope_the_sentence_files_a_figure_under_names_its_metric() -> None:
    """What a sentence says a figure is counted in names it, whatever its subject says: a table
    filing the same figure under another scope then contradicts the sentence."""
    assert named(
        "Steam bought from the industrial park's boiler house, 2,150.4 tCO2e, is included in our Scope 1"
        " emissions because we run the boiler.",
        "Refrigerant top-ups at our depots, 96.2 tCO2e, are reported under Scope 3.",
        "Emissions of our leased offices, 410.8 tCO2e, are included in Scope 1 and 2.",
    ) == [
        ("2,150.4 tCO2e", "Scope 1 emissions", "ghg-scope-1"),
        ("96.2 tCO2e", "Scope 3 emissions", "ghg-scope-3"),
        # Two scopes name a total, not the one scope a figure is filed under.
        ("410.8 tCO2e", "Emissions of our leased offices", None),
    ]


def test_a_relative_clause_after_what_a_figure_is_of_files_it_under_a_scope() -> None:
    """A relative clause after the figure and the noun it is of (", which we count in Scope 3") names
    its scope too."""
    assert named(
        "Our landfill cells released 310.5 tCO2e of methane, which we count in Scope 3 under our waste policy.",
        "The kitchens burned gas worth 74.2 tCO2e, which is reported under Scope 1.",
        "Boilers emitted 52.0 tCO2e of carbon dioxide, which the Group includes in Scope 1 and 2.",
    ) == [
        ("310.5 tCO2e", "Scope 3 emissions", "ghg-scope-3"),
        ("74.2 tCO2e", "Scope 1 emissions", "ghg-scope-1"),
        # Two scopes name a total, not the one scope a figure is filed under.
        ("52.0 tCO2e", "carbon dioxide emitted", None),
    ]


def test_a_scope_filed_under_after_words_saying_what_the_figure_is_of() -> None:
    assert named(
        "The 1,120.5 tCO2e emitted by the lime kilns in 2023 are counted in Scope 3, as a contractor runs them.",
        "The lime kilns emitted 1,120.5 tCO2e, and the 2 kilns are counted in Scope 3.",
    ) == [
        ("1,120.5 tCO2e", "Scope 3 emissions", "ghg-scope-3"),
        # A clause break between the figure and what is filed: the scope is not the figure's; nor
        # is a count filed under a scope.
        ("1,120.5 tCO2e", "tCO2e emitted", None),
        ("2", "kilns", None),
    ]


def test_a_figure_said_to_make_up_a_share_of_a_scope_is_filed_under_it() -> None:
    assert named(
        "Steam bought from the park's boiler house, 2,150.4 tCO2e in 2023, makes up much of our Scope 1 emissions.",
        "Leaks from chillers, 96.2 tCO2e, form part of Scope 3.",
        "Diesel for our generators, 55.0 tCO2e, made up the bulk of our Scope 2 and 3 emissions.",
    ) == [
        ("2,150.4 tCO2e", "Scope 1 emissions", "ghg-scope-1"),
        ("96.2 tCO2e", "Scope 3 emissions", "ghg-scope-3"),
        ("55.0 tCO2e", "Diesel for our generators", None),
    ]


def test_the_one_scope_a_sentence_names_before_an_emissions_figure_stays_in_its_name() -> None:
    """The label keeps the scope the report prints, even where it contradicts the rest of the
    name (so that validation can hold it against a table's scope); a scope named for another
    figure, or a total of two scopes, is not carried over."""
    assert named(
        "Scope 2 (energy indirect) emissions from purchased electricity were 812.6 tCO2e in 2023.",
        "Scope 1 (direct) emissions from purchased electricity were 812.6 tCO2e in 2023.",
        "Scope 1 emissions were 410.2 tCO2e, and emissions from purchased electricity were 812.6 tCO2e.",
    ) == [
        ("812.6 tCO2e", "Scope 2 emissions from purchased electricity", "ghg-scope-2"),
        # Purchased electricity is Scope 2: the label contradicts itself and reads as no catalogue metric.
        ("812.6 tCO2e", "Scope 1 emissions from purchased electricity", None),
        ("410.2 tCO2e", "Scope 1 emissions", "ghg-scope-1"),
        ("812.6 tCO2e", "Emissions from purchased electricity", "ghg-scope-2"),
    ]


def test_a_figure_set_off_by_commas_is_of_the_noun_before_it() -> None:
    assert named(
        "Our vans also emit small amounts of nitrogen oxides, about 2,400 kg, and sulphur oxides, about 35 kg.",
        "We recycled 120 tonnes of paper, 30 tonnes of plastics and 4 tonnes of glass.",
    ) == [
        ("about 2,400 kg", "Nitrogen oxides", "nox-emissions"),
        ("about 35 kg", "Sulphur oxides", "sox-emissions"),
        # A list of figures, each with its own words: no figure is set off after a noun.
        ("120 tonnes", "paper recycled", None),
        ("30 tonnes", "plastics", None),
        ("4 tonnes", "glass", None),
    ]
