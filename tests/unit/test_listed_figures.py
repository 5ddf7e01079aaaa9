"""Figures printed as one list whose last prints the unit (kg.drafting.figures.FigureReader.
_listed_figures): each is in that unit and of one metric; "in the three years" after a list of
three dates them the three years up to the report's, in order (invented sentences)."""

from __future__ import annotations

from kg.drafting.figures import FigureReader
from kg.drafting.sentences import Unit
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

LEXICON = load_units().lexicon
RECOGNISER = Recogniser(LEXICON)
YEAR = 2023


def read(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    """(figure, period, unit key set beside it, index of its list's first figure) of each figure."""
    unit = Unit(0, len(text), text, "sentence", "")
    reading = FigureReader(YEAR, tuple(LEXICON.prefixes)).read(unit, list(RECOGNISER.mentions(text)))
    return [(f.mention.surface, f.period, f.unit, f.listed) for f in reading.figures]


def test_a_list_of_three_over_the_three_years() -> None:
    assert read("Heat bought from the network came to 310, 295 and 280 tCO2e in the three years.") == [
        ("310", "2021", "TONNE", None),
        ("295", "2022", "TONNE", 0),
        ("280 tCO2e", "2023", None, 0),
    ]


def test_a_list_without_its_years_keeps_their_period() -> None:
    assert read("The depots used 1,200, 950 and 870 MWh of electricity.") == [
        ("1,200", None, "MegaW-HR", None),
        ("950", None, "MegaW-HR", 0),
        ("870 MWh", None, None, 0),
    ]


def test_figures_that_each_print_a_unit_or_differ_in_count_are_no_such_list() -> None:
    assert read("We planted 120 trees and 45 tonnes of compost.")[0][2:] == (None, None)
    assert [f[1] for f in read("Sales were 10, 12 and 14 tonnes in the two years.")] == [None, None, None]
