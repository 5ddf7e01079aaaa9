"""The parts a colon lists right after the day a total is counted on are counted on that day
(invented sentences)."""

from __future__ import annotations

from kg.drafting.figures import FigureReader
from kg.drafting.sentences import Unit
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

LEXICON = load_units().lexicon
RECOGNISER = Recogniser(LEXICON)


def read(text: str) -> list[tuple[str, str | None]]:
    """(figure, period) of each figure of one sentence of a 2022 report."""
    reading = FigureReader(2022, tuple(LEXICON.prefixes)).read(
        Unit(0, len(text), text, "sentence"), list(RECOGNISER.mentions(text))
    )
    return [(f.mention.surface, f.period) for f in reading.figures]


def test_parts_listed_after_a_day_and_a_colon_are_of_that_day() -> None:
    text = "All 90 depots we ran as at 30 June 2022: 52 depots in the north and 38 depots in the south."
    assert read(text) == [("90", "2022-06-30"), ("52", "2022-06-30"), ("38", "2022-06-30")]


def test_a_colon_after_no_day_gives_the_parts_none() -> None:
    assert read("We hired 90 staff in 2022: 52 in the north and 38 in the south.") == [
        ("90", None),
        ("52", None),
        ("38", None),
    ]
