"""Last year's figure printed after this year's in prose (kg.drafting.figures._comparative): alone
in parentheses or after "compared with" / "against", in the same unit, it is the level of the
year before, of the same metric; a share printed after "Since <year>" is the level now, not one
added up since then (invented sentences)."""

from __future__ import annotations

from kg.drafting.figures import FigureReader
from kg.drafting.sentences import Unit
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

LEXICON = load_units().lexicon
RECOGNISER = Recogniser(LEXICON)
YEAR = 2023


def read(text: str, fiscal_year_end: str | None = None) -> list[tuple[str, str | None, str | None, str]]:
    """(figure, period, unit key set beside it, metric) of each figure of one sentence."""
    unit = Unit(0, len(text), text, "sentence", "")
    reading = FigureReader(YEAR, tuple(LEXICON.prefixes), fiscal_year_end).read(unit, list(RECOGNISER.mentions(text)))
    return [(f.mention.surface, f.period, f.unit, f.metric) for f in reading.figures]


def test_a_figure_alone_in_parentheses_after_one_in_its_unit_is_of_the_year_before() -> None:
    figures = read("Staff gave 1,240 hours of their time (1,105 hours) to the food bank.")
    assert [f[:3] for f in figures] == [("1,240 hours", None, None), ("1,105 hours", "2022", None)]
    assert figures[1][3] == figures[0][3]


def test_a_bare_number_takes_the_unit_of_the_figure_it_follows() -> None:
    figures = read("Office energy intensity was 41.2 kWh per m² (43.0).")
    assert [f[:2] for f in figures] == [("41.2 kWh per m²", None), ("43.0", "2022")]
    assert figures[1][2] == "KiloW-HR-PER-M2"  # the unit of the figure it follows


def test_against_a_figure_in_its_unit_and_fiscal_years() -> None:
    assert [f[:2] for f in read("Water intensity was 1.42 m³ per tonne against 1.51 m³ per tonne.", "03-31")] == [
        ("1.42 m³ per tonne", "2022-04-01/2023-03-31"),
        ("1.51 m³ per tonne", "2021-04-01/2022-03-31"),
    ]


def test_a_figure_in_another_unit_or_dated_by_a_label_is_no_comparative() -> None:
    assert [f[:2] for f in read("We employ 1,286 people (52% women).")] == [("1,286", None), ("52%", None)]
    assert [f[:2] for f in read("Turnover was 9.5% (2021: 11.0%).")] == [("9.5%", None), ("11.0%", "2021")]


def test_the_figure_after_to_a_level_from_is_the_level_before() -> None:
    assert [f[:2] for f in read("The recycling rate improved to 61.5% from 58.0%, its best yet.")] == [
        ("61.5%", None),
        ("58.0%", "2022"),
    ]
    # a year printed with it dates it
    assert [f[:2] for f in read("Turnover fell to 8.2% from 9.5% in 2020.")][1] == ("9.5%", "2020")


def test_a_share_since_a_year_is_the_level_now_and_a_count_since_then_adds_up() -> None:
    assert [f[:2] for f in read("Since 2020, 35% of our fleet has been electric.")] == [("35%", None)]
    assert [f[:2] for f in read("Since 2020, we have planted 12,000 trees.")] == [("12,000", "2020/2023")]
